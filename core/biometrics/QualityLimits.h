#pragma once

#include <QString>

#include <optional>

class QSettings;

namespace fg {

// Pass/fail limits of the capture quality checks (DOMAIN.md: ISO/IEC 19794-5,
// ICAO 9303). Reference-grade photos use the strict standard figures; a live
// probe at a gate is allowed looser ones, set in configuration.
struct QualityLimits {
    double minInterEyeDistance = 90.0; // pixels between the eye centres
    // Live probes: minInterEyeDistance holds for frames this many pixels wide
    // (a 1280x720 camera); a narrower camera's frames need proportionally fewer
    // (20 px at 640x360), never below kMinScaledInterEyeDistance, so that a
    // traveler standing where the camera is aimed passes whatever its
    // resolution. Wider frames keep the figure. 0: the figure is absolute.
    double interEyeFrameWidth = 0;
    double maxYaw = 5.0;               // degrees, absolute
    double maxPitch = 5.0;
    double maxRoll = 8.0;
    double minSharpness = 40.0;        // variance of the Laplacian of the aligned 112x112 face
    double minMeanBrightness = 50.0;   // 0..255 over the aligned face
    double maxMeanBrightness = 210.0;
    double maxUnderExposed = 0.25;     // fraction of face pixels <= 15
    double maxOverExposed = 0.15;      // fraction of face pixels >= 245
    int maxFaces = 1;                  // faces in view
    double minEyeOpen = 0.5;           // probability, each eye

    // The least distance between the eyes that the face matcher is still
    // accurate with (its aligned crop puts them about 38 px apart).
    static constexpr double kMinScaledInterEyeDistance = 20.0;

    // minInterEyeDistance for a frame (or photo) frameWidth pixels wide.
    double minInterEyeDistanceFor(int frameWidth) const;

    static QualityLimits referenceGrade();
    static QualityLimits liveProbe();
    // Reads the "quality/..." keys over `base`; an invalid value is reported
    // by key and value.
    static std::optional<QualityLimits> fromSettings(const QSettings& settings, const QualityLimits& base,
                                                     QString* error);
};

} // namespace fg
