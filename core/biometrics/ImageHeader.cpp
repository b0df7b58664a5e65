#include "core/biometrics/ImageHeader.h"

#include <QtEndian>

#include <cstring>

namespace fg {
namespace {

quint16 be16(const uchar* p) { return qFromBigEndian<quint16>(p); }
quint32 be32(const uchar* p) { return qFromBigEndian<quint32>(p); }
quint16 le16(const uchar* p) { return qFromLittleEndian<quint16>(p); }
quint32 le32(const uchar* p) { return qFromLittleEndian<quint32>(p); }

// The orientation tag (0x0112) of an EXIF APP1 payload ("Exif\0\0" + TIFF).
int exifOrientation(const uchar* p, qsizetype size)
{
    if (size < 14 || std::memcmp(p, "Exif\0\0", 6) != 0)
        return 1;
    const uchar* tiff = p + 6;
    const qsizetype tiffSize = size - 6;
    const bool little = tiff[0] == 'I' && tiff[1] == 'I';
    if (!little && !(tiff[0] == 'M' && tiff[1] == 'M'))
        return 1;
    auto u16 = [&](qsizetype at) { return little ? le16(tiff + at) : be16(tiff + at); };
    auto u32 = [&](qsizetype at) { return little ? le32(tiff + at) : be32(tiff + at); };
    const qsizetype ifd = u32(4);
    if (ifd + 2 > tiffSize)
        return 1;
    const int entries = u16(ifd);
    for (int i = 0; i < entries; ++i) {
        const qsizetype entry = ifd + 2 + qsizetype(i) * 12;
        if (entry + 12 > tiffSize)
            return 1;
        if (u16(entry) == 0x0112) {
            const int value = u16(entry + 8);
            return value >= 1 && value <= 8 ? value : 1;
        }
    }
    return 1;
}

// Where the entropy-coded data of a scan that starts at `from` ends: at the
// first marker other than a restart (0xFFD0-0xFFD7). In the data a 0xFF byte is
// written 0xFF00, and 0xFF may be followed by more 0xFF as fill. Returns `size`
// when the file ends first.
qsizetype endOfEntropyData(const uchar* p, qsizetype size, qsizetype from)
{
    qsizetype at = from;
    while (at + 1 < size) {
        if (p[at] != 0xFF) {
            ++at;
            continue;
        }
        const uchar next = p[at + 1];
        if (next == 0xFF)
            ++at;
        else if (next == 0x00 || (next >= 0xD0 && next <= 0xD7))
            at += 2;
        else
            return at;
    }
    return size;
}

// Walks the file segment by segment, and through each scan's entropy-coded
// data, to its end-of-image marker, as the decoder will read it: every step
// moves forward, so the cost is linear in the file's size, and nothing is read
// at or past `size`.
std::optional<ImageHeader> probeJpeg(const uchar* p, qsizetype size, QString* error)
{
    ImageHeader header;
    header.format = ImageHeader::Format::Jpeg;
    header.truncated = true; // until the end-of-image marker is reached
    bool frame = false;
    qsizetype at = 2;
    while (at + 2 <= size) {
        if (p[at] != 0xFF) {
            ++at; // tolerate fill bytes between segments
            continue;
        }
        const uchar marker = p[at + 1];
        if (marker == 0xFF) {
            ++at;
            continue;
        }
        if (marker == 0xD9) {
            header.truncated = false;
            break;
        }
        if (marker == 0xD8 || (marker >= 0xD0 && marker <= 0xD7) || marker == 0x01 || marker == 0x00) {
            at += 2; // markers without a length (0xFF00 outside a scan is skipped as the decoder does)
            continue;
        }
        if (at + 4 > size)
            break; // the file ends inside a segment's length
        const qsizetype length = be16(p + at + 2);
        if (length < 2)
            break;
        const uchar* payload = p + at + 4;
        const qsizetype payloadSize = std::min<qsizetype>(length - 2, size - at - 4);
        // APP1 also holds XMP (phones write it after the EXIF): only the EXIF one says the orientation.
        if (marker == 0xE1 && !frame && payloadSize >= 6 && std::memcmp(payload, "Exif\0\0", 6) == 0)
            header.exifOrientation = exifOrientation(payload, payloadSize);
        const bool startOfFrame = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4
                                  && marker != 0xC8 && marker != 0xCC;
        if (startOfFrame && !frame) {
            if (payloadSize < 5)
                break;
            header.height = be16(payload + 1);
            header.width = be16(payload + 3);
            header.progressive = marker == 0xC2 || marker == 0xC6 || marker == 0xCA || marker == 0xCE;
            frame = true;
        }
        if (marker == 0xDA) {
            if (!frame)
                break; // scan data before any frame header
            ++header.jpegScans;
            at = endOfEntropyData(p, size, at + 2 + length);
            continue;
        }
        at += 2 + length;
    }
    if (frame)
        return header;
    if (error)
        *error = QStringLiteral("JPEG without a readable frame header (truncated or damaged)");
    return std::nullopt;
}

} // namespace

QString ImageHeader::formatName(Format format)
{
    switch (format) {
    case Format::Jpeg: return QStringLiteral("JPEG");
    case Format::Png: return QStringLiteral("PNG");
    case Format::Bmp: return QStringLiteral("BMP");
    case Format::Tiff: return QStringLiteral("TIFF");
    case Format::Webp: return QStringLiteral("WebP");
    }
    return QStringLiteral("unknown");
}

std::optional<ImageHeader> ImageHeader::probe(const QByteArray& bytes, QString* error)
{
    const auto* p = reinterpret_cast<const uchar*>(bytes.constData());
    const qsizetype size = bytes.size();
    if (size == 0) {
        if (error)
            *error = QStringLiteral("empty file (0 bytes)");
        return std::nullopt;
    }
    if (size >= 3 && p[0] == 0xFF && p[1] == 0xD8 && p[2] == 0xFF)
        return probeJpeg(p, size, error);

    ImageHeader header;
    if (size >= 24 && std::memcmp(p, "\x89PNG\r\n\x1a\n", 8) == 0 && std::memcmp(p + 12, "IHDR", 4) == 0) {
        header.format = Format::Png;
        header.width = int(std::min<quint32>(be32(p + 16), 0x7fffffff));
        header.height = int(std::min<quint32>(be32(p + 20), 0x7fffffff));
        header.truncated = !bytes.contains(QByteArrayLiteral("IEND"));
        return header;
    }
    if (size >= 26 && p[0] == 'B' && p[1] == 'M') {
        header.format = Format::Bmp;
        header.width = std::abs(qint32(le32(p + 18)));
        header.height = std::abs(qint32(le32(p + 22)));
        return header;
    }
    if (size >= 30 && std::memcmp(p, "RIFF", 4) == 0 && std::memcmp(p + 8, "WEBPVP8", 7) == 0) {
        header.format = Format::Webp;
        if (p[15] == ' ' && size >= 30) { // lossy: frame header after the start code
            header.width = le16(p + 26) & 0x3fff;
            header.height = le16(p + 28) & 0x3fff;
        } else if (p[15] == 'L' && size >= 25) { // lossless: 14-bit sizes minus one
            const quint32 bits = le32(p + 21);
            header.width = int(bits & 0x3fff) + 1;
            header.height = int((bits >> 14) & 0x3fff) + 1;
        } else if (p[15] == 'X' && size >= 30) { // extended: 24-bit canvas sizes minus one
            header.width = int(p[24] | (p[25] << 8) | (p[26] << 16)) + 1;
            header.height = int(p[27] | (p[28] << 8) | (p[29] << 16)) + 1;
        }
        return header;
    }
    if (size >= 8 && ((p[0] == 'I' && p[1] == 'I' && p[2] == 42) || (p[0] == 'M' && p[1] == 'M' && p[3] == 42))) {
        // TIFF: the size tags of the first directory.
        const bool little = p[0] == 'I';
        auto u16 = [&](qsizetype at) { return little ? le16(p + at) : be16(p + at); };
        auto u32 = [&](qsizetype at) { return little ? le32(p + at) : be32(p + at); };
        header.format = Format::Tiff;
        const qsizetype ifd = u32(4);
        if (ifd + 2 <= size) {
            const int entries = u16(ifd);
            for (int i = 0; i < entries && ifd + 2 + qsizetype(i + 1) * 12 <= size; ++i) {
                const qsizetype e = ifd + 2 + qsizetype(i) * 12;
                const int tag = u16(e);
                const int type = u16(e + 2);
                const int value = type == 3 ? int(u16(e + 8)) : int(std::min<quint32>(u32(e + 8), 0x7fffffff));
                if (tag == 256)
                    header.width = value;
                else if (tag == 257)
                    header.height = value;
            }
        }
        if (header.width > 0 && header.height > 0)
            return header;
        if (error)
            *error = QStringLiteral("TIFF without image size tags");
        return std::nullopt;
    }
    if (error)
        *error = QStringLiteral("not an image this program reads (JPEG, PNG, BMP, TIFF or WebP expected)");
    return std::nullopt;
}

} // namespace fg
