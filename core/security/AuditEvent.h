#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace fg {

// One entry of the audit log: who did what to which record, when, and the
// link to the entry before it.
struct AuditEvent {
    qint64 seq = 0;
    QDateTime at;
    QString actor;   // "officer:jdoe", "cli:root", "system:retention"
    QString action;  // "encounter.add", "key.unwrap", "retention.purge", ...
    QString subject; // the record concerned: "encounter:42", "photo:<uuid>"
    QJsonObject details;
    QString prevHash; // hex SHA-256 of the previous event (64 zeros for the first)
    QString hash;     // hex SHA-256 of this event, see AuditLog::hashOf
};

} // namespace fg
