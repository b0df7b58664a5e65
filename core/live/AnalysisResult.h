#pragma once

#include "core/live/FaceMarker.h"

#include <QImage>
#include <QMetaType>

#include <vector>

namespace fg {

// The outcome of analysing one frame, ready to paint: the frame itself, its
// faces (largest first), which of them is the traveler (-1: none) and how
// long the analysis took.
struct AnalysisResult {
    QImage image;
    std::vector<FaceMarker> faces;
    int subjectIndex = -1;
    qint64 frameIndex = -1;
    double latencyMs = 0.0;
};

} // namespace fg

Q_DECLARE_METATYPE(fg::AnalysisResult)
