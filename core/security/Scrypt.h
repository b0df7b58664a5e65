#pragma once

#include "core/security/ScryptParams.h"
#include "core/security/SecureBuffer.h"

#include <QByteArrayView>
#include <QString>

#include <optional>

namespace fg {

// scrypt (RFC 7914) through OpenSSL's EVP_KDF "SCRYPT". Refuses parameters
// that ScryptParams::isValid() refuses, and output lengths outside 1..1024.
class Scrypt {
public:
    static std::optional<SecureBuffer> derive(QByteArrayView password, QByteArrayView salt, const ScryptParams& params,
                                              int length, QString* error);
};

} // namespace fg
