#include "ui/desk/AlternateProcedureLog.h"

#include "core/storage/Clock.h"
#include "core/workflow/AlternateProcedureCsv.h"
#include "core/workflow/AlternateProcedureStore.h"
#include "ui/desk/AlternateProcedureTableModel.h"
#include "ui/render/ReportPdf.h"
#include "ui/widgets/AuditedExport.h"
#include "ui/widgets/InlineMessage.h"
#include "ui/widgets/RecentFolders.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QDir>
#include <QEvent>
#include <QFile>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QSignalBlocker>
#include <QStandardPaths>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace fg {
namespace {

// The most rows one search may ask for (AlternateProcedureQuery::limit).
constexpr int kBatch = 10000;
constexpr int kTypingPauseMs = 400;
constexpr int kAnyOutcome = -1;

QString nativePath(const QString& path)
{
    return QDir::toNativeSeparators(path);
}

QString dateText(QDate date)
{
    return date.toString(Qt::ISODate);
}

} // namespace

AlternateProcedureLog::AlternateProcedureLog(const AlternateProcedureStore& store, const Clock& clock, QWidget* parent)
    : QDialog(parent)
    , m_store(store)
    , m_clock(clock)
    , m_model(new AlternateProcedureTableModel(this))
    , m_fromEnabled(new QCheckBox(this))
    , m_fromDate(new QDateEdit(this))
    , m_toEnabled(new QCheckBox(this))
    , m_toDate(new QDateEdit(this))
    , m_officer(new QLineEdit(this))
    , m_flight(new QLineEdit(this))
    , m_outcome(new QComboBox(this))
    , m_text(new QLineEdit(this))
    , m_table(new QTableView(this))
    , m_countLabel(new QLabel(this))
    , m_pageLabel(new QLabel(this))
    , m_previous(new QPushButton(this))
    , m_next(new QPushButton(this))
    , m_message(new InlineMessage(this))
    , m_typingPause(new QTimer(this))
    , m_search(new QPushButton(this))
    , m_officerLabel(new QLabel(this))
    , m_flightLabel(new QLabel(this))
    , m_outcomeLabel(new QLabel(this))
    , m_textLabel(new QLabel(this))
    , m_exportCsv(new QPushButton(this))
    , m_exportPdf(new QPushButton(this))
{
    m_fromEnabled->setObjectName(QStringLiteral("fromEnabled"));
    m_fromDate->setObjectName(QStringLiteral("fromDate"));
    m_toEnabled->setObjectName(QStringLiteral("toEnabled"));
    m_toDate->setObjectName(QStringLiteral("toDate"));
    m_officer->setObjectName(QStringLiteral("officerFilter"));
    m_flight->setObjectName(QStringLiteral("flightFilter"));
    m_outcome->setObjectName(QStringLiteral("outcomeFilter"));
    m_text->setObjectName(QStringLiteral("textFilter"));
    m_table->setObjectName(QStringLiteral("procedureTable"));
    m_countLabel->setObjectName(QStringLiteral("countLabel"));
    m_pageLabel->setObjectName(QStringLiteral("pageLabel"));
    m_previous->setObjectName(QStringLiteral("previousPage"));
    m_next->setObjectName(QStringLiteral("nextPage"));
    m_message->setObjectName(QStringLiteral("logMessage"));

    m_pickFile = [this](const QString& caption, const QString& suggested, const QString& filter) {
        return RecentFolders::saveFile(this, QStringLiteral("export"), caption, suggested, filter);
    };

    // Whole calendar days in local time; unticked: no bound.
    const QDate today = m_clock.now().toLocalTime().date();
    for (QDateEdit* edit : {m_fromDate, m_toDate}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        edit->setEnabled(false);
    }
    m_fromDate->setDate(today.addDays(-30));
    m_toDate->setDate(today);
    // The items' words are set by retranslate(); the data say what each means.
    m_outcome->addItem(QString(), kAnyOutcome);
    for (AlternateProcedure::Outcome outcome : {AlternateProcedure::Outcome::Verified,
                                                AlternateProcedure::Outcome::NotVerified,
                                                AlternateProcedure::Outcome::ReferredToSecondary})
        m_outcome->addItem(QString(), int(outcome));
    for (QLineEdit* edit : {m_officer, m_flight, m_text})
        edit->setClearButtonEnabled(true);

    QPushButton* searchButton = m_search;
    searchButton->setObjectName(QStringLiteral("searchButton"));
    searchButton->setDefault(true); // Return in a filter searches at once

    auto* filters = new QGridLayout;
    QLabel* officerLabel = m_officerLabel;
    QLabel* flightLabel = m_flightLabel;
    QLabel* outcomeLabel = m_outcomeLabel;
    QLabel* textLabel = m_textLabel;
    officerLabel->setBuddy(m_officer);
    flightLabel->setBuddy(m_flight);
    outcomeLabel->setBuddy(m_outcome);
    textLabel->setBuddy(m_text);
    filters->addWidget(m_fromEnabled, 0, 0);
    filters->addWidget(m_fromDate, 0, 1);
    filters->addWidget(m_toEnabled, 0, 2);
    filters->addWidget(m_toDate, 0, 3);
    filters->addWidget(outcomeLabel, 0, 4);
    filters->addWidget(m_outcome, 0, 5);
    filters->addWidget(officerLabel, 1, 0);
    filters->addWidget(m_officer, 1, 1);
    filters->addWidget(flightLabel, 1, 2);
    filters->addWidget(m_flight, 1, 3);
    filters->addWidget(textLabel, 1, 4);
    filters->addWidget(m_text, 1, 5);
    filters->addWidget(searchButton, 1, 6);
    filters->setColumnStretch(5, 1);

    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    QHeaderView* header = m_table->horizontalHeader();
    header->setSectionsClickable(true);
    header->setSortIndicatorShown(true);
    header->setStretchLastSection(true);
    header->setSectionResizeMode(QHeaderView::Interactive);
    showSortIndicator();


    QPushButton* exportCsvButton = m_exportCsv;
    exportCsvButton->setObjectName(QStringLiteral("exportCsvButton"));
    QPushButton* exportPdfButton = m_exportPdf;
    exportPdfButton->setObjectName(QStringLiteral("exportPdfButton"));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    for (QPushButton* button : {m_previous, m_next, exportCsvButton, exportPdfButton, buttons->button(QDialogButtonBox::Close)})
        button->setAutoDefault(false);

    auto* footer = new QHBoxLayout;
    footer->addWidget(m_countLabel);
    footer->addStretch(1);
    footer->addWidget(m_previous);
    footer->addWidget(m_pageLabel);
    footer->addWidget(m_next);
    footer->addSpacing(24);
    footer->addWidget(exportCsvButton);
    footer->addWidget(exportPdfButton);
    footer->addWidget(buttons);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_message);
    layout->addLayout(footer);
    resize(1100, 620);

    m_typingPause->setSingleShot(true);
    m_typingPause->setInterval(kTypingPauseMs);
    connect(m_typingPause, &QTimer::timeout, this, &AlternateProcedureLog::search);
    for (QLineEdit* edit : {m_officer, m_flight, m_text})
        connect(edit, &QLineEdit::textChanged, this, &AlternateProcedureLog::filtersChanged);
    connect(m_fromEnabled, &QCheckBox::toggled, m_fromDate, &QWidget::setEnabled);
    connect(m_toEnabled, &QCheckBox::toggled, m_toDate, &QWidget::setEnabled);
    for (QCheckBox* box : {m_fromEnabled, m_toEnabled})
        connect(box, &QCheckBox::toggled, this, &AlternateProcedureLog::search);
    for (QDateEdit* edit : {m_fromDate, m_toDate})
        connect(edit, &QDateEdit::dateChanged, this, &AlternateProcedureLog::search);
    connect(m_outcome, &QComboBox::currentIndexChanged, this, &AlternateProcedureLog::search);
    connect(searchButton, &QPushButton::clicked, this, &AlternateProcedureLog::search);
    connect(header, &QHeaderView::sortIndicatorChanged, this, &AlternateProcedureLog::headerSortChanged);
    connect(m_previous, &QPushButton::clicked, this, &AlternateProcedureLog::previousPage);
    connect(m_next, &QPushButton::clicked, this, &AlternateProcedureLog::nextPage);
    connect(exportCsvButton, &QPushButton::clicked, this, &AlternateProcedureLog::chooseAndExportCsv);
    connect(exportPdfButton, &QPushButton::clicked, this, &AlternateProcedureLog::chooseAndExportPdf);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    reload();
    retranslate();
}

