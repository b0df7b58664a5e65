#include "core/security/Scrypt.h"

#include "core/security/OpenSslError.h"

#include <openssl/core_names.h>
#include <openssl/kdf.h>
#include <openssl/params.h>

#include <memory>

namespace fg {

std::optional<SecureBuffer> Scrypt::derive(QByteArrayView password, QByteArrayView salt, const ScryptParams& params,
                                           int length, QString* error)
{
    if (!params.isValid(error))
        return std::nullopt;
    if (length < 1 || length > 1024) {
        *error = QStringLiteral("cannot derive %1 bytes with scrypt (1 to 1024)").arg(length);
        return std::nullopt;
    }
    const std::unique_ptr<EVP_KDF, decltype(&EVP_KDF_free)> kdf(EVP_KDF_fetch(nullptr, "SCRYPT", nullptr),
                                                                &EVP_KDF_free);
    const std::unique_ptr<EVP_KDF_CTX, decltype(&EVP_KDF_CTX_free)> context(kdf ? EVP_KDF_CTX_new(kdf.get()) : nullptr,
                                                                            &EVP_KDF_CTX_free);
    if (!context) {
        *error = openSslError(QStringLiteral("scrypt is not available"));
        return std::nullopt;
    }
    // OpenSSL copies the octet strings; an empty one still needs a pointer.
    static char noBytes[1] = {0};
    uint64_t n = params.n;
    uint32_t r = params.r;
    uint32_t p = params.p;
    uint64_t maxMemory = params.memoryBytes();
    const OSSL_PARAM settings[] = {
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_PASSWORD,
                                          password.isEmpty() ? noBytes : const_cast<char*>(password.data()),
                                          static_cast<size_t>(password.size())),
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_SALT,
                                          salt.isEmpty() ? noBytes : const_cast<char*>(salt.data()),
                                          static_cast<size_t>(salt.size())),
        OSSL_PARAM_construct_uint64(OSSL_KDF_PARAM_SCRYPT_N, &n),
        OSSL_PARAM_construct_uint32(OSSL_KDF_PARAM_SCRYPT_R, &r),
        OSSL_PARAM_construct_uint32(OSSL_KDF_PARAM_SCRYPT_P, &p),
        OSSL_PARAM_construct_uint64(OSSL_KDF_PARAM_SCRYPT_MAXMEM, &maxMemory),
        OSSL_PARAM_construct_end(),
    };
    SecureBuffer key(length);
    if (EVP_KDF_derive(context.get(), reinterpret_cast<unsigned char*>(key.data()), static_cast<size_t>(length),
                       settings)
        != 1) {
        *error = openSslError(QStringLiteral("scrypt (%1) failed").arg(params.toString()));
        return std::nullopt;
    }
    return key;
}

} // namespace fg
