// The port's figures for the supervisor (issue 5): tiles, score
// distributions with the threshold, the DET curve and the rates, computed
// from stored encounters; the filters (whole local days, workstation, camera,
// flight) change them; officers see nothing.
#include "core/storage/Clock.h"
#include "core/workflow/AlternateProcedureStore.h"
#include "core/workflow/EncounterStore.h"
#include "core/workflow/PortFigures.h"
#include "core/workflow/Records.h"
#include "tests/support/ManualClock.h"
#include "tests/ui/Screenshots.h"
#include "tests/ui/TestRecords.h"
#include "ui/supervision/FiguresView.h"

#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateEdit>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineSeries>
#include <QScatterSeries>
#include <QScrollArea>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <ctime>
#include <functional>
#include <memory>
#include <utility>
#include <vector>

using namespace fg;

namespace {

using Decision = Encounter::Decision;

QDateTime utc(int day, int hour, int minute = 0)
{
    return QDateTime(QDate(2026, 11, day), QTime(hour, minute), Qt::UTC);
}

struct Capture {
    QDateTime at; // UTC
    const char* flight;
    const char* workstation;
    const char* camera;
    Decision decision;
    std::optional<double> score;
    std::vector<double> candidates;            // 1:N top list, best first; empty: 1:1
    std::optional<Encounter::OfficerAction> action;
    int secondsToAction;
    double threshold;
};

// The encounters (local time is Central European, UTC+1). The default
// period on 2026-11-26 is 2026-11-20..26 local: #8 (00:30 local on the 20th)
// is in it, #9 (23:30 local on the 19th) and #10 (the 10th) are not.
const std::vector<Capture>& captures()
{
    using Action = Encounter::OfficerAction;
    static const std::vector<Capture> table = {
        {utc(24, 10, 0), "LH400", "gate-a1", "cam-1", Decision::Match, 0.81, {0.81, 0.22, 0.11}, Action::Confirm, 4, 0.30},
        {utc(24, 10, 10), "LH400", "gate-a1", "cam-1", Decision::Match, 0.72, {0.72, 0.31}, Action::Confirm, 6, 0.30},
        {utc(24, 10, 20), "LH400", "gate-a1", "cam-1", Decision::Match, 0.66, {}, Action::Confirm, 2, 0.30},
        {utc(24, 10, 30), "LH400", "gate-a1", "cam-1", Decision::NoMatch, 0.21, {0.21, 0.12}, Action::Override, 8, 0.30},
        {utc(24, 10, 40), "LH400", "gate-a1", "cam-1", Decision::PoorQuality, std::nullopt, {}, std::nullopt, 0, 0.30},
        {utc(25, 9, 0), "UA901", "gate-b2", "cam-2", Decision::Match, 0.91, {0.91, 0.16}, Action::Confirm, 10, 0.335},
        {utc(25, 9, 10), "UA901", "gate-b2", "cam-2", Decision::NoFace, std::nullopt, {}, std::nullopt, 0, 0.335},
        {utc(19, 23, 30), "BA117", "gate-b2", "cam-2", Decision::NoFace, std::nullopt, {}, std::nullopt, 0, 0.335},
        {utc(19, 22, 30), "BA117", "gate-b2", "cam-2", Decision::NoFace, std::nullopt, {}, std::nullopt, 0, 0.335},
        {utc(10, 12, 0), "LH400", "gate-a1", "cam-1", Decision::Match, 0.5, {0.5, 0.4}, Action::Confirm, 3, 0.5},
    };
    return table;
}

struct OptOut {
    QDateTime at;
    const char* flight;
    const char* workstation;
    const char* camera;
};

const std::vector<OptOut>& optOuts()
{
    static const std::vector<OptOut> table = {
        {utc(24, 11, 0), "LH400", "gate-a1", "cam-1"},
        {utc(25, 9, 30), "UA901", "gate-b2", "cam-2"},
    };
    return table;
}

// The records with the encounters above, the clock at 2026-11-26 12:00 UTC.
struct Port {
    QTemporaryDir dir;
    test::ManualClock clock{utc(10, 0)}; // before the first record: the records open then
    std::unique_ptr<Records> records;
    std::unique_ptr<PortFiguresCalculator> calculator;

