#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace fg {

// What an encoded image says about itself before any pixel is decoded, so that
// a 20000x20000 image is refused without allocating for it.
struct ImageHeader {
    enum class Format { Jpeg, Png, Bmp, Tiff, Webp };
    Format format = Format::Jpeg;
    int width = 0;
    int height = 0;
    int exifOrientation = 1; // 1..8 (JPEG only; 1 = as stored)
    bool truncated = false;  // the file ends before its end marker (JPEG EOI, PNG IEND)

    qint64 pixelCount() const { return qint64(width) * qint64(height); }
    static QString formatName(Format format);

    // Reads the dimensions from the encoded bytes. Fails for an unknown
    // format, a file too short to hold a header, or a header without a size.
    static std::optional<ImageHeader> probe(const QByteArray& bytes, QString* error);
};

} // namespace fg
