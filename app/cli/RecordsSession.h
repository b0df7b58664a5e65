#pragma once

#include "app/cli/CliContext.h"
#include "core/security/LockoutPolicy.h"
#include "core/workflow/RetentionPolicy.h"

#include <QString>

#include <memory>
#include <optional>

namespace fg {
class AuditKey;
class AuditLog;
class Clock;
class Database;
class KeyStore;
} // namespace fg

namespace fg::cli {

// What the `--db URL` subcommands share: the records database, its audit log
// (keyed with the audit key: $FACEGATE_AUDIT_KEY_FILE, else audit/keyFile of
// the configuration file, else AuditKey::defaultKeyFile(), made on first use
// by a writing subcommand; its checkpoints go to audit/checkpointFolder), the
// real clock, the actor written into audit events ("cli:<login>"), and, only
// for the commands that seal or open records, the key-encryption key.
class RecordsSession {
public:
    // nullptr after setting *error; *status says which exit status it is.
    static std::unique_ptr<RecordsSession> open(const QString& urlText, bool readOnly, const Clock& clock,
                                                ExitStatus* status, QString* error);
    ~RecordsSession();

    Database& database() { return *m_database; }
    // Without an audit key (a read-only session whose key file does not
    // exist), appends and verify() fail, saying so and why (auditKeyProblem()).
    AuditLog& audit() { return *m_audit; }
    QString auditKeyProblem() const { return m_auditKeyProblem; }
    // Another audit key for this session (audit verify --audit-key FILE).
    bool useAuditKeyFile(const QString& path, QString* error);
    const Clock& clock() const { return m_clock; }
    QString actor() const { return m_actor; }

    // The key, opened on first use: keyFileOption (--key-file), else
    // $FACEGATE_KEY_FILE, else $FACEGATE_PASSPHRASE, else
    // KeyStore::defaultKeyFile(), created (0600) only for a database that has no key yet.
    KeyStore* keys(const QString& keyFileOption, QString* error);

private:
    RecordsSession(std::unique_ptr<Database> database, const Clock& clock, std::shared_ptr<const AuditKey> auditKey,
                   const QString& checkpointFolder);

    std::unique_ptr<Database> m_database;
    std::unique_ptr<AuditLog> m_audit;
    std::unique_ptr<KeyStore> m_keys;
    const Clock& m_clock;
    QString m_actor;
    QString m_auditKeyProblem;
};

// The retention limits of the configuration file (Settings::defaultPath(),
// retention/*; the built-in maxima without one). nullopt with *error naming
// the file and the value when a limit is refused.
std::optional<RetentionPolicy> configuredRetentionPolicy(QString* error);
// The sign-in lockout of the same file (security/lockoutFailures,
// security/lockoutMinutes), as the workstation applies it.
std::optional<LockoutPolicy> configuredLockoutPolicy(QString* error);

// `facegate-cli --db URL SUBCOMMAND ...`: purge, audit verify, stats,
// encounter add, user add|list|disable|enable|unlock|reset-totp|set-role
// (ARCHITECTURE.md, command-line contract).
int runRecordsCommand(const QStringList& arguments, CliContext& context);

} // namespace fg::cli
