// Issue 6's acceptance: the officer's workstation (as tst_workstation drives
// it) with matching through facegate-matchd instead of in-process. The
// service (MatchServer + MatchingApi, the test PKI, its manifest folder the
// test's folder) runs in this process on loopback; the workstation has
// matching/endpoint and its own client certificate. MATCH (Lin-Manuel
// Miranda, flight UA901) and NO MATCH (flight UA902, which does not carry
// him) are decided by the service and recorded once, by the desk, with the
// service's scores. The service restarts between two captures and loses its
// galleries: the workstation loads UA901 again by itself and the second
// capture is still a MATCH. Then the service stops: the next capture shows no
// decision and the status bar says the service is unreachable; nothing is
// decided in-process and nothing is stored.
#include "core/capture/VideoFileSource.h"
#include "core/config/Settings.h"
#include "core/matching/CalibrationTable.h"
#include "core/security/Base32.h"
#include "core/security/SecureBuffer.h"
#include "core/security/Totp.h"
#include "core/security/UserStore.h"
#include "core/storage/Database.h"
#include "core/storage/SystemClock.h"
#include "core/workflow/EncounterStore.h"
#include "core/workflow/Records.h"
#include "ui/desk/InspectionDesk.h"
#include "ui/desk/MainWindow.h"
#include "ui/desk/MatchPanel.h"
#include "ui/session/SignInDialog.h"
#include "ui/session/Workstation.h"

#include "tests/support/TestData.h"
#include "tests/ui/ClipCamera.h"
#include "tests/ui/ClipFlight.h"
#include "tests/ui/LoopbackMatchService.h"
#include "tests/ui/Screenshots.h"
#include "tests/ui/TestRecords.h"
#include "tests/ui/WorkstationDriving.h"

#include <QApplication>
#include <QDeadlineTimer>
#include <QFileDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <functional>
#include <memory>

using namespace fg;

namespace {

using test::activate;
using test::framesPerLoop;
using test::kGenerousMs;
using test::waitForClipPosition;
using test::whenModal;

const char* const kOlgaPassword = "staple-gun-lantern-7";

QString labelText(QWidget& window, const char* name)
{
    auto* label = window.findChild<QLabel*>(QString::fromLatin1(name));
    return label ? label->text() : QStringLiteral("<no label %1>").arg(QString::fromLatin1(name));
}

} // namespace

