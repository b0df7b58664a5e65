#include "core/documents/emrtd/SecurityInfos.h"

#include "core/documents/emrtd/Der.h"

#include "core/documents/emrtd/BerTlvDecoder.h"
#include "core/documents/emrtd/ChipPublicKey.h"

#include <QStringList>

namespace fg {
namespace {

// 0.4.0.127.0.7.2.2.3: bsi-de protocols smartcards id-CA.
const QByteArray kIdCa = QByteArray::fromHex("04007F0007020203");
// 0.4.0.127.0.7.2.2.1: id-PK.
const QByteArray kIdPk = QByteArray::fromHex("04007F0007020201");
// 2.23.136.1.1.5: id-icao-mrtd-security-aaProtocolObject.
const QByteArray kIdAa = QByteArray::fromHex("678108010105");
// 0.4.0.127.0.7.1.1.4.1: ecdsa-plain-signatures (BSI TR-03111).
const QByteArray kEcdsaPlain = QByteArray::fromHex("04007F000701010401");

using der::kInteger;
using der::kObjectIdentifier;
using der::kSequence;
using der::kSet;
using der::smallInteger;

bool fail(QString* error, const QString& why)
{
    if (error)
        *error = QStringLiteral("DG14: ") + why;
    return false;
}

BerTlv integer(int value)
{
    QByteArray bytes;
    do {
        bytes.prepend(static_cast<char>(value & 0xFF));
        value >>= 8;
    } while (value > 0);
    if (bytes[0] & 0x80)
        bytes.prepend('\0');
    return BerTlv::primitive(kInteger, bytes);
}

QString oidText(const QByteArray& oid)
{
    return QString::fromLatin1(oid.toHex().toUpper());
}

} // namespace

QString ChipAuthenticationInfo::name() const
{
    const QString cipherName = cipher == SmCipher::TripleDes
        ? QStringLiteral("3DES-CBC-CBC")
        : QStringLiteral("AES-CBC-CMAC-%1").arg(smCipherKeyBytes(cipher) * 8);
    return QStringLiteral("id-CA-%1-%2").arg(agreement == Agreement::Dh ? QLatin1String("DH") : QLatin1String("ECDH"),
                                             cipherName);
}

QByteArray ChipAuthenticationInfo::oidFor(Agreement agreement, SmCipher cipher)
{
    char cipherByte = 1;
    switch (cipher) {
    case SmCipher::TripleDes: cipherByte = 1; break;
    case SmCipher::Aes128: cipherByte = 2; break;
    case SmCipher::Aes192: cipherByte = 3; break;
    case SmCipher::Aes256: cipherByte = 4; break;
    }
    return kIdCa + char(agreement == Agreement::Dh ? 1 : 2) + cipherByte;
}

QString ActiveAuthenticationInfo::hashName() const
{
    if (signatureAlgorithm.size() != kEcdsaPlain.size() + 1 || !signatureAlgorithm.startsWith(kEcdsaPlain))
        return QString();
    switch (signatureAlgorithm.back()) {
    case 1: return QStringLiteral("SHA1");
    case 2: return QStringLiteral("SHA224");
    case 3: return QStringLiteral("SHA256");
    case 4: return QStringLiteral("SHA384");
    case 5: return QStringLiteral("SHA512");
    default: return QString(); // 6: RIPEMD-160, not offered here
    }
}

QByteArray ActiveAuthenticationInfo::ecdsaPlainOid(const QString& hashName)
{
    const QStringList names = {QStringLiteral("SHA1"), QStringLiteral("SHA224"), QStringLiteral("SHA256"),
                               QStringLiteral("SHA384"), QStringLiteral("SHA512")};
    const qsizetype index = names.indexOf(hashName);
    if (index < 0)
        return QByteArray();
    return kEcdsaPlain + char(index + 1);
}

std::optional<SecurityInfos> SecurityInfos::fromDg14(QByteArrayView dg14, QString* error)
{
    QString why;
    const auto file = BerTlvDecoder::decodeSingle(dg14, &why);
    if (!file) {
        fail(error, QStringLiteral("malformed: ") + why);
        return std::nullopt;
    }
    if (file->tag() != kDg14Tag) {
        fail(error, QStringLiteral("starts with tag %1, not 6E").arg(BerTlv::tagName(file->tag())));
        return std::nullopt;
    }
    if (file->children().size() != 1 || file->children().front().tag() != kSet) {
        fail(error, QStringLiteral("6E does not hold exactly one SET (31) of SecurityInfos"));
        return std::nullopt;
    }
    const BerTlv& set = file->children().front();
    if (set.children().size() > kMaxInfos) {
        fail(error, QStringLiteral("%1 SecurityInfos (at most %2)").arg(set.children().size()).arg(kMaxInfos));
        return std::nullopt;
    }
    SecurityInfos infos;
    for (const BerTlv& securityInfo : set.children()) {
        const auto& fields = securityInfo.children();
        if (securityInfo.tag() != kSequence || fields.size() < 2 || fields.front().tag() != kObjectIdentifier) {
            fail(error, QStringLiteral("the object at offset %1 is not a SecurityInfo (SEQUENCE of an OID and data)")
                            .arg(securityInfo.offset()));
            return std::nullopt;
        }
        const QByteArray& oid = fields.front().value();
        const QString where = QStringLiteral(" at offset %1").arg(securityInfo.offset());
        if (oid.size() == kIdCa.size() + 2 && oid.startsWith(kIdCa)) {
            ChipAuthenticationInfo info;
            info.oid = oid;
            const int agreement = oid[kIdCa.size()];
            const int cipher = oid[kIdCa.size() + 1];
            if (agreement != 1 && agreement != 2) {
                fail(error, QStringLiteral("a ChipAuthenticationInfo%1 has the unknown protocol %2").arg(where, oidText(oid)));
                return std::nullopt;
            }
            info.agreement = agreement == 1 ? ChipAuthenticationInfo::Agreement::Dh
                                            : ChipAuthenticationInfo::Agreement::Ecdh;
            switch (cipher) {
            case 1: info.cipher = SmCipher::TripleDes; break;
            case 2: info.cipher = SmCipher::Aes128; break;
            case 3: info.cipher = SmCipher::Aes192; break;
            case 4: info.cipher = SmCipher::Aes256; break;
            default:
                fail(error, QStringLiteral("a ChipAuthenticationInfo%1 has the unknown cipher of %2").arg(where, oidText(oid)));
                return std::nullopt;
            }
            const auto version = smallInteger(fields[1]);
            if (version != 1) {
                fail(error, QStringLiteral("a ChipAuthenticationInfo%1 has no version 1 (Doc 9303 knows no other)").arg(where));
                return std::nullopt;
            }
            if (fields.size() > 3) {
                fail(error, QStringLiteral("a ChipAuthenticationInfo%1 has %2 fields, at most 3").arg(where).arg(fields.size()));
                return std::nullopt;
            }
            if (fields.size() == 3) {
                info.keyId = smallInteger(fields[2]);
                if (!info.keyId) {
                    fail(error, QStringLiteral("a ChipAuthenticationInfo%1 has a malformed keyId").arg(where));
                    return std::nullopt;
                }
            }
            infos.chipAuthentication.push_back(std::move(info));
        } else if (oid.size() == kIdPk.size() + 1 && oid.startsWith(kIdPk)
                   && (oid.back() == 1 || oid.back() == 2)) {
            ChipAuthenticationPublicKeyInfo key;
            key.agreement = oid.back() == 1 ? ChipAuthenticationInfo::Agreement::Dh
                                            : ChipAuthenticationInfo::Agreement::Ecdh;
            const BerTlv& spki = fields[1];
            if (spki.tag() != kSequence || fields.size() > 3) {
                fail(error, QStringLiteral("a ChipAuthenticationPublicKeyInfo%1 holds no SubjectPublicKeyInfo SEQUENCE")
                                .arg(where));
                return std::nullopt;
            }
            key.subjectPublicKeyInfo = dg14.sliced(spki.offset(), spki.encodedSize()).toByteArray();
            if (fields.size() == 3) {
                key.keyId = smallInteger(fields[2]);
                if (!key.keyId) {
                    fail(error, QStringLiteral("a ChipAuthenticationPublicKeyInfo%1 has a malformed keyId").arg(where));
                    return std::nullopt;
                }
            }
            infos.chipAuthenticationKeys.push_back(std::move(key));
        } else if (oid == kIdAa) {
            const auto version = smallInteger(fields[1]);
            if (version != 1 || fields.size() != 3 || fields[2].tag() != kObjectIdentifier || fields[2].value().isEmpty()) {
                fail(error, QStringLiteral("the ActiveAuthenticationInfo%1 is not version 1 with a signature algorithm")
                                .arg(where));
                return std::nullopt;
            }
            if (infos.activeAuthentication) {
                fail(error, QStringLiteral("a second ActiveAuthenticationInfo%1").arg(where));
                return std::nullopt;
            }
            infos.activeAuthentication = ActiveAuthenticationInfo{1, fields[2].value()};
        } else {
            ++infos.skipped; // PACE, terminal authentication, another protocol
        }
    }
    return infos;
}

QByteArray SecurityInfos::encodeDg14(const ChipAuthenticationInfo& info, EVP_PKEY* caKey, bool explicitParameters,
                                     const QByteArray& aaSignatureAlgorithm)
{
    ChipAuthenticationPublicKeyInfo key;
    key.agreement = info.agreement;
    key.keyId = info.keyId;
    key.subjectPublicKeyInfo = ChipPublicKey::encodeSubjectPublicKeyInfo(caKey, explicitParameters);
    if (key.subjectPublicKeyInfo.isEmpty())
        return QByteArray();
    std::optional<ActiveAuthenticationInfo> aa;
    if (!aaSignatureAlgorithm.isEmpty())
        aa = ActiveAuthenticationInfo{1, aaSignatureAlgorithm};
    return encodeDg14({info}, {key}, aa);
}

QByteArray SecurityInfos::encodeDg14(const std::vector<ChipAuthenticationInfo>& infos,
                                     const std::vector<ChipAuthenticationPublicKeyInfo>& keys,
                                     const std::optional<ActiveAuthenticationInfo>& activeAuthentication)
{
    std::vector<BerTlv> set;
    for (const ChipAuthenticationPublicKeyInfo& key : keys) {
        const QByteArray oid = kIdPk + char(key.agreement == ChipAuthenticationInfo::Agreement::Dh ? 1 : 2);
        QString why;
        auto spki = BerTlvDecoder::decodeSingle(key.subjectPublicKeyInfo, &why);
        if (!spki)
            return QByteArray();
        std::vector<BerTlv> fields{BerTlv::primitive(kObjectIdentifier, oid), std::move(*spki)};
        if (key.keyId)
            fields.push_back(integer(*key.keyId));
        set.push_back(BerTlv::constructed(kSequence, std::move(fields)));
    }
    for (const ChipAuthenticationInfo& info : infos) {
        const QByteArray oid = info.oid.isEmpty() ? ChipAuthenticationInfo::oidFor(info.agreement, info.cipher) : info.oid;
        std::vector<BerTlv> fields{BerTlv::primitive(kObjectIdentifier, oid), integer(info.version)};
        if (info.keyId)
            fields.push_back(integer(*info.keyId));
        set.push_back(BerTlv::constructed(kSequence, std::move(fields)));
    }
    if (activeAuthentication)
        set.push_back(BerTlv::constructed(kSequence, {BerTlv::primitive(kObjectIdentifier, kIdAa),
                                                      integer(activeAuthentication->version),
                                                      BerTlv::primitive(kObjectIdentifier,
                                                                        activeAuthentication->signatureAlgorithm)}));
    return BerTlv::constructed(kDg14Tag, {BerTlv::constructed(kSet, std::move(set))}).encode();
}

} // namespace fg
