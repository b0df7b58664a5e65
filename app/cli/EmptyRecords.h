#pragma once

#include "core/storage/Database.h"

#include <QString>
#include <QStringList>
#include <QVariant>

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

} // namespace fg::cli
