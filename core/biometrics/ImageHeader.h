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
    // The file ends before its end marker (JPEG EOI, PNG IEND); for a JPEG, the
    // end marker is not reached by walking its segments and scans.
    bool truncated = false;
    // JPEG only: the scans (SOS segments) before the end marker. A camera writes
    // 1 (baseline) or about 10 (progressive); the decoder passes over every block
    // of the image for each, so thousands of them in a small file take seconds
    // or minutes to decode. Other segments cost it only their own bytes.
    int jpegScans = 0;
    bool progressive = false; // JPEG only: a progressive frame (SOF2, SOF6, SOF10, SOF14)

    qint64 pixelCount() const { return qint64(width) * qint64(height); }
    static QString formatName(Format format);

    // Reads the dimensions from the encoded bytes. Fails for an unknown
    // format, a file too short to hold a header, or a header without a size.
    // A JPEG is walked through to its end marker, in time linear in its size,
    // to count its scans.
    static std::optional<ImageHeader> probe(const QByteArray& bytes, QString* error);
};

} // namespace fg