    bool open(QString* error)
    {
        records = test::openRecords(dir, clock, error);
        if (!records)
            return false;
        // Written in the order of their times: audit times never go backwards
        // (AuditLog), so the seeding steps the clock forward only.
        std::vector<std::pair<QDateTime, std::function<bool()>>> steps;
        for (const Capture& capture : captures()) {
            steps.emplace_back(capture.at, [this, &capture, error] {
                Encounter encounter;
                encounter.mode = Encounter::Mode::Biometric;
                encounter.decision = capture.decision;
                encounter.citizenship = QStringLiteral("UTO");
                encounter.score = capture.score;
                encounter.threshold = capture.threshold;
                encounter.fmrTarget = 1e-3;
                encounter.officer = QStringLiteral("olga");
                encounter.workstation = QString::fromLatin1(capture.workstation);
                encounter.camera = QString::fromLatin1(capture.camera);
                encounter.flight = QString::fromLatin1(capture.flight);
                encounter.capturedAt = capture.at;
                encounter.verifiedAt = capture.at;
                // The no-match (#4) was a photo held up to the camera; the
                // matches were live faces; the others were not assessed.
                if (capture.decision == Decision::NoMatch) {
                    encounter.padDecision = QStringLiteral("attack");
                    encounter.padScore = 0.9;
                } else if (capture.decision == Decision::Match) {
                    encounter.padDecision = QStringLiteral("bona-fide");
                    encounter.padScore = 0.05;
                }
                if (!capture.candidates.empty()) {
                    QJsonArray top;
                    for (std::size_t i = 0; i < capture.candidates.size(); ++i)
                        top.append(QJsonObject{{QStringLiteral("traveler_id"), qint64(i + 1)},
                                               {QStringLiteral("name"), QStringLiteral("P%1").arg(i + 1)},
                                               {QStringLiteral("score"), capture.candidates[i]}});
                    encounter.candidates = QJsonObject{{QStringLiteral("flight"), encounter.flight},
                                                       {QStringLiteral("top"), top}};
                }
                clock.set(capture.at);
                const std::optional<qint64> id = records->encounters().add(encounter, nullptr, QStringLiteral("officer:olga"), error);
                if (!id)
                    return false;
                if (capture.action) {
                    clock.advanceSeconds(capture.secondsToAction);
                    const QString reason = *capture.action == Encounter::OfficerAction::Confirm
                                               ? QString()
                                               : QStringLiteral("checked by hand");
                    if (!records->encounters().recordOfficerAction(*id, *capture.action, reason,
                                                                   QStringLiteral("officer:olga"), error))
                        return false;
                }
                return true;
            });
        }
        for (const OptOut& optOut : optOuts()) {
            steps.emplace_back(optOut.at, [this, &optOut, error] {
                AlternateProcedure procedure;
                procedure.officer = QStringLiteral("olga");
                procedure.workstation = QString::fromLatin1(optOut.workstation);
                procedure.camera = QString::fromLatin1(optOut.camera);
                procedure.flight = QString::fromLatin1(optOut.flight);
                procedure.citizenship = QStringLiteral("UTO");
                procedure.document = {QStringLiteral("passport"), QStringLiteral("C01X00T47"), QStringLiteral("UTO"),
                                      QDate(2030, 1, 1), QString()};
                procedure.checks = {{QStringLiteral("photo-matches-holder"), AlternateProcedure::CheckResult::Passed}};
                clock.set(optOut.at);
                if (!records->alternateProcedures().record(procedure, QStringLiteral("officer:olga"), error))
                    return false;
                return true;
            });
        }
        std::stable_sort(steps.begin(), steps.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
        for (const auto& step : steps) {
            if (!step.second())
                return false;
        }
        clock.set(utc(26, 12));
        calculator = std::make_unique<PortFiguresCalculator>(records->database());
        return true;
    }
};

UserAccount user(Role role, const QString& name)
{
    UserAccount account;
    account.id = 7;
    account.name = name;
    account.role = role;
    return account;
}

// A small table of the model: FMR 1e-4, 1e-3, 1e-2.
CalibrationTable smallTable()
{
    return CalibrationTable(QStringLiteral("lfw-dev/labels.csv"), QStringLiteral("model-x"),
                            QDateTime(QDate(2026, 11, 1), QTime(12, 0), Qt::UTC), 100000,
                            {{1e-4, 0.45, 0.90}, {1e-3, 0.335, 0.95}, {1e-2, 0.25, 0.98}});
}

template <typename T>
T* child(QWidget* parent, const QString& name)
{
    T* found = parent->findChild<T*>(name);
    if (!found)
        qWarning("no child %s", qPrintable(name));
    return found;
}

QString tile(QWidget* view, const char* name)
{
    QLabel* label = child<QLabel>(view, QLatin1String(name) + QStringLiteral("Value"));
    return label ? label->text() : QStringLiteral("(missing)");
}

template <typename T>
T* seriesNamed(QWidget* view, const char* chart, const char* name)
{
    QChartView* chartView = child<QChartView>(view, QLatin1String(chart));
    if (!chartView)
        return nullptr;
    for (QAbstractSeries* series : chartView->chart()->series())
        if (series->objectName() == QLatin1String(name))
            return qobject_cast<T*>(series);
    qWarning("no series %s in %s", name, chart);
    return nullptr;
}

QBarSet* barSet(QWidget* view, const char* name)
{
    auto* bars = seriesNamed<QBarSeries>(view, "scoreChart", "scoreBars");
    if (!bars)
        return nullptr;
    for (QBarSet* set : bars->barSets())
        if (set->objectName() == QLatin1String(name))
            return set;
    return nullptr;
}

void choose(QWidget* view, const char* combo, const QString& text)
{
    QComboBox* box = child<QComboBox>(view, QLatin1String(combo));
    QVERIFY(box);
    const int index = box->findText(text);
    QVERIFY2(index >= 0, qPrintable(text));
    box->setCurrentIndex(index);
}

QStringList items(QWidget* view, const char* combo)
{
    QStringList texts;
    if (QComboBox* box = child<QComboBox>(view, QLatin1String(combo)))
        for (int i = 0; i < box->count(); ++i)
            texts << box->itemText(i);
    return texts;
}

} // namespace

class TestFiguresView : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        // Central European time without needing tzdata: the days are local.
        qputenv("TZ", "CET-1CEST,M3.5.0,M10.5.0/3");
        tzset();
        QCOMPARE(utc(19, 23, 30).toLocalTime().date(), QDate(2026, 11, 20));
        qunsetenv("FACEGATE_CALIBRATION");
    }

    void tilesShowTheSeededFigures()
    {
        Port port;
        QString error;
        QVERIFY2(port.open(&error), qPrintable(error));
        FiguresView view(*port.calculator, port.clock);
        view.resize(1366, 700);
        view.show();
        view.setUser(user(Role::Supervisor, QStringLiteral("sam")));
        QVERIFY(view.figures());
        QVERIFY2(view.message().isEmpty(), qPrintable(view.message()));
        QCOMPARE(child<QDateEdit>(&view, QStringLiteral("fromDate"))->date(), QDate(2026, 11, 20));
        QCOMPARE(child<QDateEdit>(&view, QStringLiteral("untilDate"))->date(), QDate(2026, 11, 26));
        // Until is inclusive of its day in the view, exclusive in the query.
        QCOMPARE(view.query().from, QDateTime(QDate(2026, 11, 19), QTime(23, 0), Qt::UTC));
        QCOMPARE(view.query().until, QDateTime(QDate(2026, 11, 26), QTime(23, 0), Qt::UTC));

        // Ten in the period: #1..#8 and the two opt-outs.
        QCOMPARE(tile(&view, "processed"), QStringLiteral("10"));
        QCOMPARE(tile(&view, "capture"), QStringLiteral("50.0 % (5 of 10)"));
        QCOMPARE(tile(&view, "match"), QStringLiteral("80.0 % (4 of 5)"));
        QCOMPARE(tile(&view, "noMatch"), QStringLiteral("20.0 % (1 of 5)"));
        QCOMPARE(tile(&view, "optOut"), QStringLiteral("20.0 % (2 of 10)"));
        QCOMPARE(tile(&view, "unusable"), QStringLiteral("1 poor quality · 2 no face"));
        // Capture to action: 4, 6, 2, 8, 10 s.
        QCOMPARE(tile(&view, "medianTime"), QStringLiteral("6.0 s"));
        QCOMPARE(tile(&view, "p95Time"), QStringLiteral("10.0 s"));
        QVERIFY(child<QLabel>(&view, QStringLiteral("medianTimeDetail"))->text().contains(QLatin1String("5 decisions")));
        // #4 of the five faces judged: #1, #2, #3, #4, #6.
        QCOMPARE(tile(&view, "presentationAttacks"), QStringLiteral("1"));
        QVERIFY(child<QLabel>(&view, QStringLiteral("presentationAttacksDetail"))
                    ->text()
                    .contains(QLatin1String("of 5 faces assessed")));
        for (const char* name : {"processedTile", "captureTile", "matchTile", "noMatchTile", "optOutTile",
                                 "unusableTile", "medianTimeTile", "p95TimeTile", "presentationAttacksTile"})
            QVERIFY2(child<QWidget>(&view, QLatin1String(name))->isVisible(), name);

        // The filters' choices come from the stored encounters.
        QCOMPARE(items(&view, "flightFilter"),
                 (QStringList{QStringLiteral("All"), QStringLiteral("BA117"), QStringLiteral("LH400"), QStringLiteral("UA901")}));
        QCOMPARE(items(&view, "workstationFilter"),
                 (QStringList{QStringLiteral("All"), QStringLiteral("gate-a1"), QStringLiteral("gate-b2")}));
        QCOMPARE(items(&view, "cameraFilter"),
                 (QStringList{QStringLiteral("All"), QStringLiteral("cam-1"), QStringLiteral("cam-2")}));

        // A language change writes every word again from the same figures.
        QEvent change(QEvent::LanguageChange);
        QCoreApplication::sendEvent(&view, &change);
        QCOMPARE(tile(&view, "capture"), QStringLiteral("50.0 % (5 of 10)"));
        QCOMPARE(items(&view, "flightFilter").first(), QStringLiteral("All"));
    }

    void scoreDistributionsAndThreshold()
    {
        Port port;
        QString error;
        QVERIFY2(port.open(&error), qPrintable(error));
        FiguresView view(*port.calculator, port.clock);
        view.setUser(user(Role::Auditor, QStringLiteral("alma")));
        view.show();

        QBarSet* genuine = barSet(&view, "genuineScores");
        QBarSet* impostor = barSet(&view, "impostorScores");
        QVERIFY(genuine && impostor);
        QCOMPARE(genuine->count(), FiguresView::kHistogramBins);
        QCOMPARE(impostor->count(), FiguresView::kHistogramBins);
        // Genuine: 0.81, 0.72, 0.66, 0.91 (confirmed matches; not #10, out of the period).
        QCOMPARE(genuine->sum(), 4.0);
        QCOMPARE(genuine->sum(), double(view.figures()->genuineScores.size()));
        QCOMPARE(genuine->at(16), 1.0);
        QCOMPARE(genuine->at(14), 1.0);
        QCOMPARE(genuine->at(13), 1.0);
        QCOMPARE(genuine->at(18), 1.0);
        // Impostor: the lower candidates of confirmed searches, 0.22, 0.11, 0.31, 0.16
        // (not the no-match's candidate 0.12).
        QCOMPARE(impostor->sum(), 4.0);
        QCOMPARE(impostor->at(4), 1.0);
        QCOMPARE(impostor->at(2), 1.0);
        QCOMPARE(impostor->at(6), 1.0);
        QCOMPARE(impostor->at(3), 1.0);
        QCOMPARE(genuine->label(), QStringLiteral("Genuine (4 scores)"));
        QVERIFY(impostor->label().startsWith(QLatin1String("Impostor (4 scores")));

        // The most recent encounter's threshold (#7, 0.335), a vertical line up the whole count axis.
        auto* threshold = seriesNamed<QLineSeries>(&view, "scoreChart", "thresholdLine");
        QVERIFY(threshold);
        QCOMPARE(threshold->count(), 2);
        QCOMPARE(threshold->at(0).x(), 0.335);
        QCOMPARE(threshold->at(1).x(), 0.335);
        QCOMPARE(threshold->at(0).y(), 0.0);
        QVERIFY(threshold->at(1).y() >= 1.0);
        QCOMPARE(threshold->name(), QStringLiteral("Threshold 0.335"));
        QVERIFY(child<QChartView>(&view, QStringLiteral("scoreChart"))->chart()->legend()->isVisible());
        QVERIFY(child<QLabel>(&view, QStringLiteral("scoreCaption"))->text().contains(QLatin1String("hatched")));

        // The rates as bars, in percent, named with their values.
        auto* rates = seriesNamed<QAbstractBarSeries>(&view, "rateChart", "rateBars");
        QVERIFY(rates && rates->count() == 1);
        QBarSet* rateSet = rates->barSets().first();
        QCOMPARE(rateSet->count(), 4);
        QCOMPARE(rateSet->at(3), 50.0); // capture, listed last: drawn at the top
        QCOMPARE(rateSet->at(2), 80.0); // match
        QCOMPARE(rateSet->at(1), 20.0); // no match
        QCOMPARE(rateSet->at(0), 20.0); // opt-out
    }

    void detCurveFromTheCalibrationTable()
    {
        Port port;
        QString error;
        QVERIFY2(port.open(&error), qPrintable(error));
        FiguresView view(*port.calculator, port.clock);
        view.setUser(user(Role::Supervisor, QStringLiteral("sam")));
        view.show();

        view.setCalibration(std::nullopt);
        QVERIFY(!child<QChartView>(&view, QStringLiteral("detChart"))->isVisible());
        QVERIFY(child<QLabel>(&view, QStringLiteral("detCaption"))->text().contains(QLatin1String("No calibration table")));

        view.setCalibration(smallTable());
        QVERIFY(child<QChartView>(&view, QStringLiteral("detChart"))->isVisible());
        auto* curve = seriesNamed<QLineSeries>(&view, "detChart", "detCurve");
        QVERIFY(curve);
        QCOMPARE(qsizetype(curve->count()), qsizetype(smallTable().rows().size()));
        QCOMPARE(curve->at(0).x(), 1e-4);
        QVERIFY(qAbs(curve->at(0).y() - 0.10) < 1e-12);
        QCOMPARE(curve->at(2).x(), 1e-2);
        QVERIFY(qAbs(curve->at(2).y() - 0.02) < 1e-12);
        // The decisions' threshold 0.335 is the table's FMR 1e-3 row.
        auto* operating = seriesNamed<QScatterSeries>(&view, "detChart", "operatingPoint");
        QVERIFY(operating);
        QCOMPARE(operating->count(), 1);
        QVERIFY(qAbs(operating->at(0).x() - 1e-3) < 1e-12);
        QVERIFY(qAbs(operating->at(0).y() - 0.05) < 1e-12);
        QCOMPARE(operating->name(), QStringLiteral("Threshold 0.335"));
        QVERIFY(child<QLabel>(&view, QStringLiteral("detCaption"))->text().contains(QLatin1String("FMR 0.001, FNMR 5.0 %")));

        // LH400's threshold 0.30 lies between the 1e-3 and 1e-2 rows.
        choose(&view, "flightFilter", QStringLiteral("LH400"));
        QCOMPARE(operating->count(), 1);
        QVERIFY(operating->at(0).x() > 1e-3 && operating->at(0).x() < 1e-2);
        QVERIFY(operating->at(0).y() < 0.05 && operating->at(0).y() > 0.02);
    }

    void theProgramsCalibrationTable()
    {
        // The compiled-in table is of the model the workstation runs.
        QString error;
        const std::optional<CalibrationTable> table = FiguresView::currentCalibration(&error);
        QVERIFY2(table, qPrintable(error));
        QCOMPARE(table->modelId(), FiguresView::currentModelId());
        QVERIFY(FiguresView::currentModelId().endsWith(QLatin1String("+bgr")));
        QVERIFY(table->rows().size() >= 2);
    }

    void filtersChangeTheFigures()
    {
        Port port;
        QString error;
        QVERIFY2(port.open(&error), qPrintable(error));
        FiguresView view(*port.calculator, port.clock);
        view.setUser(user(Role::Admin, QStringLiteral("root")));
        view.show();

        choose(&view, "flightFilter", QStringLiteral("LH400"));
        QCOMPARE(view.query().flight, QStringLiteral("LH400"));
        QCOMPARE(tile(&view, "processed"), QStringLiteral("6"));
        QCOMPARE(tile(&view, "capture"), QStringLiteral("66.7 % (4 of 6)"));
        QCOMPARE(tile(&view, "match"), QStringLiteral("75.0 % (3 of 4)"));
        QCOMPARE(tile(&view, "noMatch"), QStringLiteral("25.0 % (1 of 4)"));
        QCOMPARE(tile(&view, "optOut"), QStringLiteral("16.7 % (1 of 6)"));
        QCOMPARE(barSet(&view, "genuineScores")->sum(), 3.0);
        QCOMPARE(barSet(&view, "impostorScores")->sum(), 3.0);
        QCOMPARE(seriesNamed<QLineSeries>(&view, "scoreChart", "thresholdLine")->at(0).x(), 0.30);
        QCOMPARE(seriesNamed<QLineSeries>(&view, "scoreChart", "thresholdLine")->name(), QStringLiteral("Threshold 0.300"));

        // A flight with no usable capture: rates without a denominator say "no data".
        choose(&view, "flightFilter", QStringLiteral("BA117"));
        QCOMPARE(tile(&view, "processed"), QStringLiteral("1"));
        QCOMPARE(tile(&view, "capture"), QStringLiteral("0.0 % (0 of 1)"));
        QCOMPARE(tile(&view, "match"), QStringLiteral("no data"));
        QCOMPARE(tile(&view, "medianTime"), QStringLiteral("no data"));
        QCOMPARE(barSet(&view, "genuineScores")->sum(), 0.0);

        choose(&view, "flightFilter", QStringLiteral("All"));
        choose(&view, "cameraFilter", QStringLiteral("cam-2"));
        QCOMPARE(tile(&view, "processed"), QStringLiteral("4")); // #6, #7, #8 and an opt-out
        choose(&view, "cameraFilter", QStringLiteral("All"));
        choose(&view, "workstationFilter", QStringLiteral("gate-a1"));
        QCOMPARE(tile(&view, "processed"), QStringLiteral("6"));
        choose(&view, "workstationFilter", QStringLiteral("All"));
        QCOMPARE(tile(&view, "processed"), QStringLiteral("10"));

        // The last day counted is included whole: until the 24th keeps #1..#5, an opt-out and #8.
        auto* until = child<QDateEdit>(&view, QStringLiteral("untilDate"));
        auto* from = child<QDateEdit>(&view, QStringLiteral("fromDate"));
        until->setDate(QDate(2026, 11, 24));
        QCOMPARE(tile(&view, "processed"), QStringLiteral("7"));
        // From the 21st: #8 (the 20th, local) drops out.
        from->setDate(QDate(2026, 11, 21));
        QCOMPARE(tile(&view, "processed"), QStringLiteral("6"));
        // From the 19th: #9 (23:30 local on the 19th) comes in, #10 (the 10th) still not.
        from->setDate(QDate(2026, 11, 19));
        QCOMPARE(tile(&view, "processed"), QStringLiteral("8"));

        // Until before from: said in words, nothing shown.
        until->setDate(QDate(2026, 11, 18));
        QVERIFY(!view.figures());
        QVERIFY(view.message().contains(QLatin1String("before")));
        QCOMPARE(tile(&view, "processed"), QStringLiteral("no data"));
        until->setDate(QDate(2026, 11, 26));
        QVERIFY(view.figures());
        QVERIFY(view.message().isEmpty());
    }

    void anOfficerSeesNothing()
    {
        Port port;
        QString error;
        QVERIFY2(port.open(&error), qPrintable(error));
        FiguresView view(*port.calculator, port.clock);
        view.show();
        // Nobody signed in yet.
        QVERIFY(!view.figures());
        QVERIFY(!child<QScrollArea>(&view, QStringLiteral("figuresContent"))->isVisible());
        QVERIFY(child<QLabel>(&view, QStringLiteral("figuresAccess"))->isVisible());

        view.setUser(user(Role::Supervisor, QStringLiteral("sam")));
        QVERIFY(view.figures());
        QVERIFY(child<QScrollArea>(&view, QStringLiteral("figuresContent"))->isVisible());

        for (Role role : {Role::Officer, Role::CheckpointOfficer}) {
            view.setUser(user(role, QStringLiteral("olga")));
            QVERIFY(!view.figures());
            QVERIFY(!child<QScrollArea>(&view, QStringLiteral("figuresContent"))->isVisible());
            QLabel* access = child<QLabel>(&view, QStringLiteral("figuresAccess"));
            QVERIFY(access->isVisible());
            QVERIFY2(access->text().contains(QLatin1String("supervisors")) && access->text().contains(QLatin1String("olga")),
                     qPrintable(access->text()));
            // Nothing of the records is left in the hidden widgets.
            QCOMPARE(tile(&view, "processed"), QStringLiteral("no data"));
            QCOMPARE(barSet(&view, "genuineScores")->sum(), 0.0);
            view.refresh();
            QVERIFY(!view.figures());
        }
        // A disabled supervisor neither.
        UserAccount disabled = user(Role::Supervisor, QStringLiteral("sam"));
        disabled.disabled = true;
        view.setUser(disabled);
        QVERIFY(!view.figures());
        view.setUser(std::nullopt);
        QVERIFY(!view.figures());
        QVERIFY(child<QLabel>(&view, QStringLiteral("figuresAccess"))->text().contains(QLatin1String("Sign in")));
    }

    void fitsTheSupervisorsWindow()
    {
        Port port;
        QString error;
        QVERIFY2(port.open(&error), qPrintable(error));
        QTabWidget window;
        auto* view = new FiguresView(*port.calculator, port.clock);
        window.addTab(new QWidget, QStringLiteral("Queue"));
        window.addTab(view, QStringLiteral("Figures"));
        window.setCurrentWidget(view);
        view->setCalibration(FiguresView::currentCalibration(&error));
        view->setUser(user(Role::Supervisor, QStringLiteral("sam")));
        window.resize(1366, 768);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        // Nothing to scroll sideways at 1366 pixels.
        auto* content = child<QScrollArea>(view, QStringLiteral("figuresContent"));
        QVERIFY2(content->widget()->minimumSizeHint().width() <= content->viewport()->width(),
                 qPrintable(QStringLiteral("%1 > %2").arg(content->widget()->minimumSizeHint().width())
                                .arg(content->viewport()->width())));
        test::saveScreenshots(window, QStringLiteral("supervisor-figures"), {QSize(1366, 768)});
    }
};

QTEST_MAIN(TestFiguresView)
#include "tst_figuresview.moc"
