#include "core/workflow/Purger.h"

#include "core/security/AuditLog.h"
#include "core/storage/Clock.h"
#include "core/storage/Database.h"
#include "core/storage/Transaction.h"

#include <QElapsedTimer>
#include <QSqlQuery>
#include <QStringList>

#include <algorithm>
#include <vector>

namespace fg {
namespace {

// Rows per INSERT or DELETE statement. Short statements: Qt's SQLite driver
// asks SQLite for the name of every bound value, a linear search, so a
// statement of n values costs O(n^2) (measured: 500 rows of 9 values made the
// purge 2.6 times slower than 25 rows).
constexpr size_t kRowsPerStatement = 25;

struct Doomed {
    QString id;
    QVariant encounterId; // null when none
    QVariant travelerId;
    qint64 verifiedAt = 0;
    QVariant role; // a photo's; null for a template
};

QString placeholders(qsizetype count)
{
    QStringList marks;
    marks.reserve(count);
    for (qsizetype i = 0; i < count; ++i)
        marks.append(QStringLiteral("?"));
    return marks.join(QLatin1Char(','));
}

} // namespace

QJsonObject PurgeReport::toJson() const
{
    QJsonObject rules;
    for (const auto& [rule, counts] : byRule) {
        rules.insert(RetentionPolicy::ruleName(rule),
                     QJsonObject{{QStringLiteral("photos"), counts.photos}, {QStringLiteral("templates"), counts.templates}});
    }
    QJsonObject json{{QStringLiteral("now"), now.toUTC().toString(Qt::ISODateWithMs)},
                     {QStringLiteral("photos_deleted"), photosDeleted},
                     {QStringLiteral("templates_deleted"), templatesDeleted},
                     {QStringLiteral("by_rule"), rules},
                     {QStringLiteral("batches"), batches},
                     {QStringLiteral("seconds"), seconds},
                     {QStringLiteral("reclaim_seconds"), reclaimSeconds},
                     {QStringLiteral("reclaimed"), reclaimed}};
    if (!reclaimError.isEmpty())
        json.insert(QStringLiteral("reclaim_error"), reclaimError);
    if (drill)
        json.insert(QStringLiteral("drill"), true);
    if (!checkpoint.isEmpty())
        json.insert(QStringLiteral("checkpoint"), checkpoint);
    if (!checkpointError.isEmpty())
        json.insert(QStringLiteral("checkpoint_error"), checkpointError);
    return json;
}

Purger::Purger(const Database& database, const AuditLog& audit, const Clock& clock, const RetentionPolicy& policy,
               QString actor)
    : m_database(database)
    , m_audit(audit)
    , m_clock(clock)
    , m_policy(policy)
    , m_actor(std::move(actor))
{
}

std::optional<PurgeReport> Purger::purge(QString* error)
{
    QElapsedTimer timer;
    timer.start();
    PurgeReport report;
    report.now = m_clock.now().toUTC();
    report.drill = m_drill;
    const qint64 nowMs = report.now.toMSecsSinceEpoch();
    for (const RetentionPolicy::Rule rule : RetentionPolicy::kRules) {
        PurgeReport::Counts& counts = report.byRule[rule];
        for (const Table table : {Table::Photos, Table::Templates}) {
            qint64& total = table == Table::Photos ? counts.photos : counts.templates;
            for (;;) {
                int rows = 0;
                if (!purgeBatch(table, rule, nowMs, &rows, error)) {
                    // The batches committed before stay deleted: reclaim their pages all the same.
                    QString ignored;
                    if (m_reclaimPending && reclaim(m_database, &ignored))
                        m_reclaimPending = false;
                    return std::nullopt;
                }
                if (rows == 0)
                    break;
                m_reclaimPending = true;
                total += rows;
                ++report.batches;
                if (rows < m_batchSize)
                    break;
            }
        }
        report.photosDeleted += counts.photos;
        report.templatesDeleted += counts.templates;
    }
    if (m_reclaimPending) { // deleted now, or before without a successful reclaim
        QElapsedTimer reclaimTimer;
        reclaimTimer.start();
        QString why;
        report.reclaimed = reclaim(m_database, &why);
        m_reclaimPending = !report.reclaimed;
        if (!report.reclaimed)
            report.reclaimError = why;
        report.reclaimSeconds = double(reclaimTimer.nsecsElapsed()) / 1e9;
    } else {
        report.reclaimed = true; // nothing deleted since the last reclaim
    }
    m_audit.writeCheckpoint(&report.checkpoint, &report.checkpointError);
    report.seconds = double(timer.nsecsElapsed()) / 1e9;
    return report;
}

bool Purger::reclaim(const Database& database, QString* error)
{
    return database.shred(QStringLiteral("data_keys"), error) && database.reclaim(QStringLiteral("photos"), error)
           && database.reclaim(QStringLiteral("templates"), error);
}

bool Purger::nextDueAt(QDateTime* due, QString* error) const
{
    *due = QDateTime();
    std::optional<qint64> earliest;
    for (const RetentionPolicy::Rule rule : RetentionPolicy::kRules) {
        for (const QString& table : {QStringLiteral("photos"), QStringLiteral("templates")}) {
            // MIN over an equality prefix of the retention index: one index probe.
            const std::optional<QVariant> oldest = m_database.scalar(
                QStringLiteral("SELECT MIN(verified_at) FROM %1 WHERE retention_rule = ?").arg(table),
                {RetentionPolicy::ruleName(rule)},
                QStringLiteral("find the oldest %1 under %2").arg(table, RetentionPolicy::ruleName(rule)), error);
            if (!oldest)
                return false;
            if (oldest->isNull())
                continue;
            const qint64 dueMs = m_policy.dueAtMs(rule, oldest->toLongLong());
            earliest = earliest ? std::min(*earliest, dueMs) : dueMs;
        }
    }
    if (earliest)
        *due = QDateTime::fromMSecsSinceEpoch(*earliest, Qt::UTC);
    return true;
}

bool Purger::purgeBatch(Table table, RetentionPolicy::Rule rule, qint64 nowMs, int* rows, QString* error) const
{
    *rows = 0;
    const bool photos = table == Table::Photos;
    const QString tableName = photos ? QStringLiteral("photos") : QStringLiteral("templates");
    const QString what = photos ? QStringLiteral("photo") : QStringLiteral("template");
    const QString ruleName = RetentionPolicy::ruleName(rule);
    const qint64 keepMs = m_policy.keepSeconds(rule) * 1000;

    Transaction transaction(m_database);
    if (!transaction.begin(error))
        return false;

    // The oldest due rows of this rule: a range of the (retention_rule,
    // verified_at) index. Only columns stored before the sealed blob are read
    // from the row, so its overflow pages are not walked for them.
    std::vector<Doomed> doomed;
    {
        QSqlQuery select = m_database.query();
        select.prepare(QStringLiteral("SELECT id, encounter_id, traveler_id, verified_at, %1 FROM %2 "
                                      "WHERE retention_rule = ? AND verified_at <= ? ORDER BY verified_at LIMIT %3")
                           .arg(photos ? QStringLiteral("role") : QStringLiteral("NULL"), tableName)
                           .arg(m_batchSize)
                       + (m_database.isSqlite() ? QString() : QStringLiteral(" FOR UPDATE SKIP LOCKED")));
        select.addBindValue(ruleName);
        select.addBindValue(m_policy.verifiedCutoffMs(rule, nowMs));
        if (!m_database.exec(select, QStringLiteral("find %1 due under %2").arg(tableName, ruleName), error))
            return false;
        while (select.next())
            doomed.push_back({select.value(0).toString(), select.value(1), select.value(2), select.value(3).toLongLong(),
                              select.value(4)});
    }
    if (doomed.empty()) {
        transaction.rollback();
        return true;
    }

    // A drill's records say when they were really deleted, and as of when.
    const qint64 deletedAt = m_drill ? m_audit.clock().nowMs() : nowMs;
    const QVariant drillAsOf = m_drill ? QVariant(nowMs) : QVariant(QMetaType(QMetaType::LongLong));
    qint64 firstDeletion = 0;
    qint64 lastDeletion = 0;
    for (size_t from = 0; from < doomed.size(); from += kRowsPerStatement) {
        const size_t to = std::min(doomed.size(), from + kRowsPerStatement);
        const qsizetype count = qsizetype(to - from);
        QStringList values;
        for (qsizetype i = 0; i < count; ++i)
            values.append(QStringLiteral("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        QSqlQuery record = m_database.query();
        record.prepare(QStringLiteral("INSERT INTO deletions (what, role, record_id, encounter_id, traveler_id, rule, "
                                      "verified_at, due_at, deleted_at, deleted_by, drill_as_of) VALUES %1 RETURNING id")
                           .arg(values.join(QLatin1Char(','))));
        for (size_t i = from; i < to; ++i) {
            const Doomed& row = doomed[i];
            for (const QVariant& value : {QVariant(what), row.role, QVariant(row.id), row.encounterId, row.travelerId,
                                          QVariant(ruleName),
                                          QVariant(row.verifiedAt), QVariant(row.verifiedAt + keepMs), QVariant(deletedAt),
                                          QVariant(m_actor), drillAsOf})
                record.addBindValue(value);
        }
        if (!m_database.exec(record, QStringLiteral("write the deletion records of %1 %2").arg(count).arg(tableName), error))
            return false;
        while (record.next()) {
            const qint64 id = record.value(0).toLongLong();
            firstDeletion = firstDeletion == 0 ? id : std::min(firstDeletion, id);
            lastDeletion = std::max(lastDeletion, id);
        }
        record.finish();

        QSqlQuery remove = m_database.query();
        remove.prepare(QStringLiteral("DELETE FROM %1 WHERE id IN (%2)").arg(tableName, placeholders(count)));
        for (size_t i = from; i < to; ++i)
            remove.addBindValue(doomed[i].id);
        if (!m_database.exec(remove, QStringLiteral("delete %1 %2").arg(count).arg(tableName), error))
            return false;
        if (remove.numRowsAffected() != count) {
            *error = QStringLiteral("delete %1 %2: %3 rows were deleted (changed meanwhile?)")
                         .arg(count)
                         .arg(tableName)
                         .arg(remove.numRowsAffected());
            return false;
        }
    }
    const QJsonObject details{{QStringLiteral("what"), what},
                              {QStringLiteral("rule"), ruleName},
                              {QStringLiteral("count"), qint64(doomed.size())},
                              {QStringLiteral("first_record"), doomed.front().id},
                              {QStringLiteral("last_record"), doomed.back().id},
                              {QStringLiteral("first_verified_at"), doomed.front().verifiedAt},
                              {QStringLiteral("last_verified_at"), doomed.back().verifiedAt},
                              {QStringLiteral("keep_seconds"), m_policy.keepSeconds(rule)},
                              {QStringLiteral("first_deletion"), firstDeletion},
                              {QStringLiteral("last_deletion"), lastDeletion}};
    QJsonObject recorded = details;
    if (m_drill) {
        recorded.insert(QStringLiteral("drill"), true);
        recorded.insert(QStringLiteral("as_of"), QDateTime::fromMSecsSinceEpoch(nowMs, Qt::UTC).toString(Qt::ISODateWithMs));
    }
    if (!m_audit.append(m_actor, QStringLiteral("retention.purge"), tableName, recorded, error))
        return false;
    if (!transaction.commit(error))
        return false;
    *rows = int(doomed.size());
    return true;
}

} // namespace fg