void AlternateProcedureLog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

void AlternateProcedureLog::retranslate()
{
    setWindowTitle(tr("Alternate procedures log"));
    m_fromEnabled->setText(tr("&From"));
    m_toEnabled->setText(tr("&To"));
    m_officer->setPlaceholderText(tr("user name"));
    m_flight->setPlaceholderText(tr("e.g. LH 400"));
    m_text->setPlaceholderText(tr("document number or name"));
    for (int i = 0; i < m_outcome->count(); ++i) {
        const int outcome = m_outcome->itemData(i).toInt();
        m_outcome->setItemText(i, outcome == kAnyOutcome
                                      ? tr("any")
                                      : AlternateProcedureTableModel::outcomeWords(AlternateProcedure::Outcome(outcome)));
    }
    m_search->setText(tr("&Search"));
    m_officerLabel->setText(tr("&Officer"));
    m_flightLabel->setText(tr("F&light"));
    m_outcomeLabel->setText(tr("O&utcome"));
    m_textLabel->setText(tr("Doc&ument or name"));
    m_previous->setText(tr("&Previous"));
    m_next->setText(tr("&Next"));
    m_exportCsv->setText(tr("Export &CSV…"));
    m_exportPdf->setText(tr("Export P&DF…"));
    m_model->retranslate();
    showCount();
}

