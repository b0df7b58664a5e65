#include "core/workflow/ReviewQueue.h"

#include "core/security/AuditLog.h"
#include "core/storage/Clock.h"
#include "core/storage/Database.h"
#include "core/storage/SqlValue.h"
#include "core/storage/Transaction.h"
#include "core/workflow/EncounterStore.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QSqlQuery>
#include <QStringList>

#include <algorithm>

namespace fg {
namespace {

using sql::text;

constexpr int kMaxLimit = 10000;

QDateTime timeOf(const QVariant& value)
{
    return value.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

std::optional<double> numberOf(const QVariant& value)
{
    return value.isNull() ? std::nullopt : std::optional<double>(value.toDouble());
}

QString iso(const QDateTime& time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODate) : QStringLiteral("?");
}

// The columns of an item and its encounter, named for the outer query of
// itemSql() (readItem() reads them in this order).
const char* const kItemColumns =
    "q.id AS item_id, q.encounter_id AS encounter_id, q.reason AS item_reason, q.state AS item_state, "
    "q.claimed_by AS claimed_by, q.claimed_at AS claimed_at, q.created_at AS created_at, e.kind AS kind, "
    "e.decision AS decision, e.score AS score, e.threshold AS threshold, e.flight AS flight, e.camera AS camera, "
    "e.officer AS officer, e.workstation AS workstation, e.partner AS partner, e.captured_at AS captured_at, "
    "e.officer_action AS officer_action, e.override_reason AS override_reason";
const char* const kOuterColumns =
    "p.item_id, p.encounter_id, p.item_reason, p.item_state, p.claimed_by, p.claimed_at, p.created_at, p.kind, "
    "p.decision, p.score, p.threshold, p.flight, p.camera, p.officer, p.workstation, p.partner, p.captured_at, "
    "p.officer_action, p.override_reason, sd.id, sd.supervisor, sd.resolution, sd.note, sd.decided_at";
constexpr int kDecisionColumn = 19; // sd.id

const char* const kFrom = " FROM queue_items q JOIN encounters e ON e.id = q.encounter_id";

// The items the inner query selects (its WHERE, ORDER BY and LIMIT), each
// with its latest decision: the correlated MAX(id) runs for the page's rows
// only, one probe of supervisor_decisions (queue_item_id, decided_at) each.
QString itemSql(const QString& innerTail, const QString& sortKeys, const QString& outerOrder)
{
    return QStringLiteral("SELECT %1 FROM (SELECT %2%3%4%5) p LEFT JOIN supervisor_decisions sd ON sd.id = "
                          "(SELECT MAX(d.id) FROM supervisor_decisions d WHERE d.queue_item_id = p.item_id)%6")
        .arg(QString::fromLatin1(kOuterColumns), QString::fromLatin1(kItemColumns), sortKeys,
             QString::fromLatin1(kFrom), innerTail, outerOrder);
}

std::optional<QueueItem> readItem(const QSqlQuery& row, QString* error)
{
    QueueItem item;
    item.id = row.value(0).toLongLong();
    item.encounterId = row.value(1).toLongLong();
    const auto reason = QueueItem::reasonFromName(row.value(2).toString());
    const auto state = QueueItem::stateFromName(row.value(3).toString());
    const auto kind = Encounter::kindFromName(row.value(7).toString());
    if (!reason || !state || !kind) {
        *error = QStringLiteral("queue item %1 has an unknown reason \"%2\", state \"%3\" or encounter kind \"%4\"")
                     .arg(item.id)
                     .arg(row.value(2).toString(), row.value(3).toString(), row.value(7).toString());
        return std::nullopt;
    }
    item.reason = *reason;
    item.state = *state;
    item.claimedBy = row.value(4).toString();
    item.claimedAt = timeOf(row.value(5));
    item.createdAt = timeOf(row.value(6));
    item.kind = *kind;
    if (!row.value(8).isNull()) {
        item.decision = Encounter::decisionFromName(row.value(8).toString());
        if (!item.decision) {
            *error = QStringLiteral("encounter %1 has an unknown decision \"%2\"").arg(item.encounterId).arg(row.value(8).toString());
            return std::nullopt;
        }
    }
    item.score = numberOf(row.value(9));
    item.threshold = numberOf(row.value(10));
    item.flight = row.value(11).toString();
    item.camera = row.value(12).toString();
    item.officer = row.value(13).toString();
    item.workstation = row.value(14).toString();
    item.partner = row.value(15).toString();
    item.capturedAt = timeOf(row.value(16));
    if (!row.value(17).toString().isEmpty()) {
        item.officerAction = Encounter::officerActionFromName(row.value(17).toString());
        if (!item.officerAction) {
            *error = QStringLiteral("encounter %1 has an unknown officer action \"%2\"")
                         .arg(item.encounterId)
                         .arg(row.value(17).toString());
            return std::nullopt;
        }
    }
    item.officerNote = row.value(18).toString();
    if (item.state == QueueItem::State::Resolved && !row.value(kDecisionColumn).isNull()) {
        SupervisorDecision decision;
        decision.id = row.value(kDecisionColumn).toLongLong();
        decision.queueItemId = item.id;
        decision.supervisor = row.value(kDecisionColumn + 1).toString();
        const auto resolution = SupervisorDecision::resolutionFromName(row.value(kDecisionColumn + 2).toString());
        if (!resolution) {
            *error = QStringLiteral("supervisor decision %1 has an unknown resolution \"%2\"")
                         .arg(decision.id)
                         .arg(row.value(kDecisionColumn + 2).toString());
            return std::nullopt;
        }
        decision.resolution = *resolution;
        decision.note = row.value(kDecisionColumn + 3).toString();
        decision.decidedAt = timeOf(row.value(kDecisionColumn + 4));
        item.resolution = decision;
    }
    return item;
}

// One item by its id, whoever asks (the role was checked by the caller).
// nullopt with *error: "there is no queue item N" or a database error.
std::optional<QueueItem> itemById(const Database& database, qint64 itemId, QString* error)
{
    QSqlQuery row = database.query();
    row.prepare(itemSql(QStringLiteral(" WHERE q.id = ?"), QString(), QString()));
    row.addBindValue(itemId);
    if (!database.exec(row, QStringLiteral("read queue item %1").arg(itemId), error))
        return std::nullopt;
    if (!row.next()) {
        *error = QCoreApplication::translate("fg::ReviewQueue", "there is no queue item %1").arg(itemId);
        return std::nullopt;
    }
    return readItem(row, error);
}

// Why `user` cannot act on the item as it is now (read after a conditional
// UPDATE changed no row): missing, resolved, claimed by someone else, or not
// claimed at all.
QString refusal(const Database& database, qint64 itemId, const QString& user)
{
    QString error;
    const std::optional<QueueItem> item = itemById(database, itemId, &error);
    if (!item)
        return error;
    switch (item->state) {
    case QueueItem::State::Resolved:
        if (item->resolution)
            return QCoreApplication::translate("fg::ReviewQueue", "queue item %1 is already resolved: %2 by %3 at %4")
                .arg(itemId)
                .arg(SupervisorDecision::resolutionName(item->resolution->resolution), item->resolution->supervisor,
                     iso(item->resolution->decidedAt));
        return QCoreApplication::translate("fg::ReviewQueue", "queue item %1 is already resolved").arg(itemId);
    case QueueItem::State::Claimed:
        if (item->claimedBy != user)
            return QCoreApplication::translate("fg::ReviewQueue", "queue item %1 is claimed by %2 since %3").arg(itemId).arg(item->claimedBy, iso(item->claimedAt));
        break;
    case QueueItem::State::Open:
        return QCoreApplication::translate("fg::ReviewQueue", "queue item %1 is not claimed: claim it first").arg(itemId);
    }
    return QCoreApplication::translate("fg::ReviewQueue", "queue item %1 changed meanwhile; try again").arg(itemId);
}

// The WHERE clause of a query's filters, with its values in order.
// *needsEncounter: a filter reads the encounter (count() joins it only then).
QString whereClause(const QueueQuery& query, QVariantList* values, bool* needsEncounter)
{
    QStringList conditions;
    *needsEncounter = false;
    if (query.from.isValid()) {
        conditions << QStringLiteral("q.created_at >= ?");
        values->append(query.from.toMSecsSinceEpoch());
    }
    if (query.until.isValid()) {
        conditions << QStringLiteral("q.created_at < ?");
        values->append(query.until.toMSecsSinceEpoch());
    }
    const QString flight = Encounter::normalizedFlight(query.flight);
    if (!flight.isEmpty()) {
        conditions << QStringLiteral("e.flight = ?");
        values->append(flight);
        *needsEncounter = true;
    }
    // lower() on both sides: PostgreSQL's and SQLite's = are case-sensitive.
    for (const auto& [column, value] : {std::pair{QStringLiteral("e.camera"), query.camera},
                                        std::pair{QStringLiteral("e.officer"), query.officer},
                                        std::pair{QStringLiteral("e.workstation"), query.workstation}}) {
        if (value.trimmed().isEmpty())
            continue;
        conditions << QStringLiteral("lower(%1) = lower(CAST(? AS TEXT))").arg(column);
        values->append(value.trimmed());
        *needsEncounter = true;
    }
    if (query.reason) {
        conditions << QStringLiteral("q.reason = ?");
        values->append(QueueItem::reasonName(*query.reason));
    }
    QStringList states;
    for (const QueueItem::State state : query.states) {
        const QString name = QueueItem::stateName(state);
        if (!states.contains(name))
            states << name;
    }
    if (!states.isEmpty()) {
        QStringList marks;
        for (const QString& name : states) {
            marks << QStringLiteral("?");
            values->append(name);
        }
        conditions << QStringLiteral("q.state IN (%1)").arg(marks.join(QLatin1Char(',')));
    }
    return conditions.isEmpty() ? QString() : QStringLiteral(" WHERE ") + conditions.join(QStringLiteral(" AND "));
}

// The sort of a search: the inner query's ORDER BY (which rows make the
// page) and the outer one (the same order, over the page's columns).
struct Sort {
    QString keys;  // the sort keys the outer ORDER BY reads (", ... AS sort_k1") for the inner SELECT
    QString inner; // " ORDER BY ..."
    QString outer; // " ORDER BY ..."
};

Sort sortOf(const QueueQuery& query, bool sqlite)
{
    const QString direction = query.order == Qt::AscendingOrder ? QStringLiteral(" ASC") : QStringLiteral(" DESC");
    // Text in code-point order on both back-ends: SQLite compares bytes, a
    // PostgreSQL database's default collation follows its locale.
    const QString collate = sqlite ? QString() : QStringLiteral(" COLLATE \"C\"");
    QString key;
    bool isText = false;
    switch (query.sortBy) {
    case QueueQuery::SortColumn::Age:
        // Oldest first when ascending; ties by id in the same direction.
        return {QString(), QStringLiteral(" ORDER BY q.created_at%1, q.id%1").arg(direction),
                QStringLiteral(" ORDER BY p.created_at%1, p.item_id%1").arg(direction)};
    case QueueQuery::SortColumn::MatchScore:
        // SQLite puts NULL first, PostgreSQL last: items without a score go
        // last in either direction, on both.
        return {QStringLiteral(", CASE WHEN e.score IS NULL THEN 1 ELSE 0 END AS sort_k0, e.score AS sort_k1"),
                QStringLiteral(" ORDER BY CASE WHEN e.score IS NULL THEN 1 ELSE 0 END, e.score%1, q.created_at ASC, "
                               "q.id ASC")
                    .arg(direction),
                QStringLiteral(" ORDER BY p.sort_k0, p.sort_k1%1, p.created_at ASC, p.item_id ASC").arg(direction)};
    case QueueQuery::SortColumn::Reason: // in the order of QueueItem::Reason
        key = QStringLiteral("CASE q.reason WHEN 'no-match' THEN 0 WHEN 'poor-quality' THEN 1 "
                             "WHEN 'override' THEN 2 WHEN 'document-not-genuine' THEN 3 ELSE 4 END");
        break;
    case QueueQuery::SortColumn::State: // open, claimed, resolved: the order work moves in
        key = QStringLiteral("CASE q.state WHEN 'open' THEN 0 WHEN 'claimed' THEN 1 ELSE 2 END");
        break;
    case QueueQuery::SortColumn::Flight:
        key = QStringLiteral("e.flight");
        isText = true;
        break;
    case QueueQuery::SortColumn::Camera:
        key = QStringLiteral("lower(e.camera)");
        isText = true;
        break;
    case QueueQuery::SortColumn::Officer:
        key = QStringLiteral("lower(e.officer)");
        isText = true;
        break;
    }
    const QString keyCollate = isText ? collate : QString();
    return {QStringLiteral(", %1 AS sort_k1").arg(key),
            QStringLiteral(" ORDER BY %1%2%3, q.created_at ASC, q.id ASC").arg(key, keyCollate, direction),
            QStringLiteral(" ORDER BY p.sort_k1%1%2, p.created_at ASC, p.item_id ASC").arg(keyCollate, direction)};
}

} // namespace

ReviewQueue::ReviewQueue(const Database& database, const AuditLog& audit, const Clock& clock,
                         std::chrono::minutes claimExpiry)
    : m_database(database)
    , m_audit(audit)
    , m_clock(clock)
    , m_claimExpiry(claimExpiry)
{
}

bool ReviewQueue::mayRead(Role role)
{
    return role == Role::Supervisor || role == Role::Auditor;
}

bool ReviewQueue::mayWork(Role role)
{
    return role == Role::Supervisor;
}

namespace {

// Refuses, with *error, a user whose role may not do this (work: claim,
// release, resolve; otherwise read).
bool allowed(const UserAccount& user, bool work, QString* error)
{
    if (user.name.trimmed().isEmpty()) {
        *error = QCoreApplication::translate("fg::ReviewQueue", "no user is signed in");
        return false;
    }
    if (user.disabled) {
        *error = QCoreApplication::translate("fg::ReviewQueue", "the account %1 is disabled").arg(user.name);
        return false;
    }
    if (work && !ReviewQueue::mayWork(user.role)) {
        *error = QCoreApplication::translate("fg::ReviewQueue", "%1 (%2) may not claim, release or resolve queue items: supervisors only")
                     .arg(user.name, roleName(user.role));
        return false;
    }
    if (!work && !ReviewQueue::mayRead(user.role)) {
        *error = QCoreApplication::translate("fg::ReviewQueue", "%1 (%2) may not read the supervisor's queue: supervisors and auditors only")
                     .arg(user.name, roleName(user.role));
        return false;
    }
    return true;
}

} // namespace

std::optional<std::vector<QueueItem>> ReviewQueue::search(const QueueQuery& query, const UserAccount& user,
                                                         QString* error) const
{
    if (!allowed(user, false, error))
        return std::nullopt;
    if (query.limit < 1 || query.limit > kMaxLimit || query.offset < 0) {
        *error = QStringLiteral("search the queue: limit %1 and offset %2 (limit 1..%3, offset 0 or more)")
                     .arg(query.limit)
                     .arg(query.offset)
                     .arg(kMaxLimit);
        return std::nullopt;
    }
    QVariantList values;
    bool needsEncounter = false;
    const QString where = whereClause(query, &values, &needsEncounter);
    const Sort sort = sortOf(query, m_database.isSqlite());
    values << qint64(query.limit) << qint64(query.offset);
    QSqlQuery rows = m_database.query();
    rows.prepare(itemSql(where + sort.inner + QStringLiteral(" LIMIT ? OFFSET ?"), sort.keys, sort.outer));
    for (const QVariant& value : values)
        rows.addBindValue(value);
    if (!m_database.exec(rows, QStringLiteral("search the queue"), error))
        return std::nullopt;
    std::vector<QueueItem> result;
    while (rows.next()) {
        std::optional<QueueItem> item = readItem(rows, error);
        if (!item)
            return std::nullopt;
        result.push_back(std::move(*item));
    }
    return result;
}

std::optional<qint64> ReviewQueue::count(const QueueQuery& query, const UserAccount& user, QString* error) const
{
    if (!allowed(user, false, error))
        return std::nullopt;
    QVariantList values;
    bool needsEncounter = false;
    const QString where = whereClause(query, &values, &needsEncounter);
    // Every item has its encounter (NOT NULL foreign key): join it only to filter on it.
    const QString from = needsEncounter ? QString::fromLatin1(kFrom) : QStringLiteral(" FROM queue_items q");
    const std::optional<QVariant> value =
        m_database.scalar(QStringLiteral("SELECT COUNT(*)") + from + where, values, QStringLiteral("count the queue"), error);
    return value ? std::optional<qint64>(value->toLongLong()) : std::nullopt;
}

bool ReviewQueue::claim(qint64 itemId, const UserAccount& user, QString* error) const
{
    if (!allowed(user, true, error))
        return false;
    const qint64 nowMs = m_clock.nowMs();
    const qint64 staleBeforeMs = nowMs - std::chrono::duration_cast<std::chrono::milliseconds>(m_claimExpiry).count();

    Transaction transaction(m_database);
    if (!transaction.begin(error))
        return false;
    // Who held it before, for the audit event of a take-over. Locked on
    // PostgreSQL, so that holder is still the one the UPDATE replaces.
    QString previousHolder;
    QDateTime previousSince;
    {
        QSqlQuery before = m_database.query();
        before.prepare(QStringLiteral("SELECT state, claimed_by, claimed_at FROM queue_items WHERE id = ?")
                       + m_database.forUpdate());
        before.addBindValue(itemId);
        if (!m_database.exec(before, QStringLiteral("read queue item %1").arg(itemId), error))
            return false;
        if (!before.next()) {
            *error = QCoreApplication::translate("fg::ReviewQueue", "there is no queue item %1").arg(itemId);
            return false;
        }
        if (before.value(0).toString() == QueueItem::stateName(QueueItem::State::Claimed)) {
            previousHolder = before.value(1).toString();
            previousSince = timeOf(before.value(2));
        }
    }
    // The one statement that decides: of two supervisors claiming at once,
    // the second finds the first's fresh claim and changes nothing.
    qint64 encounterId = 0;
    QString reason;
    {
        QSqlQuery update = m_database.query();
        update.prepare(QStringLiteral("UPDATE queue_items SET state = 'claimed', claimed_by = ?, claimed_at = ? "
                                      "WHERE id = ? AND (state = 'open' OR (state = 'claimed' AND "
                                      "(claimed_by = ? OR claimed_at < ?))) RETURNING encounter_id, reason"));
        for (const QVariant& value : {QVariant(user.name), QVariant(nowMs), QVariant(itemId), QVariant(user.name),
                                      QVariant(staleBeforeMs)})
            update.addBindValue(value);
        if (!m_database.exec(update, QStringLiteral("claim queue item %1").arg(itemId), error))
            return false;
        if (!update.next()) {
            update.finish();
            *error = refusal(m_database, itemId, user.name);
            return false;
        }
        encounterId = update.value(0).toLongLong();
        reason = update.value(1).toString();
    }
    QJsonObject details{{QStringLiteral("encounter"), encounterId}, {QStringLiteral("reason"), reason}};
    if (!previousHolder.isEmpty() && previousHolder != user.name) {
        details.insert(QStringLiteral("taken_over_from"), previousHolder);
        details.insert(QStringLiteral("claimed_since"), iso(previousSince));
    } else if (previousHolder == user.name) {
        details.insert(QStringLiteral("renewed"), true);
    }
    return m_audit.append(user.actor(), QStringLiteral("queue.claim"), QStringLiteral("queue:%1").arg(itemId), details,
                          error)
           && transaction.commit(error);
}

bool ReviewQueue::release(qint64 itemId, const UserAccount& user, const QString& note, QString* error) const
{
    if (!allowed(user, true, error))
        return false;
    Transaction transaction(m_database);
    if (!transaction.begin(error))
        return false;
    qint64 encounterId = 0;
    {
        QSqlQuery update = m_database.query();
        update.prepare(QStringLiteral("UPDATE queue_items SET state = 'open', claimed_by = '', claimed_at = NULL "
                                      "WHERE id = ? AND state = 'claimed' AND claimed_by = ? RETURNING encounter_id"));
        update.addBindValue(itemId);
        update.addBindValue(user.name);
        if (!m_database.exec(update, QStringLiteral("release queue item %1").arg(itemId), error))
            return false;
        if (!update.next()) {
            update.finish();
            const std::optional<QueueItem> item = itemById(m_database, itemId, error);
            if (item && item->state == QueueItem::State::Open)
                *error = QCoreApplication::translate("fg::ReviewQueue", "queue item %1 is not claimed: there is nothing to release").arg(itemId);
            else if (item)
                *error = refusal(m_database, itemId, user.name);
            return false;
        }
        encounterId = update.value(0).toLongLong();
    }
    // The note has no other place to go: it stays in the audit event.
    const QJsonObject details{{QStringLiteral("encounter"), encounterId}, {QStringLiteral("note"), note.trimmed()}};
    return m_audit.append(user.actor(), QStringLiteral("queue.release"), QStringLiteral("queue:%1").arg(itemId),
                          details, error)
           && transaction.commit(error);
}

std::optional<SupervisorDecision> ReviewQueue::resolve(qint64 itemId, SupervisorDecision::Resolution resolution,
                                                       const QString& note, const UserAccount& user,
                                                       QString* error) const
{
    if (!allowed(user, true, error))
        return std::nullopt;
    SupervisorDecision decision;
    decision.queueItemId = itemId;
    decision.supervisor = user.name;
    decision.resolution = resolution;
    decision.note = note.trimmed();
    if (decision.note.isEmpty()) {
        *error = QCoreApplication::translate("fg::ReviewQueue", "a resolution needs a note: what was checked, and why this decision");
        return std::nullopt;
    }
    decision.decidedAt = m_clock.now().toUTC();
    const qint64 nowMs = decision.decidedAt.toMSecsSinceEpoch();

    Transaction transaction(m_database);
    if (!transaction.begin(error))
        return std::nullopt;
    qint64 encounterId = 0;
    {
        QSqlQuery update = m_database.query();
        update.prepare(QStringLiteral("UPDATE queue_items SET state = 'resolved' "
                                      "WHERE id = ? AND state = 'claimed' AND claimed_by = ? RETURNING encounter_id"));
        update.addBindValue(itemId);
        update.addBindValue(user.name);
        if (!m_database.exec(update, QStringLiteral("resolve queue item %1").arg(itemId), error))
            return std::nullopt;
        if (!update.next()) {
            update.finish();
            *error = refusal(m_database, itemId, user.name);
            return std::nullopt;
        }
        encounterId = update.value(0).toLongLong();
    }
    const std::optional<qint64> id = m_database.insertReturningId(
        QStringLiteral("INSERT INTO supervisor_decisions (queue_item_id, supervisor, resolution, note, decided_at) "
                       "VALUES (?, ?, ?, ?, ?)"),
        {itemId, decision.supervisor, SupervisorDecision::resolutionName(resolution), text(decision.note), nowMs},
        QStringLiteral("record the decision on queue item %1").arg(itemId), error);
    if (!id)
        return std::nullopt;
    decision.id = *id;
    // The note's length only: the note stays in supervisor_decisions.
    const QJsonObject details{{QStringLiteral("encounter"), encounterId},
                              {QStringLiteral("decision"), decision.id},
                              {QStringLiteral("resolution"), SupervisorDecision::resolutionName(resolution)},
                              {QStringLiteral("note_length"), qint64(decision.note.size())}};
    if (!m_audit.append(user.actor(), QStringLiteral("queue.resolve"), QStringLiteral("queue:%1").arg(itemId), details,
                        error)
        || !transaction.commit(error))
        return std::nullopt;
    return decision;
}

std::optional<QueueItem> ReviewQueue::find(qint64 itemId, const UserAccount& user, QString* error) const
{
    if (!allowed(user, false, error))
        return std::nullopt;
    return itemById(m_database, itemId, error);
}

std::optional<QueueItemReview> ReviewQueue::review(qint64 itemId, const UserAccount& user, QString* error) const
{
    if (!allowed(user, false, error))
        return std::nullopt;
    QueueItemReview result;
    std::optional<QueueItem> item = itemById(m_database, itemId, error);
    if (!item)
        return std::nullopt;
    result.item = std::move(*item);
    const qint64 encounterId = result.item.encounterId;
    std::optional<Encounter> encounter = EncounterStore::read(m_database, encounterId, error);
    if (!encounter)
        return std::nullopt;
    result.encounter = std::move(*encounter);

    {
        QSqlQuery row = m_database.query();
        row.prepare(QStringLiteral("SELECT d.kind, d.number, d.issuing_state, d.expiry_date, t.surname, t.given_names, "
                                   "t.citizenship FROM encounters e LEFT JOIN travelers t ON t.id = e.traveler_id "
                                   "LEFT JOIN documents d ON d.id = e.document_id WHERE e.id = ?"));
        row.addBindValue(encounterId);
        if (!m_database.exec(row, QStringLiteral("read the document of encounter %1").arg(encounterId), error))
            return std::nullopt;
        if (row.next()) {
            result.documentKind = row.value(0).toString();
            result.documentNumber = row.value(1).toString();
            result.issuingState = row.value(2).toString();
            result.documentExpiry = row.value(3).toString();
            result.surname = row.value(4).toString();
            result.givenNames = row.value(5).toString();
            result.citizenship = row.value(6).toString();
        }
    }
    {
        QSqlQuery rows = m_database.query();
        rows.prepare(QStringLiteral("SELECT id, supervisor, resolution, note, decided_at FROM supervisor_decisions "
                                    "WHERE queue_item_id = ? ORDER BY decided_at, id"));
        rows.addBindValue(itemId);
        if (!m_database.exec(rows, QStringLiteral("read the decisions on queue item %1").arg(itemId), error))
            return std::nullopt;
        while (rows.next()) {
            SupervisorDecision decision;
            decision.id = rows.value(0).toLongLong();
            decision.queueItemId = itemId;
            decision.supervisor = rows.value(1).toString();
            const auto resolution = SupervisorDecision::resolutionFromName(rows.value(2).toString());
            if (!resolution) {
                *error = QStringLiteral("supervisor decision %1 has an unknown resolution \"%2\"")
                             .arg(decision.id)
                             .arg(rows.value(2).toString());
                return std::nullopt;
            }
            decision.resolution = *resolution;
            decision.note = rows.value(3).toString();
            decision.decidedAt = timeOf(rows.value(4));
            result.decisions.push_back(std::move(decision));
        }
    }
    {
        QSqlQuery rows = m_database.query();
        rows.prepare(QStringLiteral("SELECT id, what, record_id, encounter_id, traveler_id, rule, verified_at, due_at, "
                                    "deleted_at, deleted_by, role FROM deletions WHERE encounter_id = ? ORDER BY deleted_at, id"));
        rows.addBindValue(encounterId);
        if (!m_database.exec(rows, QStringLiteral("read the deletions of encounter %1").arg(encounterId), error))
            return std::nullopt;
        while (rows.next()) {
            DeletionRecord deletion;
            deletion.id = rows.value(0).toLongLong();
            deletion.what = rows.value(1).toString();
            deletion.recordId = rows.value(2).toString();
            deletion.encounterId = rows.value(3).isNull() ? 0 : rows.value(3).toLongLong();
            deletion.travelerId = rows.value(4).isNull() ? 0 : rows.value(4).toLongLong();
            deletion.rule = rows.value(5).toString();
            deletion.verifiedAt = timeOf(rows.value(6));
            deletion.dueAt = timeOf(rows.value(7));
            deletion.deletedAt = timeOf(rows.value(8));
            deletion.deletedBy = rows.value(9).toString();
            deletion.role = rows.value(10).toString();
            result.deletions.push_back(std::move(deletion));
        }
    }
    {
        QSqlQuery rows = m_database.query();
        rows.prepare(QStringLiteral("SELECT role, COUNT(*) FROM photos WHERE encounter_id = ? GROUP BY role"));
        rows.addBindValue(encounterId);
        if (!m_database.exec(rows, QStringLiteral("look for the photos of encounter %1").arg(encounterId), error))
            return std::nullopt;
        while (rows.next()) {
            const bool some = rows.value(1).toLongLong() > 0;
            if (rows.value(0).toString() == EncounterStore::photoRoleName(EncounterStore::PhotoRole::Capture))
                result.hasCapturePhoto = some;
            else if (rows.value(0).toString() == EncounterStore::photoRoleName(EncounterStore::PhotoRole::Reference))
                result.hasReferencePhoto = some;
        }
    }
    const QJsonObject details{{QStringLiteral("encounter"), encounterId},
                              {QStringLiteral("state"), QueueItem::stateName(result.item.state)}};
    if (!m_audit.record(user.actor(), QStringLiteral("queue.view"), QStringLiteral("queue:%1").arg(itemId), details,
                        error))
        return std::nullopt;
    return result;
}

} // namespace fg
