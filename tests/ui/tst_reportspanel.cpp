// The supervisor's reports (issue 5): nothing is shown to anyone but a
// supervisor, auditor or administrator, and the panel says why; the period
// is whole local days, the last 14 by default; the chosen report is
// previewed with its summary; CSV and PDF exports are recorded, and an
// export that cannot be recorded leaves no file; problems are said inline.
#include "core/security/AuditLog.h"
#include "core/storage/Database.h"
#include "core/storage/DatabaseUrl.h"
#include "core/workflow/AlternateProcedureStore.h"
#include "core/workflow/Report.h"
#include "tests/support/ManualClock.h"
#include "tests/support/TestAuditKey.h"
#include "ui/supervision/ReportsPanel.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include <ctime>
#include <memory>

using namespace fg;

namespace {

QDateTime utc(int month, int day, int hour)
{
    return QDateTime(QDate(2026, month, day), QTime(hour, 0), Qt::UTC);
}

template <typename T>
T* child(QWidget* parent, const char* name)
{
    T* found = parent->findChild<T*>(QLatin1String(name));
    if (!found)
        qWarning("no child %s", name);
    return found;
}

UserAccount user(const QString& name, Role role)
{
    UserAccount account;
    account.id = 7;
    account.name = name;
    account.role = role;
    return account;
}

// A SQLite database with four alternate procedures, three of them in the
// last 14 days of the clock's "today" (2026-11-26).
struct Records {
    QTemporaryDir dir;
    test::ManualClock clock;
    std::unique_ptr<Database> database;
    std::unique_ptr<AuditLog> audit;
    std::unique_ptr<ReportBuilder> builder;

    bool open(QString* error)
    {
        const auto url = DatabaseUrl::parse(QStringLiteral("sqlite://") + dir.filePath(QStringLiteral("r.db")), error);
        if (!url)
            return false;
        database = Database::open(*url, error);
        if (!database)
            return false;
        audit = std::make_unique<AuditLog>(*database, clock, fg::test::auditKey());
        const AlternateProcedureStore store(*database, *audit, clock);
        const std::vector<std::pair<QDateTime, QString>> logged{{utc(11, 1, 10), QStringLiteral("old")},
                                                                {utc(11, 20, 10), QStringLiteral("=SUM(A1:A9)")},
                                                                {utc(11, 25, 10), QStringLiteral("expired")},
                                                                {utc(11, 26, 9), QStringLiteral("damaged")}};
        for (const auto& [at, reason] : logged) {
            AlternateProcedure procedure;
            procedure.officer = QStringLiteral("olga");
            procedure.workstation = QStringLiteral("gate-b12");
            procedure.flight = QStringLiteral("LH400");
            procedure.citizenship = QStringLiteral("UTO");
            procedure.document = {QStringLiteral("passport"), QStringLiteral("X1234567"), QStringLiteral("UTO"),
                                  QDate(2030, 1, 1), QString()};
            procedure.outcome = AlternateProcedure::Outcome::NotVerified;
            procedure.reason = reason;
            clock.set(at);
            if (!store.record(procedure, QStringLiteral("officer:olga"), error))
                return false;
        }
        clock.set(utc(11, 26, 12));
        ReportOptions options;
        options.auditKey = fg::test::auditKey();
        builder = std::make_unique<ReportBuilder>(*database, clock, options);
        return true;
    }
};

struct Export {
    QString kind;
    QString format;
    QString path;
    qint64 rows = 0;
};

QByteArray readAll(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestReportsPanel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        // Central European time (UTC+1 in November): local days are not UTC days.
        qputenv("TZ", "CET-1CEST,M3.5.0,M10.5.0/3");
        tzset();
    }

