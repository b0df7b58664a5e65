#include "app/cli/Calibration.h"

#include <cmath>

namespace fg::cli {

std::optional<CalibratedThreshold> calibratedThreshold(double fmr, const QString& modelId, ExitStatus* status,
                                                       QString* error)
{
    CalibrationFailure failure = CalibrationFailure::None;
    std::optional<CalibratedThreshold> calibrated = CalibrationTable::calibrated(fmr, modelId, error, &failure);
    if (!calibrated)
        *status = failure == CalibrationFailure::FmrOutOfRange ? kUsageError : kProcessingError;
    return calibrated;
}

std::optional<double> parseFmr(const QString& text, QString* error)
{
    bool ok = false;
    const double fmr = text.toDouble(&ok);
    if (!ok || !std::isfinite(fmr) || fmr <= 0.0 || fmr >= 1.0) {
        if (error)
            *error = QStringLiteral("--fmr \"%1\" is invalid: a false match rate between 0 and 1 is expected (e.g. 1e-3)")
                         .arg(text);
        return std::nullopt;
    }
    return fmr;
}

} // namespace fg::cli
