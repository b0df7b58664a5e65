#include "core/workflow/RecordStatistics.h"

#include "core/storage/Database.h"
#include "core/workflow/Encounter.h"

#include <QDateTime>
#include <QSqlQuery>

#include <algorithm>

namespace fg {
namespace {

QStringList ruleNames()
{
    QStringList names;
    for (const RetentionPolicy::Rule rule : RetentionPolicy::kRules)
        names.append(RetentionPolicy::ruleName(rule));
    return names;
}

QJsonValue isoOrNull(std::optional<qint64> ms)
{
    if (!ms)
        return QJsonValue(QJsonValue::Null);
    return QDateTime::fromMSecsSinceEpoch(*ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

} // namespace

RecordStatistics::RecordStatistics(const Database& database, const RetentionPolicy& policy)
    : m_database(database)
    , m_policy(policy)
{
}

std::optional<QJsonObject> RecordStatistics::countBy(const QString& table, const QString& column,
                                                     const QStringList& keys, const QString& nullKey,
                                                     QString* error) const
{
    QSqlQuery rows = m_database.query();
    rows.prepare(QStringLiteral("SELECT %1, COUNT(*) FROM %2 GROUP BY %1").arg(column, table));
    if (!m_database.exec(rows, QStringLiteral("count %1 by %2").arg(table, column), error))
        return std::nullopt;
    QJsonObject counts;
    for (const QString& key : keys)
        counts.insert(key, 0);
    qint64 total = 0;
    while (rows.next()) {
        const QString key = rows.value(0).isNull() ? nullKey : rows.value(0).toString();
        const qint64 count = rows.value(1).toLongLong();
        counts.insert(key, counts.value(key).toInteger() + count);
        total += count;
    }
    counts.insert(QStringLiteral("total"), total);
    return counts;
}

std::optional<QJsonObject> RecordStatistics::compute(QString* error) const
{
    const QStringList rules = ruleNames();
    QStringList decisions;
    for (const auto decision : {Encounter::Decision::Match, Encounter::Decision::NoMatch, Encounter::Decision::NoFace,
                                Encounter::Decision::PoorQuality})
        decisions.append(Encounter::decisionName(decision));
    QStringList modes;
    for (const auto mode : {Encounter::Mode::Biometric, Encounter::Mode::Alternate})
        modes.append(Encounter::modeName(mode));
    QStringList kinds;
    for (const auto kind : {Encounter::Kind::Entry, Encounter::Kind::Exit, Encounter::Kind::Checkpoint})
        kinds.append(Encounter::kindName(kind));
    const QString none = QStringLiteral("none");
    decisions.append(none); // no decision recorded yet

    const auto byDecision = countBy(QStringLiteral("encounters"), QStringLiteral("decision"), decisions, none, error);
    if (!byDecision)
        return std::nullopt;
    const auto byMode = countBy(QStringLiteral("encounters"), QStringLiteral("mode"), modes, none, error);
    if (!byMode)
        return std::nullopt;
    const auto byKind = countBy(QStringLiteral("encounters"), QStringLiteral("kind"), kinds, none, error);
    if (!byKind)
        return std::nullopt;
    // none: never assessed (alternate procedures, records of before schema 11).
    const auto byPad = countBy(QStringLiteral("encounters"), QStringLiteral("pad_decision"),
                               {QStringLiteral("bona-fide"), QStringLiteral("attack"), QStringLiteral("not-assessed"), none},
                               none, error);
    if (!byPad)
        return std::nullopt;
    const auto photos = countBy(QStringLiteral("photos"), QStringLiteral("retention_rule"), rules, none, error);
    if (!photos)
        return std::nullopt;
    const auto templates = countBy(QStringLiteral("templates"), QStringLiteral("retention_rule"), rules, none, error);
    if (!templates)
        return std::nullopt;
    const auto deletionsByRule = countBy(QStringLiteral("deletions"), QStringLiteral("rule"), rules, none, error);
    if (!deletionsByRule)
        return std::nullopt;
    const auto deletionsByWhat = countBy(QStringLiteral("deletions"), QStringLiteral("what"),
                                         {QStringLiteral("photo"), QStringLiteral("template")}, none, error);
    if (!deletionsByWhat)
        return std::nullopt;
    const auto queue = countBy(QStringLiteral("queue_items"), QStringLiteral("state"),
                               {QStringLiteral("open"), QStringLiteral("claimed"), QStringLiteral("resolved")}, none, error);
    if (!queue)
        return std::nullopt;
    const auto users = countBy(QStringLiteral("users"), QStringLiteral("role"),
                               {QStringLiteral("officer"), QStringLiteral("checkpoint-officer"), QStringLiteral("supervisor"),
                                QStringLiteral("auditor"), QStringLiteral("admin")},
                               none, error);
    if (!users)
        return std::nullopt;
    const auto auditEvents = m_database.scalar(QStringLiteral("SELECT COUNT(*) FROM audit_events"), {},
                                               QStringLiteral("count audit events"), error);
    if (!auditEvents)
        return std::nullopt;
    const auto keys = m_database.scalar(QStringLiteral("SELECT COUNT(*) FROM keks"), {}, QStringLiteral("count keys"), error);
    if (!keys)
        return std::nullopt;

    // The next purge: per rule, the earliest verified_at of a stored photo or template.
    QJsonObject dueByRule;
    QJsonObject keepSeconds;
    std::optional<qint64> nextDue;
    for (const RetentionPolicy::Rule rule : RetentionPolicy::kRules) {
        std::optional<qint64> due;
        for (const QString& table : {QStringLiteral("photos"), QStringLiteral("templates")}) {
            const auto earliest = m_database.scalar(
                QStringLiteral("SELECT MIN(verified_at) FROM %1 WHERE retention_rule = ?").arg(table),
                {RetentionPolicy::ruleName(rule)}, QStringLiteral("find the oldest record in %1").arg(table), error);
            if (!earliest)
                return std::nullopt;
            if (!earliest->isNull()) {
                const qint64 candidate = m_policy.dueAtMs(rule, earliest->toLongLong());
                due = due ? std::min(*due, candidate) : candidate;
            }
        }
        dueByRule.insert(RetentionPolicy::ruleName(rule), isoOrNull(due));
        keepSeconds.insert(RetentionPolicy::ruleName(rule), m_policy.keepSeconds(rule));
        if (due)
            nextDue = nextDue ? std::min(*nextDue, *due) : *due;
    }

    const auto split = [](QJsonObject counts, const QString& name) {
        const QJsonValue total = counts.take(QStringLiteral("total"));
        return QJsonObject{{QStringLiteral("total"), total}, {name, counts}};
    };
    QJsonObject encounters = split(*byDecision, QStringLiteral("by_decision"));
    QJsonObject modeCounts = *byMode;
    modeCounts.remove(QStringLiteral("total"));
    QJsonObject kindCounts = *byKind;
    kindCounts.remove(QStringLiteral("total"));
    encounters.insert(QStringLiteral("by_mode"), modeCounts);
    encounters.insert(QStringLiteral("by_kind"), kindCounts);
    QJsonObject padCounts = *byPad;
    padCounts.remove(QStringLiteral("total"));
    encounters.insert(QStringLiteral("by_pad_decision"), padCounts);

    QJsonObject deletions = split(*deletionsByRule, QStringLiteral("by_rule"));
    deletions.insert(QStringLiteral("photos"), deletionsByWhat->value(QStringLiteral("photo")));
    deletions.insert(QStringLiteral("templates"), deletionsByWhat->value(QStringLiteral("template")));

    return QJsonObject{
        {QStringLiteral("backend"), m_database.isSqlite() ? QStringLiteral("sqlite") : QStringLiteral("postgresql")},
        {QStringLiteral("database"), m_database.url().toDisplayString()},
        {QStringLiteral("schema_version"), m_database.schemaVersion()},
        {QStringLiteral("encounters"), encounters},
        {QStringLiteral("photos"), split(*photos, QStringLiteral("by_rule"))},
        {QStringLiteral("templates"), split(*templates, QStringLiteral("by_rule"))},
        {QStringLiteral("next_purge_due"), isoOrNull(nextDue)},
        {QStringLiteral("next_purge_due_by_rule"), dueByRule},
        {QStringLiteral("keep_seconds"), keepSeconds},
        {QStringLiteral("deletions"), deletions},
        {QStringLiteral("queue_items"), split(*queue, QStringLiteral("by_state"))},
        {QStringLiteral("users"), split(*users, QStringLiteral("by_role"))},
        {QStringLiteral("audit_events"), auditEvents->toLongLong()},
        {QStringLiteral("keys"), keys->toLongLong()},
    };
}

} // namespace fg
