#pragma once

#include <opencv2/core/mat.hpp>

#include <array>

namespace fg {

// Warps a face onto the standard 112x112 ArcFace reference points by the
// least-squares similarity transform of all five points (rotation, uniform
// scale, translation: Umeyama's closed form, no RANSAC to drop a point).
class FaceAligner {
public:
    static constexpr int kSize = 112;
    static const std::array<cv::Point2f, 5>& referencePoints();

    static cv::Mat similarityTransform(const std::array<cv::Point2f, 5>& from, const std::array<cv::Point2f, 5>& to);
    static cv::Mat align(const cv::Mat& bgr, const std::array<cv::Point2f, 5>& points);
};

} // namespace fg
