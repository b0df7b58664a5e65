// The alternate procedures' log (issue 4): filters (whole local days, officer,
// flight, outcome, document or name) narrow the table; a header click sorts
// by the store's query, both ways; pages of a chosen size; CSV and PDF
// exports of every matching row, not just the page; errors said in words.
#include "core/security/AuditLog.h"
#include "core/storage/Database.h"
#include "core/storage/DatabaseUrl.h"
#include "core/workflow/AlternateProcedureStore.h"
#include "tests/support/ManualClock.h"
#include "tests/support/TestAuditKey.h"
#include "ui/desk/AlternateProcedureLog.h"
#include "ui/desk/AlternateProcedureTableModel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSet>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <ctime>
#include <memory>

using namespace fg;

namespace {

using Outcome = AlternateProcedure::Outcome;
using Result = AlternateProcedure::CheckResult;
using Model = AlternateProcedureTableModel;

struct Row {
    const char* officer;
    const char* flight;
    Outcome outcome;
    const char* number;
    const char* surname;
    const char* reason;
    QDateTime at; // UTC
};

QDateTime utc(int day, int hour, int minute = 0)
{
    return QDateTime(QDate(2026, 11, day), QTime(hour, minute), Qt::UTC);
}

// Twelve procedures; local time is Central European (UTC+1 in November).
// #10 is 23:30 local on the 26th, #11 00:30 local on the 27th.
const std::vector<Row>& rows()
{
    static const std::vector<Row> table = {
        {"olga", "LH 400", Outcome::Verified, "C01X00T47", "MUSTERMANN", "", utc(20, 8)},
        {"olga", "LH400", Outcome::NotVerified, "X1234567", "ERIKSSON", "=SUM(A1:A9)", utc(20, 9)},
        {"piet", "UA901", Outcome::Verified, "P1111111", "JANSEN", "", utc(21, 10)},
        {"piet", "UA 901", Outcome::ReferredToSecondary, "P2222222", "DUBOIS", "photo page damaged", utc(21, 11)},
        {"quinn", "AF12", Outcome::Verified, "F3333333", "MARTIN", "", utc(22, 12)},
        {"quinn", "AF12", Outcome::Verified, "F4444444", "BERNARD", "", utc(23, 13)},
        {"Olga", "BA117", Outcome::NotVerified, "G5555555", "SMITH", "expired", utc(24, 14)},
        {"ruth", "LH400", Outcome::Verified, "D6666666", "SCHMIDT", "", utc(25, 15)},
        {"ruth", "UA901", Outcome::Verified, "U7777777", "JONES", "", utc(26, 16)},
        {"olga", "UA901", Outcome::ReferredToSecondary, "U8888888", "BROWN", "watch list", utc(26, 22, 30)},
        {"piet", "AF12", Outcome::Verified, "F9999999", "PETIT", "", utc(26, 23, 30)},
        {"ruth", "BA117", Outcome::Verified, "G0000001", "TAYLOR", "", utc(27, 9)},
    };
    return table;
}

template <typename T>
T* child(QWidget* parent, const char* name)
{
    T* found = parent->findChild<T*>(QLatin1String(name));
    if (!found)
        qWarning("no child %s", name);
    return found;
}

// A log in a temporary SQLite database with the twelve procedures recorded.
struct Log {
    QTemporaryDir dir;
    test::ManualClock clock;
    std::unique_ptr<Database> database;
    std::unique_ptr<AuditLog> audit;
    std::unique_ptr<AlternateProcedureStore> store;

