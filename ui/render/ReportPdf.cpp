#include "ui/render/ReportPdf.h"

#include <QCoreApplication>
#include <QDir>
#include <QFontMetricsF>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>

#include <algorithm>
#include <numeric>

namespace fg {
namespace {

// At word boundaries (a word longer than its cell is cut at the cell's edge).
constexpr int kWrap = Qt::TextWordWrap;

QFont boldOf(const QFont& font)
{
    QFont bold = font;
    bold.setBold(true);
    return bold;
}

QFont titleOf(const QFont& font)
{
    QFont title = boldOf(font);
    title.setPointSizeF(font.pointSizeF() * 1.6);
    return title;
}

// Height of text wrapped to width in font on device.
qreal wrappedHeight(const QString& text, const QFont& font, QPaintDevice* device, qreal width)
{
    const QFontMetricsF metrics(font, device);
    if (text.isEmpty())
        return metrics.height();
    return metrics.boundingRect(QRectF(0, 0, std::max<qreal>(width, 1.0), 1e9), kWrap, text).height();
}

QString introText(const ReportTable& table)
{
    QStringList lines;
    if (!table.selection.isEmpty())
        lines << table.selection;
    lines << table.summary;
    return lines.join(QLatin1Char('\n'));
}

QString pageNumber(int page, int pages)
{
    return QCoreApplication::translate("fg::ReportPdf", "page %1 of %2").arg(page + 1).arg(pages);
}

} // namespace

QPageLayout reportPageLayout()
{
    return QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Landscape, QMarginsF(12, 12, 12, 12),
                       QPageLayout::Millimeter);
}

QFont reportFont()
{
    QFont font(QStringLiteral("DejaVu Sans")); // fonts-dejavu-core, installed by setup.sh
    font.setPointSizeF(8);
    return font;
}

ReportPdfLayout layoutReport(const ReportTable& table, QPaintDevice* device, const QRectF& area, const QFont& font)
{
    ReportPdfLayout layout;
    layout.font = font;
    layout.area = area;
    const QFontMetricsF metrics(font, device);
    const QFontMetricsF boldMetrics(boldOf(font), device);
    layout.padding = metrics.height() * 0.25;
    // Both sides' padding, and a little more: text measured exactly its
    // width may wrap for rounding.
    const qreal pad = 2 * layout.padding + metrics.averageCharWidth() * 0.5;
    const qsizetype columns = table.columns.size();

    // Each column's width on one line (its title in bold).
    QList<qreal> natural(columns, 0.0);
    for (qsizetype c = 0; c < columns; ++c) {
        natural[c] = boldMetrics.horizontalAdvance(table.columns.at(c)) + pad;
        for (const QStringList& row : table.rows)
            natural[c] = std::max(natural[c], metrics.horizontalAdvance(row.value(c)) + pad);
    }
    // Short columns (up to a sixth of the page: dates, numbers, names) keep
    // one line; the long ones share what is left in proportion, and wrap.
    const qreal width = area.width();
    const qreal shortLimit = width / 6.0;
    qreal shortTotal = 0;
    qreal longTotal = 0;
    for (const qreal w : natural)
        (w <= shortLimit ? shortTotal : longTotal) += w;
    layout.columnWidths = natural;
    if (shortTotal + longTotal <= width) {
        // Room for all on one line: the spare width to the long columns (or all).
        const qreal spare = width - shortTotal - longTotal;
        const qreal base = longTotal > 0 ? longTotal : shortTotal;
        for (qsizetype c = 0; c < columns; ++c) {
            if (base > 0 && (longTotal == 0 || natural[c] > shortLimit))
                layout.columnWidths[c] += spare * natural[c] / base;
        }
    } else if (shortTotal < width * 0.8 && longTotal > 0) {
        const qreal left = width - shortTotal;
        for (qsizetype c = 0; c < columns; ++c) {
            if (natural[c] > shortLimit)
                layout.columnWidths[c] = left * natural[c] / longTotal;
        }
    } else { // even the short ones do not fit: all shrink and wrap
        const qreal total = shortTotal + longTotal;
        for (qsizetype c = 0; c < columns; ++c)
            layout.columnWidths[c] = width * natural[c] / total;
    }

    const auto rowHeight = [&](const QStringList& cells, const QFont& cellFont) {
        qreal height = 0;
        for (qsizetype c = 0; c < columns; ++c)
            height = std::max(height, wrappedHeight(cells.value(c), cellFont, device, layout.columnWidths[c] - pad));
        return height + pad;
    };
    layout.headerHeight = rowHeight(table.columns, boldOf(font));
    layout.footerHeight = metrics.height() * 2;
    const QString intro = introText(table);
    layout.introHeight = wrappedHeight(table.title, titleOf(font), device, width) + metrics.height()
        + (intro.isEmpty() ? 0 : wrappedHeight(intro, font, device, width) + metrics.height());
    layout.rowHeights.reserve(qsizetype(table.rows.size()));
    for (const QStringList& row : table.rows)
        layout.rowHeights << rowHeight(row, font);

    // Whole rows per page; a row taller than a page has a page of its own.
    ReportPdfLayout::Page page;
    qreal room = area.height() - layout.footerHeight - layout.introHeight - layout.headerHeight;
    for (int row = 0; row < int(layout.rowHeights.size()); ++row) {
        if (layout.rowHeights[row] > room && page.endRow > page.firstRow) {
            layout.pages << page;
            page = {row, row};
            room = area.height() - layout.footerHeight - layout.headerHeight;
        }
        room -= layout.rowHeights[row];
        page.endRow = row + 1;
    }
    layout.pages << page; // the last (or the only, maybe empty) page
    return layout;
}

