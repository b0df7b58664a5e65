#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <vector>

namespace fg {

// One measure of capture quality, its verdict against its limit and, when it
// fails, a reason an officer can act on.
struct QualityCheck {
    QString name;   // stable key: "inter_eye_distance", "yaw", ...
    double value = 0;
    bool passed = true;
    QString reason; // words, also for a pass ("eyes 112 px apart")
};

struct QualityReport {
    double interEyeDistance = 0;
    double yaw = 0;
    double pitch = 0;
    double roll = 0;
    double sharpness = 0;
    double meanBrightness = 0;
    double underExposedFraction = 0;
    double overExposedFraction = 0;
    int faceCount = 0;
    int frameWidth = 0; // pixels, of the frame or photo the face is in (0: not known)
    double leftEyeOpen = 0;
    double rightEyeOpen = 0;
    std::vector<QualityCheck> checks;

    bool passed() const;
    QStringList failureReasons() const;
    // {"passed", "inter_eye_distance", "yaw", ..., "checks": [{"name", "value", "passed", "reason"}]}
    // (facegate-cli detect's "quality", and what an encounter stores).
    QJsonObject toJson() const;
};

} // namespace fg
