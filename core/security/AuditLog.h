#pragma once

#include "core/security/AuditEvent.h"

#include <QJsonObject>
#include <QString>

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <vector>

namespace fg {

class AuditKey;
class Clock;
class Database;

// The append-only, keyed, hash-chained audit log (table audit_events, head in
// audit_head). Each event holds the hash of the one before it, and the head
// row holds the last sequence number and hash, so an edited, removed,
// reordered or truncated log is found by verify(). The hash is an
// HMAC-SHA256 under the audit key (AuditKey), which the database never holds:
// someone with the database alone cannot write an event that verifies. Events
// written before the key was registered (table audit_keys, from_seq) keep
// their plain SHA-256 and stay verifiable; the first keyed event of such a log
// is "audit.keyed". Appends serialise on the head row (BEGIN IMMEDIATE on
// SQLite, SELECT ... FOR UPDATE on PostgreSQL), so workstations sharing one
// database extend one chain (and must share the audit key). Event times never
// go backwards: an event is dated max(now, the last event's time), and one
// more than kClockSkewMs before the last event is refused.
class AuditLog {
public:
    static constexpr qint64 kClockSkewMs = 5 * 60 * 1000;

    // key may be null: appends and verify() then fail, saying the key is missing.
    AuditLog(const Database& database, const Clock& clock, std::shared_ptr<const AuditKey> key);

    // Appends inside the caller's open write transaction, so the event commits
    // or rolls back with the change it records.
    bool append(const QString& actor, const QString& action, const QString& subject, const QJsonObject& details,
                QString* error, qint64* seq = nullptr) const;
    // Appends in a transaction of its own.
    bool record(const QString& actor, const QString& action, const QString& subject, const QJsonObject& details,
                QString* error, qint64* seq = nullptr) const;

    struct Verification {
        bool intact = false;
        qint64 events = 0;      // events read
        qint64 firstBadSeq = 0; // the first event that is not as written (0 when intact)
        QString problem;        // what is wrong with it, in words
        QString headHash;       // hash of the last event when intact
        qint64 keyedFromSeq = 0; // the first event under the audit key (0: none yet)
        int checkpoints = 0;    // signed checkpoints of this database checked
        std::map<qint64, QString> hashesAt; // the stored hash of each event asked for
    };
    // Walks the whole chain (with the hashes of the events in wantedHashes). nullopt
    // (with *error) only when the log cannot be read or the audit key is missing or not this log's.
    std::optional<Verification> verify(QString* error, const std::set<qint64>& wantedHashes = {}) const;
    // verify(), then the chain against every signed checkpoint in `folder`
    // (AuditCheckpoint): a checkpoint not signed by this audit key, one
    // beyond the end of the chain (cut short) or one whose head hash differs
    // from the stored event's makes it not intact. A folder without any
    // checkpoint of this database is not intact either.
    std::optional<Verification> verifyWithCheckpoints(const QString& folder, QString* error) const;

    // Signs the head (AuditCheckpoint) into checkpointFolder(). *path is the
    // file written, empty when the log has no event yet or no folder is set.
    bool writeCheckpoint(QString* path, QString* error) const;
    void setCheckpointFolder(const QString& folder) { m_checkpointFolder = folder; }
    QString checkpointFolder() const { return m_checkpointFolder; }
    // The random identity migration 008 gave this database.
    std::optional<QString> databaseId(QString* error) const;

    // Events in [fromSeq, fromSeq + limit), oldest first (for reports).
    std::optional<std::vector<AuditEvent>> events(qint64 fromSeq, int limit, QString* error) const;

    const Clock& clock() const { return m_clock; }
    const AuditKey* key() const { return m_key.get(); }
    std::shared_ptr<const AuditKey> keyShared() const { return m_key; }

    static QString genesisHash();
    // Hex hash over the fields, each length-prefixed, so no two different
    // events share an encoding. detailsJson is the stored text, not re-encoded.
    // With a key: HMAC-SHA256 under it; without (events before the key): SHA-256.
    static QString hashOf(const QString& prevHash, qint64 seq, qint64 atMs, const QString& actor, const QString& action,
                          const QString& subject, const QString& detailsJson, const AuditKey* key);

private:
    struct Registration {
        QString keyId;
        QString checkValue;
        qint64 fromSeq = 0;
    };
    bool requireKey(const QString& what, QString* error) const;
    std::optional<std::optional<Registration>> registration(QString* error) const;
    bool checkRegistration(const Registration& registered, QString* error) const;
    bool insertEvent(qint64 seq, qint64 at, const QString& actor, const QString& action, const QString& subject,
                     const QString& detailsJson, const QString& previousHash, QString* hash, QString* error) const;
    std::optional<Verification> verifyInSnapshot(QString* error, const std::set<qint64>& wantedHashes) const;

    const Database& m_database;
    const Clock& m_clock;
    std::shared_ptr<const AuditKey> m_key;
    QString m_checkpointFolder;
};

} // namespace fg
