#pragma once

#include "core/security/ScryptParams.h"
#include "core/security/SecureBuffer.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <optional>

namespace fg {

// The key-encryption key (KEK): a 32-byte AES-256 key that wraps the per-record
// data keys of Envelope. It comes from a key file or from a passphrase
// (scrypt); it is never stored itself. Move-only; the key bytes are wiped.
class KeyEncryptionKey {
public:
    static constexpr int kKeyBytes = 32;
    static constexpr int kMinSaltBytes = 16;

    // A key file: a regular file readable by its owner only (mode 0600 or
    // 0400) holding 64 hex digits (one trailing newline allowed) or exactly 32
    // raw bytes. Any other file is refused with an error naming it.
    static std::optional<KeyEncryptionKey> fromKeyFile(const QString& path, QString* error);
    // Writes a new random key file (64 hex digits and a newline), created with
    // O_CREAT | O_EXCL and mode 0600, then fsync'ed; never overwrites an
    // existing file. Missing parent folders are created with mode 0700.
    static bool createKeyFile(const QString& path, QString* error);
    // Destroys a key file: its bytes overwritten with random ones and
    // fsync'ed, then the file unlinked (and its folder fsync'ed). What the
    // storage keeps of the old blocks (journals, flash remapping, backups) is
    // beyond a program's reach: keep key files on storage that is encrypted
    // or destroyed with the machine.
    static bool destroyKeyFile(const QString& path, QString* error);
    // scrypt(passphrase, salt) with `params`; salt of at least 16 bytes.
    static std::optional<KeyEncryptionKey> fromPassphrase(const SecureBuffer& passphrase, QByteArrayView salt,
                                                          const ScryptParams& params, QString* error);
    // Takes 32 key bytes (from a key store, a test).
    static std::optional<KeyEncryptionKey> fromKey(SecureBuffer key, QString* error);
    // A new random key, held in memory only.
    static std::optional<KeyEncryptionKey> generate(QString* error);

    KeyEncryptionKey(KeyEncryptionKey&&) noexcept = default;
    KeyEncryptionKey& operator=(KeyEncryptionKey&&) noexcept = default;
    KeyEncryptionKey(const KeyEncryptionKey&) = delete;
    KeyEncryptionKey& operator=(const KeyEncryptionKey&) = delete;

    // HMAC-SHA256(key, "FaceGate KEK check v1"): stored beside the data so a
    // wrong key is told from a right one before anything is opened.
    QByteArray checkValue() const;
    // The first 16 hex digits of HMAC-SHA256(key, "FaceGate KEK id v1"): names
    // the key in envelopes and the audit log without revealing it.
    QString id() const { return m_id; }
    const SecureBuffer& key() const { return m_key; }

private:
    explicit KeyEncryptionKey(SecureBuffer key);

    SecureBuffer m_key;
    QString m_id;
};

} // namespace fg
