#pragma once

#include "app/cli/CliContext.h"
#include "core/matching/CalibrationTable.h"

#include <QString>

#include <optional>

namespace fg::cli {

// The FMR -> threshold table shipped for the pipeline's model
// (resources/calibration/), or the file named by $FACEGATE_CALIBRATION.
std::optional<CalibrationTable> loadCalibration(const QString& modelId, QString* error);

// The decision threshold for `fmr` from the model's table, with the table's
// data set name. A missing table is a processing error, an FMR outside the
// table a usage error: `status` says which.
struct CalibratedThreshold {
    float threshold = 0.0f;
    QString dataset;
};
std::optional<CalibratedThreshold> calibratedThreshold(double fmr, const QString& modelId, ExitStatus* status,
                                                       QString* error);

// Parses an FMR given on the command line ("1e-3", "0.001").
std::optional<double> parseFmr(const QString& text, QString* error);

} // namespace fg::cli
