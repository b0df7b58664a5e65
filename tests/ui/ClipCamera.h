#pragma once

#include "tests/support/TestData.h"
#include "core/live/LiveAnalysis.h"

namespace fg::test {

// The replayed clip faces-dev/video/short_hamilton_clip.mp4 as the camera,
// with capture-quality limits for it, as a port would set them in [quality]:
// the clip is 640x360 with several people in view, and with the built-in
// live-probe set (40 px between the eyes, one face) no frame of it passes.
inline LiveAnalysis::Options clipCamera()
{
    LiveAnalysis::Options options =
        LiveAnalysis::defaultOptions(datasetPath(QStringLiteral("faces-dev/video/short_hamilton_clip.mp4")));
    options.pipeline.modelDirectory = modelsDir();
    options.pipeline.quality.minInterEyeDistance = 20;
    options.pipeline.quality.maxFaces = 6;
    options.pipeline.quality.maxYaw = 30;
    options.pipeline.quality.maxPitch = 30;
    options.pipeline.quality.maxRoll = 20;
    options.pipeline.quality.minMeanBrightness = 30;
    return options;
}

} // namespace fg::test