    void nothingWithoutAReader()
    {
        Records records;
        QString error;
        QVERIFY2(records.open(&error), qPrintable(error));
        ReportsPanel panel(*records.builder, records.clock);
        panel.show();
        auto* content = child<QWidget>(&panel, "reportContent");
        auto* message = child<QLabel>(&panel, "reportMessage");
        QVERIFY(content && message);
        QVERIFY(!content->isVisible());
        QVERIFY(!panel.report());
        QVERIFY2(panel.message().contains(QStringLiteral("Sign in")), qPrintable(panel.message()));

        int picked = 0;
        panel.setFilePicker([&](const QString&, const QString&, const QString&) {
            ++picked;
            return records.dir.filePath(QStringLiteral("officer.csv"));
        });
        panel.setExportRecorder([](const QString&, const QString&, const QString&, qint64, QString*) { return true; });
        for (const Role role : {Role::Officer, Role::CheckpointOfficer}) {
            panel.setUser(user(QStringLiteral("jdoe"), role));
            QVERIFY(!content->isVisible());
            QVERIFY(!panel.report());
            QCOMPARE(child<QTableWidget>(&panel, "reportTable")->rowCount(), 0);
            QVERIFY2(panel.message().contains(roleName(role)) && panel.message().contains(QStringLiteral("jdoe")),
                     qPrintable(panel.message()));
            panel.chooseAndExportCsv();
            panel.chooseAndExportPdf();
            QCOMPARE(picked, 0);
            QVERIFY(!QFile::exists(records.dir.filePath(QStringLiteral("officer.csv"))));
            QVERIFY(!panel.exportCsv(records.dir.filePath(QStringLiteral("officer.csv")), &error));
            QVERIFY(!QFile::exists(records.dir.filePath(QStringLiteral("officer.csv"))));
        }

        // An auditor sees the reports; signing out hides them again.
        panel.setUser(user(QStringLiteral("audrey"), Role::Auditor));
        QVERIFY(content->isVisible());
        QVERIFY(panel.report());
        QVERIFY(panel.message().isEmpty());
        panel.setUser(std::nullopt);
        QVERIFY(!content->isVisible());
        QVERIFY(!panel.report());
        QCOMPARE(child<QTableWidget>(&panel, "reportTable")->rowCount(), 0);
        // A disabled account neither.
        UserAccount disabled = user(QStringLiteral("sam"), Role::Supervisor);
        disabled.disabled = true;
        panel.setUser(disabled);
        QVERIFY(!content->isVisible());
        QVERIFY2(panel.message().contains(QStringLiteral("disabled")), qPrintable(panel.message()));
    }

    void previewOfTheLastFourteenDays()
    {
        Records records;
        QString error;
        QVERIFY2(records.open(&error), qPrintable(error));
        ReportsPanel panel(*records.builder, records.clock);
        panel.setUser(user(QStringLiteral("sam"), Role::Supervisor));
        panel.show();

        auto* from = child<QDateEdit>(&panel, "reportFrom");
        auto* until = child<QDateEdit>(&panel, "reportUntil");
        QVERIFY(from && until);
        QCOMPARE(from->date(), QDate(2026, 11, 13));
        QCOMPARE(until->date(), QDate(2026, 11, 26));
        // Local midnights, in UTC; the last day whole.
        QCOMPARE(panel.query().from, utc(11, 12, 23));
        QCOMPARE(panel.query().until, utc(11, 26, 23));

        auto* kind = child<QComboBox>(&panel, "reportKind");
        QCOMPARE(kind->count(), 6);
        QCOMPARE(kind->currentText(), ReportBuilder::title(ReportQuery::Kind::QueueResolutions));
        QVERIFY(panel.report());
        QVERIFY(panel.report()->rows.empty());
        QCOMPARE(child<QLabel>(&panel, "reportRowCount")->text(), QStringLiteral("0 rows"));

        kind->setCurrentIndex(kind->findData(int(ReportQuery::Kind::AlternateProcedures)));
        QVERIFY(panel.report());
        QCOMPARE(panel.query().kind, ReportQuery::Kind::AlternateProcedures);
        auto* table = child<QTableWidget>(&panel, "reportTable");
        QCOMPARE(table->rowCount(), 3);
        QCOMPARE(table->columnCount(), int(panel.report()->columns.size()));
        QCOMPARE(table->horizontalHeaderItem(1)->text(), QStringLiteral("Logged at"));
        QCOMPARE(table->item(0, 1)->text(), QStringLiteral("2026-11-20T10:00:00Z"));
        QCOMPARE(table->item(2, 12)->text(), QStringLiteral("damaged"));
        QCOMPARE(child<QLabel>(&panel, "reportTitle")->text(), QStringLiteral("Alternate procedures"));
        QVERIFY2(child<QLabel>(&panel, "reportSelection")->text().contains(QStringLiteral("2026-11-12T23:00:00Z")),
                 qPrintable(child<QLabel>(&panel, "reportSelection")->text()));
        QVERIFY2(child<QLabel>(&panel, "reportSummary")->text().startsWith(QStringLiteral("Alternate procedures: 3 (")),
                 qPrintable(child<QLabel>(&panel, "reportSummary")->text()));
        QCOMPARE(child<QLabel>(&panel, "reportRowCount")->text(), QStringLiteral("3 rows"));

        // A wider period, then the last day alone.
        from->setDate(QDate(2026, 11, 1));
        QCOMPARE(table->rowCount(), 4);
        from->setDate(QDate(2026, 11, 26));
        QCOMPARE(table->rowCount(), 1);
        QCOMPARE(child<QLabel>(&panel, "reportRowCount")->text(), QStringLiteral("1 row"));

        // A record logged since is shown after a refresh.
        AlternateProcedure procedure;
        procedure.officer = QStringLiteral("piet");
        procedure.citizenship = QStringLiteral("UTO");
        procedure.document = {QStringLiteral("id-card"), QStringLiteral("I1"), QStringLiteral("UTO"), QDate(), QString()};
        procedure.outcome = AlternateProcedure::Outcome::ReferredToSecondary;
        procedure.reason = QStringLiteral("watch list");
        QVERIFY2(AlternateProcedureStore(*records.database, *records.audit, records.clock)
                     .record(procedure, QStringLiteral("officer:piet"), &error),
                 qPrintable(error));
        child<QPushButton>(&panel, "refreshButton")->click();
        QCOMPARE(table->rowCount(), 2);

        // The end before the start: said inline, nothing to export.
        until->setDate(QDate(2026, 11, 20));
        QVERIFY(!panel.report());
        QCOMPARE(table->rowCount(), 0);
        QVERIFY2(panel.message().contains(QStringLiteral("could not be built")), qPrintable(panel.message()));
        QVERIFY(!child<QPushButton>(&panel, "exportCsvButton")->isEnabled());
        until->setDate(QDate(2026, 11, 26));
        QVERIFY(panel.message().isEmpty());
        QVERIFY(child<QPushButton>(&panel, "exportCsvButton")->isEnabled());
    }

