#pragma once

#include <QByteArray>
#include <QString>

namespace fg {

// One face image of DG2, as the ISO/IEC 19794-5 record describes it: the
// encoded bytes (not decoded here) and what the record says of them.
struct FaceImage {
    QByteArray data;
    QString format;        // "JPEG" or "JPEG 2000" (the record's image data type 0 or 1)
    int width = 0;         // pixels, as the record says
    int height = 0;
    int faceImageType = 0; // 0 basic, 1 full frontal, 2 token frontal
};

} // namespace fg
