#include "app/cli/Calibration.h"

#include <QDir>
#include <QFile>

#include <cmath>

namespace fg::cli {

std::optional<CalibrationTable> loadCalibration(const QString& modelId, QString* error)
{
    const QString fromEnv = qEnvironmentVariable("FACEGATE_CALIBRATION");
    if (!fromEnv.isEmpty())
        return CalibrationTable::load(fromEnv, modelId, error);
    // One table per pipeline variant is embedded; pick the one of this model.
    const QDir embedded(QStringLiteral(":/facegate/calibration"));
    QStringList others;
    for (const QString& name : embedded.entryList(QDir::Files)) {
        QString ignored;
        if (auto table = CalibrationTable::load(embedded.filePath(name), modelId, &ignored))
            return table;
        others << name;
    }
    if (error)
        *error = QStringLiteral("no calibration table for model %1 (embedded: %2); run `facegate-cli eval "
                                "--calibration-out FILE` and set FACEGATE_CALIBRATION=FILE")
                     .arg(modelId, others.isEmpty() ? QStringLiteral("none") : others.join(QStringLiteral(", ")));
    return std::nullopt;
}

std::optional<CalibratedThreshold> calibratedThreshold(double fmr, const QString& modelId, ExitStatus* status,
                                                       QString* error)
{
    const std::optional<CalibrationTable> table = loadCalibration(modelId, error);
    if (!table) {
        *status = kProcessingError;
        return std::nullopt;
    }
    const std::optional<float> threshold = table->thresholdFor(fmr, error);
    if (!threshold) {
        *status = kUsageError;
        return std::nullopt;
    }
    return CalibratedThreshold{*threshold, table->dataset()};
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
