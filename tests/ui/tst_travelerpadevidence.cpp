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
constexpr float kSameFace = 0.4f; // the test's own, as the matcher's threshold at a loose FMR would be

// Person `who`'s face template: unit vectors along their own axis, so two
// people's are orthogonal (cosine 0) and one person's agree (cosine 1).
Template faceOf(int who)
{
    std::vector<float> values(Template::kDimension, 0.0f);
    values[std::size_t(who)] = 1.0f;
    return Template(QStringLiteral("test-model"), std::move(values));
}

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

    // The dilution attack: an impostor shows their own live face for 2.3 s,
    // then the victim's printed photo only while the capture window is open.
    // Over all the frames of the last 3 s the print's score is diluted
    // (about 0.25 here, below the threshold 0.5); the captured face is the
    // print's, and only its frames speak for it.
    void anotherFacesFramesDoNotSpeakForTheCapturedOne()
    {
        TravelerPadEvidence evidence(kSameFace);
        TravelerPadEvidence diluted; // whoever's face: the attack works
        qint64 t = 0;
        for (; t < 2300; t += 80) {
            evidence.addFrame(frameAt(t, 0.02), faceOf(0)); // the impostor, live
            diluted.addFrame(frameAt(t, 0.02), faceOf(0));
        }
        int printFrames = 0;
        for (; t <= 3000; t += 80, ++printFrames) {
            evidence.addFrame(frameAt(t, 0.95), faceOf(1)); // the victim's print
            diluted.addFrame(frameAt(t, 0.95), faceOf(1));
        }
        const PadAssessment mixed = diluted.assess(kPoint, 3000, faceOf(1));
        QCOMPARE(mixed.decision, PadDecision::BonaFide);
        QVERIFY(mixed.score < 0.3);
        const PadAssessment victim = evidence.assess(kPoint, 3000, faceOf(1));
        QCOMPARE(victim.decision, PadDecision::Attack);
        QCOMPARE(victim.frames, printFrames);
        QCOMPARE(victim.framesOfAnotherFace, 38 - printFrames);
        QVERIFY(qAbs(victim.score - 0.95) < 1e-9);

        // Had the impostor's own live face been captured, it is live.
        const PadAssessment impostor = evidence.assess(kPoint, 3000, faceOf(0));
        QCOMPARE(impostor.decision, PadDecision::BonaFide);
        QCOMPARE(impostor.framesOfAnotherFace, printFrames);

        // A captured face none of the frames showed: not assessed, and why.
        const PadAssessment stranger = evidence.assess(kPoint, 3000, faceOf(2));
        QCOMPARE(stranger.decision, PadDecision::NotAssessed);
        QCOMPARE(stranger.framesOfAnotherFace, 38);
        QVERIFY2(stranger.reason.contains(QStringLiteral("captured face")), qPrintable(stranger.reason));

        // A frame whose template could not be made is nobody's for sure: left out.
        TravelerPadEvidence unknown(kSameFace);
        unknown.addFrame(frameAt(0, 0.02));
        unknown.addFrame(frameAt(80, 0.95), faceOf(1));
        QCOMPARE(unknown.assess(kPoint, 80, faceOf(1)).frames, 1);

        // Without a same-face threshold (no matcher calibration) every face counts.
        TravelerPadEvidence anyone;
        anyone.addFrame(frameAt(0, 0.02), faceOf(0));
        anyone.addFrame(frameAt(80, 0.95), faceOf(1));
        QCOMPARE(anyone.assess(kPoint, 80, faceOf(1)).frames, 2);
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
