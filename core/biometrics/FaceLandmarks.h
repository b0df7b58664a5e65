#pragma once

#include <opencv2/core/types.hpp>

#include <array>

namespace fg {

// The 68 iBUG points of a face and the five alignment points derived from
// them as MODELS.md specifies (eye centres, nose tip, mouth corners).
struct FaceLandmarks {
    std::array<cv::Point2f, 68> points{};

    std::array<cv::Point2f, 5> alignmentPoints() const;
    cv::Point2f leftEyeCentre() const;  // the subject's right eye, on the image's left
    cv::Point2f rightEyeCentre() const;
    float leftEyeWidth() const;         // corner to corner, p36 -> p39
    float rightEyeWidth() const;        // p42 -> p45
    float interEyeDistance() const;
};

} // namespace fg
