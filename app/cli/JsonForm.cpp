#include "app/cli/JsonForm.h"

#include <QJsonArray>

namespace fg::cli {
namespace {
double rounded(double v, int places = 2)
{
    const double scale = std::pow(10.0, places);
    return std::round(v * scale) / scale;
}
} // namespace

QJsonObject toJson(const QualityReport& report)
{
    QJsonArray checks;
    for (const QualityCheck& check : report.checks)
        checks.append(QJsonObject{{QStringLiteral("name"), check.name},
                                  {QStringLiteral("value"), rounded(check.value, 3)},
                                  {QStringLiteral("passed"), check.passed},
                                  {QStringLiteral("reason"), check.reason}});
    return QJsonObject{{QStringLiteral("passed"), report.passed()},
                       {QStringLiteral("inter_eye_distance"), rounded(report.interEyeDistance, 1)},
                       {QStringLiteral("yaw"), rounded(report.yaw, 1)},
                       {QStringLiteral("pitch"), rounded(report.pitch, 1)},
                       {QStringLiteral("roll"), rounded(report.roll, 1)},
                       {QStringLiteral("sharpness"), rounded(report.sharpness, 1)},
                       {QStringLiteral("exposure_mean"), rounded(report.meanBrightness, 1)},
                       {QStringLiteral("under_exposed"), rounded(report.underExposedFraction, 3)},
                       {QStringLiteral("over_exposed"), rounded(report.overExposedFraction, 3)},
                       {QStringLiteral("face_count"), report.faceCount},
                       {QStringLiteral("left_eye_open"), rounded(report.leftEyeOpen, 3)},
                       {QStringLiteral("right_eye_open"), rounded(report.rightEyeOpen, 3)},
                       {QStringLiteral("checks"), checks}};
}

QJsonObject toJson(const Face& face, bool withQuality)
{
    const cv::Rect2f& b = face.detection.box;
    QJsonArray points;
    for (const cv::Point2f& p : face.landmarks.alignmentPoints())
        points.append(QJsonArray{rounded(p.x, 1), rounded(p.y, 1)});
    QJsonObject object{{QStringLiteral("box"),
                        QJsonObject{{QStringLiteral("x"), rounded(b.x, 1)},
                                    {QStringLiteral("y"), rounded(b.y, 1)},
                                    {QStringLiteral("width"), rounded(b.width, 1)},
                                    {QStringLiteral("height"), rounded(b.height, 1)}}},
                       {QStringLiteral("score"), rounded(face.detection.score, 4)},
                       {QStringLiteral("points5"), points}};
    if (withQuality)
        object.insert(QStringLiteral("quality"), toJson(face.quality));
    return object;
}

} // namespace fg::cli
