#pragma once

#include "app/cli/CliContext.h"

namespace fg::cli {

// facegate-cli verify IMAGE_A IMAGE_B [--fmr 1e-3]: 1:1 score and decision at
// the calibrated threshold for that false match rate.
int runVerify(const QStringList& arguments, CliContext& context);

} // namespace fg::cli
