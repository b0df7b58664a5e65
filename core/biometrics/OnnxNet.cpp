#include "core/biometrics/OnnxNet.h"

namespace fg {

std::optional<cv::dnn::Net> loadOnnxNet(const QString& path, QString* error)
{
    try {
        cv::dnn::Net net = cv::dnn::readNetFromONNX(path.toStdString());
        if (net.empty()) {
            if (error)
                *error = QStringLiteral("model %1 loaded as an empty network").arg(path);
            return std::nullopt;
        }
        net.setPreferableBackend(cv::dnn::DNN_BACKEND_OPENCV);
        net.setPreferableTarget(cv::dnn::DNN_TARGET_CPU);
        return net;
    } catch (const cv::Exception& e) {
        if (error)
            *error = QStringLiteral("model %1 could not be loaded: %2").arg(path, QString::fromStdString(e.msg));
        return std::nullopt;
    }
}

} // namespace fg
