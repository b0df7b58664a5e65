#pragma once

#include "app/cli/CliContext.h"

namespace fg::cli {

// facegate-cli bench [pipeline | search --gallery-size N]
//   pipeline: ms per 640x360 frame for detect + landmarks + template, on 1 and
//             2 threads, over the frames of a video (--video, default the
//             faces-dev clip under $FACEGATE_DATASETS).
//   search:   1:N search speed and recall against FAISS (SearchBench).
int runBench(const QStringList& arguments, CliContext& context);

} // namespace fg::cli