void AlternateProcedureLog::showCount()
{
    m_countLabel->setText(m_readFailed   ? tr("No procedures")
                          : m_count == 1 ? tr("1 procedure")
                                         : tr("%1 procedures").arg(m_count));
    m_pageLabel->setText(tr("Page %1 of %2").arg(m_page + 1).arg(pageCount()));
}

AlternateProcedureQuery AlternateProcedureLog::query() const
{
    AlternateProcedureQuery query;
    // [first day's local midnight, the day after the last day's local midnight)
    // in UTC; startOfDay() steps over a midnight lost to daylight saving.
    if (m_fromEnabled->isChecked())
        query.from = m_fromDate->date().startOfDay(Qt::LocalTime).toUTC();
    if (m_toEnabled->isChecked())
        query.until = m_toDate->date().addDays(1).startOfDay(Qt::LocalTime).toUTC();
    query.officer = m_officer->text().trimmed();
    query.flight = m_flight->text().trimmed();
    const int outcome = m_outcome->currentData().toInt();
    if (outcome != kAnyOutcome)
        query.outcome = AlternateProcedure::Outcome(outcome);
    query.text = m_text->text().trimmed();
    query.sortBy = m_sortBy;
    query.order = m_order;
    query.limit = m_pageSize;
    query.offset = m_page * m_pageSize;
    return query;
}

QString AlternateProcedureLog::filterDescription() const
{
    QStringList parts;
    if (m_fromEnabled->isChecked())
        parts << tr("from %1").arg(dateText(m_fromDate->date()));
    if (m_toEnabled->isChecked())
        parts << tr("to %1").arg(dateText(m_toDate->date()));
    if (const QString officer = m_officer->text().trimmed(); !officer.isEmpty())
        parts << tr("officer %1").arg(officer);
    if (const QString flight = m_flight->text().trimmed(); !flight.isEmpty())
        parts << tr("flight %1").arg(AlternateProcedure::normalizedFlight(flight));
    if (m_outcome->currentData().toInt() != kAnyOutcome)
        parts << tr("outcome %1").arg(m_outcome->currentText());
    if (const QString text = m_text->text().trimmed(); !text.isEmpty())
        parts << tr("document or name containing “%1”").arg(text);
    if (parts.isEmpty())
        parts << tr("all procedures");
    const QString order = m_order == Qt::AscendingOrder ? tr("ascending") : tr("descending");
    parts << tr("sorted by %1, %2")
                 .arg(AlternateProcedureTableModel::columnTitle(AlternateProcedureTableModel::columnOf(m_sortBy)).toLower(),
                      order);
    return parts.join(QStringLiteral(" · "));
}