    void exportsAreRecorded()
    {
        Records records;
        QString error;
        QVERIFY2(records.open(&error), qPrintable(error));
        ReportsPanel panel(*records.builder, records.clock);
        panel.setUser(user(QStringLiteral("audrey"), Role::Auditor));
        panel.setKind(ReportQuery::Kind::AlternateProcedures);
        std::vector<Export> recorded;
        bool writtenFirst = true;
        panel.setExportRecorder([&](const QString& kind, const QString& format, const QString& path, qint64 rows,
                                    QString*) {
            writtenFirst = writtenFirst && QFile::exists(path); // written before it is recorded
            recorded.push_back({kind, format, path, rows});
            return true;
        });
        QStringList suggestions;
        QString target;
        panel.setFilePicker([&](const QString&, const QString& suggested, const QString&) {
            suggestions << QFileInfo(suggested).fileName();
            return target;
        });

        target = records.dir.filePath(QStringLiteral("report.csv"));
        child<QPushButton>(&panel, "exportCsvButton")->click();
        QCOMPARE(suggestions.last(), QStringLiteral("alternate-procedures-2026-11-13-to-2026-11-26.csv"));
        QCOMPARE(int(recorded.size()), 1);
        QCOMPARE(recorded[0].kind, QStringLiteral("alternate-procedures"));
        QCOMPARE(recorded[0].format, QStringLiteral("csv"));
        QCOMPARE(recorded[0].path, target);
        QCOMPARE(recorded[0].rows, qint64(3));
        const QStringList lines = QString::fromUtf8(readAll(target)).split(QStringLiteral("\r\n"));
        QCOMPARE(lines.size(), 1 + 3 + 1);
        QVERIFY2(lines.at(0).startsWith(QStringLiteral("Procedure,Logged at,Officer,")), qPrintable(lines.at(0)));
        QVERIFY2(lines.at(1).endsWith(QStringLiteral(",'=SUM(A1:A9)")), qPrintable(lines.at(1))); // defused
        QVERIFY2(panel.message().contains(QStringLiteral("3 rows")), qPrintable(panel.message()));

        target = records.dir.filePath(QStringLiteral("report.pdf"));
        child<QPushButton>(&panel, "exportPdfButton")->click();
        QCOMPARE(suggestions.last(), QStringLiteral("alternate-procedures-2026-11-13-to-2026-11-26.pdf"));
        QCOMPARE(int(recorded.size()), 2);
        QCOMPARE(recorded[1].kind, QStringLiteral("alternate-procedures"));
        QCOMPARE(recorded[1].format, QStringLiteral("pdf"));
        QCOMPARE(recorded[1].path, target);
        QCOMPARE(recorded[1].rows, qint64(3));
        const QByteArray pdf = readAll(target);
        QVERIFY(pdf.startsWith("%PDF"));
        QVERIFY2(pdf.size() > 2000, qPrintable(QString::number(pdf.size())));

        // Cancelled in the picker: nothing written, nothing recorded.
        target.clear();
        child<QPushButton>(&panel, "exportCsvButton")->click();
        QCOMPARE(int(recorded.size()), 2);

        // Directly, without the recorder: the rows written.
        qint64 rows = 0;
        const QString direct = records.dir.filePath(QStringLiteral("direct.pdf"));
        QVERIFY2(panel.exportPdf(direct, &error, &rows), qPrintable(error));
        QCOMPARE(rows, qint64(3));
        QVERIFY(readAll(direct).startsWith("%PDF"));
        QCOMPARE(int(recorded.size()), 2);
        QVERIFY(writtenFirst);
    }

