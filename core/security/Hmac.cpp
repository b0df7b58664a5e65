#include "core/security/Hmac.h"

#include <openssl/evp.h>

namespace fg {
namespace {

const char* digestName(Hmac::Digest digest)
{
    switch (digest) {
    case Hmac::Digest::Sha1:
        return "SHA1";
    case Hmac::Digest::Sha256:
        return "SHA256";
    case Hmac::Digest::Sha512:
        return "SHA512";
    }
    return "SHA256";
}

} // namespace

int Hmac::size(Digest digest)
{
    switch (digest) {
    case Digest::Sha1:
        return 20;
    case Digest::Sha256:
        return 32;
    case Digest::Sha512:
        return 64;
    }
    return 32;
}

QByteArray Hmac::compute(Digest digest, QByteArrayView key, QByteArrayView message)
{
    // OpenSSL wants a key pointer even for an empty key (HMAC allows one).
    static const unsigned char kNoBytes[1] = {0};
    const void* keyBytes = key.isEmpty() ? kNoBytes : static_cast<const void*>(key.data());
    const auto* messageBytes =
        message.isEmpty() ? kNoBytes : reinterpret_cast<const unsigned char*>(message.data());
    QByteArray mac(size(digest), '\0');
    size_t length = 0;
    if (!EVP_Q_mac(nullptr, "HMAC", nullptr, digestName(digest), nullptr, keyBytes, static_cast<size_t>(key.size()),
                   messageBytes, static_cast<size_t>(message.size()), reinterpret_cast<unsigned char*>(mac.data()),
                   static_cast<size_t>(mac.size()), &length)
        || length != static_cast<size_t>(mac.size()))
        return QByteArray();
    return mac;
}

} // namespace fg
