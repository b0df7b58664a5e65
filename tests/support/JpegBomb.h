#pragma once

#include <QByteArray>

#include <opencv2/core/mat.hpp>
#include <opencv2/imgcodecs.hpp>

#include <vector>

namespace fg::test {

// A JPEG decode bomb: `image` encoded as a progressive JPEG (libjpeg's
// standard script: 10 scans for colour, 6 for grey) whose last scan, its SOS
// segment and entropy-coded data, is repeated before the end marker until the
// file has `scans` scans. That scan refines the luminance's AC coefficients
// (Ss > 0, Ah > 0), the costly kind: the decoder visits all 63 coefficients of
// every block for each copy, even where the data only says that nothing
// changes, and libjpeg merely warns that the progression is odd. On a plain
// 4000x3000 frame a copy is 26 bytes and costs OpenCV 4.6 (libjpeg-turbo
// 2.1.5) about 5 ms, so a file of 2000 scans, 123 KB, takes 11 s to decode.
// Returns the encoder's own file when it already has `scans` or more, and an
// empty array when encoding fails. Header-only so that any test can make one.
inline QByteArray progressiveJpegWithScans(const cv::Mat& image, int scans)
{
    std::vector<uchar> buffer;
    if (!cv::imencode(".jpg", image, buffer, {cv::IMWRITE_JPEG_PROGRESSIVE, 1}))
        return {};
    const QByteArray jpeg(reinterpret_cast<const char*>(buffer.data()), qsizetype(buffer.size()));
    // The encoder writes no segment that could hold the bytes FF DA, and
    // entropy-coded data stuffs every FF with 00, so each FF DA starts a scan;
    // the last one, with the Huffman tables then in force, runs to the EOI.
    const QByteArray sos("\xFF\xDA", 2);
    const QByteArray eoi("\xFF\xD9", 2);
    const qsizetype last = jpeg.lastIndexOf(sos);
    if (last < 0 || last + 5 > jpeg.size() || !jpeg.endsWith(eoi))
        return {};
    // SOS: FF DA, length, Ns, Ns x (component, tables), Ss, Se, Ah:Al.
    const qsizetype spectrum = last + 5 + 2 * qsizetype(uchar(jpeg.at(last + 4)));
    if (spectrum + 2 >= jpeg.size() || uchar(jpeg.at(spectrum)) == 0 || (uchar(jpeg.at(spectrum + 2)) >> 4) == 0)
        return {}; // not an AC refinement scan: an encoder other than libjpeg
    const qsizetype written = jpeg.count(sos);
    if (scans <= written)
        return jpeg;

    const QByteArray scan = jpeg.mid(last, jpeg.size() - eoi.size() - last);
    QByteArray bomb = jpeg.left(jpeg.size() - eoi.size());
    bomb.reserve(jpeg.size() + scan.size() * (scans - written));
    for (qsizetype i = written; i < scans; ++i)
        bomb += scan;
    return bomb + eoi;
}

} // namespace fg::test
