#pragma once

#include <QString>

#include <opencv2/dnn.hpp>

#include <optional>

namespace fg {

struct HeadPose {
    double yaw = 0;   // degrees
    double pitch = 0;
    double roll = 0;
};

// fr_pose.onnx: yaw, pitch and roll as 66 bins of 3 degrees each (MODELS.md),
// from the face box grown by a quarter on each side, 224x224 RGB, ImageNet
// normalisation.
class PoseEstimator {
public:
    static std::optional<PoseEstimator> load(const QString& modelPath, QString* error);
    HeadPose estimate(const cv::Mat& bgr, const cv::Rect2f& box);

private:
    explicit PoseEstimator(cv::dnn::Net net) : m_net(std::move(net)) {}
    cv::dnn::Net m_net;
};

} // namespace fg
