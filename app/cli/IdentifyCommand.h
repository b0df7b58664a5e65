#pragma once

#include "app/cli/CliContext.h"

namespace fg::cli {

// facegate-cli identify --gallery FILE IMAGE [--top 5] [--fmr 1e-3]
int runIdentify(const QStringList& arguments, CliContext& context);

} // namespace fg::cli
