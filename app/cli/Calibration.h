#pragma once

#include "app/cli/CliContext.h"
#include "core/matching/CalibrationTable.h"

#include <QString>

#include <optional>

namespace fg::cli {

// The decision threshold for `fmr` from the model's calibration table
// (CalibrationTable::calibrated), with the command line's exit status: a
// missing table is a processing error, an FMR outside the table a usage error.
std::optional<CalibratedThreshold> calibratedThreshold(double fmr, const QString& modelId, ExitStatus* status,
                                                       QString* error);

// Parses an FMR given on the command line ("1e-3", "0.001").
std::optional<double> parseFmr(const QString& text, QString* error);

} // namespace fg::cli
