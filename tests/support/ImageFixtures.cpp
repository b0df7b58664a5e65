#include "tests/support/ImageFixtures.h"

#include <QDir>
#include <QFile>
#include <QtEndian>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <zlib.h>

namespace fg::test::fixtures {
namespace {

QString writeBytes(const QString& dir, const QString& name, const QByteArray& bytes)
{
    const QString path = QDir(dir).filePath(name);
    QFile file(path);
    if (file.open(QIODevice::WriteOnly))
        file.write(bytes);
    return path;
}

QByteArray encode(const char* extension, const cv::Mat& image)
{
    std::vector<uchar> buffer;
    cv::imencode(extension, image, buffer);
    return QByteArray(reinterpret_cast<const char*>(buffer.data()), qsizetype(buffer.size()));
}

QByteArray be32(quint32 v)
{
    QByteArray b(4, '\0');
    qToBigEndian(v, b.data());
    return b;
}

QByteArray pngChunk(const char* type, const QByteArray& data)
{
    QByteArray typed = QByteArray(type, 4) + data;
    const quint32 crc = quint32(crc32(0, reinterpret_cast<const Bytef*>(typed.constData()), uInt(typed.size())));
    return be32(quint32(data.size())) + typed + be32(crc);
}

} // namespace

QString sixteenBitPng(const cv::Mat& bgr, const QString& dir)
{
    cv::Mat wide;
    bgr.convertTo(wide, CV_16UC3, 257.0);
    return writeBytes(dir, QStringLiteral("face-16bit.png"), encode(".png", wide));
}

QString rgbaPng(const cv::Mat& bgr, const QString& dir)
{
    cv::Mat rgba;
    cv::cvtColor(bgr, rgba, cv::COLOR_BGR2BGRA);
    // A transparent border, as a cut-out portrait has.
    const int border = std::max(4, std::min(bgr.cols, bgr.rows) / 20);
    rgba(cv::Rect(0, 0, rgba.cols, border)).setTo(cv::Scalar(0, 0, 0, 0));
    return writeBytes(dir, QStringLiteral("face-rgba.png"), encode(".png", rgba));
}

QString greyscaleJpeg(const cv::Mat& bgr, const QString& dir)
{
    cv::Mat grey;
    cv::cvtColor(bgr, grey, cv::COLOR_BGR2GRAY);
    return writeBytes(dir, QStringLiteral("face-grey.jpg"), encode(".jpg", grey));
}

QByteArray exifOrientationSegment(int orientation)
{
    // "Exif\0\0", little-endian TIFF header, one IFD entry: 0x0112 SHORT 1 value.
    QByteArray tiff("II*\0\x08\0\0\0", 8);
    const uchar entry[] = {0x01, 0x00, 0x12, 0x01, 0x03, 0x00, 0x01, 0x00, 0x00, 0x00,
                           uchar(orientation), 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00};
    tiff += QByteArray(reinterpret_cast<const char*>(entry), sizeof entry);
    const QByteArray payload = QByteArray("Exif\0\0", 6) + tiff;
    QByteArray segment("\xFF\xE1", 2);
    QByteArray length(2, '\0');
    qToBigEndian(quint16(payload.size() + 2), length.data());
    return segment + length + payload;
}

QString exifRotatedJpeg(const cv::Mat& bgr, const QString& dir)
{
    cv::Mat stored;
    cv::rotate(bgr, stored, cv::ROTATE_90_COUNTERCLOCKWISE);
    QByteArray jpeg = encode(".jpg", stored);
    // After SOI and OpenCV's JFIF APP0 segment.
    qsizetype at = 2;
    if (uchar(jpeg[2]) == 0xFF && uchar(jpeg[3]) == 0xE0)
        at = 4 + qFromBigEndian<quint16>(jpeg.constData() + 4);
    jpeg.insert(at, exifOrientationSegment(6));
    return writeBytes(dir, QStringLiteral("face-exif-rotated.jpg"), jpeg);
}

QString zeroByteFile(const QString& dir)
{
    return writeBytes(dir, QStringLiteral("empty.jpg"), QByteArray());
}

QString truncatedJpeg(const cv::Mat& bgr, const QString& dir)
{
    const QByteArray jpeg = encode(".jpg", bgr);
    return writeBytes(dir, QStringLiteral("truncated.jpg"), jpeg.left(jpeg.size() / 2));
}

QString textNamedJpeg(const QString& dir)
{
    return writeBytes(dir, QStringLiteral("notes.jpg"), QByteArray("Passenger list, flight 123\nnot an image\n"));
}

QString onePixelPng(const QString& dir)
{
    return writeBytes(dir, QStringLiteral("pixel.png"), encode(".png", cv::Mat(1, 1, CV_8UC3, cv::Scalar(1, 2, 3))));
}

QString hugePng(const QString& dir)
{
    QByteArray ihdr = be32(20000) + be32(20000);
    ihdr += QByteArray("\x08\x02\x00\x00\x00", 5); // 8-bit RGB
    // One compressed row of zeros is enough to look like a real file.
    const QByteArray row(1 + 3 * 20000, '\0');
    uLongf size = compressBound(uLong(row.size()));
    QByteArray idat(qsizetype(size), '\0');
    compress(reinterpret_cast<Bytef*>(idat.data()), &size, reinterpret_cast<const Bytef*>(row.constData()), uLong(row.size()));
    idat.resize(qsizetype(size));
    const QByteArray png = QByteArray("\x89PNG\r\n\x1a\n", 8) + pngChunk("IHDR", ihdr) + pngChunk("IDAT", idat)
                           + pngChunk("IEND", QByteArray());
    return writeBytes(dir, QStringLiteral("huge.png"), png);
}

QString hugeJpeg(const QString& dir)
{
    QByteArray jpeg = encode(".jpg", cv::Mat(64, 64, CV_8UC3, cv::Scalar(90, 120, 150)));
    // Rewrite the frame header's size fields (SOF0: FF C0 len P H H W W).
    const qsizetype sof = jpeg.indexOf(QByteArray("\xFF\xC0", 2));
    if (sof >= 0) {
        qToBigEndian(quint16(20000), jpeg.data() + sof + 5);
        qToBigEndian(quint16(20000), jpeg.data() + sof + 7);
    }
    return writeBytes(dir, QStringLiteral("huge.jpg"), jpeg);
}

QString noFacePhoto(const QString& dir)
{
    // A plausible photo of no one: a smooth gradient with texture.
    cv::Mat image(480, 640, CV_8UC3);
    for (int y = 0; y < image.rows; ++y)
        for (int x = 0; x < image.cols; ++x)
            image.at<cv::Vec3b>(y, x) = cv::Vec3b(uchar(x * 255 / 640), uchar(y * 255 / 480), uchar((x + y) % 97 + 80));
    cv::rectangle(image, cv::Rect(100, 80, 200, 150), cv::Scalar(30, 30, 200), cv::FILLED);
    cv::circle(image, cv::Point(450, 300), 90, cv::Scalar(200, 180, 40), cv::FILLED);
    return writeBytes(dir, QStringLiteral("no-face.jpg"), encode(".jpg", image));
}

std::vector<NamedFile> oddButValidFiles(const cv::Mat& face, const QString& dir)
{
    return {{"16-bit PNG", sixteenBitPng(face, dir), {}},
            {"RGBA PNG", rgbaPng(face, dir), {}},
            {"greyscale JPEG", greyscaleJpeg(face, dir), {}},
            {"EXIF-rotated JPEG", exifRotatedJpeg(face, dir), {}}};
}

std::vector<NamedFile> brokenFiles(const cv::Mat& face, const QString& dir)
{
    return {{"zero-byte file", zeroByteFile(dir), QStringLiteral("empty file")},
            {"truncated JPEG", truncatedJpeg(face, dir), QStringLiteral("truncated")},
            {"text file named .jpg", textNamedJpeg(dir), QStringLiteral("not an image")},
            {"1x1 image", onePixelPng(dir), QStringLiteral("too small")},
            {"20000x20000 PNG", hugePng(dir), QStringLiteral("refused before decoding")},
            {"20000x20000 JPEG", hugeJpeg(dir), QStringLiteral("refused before decoding")}};
}

} // namespace fg::test::fixtures
