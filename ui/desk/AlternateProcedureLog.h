#pragma once

#include "core/workflow/AlternateProcedure.h"
#include "core/workflow/AlternateProcedureQuery.h"
#include "core/workflow/Report.h"

#include <QDialog>

#include <functional>
#include <optional>
#include <vector>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QEvent;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QTimer;

namespace fg {

class AlternateProcedureStore;
class InlineMessage;
class AlternateProcedureTableModel;
class Clock;

// The alternate procedures' log for supervisors and officers (issue 4): the
// procedures filtered by date range (whole local calendar days), officer,
// flight, outcome and a document number or name; sorted by a click on a
// header (date, officer, flight, outcome, document), by the store's query;
// shown a page at a time; and exported, every row the filters match, to CSV
// (AlternateProcedureCsv) or to a PDF table. What went wrong (the database,
// a file that cannot be written) is said in words in the dialog.
// Object names for GUI tests: "fromEnabled", "fromDate", "toEnabled",
// "toDate", "officerFilter", "flightFilter", "outcomeFilter", "textFilter",
// "searchButton", "procedureTable", "countLabel", "pageLabel",
// "previousPage", "nextPage", "exportCsvButton", "exportPdfButton",
// "logMessage".
class AlternateProcedureLog : public QDialog {
    Q_OBJECT
public:
    static constexpr int kDefaultPageSize = 200;

    // Asked for the file to export to: {caption, suggested file name, filter};
    // an empty answer cancels. By default a QFileDialog.
    using FilePicker = std::function<QString(const QString& caption, const QString& suggested, const QString& filter)>;

    // The clock gives "today" for the date filters and the time of a PDF export.
    AlternateProcedureLog(const AlternateProcedureStore& store, const Clock& clock, QWidget* parent = nullptr);

    AlternateProcedureTableModel* model() const { return m_model; }

    // The filters and order as the widgets set them, for the page shown.
    AlternateProcedureQuery query() const;
    // The filters in words ("from 2026-11-01 · officer olga"), for the PDF title.
    QString filterDescription() const;

    // Runs the query again from the first page.
    void search();
    void showPage(int page); // 0-based; clamped
    void nextPage() { showPage(m_page + 1); }
    void previousPage() { showPage(m_page - 1); }
    // Sorts by a table column, by the store; false (nothing changes) when the column cannot be sorted.
    bool sortByColumn(int column, Qt::SortOrder order);

    void setPageSize(int rows); // 1..10000; runs the query again
    int pageSize() const { return m_pageSize; }
    int page() const { return m_page; }
    int pageCount() const;
    qint64 matchCount() const { return m_count; }
    // The message shown under the table ("" when none).
    QString message() const;

    // Every row the filters match, in the table's order, across all pages.
    std::optional<std::vector<AlternateProcedure>> allMatchingRows(QString* error) const;
    // Write every matching row to path; false with *error (naming the file)
    // when the database cannot be read or the file cannot be written. The
    // file is replaced whole or not at all. *rows: how many were written.
    bool exportCsv(const QString& path, QString* error, qint64* rows = nullptr) const;
    bool exportPdf(const QString& path, QString* error, qint64* rows = nullptr) const;

    void setFilePicker(FilePicker picker) { m_pickFile = std::move(picker); }
    // Records an export written ("csv" or "pdf", the file, the rows, the
    // filters in words) in the audit log; when it cannot, the file is removed
    // and the export fails in words: no personal data leaves unaudited.
    // Without a recorder the buttons export nothing (AuditedExport).
    using ExportRecorder = std::function<bool(const QString& format, const QString& path, qint64 rows,
                                              const QString& filters, QString* error)>;
    void setExportRecorder(ExportRecorder recorder) { m_recordExport = std::move(recorder); }
    // Ask for a file and export; the outcome is shown in the dialog.
    void chooseAndExportCsv();
    void chooseAndExportPdf();

protected:
    void changeEvent(QEvent* event) override;

private:
    // Every word of the dialog in the interface language: labels, the
    // table's headers and cells, the count and the last message (called
    // again on QEvent::LanguageChange).
    void retranslate();
    void showCount();
    using Exporter = bool (AlternateProcedureLog::*)(const QString& path, QString* error, qint64* rows) const;
    void chooseAndExport(const QString& title, const QString& extension, const QString& filter, Exporter exporter);
    void filtersChanged();
    void headerSortChanged(int column, Qt::SortOrder order);
    void reload();
    // The message is kept as the way to write it, for a language change.
    void showMessage(std::function<QString()> text, bool problem);
    void showSortIndicator();
    QString suggestedFileName(const QString& extension) const;
    // The rows as the PDF prints them (ui/ReportPdf): title, filters, when exported.
    ReportTable reportTable(const std::vector<AlternateProcedure>& rows) const;

    const AlternateProcedureStore& m_store;
    const Clock& m_clock;
    AlternateProcedureTableModel* m_model = nullptr;
    FilePicker m_pickFile;
    ExportRecorder m_recordExport;
    AlternateProcedureQuery::SortColumn m_sortBy = AlternateProcedureQuery::SortColumn::Date;
    Qt::SortOrder m_order = Qt::DescendingOrder;
    int m_pageSize = kDefaultPageSize;
    int m_page = 0;
    qint64 m_count = 0;
    bool m_readFailed = false; // the last query failed: "No procedures"

    QCheckBox* m_fromEnabled = nullptr;
    QDateEdit* m_fromDate = nullptr;
    QCheckBox* m_toEnabled = nullptr;
    QDateEdit* m_toDate = nullptr;
    QLineEdit* m_officer = nullptr;
    QLineEdit* m_flight = nullptr;
    QComboBox* m_outcome = nullptr;
    QLineEdit* m_text = nullptr;
    QTableView* m_table = nullptr;
    QLabel* m_countLabel = nullptr;
    QLabel* m_pageLabel = nullptr;
    QPushButton* m_previous = nullptr;
    QPushButton* m_next = nullptr;
    InlineMessage* m_message = nullptr;
    QTimer* m_typingPause = nullptr;
    QPushButton* m_search = nullptr;
    QLabel* m_officerLabel = nullptr;
    QLabel* m_flightLabel = nullptr;
    QLabel* m_outcomeLabel = nullptr;
    QLabel* m_textLabel = nullptr;
    QPushButton* m_exportCsv = nullptr;
    QPushButton* m_exportPdf = nullptr;
};

} // namespace fg
