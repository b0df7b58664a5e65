#pragma once

#include "core/security/KeyEncryptionKey.h"
#include "core/security/SecureBuffer.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <optional>

namespace fg {

// Envelope encryption of one record (a photo, a template, a TOTP secret): each
// seal draws a fresh random 32-byte data key (DEK), seals the plaintext with
// it (AES-256-GCM), and wraps the DEK with the key-encryption key (KEK). The
// DEK is wiped after use.
//
// Blob layout (all sizes in bytes):
//   "FGE1"                       magic, 4
//   kek id length L              u8, 1 to 255
//   kek id                       ASCII (KeyEncryptionKey::id()), L
//   wrapped DEK                  nonce 12 | encrypted DEK 32 | tag 16
//   data                         nonce 12 | ciphertext n | tag 16
// The caller's `binding` (e.g. "photo:<uuid>") is associated data of both
// layers: the DEK is wrapped with header (magic, L, id) + binding as AAD, the
// data sealed with the binding as AAD. A blob copied to another record, or
// with its header changed, does not open. (The data layer does not depend on
// the KEK, so a new KEK can rewrap the DEK without touching the data.)
class Envelope {
public:
    static constexpr char kMagic[] = "FGE1";
    static constexpr int kMagicBytes = 4;
    static constexpr int kWrappedKeyBytes = 12 + 32 + 16;

    static std::optional<QByteArray> seal(const KeyEncryptionKey& kek, QByteArrayView plaintext,
                                          QByteArrayView binding, QString* error);
    static std::optional<QByteArray> open(const KeyEncryptionKey& kek, QByteArrayView sealed, QByteArrayView binding,
                                          QString* error);
    static std::optional<SecureBuffer> openSecret(const KeyEncryptionKey& kek, QByteArrayView sealed,
                                                  QByteArrayView binding, QString* error);
    // The id of the KEK recorded in the header, or empty if the blob is malformed.
    static QString kekIdOf(QByteArrayView sealed);
};

} // namespace fg
