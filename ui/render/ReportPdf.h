#pragma once

#include "core/workflow/Report.h"

#include <QFont>
#include <QList>
#include <QPageLayout>
#include <QRectF>
#include <QString>

class QPaintDevice;
class QPainter;

namespace fg {

// A report as a PDF for the file: landscape A4, the title, the selection,
// the summary lines and the table, whose header is repeated on each page and
// whose rows are never split across pages; short columns (dates, numbers,
// names) keep their text on one line, long ones share the rest of the width
// and wrap. Pages are numbered "page N of M". The file is replaced whole or
// not at all (QSaveFile); false with *error naming the file and what went
// wrong. Not tied to the reports: any table of text with a title (the
// alternate procedures' log prints through it too).
bool writeReportPdf(const ReportTable& table, const QString& path, QString* error);

// Where everything of a report goes on its pages (device units), apart from
// the painting so that it can be checked: writeReportPdf paints this.
struct ReportPdfLayout {
    struct Page {
        int firstRow = 0; // rows [firstRow, endRow) of the table
        int endRow = 0;
    };
    QFont font;
    QRectF area;               // the printable area of a page
    qreal padding = 0;         // inside each cell, each side
    qreal introHeight = 0;     // title, selection and summary, on the first page
    qreal headerHeight = 0;    // the column titles, on every page
    qreal footerHeight = 0;    // the page number
    QList<qreal> columnWidths; // sum: area.width()
    QList<qreal> rowHeights;
    QList<Page> pages;
};

// The page (A4 landscape, 12 mm margins) and the font (DejaVu Sans 8 pt) of a report PDF.
QPageLayout reportPageLayout();
QFont reportFont();

// Lays the table out on pages of `area` on `device` (its resolution sets the
// measures) in `font`.
ReportPdfLayout layoutReport(const ReportTable& table, QPaintDevice* device, const QRectF& area, const QFont& font);
// Paints one page of the layout.
void paintReportPage(QPainter& painter, const ReportTable& table, const ReportPdfLayout& layout, int page);

} // namespace fg
