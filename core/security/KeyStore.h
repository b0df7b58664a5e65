#pragma once

#include "core/security/KeyEncryptionKey.h"
#include "core/security/ScryptParams.h"
#include "core/security/SecureBuffer.h"

#include <QByteArray>
#include <QString>

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
    // A key file (0600, 32 bytes): registered on first use of an empty database.
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

    // Seals with a fresh data key; binding names the record ("photo:<uuid>").
    std::optional<QByteArray> seal(QByteArrayView plaintext, const QString& binding, QString* error) const;
    // Opens, after appending the key.unwrap audit event in a transaction of
    // its own; nothing is returned if the event cannot be written.
    std::optional<QByteArray> unseal(QByteArrayView sealed, const QString& binding, const KeyAccess& access,
                                     QString* error) const;
    // The same inside the caller's open write transaction.
    std::optional<QByteArray> unsealWithin(QByteArrayView sealed, const QString& binding, const KeyAccess& access,
                                           QString* error) const;
    std::optional<SecureBuffer> unsealSecret(QByteArrayView sealed, const QString& binding, const KeyAccess& access,
                                             QString* error) const;

private:
    KeyStore(const Database& database, const AuditLog& audit, KeyEncryptionKey kek);

    enum class Source { File, Passphrase };
    static std::unique_ptr<KeyStore> adopt(const Database& database, const AuditLog& audit, KeyEncryptionKey kek,
                                           Source source, const QByteArray& salt, const ScryptParams& params,
                                           const QString& origin, const QString& actor, QString* error);
    bool audit(const QString& binding, const KeyAccess& access, bool withinTransaction, QString* error) const;

    const Database& m_database;
    const AuditLog& m_audit;
    KeyEncryptionKey m_kek;
};

} // namespace fg
