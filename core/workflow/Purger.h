#pragma once

#include "core/workflow/RetentionPolicy.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <map>
#include <optional>

namespace fg {

class AuditLog;
class Clock;
class Database;

// What one purge deleted.
struct PurgeReport {
    struct Counts {
        qint64 photos = 0;
        qint64 templates = 0;
    };

    QDateTime now;                                  // the clock's instant the purge ran as of
    qint64 photosDeleted = 0;
    qint64 templatesDeleted = 0;
    std::map<RetentionPolicy::Rule, Counts> byRule; // every rule, zero counts included
    int batches = 0;                                // transactions committed
    double seconds = 0;                             // wall time, deleting and reclaiming
    double reclaimSeconds = 0;                      // of which reclaiming
    bool reclaimed = false;                         // the freed pages were reclaimed (see Purger::purge)
    QString reclaimError;                           // why not, when something was deleted
    bool drill = false;                             // a drill: purged as of `now`, recorded at the real time
    QString checkpoint;                             // the signed audit checkpoint written afterwards (AuditLog)
    QString checkpointError;                        // why none could be written

    qint64 deleted() const { return photosDeleted + templatesDeleted; }
    // {"now", "photos_deleted", "templates_deleted", "by_rule": {rule: {"photos", "templates"}}, "batches",
    //  "seconds", "reclaim_seconds", "reclaimed" [, "reclaim_error"] [, "drill": true] [, "checkpoint"]
    //  [, "checkpoint_error"]}
    QJsonObject toJson() const;
};

// Deletes every photo and template whose retention is over: verified_at +
// keep(rule) <= now (RetentionPolicy). One range query per rule and table
// (indexes photos_retention, templates_retention), in batches: each batch is
// one transaction that deletes the rows, writes one deletion record per row
// (table deletions: what, whose, when, by which rule, by whom) and one audit
// event retention.purge (counts, rule, first and last record id). The key is
// not needed: nothing is opened. A deleted row's data key goes with it
// (schema 7's triggers), and afterwards reclaim() destroys the keys' last
// copies: the sealed data that stays in free space opens under no key.
// Then the audit log's head is signed into its checkpoint folder, when it has
// one (AuditLog::writeCheckpoint): a purge is when records vanish, so the
// log's state is anchored outside the database at each one.
//
// A drill (setDrill) purges as of the purger's clock, another instant, while
// its deletion records (deleted_at, drill_as_of) and audit events keep the
// real time of the audit log's clock; its events say {"drill": true, "as_of"}.
class Purger {
public:
    static constexpr int kDefaultBatchSize = 1000;
    static QString systemActor() { return QStringLiteral("system:retention"); }

    // actor: written as deleted_by and as the audit event's actor.
    Purger(const Database& database, const AuditLog& audit, const Clock& clock, const RetentionPolicy& policy,
           QString actor = systemActor());

    void setBatchSize(int rows) { m_batchSize = rows > 0 ? rows : kDefaultBatchSize; }
    int batchSize() const { return m_batchSize; }
    void setDrill(bool drill) { m_drill = drill; }
    bool isDrill() const { return m_drill; }

    // nullopt with *error when a batch could not be deleted (that batch is
    // rolled back; earlier batches stay deleted). A failed reclaim is not an
    // error of the deletion: the report says reclaimed = false and why, and
    // the next purge reclaims again even when it deletes nothing.
    std::optional<PurgeReport> purge(QString* error);

    // After photos or templates were deleted (a purge, an opt-out): the
    // deleted data keys are shredded (Database::shred of data_keys: the only
    // copies of the keys leave the files), then the photos' and templates'
    // space is reclaimed (Database::reclaim). The deletion itself stands
    // whether this succeeds or not.
    static bool reclaim(const Database& database, QString* error);

    // When the next stored photo or template falls due (the earliest
    // verified_at + keep over every rule): *due is null when none is stored.
    bool nextDueAt(QDateTime* due, QString* error) const;

private:
    enum class Table { Photos, Templates };
    // Deletes one batch; *rows = how many (0: none left).
    bool purgeBatch(Table table, RetentionPolicy::Rule rule, qint64 nowMs, int* rows, QString* error) const;

    const Database& m_database;
    const AuditLog& m_audit;
    const Clock& m_clock;
    const RetentionPolicy& m_policy;
    QString m_actor;
    int m_batchSize = kDefaultBatchSize;
    bool m_reclaimPending = false;
    bool m_drill = false;
};

} // namespace fg
