// The real main window over the shared video clip, under the offscreen platform.
#include "ui/desk/MainWindow.h"
#include "ui/session/Translations.h"
#include "ui/widgets/CameraView.h"

#include "tests/support/TestData.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace fg;

namespace {

constexpr int kGenerousMs = 120000;

LiveAnalysis::Options clipOptions(const QString& modelDirectory = test::modelsDir())
{
    LiveAnalysis::Options options =
        LiveAnalysis::defaultOptions(test::datasetPath(QStringLiteral("faces-dev/video/short_hamilton_clip.mp4")));
    options.pipeline.modelDirectory = modelDirectory;
    return options;
}

} // namespace

class TestMainWindow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void showsTheClipWithFaceBoxesAndClosesCleanly();
    void namesTheAlteredModelWhenThePipelineCannotStart();
    void closesCleanlyWhileStillStarting();
    void theLanguageInUseStaysTicked();
};

void TestMainWindow::init()
{
    // Threads left running or objects deleted from the wrong thread say so here.
    QTest::failOnWarning(QRegularExpression(QStringLiteral("QThread|QObject|Timers cannot")));
}

void TestMainWindow::showsTheClipWithFaceBoxesAndClosesCleanly()
{
    FG_REQUIRE_DATASETS();
    MainWindow window(clipOptions());
    auto* view = window.findChild<CameraView*>(QStringLiteral("cameraView"));
    auto* state = window.findChild<QLabel*>(QStringLiteral("sourceState"));
    auto* fps = window.findChild<QLabel*>(QStringLiteral("framesPerSecond"));
    auto* latency = window.findChild<QLabel*>(QStringLiteral("analysisLatency"));
    QVERIFY(view && state && fps && latency);
    QSignalSpy failures(&window, &MainWindow::startupFailed);
    window.show();
    window.start();

    QTRY_VERIFY_WITH_TIMEOUT(view->framesShown() > 0, kGenerousMs);
    QVERIFY(failures.isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(view->faceCount() >= 1, kGenerousMs);
    QVERIFY2(state->text().startsWith(QStringLiteral("Live")), qPrintable(state->text()));

    // The boxes are in frame pixels, inside the 640x360 frame; one of them is the traveler's,
    // and a traveler's face that fails quality says why.
    const std::vector<FaceMarker> faces = view->lastFaces();
    const QRectF frame(0, 0, 640, 360);
    int subjects = 0;
    for (const FaceMarker& face : faces) {
        QVERIFY(!face.box.isEmpty());
        QVERIFY2(frame.adjusted(-40, -40, 40, 40).contains(face.box),
                 qPrintable(QStringLiteral("box %1,%2 %3x%4").arg(face.box.x()).arg(face.box.y())
                                .arg(face.box.width()).arg(face.box.height())));
        subjects += face.isSubject ? 1 : 0;
        if (face.isSubject && !face.qualityPassed)
            QVERIFY(!face.shortReasons.isEmpty());
    }
    QCOMPARE(subjects, 1);
    QVERIFY(view->subjectIndex() >= 0 && view->subjectIndex() < view->faceCount());
    QVERIFY(view->lastFaces()[std::size_t(view->subjectIndex())].isSubject);

    QTRY_VERIFY_WITH_TIMEOUT(fps->text().section(QLatin1Char(' '), 0, 0).toDouble() > 0.0, kGenerousMs);
    QVERIFY2(latency->text().contains(QRegularExpression(QStringLiteral("\\d+ ms"))), qPrintable(latency->text()));
    QVERIFY(window.liveAnalysis().isRunning());

    QVERIFY(window.close());
    QVERIFY(!window.liveAnalysis().isRunning());
    QVERIFY(window.liveAnalysis().framesAnalysed() > 0);
    const qint64 shown = view->framesShown();
    QCoreApplication::processEvents(); // results still on their way are not shown
    QCOMPARE(view->framesShown(), shown);
}

void TestMainWindow::namesTheAlteredModelWhenThePipelineCannotStart()
{
    FG_REQUIRE_DATASETS();
    const QDir models(test::modelsDir());
    QVERIFY2(models.exists(QStringLiteral("fr_detect.onnx")), qPrintable(models.path()));
    QTemporaryDir altered;
    QVERIFY(altered.isValid());
    for (const QFileInfo& file : models.entryInfoList({QStringLiteral("*.onnx")}, QDir::Files)) {
        if (file.fileName() != QLatin1String("fr_detect.onnx"))
            QVERIFY(QFile::link(file.absoluteFilePath(), altered.filePath(file.fileName())));
    }
    QFile detector(altered.filePath(QStringLiteral("fr_detect.onnx")));
    QVERIFY(detector.open(QIODevice::WriteOnly));
    detector.write("not the pinned detector");
    detector.close();

    MainWindow window(clipOptions(altered.path()));
    auto* view = window.findChild<CameraView*>(QStringLiteral("cameraView"));
    auto* state = window.findChild<QLabel*>(QStringLiteral("sourceState"));
    QVERIFY(view && state);
    QSignalSpy failures(&window, &MainWindow::startupFailed);
    window.show();
    window.start();

    QTRY_COMPARE_WITH_TIMEOUT(failures.count(), 1, kGenerousMs);
    const QString reason = failures.first().first().toString();
    QVERIFY2(reason.contains(QStringLiteral("fr_detect.onnx")), qPrintable(reason));
    QVERIFY(!window.liveAnalysis().isRunning());
    QVERIFY2(state->text().startsWith(QStringLiteral("Failed")), qPrintable(state->text()));
    QCOMPARE(view->framesShown(), 0);
}

void TestMainWindow::closesCleanlyWhileStillStarting()
{
    FG_REQUIRE_DATASETS();
    auto window = std::make_unique<MainWindow>(clipOptions());
    window->show();
    window->start();
    QVERIFY(window->liveAnalysis().isRunning());
    QVERIFY(window->close()); // the pipeline may still be checking its models
    QVERIFY(!window->liveAnalysis().isRunning());
    window.reset();
}

// Issue 16, point 8: Down and Return on the language already in use left
// no language ticked.
void TestMainWindow::theLanguageInUseStaysTicked()
{
    MainWindow window(clipOptions());
    QMenu* languages = nullptr;
    for (QMenu* menu : window.menuBar()->findChildren<QMenu*>()) {
        if (menu->title().contains(QLatin1String("Language")))
            languages = menu;
    }
    QVERIFY(languages);
    const auto ticked = [&] {
        QStringList names;
        for (QAction* action : languages->actions()) {
            if (action->isChecked())
                names << action->data().toString();
        }
        return names;
    };
    QCOMPARE(ticked(), QStringList{Translations::current()});
    for (QAction* action : languages->actions()) {
        if (action->isChecked())
            action->trigger();
    }
    QCOMPARE(ticked(), QStringList{Translations::current()});
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
