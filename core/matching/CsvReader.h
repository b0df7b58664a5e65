#pragma once

#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace fg {

// A small RFC 4180 reader: a header row naming the columns, quoted fields
// with doubled quotes, CRLF or LF line ends.
class CsvReader {
public:
    static std::optional<CsvReader> readFile(const QString& path, QString* error);

    const QStringList& header() const { return m_header; }
    int column(const QString& name) const { return int(m_header.indexOf(name)); }
    const std::vector<QStringList>& rows() const { return m_rows; }
    // Line number in the file of data row `row` (for error messages).
    int lineOf(size_t row) const { return m_lines[row]; }

private:
    QStringList m_header;
    std::vector<QStringList> m_rows;
    std::vector<int> m_lines;
};

} // namespace fg
