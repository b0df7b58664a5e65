#include "core/documents/emrtd/KeyAgreement.h"

#include "core/security/OpenSslError.h"

#include <openssl/dh.h>
#include <openssl/evp.h>

#include <memory>

namespace fg {
namespace {

struct ContextFree {
    void operator()(EVP_PKEY_CTX* context) const { EVP_PKEY_CTX_free(context); }
};
using Context = std::unique_ptr<EVP_PKEY_CTX, ContextFree>;

void failOpenSsl(QString* error, const QString& what)
{
    const QString text = openSslError(what);
    if (error)
        *error = text;
}

bool isDh(EVP_PKEY* key)
{
    const int type = EVP_PKEY_get_base_id(key);
    return type == EVP_PKEY_DH || type == EVP_PKEY_DHX;
}

} // namespace

EvpKey KeyAgreement::ephemeral(EVP_PKEY* domain, QString* error)
{
    Context context(EVP_PKEY_CTX_new_from_pkey(nullptr, domain, nullptr));
    EVP_PKEY* key = nullptr;
    if (!context || EVP_PKEY_keygen_init(context.get()) <= 0 || EVP_PKEY_keygen(context.get(), &key) <= 0) {
        failOpenSsl(error, QStringLiteral("an ephemeral key pair on the chip key's domain parameters"));
        return nullptr;
    }
    return adoptEvpKey(key);
}

QByteArray KeyAgreement::encodePublic(EVP_PKEY* key)
{
    unsigned char* bytes = nullptr;
    const size_t size = EVP_PKEY_get1_encoded_public_key(key, &bytes);
    if (size == 0 || !bytes)
        return QByteArray();
    QByteArray result(reinterpret_cast<const char*>(bytes), static_cast<qsizetype>(size));
    OPENSSL_free(bytes);
    return result;
}

EvpKey KeyAgreement::decodePublic(EVP_PKEY* domain, QByteArrayView publicKey, QString* error)
{
    const int expected = isDh(domain) ? EVP_PKEY_get_size(domain) : 1 + 2 * ((EVP_PKEY_get_bits(domain) + 7) / 8);
    // (For EC, EVP_PKEY_get_bits is the order's size, which is the field's on the curves eMRTDs use.)
    if (publicKey.isEmpty() || publicKey.size() > 2 * expected + 1) {
        if (error)
            *error = QStringLiteral("an ephemeral public key of %1 bytes").arg(publicKey.size());
        return nullptr;
    }
    if (!isDh(domain) && publicKey.front() != '\x04') {
        if (error)
            *error = QStringLiteral("the ephemeral public key is not an uncompressed point (04 || x || y)");
        return nullptr;
    }
    EvpKey key = adoptEvpKey(EVP_PKEY_new());
    if (!key || EVP_PKEY_copy_parameters(key.get(), domain) <= 0
        || EVP_PKEY_set1_encoded_public_key(key.get(), reinterpret_cast<const unsigned char*>(publicKey.data()),
                                            static_cast<size_t>(publicKey.size()))
            <= 0) {
        failOpenSsl(error, QStringLiteral("the ephemeral public key is not a point of the curve (or not in the group)"));
        return nullptr;
    }
    Context check(EVP_PKEY_CTX_new_from_pkey(nullptr, key.get(), nullptr));
    if (!check || EVP_PKEY_public_check(check.get()) != 1) {
        failOpenSsl(error, QStringLiteral("the ephemeral public key fails its check"));
        return nullptr;
    }
    return key;
}

std::optional<SecureBuffer> KeyAgreement::sharedSecret(EVP_PKEY* ours, EVP_PKEY* theirs, QString* error)
{
    Context context(EVP_PKEY_CTX_new_from_pkey(nullptr, ours, nullptr));
    size_t size = 0;
    if (!context || EVP_PKEY_derive_init(context.get()) <= 0
        || (isDh(ours) && EVP_PKEY_CTX_set_dh_pad(context.get(), 1) <= 0)
        || EVP_PKEY_derive_set_peer_ex(context.get(), theirs, 1) <= 0
        || EVP_PKEY_derive(context.get(), nullptr, &size) <= 0 || size == 0) {
        failOpenSsl(error, QStringLiteral("the key agreement failed"));
        return std::nullopt;
    }
    SecureBuffer secret(static_cast<qsizetype>(size));
    if (EVP_PKEY_derive(context.get(), reinterpret_cast<unsigned char*>(secret.data()), &size) <= 0
        || size != static_cast<size_t>(secret.size())) {
        failOpenSsl(error, QStringLiteral("the key agreement failed"));
        return std::nullopt;
    }
    return secret;
}

} // namespace fg
