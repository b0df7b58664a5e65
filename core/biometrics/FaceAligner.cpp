#include "core/biometrics/FaceAligner.h"

#include <opencv2/imgproc.hpp>

namespace fg {

const std::array<cv::Point2f, 5>& FaceAligner::referencePoints()
{
    static const std::array<cv::Point2f, 5> reference = {
        cv::Point2f(38.2946f, 51.6963f), cv::Point2f(73.5318f, 51.5014f), cv::Point2f(56.0252f, 71.7366f),
        cv::Point2f(41.5493f, 92.3655f), cv::Point2f(70.7299f, 92.2041f)};
    return reference;
}

cv::Mat FaceAligner::similarityTransform(const std::array<cv::Point2f, 5>& from, const std::array<cv::Point2f, 5>& to)
{
    // Umeyama (1991) for 2-D: minimise sum |s R x_i + t - y_i|^2.
    cv::Point2d meanFrom(0, 0), meanTo(0, 0);
    for (size_t i = 0; i < from.size(); ++i) {
        meanFrom += cv::Point2d(from[i]);
        meanTo += cv::Point2d(to[i]);
    }
    meanFrom *= 1.0 / double(from.size());
    meanTo *= 1.0 / double(to.size());
    double a = 0, b = 0, variance = 0;
    for (size_t i = 0; i < from.size(); ++i) {
        const cv::Point2d x = cv::Point2d(from[i]) - meanFrom;
        const cv::Point2d y = cv::Point2d(to[i]) - meanTo;
        a += x.x * y.x + x.y * y.y; // sum of dot products
        b += x.x * y.y - x.y * y.x; // sum of cross products
        variance += x.x * x.x + x.y * x.y;
    }
    cv::Mat m(2, 3, CV_64F);
    if (variance <= 0.0) {
        m = cv::Mat::eye(2, 3, CV_64F);
        return m;
    }
    const double sc = a / variance; // s cos(theta)
    const double ss = b / variance; // s sin(theta)
    m.at<double>(0, 0) = sc;
    m.at<double>(0, 1) = -ss;
    m.at<double>(1, 0) = ss;
    m.at<double>(1, 1) = sc;
    m.at<double>(0, 2) = meanTo.x - (sc * meanFrom.x - ss * meanFrom.y);
    m.at<double>(1, 2) = meanTo.y - (ss * meanFrom.x + sc * meanFrom.y);
    return m;
}

cv::Mat FaceAligner::align(const cv::Mat& bgr, const std::array<cv::Point2f, 5>& points)
{
    const cv::Mat m = similarityTransform(points, referencePoints());
    cv::Mat aligned;
    cv::warpAffine(bgr, aligned, m, cv::Size(kSize, kSize), cv::INTER_LINEAR, cv::BORDER_CONSTANT, cv::Scalar(0, 0, 0));
    return aligned;
}

} // namespace fg
