#pragma once

#include "core/security/SecureBuffer.h"

#include <QByteArrayView>
#include <QString>

#include <optional>

namespace fg {

// SHA-1 and SHA-256 through OpenSSL's EVP interface, into wiped memory: the
// eMRTD protocols hash secrets (the MRZ information, shared secrets) into
// keys. SHA-1 is what Doc 9303 prescribes for BAC and for the 3DES and
// AES-128 key derivation; it is not used for anything else here.
class SecretDigest {
public:
    static constexpr int kSha1Bytes = 20;
    static constexpr int kSha256Bytes = 32;

    static std::optional<SecureBuffer> sha1(QByteArrayView data, QString* error);
    static std::optional<SecureBuffer> sha256(QByteArrayView data, QString* error);
};

} // namespace fg
