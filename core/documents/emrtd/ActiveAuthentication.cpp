#include "core/documents/emrtd/ActiveAuthentication.h"

#include "core/documents/emrtd/Iso9796Signature.h"
#include "core/security/CryptoRandom.h"
#include "core/security/OpenSslError.h"

#include <openssl/bn.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/rsa.h>

#include <memory>
#include <utility>

namespace fg {
namespace {

struct ContextFree {
    void operator()(EVP_PKEY_CTX* context) const { EVP_PKEY_CTX_free(context); }
};
struct DigestContextFree {
    void operator()(EVP_MD_CTX* context) const { EVP_MD_CTX_free(context); }
};
struct SignatureFree {
    void operator()(ECDSA_SIG* signature) const { ECDSA_SIG_free(signature); }
};

} // namespace

ActiveAuthentication::ActiveAuthentication(ChipPublicKey key, QString ecdsaHash, bool hashAssumed)
    : m_key(std::move(key))
    , m_ecdsaHash(std::move(ecdsaHash))
    , m_hashAssumed(hashAssumed)
{
}

std::optional<ActiveAuthentication> ActiveAuthentication::create(ChipPublicKey key,
                                                                 const std::optional<ActiveAuthenticationInfo>& info,
                                                                 QString* error)
{
    if (key.type() == ChipPublicKey::Type::Dh) {
        if (error)
            *error = QStringLiteral("active authentication: a DH key cannot sign");
        return std::nullopt;
    }
    QString hash;
    bool assumed = false;
    if (key.type() == ChipPublicKey::Type::Ec) {
        if (info) {
            hash = info->hashName();
            if (hash.isEmpty()) {
                if (error)
                    *error = QStringLiteral("active authentication: DG14 names the signature algorithm %1, not "
                                            "ecdsa-plain-SHA1..512")
                                 .arg(QString::fromLatin1(info->signatureAlgorithm.toHex().toUpper()));
                return std::nullopt;
            }
        } else {
            hash = QStringLiteral("SHA256"); // JMRTD's ECDSA default (SHA256withECDSA)
            assumed = true;
        }
    }
    return ActiveAuthentication(std::move(key), hash, assumed);
}

std::optional<ActiveAuthentication> ActiveAuthentication::fromDg15(QByteArrayView dg15,
                                                                   const std::optional<ActiveAuthenticationInfo>& info,
                                                                   QString* error)
{
    QString why;
    auto key = ChipPublicKey::fromDg15(dg15, &why);
    if (!key) {
        if (error)
            *error = QStringLiteral("active authentication: ") + why;
        return std::nullopt;
    }
    return create(std::move(*key), info, error);
}

void ActiveAuthentication::useChallenge(QByteArray challenge)
{
    m_fixedChallenge = std::move(challenge);
}

std::optional<CommandApdu> ActiveAuthentication::command(QString* error)
{
    if (!m_fixedChallenge.isEmpty()) {
        m_challenge = m_fixedChallenge;
    } else {
        QString why;
        auto challenge = CryptoRandom::bytes(kChallengeBytes, &why);
        if (!challenge) {
            if (error)
                *error = QStringLiteral("active authentication: ") + why;
            return std::nullopt;
        }
        m_challenge = std::move(*challenge);
    }
    return CommandApdu(0x00, 0x88, 0x00, 0x00, m_challenge, CommandApdu::kMaxShortNe);
}

QString ActiveAuthentication::method() const
{
    if (m_key.type() == ChipPublicKey::Type::Rsa)
        return QStringLiteral("active authentication (RSA %1, ISO/IEC 9796-2)").arg(m_key.bits());
    return QStringLiteral("active authentication (ECDSA %1, %2)")
        .arg(m_key.curveName(), Iso9796Signature::hashDisplayName(m_ecdsaHash));
}

CloneCheck ActiveAuthentication::failed(const QString& method, const QString& why) const
{
    CloneCheck check;
    check.result = CloneCheck::Result::Failed;
    check.method = method;
    check.detail = QStringLiteral("the chip did not prove it holds DG15's private key: ") + why;
    return check;
}

CloneCheck ActiveAuthentication::verify(const ResponseApdu& answer) const
{
    if (m_challenge.isEmpty())
        return failed(method(), QStringLiteral("no challenge was sent"));
    if (!answer.isSuccess())
        return failed(method(), QStringLiteral("INTERNAL AUTHENTICATE was refused (%1)").arg(answer.statusText()));
    if (answer.data().isEmpty())
        return failed(method(), QStringLiteral("INTERNAL AUTHENTICATE returned no signature"));
    return m_key.type() == ChipPublicKey::Type::Rsa ? verifyRsa(answer.data()) : verifyEcdsa(answer.data());
}

CloneCheck ActiveAuthentication::verifyRsa(const QByteArray& signature) const
{
    const int modulusBytes = EVP_PKEY_get_size(m_key.key().get());
    if (signature.size() != modulusBytes)
        return failed(method(), QStringLiteral("a signature of %1 bytes for a %2-byte modulus")
                                    .arg(signature.size())
                                    .arg(modulusBytes));
    std::unique_ptr<EVP_PKEY_CTX, ContextFree> context(EVP_PKEY_CTX_new_from_pkey(nullptr, m_key.key().get(), nullptr));
    QByteArray representative(modulusBytes, '\0');
    size_t size = static_cast<size_t>(representative.size());
    if (!context || EVP_PKEY_verify_recover_init(context.get()) <= 0
        || EVP_PKEY_CTX_set_rsa_padding(context.get(), RSA_NO_PADDING) <= 0
        || EVP_PKEY_verify_recover(context.get(), reinterpret_cast<unsigned char*>(representative.data()), &size,
                                   reinterpret_cast<const unsigned char*>(signature.constData()),
                                   static_cast<size_t>(signature.size()))
            <= 0)
        return failed(method(), openSslError(QStringLiteral("the RSA operation refused the signature")));
    representative.resize(static_cast<qsizetype>(size));
    QString why;
    const auto recovered = Iso9796Signature::recover(representative, m_challenge, &why);
    if (!recovered)
        return failed(method(), why);
    CloneCheck check;
    check.result = CloneCheck::Result::Passed;
    check.method = QStringLiteral("active authentication (RSA %1, ISO/IEC 9796-2, %2)")
                       .arg(m_key.bits())
                       .arg(Iso9796Signature::hashDisplayName(recovered->hashName));
    check.detail = QStringLiteral("the chip signed the challenge %1 with DG15's private key")
                       .arg(QString::fromLatin1(m_challenge.toHex().toUpper()));
    return check;
}

CloneCheck ActiveAuthentication::verifyEcdsa(const QByteArray& signature) const
{
    const int orderBytes = (m_key.bits() + 7) / 8;
    if (signature.size() != 2 * orderBytes)
        return failed(method(), QStringLiteral("a plain ECDSA signature of %1 bytes, not 2 x %2")
                                    .arg(signature.size())
                                    .arg(orderBytes));
    const auto* bytes = reinterpret_cast<const unsigned char*>(signature.constData());
    std::unique_ptr<ECDSA_SIG, SignatureFree> sig(ECDSA_SIG_new());
    BIGNUM* r = BN_bin2bn(bytes, orderBytes, nullptr);
    BIGNUM* s = BN_bin2bn(bytes + orderBytes, orderBytes, nullptr);
    if (!sig || !r || !s || !ECDSA_SIG_set0(sig.get(), r, s)) {
        BN_free(r);
        BN_free(s);
        return failed(method(), openSslError(QStringLiteral("the ECDSA signature")));
    }
    unsigned char* der = nullptr;
    const int derSize = i2d_ECDSA_SIG(sig.get(), &der);
    if (derSize <= 0)
        return failed(method(), openSslError(QStringLiteral("the ECDSA signature")));
    const QByteArray derSignature(reinterpret_cast<const char*>(der), derSize);
    OPENSSL_free(der);

    std::unique_ptr<EVP_MD_CTX, DigestContextFree> context(EVP_MD_CTX_new());
    const QByteArray hash = m_ecdsaHash.toLatin1();
    if (!context
        || EVP_DigestVerifyInit_ex(context.get(), nullptr, hash.constData(), nullptr, nullptr, m_key.key().get(), nullptr)
            <= 0)
        return failed(method(), openSslError(QStringLiteral("ECDSA verification could not start")));
    const int verified = EVP_DigestVerify(context.get(), reinterpret_cast<const unsigned char*>(derSignature.constData()),
                                          static_cast<size_t>(derSignature.size()),
                                          reinterpret_cast<const unsigned char*>(m_challenge.constData()),
                                          static_cast<size_t>(m_challenge.size()));
    if (verified != 1) {
        openSslError(QString()); // empty the queue
        QString why = QStringLiteral("the ECDSA signature does not verify against DG15's key and the challenge %1")
                          .arg(QString::fromLatin1(m_challenge.toHex().toUpper()));
        if (m_hashAssumed)
            why += QStringLiteral(" (DG14 names no signature algorithm: SHA-256 assumed)");
        return failed(method(), why);
    }
    CloneCheck check;
    check.result = CloneCheck::Result::Passed;
    check.method = method();
    check.detail = QStringLiteral("the chip signed the challenge %1 with DG15's private key")
                       .arg(QString::fromLatin1(m_challenge.toHex().toUpper()));
    if (m_hashAssumed)
        check.detail += QStringLiteral(" (DG14 names no signature algorithm: SHA-256 assumed)");
    return check;
}

} // namespace fg
