#include "core/documents/emrtd/PaceInfo.h"

#include "core/documents/emrtd/Der.h"

#include "core/documents/emrtd/BerTlvDecoder.h"

#include <openssl/obj_mac.h>

namespace fg {
namespace {

// 0.4.0.127.0.7.2.2.4: bsi-de protocols smartcards PACE.
const QByteArray kIdPace = QByteArray::fromHex("04007F0007020204");

using der::kInteger;
using der::kObjectIdentifier;
using der::kSequence;
using der::kSet;

// A small non-negative DER INTEGER (versions, parameter ids).
std::optional<int> smallInteger(const BerTlv& object)
{
    return der::smallInteger(object, 3);
}

bool fail(QString* error, const QString& why)
{
    if (error)
        *error = QStringLiteral("PACE: ") + why;
    return false;
}

} // namespace

std::optional<PaceInfo> PaceInfo::fromOid(QByteArrayView oid, std::optional<int> parameterId, QString* error)
{
    const QString hex = QString::fromLatin1(oid.toByteArray().toHex().toUpper());
    if (oid.size() != kIdPace.size() + 2 || !oid.startsWith(kIdPace)) {
        fail(error, QStringLiteral("%1 is not a PACE protocol identifier").arg(hex));
        return std::nullopt;
    }
    PaceInfo info;
    info.m_oid = oid.toByteArray();
    info.m_parameterId = parameterId;
    const int protocol = static_cast<unsigned char>(oid[kIdPace.size()]);
    const int cipher = static_cast<unsigned char>(oid[kIdPace.size() + 1]);
    switch (protocol) {
    case 1: info.m_mapping = Mapping::Generic; info.m_agreement = Agreement::Dh; break;
    case 2: info.m_mapping = Mapping::Generic; info.m_agreement = Agreement::Ecdh; break;
    case 3: info.m_mapping = Mapping::Integrated; info.m_agreement = Agreement::Dh; break;
    case 4: info.m_mapping = Mapping::Integrated; info.m_agreement = Agreement::Ecdh; break;
    case 6: info.m_mapping = Mapping::ChipAuthentication; info.m_agreement = Agreement::Ecdh; break;
    default:
        fail(error, QStringLiteral("%1: no PACE mapping %2 in Doc 9303").arg(hex).arg(protocol));
        return std::nullopt;
    }
    switch (cipher) {
    case 1: info.m_cipher = SmCipher::TripleDes; break;
    case 2: info.m_cipher = SmCipher::Aes128; break;
    case 3: info.m_cipher = SmCipher::Aes192; break;
    case 4: info.m_cipher = SmCipher::Aes256; break;
    default:
        fail(error, QStringLiteral("%1: no PACE cipher %2 in Doc 9303").arg(hex).arg(cipher));
        return std::nullopt;
    }
    if (info.m_mapping == Mapping::ChipAuthentication && info.m_cipher == SmCipher::TripleDes) {
        fail(error, QStringLiteral("%1: PACE-CAM has no 3DES variant").arg(hex));
        return std::nullopt;
    }
    return info;
}

std::optional<std::vector<PaceInfo>> PaceInfo::fromCardAccess(QByteArrayView cardAccess, QString* error)
{
    QString why;
    const auto set = BerTlvDecoder::decodeFirst(cardAccess, &why);
    if (!set) {
        fail(error, QStringLiteral("EF.CardAccess is malformed: ") + why);
        return std::nullopt;
    }
    if (set->tag() != kSet) {
        fail(error,
             QStringLiteral("EF.CardAccess starts with tag %1, not a SET (31)").arg(BerTlv::tagName(set->tag())));
        return std::nullopt;
    }
    std::vector<PaceInfo> infos;
    for (const BerTlv& securityInfo : set->children()) {
        if (securityInfo.tag() != kSequence || securityInfo.children().empty()
            || securityInfo.children().front().tag() != kObjectIdentifier)
            continue; // not a SecurityInfo this reader knows
        const QByteArray& oid = securityInfo.children().front().value();
        if (oid.size() != kIdPace.size() + 2 || !oid.startsWith(kIdPace))
            continue; // another protocol (CA, TA, PACE domain parameters...)
        const auto& fields = securityInfo.children();
        const std::optional<int> version = fields.size() >= 2 ? smallInteger(fields[1]) : std::nullopt;
        if (version != 2) {
            fail(error, QStringLiteral("a PACEInfo at offset %1 has no version 2").arg(securityInfo.offset()));
            return std::nullopt;
        }
        std::optional<int> parameterId;
        if (fields.size() >= 3) {
            parameterId = smallInteger(fields[2]);
            if (!parameterId) {
                fail(error, QStringLiteral("a PACEInfo at offset %1 has a malformed parameterId")
                                .arg(securityInfo.offset()));
                return std::nullopt;
            }
        }
        auto info = fromOid(oid, parameterId, nullptr);
        if (info)
            infos.push_back(std::move(*info));
    }
    return infos;
}

QString PaceInfo::name() const
{
    const char* mapping = m_mapping == Mapping::Generic ? "GM" : m_mapping == Mapping::Integrated ? "IM" : "CAM";
    const char* agreement = m_agreement == Agreement::Dh ? "DH" : "ECDH";
    const QString cipher = m_cipher == SmCipher::TripleDes
        ? QStringLiteral("3DES-CBC-CBC")
        : QStringLiteral("AES-CBC-CMAC-%1").arg(smCipherKeyBytes(m_cipher) * 8);
    return QStringLiteral("id-PACE-%1-%2-%3").arg(QLatin1String(agreement), QLatin1String(mapping), cipher);
}

int PaceInfo::curveNid() const
{
    if (!m_parameterId)
        return 0;
    switch (*m_parameterId) {
    case 8: return NID_X9_62_prime192v1;
    case 9: return NID_brainpoolP192r1;
    case 10: return NID_secp224r1;
    case 11: return NID_brainpoolP224r1;
    case 12: return NID_X9_62_prime256v1;
    case 13: return NID_brainpoolP256r1;
    case 14: return NID_brainpoolP320r1;
    case 15: return NID_secp384r1;
    case 16: return NID_brainpoolP384r1;
    case 17: return NID_brainpoolP512r1;
    case 18: return NID_secp521r1;
    default: return 0;
    }
}

QString PaceInfo::domainParameterName(int parameterId)
{
    switch (parameterId) {
    case 0: return QStringLiteral("1024-bit MODP group with 160-bit prime order subgroup");
    case 1: return QStringLiteral("2048-bit MODP group with 224-bit prime order subgroup");
    case 2: return QStringLiteral("2048-bit MODP group with 256-bit prime order subgroup");
    case 8: return QStringLiteral("NIST P-192");
    case 9: return QStringLiteral("brainpoolP192r1");
    case 10: return QStringLiteral("NIST P-224");
    case 11: return QStringLiteral("brainpoolP224r1");
    case 12: return QStringLiteral("NIST P-256");
    case 13: return QStringLiteral("brainpoolP256r1");
    case 14: return QStringLiteral("brainpoolP320r1");
    case 15: return QStringLiteral("NIST P-384");
    case 16: return QStringLiteral("brainpoolP384r1");
    case 17: return QStringLiteral("brainpoolP512r1");
    case 18: return QStringLiteral("NIST P-521");
    default: return QString();
    }
}

bool PaceInfo::isSupported() const
{
    return m_mapping == Mapping::Generic && m_agreement == Agreement::Ecdh && curveNid() != 0;
}

} // namespace fg
