#pragma once

#include "core/security/SecureBuffer.h"

#include <QByteArray>
#include <QString>

#include <cstddef>
#include <optional>

namespace fg {

// Random bytes from OpenSSL's CSPRNG (RAND_bytes), for keys, nonces, salts,
// TOTP secrets and record ids.
class CryptoRandom {
public:
    static bool fill(void* buffer, size_t size, QString* error);
    static std::optional<QByteArray> bytes(int count, QString* error);
    static std::optional<SecureBuffer> secret(int count, QString* error);
    // A random (version 4) UUID, without braces: "3f2b...-4...-[89ab]...".
    static QString uuid();
};

} // namespace fg
