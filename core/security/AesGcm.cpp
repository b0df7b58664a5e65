#include "core/security/AesGcm.h"

#include "core/security/CryptoRandom.h"
#include "core/security/OpenSslError.h"

#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>

#include <climits>
#include <memory>

namespace fg {
namespace {

using CipherContext = std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)>;

const unsigned char* bytesOf(QByteArrayView view)
{
    return reinterpret_cast<const unsigned char*>(view.data());
}

bool checkSizes(const SecureBuffer& key, qsizetype dataSize, qsizetype aadSize, QString* error)
{
    if (key.size() != AesGcm::kKeyBytes) {
        *error = QStringLiteral("the AES-256-GCM key has %1 bytes; it needs %2").arg(key.size()).arg(AesGcm::kKeyBytes);
        return false;
    }
    if (dataSize > INT_MAX - AesGcm::kOverheadBytes || aadSize > INT_MAX) {
        *error = QStringLiteral("%1 bytes are too many to seal in one piece").arg(qMax(dataSize, aadSize));
        return false;
    }
    return true;
}

// Runs one GCM pass over `input` into `output` (the same size). Encrypting
// writes the tag to `tag`; decrypting checks it, and on a mismatch wipes the
// output and reports the authentication failure.
bool crypt(bool encrypt, const SecureBuffer& key, const unsigned char* nonce, QByteArrayView aad,
           QByteArrayView input, unsigned char* output, unsigned char* tag, QString* error)
{
    const CipherContext context(EVP_CIPHER_CTX_new(), &EVP_CIPHER_CTX_free);
    if (!context) {
        *error = openSslError(QStringLiteral("AES-256-GCM"));
        return false;
    }
    EVP_CIPHER_CTX* ctx = context.get();
    const auto* keyBytes = reinterpret_cast<const unsigned char*>(key.data());
    int length = 0;
    unsigned char noOutput[AesGcm::kTagBytes]; // GCM writes nothing at the final step
    bool ok = EVP_CipherInit_ex2(ctx, EVP_aes_256_gcm(), keyBytes, nonce, encrypt ? 1 : 0, nullptr) == 1;
    // The default GCM nonce length is 12 bytes, as used here.
    ok = ok && (aad.isEmpty() || EVP_CipherUpdate(ctx, nullptr, &length, bytesOf(aad), int(aad.size())) == 1);
    ok = ok && (input.isEmpty() || EVP_CipherUpdate(ctx, output, &length, bytesOf(input), int(input.size())) == 1);
    if (!ok) {
        *error = openSslError(QStringLiteral("AES-256-GCM"));
        return false;
    }
    if (encrypt) {
        if (EVP_CipherFinal_ex(ctx, noOutput, &length) != 1
            || EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_AEAD_GET_TAG, AesGcm::kTagBytes, tag) != 1) {
            *error = openSslError(QStringLiteral("AES-256-GCM"));
            return false;
        }
        return true;
    }
    if (EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_AEAD_SET_TAG, AesGcm::kTagBytes, tag) != 1) {
        *error = openSslError(QStringLiteral("AES-256-GCM"));
        return false;
    }
    if (EVP_CipherFinal_ex(ctx, noOutput, &length) != 1) {
        if (!input.isEmpty())
            OPENSSL_cleanse(output, static_cast<size_t>(input.size()));
        ERR_clear_error();
        *error = AesGcm::authenticationFailed();
        return false;
    }
    return true;
}

// Opens `sealed` into `output` (sealed.size() - overhead bytes).
bool openInto(const SecureBuffer& key, QByteArrayView sealed, QByteArrayView aad, char* output, QString* error)
{
    QByteArray tag = sealed.last(AesGcm::kTagBytes).toByteArray();
    const QByteArrayView ciphertext = sealed.sliced(AesGcm::kNonceBytes, sealed.size() - AesGcm::kOverheadBytes);
    return crypt(false, key, bytesOf(sealed), aad, ciphertext, reinterpret_cast<unsigned char*>(output),
                 reinterpret_cast<unsigned char*>(tag.data()), error);
}

bool checkOpenable(const SecureBuffer& key, QByteArrayView sealed, QByteArrayView aad, QString* error)
{
    if (!checkSizes(key, sealed.size(), aad.size(), error))
        return false;
    if (sealed.size() < AesGcm::kOverheadBytes) {
        *error = QStringLiteral("truncated");
        return false;
    }
    return true;
}

} // namespace

QString AesGcm::authenticationFailed()
{
    return QStringLiteral("authentication failed (wrong key, or the data or its record binding was changed)");
}

std::optional<QByteArray> AesGcm::seal(const SecureBuffer& key, QByteArrayView plaintext, QByteArrayView aad,
                                       QString* error)
{
    if (!checkSizes(key, plaintext.size(), aad.size(), error))
        return std::nullopt;
    QByteArray sealed(kOverheadBytes + plaintext.size(), '\0');
    auto* out = reinterpret_cast<unsigned char*>(sealed.data());
    if (!CryptoRandom::fill(out, kNonceBytes, error))
        return std::nullopt;
    if (!crypt(true, key, out, aad, plaintext, out + kNonceBytes, out + kNonceBytes + plaintext.size(), error))
        return std::nullopt;
    return sealed;
}

std::optional<QByteArray> AesGcm::open(const SecureBuffer& key, QByteArrayView sealed, QByteArrayView aad,
                                       QString* error)
{
    if (!checkOpenable(key, sealed, aad, error))
        return std::nullopt;
    QByteArray plaintext(sealed.size() - kOverheadBytes, '\0');
    if (!openInto(key, sealed, aad, plaintext.data(), error))
        return std::nullopt;
    return plaintext;
}

std::optional<SecureBuffer> AesGcm::openSecret(const SecureBuffer& key, QByteArrayView sealed, QByteArrayView aad,
                                               QString* error)
{
    if (!checkOpenable(key, sealed, aad, error))
        return std::nullopt;
    SecureBuffer plaintext(sealed.size() - kOverheadBytes);
    if (!openInto(key, sealed, aad, plaintext.data(), error))
        return std::nullopt;
    return plaintext;
}

} // namespace fg
