#pragma once

#include <QByteArray>
#include <QString>

#include <opencv2/core/mat.hpp>

#include <optional>

namespace fg {

// Turns an image file into the 8-bit BGR frame the pipeline expects, whatever
// it was stored as (16-bit, greyscale, with alpha, EXIF-rotated), and refuses
// bad input with a reason before any large allocation.
class ImageLoader {
public:
    struct Limits {
        qint64 maxFileBytes = 64LL * 1024 * 1024;
        qint64 maxPixels = 50'000'000; // about 8000x6000
        int minSide = 32;
        // A camera writes 1 scan (baseline JPEG), a progressive encoder about
        // 10 (5 to 14 in the shared data sets). The decoder passes over the
        // whole image once per scan, so a small file of thousands of scans
        // holds a thread for seconds or minutes; it is refused from its header.
        int maxJpegScans = 32;
    };

    ImageLoader() = default;
    explicit ImageLoader(Limits limits) : m_limits(limits) {}

    std::optional<cv::Mat> loadFile(const QString& path, QString* error) const;
    std::optional<cv::Mat> decode(const QByteArray& bytes, QString* error) const;

private:
    Limits m_limits;
};

} // namespace fg
