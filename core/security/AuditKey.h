#pragma once

#include "core/security/SecureBuffer.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <memory>

namespace fg {

// The audit key: 32 secret bytes that the records database never holds. From
// it come, each under a label of its own (HMAC-SHA256), the key of the audit
// chain's HMAC (AuditLog) and the Ed25519 key that signs checkpoints of the
// chain's head (AuditCheckpoint). Its file is checked like a key-encryption
// key's (KeyEncryptionKey::fromKeyFile: a regular file of the running account,
// mode 0600 or 0400, 64 hex digits). The database registers only its id and
// check value (table audit_keys). Move-only; the bytes are wiped.
class AuditKey {
public:
    static constexpr int kKeyBytes = 32;
    static constexpr int kPublicKeyBytes = 32;
    static constexpr int kSignatureBytes = 64;

    static std::unique_ptr<AuditKey> fromKeyFile(const QString& path, QString* error);
    // The file at `path`, created first (0600, folders 0700) when it does not exist.
    static std::unique_ptr<AuditKey> openOrCreate(const QString& path, QString* error);
    // ~/.local/share/facegate/keys/audit.key, beside the default key-encryption key.
    static QString defaultKeyFile();
    // Takes 32 key bytes (a test, a key held elsewhere).
    static std::unique_ptr<AuditKey> fromKey(SecureBuffer key, QString* error);
    // A new random key, held in memory only (a bench's throw-away database).
    static std::unique_ptr<AuditKey> generate(QString* error);

    AuditKey(const AuditKey&) = delete;
    AuditKey& operator=(const AuditKey&) = delete;

    // HMAC-SHA256 under the chain key.
    QByteArray mac(QByteArrayView message) const;
    // The first 16 hex digits of HMAC-SHA256(key, "FaceGate audit key id v1").
    QString id() const { return m_id; }
    // Hex HMAC-SHA256(key, "FaceGate audit key check v1"): registered beside the chain.
    QString checkValue() const;

    // Ed25519 signature of `message` (64 bytes; empty if OpenSSL fails, with *error).
    QByteArray sign(QByteArrayView message, QString* error) const;
    // The raw 32-byte Ed25519 public key that checks sign()'s signatures.
    QByteArray publicKey() const { return m_publicKey; }
    static bool verifySignature(QByteArrayView publicKey, QByteArrayView message, QByteArrayView signature);

private:
    AuditKey(SecureBuffer chainKey, SecureBuffer signingSeed, QByteArray publicKey, QString id, QString checkValue);

    SecureBuffer m_chainKey;
    SecureBuffer m_signingSeed;
    QByteArray m_publicKey;
    QString m_id;
    QString m_checkValue;
};

} // namespace fg
