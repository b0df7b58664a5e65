#include "core/biometrics/FaceLandmarks.h"

#include <cmath>

namespace fg {
namespace {
cv::Point2f mean(std::initializer_list<cv::Point2f> points)
{
    cv::Point2f sum(0.0f, 0.0f);
    for (const cv::Point2f& p : points)
        sum += p;
    return sum * (1.0f / float(points.size()));
}
float distance(cv::Point2f a, cv::Point2f b) { return std::hypot(a.x - b.x, a.y - b.y); }
} // namespace

cv::Point2f FaceLandmarks::leftEyeCentre() const
{
    return mean({points[37], points[38], points[40], points[41]});
}

cv::Point2f FaceLandmarks::rightEyeCentre() const
{
    return mean({points[43], points[44], points[46], points[47]});
}

float FaceLandmarks::leftEyeWidth() const { return distance(points[36], points[39]); }
float FaceLandmarks::rightEyeWidth() const { return distance(points[42], points[45]); }
float FaceLandmarks::interEyeDistance() const { return distance(leftEyeCentre(), rightEyeCentre()); }

std::array<cv::Point2f, 5> FaceLandmarks::alignmentPoints() const
{
    return {leftEyeCentre(), rightEyeCentre(), points[30], mean({points[48], points[60]}), mean({points[54], points[64]})};
}

} // namespace fg
