#pragma once

#include "core/biometrics/FaceLandmarks.h"

#include <QString>

#include <opencv2/dnn.hpp>

#include <optional>

namespace fg {

// fr_landmark.onnx: 68 points from a 64x64 grey crop of the face box.
class LandmarkDetector {
public:
    static std::optional<LandmarkDetector> load(const QString& modelPath, QString* error);
    FaceLandmarks locate(const cv::Mat& bgr, const cv::Rect2f& box);

private:
    explicit LandmarkDetector(cv::dnn::Net net) : m_net(std::move(net)) {}
    cv::dnn::Net m_net;
};

} // namespace fg
