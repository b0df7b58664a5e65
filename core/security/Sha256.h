#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace fg {

// SHA-256 through OpenSSL's EVP interface (for HMAC see Hmac).
class Sha256 {
public:
    static constexpr int kBytes = 32;

    static QByteArray hash(QByteArrayView data); // 32 bytes
    static QString hex(QByteArrayView data);     // 64 lowercase hex digits
};

} // namespace fg