class TestWorkstationService : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void officerMatchesThroughTheService()
    {
        FG_REQUIRE_DATASETS();
        QVERIFY2(QSslSocket::supportsSsl(), "Qt has no TLS backend (libqopensslbackend.so)");
        QString error;
        const qint64 loop = framesPerLoop(&error);
        QVERIFY2(loop > 250, qPrintable(error));

        QTemporaryDir dir;
        const std::optional<Settings> settings = test::recordsSettings(dir, &error);
        QVERIFY2(settings, qPrintable(error));
        const SystemClock clock;
        const std::unique_ptr<Records> records = Records::open(*settings, clock, QStringLiteral("test:workstation"), &error);
        QVERIFY2(records, qPrintable(error));
        // The same records on a thread of their own, where the desk stores each encounter.
        const std::unique_ptr<RecordsThread> recordsThread =
            RecordsThread::open(*settings, clock, QStringLiteral("test:records"), &error);
        QVERIFY2(recordsThread, qPrintable(error));
        QVERIFY2(records->users().createFirstAdmin(QStringLiteral("admin"), {}, SecureBuffer::copyOf("correct-horse-battery"),
                                                   records->keys(), QStringLiteral("test:setup"), &error),
                 qPrintable(error));
        const auto olga = records->users().add({QStringLiteral("olga"), Role::Officer, QStringLiteral("Olga Ortiz")},
                                               SecureBuffer::copyOf(kOlgaPassword), records->keys(),
                                               QStringLiteral("test:setup"), &error);
        QVERIFY2(olga, qPrintable(error));
        const QByteArray olgaSecret = Base32::decode(olga->totpSecret).value_or(QByteArray());

        // facegate-matchd in this process, over the same records (so that an
        // encounter stored twice would be seen), reading manifests from dir.
        test::LoopbackMatchService service;
        QVERIFY2(service.start(*records, clock, settings->fmrTarget(), dir.path(), &error), qPrintable(error));
        const QString endpoint = QStringLiteral("https://127.0.0.1:%1").arg(service.port());

        Workstation::Options options;
        options.cameras = {test::clipCamera()};
        options.stationName = QStringLiteral("gate-b12");
        options.actor = QStringLiteral("test:workstation");
        options.fmrTarget = settings->fmrTarget();
        options.matching = service.clientOptions();
        Workstation workstation(*records, *recordsThread, clock, options);
        QSignalSpy started(&workstation, &Workstation::sessionStarted);

        workstation.run();
        SignInDialog* signIn = workstation.signInDialog();
        QVERIFY(signIn);
        QTRY_VERIFY(signIn->isVisible());
        signIn->findChild<QLineEdit*>(QStringLiteral("signInName"))->setText(QStringLiteral("olga"));
        signIn->findChild<QLineEdit*>(QStringLiteral("signInPassword"))->setText(QString::fromLatin1(kOlgaPassword));
        signIn->findChild<QLineEdit*>(QStringLiteral("signInCode"))
            ->setText(Totp::code(olgaSecret, QDateTime::currentSecsSinceEpoch()));
        QTest::mouseClick(signIn->findChild<QPushButton*>(QStringLiteral("signInButton")), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(started.count() == 1, 30000);
        MainWindow& window = workstation.window();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(activate(window));
        QVERIFY(workstation.desk().usesMatchService());
        QCOMPARE(labelText(window, "matchingState"), QStringLiteral("Matching: service at %1").arg(endpoint));

        LiveAnalysis& camera = window.liveAnalysis();
        QTest::keyClick(&window, Qt::Key_A, Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY(!camera.autoCapture());

        auto* referenceState = window.findChild<QLabel*>(QStringLiteral("referenceState"));
        const auto loadFlight = [&](const QString& manifest) {
            whenModal<QFileDialog>(this, [manifest](QFileDialog* dialog) {
                auto* name = dialog->findChild<QLineEdit*>(QStringLiteral("fileNameEdit"));
                QVERIFY(name);
                name->setText(manifest);
                QTest::keyClick(name, Qt::Key_Return);
            });
            QTest::keyClick(&window, Qt::Key_M, Qt::ControlModifier);
            QTRY_VERIFY_WITH_TIMEOUT(referenceState->text().contains(QStringLiteral("1:N"))
                                         || referenceState->text().contains(QStringLiteral("not loaded")),
                                     kGenerousMs);
            QVERIFY(activate(window));
        };
        // The manifest is in the service's manifest folder (dir): the
        // workstation names it, the service builds the gallery.
        loadFlight(test::writeClipFlightManifest(dir.path()));
        QCOMPARE(referenceState->text(), QStringLiteral("Flight UA901 · 7 travelers · 1:N"));
        QCOMPARE(workstation.desk().referenceMode(), Inspection::Mode::OneToMany);
        QCOMPARE(workstation.inspection().mode(), Inspection::Mode::None); // nothing to decide with in-process
        QCOMPARE(service.server()->metrics().requests(QStringLiteral("PUT /v1/galleries/{name}"), 200), 1);

        QSignalSpy captures(&camera, &LiveAnalysis::captured);
        QSignalSpy recorded(&workstation.desk(), &InspectionDesk::encounterRecorded);
        const auto captureAt = [&](qint64 from, qint64 to) -> std::optional<Encounter::Decision> {
            const qsizetype before = recorded.count();
            if (!waitForClipPosition(camera, loop, from, to))
                return std::nullopt;
            QTest::keyClick(&window, Qt::Key_Space);
            if (!QTest::qWaitFor([&] { return recorded.count() > before || window.matchPanel().hasNoDecision(); },
                                 kGenerousMs)
                || recorded.count() == before) {
                qWarning("not recorded: %s", qPrintable(labelText(window, "actionState")));
                return std::nullopt;
            }
            const auto decided = recorded.back().at(1).value<Encounter::Decision>();
            const std::optional<MatchOutcome>& shown = window.matchPanel().outcome();
            qInfo("decided %s (%s), score %.3f", qPrintable(Encounter::decisionName(decided)),
                  qPrintable(shown ? shown->reason : QString()), shown ? shown->score.value_or(-1) : -2.0);
            return decided;
        };
        const std::optional<MatchOutcome>& outcome = window.matchPanel().outcome();
        const std::optional<CalibratedThreshold> calibrated =
            CalibrationTable::calibrated(settings->fmrTarget(), service.modelId(), &error);
        QVERIFY2(calibrated, qPrintable(error));

        // MATCH, decided by the service.
        QCOMPARE(captureAt(100, 140), std::optional(Encounter::Decision::Match));
        QCOMPARE(service.server()->metrics().requests(QStringLiteral("POST /v1/identify"), 200), 1);
        const qint64 matchId = recorded.back().at(0).toLongLong();
        QCOMPARE(labelText(window, "decision"), MatchPanel::decisionTitle(Encounter::Decision::Match));
        QVERIFY(outcome && outcome->reference);
        QCOMPARE(outcome->reference->travelerId, QStringLiteral("lin_manuel_miranda"));
        QVERIFY(!outcome->reference->photoPath.isEmpty()); // from the manifest read here, shown beside the capture
        QCOMPARE(outcome->threshold, double(calibrated->threshold));
        qInfo("UA901 through the service: %s at %.3f, threshold %.3f", qPrintable(outcome->reference->travelerId),
              outcome->score.value_or(-1), outcome->threshold);
        const std::optional<Encounter> match = records->encounters().find(matchId, &error);
        QVERIFY2(match, qPrintable(error));
        QCOMPARE(match->decision, std::optional(Encounter::Decision::Match));
        QCOMPARE(match->score, outcome->score);
        QCOMPARE(match->threshold, outcome->threshold);
        QCOMPARE(match->officer, QStringLiteral("olga"));
        QCOMPARE(match->workstation, QStringLiteral("gate-b12"));
        QCOMPARE(match->flight, QStringLiteral("UA901"));
        QCOMPARE(match->citizenship, QStringLiteral("GBR")); // the member's, from the manifest (ClipFlight.h)
        QCOMPARE(match->candidates.value(QStringLiteral("top")).toArray().first().toObject()
                     .value(QStringLiteral("traveler_id")).toString(),
                 QStringLiteral("lin_manuel_miranda"));
        QTest::keyClick(&window, Qt::Key_Return); // confirmed
        QTRY_COMPARE(records->encounters().find(matchId, &error)->officerAction,
                     std::optional(Encounter::OfficerAction::Confirm));

        // facegate-matchd restarts on the same port: the galleries it held in
        // memory are gone. The workstation's identify gets 404, its client
        // puts UA901 again from the manifest it loaded it from and asks once
        // more: the officer still gets the service's MATCH, not NO DECISION.
        QVERIFY2(service.restart(&error), qPrintable(error));
        QTest::keyClick(&window, Qt::Key_N, Qt::ControlModifier);
        QCOMPARE(captureAt(100, 140), std::optional(Encounter::Decision::Match));
        QCOMPARE(service.server()->metrics().requests(QStringLiteral("POST /v1/identify"), 404), 1);
        QCOMPARE(service.server()->metrics().requests(QStringLiteral("PUT /v1/galleries/{name}"), 200), 1);
        QCOMPARE(service.server()->metrics().requests(QStringLiteral("POST /v1/identify"), 200), 1);
        QCOMPARE(labelText(window, "decision"), MatchPanel::decisionTitle(Encounter::Decision::Match));
        QVERIFY(outcome && outcome->reference);
        QCOMPARE(outcome->reference->travelerId, QStringLiteral("lin_manuel_miranda"));
        QCOMPARE(labelText(window, "matchingState"), QStringLiteral("Matching: service at %1").arg(endpoint));
        test::saveScreenshots(window, QStringLiteral("officer-service-match"), {QSize(1366, 768)});
        const qint64 afterRestartId = recorded.back().at(0).toLongLong();
        QVERIFY(afterRestartId != matchId);
        QCOMPARE(records->encounters().find(afterRestartId, &error)->flight, QStringLiteral("UA901"));
        QTest::keyClick(&window, Qt::Key_Return); // confirmed
        QTRY_COMPARE(records->encounters().find(afterRestartId, &error)->officerAction,
                     std::optional(Encounter::OfficerAction::Confirm));

        // NO MATCH: flight UA902 does not carry him.
        QTest::keyClick(&window, Qt::Key_N, Qt::ControlModifier);
        loadFlight(test::writeClipFlightManifest(dir.path(), QStringLiteral("UA902"), {QStringLiteral("lin_manuel_miranda")}));
        QCOMPARE(referenceState->text(), QStringLiteral("Flight UA902 · 6 travelers · 1:N"));
        QCOMPARE(captureAt(100, 140), std::optional(Encounter::Decision::NoMatch));
        QCOMPARE(service.server()->metrics().requests(QStringLiteral("POST /v1/identify"), 200), 2); // one since the restart
        const qint64 noMatchId = recorded.back().at(0).toLongLong();
        QCOMPARE(labelText(window, "decision"), MatchPanel::decisionTitle(Encounter::Decision::NoMatch));
        QVERIFY(outcome->score && *outcome->score < outcome->threshold);
        const std::optional<Encounter> noMatch = records->encounters().find(noMatchId, &error);
        QVERIFY2(noMatch, qPrintable(error));
        QCOMPARE(noMatch->decision, std::optional(Encounter::Decision::NoMatch));
        QCOMPARE(noMatch->score, outcome->score);
        QCOMPARE(noMatch->flight, QStringLiteral("UA902"));
        QCOMPARE(noMatch->citizenship, QStringLiteral("XXX"));
        // Recorded once each, by the desk: the service kept none of the workstation's.
        const auto encounters = [&records, &error] {
            return records->database()
                .scalar(QStringLiteral("SELECT COUNT(*) FROM encounters"), {}, QStringLiteral("count"), &error)
                ->toInt();
        };
        QCOMPARE(encounters(), 3);
        QCOMPARE(records->database()
                     .scalar(QStringLiteral("SELECT COUNT(*) FROM service_submissions"), {}, QStringLiteral("count"), &error)
                     ->toInt(),
                 0);

        // The service stops: no decision, said on the panel and in the status bar.
        service.stop();
        QTest::keyClick(&window, Qt::Key_N, Qt::ControlModifier);
        QVERIFY(waitForClipPosition(camera, loop, 100, 140));
        const qsizetype capturesBefore = captures.count();
        QTest::keyClick(&window, Qt::Key_Space);
        QTRY_COMPARE_WITH_TIMEOUT(labelText(window, "decision"), QStringLiteral("NO DECISION"), kGenerousMs);
        QVERIFY(captures.count() > capturesBefore); // a capture was taken, and not decided
        const QString why = labelText(window, "actionState");
        QVERIFY2(why.startsWith(QStringLiteral("No decision: the matching service is unreachable (")), qPrintable(why));
        const QString state = labelText(window, "matchingState");
        QVERIFY2(state.startsWith(QStringLiteral("Matching: service at %1 unreachable (").arg(endpoint)), qPrintable(state));
        qInfo("service down: %s | %s", qPrintable(why), qPrintable(state));
        test::saveScreenshots(window, QStringLiteral("officer-service-down"), {QSize(1366, 768)});
        QVERIFY(!window.matchPanel().hasOutcome()); // nothing to confirm
        QCOMPARE(recorded.count(), 3);               // nothing decided locally, nothing stored
        QCOMPARE(encounters(), 3);
        window.close();
    }
};

QTEST_MAIN(TestWorkstationService)
#include "tst_workstationservice.moc"
