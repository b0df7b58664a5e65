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
// DEK is wiped after use. The two parts are kept apart (KeyStore: the key in
// table data_keys, the data in the record's row), so that deleting the key
// row destroys the only copy of the DEK: whatever of the data stays behind in
// a database file's free space is then noise (crypto-shredding).
//
// Key part (all sizes in bytes):
//   "FGK1"                       magic, 4 ("FGE1" in keys moved out of the
//                                single blobs of schemas 1 to 6)
//   kek id length L              u8, 1 to 255
//   kek id                       ASCII (KeyEncryptionKey::id()), L
//   wrapped DEK                  nonce 12 | encrypted DEK 32 | tag 16
// Data part:
//   "FGD1"                       magic, 4
//   data                         nonce 12 | ciphertext n | tag 16
// The caller's `binding` (e.g. "photo:<uuid>") is associated data of both
// parts: the DEK is wrapped with the key part's header (magic, L, id) +
// binding as AAD, the data sealed with the binding as AAD. A part copied to
// another record, or with its header changed, does not open. The data part
// does not depend on the KEK, so a new KEK rewraps the DEK (rewrap()) without
// touching the data.
class Envelope {
public:
    static constexpr char kKeyMagic[] = "FGK1";
    static constexpr char kLegacyKeyMagic[] = "FGE1";
    static constexpr char kDataMagic[] = "FGD1";
    static constexpr int kMagicBytes = 4;
    static constexpr int kWrappedKeyBytes = 12 + 32 + 16;

    struct Sealed {
        QByteArray key;  // the wrapped DEK with its header
        QByteArray data; // the sealed plaintext
    };

    static std::optional<Sealed> seal(const KeyEncryptionKey& kek, QByteArrayView plaintext, QByteArrayView binding,
                                      QString* error);
    static std::optional<QByteArray> open(const KeyEncryptionKey& kek, QByteArrayView key, QByteArrayView data,
                                          QByteArrayView binding, QString* error);
    static std::optional<SecureBuffer> openSecret(const KeyEncryptionKey& kek, QByteArrayView key, QByteArrayView data,
                                                  QByteArrayView binding, QString* error);
    // The key part of `binding` wrapped again, under `to`; the DEK is never
    // outside wiped memory and the data part is not needed.
    static std::optional<QByteArray> rewrap(const KeyEncryptionKey& from, const KeyEncryptionKey& to, QByteArrayView key,
                                            QByteArrayView binding, QString* error);
    // The id of the KEK recorded in a key part's header, or empty if it is malformed.
    static QString kekIdOf(QByteArrayView key);

};

} // namespace fg