    void anExportThatCannotBeRecordedLeavesNoFile()
    {
        Records records;
        QString error;
        QVERIFY2(records.open(&error), qPrintable(error));
        ReportsPanel panel(*records.builder, records.clock);
        panel.setUser(user(QStringLiteral("sam"), Role::Supervisor));
        panel.setKind(ReportQuery::Kind::AlternateProcedures);
        QString target;
        int picked = 0;
        panel.setFilePicker([&](const QString&, const QString&, const QString&) {
            ++picked;
            return target;
        });

        // No recorder at all: refused before a file is asked for.
        target = records.dir.filePath(QStringLiteral("unrecorded.csv"));
        child<QPushButton>(&panel, "exportCsvButton")->click();
        QCOMPARE(picked, 0);
        QVERIFY(!QFile::exists(target));
        QVERIFY2(panel.message().contains(QStringLiteral("audit log")), qPrintable(panel.message()));

        int calls = 0;
        panel.setExportRecorder([&](const QString&, const QString&, const QString&, qint64, QString* why) {
            ++calls;
            *why = QStringLiteral("audit log unavailable");
            return false;
        });
        for (const char* name : {"refused.csv", "refused.pdf"}) {
            target = records.dir.filePath(QString::fromLatin1(name));
            child<QPushButton>(&panel, target.endsWith(QStringLiteral(".csv")) ? "exportCsvButton" : "exportPdfButton")->click();
            QVERIFY(!QFile::exists(target));
            QVERIFY2(panel.message().contains(QStringLiteral("audit log unavailable")), qPrintable(panel.message()));
        }
        QCOMPARE(calls, 2);

        // A file that cannot be written is named; nothing is recorded.
        target = records.dir.filePath(QStringLiteral("missing/folder/report.csv"));
        child<QPushButton>(&panel, "exportCsvButton")->click();
        QCOMPARE(calls, 2);
        QVERIFY2(panel.message().contains(QDir::toNativeSeparators(target)), qPrintable(panel.message()));
        QVERIFY(!QFile::exists(target));
    }

    void aDatabaseErrorIsShownInline()
    {
        Records records;
        QString error;
        QVERIFY2(records.open(&error), qPrintable(error));
        QVERIFY2(records.database->exec(QStringLiteral("DROP TABLE deletions"), QStringLiteral("drop"), &error),
                 qPrintable(error));
        ReportsPanel panel(*records.builder, records.clock);
        panel.setUser(user(QStringLiteral("sam"), Role::Admin));
        panel.setKind(ReportQuery::Kind::Deletions);
        QVERIFY(!panel.report());
        QVERIFY2(panel.message().contains(QStringLiteral("could not be built"))
                     && panel.message().contains(QStringLiteral("deletions")),
                 qPrintable(panel.message()));
        const QString path = records.dir.filePath(QStringLiteral("deletions.csv"));
        QVERIFY(!panel.exportCsv(path, &error));
        QVERIFY2(error.contains(QDir::toNativeSeparators(path)), qPrintable(error));
        QVERIFY(!QFile::exists(path));
        // The other reports still read.
        panel.setKind(ReportQuery::Kind::AlternateProcedures);
        QVERIFY(panel.report());
        QVERIFY(panel.message().isEmpty());
    }
};

QTEST_MAIN(TestReportsPanel)
#include "tst_reportspanel.moc"
