#include "core/documents/emrtd/BlockCipher.h"

#include "core/security/OpenSslError.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>

#include <algorithm>
#include <memory>

namespace fg {
namespace {

constexpr int kDesBlock = 8;

bool fail(QString* error, const QString& why)
{
    if (error)
        *error = why;
    return false;
}

const char* cbcName(SmCipher cipher)
{
    switch (cipher) {
    case SmCipher::TripleDes:
        return "DES-EDE-CBC";
    case SmCipher::Aes128:
        return "AES-128-CBC";
    case SmCipher::Aes192:
        return "AES-192-CBC";
    case SmCipher::Aes256:
        return "AES-256-CBC";
    }
    return "AES-128-CBC";
}

const char* ecbName(SmCipher cipher)
{
    switch (cipher) {
    case SmCipher::TripleDes:
        return "DES-EDE-ECB";
    case SmCipher::Aes128:
        return "AES-128-ECB";
    case SmCipher::Aes192:
        return "AES-192-ECB";
    case SmCipher::Aes256:
        return "AES-256-ECB";
    }
    return "AES-128-ECB";
}

struct CipherFree {
    void operator()(EVP_CIPHER* cipher) const { EVP_CIPHER_free(cipher); }
};
struct ContextFree {
    void operator()(EVP_CIPHER_CTX* context) const { EVP_CIPHER_CTX_free(context); }
};

// Runs `algorithm` (no padding) over whole blocks of `data` into `out`,
// which must have data.size() bytes.
bool run(const char* algorithm, QByteArrayView key, QByteArrayView iv, QByteArrayView data, bool encrypt, char* out,
         QString* error)
{
    const std::unique_ptr<EVP_CIPHER, CipherFree> cipher(EVP_CIPHER_fetch(nullptr, algorithm, nullptr));
    if (!cipher)
        return fail(error, openSslError(QStringLiteral("%1 is not available").arg(QLatin1String(algorithm))));
    const int block = EVP_CIPHER_get_block_size(cipher.get());
    if (key.size() != EVP_CIPHER_get_key_length(cipher.get()))
        return fail(error, QStringLiteral("%1 needs a key of %2 bytes, not %3")
                               .arg(QLatin1String(algorithm))
                               .arg(EVP_CIPHER_get_key_length(cipher.get()))
                               .arg(key.size()));
    if (!iv.isEmpty() && iv.size() != EVP_CIPHER_get_iv_length(cipher.get()))
        return fail(error, QStringLiteral("%1 needs an IV of %2 bytes, not %3")
                               .arg(QLatin1String(algorithm))
                               .arg(EVP_CIPHER_get_iv_length(cipher.get()))
                               .arg(iv.size()));
    if (data.size() % block != 0)
        return fail(error, QStringLiteral("%1 works on whole blocks of %2 bytes, not on %3 bytes")
                               .arg(QLatin1String(algorithm))
                               .arg(block)
                               .arg(data.size()));
    if (data.isEmpty())
        return true;
    const std::unique_ptr<EVP_CIPHER_CTX, ContextFree> context(EVP_CIPHER_CTX_new());
    const auto* keyBytes = reinterpret_cast<const unsigned char*>(key.data());
    const auto* ivBytes = iv.isEmpty() ? nullptr : reinterpret_cast<const unsigned char*>(iv.data());
    int written = 0;
    int last = 0;
    if (!context || !EVP_CipherInit_ex2(context.get(), cipher.get(), keyBytes, ivBytes, encrypt ? 1 : 0, nullptr)
        || !EVP_CIPHER_CTX_set_padding(context.get(), 0)
        || !EVP_CipherUpdate(context.get(), reinterpret_cast<unsigned char*>(out), &written,
                             reinterpret_cast<const unsigned char*>(data.data()), static_cast<int>(data.size()))
        || !EVP_CipherFinal_ex(context.get(), reinterpret_cast<unsigned char*>(out) + written, &last)
        || written + last != data.size())
        return fail(error, openSslError(QStringLiteral("%1 failed").arg(QLatin1String(algorithm))));
    return true;
}

// K || K: single DES as two-key triple DES (see BlockCipher.h).
bool desAsTripleDes(QByteArrayView key, QString* error, SecureBuffer* doubled)
{
    if (key.size() != kDesBlock)
        return fail(error, QStringLiteral("DES needs a key of 8 bytes, not %1").arg(key.size()));
    *doubled = SecureBuffer(2 * kDesBlock);
    std::copy(key.begin(), key.end(), doubled->data());
    std::copy(key.begin(), key.end(), doubled->data() + kDesBlock);
    return true;
}

std::optional<QByteArray> runDes(const char* algorithm, QByteArrayView key, QByteArrayView data, bool encrypt,
                                 QString* error)
{
    SecureBuffer doubled;
    if (!desAsTripleDes(key, error, &doubled))
        return std::nullopt;
    QByteArray out(data.size(), '\0');
    if (!run(algorithm, doubled.view(), QByteArrayView(), data, encrypt, out.data(), error))
        return std::nullopt;
    return out;
}

} // namespace

std::optional<QByteArray> BlockCipher::encryptCbc(SmCipher cipher, QByteArrayView key, QByteArrayView iv,
                                                  QByteArrayView data, QString* error)
{
    if (iv.size() != smCipherBlockBytes(cipher)) {
        fail(error, QStringLiteral("%1 CBC needs an IV of %2 bytes, not %3")
                        .arg(smCipherName(cipher))
                        .arg(smCipherBlockBytes(cipher))
                        .arg(iv.size()));
        return std::nullopt;
    }
    QByteArray out(data.size(), '\0');
    if (!run(cbcName(cipher), key, iv, data, true, out.data(), error))
        return std::nullopt;
    return out;
}

std::optional<SecureBuffer> BlockCipher::decryptCbc(SmCipher cipher, QByteArrayView key, QByteArrayView iv,
                                                    QByteArrayView data, QString* error)
{
    if (iv.size() != smCipherBlockBytes(cipher)) {
        fail(error, QStringLiteral("%1 CBC needs an IV of %2 bytes, not %3")
                        .arg(smCipherName(cipher))
                        .arg(smCipherBlockBytes(cipher))
                        .arg(iv.size()));
        return std::nullopt;
    }
    SecureBuffer out(data.size());
    if (!run(cbcName(cipher), key, iv, data, false, out.data(), error))
        return std::nullopt;
    return out;
}

std::optional<QByteArray> BlockCipher::encryptBlock(SmCipher cipher, QByteArrayView key, QByteArrayView block,
                                                    QString* error)
{
    if (block.size() != smCipherBlockBytes(cipher)) {
        fail(error, QStringLiteral("%1 encrypts blocks of %2 bytes, not %3")
                        .arg(smCipherName(cipher))
                        .arg(smCipherBlockBytes(cipher))
                        .arg(block.size()));
        return std::nullopt;
    }
    QByteArray out(block.size(), '\0');
    if (!run(ecbName(cipher), key, QByteArrayView(), block, true, out.data(), error))
        return std::nullopt;
    return out;
}

std::optional<QByteArray> BlockCipher::desEncrypt(QByteArrayView key, QByteArrayView data, QString* error)
{
    return runDes("DES-EDE-ECB", key, data, true, error);
}

std::optional<QByteArray> BlockCipher::desDecrypt(QByteArrayView key, QByteArrayView data, QString* error)
{
    return runDes("DES-EDE-ECB", key, data, false, error);
}

std::optional<QByteArray> BlockCipher::desEncryptCbc(QByteArrayView key, QByteArrayView data, QString* error)
{
    SecureBuffer doubled;
    if (!desAsTripleDes(key, error, &doubled))
        return std::nullopt;
    static const char kZeroIv[kDesBlock] = {};
    QByteArray out(data.size(), '\0');
    if (!run("DES-EDE-CBC", doubled.view(), QByteArrayView(kZeroIv, kDesBlock), data, true, out.data(), error))
        return std::nullopt;
    return out;
}

} // namespace fg
