// Several cameras in the officer's main window: the replayed clip, a folder
// of portraits and a camera that is not there, each on its tile with its
// state and frame rate; Ctrl+N moves the capture camera and the desk (and
// the camera it records) follows it. Under the offscreen platform.
#include "core/security/KeyStore.h"
#include "core/storage/SystemClock.h"
#include "core/workflow/EncounterStore.h"
#include "core/workflow/Inspection.h"
#include "ui/desk/CameraGrid.h"
#include "ui/desk/CameraTile.h"
#include "ui/desk/InspectionDesk.h"
#include "ui/desk/MainWindow.h"
#include "ui/desk/MatchPanel.h"
#include "ui/widgets/CameraView.h"

#include "tests/support/TestData.h"
#include "tests/ui/ClipCamera.h"
#include "tests/ui/Screenshots.h"
#include "tests/ui/TestRecords.h"

#include <QDir>
#include <QFile>
#include <QLabel>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace fg;

namespace {

constexpr int kGenerousMs = 180000;

// The number in "12.5 fps" (0 for "— fps").
double fpsOf(const QLabel* label)
{
    return label->text().section(QLatin1Char(' '), 0, 0).toDouble();
}

QLabel* tileLabel(const QWidget& window, int tile, const char* part)
{
    return window.findChild<QLabel*>(QStringLiteral("cameraTile%1%2").arg(tile).arg(QLatin1String(part)));
}

// Portraits of faces-dev/single, one per person, copied for this test.
bool copyPortraits(const QString& to, QString* error)
{
    const QDir single(test::datasetPath(QStringLiteral("faces-dev/single")));
    int copied = 0;
    for (const QString& person : single.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        const QString from = single.filePath(person + QStringLiteral("/01.jpg"));
        if (!QFile::exists(from))
            continue;
        if (!QFile::copy(from, QDir(to).filePath(person + QStringLiteral(".jpg")))) {
            *error = QStringLiteral("cannot copy %1 to %2").arg(from, to);
            return false;
        }
        if (++copied == 3)
            return true;
    }
    *error = QStringLiteral("fewer than 3 portraits in %1").arg(single.path());
    return false;
}

// The clip's models and quality limits, over another source.
LiveAnalysis::Options cameraLikeTheClip(const QString& sourceSpec)
{
    LiveAnalysis::Options options = LiveAnalysis::defaultOptions(sourceSpec);
    options.pipeline = test::clipCamera().pipeline;
    return options;
}

} // namespace

class TestCameraGrid : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void laysTheTilesOutInSquares_data();
    void laysTheTilesOutInSquares();
    void namesSourcesWithoutTheirSecrets();
    void choosesTheCaptureCameraByKeyAndClickAtLaptopSize();
    void showsEveryCameraAndTheDeskFollowsTheCaptureCamera();
};

void TestCameraGrid::init()
{
    // Threads left running or objects deleted from the wrong thread say so here.
    QTest::failOnWarning(QRegularExpression(QStringLiteral("QThread|QObject|Timers cannot")));
}

void TestCameraGrid::laysTheTilesOutInSquares_data()
{
    QTest::addColumn<int>("count");
    QTest::addColumn<int>("columns");
    QTest::addColumn<int>("rows");
    QTest::newRow("one fills the grid") << 1 << 1 << 1;
    QTest::newRow("two side by side") << 2 << 2 << 1;
    QTest::newRow("three in 2x2") << 3 << 2 << 2;
    QTest::newRow("four in 2x2") << 4 << 2 << 2;
    QTest::newRow("five in 3x3") << 5 << 3 << 2;
    QTest::newRow("nine in 3x3") << 9 << 3 << 3;
}

void TestCameraGrid::laysTheTilesOutInSquares()
{
    QFETCH(int, count);
    QFETCH(int, columns);
    QFETCH(int, rows);
    QCOMPARE(CameraGrid::columnsFor(count), columns);
    CameraGrid grid;
    for (int i = 0; i < count; ++i)
        grid.addCamera(QStringLiteral("/srv/lane%1.mp4").arg(i));
    grid.resize(900, 600);
    grid.show();
    QVERIFY(QTest::qWaitForWindowExposed(&grid));
    QSet<int> lefts, tops;
    for (int i = 0; i < count; ++i) {
        const QRect geometry = grid.tile(i)->geometry();
        QVERIFY(!geometry.isEmpty());
        lefts.insert(geometry.left());
        tops.insert(geometry.top());
        if (i > 0 && i % columns != 0) // on the same row as the one before, to its right
            QVERIFY(geometry.left() > grid.tile(i - 1)->geometry().right());
    }
    QCOMPARE(int(lefts.size()), columns);
    QCOMPARE(int(tops.size()), rows);
}

