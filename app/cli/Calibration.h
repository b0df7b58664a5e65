#pragma once

#include "core/matching/CalibrationTable.h"

#include <QString>

#include <optional>

namespace fg::cli {

// The FMR -> threshold table shipped for the pipeline's model
// (resources/calibration/), or the file named by $FACEGATE_CALIBRATION.
std::optional<CalibrationTable> loadCalibration(const QString& modelId, QString* error);

// Parses an FMR given on the command line ("1e-3", "0.001").
std::optional<double> parseFmr(const QString& text, QString* error);

} // namespace fg::cli
