#pragma once

#include <QByteArray>
#include <QString>

#include <opencv2/core/mat.hpp>

#include <vector>

namespace fg::test {

// Image files made at test time from a face photo (odd but valid) or from
// nothing (broken), so that no data set image is copied into the repository.
// Each function writes into `dir` and returns the file's path.
namespace fixtures {

QString sixteenBitPng(const cv::Mat& bgr, const QString& dir);
QString rgbaPng(const cv::Mat& bgr, const QString& dir);
QString greyscaleJpeg(const cv::Mat& bgr, const QString& dir);
// Stored turned 90 degrees counter-clockwise, with EXIF orientation 6
// ("rotate 90 clockwise to view"): upright only if the tag is applied.
QString exifRotatedJpeg(const cv::Mat& bgr, const QString& dir);

QString zeroByteFile(const QString& dir);
QString truncatedJpeg(const cv::Mat& bgr, const QString& dir);
QString textNamedJpeg(const QString& dir);
QString onePixelPng(const QString& dir);
// A PNG whose header says 20000x20000 (1.2 GB decoded): it must be refused
// from its header, before any decoding.
QString hugePng(const QString& dir);
// A JPEG whose frame header says 20000x20000.
QString hugeJpeg(const QString& dir);
QString noFacePhoto(const QString& dir);

// The tables both the loader's and the command line's tests go through:
// odd but valid files (name, path) and broken ones (name, path, the words the
// refusal must contain).
struct NamedFile {
    const char* name;
    QString path;
    QString reason; // broken files only
};
std::vector<NamedFile> oddButValidFiles(const cv::Mat& face, const QString& dir);
std::vector<NamedFile> brokenFiles(const cv::Mat& face, const QString& dir);

// The APP1 EXIF segment holding only an orientation tag.
QByteArray exifOrientationSegment(int orientation);

} // namespace fixtures
} // namespace fg::test
