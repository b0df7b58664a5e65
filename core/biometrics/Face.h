#pragma once

#include "core/biometrics/Detection.h"
#include "core/biometrics/FaceLandmarks.h"
#include "core/biometrics/QualityReport.h"

namespace fg {

// One face of a frame: where it is, its landmarks and (when asked for) its
// quality report.
struct Face {
    Detection detection;
    FaceLandmarks landmarks;
    QualityReport quality;
};

} // namespace fg
