#pragma once

#include "core/workflow/Report.h"

#include <QString>

namespace fg {

// A report as a PDF for the file: landscape A4, the title, the selection,
// the summary lines and the table (QTextDocument printed by a QPdfWriter).
// The file is replaced whole or not at all (QSaveFile); false with *error
// naming the file and what went wrong. Not tied to the reports: any table
// of text with a title (the alternate procedures' log could print through it).
bool writeReportPdf(const ReportTable& table, const QString& path, QString* error);

// The HTML that writeReportPdf prints (every text escaped).
QString reportHtml(const ReportTable& table);

} // namespace fg
