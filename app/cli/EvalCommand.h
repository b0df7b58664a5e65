#pragma once

#include "app/cli/CliContext.h"

namespace fg::cli {

// facegate-cli eval (--labels CSV | --pairs CSV) [--root DIR] [--plot det.png]
//                   [--calibration-out FILE]
// Enrols every image once, scores the pairs and reports the error rates the
// command-line contract lists; a pair whose image failed to enrol counts as a
// wrong answer.
int runEval(const QStringList& arguments, CliContext& context);

} // namespace fg::cli
