#pragma once

#include "core/biometrics/Detection.h"

#include <QString>

#include <opencv2/dnn.hpp>

#include <optional>
#include <vector>

namespace fg {

// fr_detect.onnx: an SSD-style detector on a 320x240 RGB input (MODELS.md).
// The frame is letterboxed to 4:3 first (padding, never stretching), so that
// portrait photos keep their proportions; boxes are mapped back to the frame.
class FaceDetector {
public:
    struct Options {
        float scoreThreshold = 0.65f;
        float nmsIou = 0.4f;
        bool letterbox = true;
        int inputWidth = 320;
        int inputHeight = 240;
    };

    static std::optional<FaceDetector> load(const QString& modelPath, Options options, QString* error);

    // All faces above the score threshold, largest first.
    std::vector<Detection> detect(const cv::Mat& bgr);

private:
    FaceDetector(cv::dnn::Net net, Options options) : m_net(std::move(net)), m_options(options) {}
    cv::dnn::Net m_net;
    Options m_options;
};

} // namespace fg
