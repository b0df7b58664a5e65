#pragma once

#include "core/workflow/AlternateProcedure.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <vector>

class QIODevice;

namespace fg {

// The alternate procedures' log as CSV, for a supervisor's spreadsheet or an
// audit: RFC 4180 (CRLF line ends, a field with a comma, a quote, CR or LF is
// quoted and its quotes doubled), UTF-8 without a byte-order mark, one header
// row, times in ISO 8601 UTC ("2026-11-26T09:00:00Z"), expiry dates as
// "YYYY-MM-DD", checks as "id=result" joined by "; ".
class AlternateProcedureCsv {
public:
    static QStringList header();
    static QByteArray toCsv(const std::vector<AlternateProcedure>& rows);
    // Writes the header and the rows to an open device; false with *error when
    // it is not writable or takes fewer bytes than given.
    static bool write(const std::vector<AlternateProcedure>& rows, QIODevice& device, QString* error);

    // One field as written: defused (see the .cpp), then quoted if it must be.
    static QString field(const QString& value);
};

} // namespace fg
