#include "core/matching/CsvReader.h"

#include <QFile>

namespace fg {

std::optional<CsvReader> CsvReader::readFile(const QString& path, QString* error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QStringLiteral("%1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    const QString text = QString::fromUtf8(file.readAll());
    CsvReader csv;
    QStringList record;
    QString field;
    bool quoted = false;
    bool fieldWasQuoted = false;
    int line = 1;
    int recordLine = 1;
    auto endRecord = [&]() {
        record << field;
        field.clear();
        const bool blank = record.size() == 1 && record.front().isEmpty() && !fieldWasQuoted;
        if (!blank) {
            if (csv.m_header.isEmpty()) {
                csv.m_header = record;
            } else {
                csv.m_rows.push_back(record);
                csv.m_lines.push_back(recordLine);
            }
        }
        record.clear();
        fieldWasQuoted = false;
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (quoted) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < text.size() && text[i + 1] == QLatin1Char('"')) {
                    field += c;
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                if (c == QLatin1Char('\n'))
                    ++line;
                field += c;
            }
        } else if (c == QLatin1Char('"') && field.isEmpty()) {
            quoted = true;
            fieldWasQuoted = true;
        } else if (c == QLatin1Char(',')) {
            record << field;
            field.clear();
        } else if (c == QLatin1Char('\n')) {
            endRecord();
            recordLine = ++line;
        } else if (c != QLatin1Char('\r')) {
            field += c;
        }
    }
    if (quoted) {
        if (error)
            *error = QStringLiteral("%1:%2: a quoted field is not closed").arg(path).arg(recordLine);
        return std::nullopt;
    }
    if (!field.isEmpty() || !record.isEmpty())
        endRecord();
    if (csv.m_header.isEmpty()) {
        if (error)
            *error = QStringLiteral("%1: empty CSV file (a header row is expected)").arg(path);
        return std::nullopt;
    }
    return csv;
}

} // namespace fg
