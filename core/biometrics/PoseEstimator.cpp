#include "core/biometrics/PoseEstimator.h"

#include "core/biometrics/OnnxNet.h"

#include <opencv2/imgproc.hpp>

#include <cmath>

namespace fg {
namespace {

double expectedAngle(const cv::Mat& bins)
{
    const float* v = bins.ptr<float>();
    const int n = int(bins.total());
    const float top = *std::max_element(v, v + n);
    double sum = 0, weighted = 0;
    for (int i = 0; i < n; ++i) {
        const double e = std::exp(double(v[i] - top));
        sum += e;
        weighted += e * i;
    }
    return 3.0 * (weighted / sum) - 99.0;
}

} // namespace

std::optional<PoseEstimator> PoseEstimator::load(const QString& modelPath, QString* error)
{
    std::optional<cv::dnn::Net> net = loadOnnxNet(modelPath, error);
    if (!net)
        return std::nullopt;
    return PoseEstimator(std::move(*net));
}

HeadPose PoseEstimator::estimate(const cv::Mat& bgr, const cv::Rect2f& box)
{
    const cv::Rect grown = cv::Rect(cv::Rect2f(box.x - box.width / 4, box.y - box.height / 4, box.width * 1.5f,
                                               box.height * 1.5f))
                           & cv::Rect(0, 0, bgr.cols, bgr.rows);
    if (grown.empty())
        return {};
    cv::Mat rgb, resized, f;
    cv::resize(bgr(grown), resized, cv::Size(224, 224), 0, 0, cv::INTER_LINEAR);
    cv::cvtColor(resized, rgb, cv::COLOR_BGR2RGB);
    rgb.convertTo(f, CV_32FC3, 1.0 / 255.0);
    cv::subtract(f, cv::Scalar(0.485, 0.456, 0.406), f);
    cv::divide(f, cv::Scalar(0.229, 0.224, 0.225), f);
    m_net.setInput(cv::dnn::blobFromImage(f));
    std::vector<cv::Mat> outs;
    m_net.forward(outs, std::vector<cv::String>{"output", "617", "618"});
    return {expectedAngle(outs[0]), expectedAngle(outs[1]), expectedAngle(outs[2])};
}

} // namespace fg
