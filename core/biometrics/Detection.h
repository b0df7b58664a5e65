#pragma once

#include <opencv2/core/types.hpp>

namespace fg {

// One face found by the detector, in frame pixels.
struct Detection {
    cv::Rect2f box;
    float score = 0.0f;
};

} // namespace fg