void TestCameraGrid::namesSourcesWithoutTheirSecrets()
{
    QCOMPARE(CameraTile::shortName(QStringLiteral("/data/clips/gate-b12.mp4")), QStringLiteral("gate-b12.mp4"));
    QCOMPARE(CameraTile::shortName(QStringLiteral("/dev/video0")), QStringLiteral("/dev/video0"));
    QCOMPARE(CameraTile::shortName(QDir::tempPath()), QDir(QDir::tempPath()).dirName());
    const QString stream = CameraTile::shortName(QStringLiteral("rtsp://admin:s3cret@10.1.2.3:554/lane2?token=abc"));
    QCOMPARE(stream, QStringLiteral("10.1.2.3:554/lane2"));

    CameraTile tile(0, QStringLiteral("rtsp://admin:s3cret@10.1.2.3/lane2"));
    for (const QLabel* label : tile.findChildren<QLabel*>()) {
        QVERIFY2(!label->text().contains(QLatin1String("s3cret")), qPrintable(label->text()));
        QVERIFY2(!label->toolTip().contains(QLatin1String("s3cret")), qPrintable(label->toolTip()));
    }
}

void TestCameraGrid::choosesTheCaptureCameraByKeyAndClickAtLaptopSize()
{
    // Nine cameras, never started (no models loaded): the layout and the keys only.
    QList<LiveAnalysis::Options> cameras;
    for (int i = 0; i < 9; ++i)
        cameras.append(LiveAnalysis::defaultOptions(QStringLiteral("/srv/lane%1.mp4").arg(i + 1)));
    MainWindow window(cameras);
    QCOMPARE(window.cameraCount(), 9);
    QCOMPARE(window.captureCamera(), 0);
    QVERIFY(window.camera(0).autoCapture());
    for (int i = 1; i < 9; ++i)
        QVERIFY(!window.camera(i).autoCapture()); // only the capture camera captures by itself

    // Usable at 1366x768: nothing forces the window wider or taller, and every tile has room.
    QVERIFY2(window.minimumSizeHint().width() <= 1366 && window.minimumSizeHint().height() <= 740,
             qPrintable(QStringLiteral("%1x%2").arg(window.minimumSizeHint().width()).arg(window.minimumSizeHint().height())));
    window.resize(1366, 740);
    window.show();
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    for (int i = 0; i < 9; ++i) {
        auto* tile = window.findChild<CameraTile*>(QStringLiteral("cameraTile%1").arg(i));
        QVERIFY(tile);
        QVERIFY(tile->view()->width() >= 160 && tile->view()->height() >= 90);
        QCOMPARE(tileLabel(window, i, "Name")->text(), QStringLiteral("%1 · lane%1.mp4").arg(i + 1));
    }
    QVERIFY(window.matchPanel().isVisible() && window.matchPanel().width() > 300);

    const auto captureMarks = [&window] {
        QList<int> marked;
        for (int i = 0; i < 9; ++i) {
            if (tileLabel(window, i, "Capture")->isVisible())
                marked.append(i);
        }
        return marked;
    };
    QCOMPARE(captureMarks(), QList<int>{0});
    QCOMPARE(tileLabel(window, 0, "Capture")->text(), QStringLiteral("Capture camera"));
    QCOMPARE(window.findChild<CameraView*>(QStringLiteral("cameraView")), window.findChild<CameraTile*>(QStringLiteral("cameraTile0"))->view());

    QSignalSpy changed(&window, &MainWindow::captureCameraChanged);
    QTest::keyClick(&window, Qt::Key_7, Qt::ControlModifier);
    QCOMPARE(window.captureCamera(), 6);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.front().front().toInt(), 6);
    QCOMPARE(&window.liveAnalysis(), &window.camera(6));
    QVERIFY(window.camera(6).autoCapture());
    QVERIFY(!window.camera(0).autoCapture());
    QCOMPARE(captureMarks(), QList<int>{6});
    QCOMPARE(window.findChild<CameraView*>(QStringLiteral("cameraView")), window.findChild<CameraTile*>(QStringLiteral("cameraTile6"))->view());

    // A click on a tile does the same; the same camera again changes nothing.
    auto* tile3 = window.findChild<CameraTile*>(QStringLiteral("cameraTile3"));
    QTest::mouseClick(tile3->view(), Qt::LeftButton);
    QCOMPARE(window.captureCamera(), 3);
    QCOMPARE(captureMarks(), QList<int>{3});
    QTest::keyClick(&window, Qt::Key_4, Qt::ControlModifier);
    QCOMPARE(changed.count(), 2);
}

