#pragma once

#include "core/security/SecureBuffer.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <optional>

namespace fg {

// AES-256-GCM with a fresh random 96-bit nonce per seal.
// Sealed layout: nonce (12 bytes) | ciphertext (as long as the plaintext) | tag (16 bytes).
// The associated data (aad) is authenticated, not stored: open() needs the
// same aad, so a record id passed as aad binds the sealed bytes to that record.
// Errors: "truncated", "authentication failed (wrong key, or the data or its
// record binding was changed)", or a wrong key size / OpenSSL failure.
class AesGcm {
public:
    static constexpr int kKeyBytes = 32;
    static constexpr int kNonceBytes = 12;
    static constexpr int kTagBytes = 16;
    static constexpr int kOverheadBytes = kNonceBytes + kTagBytes;

    static std::optional<QByteArray> seal(const SecureBuffer& key, QByteArrayView plaintext, QByteArrayView aad,
                                          QString* error);
    static std::optional<QByteArray> open(const SecureBuffer& key, QByteArrayView sealed, QByteArrayView aad,
                                          QString* error);
    // open() into wiped-on-destruction memory, for keys and other secrets.
    static std::optional<SecureBuffer> openSecret(const SecureBuffer& key, QByteArrayView sealed, QByteArrayView aad,
                                                  QString* error);

    static QString authenticationFailed();
};

} // namespace fg
