#pragma once

#include "core/security/KeyEncryptionKey.h"
#include "core/security/ScryptParams.h"
#include "core/security/SecureBuffer.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

namespace fg {

class AuditLog;
class Database;

// Who opens a sealed record and why: written to the audit log with every unwrap.
struct KeyAccess {
    QString actor;   // "officer:jdoe", "cli:root"
    QString purpose; // "show capture beside reference", "sign-in"
};

// The key-encryption key of one database, and the only way to seal and open
// its photos, templates and secrets (core/security/Envelope). The database
// keeps a check value of each key it was sealed with (table keks), never the
// key: a wrong key file or passphrase is refused before anything is written.
// Opening the key and every unwrap of a data key are audit events.
class KeyStore {
public:
    // A key file (0600, 32 bytes), or a key in a PKCS#11 token named by a
    // "pkcs11:" URI (KeyEncryptionKey::open): registered on first use of an
    // empty database. A key missing from its token is made there (AES-256,
    // not extractable) for a database that has no key yet.
    static std::unique_ptr<KeyStore> openWithKeyFile(const Database& database, const AuditLog& audit,
                                                     const QString& keyFile, const QString& actor, QString* error);
    // The key file of a workstation that names none: defaultKeyFile(). When it
    // does not exist it is created (0600, see KeyEncryptionKey::createKeyFile)
    // for a database that has no key yet; a database sealed already is
    // refused with an error naming the missing file.
    static std::unique_ptr<KeyStore> openDefaultKeyFile(const Database& database, const AuditLog& audit,
                                                        const QString& actor, QString* error);
    static QString defaultKeyFile(); // ~/.local/share/facegate/keys/facegate.kek
    // A passphrase, stretched by scrypt with the salt stored in the database
    // (new salt, and params, on first use).
    static std::unique_ptr<KeyStore> openWithPassphrase(const Database& database, const AuditLog& audit,
                                                        const SecureBuffer& passphrase, const QString& actor,
                                                        QString* error,
                                                        const ScryptParams& params = ScryptParams::forKeys());

    QString kekId() const { return m_kek.id(); }
    const KeyEncryptionKey& kek() const { return m_kek; }

    // Where a key comes from (keks.kind: file, passphrase, pkcs11).
    enum class Source { File, Passphrase, Token };

    // A record sealed under a fresh data key: `data` goes into the record's
    // row, the wrapped key into table data_keys by keep().
    struct SealedRecord {
        QString binding; // names the record: "photo:<uuid>", "template:<uuid>", "user-totp:<name>"
        QByteArray key;  // Envelope's key part
        QByteArray data; // Envelope's data part
    };
    std::optional<SealedRecord> seal(QByteArrayView plaintext, const QString& binding, QString* error) const;
    // Stores the record's data key inside the caller's open write transaction,
    // in the same commit as its data. A key kept before under the same binding
    // is replaced: the record sealed with it no longer opens. Deleting a
    // photo, template or user row deletes its key (triggers of schema 7), and
    // Database::shred then removes the deleted keys from the database files:
    // whatever of the data stays in free space is noise (crypto-shredding).
    bool keep(const SealedRecord& record, QString* error) const;

    // Opens a record's data with its kept key, after appending the key.unwrap
    // audit event in a transaction of its own; nothing is returned if the
    // event cannot be written. A record whose key was destroyed does not open.
    std::optional<QByteArray> unseal(QByteArrayView data, const QString& binding, const KeyAccess& access,
                                     QString* error) const;
    // The same inside the caller's open write transaction.
    std::optional<QByteArray> unsealWithin(QByteArrayView data, const QString& binding, const KeyAccess& access,
                                           QString* error) const;
    std::optional<SecureBuffer> unsealSecret(QByteArrayView data, const QString& binding, const KeyAccess& access,
                                             QString* error) const;

    // Key rotation: every data key wrapped by this KEK is unwrapped and
    // wrapped again by `next` (Envelope::rewrap: no record's data is read or
    // decrypted), in batches of `batchSize` keys, each batch one transaction
    // with its audit event key.rewrap. The first run registers `next`
    // (key.register, key.rotate); a run that was stopped (killed, a lost
    // connection) is resumed by running it again with the same two keys: the
    // keys rewrapped already stay so. When no key is left under this KEK it
    // is retired (keks.retired_at, event key.retire): no KeyStore opens with
    // it again, a workstation still holding it can no longer keep a key, and
    // its key file can be destroyed (the caller's part). This KeyStore then
    // seals and opens with `next`. Run it while the workstations sharing the
    // database are stopped: one still holding the old key cannot open what
    // was rewrapped.
    struct RotationProgress {
        qint64 rewrapped = 0; // by this run so far
        qint64 remaining = 0; // under the old key
        int batches = 0;
    };
    struct RotationReport {
        QString from;
        QString to;
        qint64 rewrapped = 0; // by this run
        qint64 before = 0;    // rewrapped by earlier, stopped runs
        int batches = 0;
        double seconds = 0;
    };
    std::optional<RotationReport> rotate(KeyEncryptionKey next, const QString& actor, int batchSize,
                                         const std::function<void(const RotationProgress&)>& progress, QString* error);

    // Whether the key of this id was retired by a rotation (and when; null when not).
    static std::optional<QDateTime> retiredAt(const Database& database, const QString& kekId, QString* error);

private:
    KeyStore(const Database& database, const AuditLog& audit, KeyEncryptionKey kek);

    static std::unique_ptr<KeyStore> adopt(const Database& database, const AuditLog& audit, KeyEncryptionKey kek,
                                           Source source, const QByteArray& salt, const ScryptParams& params,
                                           const QString& origin, const QString& actor, QString* error);
    bool audit(const QString& binding, const KeyAccess& access, bool withinTransaction, QString* error) const;
    std::optional<QByteArray> keptKey(const QString& binding, QString* error) const;

    const Database& m_database;
    const AuditLog& m_audit;
    KeyEncryptionKey m_kek;
};

} // namespace fg
