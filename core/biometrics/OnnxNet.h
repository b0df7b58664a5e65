#pragma once

#include <QString>

#include <opencv2/dnn.hpp>

#include <optional>

namespace fg {

// Loads an ONNX model with OpenCV DNN on the CPU; a load failure is a reason,
// not an exception.
std::optional<cv::dnn::Net> loadOnnxNet(const QString& path, QString* error);

} // namespace fg
