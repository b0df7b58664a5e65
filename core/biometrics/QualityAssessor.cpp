#include "core/biometrics/QualityAssessor.h"

#include "core/biometrics/FaceAligner.h"

#include <opencv2/imgproc.hpp>

#include <cmath>

namespace fg {

void QualityAssessor::measureAlignedFace(const cv::Mat& alignedBgr, QualityReport* report)
{
    cv::Mat grey;
    cv::cvtColor(alignedBgr, grey, cv::COLOR_BGR2GRAY);
    // The inner face only: the aligned crop's corners hold background or the
    // black fill of a face near the frame's edge.
    const int margin = FaceAligner::kSize / 8;
    const cv::Mat inner = grey(cv::Rect(margin, margin, grey.cols - 2 * margin, grey.rows - 2 * margin));
    cv::Mat laplacian;
    cv::Laplacian(inner, laplacian, CV_64F);
    cv::Scalar mean, stddev;
    cv::meanStdDev(laplacian, mean, stddev);
    report->sharpness = stddev[0] * stddev[0];
    report->meanBrightness = cv::mean(inner)[0];
    const double pixels = double(inner.total());
    report->underExposedFraction = double(cv::countNonZero(inner <= 15)) / pixels;
    report->overExposedFraction = double(cv::countNonZero(inner >= 245)) / pixels;
}

void QualityAssessor::judge(QualityReport* r) const
{
    const QualityLimits& l = m_limits;
    auto add = [r](const char* name, double value, bool passed, QString reason) {
        r->checks.push_back({QString::fromLatin1(name), value, passed, std::move(reason)});
    };
    const auto n = [](double v) { return QString::number(v, 'f', 0); };

    add("face_count", r->faceCount, r->faceCount >= 1 && r->faceCount <= l.maxFaces,
        r->faceCount <= l.maxFaces ? QStringLiteral("%1 face(s) in view").arg(r->faceCount)
                                   : QStringLiteral("%1 faces in view, at most %2 allowed: one traveler at a time")
                                         .arg(r->faceCount)
                                         .arg(l.maxFaces));
    const double minInterEye = l.minInterEyeDistanceFor(r->frameWidth);
    add("inter_eye_distance", r->interEyeDistance, r->interEyeDistance >= minInterEye,
        r->interEyeDistance >= minInterEye
            ? QStringLiteral("eyes %1 px apart").arg(n(r->interEyeDistance))
            : QStringLiteral("too far: eyes %1 px apart, at least %2 needed").arg(n(r->interEyeDistance), n(minInterEye)));
    add("yaw", r->yaw, std::abs(r->yaw) <= l.maxYaw,
        std::abs(r->yaw) <= l.maxYaw ? QStringLiteral("head turned %1 degrees").arg(n(r->yaw))
                                     : QStringLiteral("turn head: turned %1 degrees sideways, at most %2 allowed")
                                           .arg(n(r->yaw), n(l.maxYaw)));
    add("pitch", r->pitch, std::abs(r->pitch) <= l.maxPitch,
        std::abs(r->pitch) <= l.maxPitch ? QStringLiteral("head tilted %1 degrees").arg(n(r->pitch))
                                         : QStringLiteral("look straight: head tilted %1 degrees up/down, at most %2 allowed")
                                               .arg(n(r->pitch), n(l.maxPitch)));
    add("roll", r->roll, std::abs(r->roll) <= l.maxRoll,
        std::abs(r->roll) <= l.maxRoll ? QStringLiteral("head rolled %1 degrees").arg(n(r->roll))
                                       : QStringLiteral("straighten head: rolled %1 degrees, at most %2 allowed")
                                             .arg(n(r->roll), n(l.maxRoll)));
    add("sharpness", r->sharpness, r->sharpness >= l.minSharpness,
        r->sharpness >= l.minSharpness ? QStringLiteral("sharp (%1)").arg(n(r->sharpness))
                                       : QStringLiteral("blurred: sharpness %1, at least %2 needed").arg(n(r->sharpness), n(l.minSharpness)));
    const bool meanOk = r->meanBrightness >= l.minMeanBrightness && r->meanBrightness <= l.maxMeanBrightness;
    add("exposure_mean", r->meanBrightness, meanOk,
        meanOk ? QStringLiteral("brightness %1").arg(n(r->meanBrightness))
               : (r->meanBrightness < l.minMeanBrightness
                      ? QStringLiteral("too dark: brightness %1, at least %2 needed").arg(n(r->meanBrightness), n(l.minMeanBrightness))
                      : QStringLiteral("too bright: brightness %1, at most %2 allowed").arg(n(r->meanBrightness), n(l.maxMeanBrightness))));
    const auto pct = [](double f) { return QString::number(f * 100.0, 'f', 0) + QLatin1Char('%'); };
    add("under_exposed", r->underExposedFraction, r->underExposedFraction <= l.maxUnderExposed,
        r->underExposedFraction <= l.maxUnderExposed
            ? QStringLiteral("%1 of the face under-exposed").arg(pct(r->underExposedFraction))
            : QStringLiteral("too dark: %1 of the face is black, at most %2 allowed").arg(pct(r->underExposedFraction), pct(l.maxUnderExposed)));
    add("over_exposed", r->overExposedFraction, r->overExposedFraction <= l.maxOverExposed,
        r->overExposedFraction <= l.maxOverExposed
            ? QStringLiteral("%1 of the face over-exposed").arg(pct(r->overExposedFraction))
            : QStringLiteral("too bright: %1 of the face is white, at most %2 allowed").arg(pct(r->overExposedFraction), pct(l.maxOverExposed)));
    const double eyes = std::min(r->leftEyeOpen, r->rightEyeOpen);
    add("eyes_open", eyes, eyes >= l.minEyeOpen,
        eyes >= l.minEyeOpen ? QStringLiteral("eyes open")
                             : QStringLiteral("eyes closed: open-eye probability %1, at least %2 needed")
                                   .arg(QString::number(eyes, 'f', 2), QString::number(l.minEyeOpen, 'f', 2)));
}

} // namespace fg
