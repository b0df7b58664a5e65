#pragma once

#include "app/cli/CliContext.h"
#include "core/security/AuditKey.h"
#include "core/storage/Database.h"
#include "core/storage/DatabaseUrl.h"

#include <QCommandLineParser>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QVariant>

#include <memory>
#include <optional>

namespace fg::cli {

// The benches that write their own records (bench queue, bench purge) take
// only a database whose tables are empty: they must never mix their rows
// with real ones. False with *error naming the table and its row count.
inline bool requireEmptyTables(const Database& database, const QStringList& tables, const QString& bench,
                               QString* error)
{
    for (const QString& table : tables) {
        const std::optional<QVariant> rows = database.scalar(QStringLiteral("SELECT COUNT(*) FROM %1").arg(table), {},
                                                             QStringLiteral("count %1").arg(table), error);
        if (!rows)
            return false;
        if (rows->toLongLong() != 0) {
            *error = QStringLiteral("%1 already holds %2 (%3 rows): %4, give it an empty database")
                         .arg(database.url().toDisplayString(), table)
                         .arg(rows->toLongLong())
                         .arg(bench);
            return false;
        }
    }
    return true;
}

// Where such a bench writes: the --db URL when given, else a new SQLite file
// named fileName in scratch. nullopt once the failure is told (a bad URL is a
// usage error, a scratch folder that could not be made a processing error),
// with *status set to the exit status.
inline std::optional<DatabaseUrl> benchDatabaseUrl(const QCommandLineParser& parser, const QTemporaryDir& scratch,
                                                   const QString& fileName, const CliContext& context, int* status)
{
    if (parser.isSet(QStringLiteral("db"))) {
        QString error;
        std::optional<DatabaseUrl> given = DatabaseUrl::parse(parser.value(QStringLiteral("db")), &error);
        if (!given)
            *status = context.fail(kUsageError, error);
        return given;
    }
    if (!scratch.isValid()) {
        *status = context.fail(kProcessingError, QStringLiteral("cannot create a temporary folder"));
        return std::nullopt;
    }
    return DatabaseUrl::sqliteFile(scratch.filePath(fileName));
}

// The audit key of a bench's records: the file named by FACEGATE_AUDIT_KEY_FILE,
// else a new random key (a bench's database is a throw-away one). Null with *error.
inline std::shared_ptr<const AuditKey> benchAuditKey(QString* error)
{
    const QString file = qEnvironmentVariable("FACEGATE_AUDIT_KEY_FILE");
    return file.isEmpty() ? std::shared_ptr<const AuditKey>(AuditKey::generate(error))
                          : std::shared_ptr<const AuditKey>(AuditKey::fromKeyFile(file, error));
}

} // namespace fg::cli
