#pragma once

#include <QImage>

namespace cv {
class Mat;
}

namespace fg {

// The one bridge from OpenCV pixels to Qt pixels in ui/: a BGR 8-bit
// cv::Mat (CV_8UC3) becomes a QImage that owns its own copy of the pixels.
// Any other type, or an empty Mat, gives a null QImage.
class FrameImage {
public:
    static QImage fromBgr(const cv::Mat& bgr);
};

} // namespace fg
