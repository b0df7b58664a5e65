#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace fg {

// HMAC (RFC 2104) through OpenSSL's EVP_MAC. The result is empty only if
// OpenSSL itself fails (out of memory, provider missing).
class Hmac {
public:
    enum class Digest { Sha1, Sha256, Sha512 };

    static QByteArray compute(Digest digest, QByteArrayView key, QByteArrayView message);
    static QByteArray sha256(QByteArrayView key, QByteArrayView message)
    {
        return compute(Digest::Sha256, key, message);
    }
    static int size(Digest digest); // 20, 32 or 64 bytes
};

} // namespace fg
