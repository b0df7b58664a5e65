#pragma once

#include "core/workflow/AlternateProcedure.h"
#include "core/workflow/AlternateProcedureQuery.h"

#include <QDateTime>
#include <QString>

#include <optional>
#include <vector>

namespace fg {

class AuditLog;
class Clock;
class Database;

// What record() wrote.
struct StoredAlternateProcedure {
    qint64 id = 0;          // alternate_procedures
    qint64 encounterId = 0;
    qint64 travelerId = 0;
    qint64 documentId = 0;
    QDateTime createdAt;
};

// The alternate procedures' log: writes a traveler's opt-out and the
// officer's check of the document by hand, and searches it. Nothing
// biometric passes through here: it takes no photo, no template, no key.
class AlternateProcedureStore {
public:
    AlternateProcedureStore(const Database& database, const AuditLog& audit, const Clock& clock);

    // Writes, in ONE transaction, the traveler (citizenship, names), the
    // document, an encounter of mode "alternate" (kind, officer, workstation,
    // camera/lane; no decision, no photo, no template; verified_at and
    // decided_at are the clock's now), the alternate_procedures row (checks as
    // JSON, outcome, reason, normalised flight) and the audit event
    // alternate.record (subject "alternate:<id>"; ids, kind and outcome only:
    // no document number, no names, nothing biometric). Refused before
    // anything is written when procedure.problem() names one, or when neither
    // the officer nor the actor is given. The ids given in procedure are ignored.
    std::optional<StoredAlternateProcedure> record(const AlternateProcedure& procedure, const QString& actor,
                                                   QString* error) const;

    // One logged procedure, by its id, with every field record() stored.
    std::optional<AlternateProcedure> find(qint64 id, QString* error) const;

    // The page of the log that the query asks for (filters, order, limit and offset).
    std::optional<std::vector<AlternateProcedure>> search(const AlternateProcedureQuery& query, QString* error) const;
    // How many rows the query's filters match (ignoring limit and offset): for "page 2 of 7".
    std::optional<qint64> count(const AlternateProcedureQuery& query, QString* error) const;

private:
    const Database& m_database;
    const AuditLog& m_audit;
    const Clock& m_clock;
};

} // namespace fg
