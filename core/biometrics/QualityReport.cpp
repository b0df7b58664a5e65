#include "core/biometrics/QualityReport.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>

namespace fg {
namespace {

double rounded(double v, int places)
{
    const double scale = std::pow(10.0, places);
    return std::round(v * scale) / scale;
}

} // namespace


bool QualityReport::passed() const
{
    return std::all_of(checks.begin(), checks.end(), [](const QualityCheck& c) { return c.passed; });
}

QStringList QualityReport::failureReasons() const
{
    QStringList reasons;
    for (const QualityCheck& check : checks) {
        if (!check.passed)
            reasons << check.reason;
    }
    return reasons;
}

QJsonObject QualityReport::toJson() const
{
    QJsonArray list;
    for (const QualityCheck& check : checks)
        list.append(QJsonObject{{QStringLiteral("name"), check.name},
                                  {QStringLiteral("value"), rounded(check.value, 3)},
                                  {QStringLiteral("passed"), check.passed},
                                  {QStringLiteral("reason"), check.reason}});
    return QJsonObject{{QStringLiteral("passed"), passed()},
                       {QStringLiteral("inter_eye_distance"), rounded(interEyeDistance, 1)},
                       {QStringLiteral("yaw"), rounded(yaw, 1)},
                       {QStringLiteral("pitch"), rounded(pitch, 1)},
                       {QStringLiteral("roll"), rounded(roll, 1)},
                       {QStringLiteral("sharpness"), rounded(sharpness, 1)},
                       {QStringLiteral("exposure_mean"), rounded(meanBrightness, 1)},
                       {QStringLiteral("under_exposed"), rounded(underExposedFraction, 3)},
                       {QStringLiteral("over_exposed"), rounded(overExposedFraction, 3)},
                       {QStringLiteral("face_count"), faceCount},
                       {QStringLiteral("left_eye_open"), rounded(leftEyeOpen, 3)},
                       {QStringLiteral("right_eye_open"), rounded(rightEyeOpen, 3)},
                       {QStringLiteral("checks"), list}};
}

} // namespace fg
