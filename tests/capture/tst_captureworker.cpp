#include "core/capture/CaptureWorker.h"
#include "core/capture/ReconnectingSource.h"
#include "core/capture/StreamSource.h"
#include "core/capture/VideoFileSource.h"
#include "tests/support/TestData.h"

#include <QTcpServer>
#include <QTest>
#include <QThread>

using fg::CaptureState;
using fg::CaptureWorker;
using fg::Frame;

namespace {

QString clipPath()
{
    return fg::test::datasetPath(QStringLiteral("faces-dev/video/short_hamilton_clip.mp4"));
}

} // namespace

// Runs one CaptureWorker on its own QThread, wired as the GUI would wire it,
// and records what reaches the test (main) thread through queued signals.
class WorkerRig : public QObject {
    Q_OBJECT
public:
    explicit WorkerRig(std::unique_ptr<fg::FrameSource> source)
        : worker(new CaptureWorker(std::move(source)))
    {
        worker->moveToThread(&thread);
        connect(&thread, &QThread::started, worker, &CaptureWorker::run);
        connect(worker, &CaptureWorker::finished, &thread, &QThread::quit);
        connect(worker, &CaptureWorker::frameReady, this, [this](const Frame& frame) {
            if (frame.image.cols != 640 || frame.image.rows != 360 || frame.image.type() != CV_8UC3)
                ++badFrames;
            if (frame.index <= lastIndex)
                ++badFrames;
            lastIndex = frame.index;
            ++frames;
        });
        connect(worker, &CaptureWorker::stateChanged, this,
                [this](CaptureState state, const QString& message) {
                    states.append(state);
                    messages.append(message);
                });
        connect(worker, &CaptureWorker::finished, this, [this] { finished = true; });
    }
    ~WorkerRig() override
    {
        worker->stop();
        thread.quit();
        thread.wait();
        delete worker;
    }

    QThread thread;
    CaptureWorker* worker;
    int frames = 0;
    int badFrames = 0;
    qint64 lastIndex = -1;
    bool finished = false;
    QList<CaptureState> states;
    QStringList messages;
};

class TestCaptureWorker : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void deliversFramesAndStopsOnRequest()
    {
        FG_REQUIRE_DATASETS();
        // Real-time and looping: it would run for ever if stop() did not work.
        WorkerRig rig(std::make_unique<fg::VideoFileSource>(clipPath(),
                                                            fg::VideoFileSource::Options{true, true}));
        rig.thread.start();
        QTRY_VERIFY_WITH_TIMEOUT(rig.frames >= 15, 60000);
        QVERIFY(rig.worker->isRunning());
        QCOMPARE(rig.badFrames, 0);
        QVERIFY(rig.states.contains(CaptureState::Live));
        QCOMPARE(rig.states.first(), CaptureState::Opening);
        QTRY_VERIFY_WITH_TIMEOUT(rig.worker->framesPerSecond() > 0.0, 30000);

        rig.worker->stop(); // returns at once; the worker winds down on its own
        QTRY_VERIFY_WITH_TIMEOUT(rig.finished, 30000);
        QVERIFY(rig.thread.wait(30000));
        QCOMPARE(rig.states.last(), CaptureState::Stopped);
        QVERIFY(!rig.worker->isRunning());
        QCOMPARE(rig.worker->framesPerSecond(), 0.0);
        const int framesAtStop = rig.frames;
        QTest::qWait(200);
        QCOMPARE(rig.frames, framesAtStop);
        QCOMPARE(qint64(rig.frames), rig.worker->framesDelivered());
    }

    void reportsTheEndOfAFile()
    {
        FG_REQUIRE_DATASETS();
        WorkerRig rig(std::make_unique<fg::VideoFileSource>(clipPath()));
        rig.thread.start();
        QTRY_VERIFY_WITH_TIMEOUT(rig.finished, 120000);
        QVERIFY2(rig.frames >= 270 && rig.frames <= 280, qPrintable(QString::number(rig.frames)));
        QCOMPARE(rig.badFrames, 0);
        QCOMPARE(rig.states.last(), CaptureState::Finished);
        QVERIFY2(rig.messages.last().contains(clipPath()), qPrintable(rig.messages.last()));
    }

    void reportsASourceThatWillNotOpen()
    {
        const QString missing = QStringLiteral("/nonexistent/folder/clip.mp4");
        WorkerRig rig(std::make_unique<fg::VideoFileSource>(missing));
        rig.thread.start();
        QTRY_VERIFY_WITH_TIMEOUT(rig.finished, 30000);
        QCOMPARE(rig.frames, 0);
        QCOMPARE(rig.states.last(), CaptureState::Failed);
        QVERIFY2(rig.messages.last().contains(missing), qPrintable(rig.messages.last()));
    }

    void stopCutsAReconnectionWaitShort()
    {
        // A stream on a closed loopback port, retried every 10 minutes: the
        // worker sits in Reconnecting, and stop() must not wait for the retry.
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const quint16 port = probe.serverPort();
        probe.close();
        const QString url = QStringLiteral("http://127.0.0.1:%1/live.mjpg").arg(port);
        auto stream = std::make_unique<fg::StreamSource>(url, fg::StreamSource::Options{5000, 5000});
        auto source = std::make_unique<fg::ReconnectingSource>(
            std::move(stream), fg::ReconnectingSource::Policy{600000, 600000, 2.0, 0});
        WorkerRig rig(std::move(source));
        rig.thread.start();
        QTRY_VERIFY_WITH_TIMEOUT(rig.states.contains(CaptureState::Reconnecting), 30000);
        const int at = int(rig.states.indexOf(CaptureState::Reconnecting));
        QVERIFY2(rig.messages.at(at).contains(QStringLiteral("connection refused")),
                 qPrintable(rig.messages.at(at)));
        rig.worker->stop();
        // Far less than the 10-minute back-off.
        QTRY_VERIFY_WITH_TIMEOUT(rig.finished, 60000);
        QCOMPARE(rig.states.last(), CaptureState::Stopped);
        QCOMPARE(rig.frames, 0);
    }

    void stopBeforeRunDeliversNothing()
    {
        FG_REQUIRE_DATASETS();
        WorkerRig rig(std::make_unique<fg::VideoFileSource>(clipPath()));
        rig.worker->stop();
        rig.thread.start();
        QTRY_VERIFY_WITH_TIMEOUT(rig.finished, 30000);
        QCOMPARE(rig.frames, 0);
        QCOMPARE(rig.states.last(), CaptureState::Stopped);
    }

    void noSourceFails()
    {
        WorkerRig rig(nullptr);
        rig.thread.start();
        QTRY_VERIFY_WITH_TIMEOUT(rig.finished, 30000);
        QCOMPARE(rig.states.last(), CaptureState::Failed);
    }
};

QTEST_GUILESS_MAIN(TestCaptureWorker)
#include "tst_captureworker.moc"
