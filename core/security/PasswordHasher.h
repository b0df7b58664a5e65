#pragma once

#include "core/security/ScryptParams.h"
#include "core/security/SecureBuffer.h"

#include <QString>

#include <optional>

namespace fg {

// Password hashes with scrypt, stored as PHC-style strings:
//   $scrypt$ln=17,r=8,p=1$<salt>$<hash>
// ln = log2(N); salt (16 random bytes) and hash (32 bytes) in base64 without
// padding. The parameters travel with the hash, so they can be raised later
// (needsRehash) without invalidating stored passwords. Password rules (length,
// reuse) are PasswordPolicy's business, not this class's.
class PasswordHasher {
public:
    static constexpr int kSaltBytes = 16;
    static constexpr int kHashBytes = 32;

    static std::optional<QString> hash(const SecureBuffer& password, QString* error,
                                       const ScryptParams& params = ScryptParams::forPasswords());
    // Constant-time comparison; a malformed or empty `stored` verifies nothing.
    static bool verify(const SecureBuffer& password, const QString& stored);
    // True when `stored` is malformed or was made with other parameters than `target`.
    static bool needsRehash(const QString& stored, const ScryptParams& target = ScryptParams::forPasswords());
    // The parameters of a stored hash, if it is well formed.
    static std::optional<ScryptParams> paramsOf(const QString& stored);
};

} // namespace fg
