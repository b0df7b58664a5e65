#include "core/workflow/AlternateProcedureCsv.h"

#include <QIODevice>

namespace fg {
namespace {

QString checksText(const std::vector<AlternateProcedure::Check>& checks)
{
    QStringList parts;
    for (const AlternateProcedure::Check& check : checks)
        parts << check.id + QLatin1Char('=') + AlternateProcedure::checkResultName(check.result);
    return parts.join(QStringLiteral("; "));
}

QString line(const QStringList& values)
{
    QStringList fields;
    for (const QString& value : values)
        fields << AlternateProcedureCsv::field(value);
    return fields.join(QLatin1Char(',')) + QStringLiteral("\r\n");
}

} // namespace

QStringList AlternateProcedureCsv::header()
{
    return {QStringLiteral("id"),
            QStringLiteral("logged_at_utc"),
            QStringLiteral("officer"),
            QStringLiteral("workstation"),
            QStringLiteral("camera_or_lane"),
            QStringLiteral("encounter_kind"),
            QStringLiteral("flight"),
            QStringLiteral("citizenship"),
            QStringLiteral("surname"),
            QStringLiteral("given_names"),
            QStringLiteral("document_kind"),
            QStringLiteral("document_number"),
            QStringLiteral("issuing_state"),
            QStringLiteral("document_expiry"),
            QStringLiteral("mrz"),
            QStringLiteral("checks"),
            QStringLiteral("outcome"),
            QStringLiteral("reason"),
            QStringLiteral("encounter_id")};
}

QString AlternateProcedureCsv::field(const QString& value)
{
    // CSV (formula) injection: a spreadsheet opening this file runs a cell
    // that starts with =, +, - or @ as a formula (=HYPERLINK(...), =cmd|...),
    // and some treat a leading tab or CR the same way. Every one of those
    // cells here is text an officer or a traveler's document supplied (a
    // reason, a name, an MRZ), so it gets a leading apostrophe: the
    // spreadsheet shows it as text and runs nothing. Nothing this file
    // writes is meant to be a number starting with '-'.
    QString cell = value;
    if (!cell.isEmpty()) {
        const QChar first = cell.at(0);
        if (first == QLatin1Char('=') || first == QLatin1Char('+') || first == QLatin1Char('-')
            || first == QLatin1Char('@') || first == QLatin1Char('\t') || first == QLatin1Char('\r'))
            cell.prepend(QLatin1Char('\''));
    }
    // RFC 4180: quote a field holding a comma, a quote, CR or LF; double its quotes.
    if (cell.contains(QLatin1Char(',')) || cell.contains(QLatin1Char('"')) || cell.contains(QLatin1Char('\r'))
        || cell.contains(QLatin1Char('\n'))) {
        cell.replace(QLatin1Char('"'), QLatin1String("\"\""));
        cell = QLatin1Char('"') + cell + QLatin1Char('"');
    }
    return cell;
}

QByteArray AlternateProcedureCsv::toCsv(const std::vector<AlternateProcedure>& rows)
{
    QString csv = line(header());
    for (const AlternateProcedure& row : rows) {
        csv += line({QString::number(row.id),
                     row.createdAt.isValid() ? row.createdAt.toUTC().toString(Qt::ISODate) : QString(),
                     row.officer,
                     row.workstation,
                     row.camera,
                     Encounter::kindName(row.kind),
                     row.flight,
                     row.citizenship,
                     row.surname,
                     row.givenNames,
                     row.document.kind,
                     row.document.number,
                     row.document.issuingState,
                     row.document.expiry.isValid() ? row.document.expiry.toString(Qt::ISODate) : QString(),
                     row.document.mrz,
                     checksText(row.checks),
                     AlternateProcedure::outcomeName(row.outcome),
                     row.reason,
                     QString::number(row.encounterId)});
    }
    return csv.toUtf8();
}

bool AlternateProcedureCsv::write(const std::vector<AlternateProcedure>& rows, QIODevice& device, QString* error)
{
    if (!device.isOpen() || !device.isWritable()) {
        *error = QStringLiteral("write the alternate procedures as CSV: the file is not open for writing");
        return false;
    }
    const QByteArray bytes = toCsv(rows);
    const qint64 written = device.write(bytes);
    if (written != bytes.size()) {
        *error = QStringLiteral("write the alternate procedures as CSV: %1 of %2 bytes written (%3)")
                     .arg(qMax<qint64>(written, 0))
                     .arg(bytes.size())
                     .arg(device.errorString());
        return false;
    }
    return true;
}

} // namespace fg
