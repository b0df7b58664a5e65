#pragma once

#include "core/security/ScryptParams.h"
#include "core/security/SecureBuffer.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <memory>
#include <optional>

namespace fg {

class Pkcs11Key;

// The key-encryption key (KEK): a 32-byte AES-256 key that wraps the per-record
// data keys of Envelope (AES-256-GCM). It comes from a key file or from a
// passphrase (scrypt), held in wiped memory and never stored itself; or it
// lives in a PKCS#11 token (Pkcs11Key), which wraps and unwraps inside the
// token: FaceGate then never holds its bytes. Move-only.
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

    // Where a workstation's key is (settings security/keyFile, --key-file,
    // FACEGATE_KEY_FILE): a key file's path, or a PKCS#11 URI ("pkcs11:...",
    // see Pkcs11Key) naming a key in a token.
    static bool isTokenLocation(const QString& location);
    static std::optional<KeyEncryptionKey> open(const QString& location, QString* error);
    // Makes a new key there: a key file (createKeyFile) or a key generated
    // inside the token (sensitive, not extractable). Never replaces one.
    static bool create(const QString& location, QString* error);
    static std::optional<bool> exists(const QString& location, QString* error);
    // Destroys the key there: a key file by destroyKeyFile, a key in a token
    // by the token (C_DestroyObject).
    static bool destroy(const QString& location, QString* error);
    // The location as messages and records may show it (a URI without its query).
    static QString displayLocation(const QString& location);

    KeyEncryptionKey(KeyEncryptionKey&&) noexcept = default;
    KeyEncryptionKey& operator=(KeyEncryptionKey&&) noexcept = default;
    KeyEncryptionKey(const KeyEncryptionKey&) = delete;
    KeyEncryptionKey& operator=(const KeyEncryptionKey&) = delete;

    // HMAC-SHA256(key, "FaceGate KEK check v1") (AES-CMAC in a token):
    // stored beside the data so a wrong key is told from a right one before
    // anything is opened.
    QByteArray checkValue() const { return m_checkValue; }
    // The first 16 hex digits of HMAC-SHA256(key, "FaceGate KEK id v1")
    // (AES-CMAC in a token): names the key in envelopes and the audit log
    // without revealing it.
    QString id() const { return m_id; }
    // The key bytes; empty for a key in a token.
    const SecureBuffer& key() const { return m_key; }
    // The token's key, or null for a key held in memory.
    const Pkcs11Key* token() const { return m_token.get(); }

    // AES-256-GCM under this key, with a fresh random nonce: nonce 12 |
    // ciphertext | tag 16. In a token, the token encrypts.
    std::optional<QByteArray> wrap(QByteArrayView secret, QByteArrayView aad, QString* error) const;
    std::optional<SecureBuffer> unwrap(QByteArrayView wrapped, QByteArrayView aad, QString* error) const;

private:
    explicit KeyEncryptionKey(SecureBuffer key);
    KeyEncryptionKey(std::shared_ptr<const Pkcs11Key> token, QString id, QByteArray checkValue);

    SecureBuffer m_key;
    std::shared_ptr<const Pkcs11Key> m_token;
    QString m_id;
    QByteArray m_checkValue;
};

} // namespace fg
