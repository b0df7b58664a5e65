// The presentation-attack cues (core/biometrics/PadCues.h, docs/pad-cues.md):
// on real pad-dev frames (a print held up with its paper edges and fingers in
// view vs the same person in front of the camera), on landmarks moved by a
// known homography (a plane) and by a 3D head rotation, on eye-openness
// sequences with and without a blink, and the cases where a cue cannot be
// measured, which must say why.
#include "core/biometrics/FacePipeline.h"
#include "core/biometrics/ImageLoader.h"
#include "core/biometrics/ModelRepository.h"
#include "core/biometrics/PadCues.h"
#include "core/biometrics/PresentationAttack.h"
#include "tests/support/TestData.h"

#include <QFileInfo>
#include <QtTest>

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include <cmath>
#include <memory>
#include <optional>

using namespace fg;

namespace {

const QString kPrint = QStringLiteral("attack/0004/0004_01_00_01_102.jpg");   // paper edges and fingers in view
const QString kBonaFide = QStringLiteral("bonafide/0004/0004_01_00_01_109.jpg"); // same person, live

PadFrame frameWith(const FaceLandmarks& landmarks, qint64 timestampMs)
{
    PadFrame frame;
    frame.timestampMs = timestampMs;
    frame.landmarks = landmarks;
    return frame;
}

PadFrame eyes(qint64 timestampMs, double left, double right)
{
    PadFrame frame;
    frame.timestampMs = timestampMs;
    frame.leftEyeOpen = left;
    frame.rightEyeOpen = right;
    return frame;
}

// Every 40 ms (25 fps) for `ms`, both eyes `open`; closed (0.05) from
// closeAt for closedMs when closeAt >= 0.
std::deque<PadFrame> eyeSequence(qint64 ms, qint64 closeAt, qint64 closedMs, bool bothEyes = true)
{
    std::deque<PadFrame> frames;
    for (qint64 t = 0; t <= ms; t += 40) {
        const bool closing = closeAt >= 0 && t >= closeAt && t < closeAt + closedMs;
        frames.push_back(eyes(t, closing ? 0.05 : 0.92, closing && bothEyes ? 0.08 : 0.9));
    }
    return frames;
}

// A face in 3D from its 2D landmarks: an ellipsoid-like depth that is
// highest at the centre, with the nose (points 27-35) standing out further.
std::vector<cv::Point3d> headOf(const FaceLandmarks& landmarks)
{
    cv::Point2d centre(0, 0);
    for (const cv::Point2f& p : landmarks.points)
        centre += cv::Point2d(p);
    centre *= 1.0 / 68;
    const double iod = landmarks.interEyeDistance();
    std::vector<cv::Point3d> head;
    for (size_t i = 0; i < 68; ++i) {
        const cv::Point2d d = cv::Point2d(landmarks.points[i]) - centre;
        const double r2 = (d.x * d.x + d.y * d.y) / (2.2 * iod * 2.2 * iod);
        double z = 1.2 * iod * std::sqrt(std::max(0.0, 1.0 - r2));
        if (i >= 27 && i <= 35)
            z += 0.5 * iod;
        head.push_back({d.x, d.y, z});
    }
    return head;
}

// The head turned by `yawDegrees` about its vertical axis and seen by a
// pinhole camera `distance` eye distances away, centred where it was.
FaceLandmarks turned(const FaceLandmarks& landmarks, double yawDegrees)
{
    const std::vector<cv::Point3d> head = headOf(landmarks);
    const double iod = landmarks.interEyeDistance();
    const double yaw = yawDegrees * CV_PI / 180, focal = 10 * iod, distance = 10 * iod;
    cv::Point2d centre(0, 0);
    for (const cv::Point2f& p : landmarks.points)
        centre += cv::Point2d(p);
    centre *= 1.0 / 68;
    FaceLandmarks out;
    for (size_t i = 0; i < 68; ++i) {
        const cv::Point3d& p = head[i];
        const double x = std::cos(yaw) * p.x + std::sin(yaw) * p.z;
        const double z = -std::sin(yaw) * p.x + std::cos(yaw) * p.z;
        const double scale = focal / (distance - z);
        out.points[i] = cv::Point2f(float(centre.x + x * scale), float(centre.y + p.y * scale));
    }
    return out;
}

FaceLandmarks warped(const FaceLandmarks& landmarks, const cv::Matx33d& h)
{
    FaceLandmarks out;
    for (size_t i = 0; i < 68; ++i) {
        const cv::Vec3d p = h * cv::Vec3d(landmarks.points[i].x, landmarks.points[i].y, 1.0);
        out.points[i] = cv::Point2f(float(p[0] / p[2]), float(p[1] / p[2]));
    }
    return out;
}

} // namespace

