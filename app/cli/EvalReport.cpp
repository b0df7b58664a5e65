#include "app/cli/EvalReport.h"

#include "core/matching/CalibrationTable.h"
#include "ui/render/DetCurvePlot.h"

#include <QDateTime>
#include <QFileInfo>
#include <QJsonArray>
#include <QMap>

namespace fg::cli {
namespace {

QString fmrKey(double fmr)
{
    return QStringLiteral("1e%1").arg(int(std::lround(std::log10(fmr))));
}

const std::vector<double>& calibrationFmrs()
{
    static const std::vector<double> fmrs = {1e-1, 3e-2, 1e-2, 3e-3, 1e-3, 3e-4, 1e-4, 3e-5, 1e-5, 3e-6, 1e-6};
    return fmrs;
}

} // namespace

bool EvalReport::compute(const std::vector<Score>& genuine, const std::vector<Score>& impostor,
                         const std::vector<LabelledScore>& folded, QString* error)
{
    std::optional<ErrorRates> r = Evaluation::errorRates(genuine, impostor, error);
    if (!r)
        return false;
    rates = std::move(*r);
    r = Evaluation::errorRates(genuine, impostor, error, calibrationFmrs());
    if (!r)
        return false;
    calibrationRates = std::move(*r);
    if (!folded.empty()) {
        folds = Evaluation::foldAccuracy(folded, error);
        if (!folds)
            return false;
    }
    return true;
}

QString EvalReport::modelId() const
{
    for (const EnrolOutcome& outcome : *outcomes) {
        if (outcome.faceTemplate)
            return outcome.faceTemplate->modelId();
    }
    return QString();
}

QJsonObject EvalReport::toJson() const
{
    int failed = 0;
    QMap<int, int> facesFound;
    QJsonArray failures;
    for (size_t i = 0; i < outcomes->size(); ++i) {
        const EnrolOutcome& outcome = (*outcomes)[i];
        facesFound[outcome.faceCount] += 1;
        if (!outcome.faceTemplate) {
            ++failed;
            if (failures.size() < 50)
                failures.append(outcome.error);
        }
    }
    QJsonObject faceCounts;
    for (auto it = facesFound.cbegin(); it != facesFound.cend(); ++it)
        faceCounts.insert(QString::number(it.key()), it.value());
    QJsonObject tmr, thresholds, measuredFmr;
    for (const FmrOperatingPoint& point : rates.operatingPoints) {
        tmr.insert(fmrKey(point.targetFmr), point.tmr);
        thresholds.insert(fmrKey(point.targetFmr), double(point.threshold));
        measuredFmr.insert(fmrKey(point.targetFmr), point.fmr);
    }
    QJsonObject json{
        {QStringLiteral("csv"), csvPath},
        {QStringLiteral("model_id"), modelId()},
        {QStringLiteral("subject_policy"),
         options.subject == SubjectPolicy::Largest ? QStringLiteral("largest") : QStringLiteral("nearest-centre")},
        {QStringLiteral("images"), int(outcomes->size())},
        {QStringLiteral("failed_to_enroll"), failed},
        {QStringLiteral("enrolment_failures"), failures},
        {QStringLiteral("faces_found"), faceCounts},
        {QStringLiteral("genuine_pairs"), double(rates.genuineCount)},
        {QStringLiteral("impostor_pairs"), double(rates.impostorCount)},
        {QStringLiteral("impostor_pairs_sampled"), impostorsSampled},
        {QStringLiteral("pairs_with_failed_image"), double(rates.genuineMissing + rates.impostorMissing)},
        {QStringLiteral("eer"), rates.eer},
        {QStringLiteral("eer_threshold"), double(rates.eerThreshold)},
        {QStringLiteral("tmr_at_fmr"), tmr},
        {QStringLiteral("thresholds_at_fmr"), thresholds},
        {QStringLiteral("fmr_measured_at_threshold"), measuredFmr},
        {QStringLiteral("seconds"), std::round(seconds * 10) / 10},
    };
    if (impostorsSampled)
        json.insert(QStringLiteral("impostor_pairs_available"), double(impostorsAvailable));
    if (folds) {
        QJsonArray perFold;
        for (size_t i = 0; i < folds->folds.size(); ++i)
            perFold.append(QJsonObject{{QStringLiteral("fold"), folds->folds[i]},
                                       {QStringLiteral("accuracy"), folds->perFold[i]},
                                       {QStringLiteral("threshold"), double(folds->thresholds[i])}});
        json.insert(QStringLiteral("accuracy"), folds->mean);
        json.insert(QStringLiteral("accuracy_std"), folds->std);
        json.insert(QStringLiteral("accuracy_protocol"), QStringLiteral("per fold, threshold chosen on the other folds"));
        json.insert(QStringLiteral("folds"), perFold);
    } else {
        json.insert(QStringLiteral("accuracy"), rates.accuracy);
        json.insert(QStringLiteral("accuracy_protocol"), QStringLiteral("best single threshold"));
    }
    json.insert(QStringLiteral("accuracy_threshold"), double(rates.accuracyThreshold));
    return json;
}

bool EvalReport::writePlot(const QString& path, QString* error) const
{
    std::vector<DetCurvePlot::Point> points;
    for (const DetPoint& p : rates.det)
        points.push_back({p.fmr, p.fnmr});
    std::vector<DetCurvePlot::Marker> markers;
    for (const FmrOperatingPoint& p : rates.operatingPoints)
        markers.push_back({p.fmr, 1.0 - p.tmr, QStringLiteral("FMR %1: threshold %2").arg(fmrKey(p.targetFmr)).arg(p.threshold, 0, 'f', 3)});
    const QString title = QStringLiteral("DET: %1 (%2 genuine, %3 impostor pairs)")
                              .arg(QFileInfo(csvPath).fileName())
                              .arg(rates.genuineCount)
                              .arg(rates.impostorCount);
    if (DetCurvePlot::render(points, markers, title, modelId()).save(path))
        return true;
    if (error)
        *error = QStringLiteral("%1: the DET plot could not be written").arg(path);
    return false;
}

bool EvalReport::writeCalibration(const QString& path, QString* error) const
{
    const QString dataset = QFileInfo(QFileInfo(csvPath).absolutePath()).fileName() + QLatin1Char('/')
                            + QFileInfo(csvPath).fileName();
    const CalibrationTable table =
        CalibrationTable::fromErrorRates(calibrationRates, dataset, modelId(), QDateTime::currentDateTimeUtc());
    return table.save(path, error);
}

} // namespace fg::cli
