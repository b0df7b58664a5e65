// Issue 20: what a capture's presentation-attack decision is made of at the
// desk (TravelerPadEvidence, on FrameAnalyzer's thread): the frames of the
// last 3 s before the capture, the traveler's own (a face gone for over a
// second starts the evidence afresh), and nothing of the last traveler.
// Pure logic: frames are made by hand, no model is run.
#include "core/live/TravelerPadEvidence.h"

#include <QTest>

using namespace fg;

namespace {

const PadOperatingPoint kPoint{0.01, 0.5, QStringLiteral("test table")};

PadFrame frameAt(qint64 timestampMs, double attack)
{
    PadFrame frame;
    frame.timestampMs = timestampMs;
    frame.modelAttack = attack;
    frame.model.live = 1.0 - attack;
    frame.box = cv::Rect2f(100, 100, 120, 150);
    return frame;
}

} // namespace

class TestTravelerPadEvidence : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void aPrintHeldUpIsAnAttackAndALiveFaceIsNot()
    {
        TravelerPadEvidence print;
        TravelerPadEvidence live;
        for (qint64 t = 0; t <= 2000; t += 100) {
            print.addFrame(frameAt(t, 0.95));
            live.addFrame(frameAt(t, 0.03));
        }
        const PadAssessment attack = print.assess(kPoint, 2000);
        QCOMPARE(attack.decision, PadDecision::Attack);
        QCOMPARE(attack.frames, 21);
        QCOMPARE(attack.threshold, 0.5);
        QVERIFY(qAbs(attack.score - 0.95) < 1e-9);
        QCOMPARE(live.assess(kPoint, 2000).decision, PadDecision::BonaFide);
    }

    // A capture is decided on its last 3 s: a print shown 5 s before a live
    // face steps up is not held against it (no gap long enough to reset).
    void onlyTheLastThreeSecondsCount()
    {
        TravelerPadEvidence evidence;
        qint64 t = 0;
        for (; t < 2000; t += 100)
            evidence.addFrame(frameAt(t, 0.99));
        for (; t <= 6000; t += 100)
            evidence.addFrame(frameAt(t, 0.01));
        const PadAssessment assessment = evidence.assess(kPoint, 6000);
        QCOMPARE(assessment.decision, PadDecision::BonaFide);
        QCOMPARE(assessment.frames, 31); // 3000..6000
        QVERIFY(assessment.score < 0.02);
        QCOMPARE(evidence.frames(), 31); // nothing older is held either
    }

    // Someone else steps up: the face gone for over a second, the print
    // before it says nothing of the live face after it.
    void aFaceGoneForOverASecondStartsAfresh()
    {
        TravelerPadEvidence evidence;
        for (qint64 t = 0; t <= 1000; t += 100)
            evidence.addFrame(frameAt(t, 0.99));
        for (qint64 t = 1100; t <= 2200; t += 100)
            evidence.addWithoutFace(t);
        QCOMPARE(evidence.frames(), 0);
        for (qint64 t = 2300; t <= 2800; t += 100)
            evidence.addFrame(frameAt(t, 0.02));
        const PadAssessment assessment = evidence.assess(kPoint, 2800);
        QCOMPARE(assessment.decision, PadDecision::BonaFide);
        QCOMPARE(assessment.frames, 6);
        // The gap's frames from the reset on are this traveler's approach.
        QCOMPARE(assessment.framesWithoutFace, 2);

        // The same without any frame in the gap analysed: the face's own
        // times say it was gone.
        TravelerPadEvidence unseenGap;
        unseenGap.addFrame(frameAt(0, 0.99));
        unseenGap.addFrame(frameAt(1500, 0.02));
        QCOMPARE(unseenGap.frames(), 1);
        QCOMPARE(unseenGap.assess(kPoint, 1500).decision, PadDecision::BonaFide);

        // A short look away does not.
        TravelerPadEvidence glance;
        glance.addFrame(frameAt(0, 0.99));
        glance.addWithoutFace(500);
        glance.addFrame(frameAt(900, 0.99));
        const PadAssessment held = glance.assess(kPoint, 900);
        QCOMPARE(held.frames, 2);
        QCOMPARE(held.framesWithoutFace, 1);
        QCOMPARE(held.decision, PadDecision::Attack);
    }

    void theNextTravelerStartsWithNothing()
    {
        TravelerPadEvidence evidence;
        evidence.addFrame(frameAt(0, 0.99));
        evidence.addWithoutFace(100);
        evidence.reset();
        QCOMPARE(evidence.frames(), 0);
        QCOMPARE(evidence.framesWithoutFace(), 0);
        const PadAssessment nothing = evidence.assess(kPoint, 200);
        QCOMPARE(nothing.decision, PadDecision::NotAssessed);
        QVERIFY(!nothing.reason.isEmpty());

        // Only faceless frames: not assessed, and says so.
        evidence.addWithoutFace(300);
        evidence.addWithoutFace(400);
        const PadAssessment noFace = evidence.assess(kPoint, 400);
        QCOMPARE(noFace.decision, PadDecision::NotAssessed);
        QCOMPARE(noFace.framesWithoutFace, 2);
        QVERIFY2(noFace.reason.contains(QStringLiteral("no face")), qPrintable(noFace.reason));
    }
};

QTEST_GUILESS_MAIN(TestTravelerPadEvidence)
#include "tst_travelerpadevidence.moc"