void AlternateProcedureLog::search()
{
    m_typingPause->stop();
    m_page = 0;
    reload();
}

void AlternateProcedureLog::showPage(int page)
{
    m_page = qBound(0, page, pageCount() - 1);
    reload();
}

bool AlternateProcedureLog::sortByColumn(int column, Qt::SortOrder order)
{
    const std::optional<AlternateProcedureQuery::SortColumn> sortColumn = AlternateProcedureTableModel::sortColumn(column);
    if (!sortColumn) {
        showSortIndicator();
        return false;
    }
    m_sortBy = *sortColumn;
    m_order = order;
    showSortIndicator();
    search();
    return true;
}

void AlternateProcedureLog::setPageSize(int rows)
{
    m_pageSize = qBound(1, rows, kBatch);
    search();
}

int AlternateProcedureLog::pageCount() const
{
    return int(qMax<qint64>(1, (m_count + m_pageSize - 1) / m_pageSize));
}

QString AlternateProcedureLog::message() const
{
    return m_message->said();
}

void AlternateProcedureLog::filtersChanged()
{
    m_typingPause->start();
}

void AlternateProcedureLog::headerSortChanged(int column, Qt::SortOrder order)
{
    sortByColumn(column, order); // a column that cannot be sorted puts the indicator back
}

void AlternateProcedureLog::showSortIndicator()
{
    const QSignalBlocker blocker(m_table->horizontalHeader());
    m_table->horizontalHeader()->setSortIndicator(AlternateProcedureTableModel::columnOf(m_sortBy), m_order);
}

void AlternateProcedureLog::reload()
{
    auto fail = [this](std::function<QString()> text) {
        m_count = 0;
        m_page = 0;
        m_readFailed = true;
        m_model->clear();
        showCount();
        m_previous->setEnabled(false);
        m_next->setEnabled(false);
        showMessage(std::move(text), true);
    };
    AlternateProcedureQuery wanted = query();
    if (wanted.from.isValid() && wanted.until.isValid() && wanted.until <= wanted.from) {
        fail([] { return tr("The “to” date is before the “from” date: no procedure can match."); });
        return;
    }
    QString error;
    const std::optional<qint64> count = m_store.count(wanted, &error);
    if (!count) {
        fail([error] { return tr("The log could not be read: %1").arg(error); });
        return;
    }
    m_count = *count;
    m_page = qBound(0, m_page, pageCount() - 1);
    wanted.offset = m_page * m_pageSize;
    std::optional<std::vector<AlternateProcedure>> rows = m_store.search(wanted, &error);
    if (!rows) {
        fail([error] { return tr("The log could not be read: %1").arg(error); });
        return;
    }
    m_model->setRows(std::move(*rows));
    showSortIndicator();
    m_readFailed = false;
    showCount();
    m_previous->setEnabled(m_page > 0);
    m_next->setEnabled(m_page + 1 < pageCount());
    m_message->dismiss();
}

void AlternateProcedureLog::showMessage(std::function<QString()> text, bool problem)
{
    m_message->say(std::move(text), problem ? InlineMessage::Kind::Problem : InlineMessage::Kind::Information);
}

std::optional<std::vector<AlternateProcedure>> AlternateProcedureLog::allMatchingRows(QString* error) const
{
    AlternateProcedureQuery batch = query();
    batch.limit = kBatch;
    batch.offset = 0;
    std::vector<AlternateProcedure> rows;
    for (;;) {
        std::optional<std::vector<AlternateProcedure>> page = m_store.search(batch, error);
        if (!page)
            return std::nullopt;
        const std::size_t size = page->size();
        rows.insert(rows.end(), std::make_move_iterator(page->begin()), std::make_move_iterator(page->end()));
        if (size < std::size_t(kBatch))
            return rows;
        batch.offset += kBatch;
    }
}

