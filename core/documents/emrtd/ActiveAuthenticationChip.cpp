#include "core/documents/emrtd/ActiveAuthenticationChip.h"

#include "core/documents/emrtd/Iso9796Signature.h"
#include "core/security/OpenSslError.h"

#include <openssl/bn.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/rsa.h>

#include <memory>
#include <utility>

namespace fg {
namespace {

constexpr std::uint16_t kWrongData = 0x6A80;
constexpr std::uint16_t kWrongLength = 0x6700;
constexpr std::uint16_t kWrongParameters = 0x6B00;

struct ContextFree {
    void operator()(EVP_PKEY_CTX* context) const { EVP_PKEY_CTX_free(context); }
};
struct DigestContextFree {
    void operator()(EVP_MD_CTX* context) const { EVP_MD_CTX_free(context); }
};
struct SignatureFree {
    void operator()(ECDSA_SIG* signature) const { ECDSA_SIG_free(signature); }
};

ResponseApdu refuse(std::uint16_t status, QString* error, const QString& why)
{
    if (error)
        *error = QStringLiteral("active authentication (chip): ") + why;
    return ResponseApdu(QByteArray(), status);
}

} // namespace

ActiveAuthenticationChip::ActiveAuthenticationChip(EvpKey key, QString hashName, bool rsa)
    : m_key(std::move(key))
    , m_hashName(std::move(hashName))
    , m_rsa(rsa)
{
}

std::optional<ActiveAuthenticationChip> ActiveAuthenticationChip::create(EvpKey privateKey, const QString& hashName,
                                                                         QString* error)
{
    const auto refuseCreate = [error](const QString& why) {
        if (error)
            *error = QStringLiteral("active authentication (chip): ") + why;
        return std::nullopt;
    };
    if (!privateKey)
        return refuseCreate(QStringLiteral("no key"));
    const int type = EVP_PKEY_get_base_id(privateKey.get());
    if (type != EVP_PKEY_RSA && type != EVP_PKEY_EC)
        return refuseCreate(QStringLiteral("a key that is neither RSA nor EC"));
    if (type == EVP_PKEY_RSA) {
        if (EVP_PKEY_get_bits(privateKey.get()) % 8 != 0)
            return refuseCreate(QStringLiteral("an RSA modulus that is not whole bytes"));
        if (Iso9796Signature::hashIdentifier(hashName) == 0)
            return refuseCreate(QStringLiteral("ISO/IEC 9796-2 has no trailer for %1").arg(hashName));
    } else {
        EVP_MD* md = EVP_MD_fetch(nullptr, hashName.toLatin1().constData(), nullptr);
        if (!md)
            return refuseCreate(QStringLiteral("the hash %1 is not available").arg(hashName));
        EVP_MD_free(md);
    }
    return ActiveAuthenticationChip(std::move(privateKey), hashName, type == EVP_PKEY_RSA);
}

QByteArray ActiveAuthenticationChip::dg15() const
{
    return ChipPublicKey::encodeDg15(m_key.get());
}

ResponseApdu ActiveAuthenticationChip::answer(const CommandApdu& command, QString* error) const
{
    if (command.ins() != 0x88)
        return refuse(kWrongData, error, QStringLiteral("not INTERNAL AUTHENTICATE"));
    if (command.p1() != 0 || command.p2() != 0)
        return refuse(kWrongParameters, error, QStringLiteral("INTERNAL AUTHENTICATE with P1 P2 other than 00 00"));
    if (command.data().size() != 8)
        return refuse(kWrongLength, error,
                      QStringLiteral("a challenge of %1 bytes, not 8").arg(command.data().size()));
    const QByteArray& challenge = command.data();

    if (m_rsa) {
        const int size = EVP_PKEY_get_size(m_key.get());
        QString why;
        const auto representative =
            Iso9796Signature::represent(size, challenge, m_hashName, m_hashName == QLatin1String("SHA1"), &why);
        if (!representative)
            return refuse(kWrongData, error, why);
        std::unique_ptr<EVP_PKEY_CTX, ContextFree> context(EVP_PKEY_CTX_new_from_pkey(nullptr, m_key.get(), nullptr));
        QByteArray signature(size, '\0');
        size_t length = static_cast<size_t>(signature.size());
        if (!context || EVP_PKEY_sign_init(context.get()) <= 0
            || EVP_PKEY_CTX_set_rsa_padding(context.get(), RSA_NO_PADDING) <= 0
            || EVP_PKEY_sign(context.get(), reinterpret_cast<unsigned char*>(signature.data()), &length,
                             reinterpret_cast<const unsigned char*>(representative->constData()),
                             static_cast<size_t>(representative->size()))
                <= 0)
            return refuse(kWrongData, error, openSslError(QStringLiteral("the RSA signature failed")));
        signature.resize(static_cast<qsizetype>(length));
        return ResponseApdu(signature, ResponseApdu::kSuccess);
    }

    std::unique_ptr<EVP_MD_CTX, DigestContextFree> context(EVP_MD_CTX_new());
    const QByteArray hash = m_hashName.toLatin1();
    size_t derSize = 0;
    if (!context
        || EVP_DigestSignInit_ex(context.get(), nullptr, hash.constData(), nullptr, nullptr, m_key.get(), nullptr) <= 0
        || EVP_DigestSign(context.get(), nullptr, &derSize, reinterpret_cast<const unsigned char*>(challenge.constData()),
                          static_cast<size_t>(challenge.size()))
            <= 0)
        return refuse(kWrongData, error, openSslError(QStringLiteral("the ECDSA signature failed")));
    QByteArray der(static_cast<qsizetype>(derSize), '\0');
    if (EVP_DigestSign(context.get(), reinterpret_cast<unsigned char*>(der.data()), &derSize,
                       reinterpret_cast<const unsigned char*>(challenge.constData()),
                       static_cast<size_t>(challenge.size()))
        <= 0)
        return refuse(kWrongData, error, openSslError(QStringLiteral("the ECDSA signature failed")));
    const auto* derBytes = reinterpret_cast<const unsigned char*>(der.constData());
    std::unique_ptr<ECDSA_SIG, SignatureFree> sig(d2i_ECDSA_SIG(nullptr, &derBytes, static_cast<long>(derSize)));
    const int orderBytes = (EVP_PKEY_get_bits(m_key.get()) + 7) / 8;
    QByteArray plain(2 * orderBytes, '\0');
    auto* out = reinterpret_cast<unsigned char*>(plain.data());
    if (!sig || BN_bn2binpad(ECDSA_SIG_get0_r(sig.get()), out, orderBytes) != orderBytes
        || BN_bn2binpad(ECDSA_SIG_get0_s(sig.get()), out + orderBytes, orderBytes) != orderBytes)
        return refuse(kWrongData, error, openSslError(QStringLiteral("the ECDSA signature could not be made plain")));
    return ResponseApdu(plain, ResponseApdu::kSuccess);
}

} // namespace fg
