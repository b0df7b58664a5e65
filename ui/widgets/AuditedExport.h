#pragma once

#include <QCoreApplication>
#include <QString>

#include <functional>

namespace fg {

// A table written to a file the user picks, the export recorded in the audit
// log: no record, no file. A file whose record cannot be written is removed,
// so no personal data leaves the records unaudited. The supervisor's reports
// and the alternate procedures' log export this way.
class AuditedExport {
    Q_DECLARE_TR_FUNCTIONS(fg::AuditedExport)

public:
    // {title, suggested file name, filter} -> the file; empty cancels.
    using Pick = std::function<QString(const QString& title, const QString& suggested, const QString& filter)>;
    // Writes the file whole or not at all; *rows written.
    using Write = std::function<bool(const QString& path, QString* error, qint64* rows)>;
    // Records the export written in the audit log.
    using Record = std::function<bool(const QString& path, qint64 rows, QString* error)>;

    enum class Outcome { Cancelled, NoAuditLog, NotWritten, NotRecorded, Exported };
    struct Result {
        Outcome outcome = Outcome::Cancelled;
        QString path;
        qint64 rows = 0;
        QString error; // the writer's or the recorder's words
    };

    // Asks for the file only when there is a recorder.
    static Result run(const Pick& pick, const QString& title, const QString& suggested, const QString& filter,
                      const Write& write, const Record& record);

    // Why a result is not an export, in the interface language (empty for
    // Cancelled and Exported); call it again after a language change.
    static QString failureWords(const Result& result);
};

} // namespace fg
