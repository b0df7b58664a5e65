// The report PDF's layout (issue 16, point 8: the queue report wrapped dates
// over three lines and split rows across pages): on A4 landscape at the PDF's
// resolution, every row on exactly one page, in order, each page's content
// within the page, the date columns on one line, the long text wrapped.
#include "ui/render/ReportPdf.h"

#include <QBuffer>
#include <QDir>
#include <QImage>
#include <QPainter>
#include <QFontMetricsF>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <numeric>

using namespace fg;

namespace {

// A no-match queue report as ReportBuilder makes one: ISO dates, short
// fields, and notes from a few words to a paragraph.
ReportTable queueReport(int rows)
{
    ReportTable table;
    table.title = QStringLiteral("No-match queue and resolutions");
    table.selection = QStringLiteral("2026-11-01 to 2026-12-04, all workstations");
    table.summary = {QStringLiteral("%1 items").arg(rows), QStringLiteral("resolved: 12")};
    table.columns = {QStringLiteral("Created (UTC)"), QStringLiteral("Encounter"), QStringLiteral("Reason"),
                     QStringLiteral("Flight"), QStringLiteral("Notes"), QStringLiteral("Resolved (UTC)")};
    const QString words = QStringLiteral("the traveler was verified by hand against the passport's data page and the "
                                         "boarding pass; the supervisor agreed with the officer's reading ");
    for (int i = 0; i < rows; ++i) {
        table.rows.push_back({QStringLiteral("2026-11-%1T10:%2:07Z").arg(1 + i % 28, 2, 10, QLatin1Char('0')).arg(i % 60, 2, 10, QLatin1Char('0')),
                              QString::number(100000 + i), QStringLiteral("no-match"), QStringLiteral("UA90%1").arg(i % 10),
                              words.repeated(1 + i % 4).left(20 + (i * 37) % 480),
                              QStringLiteral("2026-12-0%1T18:00:00Z").arg(1 + i % 4)});
    }
    return table;
}

} // namespace

class TestReportPdf : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void rowsAreWholeAndDatesOnOneLine()
    {
        const ReportTable table = queueReport(160);
        QBuffer sink;
        QVERIFY(sink.open(QIODevice::WriteOnly));
        QPdfWriter writer(&sink);
        writer.setResolution(300);
        writer.setPageLayout(reportPageLayout());
        const QFont font = reportFont();
        const QRectF area(QPointF(0, 0), QSizeF(writer.width(), writer.height()));
        const ReportPdfLayout layout = layoutReport(table, &writer, area, font);

        QVERIFY2(layout.pages.size() > 2, qPrintable(QString::number(layout.pages.size())));
        // Every row once, in order, each page within the page.
        int next = 0;
        for (int p = 0; p < int(layout.pages.size()); ++p) {
            const ReportPdfLayout::Page& page = layout.pages[p];
            QCOMPARE(page.firstRow, next);
            QVERIFY(page.endRow > page.firstRow);
            next = page.endRow;
            qreal used = layout.headerHeight + layout.footerHeight + (p == 0 ? layout.introHeight : 0);
            for (int row = page.firstRow; row < page.endRow; ++row)
                used += layout.rowHeights[row];
            QVERIFY2(used <= area.height() + 0.5,
                     qPrintable(QStringLiteral("page %1: %2 of %3").arg(p + 1).arg(used).arg(area.height())));
        }
        QCOMPARE(next, int(table.rows.size()));
        // The columns fill the width; dates fit on one line; the notes wrap.
        const qreal total = std::accumulate(layout.columnWidths.cbegin(), layout.columnWidths.cend(), 0.0);
        QVERIFY(qAbs(total - area.width()) < 1.0);
        const QFontMetricsF metrics(font, &writer);
        for (const int dateColumn : {0, 5}) {
            for (const QStringList& row : table.rows)
                QVERIFY(metrics.horizontalAdvance(row[dateColumn]) + 2 * layout.padding <= layout.columnWidths[dateColumn] + 0.01);
        }
        const qreal oneLine = metrics.height() + 2 * layout.padding;
        QVERIFY(*std::max_element(layout.rowHeights.cbegin(), layout.rowHeights.cend()) > 2 * oneLine);

        // FACEGATE_SCREENSHOTS=DIR: the first two pages as images (A4 at 120 dpi), to look at.
        if (const QString shots = qEnvironmentVariable("FACEGATE_SCREENSHOTS"); !shots.isEmpty()) {
            QImage page(1403, 992, QImage::Format_RGB32);
            page.setDotsPerMeterX(4724);
            page.setDotsPerMeterY(4724);
            const QRectF margins(57, 57, page.width() - 114, page.height() - 114);
            const ReportPdfLayout shown = layoutReport(table, &page, margins, font);
            for (int p = 0; p < 2; ++p) {
                page.fill(Qt::white);
                QPainter painter(&page);
                paintReportPage(painter, table, shown, p);
                painter.end();
                page.save(QDir(shots).filePath(QStringLiteral("report-pdf-page%1.png").arg(p + 1)));
            }
        }
    }

    void theFileHasThoseManyPages()
    {
        const ReportTable table = queueReport(160);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("queue.pdf"));
        QString error;
        QVERIFY2(writeReportPdf(table, path, &error), qPrintable(error));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray pdf = file.readAll();
        QVERIFY(pdf.startsWith("%PDF"));
        const QRegularExpressionMatch count = QRegularExpression(QStringLiteral("/Count (\\d+)")).match(QString::fromLatin1(pdf));
        QVERIFY(count.hasMatch());
        QVERIFY2(count.captured(1).toInt() > 2, qPrintable(count.captured(1)));
    }

    void anEmptyTableIsOnePage()
    {
        ReportTable table = queueReport(0);
        QBuffer sink;
        QVERIFY(sink.open(QIODevice::WriteOnly));
        QPdfWriter writer(&sink);
        writer.setResolution(300);
        const ReportPdfLayout layout =
            layoutReport(table, &writer, QRectF(0, 0, writer.width(), writer.height()), reportFont());
        QCOMPARE(layout.pages.size(), qsizetype(1));
        QCOMPARE(layout.pages.front().endRow, 0);
    }
};

QTEST_MAIN(TestReportPdf)
#include "tst_reportpdf.moc"
