#include "core/documents/emrtd/ChipPublicKey.h"

#include "core/documents/emrtd/BerTlvDecoder.h"
#include "core/security/OpenSslError.h"

#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/x509.h>

namespace fg {
namespace {

bool fail(QString* error, const QString& why)
{
    if (error)
        *error = why;
    return false;
}

} // namespace

EvpKey adoptEvpKey(EVP_PKEY* key)
{
    return EvpKey(key, [](EVP_PKEY* k) { EVP_PKEY_free(k); });
}

std::optional<ChipPublicKey> ChipPublicKey::fromSubjectPublicKeyInfo(QByteArrayView der, QString* error)
{
    if (der.isEmpty() || der.size() > BerTlvDecoder::kMaxLength) {
        fail(error, QStringLiteral("a public key of %1 bytes").arg(der.size()));
        return std::nullopt;
    }
    const auto* bytes = reinterpret_cast<const unsigned char*>(der.data());
    const unsigned char* end = bytes;
    EvpKey key = adoptEvpKey(d2i_PUBKEY(nullptr, &end, static_cast<long>(der.size())));
    if (!key) {
        fail(error, openSslError(QStringLiteral("the public key is not a readable SubjectPublicKeyInfo")));
        return std::nullopt;
    }
    if (end != bytes + der.size()) {
        fail(error, QStringLiteral("%1 bytes follow the SubjectPublicKeyInfo").arg(bytes + der.size() - end));
        return std::nullopt;
    }
    ChipPublicKey result;
    result.m_key = key;
    result.m_bits = EVP_PKEY_get_bits(key.get());
    switch (EVP_PKEY_get_base_id(key.get())) {
    case EVP_PKEY_RSA:
        result.m_type = Type::Rsa;
        if (result.m_bits < kMinRsaBits || result.m_bits > kMaxRsaBits) {
            fail(error, QStringLiteral("an RSA key of %1 bits (%2 to %3 accepted)")
                            .arg(result.m_bits)
                            .arg(kMinRsaBits)
                            .arg(kMaxRsaBits));
            return std::nullopt;
        }
        break;
    case EVP_PKEY_EC: {
        result.m_type = Type::Ec;
        if (result.m_bits <= 0 || result.m_bits > kMaxEcBits) {
            fail(error, QStringLiteral("an EC key of %1 bits").arg(result.m_bits));
            return std::nullopt;
        }
        char name[80] = {};
        size_t length = 0;
        if (EVP_PKEY_get_group_name(key.get(), name, sizeof name, &length) == 1 && length > 0)
            result.m_curve = curveDisplayName(QString::fromLatin1(name, static_cast<qsizetype>(length)));
        else
            result.m_curve = QStringLiteral("an explicit %1-bit curve").arg(result.m_bits);
        break;
    }
    case EVP_PKEY_DH:
    case EVP_PKEY_DHX:
        result.m_type = Type::Dh;
        if (result.m_bits < 1024 || result.m_bits > kMaxDhBits) {
            fail(error, QStringLiteral("a DH key of %1 bits").arg(result.m_bits));
            return std::nullopt;
        }
        break;
    default:
        fail(error, QStringLiteral("a public key of type %1, not RSA, EC or DH")
                        .arg(QLatin1String(EVP_PKEY_get0_type_name(key.get()))));
        return std::nullopt;
    }
    return result;
}

std::optional<ChipPublicKey> ChipPublicKey::fromDg15(QByteArrayView dg15, QString* error)
{
    QString why;
    const auto file = BerTlvDecoder::decodeSingle(dg15, &why);
    if (!file) {
        fail(error, QStringLiteral("DG15 is malformed: ") + why);
        return std::nullopt;
    }
    if (file->tag() != kDg15Tag) {
        fail(error, QStringLiteral("DG15 starts with tag %1, not 6F").arg(BerTlv::tagName(file->tag())));
        return std::nullopt;
    }
    auto key = fromSubjectPublicKeyInfo(file->value(), &why);
    if (!key) {
        fail(error, QStringLiteral("DG15: ") + why);
        return std::nullopt;
    }
    if (key->type() == Type::Dh) {
        fail(error, QStringLiteral("DG15 holds a DH key, which cannot sign"));
        return std::nullopt;
    }
    return key;
}

QString ChipPublicKey::description() const
{
    switch (m_type) {
    case Type::Rsa: return QStringLiteral("RSA %1").arg(m_bits);
    case Type::Ec: return QStringLiteral("EC %1").arg(m_curve);
    case Type::Dh: return QStringLiteral("DH %1").arg(m_bits);
    }
    return {};
}

QString ChipPublicKey::curveName() const
{
    return m_curve;
}

QByteArray ChipPublicKey::encodeSubjectPublicKeyInfo(EVP_PKEY* key, bool explicitParameters)
{
    if (!key)
        return {};
    EvpKey copy = adoptEvpKey(EVP_PKEY_dup(key));
    if (!copy)
        return {};
    if (EVP_PKEY_get_base_id(copy.get()) == EVP_PKEY_EC
        && !EVP_PKEY_set_utf8_string_param(copy.get(), OSSL_PKEY_PARAM_EC_ENCODING,
                                           explicitParameters ? OSSL_PKEY_EC_ENCODING_EXPLICIT
                                                              : OSSL_PKEY_EC_ENCODING_GROUP))
        return {};
    const int size = i2d_PUBKEY(copy.get(), nullptr);
    if (size <= 0)
        return {};
    QByteArray der(size, '\0');
    auto* out = reinterpret_cast<unsigned char*>(der.data());
    if (i2d_PUBKEY(copy.get(), &out) != size)
        return {};
    return der;
}

QByteArray ChipPublicKey::encodeDg15(EVP_PKEY* key)
{
    const QByteArray spki = encodeSubjectPublicKeyInfo(key);
    if (spki.isEmpty())
        return {};
    return BerTlv::primitive(0x6F, spki).encode();
}

QString ChipPublicKey::curveDisplayName(const QString& groupName)
{
    if (groupName == QLatin1String("prime192v1"))
        return QStringLiteral("NIST P-192");
    if (groupName == QLatin1String("secp224r1"))
        return QStringLiteral("NIST P-224");
    if (groupName == QLatin1String("prime256v1"))
        return QStringLiteral("NIST P-256");
    if (groupName == QLatin1String("secp384r1"))
        return QStringLiteral("NIST P-384");
    if (groupName == QLatin1String("secp521r1"))
        return QStringLiteral("NIST P-521");
    return groupName;
}

} // namespace fg
