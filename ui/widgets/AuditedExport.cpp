#include "ui/widgets/AuditedExport.h"

#include <QFile>

namespace fg {

AuditedExport::Result AuditedExport::run(const Pick& pick, const QString& title, const QString& suggested,
                                         const QString& filter, const Write& write, const Record& record)
{
    Result result;
    if (!record) {
        result.outcome = Outcome::NoAuditLog;
        return result;
    }
    result.path = pick(title, suggested, filter);
    if (result.path.isEmpty())
        return result; // Cancelled
    if (!write(result.path, &result.error, &result.rows)) {
        result.outcome = Outcome::NotWritten;
        return result;
    }
    if (!record(result.path, result.rows, &result.error)) {
        QFile::remove(result.path);
        result.outcome = Outcome::NotRecorded;
        return result;
    }
    result.outcome = Outcome::Exported;
    return result;
}

QString AuditedExport::failureWords(const Result& result)
{
    switch (result.outcome) {
    case Outcome::NoAuditLog:
        return tr("Not exported: there is no audit log to record the export in.");
    case Outcome::NotWritten:
        return result.error;
    case Outcome::NotRecorded:
        return tr("Not exported: the export could not be recorded in the audit log: %1").arg(result.error);
    case Outcome::Cancelled:
    case Outcome::Exported:
        break;
    }
    return QString();
}

} // namespace fg
