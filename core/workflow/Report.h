#pragma once

#include "core/security/UserAccount.h"

#include <QDateTime>
#include <QIODevice>
#include <QString>
#include <QStringList>

#include <chrono>
#include <memory>
#include <optional>
#include <vector>

namespace fg {

class AuditKey;

class Clock;
class Database;

// The reports supervisors and auditors export (to CSV here, to PDF in
// ui/render/ReportPdf): one table of text, its title and what was selected.
struct ReportTable {
    QString title;        // "No-match queue and resolutions"
    QString selection;    // the period and filters, in words
    QStringList summary;  // lines above the table ("3 photos purged by rule in-scope"...)
    QStringList columns;
    std::vector<QStringList> rows; // each as long as columns
};

struct ReportQuery {
    enum class Kind {
        QueueResolutions,     // the no-match queue's items and their resolutions
        AlternateProcedures,  // the alternate procedures' log
        Deletions,            // what was purged, by which rule (table deletions)
        KeyAccesses,          // the audit log's key.* events
        PartnerSubmissions,   // partner submissions whose purge attestation is overdue
        AuditEvents,          // the audit log itself, and whether its hash chain is intact
    };
    Kind kind = Kind::QueueResolutions;
    QDateTime from;  // inclusive; null: no bound
    QDateTime until; // exclusive; null: no bound
};

// The rules the reports apply besides the records themselves.
struct ReportOptions {
    // A partner submission verified more than this long ago (by the clock)
    // without a purge attestation is overdue (service/attestationHours).
    std::chrono::hours attestationDue = std::chrono::hours(24);
    // The audit key the audit report verifies the log's chain with; without
    // it the report says the chain was not verified.
    std::shared_ptr<const AuditKey> auditKey;
};

// Builds the reports from the records, read-only (no key, no photo).
// Supervisors, auditors and administrators may read them; other roles are
// refused. The clock is "now" for what is overdue.
class ReportBuilder {
public:
    ReportBuilder(const Database& database, const Clock& clock, ReportOptions options = {});

    std::optional<ReportTable> build(const ReportQuery& query, const UserAccount& user, QString* error) const;

    static bool mayRead(Role role);
    // The report's title, translated ("Deletions").
    static QString title(ReportQuery::Kind kind);
    // A file-name stem: "queue-resolutions", "alternate-procedures", "deletions", "key-accesses",
    // "partner-submissions", "audit-events".
    static QString fileStem(ReportQuery::Kind kind);

private:
    const Database& m_database;
    const Clock& m_clock;
    ReportOptions m_options;
};

// RFC 4180 CSV (UTF-8, CRLF, quoted where needed; cells starting with = + - @
// are prefixed with ' so a spreadsheet does not run them): the columns, then the rows.
bool writeReportCsv(const ReportTable& table, QIODevice& device, QString* error);

} // namespace fg
