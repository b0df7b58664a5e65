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

private:
    QString m_dataset;
    QString m_modelId;
    QDateTime m_date;
    qint64 m_impostorCount = 0;
    std::vector<CalibrationRow> m_rows;
};

} // namespace fg
