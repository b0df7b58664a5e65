#pragma once

#include "core/security/UserAccount.h"
#include "core/workflow/Report.h"

#include <QWidget>

#include <functional>
#include <optional>

class QComboBox;
class QDateEdit;
class QEvent;
class QLabel;
class QPushButton;
class QTableWidget;

namespace fg {

class Clock;
class InlineMessage;

// The supervisor's window's reports (issue 5): a report chosen (the no-match
// queue and its resolutions, alternate procedures, deletions, key accesses,
// partner submissions without a purge attestation) over a period of whole
// local days (the last 14 by default), previewed with its summary, and
// exported to CSV or PDF. Only a signed-in supervisor, auditor or
// administrator sees anything; anyone else is told why. Every export is
// recorded in the audit log through the export recorder: an export that
// cannot be recorded (or with no recorder set) leaves no file. Problems are
// said in words under the table, never in a message box.
// Object names for GUI tests: "reportKind", "reportFrom", "reportUntil",
// "refreshButton", "reportContent", "reportTitle", "reportSelection",
// "reportSummary", "reportTable", "reportRowCount", "exportCsvButton",
// "exportPdfButton", "reportMessage".
class ReportsPanel : public QWidget {
    Q_OBJECT
public:
    // The preview shows at most this many rows; the exports hold them all.
    static constexpr int kPreviewRows = 1000;

    // Asked for the file to export to: {title, suggested file name, filter};
    // an empty answer cancels. By default a QFileDialog.
    using FilePicker = std::function<QString(const QString& title, const QString& suggested, const QString& filter)>;
    // Records an export in the audit log: the report (ReportBuilder::fileStem),
    // "csv" or "pdf", the file, the rows written; false with *error when it cannot.
    using ExportRecorder = std::function<bool(const QString& kind, const QString& format, const QString& path,
                                              qint64 rows, QString* error)>;

    // The clock gives "today" for the period and the time a PDF was exported.
    ReportsPanel(const ReportBuilder& builder, const Clock& clock, QWidget* parent = nullptr);

    // The signed-in user (nullopt: nobody); the report is built again for them.
    void setUser(const std::optional<UserAccount>& user);
    void setExportRecorder(ExportRecorder recorder) { m_recordExport = std::move(recorder); }
    void setFilePicker(FilePicker picker) { m_pickFile = std::move(picker); }

    // The report and period as the widgets set them: [first day's local
    // midnight, the day after the last day's local midnight), in UTC.
    ReportQuery query() const;
    void setKind(ReportQuery::Kind kind);
    // The report shown; nullopt when there is none (no user allowed, an error).
    const std::optional<ReportTable>& report() const { return m_report; }
    // The message under the table ("" when none).
    QString message() const;

    // Builds the chosen report again and shows it.
    void refresh();
    // Builds the report again (so the file holds the records as they are
    // now, and the preview shows the same) and writes it to path, replaced
    // whole or not at all; false with *error naming the file. Not recorded:
    // chooseAndExportCsv/Pdf record the export.
    bool exportCsv(const QString& path, QString* error, qint64* rows = nullptr);
    bool exportPdf(const QString& path, QString* error, qint64* rows = nullptr);
    // Ask for a file, export and record the export; the outcome is shown in the panel.
    void chooseAndExportCsv();
    void chooseAndExportPdf();

protected:
    void changeEvent(QEvent* event) override;

private:
    bool userMayRead() const;
    // Every word of the panel in the interface language; the report is
    // built again so its titles and summary follow (QEvent::LanguageChange).
    void retranslate();
    std::optional<ReportTable> rebuild(QString* error);
    void showReport(const std::optional<ReportTable>& table);
    void showMessage(std::function<QString()> text, bool problem);
    void clearMessage();
    QString suggestedFileName(const QString& extension) const;
    using Exporter = bool (ReportsPanel::*)(const QString& path, QString* error, qint64* rows);
    void chooseAndExport(const QString& title, const QString& format, const QString& filter, Exporter exporter);

    const ReportBuilder& m_builder;
    const Clock& m_clock;
    std::optional<UserAccount> m_user;
    std::optional<ReportTable> m_report;
    FilePicker m_pickFile;
    ExportRecorder m_recordExport;

    QLabel* m_kindLabel = nullptr;
    QComboBox* m_kind = nullptr;
    QLabel* m_fromLabel = nullptr;
    QDateEdit* m_from = nullptr;
    QLabel* m_untilLabel = nullptr;
    QDateEdit* m_until = nullptr;
    QPushButton* m_refresh = nullptr;
    QWidget* m_content = nullptr;
    QLabel* m_title = nullptr;
    QLabel* m_selection = nullptr;
    QLabel* m_summary = nullptr;
    QTableWidget* m_table = nullptr;
    QLabel* m_rowCount = nullptr;
    QPushButton* m_exportCsv = nullptr;
    QPushButton* m_exportPdf = nullptr;
    InlineMessage* m_message = nullptr;
};

} // namespace fg
