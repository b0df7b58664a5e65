#pragma once

#include "core/biometrics/FaceLandmarks.h"

#include <QString>

#include <opencv2/dnn.hpp>

#include <optional>

namespace fg {

struct EyeState {
    double leftOpen = 0;  // probability that the eye is open, 0..1
    double rightOpen = 0;
};

// fr_eye.onnx: two logits for a 24x24 grey crop of one eye. Which class means
// "open" is not documented; see kOpenClass in the .cpp for the experiment
// that established it.
class EyeStateClassifier {
public:
    static std::optional<EyeStateClassifier> load(const QString& modelPath, QString* error);
    EyeState classify(const cv::Mat& bgr, const FaceLandmarks& landmarks);

private:
    explicit EyeStateClassifier(cv::dnn::Net net) : m_net(std::move(net)) {}
    double openProbability(const cv::Mat& bgr, cv::Point2f centre, float eyeWidth);
    cv::dnn::Net m_net;
};

} // namespace fg
