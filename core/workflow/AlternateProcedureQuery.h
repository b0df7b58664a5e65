#pragma once

#include "core/workflow/AlternateProcedure.h"

#include <QDateTime>
#include <QString>
#include <Qt>

#include <optional>

namespace fg {

// A search of the alternate procedures' log (AlternateProcedureStore::search),
// as the supervisor's table asks it. Every filter is optional; they combine
// with AND. The same answers on SQLite and PostgreSQL.
struct AlternateProcedureQuery {
    enum class SortColumn { Date, Officer, Flight, Outcome, Document };

    QDateTime from;   // logged at or after (inclusive); null: no lower bound
    QDateTime until;  // logged before (exclusive); null: no upper bound
    QString officer;  // the officer's user name, whole, case-insensitive
    QString flight;   // whole, compared as AlternateProcedure::normalizedFlight
    std::optional<AlternateProcedure::Outcome> outcome;
    // Part of the document number, the surname, the given names or
    // "given names surname", case-insensitive (ASCII letters on SQLite, whose
    // lower() folds only those; every letter on PostgreSQL). % and _ are
    // matched as themselves.
    QString text;

    // Ties (same officer, flight...) go newest first; then by id.
    SortColumn sortBy = SortColumn::Date;
    Qt::SortOrder order = Qt::DescendingOrder;
    int limit = 100; // 1..10000
    int offset = 0;
};

} // namespace fg
