// CaptureSelector: when a capture window opens (quality passing on a few
// frames in a row, or the officer's key), which frame it keeps, and that one
// traveler gets one capture until the next.
#include "core/biometrics/CaptureSelector.h"

#include <QTest>

using namespace fg;

namespace {

QualityReport face(double interEye, double sharpness, double yaw, bool passes)
{
    QualityReport quality;
    quality.interEyeDistance = interEye;
    quality.sharpness = sharpness;
    quality.yaw = yaw;
    quality.leftEyeOpen = quality.rightEyeOpen = 0.9;
    quality.checks.push_back({QStringLiteral("yaw"), yaw, passes, passes ? QString() : QStringLiteral("turn head")});
    return quality;
}

const QualityReport kGood = face(80, 120, 2, true);
const QualityReport kBetter = face(110, 180, 1, true);
const QualityReport kTurned = face(130, 200, 30, false);

CaptureSelector::Options options(bool automatic = true)
{
    CaptureSelector::Options o;
    o.automatic = automatic;
    o.passesToOpen = 3;
    o.windowMs = 500;
    o.windowFrames = 100;
    return o;
}

} // namespace

class TestCaptureSelector : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void passingFacesRankAboveFailingOnes()
    {
        QVERIFY(CaptureSelector::score(kGood) > CaptureSelector::score(kTurned)); // though larger and sharper
        QVERIFY(CaptureSelector::score(kBetter) > CaptureSelector::score(kGood));
        QVERIFY(CaptureSelector::score(face(80, 120, 2, true)) > CaptureSelector::score(face(80, 120, 12, true)));
    }

    void opensAfterPassesInARowAndKeepsTheBest()
    {
        CaptureSelector selector(options());
        QCOMPARE(selector.offer(0, kGood), CaptureSelector::Verdict::Ignored);
        QCOMPARE(selector.offer(33, kTurned), CaptureSelector::Verdict::Ignored); // the run starts again
        QCOMPARE(selector.offer(66, kGood), CaptureSelector::Verdict::Ignored);
        QCOMPARE(selector.offer(100, kGood), CaptureSelector::Verdict::Ignored);
        QCOMPARE(selector.state(), CaptureSelector::State::Watching);
        QCOMPARE(selector.offer(133, kGood), CaptureSelector::Verdict::NewBest); // third in a row: open
        QCOMPARE(selector.state(), CaptureSelector::State::Collecting);
        QVERIFY(!selector.openedByRequest());
        QCOMPARE(selector.offer(166, kTurned), CaptureSelector::Verdict::Ignored);
        QCOMPARE(selector.offer(200, kBetter), CaptureSelector::Verdict::NewBest);
        QCOMPARE(selector.offer(233, std::nullopt), CaptureSelector::Verdict::Ignored);
        QCOMPARE(selector.offer(266, kGood), CaptureSelector::Verdict::Ignored);
        QVERIFY(!selector.takeCompleted());
        QCOMPARE(selector.offer(633, kGood), CaptureSelector::Verdict::Ignored); // 500 ms after opening: closed
        QCOMPARE(selector.state(), CaptureSelector::State::Done);
        QVERIFY(selector.takeCompleted());
        QVERIFY(!selector.takeCompleted()); // once
        QVERIFY(selector.best());
        QCOMPARE(selector.best()->interEyeDistance, kBetter.interEyeDistance);
    }

    void oneCapturePerTravelerUntilReset()
    {
        CaptureSelector selector(options());
        for (int i = 0; i < 3; ++i)
            selector.offer(i * 33, kGood);
        selector.offer(1000, kGood);
        QVERIFY(selector.takeCompleted());
        for (int i = 0; i < 20; ++i)
            QCOMPARE(selector.offer(1100 + i * 33, kBetter), CaptureSelector::Verdict::Ignored);
        selector.request(2000); // the key does nothing either
        QCOMPARE(selector.state(), CaptureSelector::State::Done);
        selector.reset();
        QCOMPARE(selector.state(), CaptureSelector::State::Watching);
        QVERIFY(!selector.best());
        selector.request(3000);
        QCOMPARE(selector.state(), CaptureSelector::State::Collecting);
    }

    void theKeyCapturesWhateverTheQuality()
    {
        CaptureSelector selector(options(false));
        for (int i = 0; i < 10; ++i) // manual mode: passing faces open nothing
            QCOMPARE(selector.offer(i * 33, kGood), CaptureSelector::Verdict::Ignored);
        selector.request(400);
        QVERIFY(selector.openedByRequest());
        QCOMPARE(selector.offer(433, kTurned), CaptureSelector::Verdict::NewBest);
        selector.offer(950, std::nullopt);
        QVERIFY(selector.takeCompleted());
        QVERIFY(selector.best());
        QVERIFY(!selector.best()->passed()); // -> POOR QUALITY, the officer decides
    }

    void aWindowWithoutAFaceHasNoBest()
    {
        CaptureSelector selector(options(false));
        selector.request(0);
        selector.offer(100, std::nullopt);
        selector.offer(600, std::nullopt);
        QVERIFY(selector.takeCompleted());
        QVERIFY(!selector.best()); // -> NO FACE
    }

    void closesAfterItsFrameCount()
    {
        CaptureSelector::Options o = options(false);
        o.windowFrames = 4;
        o.windowMs = 60000;
        CaptureSelector selector(o);
        selector.request(0);
        for (int i = 0; i < 3; ++i)
            selector.offer(i, kGood);
        QCOMPARE(selector.state(), CaptureSelector::State::Collecting);
        selector.offer(4, kGood);
        QCOMPARE(selector.state(), CaptureSelector::State::Done);
    }
};

QTEST_APPLESS_MAIN(TestCaptureSelector)
#include "tst_captureselector.moc"
