#pragma once

#include "core/security/AuditEvent.h"

#include <QJsonObject>
#include <QString>

#include <optional>
#include <vector>

namespace fg {

class Clock;
class Database;

// The append-only, hash-chained audit log (table audit_events, head in
// audit_head). Each event holds the SHA-256 of the one before it, and the head
// row holds the last sequence number and hash, so an edited, removed,
// reordered or truncated log is found by verify(). Appends serialise on the
// head row (BEGIN IMMEDIATE on SQLite, SELECT ... FOR UPDATE on PostgreSQL),
// so workstations sharing one database extend one chain.
class AuditLog {
public:
    AuditLog(const Database& database, const Clock& clock);

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
    };
    // Walks the whole chain. nullopt (with *error) only when the log cannot be read.
    std::optional<Verification> verify(QString* error) const;

    // Events in [fromSeq, fromSeq + limit), oldest first (for reports).
    std::optional<std::vector<AuditEvent>> events(qint64 fromSeq, int limit, QString* error) const;

    const Clock& clock() const { return m_clock; }

    static QString genesisHash();
    // Hex SHA-256 over the fields, each length-prefixed, so no two different
    // events share an encoding. detailsJson is the stored text, not re-encoded.
    static QString hashOf(const QString& prevHash, qint64 seq, qint64 atMs, const QString& actor, const QString& action,
                          const QString& subject, const QString& detailsJson);

private:
    std::optional<Verification> verifyInSnapshot(QString* error) const;

    const Database& m_database;
    const Clock& m_clock;
};

} // namespace fg
