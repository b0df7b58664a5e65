// FramePacer: a replayed source keeps a camera's steady frame clock. The
// desk's 25 fps (issue 20) was lost this way: a paced image folder that
// waited a period from each late wake-up drifted to 23 fps while the
// liveness pass kept both cores busy.
#include "core/capture/FramePacer.h"
#include "tests/capture/ManualCaptureClock.h"

#include <QList>
#include <QTest>

using fg::FramePacer;
using fg::test::ManualCaptureClock;

namespace {

// The times `frames` frames were handed out, `workMs` spent on each between
// (decoding, delivering).
QList<qint64> deliveries(FramePacer& pacer, ManualCaptureClock& clock, int frames, qint64 workMs)
{
    QList<qint64> times;
    for (int i = 0; i < frames; ++i) {
        pacer.waitForNext(clock);
        times.append(clock.nowMs());
        clock.advance(workMs);
    }
    return times;
}

} // namespace

class TestFramePacer : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void framesFollowThePeriodWhateverTheWorkBetween()
    {
        ManualCaptureClock clock;
        FramePacer pacer(25.0);
        const QList<qint64> times = deliveries(pacer, clock, 26, 7);
        QCOMPARE(times.last() - times.first(), qint64(1000)); // 25 periods of 40 ms
        QCOMPARE(clock.sleeps().first(), qint64(33));          // 40 ms from the first frame, 7 ms of them worked
    }

    void lateWakeUpsDoNotSlowTheRate()
    {
        ManualCaptureClock clock;
        clock.setOversleepMs(6); // every wake-up 6 ms late: a busy machine
        FramePacer pacer(25.0);
        const QList<qint64> times = deliveries(pacer, clock, 251, 3);
        // 250 periods of 40 ms, each frame at most 6 ms after its time: 25 a second,
        // not the 21 that waiting a whole period from each late frame would give.
        QVERIFY2(times.last() - times.first() <= 10000 + 6, qPrintable(QString::number(times.last() - times.first())));
        QVERIFY(times.last() - times.first() >= 10000);
    }

    void aStallStartsANewTimelineRatherThanABurst()
    {
        ManualCaptureClock clock;
        FramePacer pacer(25.0);
        deliveries(pacer, clock, 5, 0);
        clock.advance(500); // a stall of twelve periods
        const qsizetype sleepsBefore = clock.sleeps().size();
        const QList<qint64> after = deliveries(pacer, clock, 3, 0);
        // The first frame after the stall at once, then one a period: no twelve frames in a row.
        QCOMPARE(clock.sleeps().size() - sleepsBefore, qsizetype(2));
        QCOMPARE(after.at(1) - after.at(0), qint64(40));
        QCOMPARE(after.at(2) - after.at(1), qint64(40));
    }

    void lateByLessThanAPeriodCatchesUp()
    {
        ManualCaptureClock clock;
        FramePacer pacer(10.0);
        deliveries(pacer, clock, 2, 0); // at 1000 and 1100
        clock.advance(150);             // frame 2 was due at 1200: now 1250
        const QList<qint64> after = deliveries(pacer, clock, 2, 0);
        QCOMPARE(after.at(0), qint64(1250)); // at once
        QCOMPARE(after.at(1), qint64(1300)); // back on the timeline
    }

    void restartBeginsAgainFromNow()
    {
        ManualCaptureClock clock;
        FramePacer pacer(4.0);
        deliveries(pacer, clock, 3, 0);
        pacer.restart();
        const qint64 now = clock.nowMs();
        QCOMPARE(pacer.waitForNext(clock), now);
        QCOMPARE(pacer.waitForNext(clock), now + 250);
    }

    void anInterruptedWaitReturnsAtOnce()
    {
        ManualCaptureClock clock;
        FramePacer pacer(1.0);
        pacer.waitForNext(clock);
        clock.interrupt();
        const qint64 now = clock.nowMs();
        pacer.waitForNext(clock);
        QCOMPARE(clock.nowMs(), now);
    }
};

QTEST_GUILESS_MAIN(TestFramePacer)
#include "tst_framepacer.moc"
