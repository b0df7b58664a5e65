#include "ui/supervision/ReportsPanel.h"

#include "core/storage/Clock.h"
#include "ui/render/ReportPdf.h"
#include "ui/widgets/AuditedExport.h"
#include "ui/widgets/InlineMessage.h"
#include "ui/widgets/RecentFolders.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDir>
#include <QEvent>
#include <QFile>
#include <QFont>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTableWidget>
#include <QVBoxLayout>

namespace fg {
namespace {

constexpr int kDefaultDays = 14;

QString nativePath(const QString& path)
{
    return QDir::toNativeSeparators(path);
}

} // namespace

ReportsPanel::ReportsPanel(const ReportBuilder& builder, const Clock& clock, QWidget* parent)
    : QWidget(parent)
    , m_builder(builder)
    , m_clock(clock)
    , m_kindLabel(new QLabel(this))
    , m_kind(new QComboBox(this))
    , m_fromLabel(new QLabel(this))
    , m_from(new QDateEdit(this))
    , m_untilLabel(new QLabel(this))
    , m_until(new QDateEdit(this))
    , m_refresh(new QPushButton(this))
    , m_content(new QWidget(this))
    , m_title(new QLabel(this))
    , m_selection(new QLabel(this))
    , m_summary(new QLabel(this))
    , m_table(new QTableWidget(this))
    , m_rowCount(new QLabel(this))
    , m_exportCsv(new QPushButton(this))
    , m_exportPdf(new QPushButton(this))
    , m_message(new InlineMessage(this))
{
    m_kind->setObjectName(QStringLiteral("reportKind"));
    m_from->setObjectName(QStringLiteral("reportFrom"));
    m_until->setObjectName(QStringLiteral("reportUntil"));
    m_refresh->setObjectName(QStringLiteral("refreshButton"));
    m_content->setObjectName(QStringLiteral("reportContent"));
    m_title->setObjectName(QStringLiteral("reportTitle"));
    m_selection->setObjectName(QStringLiteral("reportSelection"));
    m_summary->setObjectName(QStringLiteral("reportSummary"));
    m_table->setObjectName(QStringLiteral("reportTable"));
    m_rowCount->setObjectName(QStringLiteral("reportRowCount"));
    m_exportCsv->setObjectName(QStringLiteral("exportCsvButton"));
    m_exportPdf->setObjectName(QStringLiteral("exportPdfButton"));
    m_message->setObjectName(QStringLiteral("reportMessage"));

    m_pickFile = [this](const QString& title, const QString& suggested, const QString& filter) {
        return RecentFolders::saveFile(this, QStringLiteral("export"), title, suggested, filter);
    };

    // The items' words are set by retranslate(); the data say which report.
    for (ReportQuery::Kind kind : {ReportQuery::Kind::QueueResolutions, ReportQuery::Kind::AlternateProcedures,
                                   ReportQuery::Kind::Deletions, ReportQuery::Kind::KeyAccesses,
                                   ReportQuery::Kind::PartnerSubmissions, ReportQuery::Kind::AuditEvents})
        m_kind->addItem(QString(), int(kind));
    // Whole local calendar days, the last 14 with today.
    const QDate today = m_clock.now().toLocalTime().date();
    for (QDateEdit* edit : {m_from, m_until}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    }
    m_from->setDate(today.addDays(-(kDefaultDays - 1)));
    m_until->setDate(today);
    m_kindLabel->setBuddy(m_kind);
    m_fromLabel->setBuddy(m_from);
    m_untilLabel->setBuddy(m_until);

    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    m_title->setFont(titleFont);
    for (QLabel* label : {m_selection, m_summary}) {
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }

    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);

    auto* choice = new QHBoxLayout;
    choice->addWidget(m_kindLabel);
    choice->addWidget(m_kind, 1);
    choice->addSpacing(12);
    choice->addWidget(m_fromLabel);
    choice->addWidget(m_from);
    choice->addWidget(m_untilLabel);
    choice->addWidget(m_until);
    choice->addWidget(m_refresh);

    auto* footer = new QHBoxLayout;
    footer->addWidget(m_rowCount);
    footer->addStretch(1);
    footer->addWidget(m_exportCsv);
    footer->addWidget(m_exportPdf);