void TestCameraGrid::showsEveryCameraAndTheDeskFollowsTheCaptureCamera()
{
    FG_REQUIRE_DATASETS();
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QString error;
    const QString folder = dir.filePath(QStringLiteral("lane2"));
    QVERIFY(QDir().mkpath(folder));
    QVERIFY2(copyPortraits(folder, &error), qPrintable(error));

    // The records the desk writes to.
    const SystemClock clock;
    std::unique_ptr<Records> records;
    std::unique_ptr<RecordsThread> recordsThread; // where the desk stores its encounters
    QVERIFY2(test::openRecordsWithThread(dir, clock, &records, &recordsThread, &error), qPrintable(error));
    EncounterStore& encounters = records->encounters();

    // 1: the clip; 2: the portraits, a few a second, round and round; 3: a
    // camera this machine does not have, given up after two tries.
    LiveAnalysis::Options portraits = cameraLikeTheClip(folder);
    portraits.source.imageFolder.loop = true;
    portraits.source.imageFolder.realTime = true;
    portraits.source.imageFolder.framesPerSecond = 4.0;
    LiveAnalysis::Options missing = cameraLikeTheClip(QStringLiteral("/dev/video0"));
    missing.source.reconnect.maxAttempts = 2;
    missing.source.reconnect.initialDelayMs = 100;
    MainWindow window(QList<LiveAnalysis::Options>{test::clipCamera(), portraits, missing});
    QCOMPARE(window.cameraCount(), 3);

    Inspection inspection(1e-3); // no reference yet
    InspectionDesk desk(*recordsThread, inspection, window.liveAnalysis(), window.matchPanel());
    desk.setStation({QStringLiteral("gate-b12"), window.liveAnalysis().sourceSpec(), Encounter::Kind::Entry});
    window.setDesk(&desk);
    UserAccount olga;
    olga.name = QStringLiteral("olga");
    desk.setOfficer(olga);
    window.liveAnalysis().setAutoCapture(false); // the officer captures by hand here
    QSignalSpy failures(&window, &MainWindow::startupFailed);
    window.show();
    window.activateWindow(); // the officer's keys are window shortcuts
    QVERIFY(QTest::qWaitForWindowActive(&window));
    window.start();

    // Each tile reaches its state; the two live ones count their frames.
    auto* sourceState = window.findChild<QLabel*>(QStringLiteral("sourceState"));
    auto* framesPerSecond = window.findChild<QLabel*>(QStringLiteral("framesPerSecond"));
    QVERIFY(sourceState && framesPerSecond);
    for (int i : {0, 1}) {
        QTRY_COMPARE_WITH_TIMEOUT(tileLabel(window, i, "State")->text(), QStringLiteral("Live"), kGenerousMs);
        QTRY_VERIFY_WITH_TIMEOUT(fpsOf(tileLabel(window, i, "Fps")) > 0.0, kGenerousMs);
        QTRY_VERIFY_WITH_TIMEOUT(window.findChild<CameraTile*>(QStringLiteral("cameraTile%1").arg(i))->view()->framesShown() > 0,
                                 kGenerousMs);
    }
    QLabel* missingState = tileLabel(window, 2, "State");
    QTRY_VERIFY_WITH_TIMEOUT(missingState->text() == QLatin1String("Lost") || missingState->text() == QLatin1String("Failed"),
                             kGenerousMs);
    QVERIFY2(missingState->toolTip().contains(QLatin1String("/dev/video0")), qPrintable(missingState->toolTip()));
    QCOMPARE(fpsOf(tileLabel(window, 2, "Fps")), 0.0);
    QCOMPARE(window.findChild<CameraTile*>(QStringLiteral("cameraTile2"))->view()->framesShown(), 0);
    QVERIFY(failures.isEmpty());
    // The others go on: more frames after the third gave up.
    const qint64 clipShown = window.findChild<CameraTile*>(QStringLiteral("cameraTile0"))->view()->framesShown();
    QTRY_VERIFY_WITH_TIMEOUT(window.findChild<CameraTile*>(QStringLiteral("cameraTile0"))->view()->framesShown() > clipShown,
                             kGenerousMs);
    // The status bar speaks of the capture camera, the clip.
    QVERIFY2(sourceState->text().startsWith(QLatin1String("Live")), qPrintable(sourceState->text()));
    // Only the capture camera's faces are scored for presentation attacks
    // (issue 20): the watched portraits' analysis does not spend the work.
    QTRY_VERIFY_WITH_TIMEOUT(window.camera(0).framesScoredForPresentationAttacks() > 0, kGenerousMs);
    QVERIFY(window.camera(1).framesAnalysed() > 0);
    QCOMPARE(window.camera(1).framesScoredForPresentationAttacks(), qint64(0));

    // Ctrl+2: the portraits become the capture camera; the desk and the
    // camera it records follow, and automatic capture (off) goes with it.
    QTest::keyClick(&window, Qt::Key_2, Qt::ControlModifier);
    QCOMPARE(window.captureCamera(), 1);
    QCOMPARE(&desk.camera(), &window.camera(1));
    QCOMPARE(desk.station().camera, folder);
    QCOMPARE(desk.station().workstation, QStringLiteral("gate-b12"));
    QVERIFY(!window.camera(0).autoCapture() && !window.camera(1).autoCapture() && !window.camera(2).autoCapture());
    QVERIFY(tileLabel(window, 1, "Capture")->isVisible());
    QVERIFY(!tileLabel(window, 0, "Capture")->isVisible());
    QVERIFY2(sourceState->text().startsWith(QLatin1String("Live")), qPrintable(sourceState->text()));
    QVERIFY(fpsOf(framesPerSecond) > 0.0);
    // The scoring went with the capture: the portraits' faces now, the clip's no longer.
    QVERIFY(window.camera(1).assessesPresentationAttacks() && !window.camera(0).assessesPresentationAttacks());
    QTRY_VERIFY_WITH_TIMEOUT(window.camera(1).framesScoredForPresentationAttacks() >= 2, kGenerousMs);
    const qint64 clipScored = window.camera(0).framesScoredForPresentationAttacks();
    const qint64 clipAnalysed = window.camera(0).framesAnalysed();
    const qint64 portraitsScored = window.camera(1).framesScoredForPresentationAttacks();
    QTRY_VERIFY_WITH_TIMEOUT(window.camera(1).framesScoredForPresentationAttacks() >= portraitsScored + 2, kGenerousMs);
    QVERIFY(window.camera(0).framesAnalysed() > clipAnalysed);
    QCOMPARE(window.camera(0).framesScoredForPresentationAttacks(), clipScored);
    test::saveScreenshots(window, QStringLiteral("officer-cameras"), {QSize(1366, 768)});
    // Ctrl+3 picks the missing camera: the status bar says what is wrong with it.
    QTest::keyClick(&window, Qt::Key_3, Qt::ControlModifier);
    QVERIFY2(sourceState->text().startsWith(QLatin1String("Lost")) || sourceState->text().startsWith(QLatin1String("Failed")),
             qPrintable(sourceState->text()));
    QCOMPARE(desk.station().camera, QStringLiteral("/dev/video0"));
    QTest::keyClick(&window, Qt::Key_2, Qt::ControlModifier);
    QCOMPARE(window.captureCamera(), 1);

    // Space captures from the portraits; the capture reaches the desk, which
    // has no reference yet and says so.
    std::optional<CaptureResult> lastCapture;
    connect(&window.camera(1), &LiveAnalysis::captured, this, [&lastCapture](const CaptureResult& c) { lastCapture = c; });
    QSignalSpy problems(&desk, &InspectionDesk::problem);
    QSignalSpy recorded(&desk, &InspectionDesk::encounterRecorded);
    QTest::keyClick(&window, Qt::Key_Space);
    QTRY_VERIFY_WITH_TIMEOUT(!problems.isEmpty(), kGenerousMs);
    QVERIFY2(problems.front().front().toString().startsWith(QLatin1String("Not decided")),
             qPrintable(problems.front().front().toString()));
    QVERIFY(lastCapture);
    QVERIFY(lastCapture->faceFound && lastCapture->faceTemplate);

    // With that face as the document's, the next capture is recorded at the
    // portraits' camera.
    QVERIFY2(inspection.useDocument(*lastCapture->faceTemplate, ReferencePerson{QStringLiteral("t1"), QStringLiteral("Lane Two"),
                                                                                 QStringLiteral("USA"), QString(), QString()},
                                    &error),
             qPrintable(error));
    QTest::keyClick(&window, Qt::Key_Space);
    QTRY_VERIFY_WITH_TIMEOUT(!recorded.isEmpty(), kGenerousMs);
    const std::optional<Encounter> stored = encounters.find(recorded.front().front().toLongLong(), &error);
    QVERIFY2(stored, qPrintable(error));
    QCOMPARE(stored->camera, folder);
    QCOMPARE(stored->officer, QStringLiteral("olga"));

    QVERIFY(window.close());
    for (int i = 0; i < window.cameraCount(); ++i)
        QVERIFY(!window.camera(i).isRunning());
}

QTEST_MAIN(TestCameraGrid)
#include "tst_cameragrid.moc"
