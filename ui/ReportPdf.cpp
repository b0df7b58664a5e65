#include "ui/ReportPdf.h"

#include <QCoreApplication>
#include <QDir>
#include <QFont>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTextDocument>

namespace fg {

QString reportHtml(const ReportTable& table)
{
    QString html = QStringLiteral("<html><body>");
    html += QStringLiteral("<h2>%1</h2>").arg(table.title.toHtmlEscaped());
    if (!table.selection.isEmpty())
        html += QStringLiteral("<p>%1</p>").arg(table.selection.toHtmlEscaped());
    if (!table.summary.isEmpty()) {
        QStringList lines;
        for (const QString& line : table.summary)
            lines << line.toHtmlEscaped();
        html += QStringLiteral("<p>%1</p>").arg(lines.join(QStringLiteral("<br/>")));
    }
    html += QStringLiteral("<table border=\"1\" cellspacing=\"0\" cellpadding=\"3\" width=\"100%\"><thead><tr>");
    for (const QString& column : table.columns)
        html += QStringLiteral("<th align=\"left\">%1</th>").arg(column.toHtmlEscaped());
    html += QStringLiteral("</tr></thead><tbody>");
    for (const QStringList& row : table.rows) {
        html += QStringLiteral("<tr>");
        for (const QString& cell : row)
            html += QStringLiteral("<td>%1</td>").arg(cell.toHtmlEscaped());
        html += QStringLiteral("</tr>");
    }
    html += QStringLiteral("</tbody></table></body></html>");
    return html;
}

bool writeReportPdf(const ReportTable& table, const QString& path, QString* error)
{
    const QString file = QDir::toNativeSeparators(path);
    QSaveFile output(path);
    if (!output.open(QIODevice::WriteOnly)) {
        *error = QCoreApplication::translate("fg::ReportPdf", "Could not write %1: %2").arg(file, output.errorString());
        return false;
    }
    {
        QPdfWriter writer(&output);
        writer.setTitle(table.title);
        writer.setCreator(QStringLiteral("FaceGate"));
        writer.setResolution(300);
        // QTextDocument::print adds 2 cm inside these margins, and the page numbers.
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Landscape, QMarginsF(4, 4, 4, 4),
                                         QPageLayout::Millimeter));
        QTextDocument document;
        QFont font = document.defaultFont();
        font.setPointSizeF(8);
        document.setDefaultFont(font);
        document.setHtml(reportHtml(table));
        document.print(&writer);
    } // the writer finishes the PDF here
    if (output.error() != QFileDevice::NoError || output.size() == 0) {
        const QString reason = output.error() != QFileDevice::NoError
                                   ? output.errorString()
                                   : QCoreApplication::translate("fg::ReportPdf", "nothing was written");
        output.cancelWriting();
        *error = QCoreApplication::translate("fg::ReportPdf", "Could not write %1: %2").arg(file, reason);
        return false;
    }
    if (!output.commit()) {
        *error = QCoreApplication::translate("fg::ReportPdf", "Could not write %1: %2").arg(file, output.errorString());
        return false;
    }
    return true;
}

} // namespace fg
