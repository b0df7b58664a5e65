#pragma once

#include "core/workflow/RetentionPolicy.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace fg {

class Database;

// Counts over the records, for `facegate-cli --db URL stats`: read-only, no
// key needed, nothing is opened. Every category is listed, with zero counts.
class RecordStatistics {
public:
    RecordStatistics(const Database& database, const RetentionPolicy& policy);

    // {"backend", "schema_version",
    //  "encounters": {"total", "by_decision": {match, no-match, no-face, poor-quality, none},
    //                 "by_mode": {...}, "by_kind": {...},
    //                 "by_pad_decision": {bona-fide, attack, not-assessed, none}},
    //  "photos" / "templates": {"total", "by_rule": {rule: n}},
    //  "next_purge_due": ISO 8601 | null, "next_purge_due_by_rule": {rule: ISO 8601 | null},
    //  "keep_seconds": {rule: s},
    //  "deletions": {"total", "photos", "templates", "by_rule": {rule: n}},
    //  "queue_items": {"total", "by_state": {open, claimed, resolved}},
    //  "users": {"total", "by_role": {...}}, "audit_events", "keys"}
    // nullopt with *error when a table cannot be read.
    std::optional<QJsonObject> compute(QString* error) const;

private:
    // COUNT(*) grouped by column, every expected key present (0 when absent);
    // a NULL value is counted under nullKey; "total" is the sum.
    std::optional<QJsonObject> countBy(const QString& table, const QString& column, const QStringList& keys,
                                       const QString& nullKey, QString* error) const;

    const Database& m_database;
    const RetentionPolicy& m_policy;
};

} // namespace fg
