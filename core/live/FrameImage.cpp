#include "core/live/FrameImage.h"

#include <opencv2/core/mat.hpp>

namespace fg {

QImage FrameImage::fromBgr(const cv::Mat& bgr)
{
    if (bgr.empty() || bgr.type() != CV_8UC3)
        return {};
    const QImage view(bgr.data, bgr.cols, bgr.rows, static_cast<qsizetype>(bgr.step), QImage::Format_BGR888);
    return view.convertToFormat(QImage::Format_RGB32); // a deep copy, in the format QPainter draws fastest
}

} // namespace fg
