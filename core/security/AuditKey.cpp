#include "core/security/AuditKey.h"

#include "core/security/CryptoRandom.h"
#include "core/security/Hmac.h"
#include "core/security/KeyEncryptionKey.h"
#include "core/security/OpenSslError.h"

#include <QDir>
#include <QFileInfo>

#include <openssl/evp.h>

namespace fg {
namespace {

struct PkeyDeleter {
    void operator()(EVP_PKEY* key) const { EVP_PKEY_free(key); }
};
struct MdContextDeleter {
    void operator()(EVP_MD_CTX* context) const { EVP_MD_CTX_free(context); }
};
using Pkey = std::unique_ptr<EVP_PKEY, PkeyDeleter>;
using MdContext = std::unique_ptr<EVP_MD_CTX, MdContextDeleter>;

SecureBuffer derive(const SecureBuffer& key, QByteArrayView label)
{
    QByteArray bytes = Hmac::sha256(key.view(), label);
    return SecureBuffer::fromBytes(std::move(bytes));
}

Pkey signingKey(const SecureBuffer& seed)
{
    return Pkey(EVP_PKEY_new_raw_private_key(EVP_PKEY_ED25519, nullptr,
                                             reinterpret_cast<const unsigned char*>(seed.data()),
                                             static_cast<size_t>(seed.size())));
}

} // namespace

AuditKey::AuditKey(SecureBuffer chainKey, SecureBuffer signingSeed, QByteArray publicKey, QString id,
                   QString checkValue)
    : m_chainKey(std::move(chainKey))
    , m_signingSeed(std::move(signingSeed))
    , m_publicKey(std::move(publicKey))
    , m_id(std::move(id))
    , m_checkValue(std::move(checkValue))
{
}

std::unique_ptr<AuditKey> AuditKey::fromKey(SecureBuffer key, QString* error)
{
    if (key.size() != kKeyBytes) {
        *error = QStringLiteral("an audit key has %1 bytes, not %2").arg(key.size()).arg(kKeyBytes);
        return nullptr;
    }
    SecureBuffer chainKey = derive(key, "FaceGate audit chain key v1");
    SecureBuffer seed = derive(key, "FaceGate audit checkpoint signing key v1");
    const QString id = QString::fromLatin1(Hmac::sha256(key.view(), "FaceGate audit key id v1").toHex().left(16));
    const QString check = QString::fromLatin1(Hmac::sha256(key.view(), "FaceGate audit key check v1").toHex());
    if (chainKey.size() != 32 || seed.size() != 32 || id.size() != 16) {
        *error = openSslError(QStringLiteral("derive the audit keys"));
        return nullptr;
    }
    const Pkey pkey = signingKey(seed);
    QByteArray publicKey(kPublicKeyBytes, '\0');
    size_t publicLength = size_t(publicKey.size());
    if (!pkey
        || EVP_PKEY_get_raw_public_key(pkey.get(), reinterpret_cast<unsigned char*>(publicKey.data()), &publicLength) != 1
        || publicLength != size_t(kPublicKeyBytes)) {
        *error = openSslError(QStringLiteral("make the audit checkpoints' Ed25519 key"));
        return nullptr;
    }
    return std::unique_ptr<AuditKey>(new AuditKey(std::move(chainKey), std::move(seed), publicKey, id, check));
}

std::unique_ptr<AuditKey> AuditKey::generate(QString* error)
{
    std::optional<SecureBuffer> key = CryptoRandom::secret(kKeyBytes, error);
    return key ? fromKey(std::move(*key), error) : nullptr;
}

std::unique_ptr<AuditKey> AuditKey::fromKeyFile(const QString& path, QString* error)
{
    // The same file checks as the key-encryption key's: owner, mode, size, digits.
    std::optional<KeyEncryptionKey> file = KeyEncryptionKey::fromKeyFile(path, error);
    if (!file) {
        error->replace(QLatin1String("key file"), QLatin1String("audit key file"));
        return nullptr;
    }
    return fromKey(SecureBuffer::copyOf(file->key().view()), error);
}

std::unique_ptr<AuditKey> AuditKey::openOrCreate(const QString& path, QString* error)
{
    if (!QFileInfo::exists(path) && !KeyEncryptionKey::createKeyFile(path, error))
        return nullptr;
    return fromKeyFile(path, error);
}

QString AuditKey::defaultKeyFile()
{
    return QDir::homePath() + QStringLiteral("/.local/share/facegate/keys/audit.key");
}

QByteArray AuditKey::mac(QByteArrayView message) const
{
    return Hmac::sha256(m_chainKey.view(), message);
}

QString AuditKey::checkValue() const
{
    return m_checkValue;
}

QByteArray AuditKey::sign(QByteArrayView message, QString* error) const
{
    const Pkey pkey = signingKey(m_signingSeed);
    const MdContext context(EVP_MD_CTX_new());
    QByteArray signature(kSignatureBytes, '\0');
    size_t length = size_t(signature.size());
    if (!pkey || !context || EVP_DigestSignInit(context.get(), nullptr, nullptr, nullptr, pkey.get()) != 1
        || EVP_DigestSign(context.get(), reinterpret_cast<unsigned char*>(signature.data()), &length,
                          reinterpret_cast<const unsigned char*>(message.data()), size_t(message.size())) != 1
        || length != size_t(kSignatureBytes)) {
        *error = openSslError(QStringLiteral("sign an audit checkpoint"));
        return {};
    }
    return signature;
}

bool AuditKey::verifySignature(QByteArrayView publicKey, QByteArrayView message, QByteArrayView signature)
{
    if (publicKey.size() != kPublicKeyBytes || signature.size() != kSignatureBytes)
        return false;
    const Pkey pkey(EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nullptr,
                                                reinterpret_cast<const unsigned char*>(publicKey.data()),
                                                size_t(publicKey.size())));
    const MdContext context(EVP_MD_CTX_new());
    const bool ok = pkey && context && EVP_DigestVerifyInit(context.get(), nullptr, nullptr, nullptr, pkey.get()) == 1
                    && EVP_DigestVerify(context.get(), reinterpret_cast<const unsigned char*>(signature.data()),
                                        size_t(signature.size()), reinterpret_cast<const unsigned char*>(message.data()),
                                        size_t(message.size()))
                           == 1;
    if (!ok) {
        QString ignored = openSslError(QString()); // empties this thread's OpenSSL error queue
        Q_UNUSED(ignored);
    }
    return ok;
}

} // namespace fg
