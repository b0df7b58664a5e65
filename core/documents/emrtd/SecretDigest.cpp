#include "core/documents/emrtd/SecretDigest.h"

#include "core/security/OpenSslError.h"

#include <openssl/evp.h>

namespace fg {
namespace {

std::optional<SecureBuffer> digest(const char* name, int size, QByteArrayView data, QString* error)
{
    static const char kNoBytes[1] = {0};
    SecureBuffer out(size);
    size_t length = 0;
    if (!EVP_Q_digest(nullptr, name, nullptr, data.isEmpty() ? kNoBytes : data.data(), static_cast<size_t>(data.size()),
                      reinterpret_cast<unsigned char*>(out.data()), &length)
        || length != static_cast<size_t>(size)) {
        if (error)
            *error = openSslError(QStringLiteral("%1 failed").arg(QLatin1String(name)));
        return std::nullopt;
    }
    return out;
}

} // namespace

std::optional<SecureBuffer> SecretDigest::sha1(QByteArrayView data, QString* error)
{
    return digest("SHA1", kSha1Bytes, data, error);
}

std::optional<SecureBuffer> SecretDigest::sha256(QByteArrayView data, QString* error)
{
    return digest("SHA256", kSha256Bytes, data, error);
}

} // namespace fg
