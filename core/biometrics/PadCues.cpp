#include "core/biometrics/PadCues.h"

#include <opencv2/calib3d.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <numeric>

namespace fg::padcues {
namespace {

// The square crop the liveness model sees (LivenessModel's default: the box
// grown to a square, 2.7x, cut at the frame's edges).
constexpr float kContextScale = 2.7f;
constexpr int kBorderSide = 256;  // the context crop is resized to this side
constexpr double kFaceMargin = 1.15; // the face box, grown, is left out of screen_border
constexpr int kSpectrumSide = 128;   // the face crop of moire and texture
constexpr double kFaceInner = 0.8;   // the inner part of the face box (less background)
constexpr double kHighBand = 1.0 / 3.0; // the high band starts at a third of Nyquist

// Fixed mappings from value to attack level (docs/pad-cues.md says why).
constexpr double kFrameAngle = 20.0;  // degrees from the face box's axes: an edge along a side
// Sides of the face framed: attack 0 at or below kFramedNone, 1 at all four.
// First set at 1 and 3 sides; pad-dev's bona fide office frames showed two
// framed sides or more in half of them (docs/pad-cues.md), so only all four
// now count as strong (combine() acts from attack 0.5 up: from 3 sides).
constexpr double kFramedNone = 2.0;
constexpr double kFramedStrong = 4.0;
// Peak over its ring's median: noise alone reaches ~4-5, but the 8x8 blocks
// of JPEG frames put peaks of their own (pad-dev's bona fide frames: mean
// 6.7); first set at 6 and 12, now at twice that, for peaks well above
// what compression makes.
constexpr double kMoireNone = 12.0;
constexpr double kMoireStrong = 24.0;
constexpr double kTextureLive = 0.010;  // high-band share of a face seen directly
constexpr double kTextureFlat = 0.002;  // ... and of a face with its fine detail gone
constexpr double kParallaxFlat = 0.2;   // homography / similarity residual: attack 1 at or below
constexpr double kParallaxDeep = 0.5;   // attack 0 at or above
constexpr qint64 kNoBlinkLongMs = 6000; // no blink for this long is weak evidence
constexpr double kNoBlinkAttack = 0.3;

double ramp(double value, double zeroAt, double oneAt)
{
    return std::clamp((value - zeroAt) / (oneAt - zeroAt), 0.0, 1.0);
}

PadCue notMeasured(const QString& name, const QString& why)
{
    PadCue cue;
    cue.name = name;
    cue.detail = why;
    return cue;
}

PadCue measuredCue(const QString& name, double value, double attack, const QString& detail)
{
    return PadCue{name, true, value, attack, detail};
}

cv::Rect2f squareAround(const cv::Rect2f& box, double scale)
{
    const float side = float(std::max(box.width, box.height) * scale);
    return {box.x + box.width / 2 - side / 2, box.y + box.height / 2 - side / 2, side, side};
}

// The grey face, inner part, kSpectrumSide square, mean removed, Hann window:
// what moire and texture take the spectrum of. Empty when the face is too
// small to have a high band worth the name.
cv::Mat windowedFace(const cv::Mat& bgr, const cv::Rect2f& box, QString* why)
{
    const cv::Rect inner = cv::Rect(squareAround(box, kFaceInner)) & cv::Rect(0, 0, bgr.cols, bgr.rows);
    if (inner.width < kSpectrumSide / 2 || inner.height < kSpectrumSide / 2) {
        *why = QStringLiteral("face too small for its fine texture (%1 px, needs %2)")
                   .arg(std::min(inner.width, inner.height))
                   .arg(kSpectrumSide / 2);
        return {};
    }
    cv::Mat grey, sized, face;
    cv::cvtColor(bgr(inner), grey, cv::COLOR_BGR2GRAY);
    cv::resize(grey, sized, cv::Size(kSpectrumSide, kSpectrumSide), 0, 0, cv::INTER_AREA);
    sized.convertTo(face, CV_32F);
    face -= cv::mean(face)[0];
    cv::Mat window;
    cv::createHanningWindow(window, face.size(), CV_32F);
    return face.mul(window);
}

// |DFT| of the windowed face.
cv::Mat magnitudeSpectrum(const cv::Mat& face)
{
    cv::Mat complex;
    cv::dft(face, complex, cv::DFT_COMPLEX_OUTPUT);
    cv::Mat planes[2];
    cv::split(complex, planes);
    cv::Mat magnitude;
    cv::magnitude(planes[0], planes[1], magnitude);
    return magnitude;
}

// Signed frequency of DFT index i of an n-point transform.
int frequency(int i, int n) { return i <= n / 2 ? i : i - n; }

double median(std::vector<double> values)
{
    if (values.empty())
        return 0.0;
    const auto middle = values.begin() + std::ptrdiff_t(values.size() / 2);
    std::nth_element(values.begin(), middle, values.end());
    return *middle;
}

std::vector<cv::Point2f> pointsOf(const FaceLandmarks& landmarks)
{
    return {landmarks.points.begin(), landmarks.points.end()};
}

double rms(const std::vector<cv::Point2f>& a, const std::vector<cv::Point2f>& b)
{
    double sum = 0;
    for (size_t i = 0; i < a.size(); ++i) {
        const cv::Point2f d = a[i] - b[i];
        sum += double(d.x) * d.x + double(d.y) * d.y;
    }
    return std::sqrt(sum / double(a.size()));
}

// The least-squares similarity (rotation, scale, translation) taking `from`
// onto `to`, applied to `from`.
std::vector<cv::Point2f> bestSimilarity(const std::vector<cv::Point2f>& from, const std::vector<cv::Point2f>& to)
{
    cv::Point2d mf(0, 0), mt(0, 0);
    for (size_t i = 0; i < from.size(); ++i) {
        mf += cv::Point2d(from[i]);
        mt += cv::Point2d(to[i]);
    }
    mf *= 1.0 / double(from.size());
    mt *= 1.0 / double(to.size());
    double norm = 0, a = 0, b = 0;
    for (size_t i = 0; i < from.size(); ++i) {
        const cv::Point2d p = cv::Point2d(from[i]) - mf, q = cv::Point2d(to[i]) - mt;
        norm += p.dot(p);
        a += p.x * q.x + p.y * q.y;
        b += p.x * q.y - p.y * q.x;
    }
    std::vector<cv::Point2f> mapped(from.size());
    if (norm <= 0)
        return mapped;
    a /= norm;
    b /= norm;
    for (size_t i = 0; i < from.size(); ++i) {
        const cv::Point2d p = cv::Point2d(from[i]) - mf;
        mapped[i] = cv::Point2f(float(a * p.x - b * p.y + mt.x), float(b * p.x + a * p.y + mt.y));
    }
    return mapped;
}

bool hasLandmarks(const PadFrame& frame) { return frame.landmarks.interEyeDistance() > 1.0f; }

} // namespace

PadCue screenBorder(const cv::Mat& bgr, const cv::Rect2f& box)
{
    const QString name = QStringLiteral("screen_border");
    const cv::Rect frame(0, 0, bgr.cols, bgr.rows);
    const cv::Rect context = cv::Rect(squareAround(box, kContextScale)) & frame;
    if (bgr.empty() || box.width < 1 || box.height < 1 || context.width < 16 || context.height < 16)
        return notMeasured(name, QStringLiteral("no face box inside the frame"));
    // The crop, resized so that its longer side is kBorderSide: lengths are
    // then fractions of the crop whatever the face's size.
    const double scale = double(kBorderSide) / double(std::max(context.width, context.height));
    cv::Mat grey, sized, edges;
    cv::cvtColor(bgr(context), grey, cv::COLOR_BGR2GRAY);
    cv::resize(grey, sized, cv::Size(), scale, scale, cv::INTER_AREA);
    cv::GaussianBlur(sized, sized, cv::Size(3, 3), 0);
    cv::Canny(sized, edges, 50, 150);
    // The face itself (its contour, glasses) is not a border: left out.
    const cv::Rect2f face = squareAround(box, 1.0);
    const cv::Rect2f grown(face.x - face.width * float(kFaceMargin - 1) / 2, face.y - face.height * float(kFaceMargin - 1) / 2,
                           face.width * float(kFaceMargin), face.height * float(kFaceMargin));
    const cv::Rect faceInCrop = cv::Rect(cv::Rect2f(float((grown.x - float(context.x)) * scale),
                                                    float((grown.y - float(context.y)) * scale),
                                                    float(grown.width * scale), float(grown.height * scale)))
                                & cv::Rect(0, 0, edges.cols, edges.rows);
    edges(faceInCrop).setTo(0);
    // Thickened by a pixel: the probabilistic Hough transform walks a line
    // pixel by pixel and breaks a slightly slanted edge at each step of its
    // staircase; duplicates this makes are removed below.
    cv::dilate(edges, edges, cv::Mat());
    const double minLength = kMinSegment * kBorderSide;
    std::vector<cv::Vec4i> segments;
    cv::HoughLinesP(edges, segments, 1, CV_PI / 180, 40, minLength, 4);
    // Longest first; a segment mostly on one already counted (Hough reports
    // a thick edge several times) is not counted again.
    std::sort(segments.begin(), segments.end(), [](const cv::Vec4i& a, const cv::Vec4i& b) {
        return std::hypot(a[2] - a[0], a[3] - a[1]) > std::hypot(b[2] - b[0], b[3] - b[1]);
    });
    cv::Mat counted = cv::Mat::zeros(edges.size(), CV_8U);
    // A picture's frame runs along the face's sides (the face is upright in
    // it): a long edge within kFrameAngle of the box's axes, above, below,
    // left or right of the face, frames that side. A room's edges (a desk, a
    // door) frame one side or two; a print or a screen held up, three or four.
    const cv::Rect2f faceBox(float((face.x - float(context.x)) * scale), float((face.y - float(context.y)) * scale),
                             float(face.width * scale), float(face.height * scale));
    std::array<bool, 4> framed{}; // above, below, left, right
    double total = 0;
    int kept = 0;
    for (const cv::Vec4i& s : segments) {
        const cv::Point a(s[0], s[1]), b(s[2], s[3]);
        cv::LineIterator it(counted, a, b);
        int covered = 0;
        for (int i = 0; i < it.count; ++i, ++it)
            covered += **it != 0;
        if (covered * 2 > it.count)
            continue;
        cv::line(counted, a, b, cv::Scalar(255), 5);
        total += std::hypot(double(b.x - a.x), double(b.y - a.y)) / kBorderSide;
        ++kept;
        const double angle = std::abs(std::atan2(double(b.y - a.y), double(b.x - a.x))) * 180 / CV_PI; // 0..180
        const cv::Point2f middle((float(a.x) + float(b.x)) / 2, (float(a.y) + float(b.y)) / 2);
        if (std::min(angle, 180 - angle) <= kFrameAngle) {
            if (middle.y < faceBox.y)
                framed[0] = true;
            else if (middle.y > faceBox.br().y)
                framed[1] = true;
        } else if (std::abs(angle - 90) <= kFrameAngle) {
            if (middle.x < faceBox.x)
                framed[2] = true;
            else if (middle.x > faceBox.br().x)
                framed[3] = true;
        }
    }
    const int sides = int(std::count(framed.begin(), framed.end(), true));
    const QString detail = kept == 0 ? QStringLiteral("no long straight edge around the face")
                                     : QStringLiteral("straight edges frame %1 of the face's 4 sides (%2 edge(s), %3 crop "
                                                      "sides long in all)")
                                           .arg(sides)
                                           .arg(kept)
                                           .arg(total, 0, 'f', 2);
    return measuredCue(name, sides, ramp(sides, kFramedNone, kFramedStrong), detail);
}

PadCue moire(const cv::Mat& bgr, const cv::Rect2f& box)
{
    const QString name = QStringLiteral("moire");
    if (bgr.empty() || box.width < 1 || box.height < 1)
        return notMeasured(name, QStringLiteral("no face box inside the frame"));
    QString why;
    const cv::Mat face = windowedFace(bgr, box, &why);
    if (face.empty())
        return notMeasured(name, why);
    const cv::Mat magnitude = magnitudeSpectrum(face);
    const int n = kSpectrumSide, nyquist = n / 2;
    // Each bin over the median of its ring (same radius): a 1/f face spectrum
    // is flat after that, and a periodic pattern stands out as a peak. Half
    // the plane (the spectrum of a real image is symmetric); the axes are left
    // out (the crop's own edges and straight hair lines put energy there).
    std::vector<std::vector<double>> rings(size_t(nyquist) + 1);
    struct Bin {
        int ring;
        double value;
    };
    std::vector<Bin> bins;
    for (int y = 0; y < n; ++y) {
        for (int x = 0; x <= nyquist; ++x) {
            const int u = frequency(x, n), v = frequency(y, n);
            const int ring = int(std::lround(std::hypot(u, v)));
            if (std::abs(u) <= 1 || std::abs(v) <= 1 || ring > nyquist || ring < int(kHighBand * nyquist))
                continue;
            const double m = magnitude.at<float>(y, x);
            rings[size_t(ring)].push_back(m);
            bins.push_back({ring, m});
        }
    }
    std::vector<double> ringMedian(rings.size(), 0.0);
    for (size_t r = 0; r < rings.size(); ++r)
        ringMedian[r] = median(rings[r]);
    double peak = 0;
    for (const Bin& bin : bins)
        if (ringMedian[size_t(bin.ring)] > 0)
            peak = std::max(peak, bin.value / ringMedian[size_t(bin.ring)]);
    return measuredCue(name, peak, ramp(peak, kMoireNone, kMoireStrong),
                       QStringLiteral("strongest periodic peak of the face's fine texture %1x its ring's median")
                           .arg(peak, 0, 'f', 1));
}

PadCue texture(const cv::Mat& bgr, const cv::Rect2f& box)
{
    const QString name = QStringLiteral("texture");
    if (bgr.empty() || box.width < 1 || box.height < 1)
        return notMeasured(name, QStringLiteral("no face box inside the frame"));
    QString why;
    const cv::Mat face = windowedFace(bgr, box, &why);
    if (face.empty())
        return notMeasured(name, why);
    const cv::Mat magnitude = magnitudeSpectrum(face);
    const int n = kSpectrumSide, nyquist = n / 2;
    double high = 0, all = 0;
    for (int y = 0; y < n; ++y) {
        for (int x = 0; x < n; ++x) {
            const double r = std::hypot(frequency(x, n), frequency(y, n)) / nyquist;
            if (r < 1.0 / nyquist) // the DC term (the mean was removed; the window leaves some)
                continue;
            const double energy = double(magnitude.at<float>(y, x)) * magnitude.at<float>(y, x);
            all += energy;
            if (r >= kHighBand && r <= 1.0)
                high += energy;
        }
    }
    if (all <= 0)
        return notMeasured(name, QStringLiteral("the face is one flat colour"));
    const double share = high / all;
    return measuredCue(name, share, 1.0 - ramp(share, kTextureFlat, kTextureLive),
                       QStringLiteral("fine detail %1% of the face's texture energy").arg(100 * share, 0, 'f', 2));
}

PadCue blink(const std::deque<PadFrame>& frames)
{
    const QString name = QStringLiteral("blink");
    if (frames.size() < 3)
        return notMeasured(name, QStringLiteral("%1 frame(s): a blink needs a sequence").arg(frames.size()));
    const qint64 span = frames.back().timestampMs - frames.front().timestampMs;
    if (span < kMinBlinkSpanMs)
        return notMeasured(name, QStringLiteral("frames span %1 s, under the %2 s a blink is looked for in")
                                     .arg(double(span) / 1000, 0, 'f', 1)
                                     .arg(double(kMinBlinkSpanMs) / 1000, 0, 'f', 0));
    qint64 widestGap = 0;
    for (size_t i = 1; i < frames.size(); ++i)
        widestGap = std::max(widestGap, frames[i].timestampMs - frames[i - 1].timestampMs);
    if (widestGap > kMaxBlinkGapMs)
        return notMeasured(name, QStringLiteral("frames up to %1 s apart: a blink (0.1-0.4 s) can fall between them")
                                     .arg(double(widestGap) / 1000, 0, 'f', 1));
    auto open = [](const PadFrame& f) { return std::min(f.leftEyeOpen, f.rightEyeOpen) >= kOpen; };
    auto closed = [](const PadFrame& f) { return std::max(f.leftEyeOpen, f.rightEyeOpen) < kClosed; };
    if (std::none_of(frames.begin(), frames.end(), open))
        return notMeasured(name, QStringLiteral("both eyes never seen open"));
    // open ... closed (both eyes) ... open again within kMaxBlinkMs of closing.
    int blinks = 0;
    bool wasOpen = false;
    qint64 closedAt = -1;
    for (const PadFrame& f : frames) {
        if (open(f)) {
            if (closedAt >= 0 && f.timestampMs - closedAt <= kMaxBlinkMs)
                ++blinks;
            wasOpen = true;
            closedAt = -1;
        } else if (closed(f) && wasOpen && closedAt < 0) {
            closedAt = f.timestampMs;
        }
    }
    const QString seconds = QString::number(double(span) / 1000, 'f', 1);
    if (blinks > 0)
        return measuredCue(name, blinks, 0.0, QStringLiteral("blinked %1 time(s) in %2 s").arg(blinks).arg(seconds));
    if (span >= kNoBlinkLongMs)
        return measuredCue(name, 0, kNoBlinkAttack, QStringLiteral("no blink in %1 s").arg(seconds));
    return measuredCue(name, 0, 0.0, QStringLiteral("no blink in %1 s: too short to mean much").arg(seconds));
}

PlanarFit planarFit(const FaceLandmarks& from, const FaceLandmarks& to)
{
    PlanarFit fit;
    fit.interEyeDistance = from.interEyeDistance();
    const std::vector<cv::Point2f> a = pointsOf(from), b = pointsOf(to);
    fit.similarityRms = rms(bestSimilarity(a, b), b);
    // Least squares over all 68 points (no RANSAC: an outlier is exactly
    // what a turning head gives).
    const cv::Mat h = cv::findHomography(a, b, 0);
    if (h.empty()) {
        fit.homographyRms = fit.similarityRms;
        return fit;
    }
    std::vector<cv::Point2f> mapped;
    cv::perspectiveTransform(a, mapped, h);
    fit.homographyRms = rms(mapped, b);
    return fit;
}

PadCue parallax(const std::deque<PadFrame>& frames)
{
    const QString name = QStringLiteral("parallax");
    std::vector<const PadFrame*> withLandmarks;
    for (const PadFrame& f : frames)
        if (hasLandmarks(f))
            withLandmarks.push_back(&f);
    if (withLandmarks.size() < 2)
        return notMeasured(name, QStringLiteral("%1 frame(s) with landmarks: depth needs two views").arg(withLandmarks.size()));
    // At most kMaxParallaxFrames, evenly spaced: every pair of them.
    std::vector<const PadFrame*> chosen;
    const size_t count = std::min(withLandmarks.size(), size_t(kMaxParallaxFrames));
    for (size_t i = 0; i < count; ++i)
        chosen.push_back(withLandmarks[i * (withLandmarks.size() - 1) / std::max<size_t>(count - 1, 1)]);
    std::vector<double> ratios;
    double mostChange = 0;
    for (size_t i = 0; i < chosen.size(); ++i) {
        for (size_t j = i + 1; j < chosen.size(); ++j) {
            const PlanarFit fit = planarFit(chosen[i]->landmarks, chosen[j]->landmarks);
            const double change = fit.similarityRms / fit.interEyeDistance;
            mostChange = std::max(mostChange, change);
            if (change >= kMinShapeChange && fit.similarityRms > 0)
                ratios.push_back(fit.homographyRms / fit.similarityRms);
        }
    }
    if (ratios.empty())
        return notMeasured(name, QStringLiteral("too little head motion to judge depth by (shape change %1 of the eye "
                                                "distance, needs %2)")
                                     .arg(mostChange, 0, 'f', 3)
                                     .arg(kMinShapeChange, 0, 'f', 2));
    const double ratio = median(ratios);
    const double attack = 1.0 - ramp(ratio, kParallaxFlat, kParallaxDeep);
    const QString verdict = attack >= 0.5 ? QStringLiteral("moves like a flat picture") : QStringLiteral("moves with depth");
    return measuredCue(name, ratio, attack,
                       QStringLiteral("%1: a plane leaves %2% of the shape change unexplained (RMS, %3 frame pairs)")
                           .arg(verdict)
                           .arg(100 * ratio, 0, 'f', 0)
                           .arg(ratios.size()));
}

PadCue meanOverFrames(const std::deque<PadFrame>& frames, const QString& name)
{
    double value = 0, attack = 0;
    int measured = 0;
    QString firstReason;
    for (const PadFrame& f : frames) {
        for (const PadCue& c : f.cues) {
            if (c.name != name)
                continue;
            if (c.measured) {
                value += c.value;
                attack += c.attack;
                ++measured;
            } else if (firstReason.isEmpty()) {
                firstReason = c.detail;
            }
        }
    }
    if (measured == 0)
        return notMeasured(name, firstReason.isEmpty() ? QStringLiteral("not computed for these frames") : firstReason);
    if (measured == 1 && frames.size() == 1)
        for (const PadCue& c : frames.front().cues)
            if (c.name == name)
                return c;
    return measuredCue(name, value / measured, attack / measured,
                       QStringLiteral("mean of %1 frame(s): %2 attack level").arg(measured).arg(attack / measured, 0, 'f', 2));
}

double combine(double modelMean, const std::vector<PadCue>& cues, const QStringList& ignore)
{
    double strongest = 0, live = 0;
    for (const PadCue& c : cues) {
        if (!c.measured || c.name == QLatin1String("model") || ignore.contains(c.name))
            continue;
        strongest = std::max(strongest, c.attack);
        // Only what a print cannot do lowers the score: a blink seen. Depth
        // under motion does not: a hand-held print bends and the landmarks
        // jitter, and on pad-dev most print windows with motion read "deep"
        // (docs/pad-cues.md); a flat reading still raises the score.
        if (c.name == QLatin1String("blink") && c.value >= 1)
            live = 1;
    }
    const double raise = 2 * std::max(0.0, strongest - 0.5);
    const double raised = modelMean + (1 - modelMean) * kRaise * raise;
    return std::clamp(raised * (1 - kLower * live), 0.0, 1.0);
}

} // namespace fg::padcues
