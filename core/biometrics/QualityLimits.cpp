#include "core/biometrics/QualityLimits.h"

#include <QSettings>

#include <algorithm>

namespace fg {

double QualityLimits::minInterEyeDistanceFor(int frameWidth) const
{
    if (interEyeFrameWidth <= 0 || frameWidth <= 0 || frameWidth >= interEyeFrameWidth)
        return minInterEyeDistance;
    const double scaled = minInterEyeDistance * frameWidth / interEyeFrameWidth;
    return std::max(scaled, std::min(minInterEyeDistance, kMinScaledInterEyeDistance));
}

QualityLimits QualityLimits::referenceGrade()
{
    return QualityLimits();
}

QualityLimits QualityLimits::liveProbe()
{
    QualityLimits limits;
    limits.minInterEyeDistance = 40.0;
    limits.interEyeFrameWidth = 1280.0;
    limits.maxYaw = 20.0;
    limits.maxPitch = 20.0;
    limits.maxRoll = 15.0;
    limits.minSharpness = 20.0;
    limits.maxFaces = 3; // others queueing behind the traveler are common at a gate
    return limits;
}

std::optional<QualityLimits> QualityLimits::fromSettings(const QSettings& settings, const QualityLimits& base,
                                                         QString* error)
{
    QualityLimits limits = base;
    struct Key {
        const char* name;
        double* value;
        double min;
        double max;
    };
    double maxFaces = limits.maxFaces;
    const Key keys[] = {
        {"quality/minInterEyeDistance", &limits.minInterEyeDistance, 0, 2000},
        {"quality/interEyeFrameWidth", &limits.interEyeFrameWidth, 0, 20000},
        {"quality/maxYaw", &limits.maxYaw, 0, 90},
        {"quality/maxPitch", &limits.maxPitch, 0, 90},
        {"quality/maxRoll", &limits.maxRoll, 0, 180},
        {"quality/minSharpness", &limits.minSharpness, 0, 100000},
        {"quality/minMeanBrightness", &limits.minMeanBrightness, 0, 255},
        {"quality/maxMeanBrightness", &limits.maxMeanBrightness, 0, 255},
        {"quality/maxUnderExposed", &limits.maxUnderExposed, 0, 1},
        {"quality/maxOverExposed", &limits.maxOverExposed, 0, 1},
        {"quality/maxFaces", &maxFaces, 1, 100},
        {"quality/minEyeOpen", &limits.minEyeOpen, 0, 1},
    };
    for (const Key& key : keys) {
        const QString name = QString::fromLatin1(key.name);
        if (!settings.contains(name))
            continue;
        const QString text = settings.value(name).toString();
        bool ok = false;
        const double value = text.toDouble(&ok);
        if (!ok || value < key.min || value > key.max) {
            if (error)
                *error = QStringLiteral("setting %1 = \"%2\" is invalid: a number from %3 to %4 is expected")
                             .arg(name, text)
                             .arg(key.min)
                             .arg(key.max);
            return std::nullopt;
        }
        *key.value = value;
    }
    limits.maxFaces = int(maxFaces);
    if (limits.minMeanBrightness >= limits.maxMeanBrightness) {
        if (error)
            *error = QStringLiteral("setting quality/minMeanBrightness (%1) must be below quality/maxMeanBrightness (%2)")
                         .arg(limits.minMeanBrightness)
                         .arg(limits.maxMeanBrightness);
        return std::nullopt;
    }
    return limits;
}

} // namespace fg
