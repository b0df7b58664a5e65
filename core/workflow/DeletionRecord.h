#pragma once

#include <QDateTime>
#include <QString>

namespace fg {

// One row of table deletions: what retention (or an opt-out) deleted, whose,
// when and by which rule. It outlives the photo or template it records.
struct DeletionRecord {
    qint64 id = 0;
    QString what;        // "photo" or "template"
    QString role;        // a photo's: "capture" or "reference"; empty for templates and before schema 5
    QString recordId;    // the deleted photo's or template's id
    qint64 encounterId = 0;
    qint64 travelerId = 0;
    QString rule;        // RetentionPolicy::ruleName, or EncounterStore::kOptOutRule
    QDateTime verifiedAt;
    QDateTime dueAt;
    QDateTime deletedAt;
    QString deletedBy;   // actor
};

} // namespace fg