    auto* content = new QVBoxLayout(m_content);
    content->setContentsMargins(0, 0, 0, 0);
    content->addLayout(choice);
    content->addWidget(m_title);
    content->addWidget(m_selection);
    content->addWidget(m_summary);
    content->addWidget(m_table, 1);
    content->addLayout(footer);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_content, 1);
    layout->addWidget(m_message);

    connect(m_kind, &QComboBox::currentIndexChanged, this, &ReportsPanel::refresh);
    for (QDateEdit* edit : {m_from, m_until})
        connect(edit, &QDateEdit::dateChanged, this, &ReportsPanel::refresh);
    connect(m_refresh, &QPushButton::clicked, this, &ReportsPanel::refresh);
    connect(m_exportCsv, &QPushButton::clicked, this, &ReportsPanel::chooseAndExportCsv);
    connect(m_exportPdf, &QPushButton::clicked, this, &ReportsPanel::chooseAndExportPdf);

    retranslate();
}

void ReportsPanel::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void ReportsPanel::retranslate()
{
    m_kindLabel->setText(tr("&Report"));
    for (int i = 0; i < m_kind->count(); ++i)
        m_kind->setItemText(i, ReportBuilder::title(ReportQuery::Kind(m_kind->itemData(i).toInt())));
    m_fromLabel->setText(tr("&From"));
    m_untilLabel->setText(tr("&To"));
    m_refresh->setText(tr("R&efresh"));
    m_exportCsv->setText(tr("Export &CSV…"));
    m_exportPdf->setText(tr("Export P&DF…"));
    if (!userMayRead()) {
        refresh(); // says why in the new language
        return;
    }
    // The report's titles and summary come from the builder in the language
    // in use: build it again, keeping the message shown.
    QString error;
    if (!rebuild(&error))
        showMessage([error] { return tr("The report could not be built: %1").arg(error); }, true);
}

void ReportsPanel::setUser(const std::optional<UserAccount>& user)
{
    m_user = user;
    refresh();
}

bool ReportsPanel::userMayRead() const
{
    return m_user && !m_user->disabled && ReportBuilder::mayRead(m_user->role);
}

ReportQuery ReportsPanel::query() const
{
    ReportQuery query;
    query.kind = ReportQuery::Kind(m_kind->currentData().toInt());
    // startOfDay() steps over a midnight lost to daylight saving.
    query.from = m_from->date().startOfDay(Qt::LocalTime).toUTC();
    query.until = m_until->date().addDays(1).startOfDay(Qt::LocalTime).toUTC();
    return query;
}

void ReportsPanel::setKind(ReportQuery::Kind kind)
{
    m_kind->setCurrentIndex(m_kind->findData(int(kind))); // refreshes when it changes
}

QString ReportsPanel::message() const
{
    return m_message->said();
}

void ReportsPanel::refresh()
{
    if (!userMayRead()) {
        showReport(std::nullopt);
        m_content->hide();
        const std::optional<UserAccount> user = m_user;
        showMessage(
            [user] {
                if (!user)
                    return tr("Sign in as a supervisor, auditor or administrator to see the reports.");
                if (user->disabled)
                    return tr("The reports are not shown: the account %1 is disabled.").arg(user->name);
                return tr("The reports are for supervisors, auditors and administrators; %1 is signed in as %2.")
                    .arg(user->name, roleName(user->role));
            },
            false);
        return;
    }
    m_content->show();
    QString error;
    if (!rebuild(&error)) {
        showMessage([error] { return tr("The report could not be built: %1").arg(error); }, true);
        return;
    }
    clearMessage();
}

std::optional<ReportTable> ReportsPanel::rebuild(QString* error)
{
    std::optional<ReportTable> table;
    if (!userMayRead())
        *error = tr("nobody allowed to read the reports is signed in");
    else
        table = m_builder.build(query(), *m_user, error);
    showReport(table);
    return table;
}

void ReportsPanel::showReport(const std::optional<ReportTable>& table)
{
    m_report = table;
    m_table->clear();
    m_exportCsv->setEnabled(table.has_value());
    m_exportPdf->setEnabled(table.has_value());
    if (!table) {
        m_table->setRowCount(0);
        m_table->setColumnCount(0);
        for (QLabel* label : {m_title, m_selection, m_summary, m_rowCount})
            label->clear();
        return;
    }
    m_title->setText(table->title);
    m_selection->setText(table->selection);
    m_summary->setText(table->summary.join(QLatin1Char('\n')));
    const int rows = int(qMin<std::size_t>(table->rows.size(), std::size_t(kPreviewRows)));
    m_table->setColumnCount(int(table->columns.size()));
    m_table->setHorizontalHeaderLabels(table->columns);
    m_table->setRowCount(rows);
    for (int row = 0; row < rows; ++row) {
        const QStringList& cells = table->rows[std::size_t(row)];
        for (int column = 0; column < cells.size(); ++column)
            m_table->setItem(row, column, new QTableWidgetItem(cells.at(column)));
    }
    m_table->resizeColumnsToContents();
    const qint64 all = qint64(table->rows.size());
    m_rowCount->setText(all > rows ? tr("The first %1 of %2 rows are shown; the exports hold them all.").arg(rows).arg(all)
                        : all == 1 ? tr("1 row")
                                   : tr("%1 rows").arg(all));
}

