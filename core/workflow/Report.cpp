#include "core/workflow/Report.h"

#include "core/security/AuditLog.h"
#include "core/storage/Clock.h"
#include "core/storage/Database.h"
#include "core/storage/SystemClock.h"
#include "core/workflow/AlternateProcedureCsv.h"
#include "core/workflow/PurgeAttestationRule.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>

#include <chrono>
#include <functional>
#include <map>

namespace fg {
namespace {

// Stored times are milliseconds since 1970 UTC; reports show ISO 8601 UTC
// ("2026-11-26T09:00:00Z"), whatever the workstation's time zone.
QString isoUtc(const QVariant& ms)
{
    return ms.isNull() ? QString() : QDateTime::fromMSecsSinceEpoch(ms.toLongLong(), Qt::UTC).toString(Qt::ISODate);
}

QString isoUtc(const QDateTime& time)
{
    return time.toUTC().toString(Qt::ISODate);
}

QString number(const QVariant& value)
{
    return value.isNull() ? QString() : QString::number(value.toDouble(), 'f', 3);
}

QString integer(const QVariant& value)
{
    return value.isNull() ? QString() : QString::number(value.toLongLong());
}

// "a 2 · b 1": counts by name, in name order.
QString counted(const std::map<QString, qint64>& counts)
{
    QStringList parts;
    for (const auto& [name, count] : counts)
        parts << QStringLiteral("%1 %2").arg(name).arg(count);
    return parts.join(QStringLiteral(" · "));
}

// The words of the names stored in the records (CHECK constraints of
// 001_records.sql); a name this build does not know is shown as stored.
QString words(const QString& name)
{
    static const std::map<QString, std::function<QString()>> known = {
        // queue_items.reason
        {QStringLiteral("no-match"), [] { return QCoreApplication::translate("fg::ReportBuilder", "no match"); }},
        {QStringLiteral("poor-quality"), [] { return QCoreApplication::translate("fg::ReportBuilder", "poor quality"); }},
        {QStringLiteral("override"), [] { return QCoreApplication::translate("fg::ReportBuilder", "officer's override or referral"); }},
        {QStringLiteral("document-not-genuine"),
         [] { return QCoreApplication::translate("fg::ReportBuilder", "document not genuine (chip)"); }},
        {QStringLiteral("presentation-attack"),
         [] { return QCoreApplication::translate("fg::ReportBuilder", "presentation attack (photo or screen)"); }},
        // queue_items.state
        {QStringLiteral("open"), [] { return QCoreApplication::translate("fg::ReportBuilder", "open"); }},
        {QStringLiteral("claimed"), [] { return QCoreApplication::translate("fg::ReportBuilder", "claimed"); }},
        {QStringLiteral("resolved"), [] { return QCoreApplication::translate("fg::ReportBuilder", "resolved"); }},
        // supervisor_decisions.resolution
        {QStringLiteral("identity-confirmed"), [] { return QCoreApplication::translate("fg::ReportBuilder", "identity confirmed"); }},
        {QStringLiteral("secondary-inspection"), [] { return QCoreApplication::translate("fg::ReportBuilder", "secondary inspection"); }},
        {QStringLiteral("suspected-impostor"), [] { return QCoreApplication::translate("fg::ReportBuilder", "suspected impostor"); }},
        {QStringLiteral("capture-problem"), [] { return QCoreApplication::translate("fg::ReportBuilder", "capture problem"); }},
        // alternate_procedures.outcome
        {QStringLiteral("verified"), [] { return QCoreApplication::translate("fg::ReportBuilder", "verified"); }},
        {QStringLiteral("not-verified"), [] { return QCoreApplication::translate("fg::ReportBuilder", "not verified"); }},
        {QStringLiteral("referred-to-secondary"), [] { return QCoreApplication::translate("fg::ReportBuilder", "referred to secondary"); }},
        // encounters.kind and encounters.decision
        {QStringLiteral("entry"), [] { return QCoreApplication::translate("fg::ReportBuilder", "entry"); }},
        {QStringLiteral("exit"), [] { return QCoreApplication::translate("fg::ReportBuilder", "exit"); }},
        {QStringLiteral("checkpoint"), [] { return QCoreApplication::translate("fg::ReportBuilder", "checkpoint"); }},
        {QStringLiteral("match"), [] { return QCoreApplication::translate("fg::ReportBuilder", "match"); }},
        {QStringLiteral("no-face"), [] { return QCoreApplication::translate("fg::ReportBuilder", "no face"); }},
        // deletions.what
        {QStringLiteral("photo"), [] { return QCoreApplication::translate("fg::ReportBuilder", "photo"); }},
        {QStringLiteral("template"), [] { return QCoreApplication::translate("fg::ReportBuilder", "template"); }},
    };
    const auto found = known.find(name);
    return found == known.end() ? name : found->second();
}

// "no match 2 · poor quality 0 · ...": every known name, in the order given, then any other.
QString countedWords(const QStringList& order, std::map<QString, qint64> counts)
{
    QStringList parts;
    for (const QString& name : order) {
        parts << QStringLiteral("%1 %2").arg(words(name)).arg(counts[name]);
        counts.erase(name);
    }
    for (const auto& [name, count] : counts)
        parts << QStringLiteral("%1 %2").arg(words(name)).arg(count);
    return parts.join(QStringLiteral(" · "));
}

QString refusal(Role role)
{
    return QCoreApplication::translate("fg::ReportBuilder",
                                       "the reports are for supervisors, auditors and administrators; this user's role is %1")
        .arg(roleName(role));
}

// The period in words, as the report's selection says it.
QString periodWords(const ReportQuery& query)
{
    if (query.from.isValid() && query.until.isValid())
        return QCoreApplication::translate("fg::ReportBuilder", "From %1 to %2 (UTC, the end excluded)")
            .arg(isoUtc(query.from), isoUtc(query.until));
    if (query.from.isValid())
        return QCoreApplication::translate("fg::ReportBuilder", "From %1 on (UTC)").arg(isoUtc(query.from));
    if (query.until.isValid())
        return QCoreApplication::translate("fg::ReportBuilder", "Before %1 (UTC)").arg(isoUtc(query.until));
    return QCoreApplication::translate("fg::ReportBuilder", "All dates");
}

// " AND column >= ? AND column < ?" for the query's bounds, with their values.
QString periodClause(const QString& column, const ReportQuery& query, QVariantList* values)
{
    QString clause;
    if (query.from.isValid()) {
        clause += QStringLiteral(" AND %1 >= ?").arg(column);
        values->append(query.from.toMSecsSinceEpoch());
    }
    if (query.until.isValid()) {
        clause += QStringLiteral(" AND %1 < ?").arg(column);
        values->append(query.until.toMSecsSinceEpoch());
    }
    return clause;
}

bool eachRow(const Database& database, const QString& sql, const QVariantList& values, const QString& what,
             QString* error, const std::function<void(const QSqlQuery&)>& each)
{
    QSqlQuery rows = database.query();
    rows.prepare(sql);
    for (const QVariant& value : values)
        rows.addBindValue(value);
    if (!database.exec(rows, what, error))
        return false;
    while (rows.next())
        each(rows);
    return true;
}

bool queueResolutions(const Database& database, const ReportQuery& query, ReportTable* table, QString* error)
{
    table->columns = {QCoreApplication::translate("fg::ReportBuilder", "Item"),
                      QCoreApplication::translate("fg::ReportBuilder", "Encounter"),
                      QCoreApplication::translate("fg::ReportBuilder", "Entered queue"),
                      QCoreApplication::translate("fg::ReportBuilder", "Reason"),
                      QCoreApplication::translate("fg::ReportBuilder", "State"),
                      QCoreApplication::translate("fg::ReportBuilder", "Claimed by"),
                      QCoreApplication::translate("fg::ReportBuilder", "Flight"),
                      QCoreApplication::translate("fg::ReportBuilder", "Camera"),
                      QCoreApplication::translate("fg::ReportBuilder", "Officer"),
                      QCoreApplication::translate("fg::ReportBuilder", "Score"),
                      QCoreApplication::translate("fg::ReportBuilder", "Threshold"),
                      QCoreApplication::translate("fg::ReportBuilder", "Resolution"),
                      QCoreApplication::translate("fg::ReportBuilder", "Supervisor"),
                      QCoreApplication::translate("fg::ReportBuilder", "Decided at"),
                      QCoreApplication::translate("fg::ReportBuilder", "Note")};
    // One row per decision (an item decided twice shows both), one for an
    // item not decided yet.
    QVariantList values;
    const QString sql =
        QStringLiteral("SELECT q.id, q.encounter_id, q.created_at, q.reason, q.state, q.claimed_by, e.flight, e.camera, "
                       "e.officer, e.score, e.threshold, d.resolution, d.supervisor, d.decided_at, d.note "
                       "FROM queue_items q JOIN encounters e ON e.id = q.encounter_id "
                       "LEFT JOIN supervisor_decisions d ON d.queue_item_id = q.id WHERE 1 = 1")
        + periodClause(QStringLiteral("q.created_at"), query, &values)
        + QStringLiteral(" ORDER BY q.created_at, q.id, d.decided_at, d.id");
    qint64 items = 0;
    qint64 lastItem = -1;
    std::map<QString, qint64> reasons;
    std::map<QString, qint64> states;
    std::map<QString, qint64> resolutions;
    qint64 decisions = 0;
    const bool read = eachRow(database, sql, values, QStringLiteral("read the no-match queue"), error,
                              [&](const QSqlQuery& row) {
                                  const qint64 item = row.value(0).toLongLong();
                                  if (item != lastItem) {
                                      ++items;
                                      ++reasons[row.value(3).toString()];
                                      ++states[row.value(4).toString()];
                                      lastItem = item;
                                  }
                                  if (!row.value(11).isNull()) {
                                      ++decisions;
                                      ++resolutions[row.value(11).toString()];
                                  }
                                  table->rows.push_back({integer(row.value(0)), integer(row.value(1)),
                                                         isoUtc(row.value(2)), words(row.value(3).toString()),
                                                         words(row.value(4).toString()), row.value(5).toString(),
                                                         row.value(6).toString(), row.value(7).toString(),
                                                         row.value(8).toString(), number(row.value(9)),
                                                         number(row.value(10)),
                                                         row.value(11).isNull() ? QString() : words(row.value(11).toString()),
                                                         row.value(12).toString(), isoUtc(row.value(13)),
                                                         row.value(14).toString()});
                              });
    if (!read)
        return false;
    table->summary
        << QCoreApplication::translate("fg::ReportBuilder", "Items that entered the queue: %1 (%2)")
               .arg(items)
               .arg(countedWords({QStringLiteral("no-match"), QStringLiteral("poor-quality"), QStringLiteral("override"),
                                  QStringLiteral("document-not-genuine"), QStringLiteral("presentation-attack")},
                                 reasons))
        << QCoreApplication::translate("fg::ReportBuilder", "Their state now: %1")
               .arg(countedWords({QStringLiteral("open"), QStringLiteral("claimed"), QStringLiteral("resolved")}, states))
        << QCoreApplication::translate("fg::ReportBuilder", "Supervisors' decisions: %1 (%2)")
               .arg(decisions)
               .arg(countedWords({QStringLiteral("identity-confirmed"), QStringLiteral("secondary-inspection"),
                                  QStringLiteral("suspected-impostor"), QStringLiteral("capture-problem")},
                                 resolutions));
    return true;
}

// The ids of the checks the officer found failed ("uv-features, laminate-intact").
QString failedChecks(const QString& json)
{
    QStringList failed;
    for (const QJsonValue& value : QJsonDocument::fromJson(json.toUtf8()).array()) {
        const QJsonObject check = value.toObject();
        if (check.value(QStringLiteral("result")).toString() == QLatin1String("failed"))
            failed << check.value(QStringLiteral("id")).toString();
    }
    return failed.join(QStringLiteral(", "));
}

bool alternateProcedures(const Database& database, const ReportQuery& query, ReportTable* table, QString* error)
{
    // What was done, where, by whom and with what outcome: no names, no
    // document number, no MRZ. Who the traveler was is in the log itself
    // (AlternateProcedureLog), whose exports are audited as such.
    table->columns = {QCoreApplication::translate("fg::ReportBuilder", "Procedure"),
                      QCoreApplication::translate("fg::ReportBuilder", "Logged at"),
                      QCoreApplication::translate("fg::ReportBuilder", "Officer"),
                      QCoreApplication::translate("fg::ReportBuilder", "Workstation"),
                      QCoreApplication::translate("fg::ReportBuilder", "Camera or lane"),
                      QCoreApplication::translate("fg::ReportBuilder", "Kind"),
                      QCoreApplication::translate("fg::ReportBuilder", "Flight"),
                      QCoreApplication::translate("fg::ReportBuilder", "Nationality"),
                      QCoreApplication::translate("fg::ReportBuilder", "Document kind"),
                      QCoreApplication::translate("fg::ReportBuilder", "Issuing state"),
                      QCoreApplication::translate("fg::ReportBuilder", "Failed checks"),
                      QCoreApplication::translate("fg::ReportBuilder", "Outcome"),
                      QCoreApplication::translate("fg::ReportBuilder", "Reason")};
    QVariantList values;
    const QString sql =
        QStringLiteral("SELECT ap.id, ap.created_at, ap.officer, e.workstation, e.camera, e.kind, ap.flight, "
                       "t.citizenship, ap.document_kind, d.issuing_state, ap.checks, ap.outcome, ap.reason "
                       "FROM alternate_procedures ap JOIN encounters e ON e.id = ap.encounter_id "
                       "LEFT JOIN travelers t ON t.id = e.traveler_id "
                       "LEFT JOIN documents d ON d.id = e.document_id WHERE 1 = 1")
        + periodClause(QStringLiteral("ap.created_at"), query, &values)
        + QStringLiteral(" ORDER BY ap.created_at, ap.id");
    std::map<QString, qint64> outcomes;
    std::map<QString, qint64> officers;
    const bool read = eachRow(database, sql, values, QStringLiteral("read the alternate procedures"), error,
                              [&](const QSqlQuery& row) {
                                  ++outcomes[row.value(11).toString()];
                                  ++officers[row.value(2).toString()];
                                  table->rows.push_back({integer(row.value(0)), isoUtc(row.value(1)),
                                                         row.value(2).toString(), row.value(3).toString(),
                                                         row.value(4).toString(), words(row.value(5).toString()),
                                                         row.value(6).toString(), row.value(7).toString(),
                                                         row.value(8).toString(), row.value(9).toString(),
                                                         failedChecks(row.value(10).toString()),
                                                         words(row.value(11).toString()), row.value(12).toString()});
                              });
    if (!read)
        return false;
    table->summary << QCoreApplication::translate("fg::ReportBuilder", "Alternate procedures: %1 (%2)")
                          .arg(qint64(table->rows.size()))
                          .arg(countedWords({QStringLiteral("verified"), QStringLiteral("not-verified"),
                                             QStringLiteral("referred-to-secondary")},
                                            outcomes));
    if (!officers.empty())
        table->summary << QCoreApplication::translate("fg::ReportBuilder", "By officer: %1").arg(counted(officers));
    return true;
}

bool deletions(const Database& database, const ReportQuery& query, ReportTable* table, QString* error)
{
    table->columns = {QCoreApplication::translate("fg::ReportBuilder", "Deleted at"),
                      QCoreApplication::translate("fg::ReportBuilder", "What"),
                      QCoreApplication::translate("fg::ReportBuilder", "Record"),
                      QCoreApplication::translate("fg::ReportBuilder", "Encounter"),
                      QCoreApplication::translate("fg::ReportBuilder", "Rule"),
                      QCoreApplication::translate("fg::ReportBuilder", "Verified at"),
                      QCoreApplication::translate("fg::ReportBuilder", "Due at"),
                      QCoreApplication::translate("fg::ReportBuilder", "Deleted by")};
    QVariantList values;
    const QString sql = QStringLiteral("SELECT deleted_at, what, record_id, encounter_id, rule, verified_at, due_at, "
                                       "deleted_by FROM deletions WHERE 1 = 1")
                        + periodClause(QStringLiteral("deleted_at"), query, &values)
                        + QStringLiteral(" ORDER BY deleted_at, id");
    std::map<std::pair<QString, QString>, qint64> byWhatAndRule;
    const bool read = eachRow(database, sql, values, QStringLiteral("read the deletions"), error,
                              [&](const QSqlQuery& row) {
                                  ++byWhatAndRule[{row.value(1).toString(), row.value(4).toString()}];
                                  table->rows.push_back({isoUtc(row.value(0)), words(row.value(1).toString()),
                                                         row.value(2).toString(), integer(row.value(3)),
                                                         row.value(4).toString(), isoUtc(row.value(5)),
                                                         isoUtc(row.value(6)), row.value(7).toString()});
                              });
    if (!read)
        return false;
    table->summary << QCoreApplication::translate("fg::ReportBuilder", "Records deleted: %1").arg(qint64(table->rows.size()));
    for (const auto& [whatAndRule, count] : byWhatAndRule) {
        const auto& [what, rule] = whatAndRule;
        // what is "photo" or "template" (the table's CHECK constraint).
        table->summary << (what == QLatin1String("photo")
                               ? QCoreApplication::translate("fg::ReportBuilder", "Photos deleted by rule %1: %2")
                               : QCoreApplication::translate("fg::ReportBuilder", "Templates deleted by rule %1: %2"))
                              .arg(rule)
                              .arg(count);
    }
    return true;
}

bool keyAccesses(const Database& database, const ReportQuery& query, ReportTable* table, QString* error)
{
    table->columns = {QCoreApplication::translate("fg::ReportBuilder", "Event"),
                      QCoreApplication::translate("fg::ReportBuilder", "At"),
                      QCoreApplication::translate("fg::ReportBuilder", "Actor"),
                      QCoreApplication::translate("fg::ReportBuilder", "Action"),
                      QCoreApplication::translate("fg::ReportBuilder", "Subject"),
                      QCoreApplication::translate("fg::ReportBuilder", "Purpose")};
    // key.register, key.open, key.unwrap (core/security/KeyStore): every use of the key.
    QVariantList values;
    const QString sql =
        QStringLiteral("SELECT seq, at, actor, action, subject, details FROM audit_events WHERE action LIKE 'key.%'")
        + periodClause(QStringLiteral("at"), query, &values) + QStringLiteral(" ORDER BY seq");
    std::map<QString, qint64> actions;
    std::map<QString, qint64> actors;
    const bool read = eachRow(database, sql, values, QStringLiteral("read the key accesses"), error,
                              [&](const QSqlQuery& row) {
                                  ++actors[row.value(2).toString()];
                                  ++actions[row.value(3).toString()];
                                  const QJsonObject details =
                                      QJsonDocument::fromJson(row.value(5).toString().toUtf8()).object();
                                  table->rows.push_back({integer(row.value(0)), isoUtc(row.value(1)),
                                                         row.value(2).toString(), row.value(3).toString(),
                                                         row.value(4).toString(),
                                                         details.value(QStringLiteral("purpose")).toString()});
                              });
    if (!read)
        return false;
    table->summary << QCoreApplication::translate("fg::ReportBuilder", "Key accesses: %1").arg(qint64(table->rows.size()));
    if (!actions.empty())
        table->summary << QCoreApplication::translate("fg::ReportBuilder", "By action: %1").arg(counted(actions))
                       << QCoreApplication::translate("fg::ReportBuilder", "By actor: %1").arg(counted(actors));
    return true;
}

// The audit log as an auditor reads it (DOMAIN.md: auditors read the audit
// log), with the verdict on the whole hash chain: an event edited, removed
// or reordered anywhere shows here as it does in `facegate-cli audit verify`.
bool auditEvents(const Database& database, const ReportQuery& query, const std::shared_ptr<const AuditKey>& auditKey,
                 ReportTable* table, QString* error)
{
    table->columns = {QCoreApplication::translate("fg::ReportBuilder", "Event"),
                      QCoreApplication::translate("fg::ReportBuilder", "At"),
                      QCoreApplication::translate("fg::ReportBuilder", "Actor"),
                      QCoreApplication::translate("fg::ReportBuilder", "Action"),
                      QCoreApplication::translate("fg::ReportBuilder", "Subject"),
                      QCoreApplication::translate("fg::ReportBuilder", "Details")};
    QVariantList values;
    const QString sql = QStringLiteral("SELECT seq, at, actor, action, subject, details FROM audit_events WHERE 1 = 1")
                        + periodClause(QStringLiteral("at"), query, &values) + QStringLiteral(" ORDER BY seq");
    std::map<QString, qint64> actions;
    const bool read = eachRow(database, sql, values, QStringLiteral("read the audit log"), error,
                              [&](const QSqlQuery& row) {
                                  ++actions[row.value(3).toString()];
                                  table->rows.push_back({integer(row.value(0)), isoUtc(row.value(1)),
                                                         row.value(2).toString(), row.value(3).toString(),
                                                         row.value(4).toString(), row.value(5).toString()});
                              });
    if (!read)
        return false;
    table->summary << QCoreApplication::translate("fg::ReportBuilder", "Events: %1").arg(qint64(table->rows.size()));
    if (!actions.empty())
        table->summary << QCoreApplication::translate("fg::ReportBuilder", "By action: %1").arg(counted(actions));
    if (!auditKey) {
        table->summary << QCoreApplication::translate("fg::ReportBuilder",
                                                      "Hash chain of the whole log: NOT VERIFIED (no audit key)");
        return true;
    }
    const SystemClock unused; // AuditLog asks for a clock; verifying reads no time
    const AuditLog log(database, unused, auditKey);
    const std::optional<AuditLog::Verification> chain = log.verify(error);
    if (!chain)
        return false;
    table->summary << (chain->intact
                           ? QCoreApplication::translate("fg::ReportBuilder",
                                                         "Hash chain of the whole log: intact (%1 events)")
                                 .arg(chain->events)
                           : QCoreApplication::translate("fg::ReportBuilder",
                                                         "Hash chain of the whole log: BROKEN at event %1: %2")
                                 .arg(chain->firstBadSeq)
                                 .arg(chain->problem));
    return true;
}

// Listed: the period's partner submissions overdue for a purge attestation
// (PurgeAttestationRule, as facegate-matchd's AttestationWatch counts them);
// those not attested yet but still within the hours are only counted.
// Attestations come from facegate-matchd (core/service/PurgeAttestationStore).
bool partnerSubmissions(const Database& database, const ReportQuery& query, const QDateTime& now,
                        std::chrono::hours due, ReportTable* table, QString* error)
{
    const QDateTime cutoff = PurgeAttestationRule::cutoff(now, due);
    const qint64 hours = due.count();
    table->selection += QStringLiteral(" · ")
                        + QCoreApplication::translate("fg::ReportBuilder",
                                                      "Listed: no purge attestation %1 h after verification "
                                                      "(verified before %2 UTC)")
                              .arg(hours)
                              .arg(isoUtc(cutoff));
    table->columns = {QCoreApplication::translate("fg::ReportBuilder", "Encounter"),
                      QCoreApplication::translate("fg::ReportBuilder", "Verified at"),
                      QCoreApplication::translate("fg::ReportBuilder", "Partner"),
                      QCoreApplication::translate("fg::ReportBuilder", "Kind"),
                      QCoreApplication::translate("fg::ReportBuilder", "Flight"),
                      QCoreApplication::translate("fg::ReportBuilder", "Camera"),
                      QCoreApplication::translate("fg::ReportBuilder", "Decision"),
                      QCoreApplication::translate("fg::ReportBuilder", "Purge attestation")};
    QVariantList values;
    const QString sql = QStringLiteral("SELECT e.id, e.verified_at, e.partner, e.kind, e.flight, e.camera, e.decision, "
                                       "pa.recorded_at%1 WHERE %2")
                            .arg(QLatin1String(PurgeAttestationRule::kEncountersAndAttestations),
                                 QLatin1String(PurgeAttestationRule::kPartnerSubmission))
                        + periodClause(QStringLiteral("e.verified_at"), query, &values)
                        + QStringLiteral(" ORDER BY e.verified_at, e.id");
    qint64 submissions = 0;
    qint64 withinTime = 0;
    std::map<QString, qint64> partners;
    const bool read = eachRow(database, sql, values, QStringLiteral("read the partner submissions"), error,
                              [&](const QSqlQuery& row) {
                                  ++submissions;
                                  const bool attested = !row.value(7).isNull();
                                  if (!PurgeAttestationRule::isOverdue(attested, row.value(1).toLongLong(), cutoff)) {
                                      withinTime += attested ? 0 : 1; // not due yet
                                      return;                          // (attested: not listed)
                                  }
                                  ++partners[row.value(2).toString()];
                                  table->rows.push_back(
                                      {integer(row.value(0)), isoUtc(row.value(1)), row.value(2).toString(),
                                       words(row.value(3).toString()), row.value(4).toString(), row.value(5).toString(),
                                       row.value(6).isNull() ? QString() : words(row.value(6).toString()),
                                       QCoreApplication::translate("fg::ReportBuilder", "no attestation recorded")});
                              });
    if (!read)
        return false;
    table->summary << QCoreApplication::translate("fg::ReportBuilder", "Partner submissions: %1").arg(submissions)
                   << QCoreApplication::translate("fg::ReportBuilder", "Without a purge attestation after %1 h: %2")
                          .arg(hours)
                          .arg(qint64(table->rows.size()));
    if (withinTime > 0)
        table->summary << QCoreApplication::translate("fg::ReportBuilder",
                                                      "Not attested yet but still within the %1 h allowed: %2")
                              .arg(hours)
                              .arg(withinTime);
    if (!partners.empty())
        table->summary << QCoreApplication::translate("fg::ReportBuilder", "By partner: %1").arg(counted(partners));
    return true;
}

} // namespace

ReportBuilder::ReportBuilder(const Database& database, const Clock& clock, ReportOptions options)
    : m_database(database)
    , m_clock(clock)
    , m_options(options)
{
}

bool ReportBuilder::mayRead(Role role)
{
    return role == Role::Supervisor || role == Role::Auditor || role == Role::Admin;
}

QString ReportBuilder::title(ReportQuery::Kind kind)
{
    switch (kind) {
    case ReportQuery::Kind::QueueResolutions:
        return QCoreApplication::translate("fg::ReportBuilder", "No-match queue and resolutions");
    case ReportQuery::Kind::AlternateProcedures:
        return QCoreApplication::translate("fg::ReportBuilder", "Alternate procedures");
    case ReportQuery::Kind::Deletions:
        return QCoreApplication::translate("fg::ReportBuilder", "Deletions");
    case ReportQuery::Kind::KeyAccesses:
        return QCoreApplication::translate("fg::ReportBuilder", "Key accesses");
    case ReportQuery::Kind::PartnerSubmissions:
        return QCoreApplication::translate("fg::ReportBuilder", "Partner submissions without a purge attestation");
    case ReportQuery::Kind::AuditEvents:
        return QCoreApplication::translate("fg::ReportBuilder", "Audit log");
    }
    return QString();
}

QString ReportBuilder::fileStem(ReportQuery::Kind kind)
{
    switch (kind) {
    case ReportQuery::Kind::QueueResolutions:
        return QStringLiteral("queue-resolutions");
    case ReportQuery::Kind::AlternateProcedures:
        return QStringLiteral("alternate-procedures");
    case ReportQuery::Kind::Deletions:
        return QStringLiteral("deletions");
    case ReportQuery::Kind::KeyAccesses:
        return QStringLiteral("key-accesses");
    case ReportQuery::Kind::PartnerSubmissions:
        return QStringLiteral("partner-submissions");
    case ReportQuery::Kind::AuditEvents:
        return QStringLiteral("audit-events");
    }
    return QString();
}

std::optional<ReportTable> ReportBuilder::build(const ReportQuery& query, const UserAccount& user, QString* error) const
{
    if (!mayRead(user.role) || user.disabled) {
        *error = user.disabled ? QCoreApplication::translate("fg::ReportBuilder", "user %1 is disabled").arg(user.name)
                               : refusal(user.role);
        return std::nullopt;
    }
    if (query.from.isValid() && query.until.isValid() && query.until <= query.from) {
        *error = QCoreApplication::translate("fg::ReportBuilder", "the period ends (%2) before it starts (%1)")
                     .arg(isoUtc(query.from), isoUtc(query.until));
        return std::nullopt;
    }
    ReportTable table;
    table.title = title(query.kind);
    table.selection = periodWords(query);
    bool built = false;
    switch (query.kind) {
    case ReportQuery::Kind::QueueResolutions:
        built = queueResolutions(m_database, query, &table, error);
        break;
    case ReportQuery::Kind::AlternateProcedures:
        built = alternateProcedures(m_database, query, &table, error);
        break;
    case ReportQuery::Kind::Deletions:
        built = deletions(m_database, query, &table, error);
        break;
    case ReportQuery::Kind::KeyAccesses:
        built = keyAccesses(m_database, query, &table, error);
        break;
    case ReportQuery::Kind::PartnerSubmissions:
        built = partnerSubmissions(m_database, query, m_clock.now(), m_options.attestationDue, &table, error);
        break;
    case ReportQuery::Kind::AuditEvents:
        built = auditEvents(m_database, query, m_options.auditKey, &table, error);
        break;
    }
    if (!built)
        return std::nullopt;
    return table;
}

bool writeReportCsv(const ReportTable& table, QIODevice& device, QString* error)
{
    if (!device.isOpen() || !device.isWritable()) {
        *error = QStringLiteral("write the report as CSV: the file is not open for writing");
        return false;
    }
    // AlternateProcedureCsv::field quotes per RFC 4180 and defuses a cell a
    // spreadsheet would run as a formula: the two exports behave alike.
    auto line = [](const QStringList& values) {
        QStringList fields;
        for (const QString& value : values)
            fields << AlternateProcedureCsv::field(value);
        return fields.join(QLatin1Char(',')) + QStringLiteral("\r\n");
    };
    QString csv = line(table.columns);
    for (std::size_t i = 0; i < table.rows.size(); ++i) {
        if (table.rows[i].size() != table.columns.size()) {
            *error = QStringLiteral("write the report as CSV: row %1 has %2 cells for %3 columns")
                         .arg(qint64(i) + 1)
                         .arg(table.rows[i].size())
                         .arg(table.columns.size());
            return false;
        }
        csv += line(table.rows[i]);
    }
    const QByteArray bytes = csv.toUtf8();
    const qint64 written = device.write(bytes);
    if (written != bytes.size()) {
        *error = QStringLiteral("write the report as CSV: %1 of %2 bytes written (%3)")
                     .arg(qMax<qint64>(written, 0))
                     .arg(bytes.size())
                     .arg(device.errorString());
        return false;
    }
    return true;
}

} // namespace fg