    bool open(QString* error)
    {
        const auto url = DatabaseUrl::parse(QStringLiteral("sqlite://") + dir.filePath(QStringLiteral("r.db")), error);
        if (!url)
            return false;
        database = Database::open(*url, error);
        if (!database)
            return false;
        audit = std::make_unique<AuditLog>(*database, clock, fg::test::auditKey());
        store = std::make_unique<AlternateProcedureStore>(*database, *audit, clock);
        for (const Row& row : rows()) {
            AlternateProcedure procedure;
            procedure.officer = QString::fromLatin1(row.officer);
            procedure.workstation = QStringLiteral("gate-b12");
            procedure.camera = QStringLiteral("lane 3");
            procedure.flight = QString::fromLatin1(row.flight);
            procedure.citizenship = QStringLiteral("UTO");
            procedure.surname = QString::fromLatin1(row.surname);
            procedure.givenNames = QStringLiteral("ANNA");
            procedure.document = {QStringLiteral("passport"), QString::fromLatin1(row.number), QStringLiteral("UTO"),
                                  QDate(2030, 1, 1), QString()};
            procedure.checks = {{QStringLiteral("photo-matches-holder"), Result::Passed},
                                {QStringLiteral("data-page-matches-mrz"), Result::Passed},
                                {QStringLiteral("security-features"), Result::Passed},
                                {QStringLiteral("not-expired"),
                                 row.outcome == Outcome::Verified ? Result::NotApplicable : Result::Failed}};
            procedure.outcome = row.outcome;
            procedure.reason = QString::fromLatin1(row.reason);
            clock.set(row.at);
            if (!store->record(procedure, QStringLiteral("officer:") + procedure.officer, error))
                return false;
        }
        clock.set(utc(28, 12));
        return true;
    }
};

QStringList column(const AlternateProcedureLog& log, int column)
{
    QStringList values;
    for (int row = 0; row < log.model()->rowCount(); ++row)
        values << log.model()->index(row, column).data().toString();
    return values;
}

QSet<qint64> ids(const AlternateProcedureLog& log)
{
    QSet<qint64> values;
    for (int row = 0; row < log.model()->rowCount(); ++row)
        values.insert(log.model()->index(row, 0).data(Qt::UserRole).toLongLong());
    return values;
}

void setOutcome(QWidget* log, Outcome outcome)
{
    auto* box = child<QComboBox>(log, "outcomeFilter");
    box->setCurrentIndex(box->findData(int(outcome)));
}

void setDays(QWidget* log, QDate from, QDate to)
{
    child<QDateEdit>(log, "fromDate")->setDate(from);
    child<QDateEdit>(log, "toDate")->setDate(to);
    child<QCheckBox>(log, "fromEnabled")->setChecked(from.isValid());
    child<QCheckBox>(log, "toEnabled")->setChecked(to.isValid());
}

void typeFilter(QWidget* log, const char* name, const QString& text)
{
    child<QLineEdit>(log, name)->setText(text);
    child<QPushButton>(log, "searchButton")->click();
}

void clickHeader(QTableView* table, int column)
{
    QHeaderView* header = table->horizontalHeader();
    const QPoint centre(header->sectionViewportPosition(column) + header->sectionSize(column) / 2, header->height() / 2);
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, centre);
}

// RFC 4180, enough for what AlternateProcedureCsv writes.
std::vector<QStringList> parseCsv(const QString& text)
{
    std::vector<QStringList> records;
    QStringList record;
    QString field;
    bool quoted = false;
    for (int i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == QLatin1Char('"') && i + 1 < text.size() && text.at(i + 1) == QLatin1Char('"')) {
                field += c;
                ++i;
            } else if (c == QLatin1Char('"')) {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            record << field;
            field.clear();
        } else if (c == QLatin1Char('\r') && i + 1 < text.size() && text.at(i + 1) == QLatin1Char('\n')) {
            record << field;
            field.clear();
            records.push_back(record);
            record.clear();
            ++i;
        } else {
            field += c;
        }
    }
    if (!field.isEmpty() || !record.isEmpty())
        records.push_back(record << field);
    return records;
}

// An audit log that takes every export (the workstation records them in its own).
void recordEveryExport(AlternateProcedureLog& dialog)
{
    dialog.setExportRecorder([](const QString&, const QString&, qint64, const QString&, QString*) { return true; });
}

} // namespace

