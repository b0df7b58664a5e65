#include "core/biometrics/ImageLoader.h"

#include "core/biometrics/ImageHeader.h"

#include <QFile>
#include <QFileInfo>

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

namespace fg {
namespace {

// EXIF orientation 1..8 -> the upright image.
cv::Mat applyOrientation(const cv::Mat& image, int orientation)
{
    cv::Mat out;
    switch (orientation) {
    case 2: cv::flip(image, out, 1); break;
    case 3: cv::rotate(image, out, cv::ROTATE_180); break;
    case 4: cv::flip(image, out, 0); break;
    case 5: cv::transpose(image, out); break;
    case 6: cv::rotate(image, out, cv::ROTATE_90_CLOCKWISE); break;
    case 7: cv::transpose(image, out); cv::flip(out, out, -1); break;
    case 8: cv::rotate(image, out, cv::ROTATE_90_COUNTERCLOCKWISE); break;
    default: out = image; break;
    }
    return out;
}

// Any depth and channel count -> 8-bit BGR; alpha is composited over white,
// as a viewer shows it, so transparent pixels do not become arbitrary colours.
cv::Mat toBgr8(const cv::Mat& decoded)
{
    cv::Mat eight;
    if (decoded.depth() == CV_8U) {
        eight = decoded;
    } else if (decoded.depth() == CV_16U) {
        decoded.convertTo(eight, CV_8U, 1.0 / 257.0);
    } else {
        double lo = 0, hi = 0;
        cv::minMaxLoc(decoded.reshape(1), &lo, &hi);
        decoded.convertTo(eight, CV_8U, hi > lo ? 255.0 / (hi - lo) : 1.0, hi > lo ? -lo * 255.0 / (hi - lo) : 0);
    }
    cv::Mat bgr;
    switch (eight.channels()) {
    case 1: cv::cvtColor(eight, bgr, cv::COLOR_GRAY2BGR); break;
    case 3: bgr = eight; break;
    case 2:
    case 4: {
        std::vector<cv::Mat> planes;
        cv::split(eight, planes);
        cv::Mat alpha;
        planes.back().convertTo(alpha, CV_32F, 1.0 / 255.0);
        planes.pop_back();
        if (planes.size() == 1)
            planes = {planes[0], planes[0], planes[0]};
        for (cv::Mat& plane : planes) {
            cv::Mat f;
            plane.convertTo(f, CV_32F);
            f = f.mul(alpha) + (1.0f - alpha) * 255.0f;
            f.convertTo(plane, CV_8U);
        }
        cv::merge(planes, bgr);
        break;
    }
    default: break;
    }
    return bgr;
}

} // namespace

std::optional<cv::Mat> ImageLoader::loadFile(const QString& path, QString* error) const
{
    const QFileInfo info(path);
    auto fail = [&](const QString& reason) {
        if (error)
            *error = QStringLiteral("%1: %2").arg(path, reason);
        return std::nullopt;
    };
    if (!info.exists())
        return fail(QStringLiteral("no such file"));
    if (!info.isFile())
        return fail(QStringLiteral("not a regular file"));
    if (info.size() > m_limits.maxFileBytes)
        return fail(QStringLiteral("file of %1 bytes is larger than the limit of %2 bytes")
                        .arg(info.size())
                        .arg(m_limits.maxFileBytes));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(file.errorString());
    const QByteArray bytes = file.readAll();
    QString reason;
    std::optional<cv::Mat> image = decode(bytes, &reason);
    if (!image)
        return fail(reason);
    return image;
}

std::optional<cv::Mat> ImageLoader::decode(const QByteArray& bytes, QString* error) const
{
    auto fail = [&](const QString& reason) {
        if (error)
            *error = reason;
        return std::nullopt;
    };
    if (bytes.size() > m_limits.maxFileBytes)
        return fail(QStringLiteral("%1 bytes is larger than the limit of %2 bytes").arg(bytes.size()).arg(m_limits.maxFileBytes));
    QString reason;
    const std::optional<ImageHeader> header = ImageHeader::probe(bytes, &reason);
    if (!header)
        return fail(reason);
    const QString format = ImageHeader::formatName(header->format);
    if (header->width <= 0 || header->height <= 0)
        return fail(QStringLiteral("%1 header gives no image size").arg(format));
    if (header->pixelCount() > m_limits.maxPixels)
        return fail(QStringLiteral("%1 image of %2x%3 pixels is larger than the limit of %4 pixels; refused before decoding")
                        .arg(format)
                        .arg(header->width)
                        .arg(header->height)
                        .arg(m_limits.maxPixels));
    if (header->width < m_limits.minSide || header->height < m_limits.minSide)
        return fail(QStringLiteral("%1 image of %2x%3 pixels is too small to hold a face (at least %4x%4 needed)")
                        .arg(format)
                        .arg(header->width)
                        .arg(header->height)
                        .arg(m_limits.minSide));

    if (header->truncated)
        return fail(QStringLiteral("%1 data ends before its end marker (truncated file)").arg(format));
    if (header->jpegScans > m_limits.maxJpegScans)
        return fail(QStringLiteral("the %1JPEG has %2 scans, over the limit of %3 (a camera writes 1, a progressive "
                                   "encoder about 10); refused before decoding")
                        .arg(header->progressive ? QStringLiteral("progressive ") : QString())
                        .arg(header->jpegScans)
                        .arg(m_limits.maxJpegScans));

    cv::Mat decoded;
    try {
        const cv::Mat buffer(1, int(bytes.size()), CV_8U, const_cast<char*>(bytes.constData()));
        decoded = cv::imdecode(buffer, cv::IMREAD_UNCHANGED | cv::IMREAD_IGNORE_ORIENTATION);
    } catch (const cv::Exception& e) {
        return fail(QStringLiteral("%1 could not be decoded: %2").arg(format, QString::fromStdString(e.msg)));
    }
    if (decoded.empty())
        return fail(QStringLiteral("%1 data could not be decoded (damaged or truncated)").arg(format));
    if (decoded.cols != header->width || decoded.rows != header->height)
        return fail(QStringLiteral("%1 decoded to %2x%3 pixels, its header says %4x%5 (damaged)")
                        .arg(format)
                        .arg(decoded.cols)
                        .arg(decoded.rows)
                        .arg(header->width)
                        .arg(header->height));
    cv::Mat bgr = toBgr8(decoded);
    if (bgr.empty())
        return fail(QStringLiteral("%1 with %2 channels is not supported").arg(format).arg(decoded.channels()));
    return applyOrientation(bgr, header->exifOrientation);
}

} // namespace fg
