#pragma once

#include "app/cli/CliContext.h"

namespace fg::cli {

// facegate-cli eval-pad --labels CSV [--root DIR] [--bpcer 0.01]
//                       [--calibration-out FILE] [--det-out FILE] [--window N]
// Scores every frame of a path,label,attack_type,subject CSV (pad-dev's) as
// the desk scores a capture, and reports the ISO/IEC 30107-3 figures (issue
// 20, docs/pad-eval.md): failure to acquire; APCER per attack type and BPCER
// with each subject's threshold chosen on the other subjects' bona fide
// frames; the same for windows of N consecutive frames of a session; the DET
// curve; and the BPCER -> threshold table the program decides with.
int runEvalPad(const QStringList& arguments, CliContext& context);

} // namespace fg::cli
