#include "core/capture/ReconnectingSource.h"
#include "tests/capture/ManualCaptureClock.h"
#include "tests/capture/ScriptedSource.h"

#include <QTest>

using fg::CaptureState;
using fg::Frame;
using fg::FrameSource;
using fg::ReconnectingSource;
using fg::test::ManualCaptureClock;
using fg::test::ScriptedSource;
using Status = fg::FrameSource::ReadStatus;

class TestReconnectingSource : public QObject {
    Q_OBJECT

private:
    struct Rig {
        ScriptedSource* inner = nullptr;
        std::shared_ptr<ManualCaptureClock> clock;
        std::unique_ptr<ReconnectingSource> source;
    };

    static Rig makeRig(ReconnectingSource::Policy policy)
    {
        Rig rig;
        auto inner = std::make_unique<ScriptedSource>();
        rig.inner = inner.get();
        rig.clock = std::make_shared<ManualCaptureClock>();
        rig.source = std::make_unique<ReconnectingSource>(std::move(inner), policy, rig.clock);
        return rig;
    }

private Q_SLOTS:
    void passesFramesThrough()
    {
        Rig rig = makeRig({100, 1000, 2.0, 0});
        QString error;
        QVERIFY(rig.source->open(&error));
        QCOMPARE(rig.source->state(), CaptureState::Live);
        QVERIFY(rig.source->isLive());
        QCOMPARE(rig.source->description(), QStringLiteral("scripted device"));
        Frame frame;
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(rig.source->read(&frame, &error), Status::Frame);
            QCOMPARE(frame.index, qint64(i));
        }
        QVERIFY(rig.clock->sleeps().isEmpty());
    }

    void backsOffWithBoundedDelays()
    {
        Rig rig = makeRig({100, 1000, 2.0, 0});
        rig.inner->reads = {Status::Frame, Status::Lost};
        rig.inner->openResults = {true, false, false, false, false, false, false, true};
        QString error;
        QVERIFY(rig.source->open(&error));
        Frame frame;
        QCOMPARE(rig.source->read(&frame, &error), Status::Frame);

        QCOMPARE(rig.source->read(&frame, &error), Status::Lost);
        QVERIFY2(error.contains(QStringLiteral("unplugged")), qPrintable(error));
        QCOMPARE(rig.source->state(), CaptureState::Reconnecting);
        QVERIFY(rig.source->recoversFromLoss());
        QCOMPARE(rig.inner->closes, 1);

        // Six failed attempts, then success.
        for (int attempt = 1; attempt <= 6; ++attempt) {
            error.clear();
            QCOMPARE(rig.source->read(&frame, &error), Status::Lost);
            QCOMPARE(rig.source->state(), CaptureState::Reconnecting);
            QCOMPARE(rig.source->failedAttempts(), attempt);
            QVERIFY2(error.contains(QStringLiteral("refused to open")), qPrintable(error));
            QVERIFY2(rig.source->lastError().contains(QStringLiteral("refused to open")),
                     qPrintable(rig.source->lastError()));
        }
        QCOMPARE(rig.source->read(&frame, &error), Status::Frame);
        QCOMPARE(rig.source->state(), CaptureState::Live);
        QCOMPARE(frame.index, qint64(1)); // continues from before the loss
        QCOMPARE(rig.source->failedAttempts(), 0);
        // 100, 200, 400, 800, then capped at 1000.
        QCOMPARE(rig.clock->sleeps(), (QList<qint64>{100, 200, 400, 800, 1000, 1000, 1000}));
        QCOMPARE(rig.source->nextDelayMs(), 100);
    }

    void failedFirstOpenIsRetried()
    {
        Rig rig = makeRig({50, 50, 2.0, 0});
        rig.inner->openResults = {false, false, true};
        QString error;
        QVERIFY(rig.source->open(&error));
        QCOMPARE(rig.source->state(), CaptureState::Reconnecting);
        QVERIFY2(rig.source->lastError().contains(QStringLiteral("#1")), qPrintable(rig.source->lastError()));
        Frame frame;
        QCOMPARE(rig.source->read(&frame, &error), Status::Lost);
        QCOMPARE(rig.source->read(&frame, &error), Status::Frame);
        QCOMPARE(rig.source->state(), CaptureState::Live);
        QCOMPARE(rig.inner->opens, 3);
    }

    void givesUpAfterMaxAttempts()
    {
        Rig rig = makeRig({10, 100, 3.0, 3});
        rig.inner->openResults = {false, false, false, true};
        QString error;
        QVERIFY(rig.source->open(&error)); // attempt 1 failed, 2 left
        Frame frame;
        QCOMPARE(rig.source->read(&frame, &error), Status::Lost);
        QVERIFY(rig.source->recoversFromLoss());
        error.clear();
        QCOMPARE(rig.source->read(&frame, &error), Status::Lost);
        QCOMPARE(rig.source->state(), CaptureState::Lost);
        QVERIFY(!rig.source->recoversFromLoss());
        QVERIFY2(error.contains(QStringLiteral("gave up after 3 attempts")), qPrintable(error));
        // No more attempts are made.
        QCOMPARE(rig.source->read(&frame, &error), Status::Lost);
        QCOMPARE(rig.inner->opens, 3);
        QCOMPARE(rig.clock->sleeps(), (QList<qint64>{10, 30}));
    }

    void singleAttemptPolicyFailsOpen()
    {
        Rig rig = makeRig({10, 100, 2.0, 1});
        rig.inner->openResults = {false};
        QString error;
        QVERIFY(!rig.source->open(&error));
        QVERIFY2(error.contains(QStringLiteral("refused to open")), qPrintable(error));
        QCOMPARE(rig.source->state(), CaptureState::Lost);
    }

    void interruptEndsTheWait()
    {
        Rig rig = makeRig({100, 1000, 2.0, 0});
        rig.inner->openResults = {false};
        QString error;
        QVERIFY(rig.source->open(&error));
        rig.source->interrupt();
        Frame frame;
        QCOMPARE(rig.source->read(&frame, &error), Status::Lost);
        QCOMPARE(rig.source->state(), CaptureState::Stopped);
        QVERIFY(!rig.source->recoversFromLoss());
        QCOMPARE(rig.inner->opens, 1);
        QVERIFY(rig.clock->sleeps().isEmpty());
    }

    void endOfStreamIsPassedOn()
    {
        Rig rig = makeRig({100, 1000, 2.0, 0});
        rig.inner->reads = {Status::Frame, Status::EndOfStream};
        QString error;
        QVERIFY(rig.source->open(&error));
        Frame frame;
        QCOMPARE(rig.source->read(&frame, &error), Status::Frame);
        QCOMPARE(rig.source->read(&frame, &error), Status::EndOfStream);
        QCOMPARE(rig.source->state(), CaptureState::Finished);
        QCOMPARE(rig.source->read(&frame, &error), Status::EndOfStream);
    }

    void policyIsSanitised()
    {
        Rig rig = makeRig({-5, -10, 0.5, -1});
        QCOMPARE(rig.source->policy().initialDelayMs, 0);
        QCOMPARE(rig.source->policy().maxDelayMs, 0);
        QCOMPARE(rig.source->policy().multiplier, 1.0);
        QCOMPARE(rig.source->policy().maxAttempts, 0);
    }
};

QTEST_GUILESS_MAIN(TestReconnectingSource)
#include "tst_reconnectingsource.moc"
