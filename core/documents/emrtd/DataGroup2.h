#pragma once

#include "core/documents/emrtd/FaceImage.h"

#include <QByteArrayView>
#include <QString>

#include <optional>
#include <vector>

namespace fg {

// DG2 (ICAO Doc 9303 part 10, 4.7.2): tag 75 holding a biometric information
// template group (7F61: a count 02 and one template 7F60 per face), each
// template holding its header (A1) and a biometric data block (5F2E, or 7F2E)
// that is an ISO/IEC 19794-5:2005 facial record ('FAC\0', version '010\0'):
// a 14-byte header, then per image a 20-byte facial information block, its
// feature points (8 bytes each), 12 bytes of image information (face image
// type, image data type 0 JPEG / 1 JPEG 2000, width, height...) and the image.
//
// Every length and count read is checked against the object holding it and
// against the maxima below; a refusal says what and where.
class DataGroup2 {
public:
    static constexpr int kMaxTemplates = 16;
    static constexpr int kMaxImagesPerRecord = 16;
    static constexpr int kMaxFeaturePoints = 256;
    static constexpr int kMaxDimension = 20000; // pixels, either side

    // Every face image of every template, in order (at least one).
    static std::optional<std::vector<FaceImage>> parse(QByteArrayView data, QString* error);
    // One ISO/IEC 19794-5 facial record (the content of 5F2E).
    static std::optional<std::vector<FaceImage>> parseFacialRecord(QByteArrayView record, QString* error);
};

} // namespace fg
