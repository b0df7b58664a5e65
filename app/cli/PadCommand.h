#pragma once

#include "app/cli/CliContext.h"

namespace fg::cli {

// facegate-cli pad [--bpcer B] [--max-frames N] IMAGE|VIDEO: the
// presentation-attack score of the traveler's face, each cue's evidence and
// the decision at the BPCER asked for (issue 20), as JSON. A video's frames are
// assessed together as the desk assesses a traveler's (its last frames).
int runPad(const QStringList& arguments, CliContext& context);

} // namespace fg::cli
