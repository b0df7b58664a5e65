#pragma once

#include <QRectF>
#include <QStringList>

namespace fg {

// One face as the camera view draws it: its box in frame pixels, whether it
// is the traveler's face, whether its capture quality passes and, when not,
// the short words that tell the officer what to fix.
struct FaceMarker {
    QRectF box;
    bool isSubject = false;
    bool qualityPassed = false;
    QStringList shortReasons;
};

} // namespace fg