class TestPadCues : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<FacePipeline> m_pipeline;
    std::optional<PadFrameScorer> m_scorer;

    struct Seen {
        cv::Mat image;
        Face face;
    };
    std::optional<Seen> look(const QString& relative)
    {
        QString error;
        const auto image = ImageLoader().loadFile(test::datasetPath(QStringLiteral("pad-dev/") + relative), &error);
        if (!image) {
            qWarning("%s", qPrintable(error));
            return std::nullopt;
        }
        const std::vector<Face> faces = m_pipeline->analyze(*image, FacePipeline::Depth::WithQuality);
        const int subject = m_pipeline->subjectIndex(faces, image->size());
        if (subject < 0) {
            qWarning("no face in %s", qPrintable(relative));
            return std::nullopt;
        }
        return Seen{*image, faces[size_t(subject)]};
    }

private Q_SLOTS:
    void initTestCase()
    {
        FG_REQUIRE_DATASETS();
        QVERIFY2(QFileInfo(test::datasetPath(QStringLiteral("pad-dev/") + kPrint)).isFile(),
                 qPrintable(QStringLiteral("pad-dev not found under %1").arg(test::datasetsDir())));
        QString error;
        FacePipeline::Options options;
        options.modelDirectory = test::modelsDir();
        options.selfTest = false;
        m_pipeline = FacePipeline::create(options, &error);
        QVERIFY2(m_pipeline, qPrintable(error));
        m_scorer = PadFrameScorer::load(test::modelsDir(), &error);
        QVERIFY2(m_scorer, qPrintable(error));
    }

    void paperEdgesAndFingersAreAScreenBorder()
    {
        const auto print = look(kPrint);
        const auto live = look(kBonaFide);
        QVERIFY(print && live);
        const PadCue onPrint = padcues::screenBorder(print->image, print->face.detection.box);
        const PadCue onLive = padcues::screenBorder(live->image, live->face.detection.box);
        qInfo("print: %s; live: %s", qPrintable(onPrint.detail), qPrintable(onLive.detail));
        QVERIFY(onPrint.measured && onLive.measured);
        QCOMPARE(onPrint.name, QStringLiteral("screen_border"));
        QVERIFY2(onPrint.attack >= 0.5, qPrintable(onPrint.detail));
        QVERIFY2(onLive.attack < 0.5, qPrintable(onLive.detail));
        QVERIFY(onPrint.value > onLive.value);
    }

    void aPeriodicPatternOnTheFaceIsMoire()
    {
        const auto live = look(kBonaFide);
        QVERIFY(live);
        const cv::Rect2f box = live->face.detection.box;
        const PadCue plain = padcues::moire(live->image, box);
        // A screen's pixel grid beating with the sensor: a diagonal grating
        // of period ~5 px on the face (near 0.4 of Nyquist at 128 px).
        cv::Mat screen = live->image.clone();
        for (int y = 0; y < screen.rows; ++y)
            for (int x = 0; x < screen.cols; ++x)
                for (int c = 0; c < 3; ++c) {
                    uchar& v = screen.at<cv::Vec3b>(y, x)[c];
                    v = cv::saturate_cast<uchar>(v + 14 * std::sin(2 * CV_PI * (x + 0.6 * y) / 5.0));
                }
        const PadCue grid = padcues::moire(screen, box);
        qInfo("plain: %s; with a grating: %s", qPrintable(plain.detail), qPrintable(grid.detail));
        QVERIFY(plain.measured && grid.measured);
        QVERIFY2(plain.attack < 0.5, qPrintable(plain.detail));
        QVERIFY2(grid.attack >= 0.5, qPrintable(grid.detail));
    }

    void aBlurredFaceHasLessFineTexture()
    {
        const auto live = look(kBonaFide);
        QVERIFY(live);
        cv::Mat blurred;
        cv::GaussianBlur(live->image, blurred, cv::Size(0, 0), 2.5);
        const PadCue sharp = padcues::texture(live->image, live->face.detection.box);
        const PadCue soft = padcues::texture(blurred, live->face.detection.box);
        qInfo("sharp: %s; blurred: %s", qPrintable(sharp.detail), qPrintable(soft.detail));
        QVERIFY(sharp.measured && soft.measured);
        QVERIFY(soft.value < sharp.value / 2);
        QVERIFY(soft.attack > sharp.attack);
    }

    void aPlaneMovesByAHomographyAHeadDoesNot()
    {
        const auto live = look(kBonaFide);
        QVERIFY(live);
        const FaceLandmarks& a = live->face.landmarks;
        // A print tilted and moved: a homography with perspective terms.
        const cv::Matx33d tilt(1.02, 0.05, 12, -0.03, 0.98, -6, 8e-4, -3e-4, 1);
        const padcues::PlanarFit plane = padcues::planarFit(a, warped(a, tilt));
        qInfo("plane: similarity %.3f px, homography %.5f px", plane.similarityRms, plane.homographyRms);
        QVERIFY(plane.similarityRms / plane.interEyeDistance >= padcues::kMinShapeChange); // it did change shape
        QVERIFY(plane.homographyRms < 0.01 * plane.similarityRms);

        // A head turned by 12 degrees: the nose moves against the cheeks.
        const padcues::PlanarFit head = padcues::planarFit(turned(a, 0), turned(a, 12));
        qInfo("head: similarity %.3f px, homography %.3f px", head.similarityRms, head.homographyRms);
        QVERIFY(head.similarityRms / head.interEyeDistance >= padcues::kMinShapeChange);
        QVERIFY(head.homographyRms > 0.5 * head.similarityRms);

        // Through the cue over frames.
        const PadCue flat = padcues::parallax({frameWith(a, 0), frameWith(warped(a, tilt), 700)});
        QVERIFY2(flat.measured && flat.attack == 1.0 && flat.value < 0.01, qPrintable(flat.detail));
        const PadCue deep = padcues::parallax({frameWith(turned(a, 0), 0), frameWith(turned(a, 6), 400),
                                               frameWith(turned(a, 12), 800)});
        QVERIFY2(deep.measured && deep.attack == 0.0, qPrintable(deep.detail));
        qInfo("flat: %s; deep: %s", qPrintable(flat.detail), qPrintable(deep.detail));
    }

    void parallaxNeedsMotionAndTwoViews()
    {
        const auto live = look(kBonaFide);
        QVERIFY(live);
        const FaceLandmarks& a = live->face.landmarks;
        // Moved and scaled but not turned: a similarity explains it all.
        const cv::Matx33d shift(1.1, 0, 20, 0, 1.1, 5, 0, 0, 1);
        const PadCue still = padcues::parallax({frameWith(a, 0), frameWith(warped(a, shift), 700)});
        QVERIFY(!still.measured);
        QVERIFY2(still.detail.contains(QStringLiteral("too little head motion")), qPrintable(still.detail));
        const PadCue one = padcues::parallax({frameWith(a, 0)});
        QVERIFY(!one.measured);
        QVERIFY2(one.detail.contains(QStringLiteral("two views")), qPrintable(one.detail));
        const PadCue none = padcues::parallax({PadFrame(), PadFrame()}); // no landmarks
        QVERIFY(!none.measured);
    }

    void aBlinkIsFoundASteadyGazeIsNot()
    {
        const PadCue blinked = padcues::blink(eyeSequence(2400, 1000, 160));
        QVERIFY2(blinked.measured && blinked.value == 1 && blinked.attack == 0.0, qPrintable(blinked.detail));
        QVERIFY2(blinked.detail.contains(QStringLiteral("blinked 1 time")), qPrintable(blinked.detail));

        const PadCue steady = padcues::blink(eyeSequence(2400, -1, 0));
        QVERIFY2(steady.measured && steady.value == 0 && steady.attack == 0.0, qPrintable(steady.detail));
        QVERIFY2(steady.detail.contains(QStringLiteral("too short")), qPrintable(steady.detail));

        const PadCue longStare = padcues::blink(eyeSequence(7000, -1, 0));
        QVERIFY2(longStare.measured && longStare.attack > 0 && longStare.attack < 0.5, qPrintable(longStare.detail));

        // Eyes closed for a second is not a blink; one eye is a wink.
        QCOMPARE(padcues::blink(eyeSequence(2400, 600, 1000)).value, 0.0);
        QCOMPARE(padcues::blink(eyeSequence(2400, 1000, 160, false)).value, 0.0);
    }

    void blinkSaysWhyItWasNotMeasured()
    {
        const PadCue brief = padcues::blink(eyeSequence(600, 200, 120));
        QVERIFY(!brief.measured);
        QVERIFY2(brief.detail.contains(QStringLiteral("span")), qPrintable(brief.detail));
        std::deque<PadFrame> sparse; // pad-dev's spacing: 0.7 s
        for (int i = 0; i < 10; ++i)
            sparse.push_back(eyes(i * 700, 0.9, 0.9));
        const PadCue gaps = padcues::blink(sparse);
        QVERIFY(!gaps.measured);
        QVERIFY2(gaps.detail.contains(QStringLiteral("fall between")), qPrintable(gaps.detail));
        std::deque<PadFrame> shut;
        for (int i = 0; i < 40; ++i)
            shut.push_back(eyes(i * 40, 0.1, 0.1));
        const PadCue never = padcues::blink(shut);
        QVERIFY(!never.measured);
        QVERIFY2(never.detail.contains(QStringLiteral("never seen open")), qPrintable(never.detail));
    }

    void singleFrameCuesSayWhyWithoutAFace()
    {
        const cv::Mat grey(480, 640, CV_8UC3, cv::Scalar::all(128));
        for (const PadCue& cue : {padcues::screenBorder(grey, cv::Rect2f()), padcues::moire(grey, cv::Rect2f()),
                                  padcues::texture(grey, cv::Rect2f())}) {
            QVERIFY(!cue.measured);
            QVERIFY(!cue.detail.isEmpty());
        }
        const PadCue small = padcues::moire(grey, cv::Rect2f(300, 200, 30, 30));
        QVERIFY(!small.measured);
        QVERIFY2(small.detail.contains(QStringLiteral("too small")), qPrintable(small.detail));
    }

    void theRuleRaisesOnAttackCuesAndLowersOnlyOnLiveOnes()
    {
        auto cue = [](const char* name, double value, double attack) {
            return PadCue{QString::fromLatin1(name), true, value, attack, QString()};
        };
        QCOMPARE(padcues::combine(0.2, {}), 0.2);
        // A weak attack cue (below 0.5) says nothing; a full one takes the
        // score half the way to 1.
        QCOMPARE(padcues::combine(0.2, {cue("screen_border", 0.8, 0.3)}), 0.2);
        QVERIFY(std::abs(padcues::combine(0.2, {cue("screen_border", 2.0, 1.0)}) - 0.6) < 1e-12);
        // A blink seen halves it; depth under motion does not lower it (a
        // bent print reads as depth), a flat reading raises it.
        QVERIFY(std::abs(padcues::combine(0.2, {cue("blink", 1, 0.0)}) - 0.1) < 1e-12);
        QCOMPARE(padcues::combine(0.2, {cue("parallax", 0.9, 0.0)}), 0.2);
        QVERIFY(std::abs(padcues::combine(0.2, {cue("parallax", 0.05, 1.0)}) - 0.6) < 1e-12);
        // No blink seen does not lower it; texture cannot lower it.
        QCOMPARE(padcues::combine(0.2, {cue("blink", 0, 0.0)}), 0.2);
        QCOMPARE(padcues::combine(0.2, {cue("texture", 0.05, 0.0)}), 0.2);
        // A cue left out is left out; one not measured counts for nothing.
        QCOMPARE(padcues::combine(0.2, {cue("screen_border", 2.0, 1.0)}, {QStringLiteral("screen_border")}), 0.2);
        PadCue unmeasured = cue("screen_border", 2.0, 1.0);
        unmeasured.measured = false;
        QCOMPARE(padcues::combine(0.2, {unmeasured}), 0.2);
    }

    void theAccumulatorReportsEveryCue()
    {
        const auto print = look(kPrint);
        QVERIFY(print);
        const auto frame = m_scorer->score(print->image, print->face, 0);
        QVERIFY(frame);
        QStringList single;
        for (const PadCue& c : frame->cues)
            single << c.name;
        QCOMPARE(single, (QStringList{QStringLiteral("screen_border"), QStringLiteral("moire"), QStringLiteral("texture")}));
        PadAccumulator accumulator;
        accumulator.add(*frame);
        const PadAssessment a = accumulator.assess(PadOperatingPoint{0.01, 0.5, QStringLiteral("test")});
        QStringList names;
        for (const PadCue& c : a.cues)
            names << c.name;
        QCOMPARE(names, (QStringList{QStringLiteral("model"), QStringLiteral("screen_border"), QStringLiteral("moire"),
                                     QStringLiteral("texture"), QStringLiteral("blink"), QStringLiteral("parallax")}));
        QVERIFY(!a.cues[4].measured && !a.cues[5].measured); // one frame: no blink, no depth
        QVERIFY(!a.cues[4].detail.isEmpty() && !a.cues[5].detail.isEmpty());
        QVERIFY(a.score >= a.cues[0].value); // nothing here lowers it
        QVERIFY(a.isAttack());
    }
};

QTEST_GUILESS_MAIN(TestPadCues)
#include "tst_padcues.moc"
