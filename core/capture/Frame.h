#pragma once

#include <QMetaType>
#include <QtGlobal>

#include <opencv2/core/mat.hpp>

namespace fg {

// One captured picture: a BGR 8-bit image (CV_8UC3), the monotonic time at
// which it was captured (milliseconds on the source's clock, never wall time)
// and its index in the sequence delivered by its source (0, 1, 2, ... across
// loops and reconnections). The image is never shared with the source: a
// receiver may keep it without copying.
struct Frame {
    cv::Mat image;
    qint64 timestampMs = 0;
    qint64 index = -1;

    bool isValid() const { return !image.empty() && index >= 0; }
};

} // namespace fg

Q_DECLARE_METATYPE(fg::Frame)
