#pragma once

#include "core/biometrics/BatchEnroller.h"
#include "core/matching/Evaluation.h"

#include <QJsonObject>

namespace fg::cli {

// The figures of one `eval` run: the contract's JSON, the DET plot and the
// calibration table all come from here.
struct EvalReport {
    QString csvPath;
    FacePipeline::Options options;
    const std::vector<EnrolOutcome>* outcomes = nullptr;
    QStringList images;
    bool impostorsSampled = false;
    quint64 impostorsAvailable = 0;
    double seconds = 0;

    ErrorRates rates;
    ErrorRates calibrationRates; // the finer FMR grid of the calibration table
    std::optional<FoldAccuracy> folds;

    bool compute(const std::vector<Score>& genuine, const std::vector<Score>& impostor,
                 const std::vector<LabelledScore>& folded, QString* error);
    QJsonObject toJson() const;
    bool writePlot(const QString& path, QString* error) const;
    bool writeCalibration(const QString& path, QString* error) const;
    QString modelId() const;
};

} // namespace fg::cli