bool AlternateProcedureLog::exportCsv(const QString& path, QString* error, qint64* rows) const
{
    QString why;
    const std::optional<std::vector<AlternateProcedure>> all = allMatchingRows(&why);
    if (!all) {
        *error = tr("Not exported to %1: the log could not be read: %2").arg(nativePath(path), why);
        return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = tr("Could not write %1: %2").arg(nativePath(path), file.errorString());
        return false;
    }
    if (!AlternateProcedureCsv::write(*all, file, &why)) {
        file.cancelWriting();
        *error = tr("Could not write %1: %2").arg(nativePath(path), why);
        return false;
    }
    if (!file.commit()) {
        *error = tr("Could not write %1: %2").arg(nativePath(path), file.errorString());
        return false;
    }
    if (rows)
        *rows = qint64(all->size());
    return true;
}

bool AlternateProcedureLog::exportPdf(const QString& path, QString* error, qint64* rows) const
{
    QString why;
    const std::optional<std::vector<AlternateProcedure>> all = allMatchingRows(&why);
    if (!all) {
        *error = tr("Not exported to %1: the log could not be read: %2").arg(nativePath(path), why);
        return false;
    }
    if (!writeReportPdf(reportTable(*all), path, error))
        return false;
    if (rows)
        *rows = qint64(all->size());
    return true;
}

ReportTable AlternateProcedureLog::reportTable(const std::vector<AlternateProcedure>& rows) const
{
    const QString exportedAt = m_clock.now().toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    const QString count = rows.size() == 1 ? tr("1 procedure") : tr("%1 procedures").arg(rows.size());
    ReportTable table;
    table.title = tr("Alternate procedures log");
    table.selection = filterDescription();
    table.summary << tr("Exported %1 (local time) · %2").arg(exportedAt, count);
    for (int column = 0; column < AlternateProcedureTableModel::ColumnCount; ++column)
        table.columns << AlternateProcedureTableModel::columnTitle(column);
    for (const AlternateProcedure& procedure : rows) {
        QStringList cells;
        for (int column = 0; column < AlternateProcedureTableModel::ColumnCount; ++column)
            cells << AlternateProcedureTableModel::cellText(procedure, column);
        table.rows.push_back(cells);
    }
    return table;
}

QString AlternateProcedureLog::suggestedFileName(const QString& extension) const
{
    const QString name = QStringLiteral("alternate-procedures-%1.%2")
                             .arg(m_clock.now().toLocalTime().toString(QStringLiteral("yyyy-MM-dd-HHmm")), extension);
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    return folder.isEmpty() ? name : QDir(folder).filePath(name);
}

void AlternateProcedureLog::chooseAndExportCsv()
{
    chooseAndExport(tr("Export the alternate procedures as CSV"), QStringLiteral("csv"), tr("CSV files (*.csv)"),
                    &AlternateProcedureLog::exportCsv);
}

void AlternateProcedureLog::chooseAndExportPdf()
{
    chooseAndExport(tr("Export the alternate procedures as PDF"), QStringLiteral("pdf"), tr("PDF files (*.pdf)"),
                    &AlternateProcedureLog::exportPdf);
}

void AlternateProcedureLog::chooseAndExport(const QString& title, const QString& extension, const QString& filter,
                                            Exporter exporter)
{
    AuditedExport::Record record;
    if (m_recordExport)
        record = [this, extension](const QString& path, qint64 rows, QString* error) {
            return m_recordExport(extension, path, rows, filterDescription(), error);
        };
    const AuditedExport::Result result = AuditedExport::run(
        m_pickFile, title, suggestedFileName(extension), filter,
        [this, exporter](const QString& path, QString* error, qint64* rows) { return (this->*exporter)(path, error, rows); },
        record);
    if (result.outcome == AuditedExport::Outcome::Cancelled)
        return;
    if (result.outcome != AuditedExport::Outcome::Exported) {
        showMessage([result] { return AuditedExport::failureWords(result); }, true);
        return;
    }
    showMessage([rows = result.rows, path = result.path] {
        return tr("Exported %1 to %2.").arg(rows == 1 ? tr("1 procedure") : tr("%1 procedures").arg(rows), nativePath(path));
    },
                false);
}

} // namespace fg
