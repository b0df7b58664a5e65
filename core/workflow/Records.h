#pragma once

#include <QString>

#include <memory>

namespace fg {

class AlternateProcedureStore;
class AuditLog;
class Authenticator;
class Clock;
class Database;
class EncounterStore;
class KeyStore;
class PortFiguresCalculator;
class Purger;
class ReportBuilder;
class RetentionPolicy;
class ReviewQueue;
class Settings;
class UserStore;

// The workstation's records, assembled once from the settings: the database
// (migrated), its audit log, the key (a key file, made for a new database), the users and sign-in,
// the encounter store and the retention purge. The one object the GUI holds
// to reach them (ARCHITECTURE.md: ui talks to core through service objects).
// It lives in the thread that opened it; RecordsThread opens a second one on
// a thread of its own, where the purge runs on its schedule.
class Records {
public:
    // Runs the crypto known-answer tests first; nullptr with *error naming
    // what failed (self-test, settings, database, key).
    static std::unique_ptr<Records> open(const Settings& settings, const Clock& clock, const QString& actor,
                                         QString* error);
    ~Records();

    Database& database() { return *m_database; }
    AuditLog& audit() { return *m_audit; }
    KeyStore& keys() { return *m_keys; }
    EncounterStore& encounters() { return *m_encounters; }
    AlternateProcedureStore& alternateProcedures() { return *m_alternateProcedures; }
    UserStore& users() { return *m_users; }
    // Sign-in with the lockout of the settings (security/lockout*).
    const Authenticator& authenticator() const { return *m_authenticator; }
    Purger& purger() { return *m_purger; }
    const RetentionPolicy& retention() const { return *m_retention; }
    // The supervisor's no-match queue (claims expire after queue/claimExpiryHours).
    ReviewQueue& reviewQueue() { return *m_reviewQueue; }
    // The port's figures and the reports: read-only.
    const PortFiguresCalculator& figures() const { return *m_figures; }
    const ReportBuilder& reports() const { return *m_reports; }

    // Where the records are, without a password: for the status bar.
    QString location() const;

private:
    Records() = default;

    std::unique_ptr<Database> m_database;
    std::unique_ptr<AuditLog> m_audit;
    std::unique_ptr<KeyStore> m_keys;
    std::unique_ptr<RetentionPolicy> m_retention;
    std::unique_ptr<EncounterStore> m_encounters;
    std::unique_ptr<AlternateProcedureStore> m_alternateProcedures;
    std::unique_ptr<UserStore> m_users;
    std::unique_ptr<Authenticator> m_authenticator;
    std::unique_ptr<Purger> m_purger;
    std::unique_ptr<ReviewQueue> m_reviewQueue;
    std::unique_ptr<PortFiguresCalculator> m_figures;
    std::unique_ptr<ReportBuilder> m_reports;
};

} // namespace fg
