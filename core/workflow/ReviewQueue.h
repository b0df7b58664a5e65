#pragma once

#include "core/security/UserAccount.h"
#include "core/workflow/QueueItem.h"

#include <QDateTime>
#include <QString>
#include <Qt>

#include <chrono>
#include <optional>
#include <vector>

namespace fg {

class AuditLog;
class Clock;
class Database;
class EncounterStore;
struct KeyAccess;

// A search of the no-match queue, as the supervisor's table asks it. Every
// filter is optional; they combine with AND. The same answers on SQLite and
// PostgreSQL.
struct QueueQuery {
    enum class SortColumn { Age, Reason, State, Flight, Camera, Officer, MatchScore };

    QDateTime from;   // entered the queue at or after (inclusive); null: no bound
    QDateTime until;  // entered the queue before (exclusive); null: no bound
    QString flight;   // whole, compared normalised (upper case, no spaces)
    // Case-insensitive: ASCII letters on SQLite (whose lower() folds only
    // those), every letter on PostgreSQL.
    QString camera;   // whole, case-insensitive
    QString officer;  // the officer's user name, whole, case-insensitive
    QString workstation; // whole, case-insensitive
    std::optional<QueueItem::Reason> reason;
    // Empty: every state. The supervisor's table starts with {Open, Claimed}.
    std::vector<QueueItem::State> states;

    // Age: oldest first when ascending. Reason in the order of
    // QueueItem::Reason, State open < claimed < resolved; Flight, Camera and
    // Officer in code-point order (Camera and Officer case-insensitive);
    // MatchScore with the items without a score last in either direction.
    // Ties go oldest first; then by id.
    SortColumn sortBy = SortColumn::Age;
    Qt::SortOrder order = Qt::AscendingOrder;
    int limit = 100; // 1..10000
    int offset = 0;
};

// The supervisor's no-match queue (DOMAIN.md, step 4): every no-match,
// poor-quality and officer-override encounter, searched, claimed, reviewed
// and resolved. Supervisors at several workstations share one PostgreSQL
// database: a claim is one conditional UPDATE, so of two supervisors
// claiming the same item at once exactly one succeeds, and only the claimer
// can resolve it. Every claim, release, view and resolution is an audit
// event, written in the same transaction as the change it records.
// Supervisors claim and resolve; supervisors and auditors search and review;
// every other role is refused, with nothing written.
class ReviewQueue {
public:
    // A claim older than claimExpiry can be taken over by another supervisor
    // (who went home without releasing it); the take-over is audited.
    ReviewQueue(const Database& database, const AuditLog& audit, const Clock& clock,
                std::chrono::minutes claimExpiry = std::chrono::hours(8));

    std::optional<std::vector<QueueItem>> search(const QueueQuery& query, const UserAccount& user,
                                                 QString* error) const;
    // How many items the query's filters match (ignoring limit and offset).
    std::optional<qint64> count(const QueueQuery& query, const UserAccount& user, QString* error) const;

    // Claims an open item for `user` (a supervisor). Succeeds again for the
    // same supervisor; refused, naming who holds it and since when, while
    // another supervisor's claim is younger than claimExpiry; refused for a
    // resolved item. Audit event queue.claim (subject "queue:<id>"; details:
    // encounter, reason, and taken_over_from + claimed_since for a stale
    // claim taken over, or renewed for the holder's own).
    bool claim(qint64 itemId, const UserAccount& user, QString* error) const;
    // Gives a claimed item back to the queue (only its claimer). Audit event
    // queue.release, which keeps the note (trimmed; it has no other place).
    bool release(qint64 itemId, const UserAccount& user, const QString& note, QString* error) const;
    // Resolves an item `user` holds: the supervisor_decisions row, the item
    // resolved and the audit event queue.resolve (the resolution and the
    // note's length: the note itself stays in supervisor_decisions), in one
    // transaction. A note is required. Refused for an item not claimed by
    // `user` (claim it first) and for an already resolved one.
    std::optional<SupervisorDecision> resolve(qint64 itemId, SupervisorDecision::Resolution resolution,
                                              const QString& note, const UserAccount& user, QString* error) const;

    // One item with everything the review shows (no photo: those are opened
    // through EncounterStore, an audited key access). Audit event queue.view.
    std::optional<QueueItemReview> review(qint64 itemId, const UserAccount& user, QString* error) const;
    // The item itself, without an audit event (refresh after an action).
    std::optional<QueueItem> find(qint64 itemId, const UserAccount& user, QString* error) const;

    // May this user read the queue / work it?
    static bool mayRead(Role role);
    static bool mayWork(Role role);

private:
    const Database& m_database;
    const AuditLog& m_audit;
    const Clock& m_clock;
    std::chrono::minutes m_claimExpiry;
};

} // namespace fg
