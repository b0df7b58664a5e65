#pragma once

#include "core/matching/Evaluation.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <optional>
#include <vector>

namespace fg {

struct CalibrationRow {
    double fmr = 0.0;
    double threshold = 0.0;
    double tmr = 0.0;
};

// A decision threshold read from a calibration table.
struct CalibratedThreshold {
    float threshold = 0.0f;
    QString dataset; // the table's data set, for reports ("lfw-dev/labels.csv")
};

// Why CalibrationTable::calibrated() gave no threshold.
enum class CalibrationFailure {
    None,
    NoTable,       // no table for the model (or $FACEGATE_CALIBRATION unreadable or of another model)
    FmrOutOfRange, // the table has no row range holding the FMR asked for
};

// FMR -> threshold table measured by `eval` on a data set, for one model.
// JSON: {"format": "facegate-calibration", "version": 1, "dataset", "model_id",
//        "date" (ISO 8601), "impostor_count", "rows": [{"fmr", "threshold", "tmr"}]}
class CalibrationTable {
public:
    static constexpr int kFormatVersion = 1;

    CalibrationTable() = default;
    // Rows are sorted by FMR.
    CalibrationTable(QString dataset, QString modelId, QDateTime date, qint64 impostorCount,
                     std::vector<CalibrationRow> rows);
    static CalibrationTable fromErrorRates(const ErrorRates& rates, const QString& dataset,
                                           const QString& modelId, const QDateTime& date);

    const QString& dataset() const { return m_dataset; }
    const QString& modelId() const { return m_modelId; }
    const QDateTime& date() const { return m_date; }
    qint64 impostorCount() const { return m_impostorCount; }
    const std::vector<CalibrationRow>& rows() const { return m_rows; }

    // The threshold for `fmr`, interpolated linearly in log10(FMR) between the
    // two surrounding rows. Refuses an FMR outside [first row, last row].
    std::optional<float> thresholdFor(double fmr, QString* error) const;
    // Same, refusing a table made for another model than `modelId`.
    std::optional<float> thresholdFor(double fmr, const QString& modelId, QString* error) const;

    QByteArray toJson() const;
    // Refuses malformed JSON, missing fields, unsorted/duplicate/out-of-range
    // FMRs, and (when expectedModelId is not empty) a table of another model.
    static std::optional<CalibrationTable> fromJson(const QByteArray& json, const QString& expectedModelId,
                                                    QString* error);
    static std::optional<CalibrationTable> load(const QString& path, const QString& expectedModelId,
                                                QString* error);
    bool save(const QString& path, QString* error) const;

    // The table of model `modelId` the program decides with: the file named by
    // $FACEGATE_CALIBRATION when it is set (refused if made for another model),
    // else the compiled-in table (resources/calibration/) made for that model.
    static std::optional<CalibrationTable> forModel(const QString& modelId, QString* error);
    // The decision threshold at `fmr` from forModel(modelId), with the table's
    // data set. On failure, `failure` (when given) says whether the table is
    // missing or the FMR is outside it.
    static std::optional<CalibratedThreshold> calibrated(double fmr, const QString& modelId, QString* error,
                                                         CalibrationFailure* failure = nullptr);

private:
    QString m_dataset;
    QString m_modelId;
    QDateTime m_date;
    qint64 m_impostorCount = 0;
    std::vector<CalibrationRow> m_rows;
};

} // namespace fg