void paintReportPage(QPainter& painter, const ReportTable& table, const ReportPdfLayout& layout, int pageIndex)
{
    const ReportPdfLayout::Page& page = layout.pages.at(pageIndex);
    const QRectF& area = layout.area;
    const qreal pad = layout.padding;
    qreal y = area.top();
    const QFontMetricsF metrics(layout.font, painter.device());
    if (pageIndex == 0) {
        painter.setFont(titleOf(layout.font));
        QRectF used;
        painter.drawText(QRectF(area.left(), y, area.width(), area.height()), kWrap, table.title, &used);
        y += used.height() + metrics.height();
        const QString intro = introText(table);
        if (!intro.isEmpty()) {
            painter.setFont(layout.font);
            painter.drawText(QRectF(area.left(), y, area.width(), area.height()), kWrap, intro, &used);
            y += used.height() + metrics.height();
        }
    }
    const auto paintRow = [&](const QStringList& cells, qreal height, const QFont& font, bool shaded) {
        painter.setFont(font);
        qreal x = area.left();
        for (qsizetype c = 0; c < layout.columnWidths.size(); ++c) {
            const QRectF cell(x, y, layout.columnWidths[c], height);
            if (shaded)
                painter.fillRect(cell, QColor(235, 235, 235));
            painter.drawRect(cell);
            painter.save();
            painter.setClipRect(cell);
            painter.drawText(cell.adjusted(pad, pad, -pad, -pad), kWrap, cells.value(c));
            painter.restore();
            x += layout.columnWidths[c];
        }
        y += height;
    };
    painter.setPen(QPen(Qt::black, 0));
    paintRow(table.columns, layout.headerHeight, boldOf(layout.font), true);
    for (int row = page.firstRow; row < page.endRow; ++row)
        paintRow(table.rows[size_t(row)], layout.rowHeights[row], layout.font, false);
    painter.setFont(layout.font);
    painter.drawText(QRectF(area.left(), area.bottom() - metrics.height(), area.width(), metrics.height()),
                     Qt::AlignRight | Qt::AlignVCenter, pageNumber(pageIndex, int(layout.pages.size())));
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
        writer.setPageLayout(reportPageLayout());
        const QRectF area(QPointF(0, 0), QSizeF(writer.width(), writer.height()));
        const ReportPdfLayout layout = layoutReport(table, &writer, area, reportFont());
        QPainter painter;
        if (!painter.begin(&writer)) {
            output.cancelWriting();
            *error = QCoreApplication::translate("fg::ReportPdf", "Could not write %1: %2")
                         .arg(file, QCoreApplication::translate("fg::ReportPdf", "the PDF could not be started"));
            return false;
        }
        for (int page = 0; page < int(layout.pages.size()); ++page) {
            if (page > 0)
                writer.newPage();
            paintReportPage(painter, table, layout, page);
        }
        painter.end();
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