void ReportsPanel::showMessage(std::function<QString()> text, bool problem)
{
    m_message->say(std::move(text), problem ? InlineMessage::Kind::Problem : InlineMessage::Kind::Information);
}

void ReportsPanel::clearMessage()
{
    m_message->dismiss();
}

bool ReportsPanel::exportCsv(const QString& path, QString* error, qint64* rows)
{
    QString why;
    const std::optional<ReportTable> table = rebuild(&why);
    if (!table) {
        *error = tr("Not exported to %1: %2").arg(nativePath(path), why);
        return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = tr("Could not write %1: %2").arg(nativePath(path), file.errorString());
        return false;
    }
    if (!writeReportCsv(*table, file, &why)) {
        file.cancelWriting();
        *error = tr("Could not write %1: %2").arg(nativePath(path), why);
        return false;
    }
    if (!file.commit()) {
        *error = tr("Could not write %1: %2").arg(nativePath(path), file.errorString());
        return false;
    }
    if (rows)
        *rows = qint64(table->rows.size());
    return true;
}

bool ReportsPanel::exportPdf(const QString& path, QString* error, qint64* rows)
{
    QString why;
    const std::optional<ReportTable> table = rebuild(&why);
    if (!table) {
        *error = tr("Not exported to %1: %2").arg(nativePath(path), why);
        return false;
    }
    // The paper says when it was made and for whom.
    ReportTable printed = *table;
    printed.selection = tr("%1 · exported %2 by %3")
                            .arg(table->selection, m_clock.now().toUTC().toString(Qt::ISODate), m_user->name);
    if (!writeReportPdf(printed, path, error))
        return false;
    if (rows)
        *rows = qint64(table->rows.size());
    return true;
}

QString ReportsPanel::suggestedFileName(const QString& extension) const
{
    const QString name = QStringLiteral("%1-%2-to-%3.%4")
                             .arg(ReportBuilder::fileStem(query().kind), m_from->date().toString(Qt::ISODate),
                                  m_until->date().toString(Qt::ISODate), extension);
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    return folder.isEmpty() ? name : QDir(folder).filePath(name);
}

void ReportsPanel::chooseAndExportCsv()
{
    chooseAndExport(tr("Export the report as CSV"), QStringLiteral("csv"), tr("CSV files (*.csv)"),
                    &ReportsPanel::exportCsv);
}

void ReportsPanel::chooseAndExportPdf()
{
    chooseAndExport(tr("Export the report as PDF"), QStringLiteral("pdf"), tr("PDF files (*.pdf)"),
                    &ReportsPanel::exportPdf);
}

void ReportsPanel::chooseAndExport(const QString& title, const QString& format, const QString& filter,
                                   Exporter exporter)
{
    if (!userMayRead())
        return;
    const QString kind = ReportBuilder::fileStem(query().kind);
    AuditedExport::Record record;
    if (m_recordExport)
        record = [this, kind, format](const QString& path, qint64 rows, QString* error) {
            return m_recordExport(kind, format, path, rows, error);
        };
    const AuditedExport::Result result = AuditedExport::run(
        m_pickFile, title, suggestedFileName(format), filter,
        [this, exporter](const QString& path, QString* error, qint64* rows) { return (this->*exporter)(path, error, rows); },
        record);
    if (result.outcome == AuditedExport::Outcome::Cancelled)
        return;
    if (result.outcome != AuditedExport::Outcome::Exported) {
        showMessage([result] { return AuditedExport::failureWords(result); }, true);
        return;
    }
    showMessage([rows = result.rows, path = result.path] {
        return tr("Exported %1 to %2.").arg(rows == 1 ? tr("1 row") : tr("%1 rows").arg(rows), nativePath(path));
    },
                false);
}

} // namespace fg
