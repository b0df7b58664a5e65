#include "core/biometrics/LandmarkDetector.h"

#include "core/biometrics/OnnxNet.h"

#include <opencv2/imgproc.hpp>

namespace fg {

std::optional<LandmarkDetector> LandmarkDetector::load(const QString& modelPath, QString* error)
{
    std::optional<cv::dnn::Net> net = loadOnnxNet(modelPath, error);
    if (!net)
        return std::nullopt;
    return LandmarkDetector(std::move(*net));
}

FaceLandmarks LandmarkDetector::locate(const cv::Mat& bgr, const cv::Rect2f& box)
{
    // The crop is the box itself; parts outside the frame are filled by
    // replicating the border, so a face at the edge keeps its geometry.
    const cv::Rect crop(int(std::lround(box.x)), int(std::lround(box.y)), std::max(1, int(std::lround(box.width))),
                        std::max(1, int(std::lround(box.height))));
    const cv::Rect inside = crop & cv::Rect(0, 0, bgr.cols, bgr.rows);
    cv::Mat patch;
    if (inside == crop) {
        patch = bgr(crop);
    } else {
        cv::copyMakeBorder(bgr(inside), patch, inside.y - crop.y, crop.br().y - inside.br().y, inside.x - crop.x,
                           crop.br().x - inside.br().x, cv::BORDER_REPLICATE);
    }
    cv::Mat grey, small;
    cv::cvtColor(patch, grey, cv::COLOR_BGR2GRAY);
    cv::resize(grey, small, cv::Size(64, 64), 0, 0, cv::INTER_LINEAR);
    m_net.setInput(cv::dnn::blobFromImage(small, 1.0 / 256.0));
    const cv::Mat out = m_net.forward();
    const float* v = out.ptr<float>();
    FaceLandmarks landmarks;
    for (size_t i = 0; i < landmarks.points.size(); ++i)
        landmarks.points[i] = cv::Point2f(float(crop.x) + v[2 * i] * float(crop.width),
                                          float(crop.y) + v[2 * i + 1] * float(crop.height));
    return landmarks;
}

} // namespace fg