class TestAlternateProcedureLog : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        // Central European time without needing tzdata: the days are local.
        qputenv("TZ", "CET-1CEST,M3.5.0,M10.5.0/3");
        tzset();
        QCOMPARE(utc(26, 23, 30).toLocalTime().date(), QDate(2026, 11, 27));
    }

    void everyProcedureIsShownInWords()
    {
        Log log;
        QString error;
        QVERIFY2(log.open(&error), qPrintable(error));
        AlternateProcedureLog dialog(*log.store, log.clock);
        QCOMPARE(dialog.model()->rowCount(), 12);
        QCOMPARE(child<QLabel>(&dialog, "countLabel")->text(), QStringLiteral("12 procedures"));
        QCOMPARE(child<QLabel>(&dialog, "pageLabel")->text(), QStringLiteral("Page 1 of 1"));
        QVERIFY(dialog.message().isEmpty());
        // Newest first: #12, 09:00 UTC is 10:00 local.
        const auto cell = [&](int row, int column) { return dialog.model()->index(row, column).data().toString(); };
        QCOMPARE(cell(0, Model::LoggedAt), QStringLiteral("2026-11-27 10:00"));
        QCOMPARE(cell(0, Model::Officer), QStringLiteral("ruth"));
        QCOMPARE(cell(0, Model::Workstation), QStringLiteral("gate-b12 · lane 3"));
        QCOMPARE(cell(0, Model::Flight), QStringLiteral("BA117"));
        QCOMPARE(cell(0, Model::Document), QStringLiteral("passport G0000001 (UTO)"));
        QCOMPARE(cell(0, Model::Nationality), QStringLiteral("UTO"));
        QCOMPARE(cell(0, Model::Outcome), QStringLiteral("Verified"));
        QCOMPARE(cell(0, Model::Checks), QStringLiteral("3 passed, 1 not applicable"));
        // #10, referred to secondary.
        QCOMPARE(cell(2, Model::Outcome), QStringLiteral("Referred to secondary"));
        QCOMPARE(cell(2, Model::Checks), QStringLiteral("3 passed, 1 failed"));
        QCOMPARE(cell(2, Model::Reason), QStringLiteral("watch list"));
        QCOMPARE(cell(2, Model::LoggedAt), QStringLiteral("2026-11-26 23:30"));
    }

    void filtersNarrowTheRows()
    {
        Log log;
        QString error;
        QVERIFY2(log.open(&error), qPrintable(error));
        AlternateProcedureLog dialog(*log.store, log.clock);

        typeFilter(&dialog, "officerFilter", QStringLiteral("OLGA")); // whole name, any case
        QCOMPARE(dialog.model()->rowCount(), 4);
        QCOMPARE(child<QLabel>(&dialog, "countLabel")->text(), QStringLiteral("4 procedures"));
        for (const QString& officer : column(dialog, Model::Officer))
            QCOMPARE(officer.toLower(), QStringLiteral("olga"));
        typeFilter(&dialog, "officerFilter", QStringLiteral("olg"));
        QCOMPARE(dialog.model()->rowCount(), 0);
        QCOMPARE(child<QLabel>(&dialog, "countLabel")->text(), QStringLiteral("0 procedures"));
        typeFilter(&dialog, "officerFilter", QString());

        typeFilter(&dialog, "flightFilter", QStringLiteral("ua 901"));
        QCOMPARE(dialog.model()->rowCount(), 4);
        const QStringList flights = column(dialog, Model::Flight);
        QCOMPARE(QSet<QString>(flights.begin(), flights.end()), QSet<QString>{QStringLiteral("UA901")});
        typeFilter(&dialog, "flightFilter", QString());

        setOutcome(&dialog, Outcome::NotVerified);
        QCOMPARE(column(dialog, Model::Reason), (QStringList{QStringLiteral("expired"), QStringLiteral("=SUM(A1:A9)")}));
        setOutcome(&dialog, Outcome::ReferredToSecondary);
        typeFilter(&dialog, "officerFilter", QStringLiteral("piet"));
        QCOMPARE(column(dialog, Model::Reason), QStringList{QStringLiteral("photo page damaged")});
        typeFilter(&dialog, "officerFilter", QString());
        auto* outcome = child<QComboBox>(&dialog, "outcomeFilter");
        outcome->setCurrentIndex(0); // any
        QCOMPARE(outcome->currentText(), QStringLiteral("any"));
        QCOMPARE(dialog.model()->rowCount(), 12);

        // Part of a document number or a name.
        typeFilter(&dialog, "textFilter", QStringLiteral("eriks"));
        QCOMPARE(column(dialog, Model::Document), QStringList{QStringLiteral("passport X1234567 (UTO)")});
        typeFilter(&dialog, "textFilter", QStringLiteral("f99"));
        QCOMPARE(dialog.model()->rowCount(), 1);
        typeFilter(&dialog, "textFilter", QString());

        // Whole local days: 00:30 local on the 27th belongs to the 27th,
        // 23:30 local on the 26th to the 26th.
        setDays(&dialog, QDate(2026, 11, 27), QDate(2026, 11, 27));
        QCOMPARE(column(dialog, Model::Document),
                 (QStringList{QStringLiteral("passport G0000001 (UTO)"), QStringLiteral("passport F9999999 (UTO)")}));
        setDays(&dialog, QDate(2026, 11, 26), QDate(2026, 11, 26));
        QCOMPARE(column(dialog, Model::Document),
                 (QStringList{QStringLiteral("passport U8888888 (UTO)"), QStringLiteral("passport U7777777 (UTO)")}));
        setDays(&dialog, QDate(2026, 11, 21), QDate(2026, 11, 23));
        QCOMPARE(dialog.model()->rowCount(), 4);
        setDays(&dialog, QDate(), QDate(2026, 11, 26));
        QCOMPARE(dialog.model()->rowCount(), 10);
        setDays(&dialog, QDate(2026, 11, 25), QDate());
        QCOMPARE(dialog.model()->rowCount(), 5);
        typeFilter(&dialog, "officerFilter", QStringLiteral("piet"));
        QCOMPARE(dialog.model()->rowCount(), 1);
        QVERIFY(dialog.filterDescription().contains(QStringLiteral("from 2026-11-25")));
        QVERIFY(dialog.filterDescription().contains(QStringLiteral("officer piet")));

        // A range that cannot match is said so.
        typeFilter(&dialog, "officerFilter", QString());
        setDays(&dialog, QDate(2026, 11, 27), QDate(2026, 11, 20));
        QCOMPARE(dialog.model()->rowCount(), 0);
        QVERIFY2(dialog.message().contains(QStringLiteral("before")), qPrintable(dialog.message()));
        setDays(&dialog, QDate(), QDate());
        QCOMPARE(dialog.model()->rowCount(), 12);
        QVERIFY(dialog.message().isEmpty());
    }

    void typingSearchesAfterAPause()
    {
        Log log;
        QString error;
        QVERIFY2(log.open(&error), qPrintable(error));
        AlternateProcedureLog dialog(*log.store, log.clock);
        QTest::keyClicks(child<QLineEdit>(&dialog, "flightFilter"), QStringLiteral("af 12"));
        QTRY_COMPARE(dialog.model()->rowCount(), 3);
    }

    void aHeaderClickSortsByTheStore()
    {
        Log log;
        QString error;
        QVERIFY2(log.open(&error), qPrintable(error));
        AlternateProcedureLog dialog(*log.store, log.clock);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto* table = child<QTableView>(&dialog, "procedureTable");
        QHeaderView* header = table->horizontalHeader();

        clickHeader(table, Model::Officer);
        QCOMPARE(dialog.query().sortBy, AlternateProcedureQuery::SortColumn::Officer);
        QCOMPARE(dialog.query().order, Qt::AscendingOrder);
        QCOMPARE(header->sortIndicatorSection(), int(Model::Officer));
        QStringList officers = column(dialog, Model::Officer);
        QCOMPARE(officers.first().toLower(), QStringLiteral("olga"));
        QCOMPARE(officers.last(), QStringLiteral("ruth"));
        // Ties: newest first.
        QCOMPARE(dialog.model()->index(0, Model::Document).data().toString(), QStringLiteral("passport U8888888 (UTO)"));

        clickHeader(table, Model::Officer);
        QCOMPARE(dialog.query().order, Qt::DescendingOrder);
        officers = column(dialog, Model::Officer);
        QCOMPARE(officers.first(), QStringLiteral("ruth"));
        QCOMPARE(officers.last().toLower(), QStringLiteral("olga"));

        // Not sortable: nothing changes, the indicator stays.
        clickHeader(table, Model::Reason);
        QCOMPARE(dialog.query().sortBy, AlternateProcedureQuery::SortColumn::Officer);
        QCOMPARE(header->sortIndicatorSection(), int(Model::Officer));
        QCOMPARE(header->sortIndicatorOrder(), Qt::DescendingOrder);
        QVERIFY(!dialog.sortByColumn(Model::Checks, Qt::AscendingOrder));

        // The date starts newest first.
        clickHeader(table, Model::LoggedAt);
        QCOMPARE(dialog.query().order, Qt::DescendingOrder);
        QCOMPARE(dialog.model()->index(0, Model::LoggedAt).data().toString(), QStringLiteral("2026-11-27 10:00"));
        clickHeader(table, Model::LoggedAt);
        QCOMPARE(dialog.model()->index(0, Model::LoggedAt).data().toString(), QStringLiteral("2026-11-20 09:00"));

        // Document, by number, both ways; the flight; the outcome.
        QVERIFY(dialog.sortByColumn(Model::Document, Qt::AscendingOrder));
        QStringList documents = column(dialog, Model::Document);
        QStringList sorted = documents;
        sorted.sort();
        QCOMPARE(documents, sorted);
        QCOMPARE(header->sortIndicatorSection(), int(Model::Document));
        QVERIFY(dialog.sortByColumn(Model::Document, Qt::DescendingOrder));
        std::reverse(sorted.begin(), sorted.end());
        QCOMPARE(column(dialog, Model::Document), sorted);
        QVERIFY(dialog.sortByColumn(Model::Flight, Qt::AscendingOrder));
        QCOMPARE(column(dialog, Model::Flight).first(), QStringLiteral("AF12"));
        QCOMPARE(column(dialog, Model::Flight).last(), QStringLiteral("UA901"));
        QVERIFY(dialog.sortByColumn(Model::Outcome, Qt::AscendingOrder));
        QCOMPARE(column(dialog, Model::Outcome).first(), QStringLiteral("Not verified")); // "not-verified" < "referred..." < "verified"
        QCOMPARE(column(dialog, Model::Outcome).last(), QStringLiteral("Verified"));
    }

    void pagesOfAChosenSize()
    {
        Log log;
        QString error;
        QVERIFY2(log.open(&error), qPrintable(error));
        AlternateProcedureLog dialog(*log.store, log.clock);
        QCOMPARE(dialog.pageSize(), AlternateProcedureLog::kDefaultPageSize);
        dialog.setPageSize(5);
        auto* previous = child<QPushButton>(&dialog, "previousPage");
        auto* next = child<QPushButton>(&dialog, "nextPage");
        auto* page = child<QLabel>(&dialog, "pageLabel");
        QCOMPARE(dialog.pageCount(), 3);
        QCOMPARE(page->text(), QStringLiteral("Page 1 of 3"));
        QCOMPARE(dialog.model()->rowCount(), 5);
        QVERIFY(!previous->isEnabled());
        QVERIFY(next->isEnabled());
        QSet<qint64> seen = ids(dialog);
        next->click();
        QCOMPARE(page->text(), QStringLiteral("Page 2 of 3"));
        QCOMPARE(dialog.model()->rowCount(), 5);
        QVERIFY(!seen.intersects(ids(dialog)));
        seen += ids(dialog);
        next->click();
        QCOMPARE(page->text(), QStringLiteral("Page 3 of 3"));
        QCOMPARE(dialog.model()->rowCount(), 2);
        QVERIFY(!next->isEnabled());
        QVERIFY(previous->isEnabled());
        seen += ids(dialog);
        QCOMPARE(seen.size(), 12);
        QCOMPARE(child<QLabel>(&dialog, "countLabel")->text(), QStringLiteral("12 procedures"));
        previous->click();
        QCOMPARE(dialog.page(), 1);
        // A new filter starts again at the first page.
        typeFilter(&dialog, "officerFilter", QStringLiteral("ruth"));
        QCOMPARE(dialog.page(), 0);
        QCOMPARE(page->text(), QStringLiteral("Page 1 of 1"));
        QCOMPARE(dialog.model()->rowCount(), 3);
    }

    void csvHoldsEveryMatchingRowDefused()
    {
        Log log;
        QString error;
        QVERIFY2(log.open(&error), qPrintable(error));
        AlternateProcedureLog dialog(*log.store, log.clock);
        dialog.setPageSize(2);
        typeFilter(&dialog, "officerFilter", QStringLiteral("olga"));
        QCOMPARE(dialog.model()->rowCount(), 2);
        QCOMPARE(dialog.matchCount(), qint64(4));

        const QString path = log.dir.filePath(QStringLiteral("log.csv"));
        qint64 written = 0;
        QVERIFY2(dialog.exportCsv(path, &error, &written), qPrintable(error));
        QCOMPARE(written, qint64(4));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const std::vector<QStringList> records = parseCsv(QString::fromUtf8(file.readAll()));
        QCOMPARE(int(records.size()), 1 + 4);
        const QStringList& header = records.front();
        const int officer = int(header.indexOf(QStringLiteral("officer")));
        const int reason = int(header.indexOf(QStringLiteral("reason")));
        const int number = int(header.indexOf(QStringLiteral("document_number")));
        QVERIFY(officer >= 0 && reason >= 0 && number >= 0);
        QStringList reasons;
        for (std::size_t i = 1; i < records.size(); ++i) {
            QCOMPARE(records[i].size(), header.size());
            QCOMPARE(records[i].at(officer).toLower(), QStringLiteral("olga"));
            reasons << records[i].at(reason);
        }
        // The table's order (newest first), and the formula comes out as text.
        QCOMPARE(records[1].at(number), QStringLiteral("U8888888"));
        QCOMPARE(reasons, (QStringList{QStringLiteral("watch list"), QStringLiteral("expired"),
                                       QStringLiteral("'=SUM(A1:A9)"), QString()}));

        // Through the button, with the file picker answered.
        recordEveryExport(dialog);
        const QString picked = log.dir.filePath(QStringLiteral("picked.csv"));
        dialog.setFilePicker([&](const QString&, const QString& suggested, const QString&) {
            return suggested.endsWith(QStringLiteral(".csv")) ? picked : QString();
        });
        child<QPushButton>(&dialog, "exportCsvButton")->click();
        QVERIFY(QFile::exists(picked));
        QVERIFY2(dialog.message().contains(QStringLiteral("4 procedures")), qPrintable(dialog.message()));
    }

    void pdfHoldsEveryMatchingRow()
    {
        Log log;
        QString error;
        QVERIFY2(log.open(&error), qPrintable(error));
        AlternateProcedureLog dialog(*log.store, log.clock);
        dialog.setPageSize(3);
        const QString path = log.dir.filePath(QStringLiteral("log.pdf"));
        qint64 written = 0;
        QVERIFY2(dialog.exportPdf(path, &error, &written), qPrintable(error));
        QCOMPARE(written, qint64(12));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY(bytes.startsWith("%PDF"));
        QVERIFY2(bytes.size() > 2000, qPrintable(QString::number(bytes.size())));

        const QString picked = log.dir.filePath(QStringLiteral("picked.pdf"));
        recordEveryExport(dialog);
        dialog.setFilePicker([&](const QString&, const QString&, const QString&) { return picked; });
        child<QPushButton>(&dialog, "exportPdfButton")->click();
        QVERIFY(QFile::exists(picked));
        QVERIFY2(dialog.message().contains(QStringLiteral("12 procedures")), qPrintable(dialog.message()));
    }

    // Every export is recorded; one that cannot be recorded leaves no file.
    void exportsAreRecorded()
    {
        Log log;
        QString error;
        QVERIFY2(log.open(&error), qPrintable(error));
        AlternateProcedureLog dialog(*log.store, log.clock);
        // No audit log to record in: no file.
        const QString unrecorded = log.dir.filePath(QStringLiteral("unrecorded.csv"));
        dialog.setFilePicker([&](const QString&, const QString&, const QString&) { return unrecorded; });
        child<QPushButton>(&dialog, "exportCsvButton")->click();
        QVERIFY(!QFile::exists(unrecorded));
        QVERIFY2(dialog.message().contains(QStringLiteral("no audit log")), qPrintable(dialog.message()));

        QStringList recorded;
        bool refuse = false;
        dialog.setExportRecorder([&](const QString& format, const QString& path, qint64 rows, const QString& filters,
                                     QString* why) {
            if (refuse) {
                *why = QStringLiteral("audit log unavailable");
                return false;
            }
            recorded << QStringLiteral("%1 %2 %3 [%4]").arg(format, QFileInfo(path).fileName()).arg(rows).arg(filters);
            return true;
        });
        const QString csv = log.dir.filePath(QStringLiteral("recorded.csv"));
        dialog.setFilePicker([&](const QString&, const QString&, const QString&) { return csv; });
        child<QPushButton>(&dialog, "exportCsvButton")->click();
        QVERIFY(QFile::exists(csv));
        QCOMPARE(recorded.size(), 1);
        QVERIFY2(recorded.front().startsWith(QStringLiteral("csv recorded.csv 12 [")), qPrintable(recorded.front()));

        refuse = true;
        const QString pdf = log.dir.filePath(QStringLiteral("refused.pdf"));
        dialog.setFilePicker([&](const QString&, const QString&, const QString&) { return pdf; });
        child<QPushButton>(&dialog, "exportPdfButton")->click();
        QVERIFY(!QFile::exists(pdf));
        QVERIFY2(dialog.message().contains(QStringLiteral("audit log unavailable")), qPrintable(dialog.message()));
        QCOMPARE(recorded.size(), 1);
    }

    void anUnwritableFileIsNamed()
    {
        Log log;
        QString error;
        QVERIFY2(log.open(&error), qPrintable(error));
        AlternateProcedureLog dialog(*log.store, log.clock);
        for (const char* name : {"missing/folder/log.csv", "missing/folder/log.pdf"}) {
            const QString path = log.dir.filePath(QString::fromLatin1(name));
            error.clear();
            const bool pdf = path.endsWith(QStringLiteral(".pdf"));
            QVERIFY(pdf ? !dialog.exportPdf(path, &error) : !dialog.exportCsv(path, &error));
            QVERIFY2(error.contains(QDir::toNativeSeparators(path)), qPrintable(error));
            QVERIFY(!QFile::exists(path));
        }
        // Through the button: said in the dialog.
        recordEveryExport(dialog);
        const QString path = log.dir.filePath(QStringLiteral("missing/log.csv"));
        dialog.setFilePicker([&](const QString&, const QString&, const QString&) { return path; });
        child<QPushButton>(&dialog, "exportCsvButton")->click();
        QVERIFY2(dialog.message().contains(QDir::toNativeSeparators(path)), qPrintable(dialog.message()));
        // Cancelled: nothing said, nothing written.
        dialog.setFilePicker([](const QString&, const QString&, const QString&) { return QString(); });
        dialog.search();
        child<QPushButton>(&dialog, "exportPdfButton")->click();
        QVERIFY(dialog.message().isEmpty());
    }

    void aDatabaseErrorIsShown()
    {
        Log log;
        QString error;
        QVERIFY2(log.open(&error), qPrintable(error));
        AlternateProcedureLog dialog(*log.store, log.clock);
        QCOMPARE(dialog.model()->rowCount(), 12);
        QVERIFY2(log.database->exec(QStringLiteral("DROP TABLE alternate_procedures"), QStringLiteral("drop"), &error),
                 qPrintable(error));
        dialog.search();
        QCOMPARE(dialog.model()->rowCount(), 0);
        QVERIFY2(dialog.message().contains(QStringLiteral("could not be read")), qPrintable(dialog.message()));
        const QString path = log.dir.filePath(QStringLiteral("log.csv"));
        QVERIFY(!dialog.exportCsv(path, &error));
        QVERIFY2(error.contains(QStringLiteral("could not be read")), qPrintable(error));
        QVERIFY(!QFile::exists(path));
    }
};

QTEST_MAIN(TestAlternateProcedureLog)
#include "tst_alternateprocedurelog.moc"
