#pragma once

#include "app/cli/CliContext.h"

namespace fg::cli {

// facegate-cli detect IMAGE: every face with its box, points and quality.
int runDetect(const QStringList& arguments, CliContext& context);

} // namespace fg::cli
