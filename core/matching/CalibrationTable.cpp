#include "core/matching/CalibrationTable.h"

#include "core/matching/CalibrationFile.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <algorithm>
#include <cmath>

namespace fg {

namespace {

const QString kFormatName = QStringLiteral("facegate-calibration");
const QString kWhat = QStringLiteral("calibration table");

bool fail(QString* error, const QString& why)
{
    if (error)
        *error = why;
    return false;
}

} // namespace

CalibrationTable::CalibrationTable(QString dataset, QString modelId, QDateTime date, qint64 impostorCount,
                                   std::vector<CalibrationRow> rows)
    : m_dataset(std::move(dataset))
    , m_modelId(std::move(modelId))
    , m_date(std::move(date))
    , m_impostorCount(impostorCount)
    , m_rows(std::move(rows))
{
    std::sort(m_rows.begin(), m_rows.end(),
              [](const CalibrationRow& a, const CalibrationRow& b) { return a.fmr < b.fmr; });
}

CalibrationTable CalibrationTable::fromErrorRates(const ErrorRates& rates, const QString& dataset,
                                                  const QString& modelId, const QDateTime& date)
{
    std::vector<CalibrationRow> rows;
    for (const FmrOperatingPoint& p : rates.operatingPoints)
        rows.push_back(CalibrationRow{p.targetFmr, double(p.threshold), p.tmr});
    return CalibrationTable(dataset, modelId, date, rates.impostorCount, std::move(rows));
}

std::optional<float> CalibrationTable::thresholdFor(double fmr, QString* error) const
{
    const std::optional<double> threshold = calibration::thresholdAt(m_rows, &CalibrationRow::fmr, fmr, QStringLiteral("FMR"),
                                                                     kWhat, m_dataset, error);
    return threshold ? std::optional(float(*threshold)) : std::nullopt;
}

std::optional<float> CalibrationTable::thresholdFor(double fmr, const QString& modelId, QString* error) const
{
    if (modelId != m_modelId) {
        fail(error, QStringLiteral("the calibration table was made for model \"%1\", this pipeline uses \"%2\"")
                        .arg(m_modelId, modelId));
        return std::nullopt;
    }
    return thresholdFor(fmr, error);
}

QByteArray CalibrationTable::toJson() const
{
    QJsonArray rows;
    for (const CalibrationRow& r : m_rows)
        rows.append(QJsonObject{{"fmr", r.fmr}, {"threshold", r.threshold}, {"tmr", r.tmr}});
    const QJsonObject root{{"format", kFormatName},
                           {"version", kFormatVersion},
                           {"dataset", m_dataset},
                           {"model_id", m_modelId},
                           {"date", m_date.toString(Qt::ISODateWithMs)},
                           {"impostor_count", m_impostorCount},
                           {"rows", rows}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

std::optional<CalibrationTable> CalibrationTable::fromJson(const QByteArray& json, const QString& expectedModelId,
                                                           QString* error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (doc.isNull() || !doc.isObject()) {
        fail(error, QStringLiteral("calibration table is not a JSON object: %1").arg(parseError.errorString()));
        return std::nullopt;
    }
    const QJsonObject root = doc.object();
    if (root.value("format").toString() != kFormatName) {
        fail(error, QStringLiteral("not a calibration table (format \"%1\")").arg(root.value("format").toString()));
        return std::nullopt;
    }
    if (root.value("version").toInt(-1) != kFormatVersion) {
        fail(error, QStringLiteral("calibration table version %1 is not supported (this program reads version %2)")
                        .arg(root.value("version").toInt(-1))
                        .arg(kFormatVersion));
        return std::nullopt;
    }
    for (const char* key : {"dataset", "model_id", "date"}) {
        if (!root.value(key).isString() || root.value(key).toString().isEmpty()) {
            fail(error, QStringLiteral("calibration table has no \"%1\"").arg(key));
            return std::nullopt;
        }
    }
    const QString modelId = root.value("model_id").toString();
    if (!expectedModelId.isEmpty() && modelId != expectedModelId) {
        fail(error, QStringLiteral("the calibration table was made for model \"%1\", this pipeline uses \"%2\"")
                        .arg(modelId, expectedModelId));
        return std::nullopt;
    }
    const QDateTime date = QDateTime::fromString(root.value("date").toString(), Qt::ISODateWithMs);
    if (!date.isValid()) {
        fail(error, QStringLiteral("calibration table date \"%1\" is not ISO 8601").arg(root.value("date").toString()));
        return std::nullopt;
    }
    if (!root.value("impostor_count").isDouble() || root.value("impostor_count").toDouble() < 0) {
        fail(error, QStringLiteral("calibration table has no valid \"impostor_count\""));
        return std::nullopt;
    }
    const QJsonArray rowArray = root.value("rows").toArray();
    if (rowArray.isEmpty()) {
        fail(error, QStringLiteral("calibration table has no rows"));
        return std::nullopt;
    }
    std::vector<CalibrationRow> rows;
    for (qsizetype i = 0; i < rowArray.size(); ++i) {
        const QJsonObject o = rowArray.at(i).toObject();
        const CalibrationRow row{o.value("fmr").toDouble(NAN), o.value("threshold").toDouble(NAN),
                                 o.value("tmr").toDouble(NAN)};
        if (!(row.fmr > 0.0 && row.fmr <= 1.0) || !std::isfinite(row.threshold)
            || !(row.tmr >= 0.0 && row.tmr <= 1.0)) {
            fail(error, QStringLiteral("calibration table row %1 is invalid (fmr %2, threshold %3, tmr %4)")
                            .arg(i)
                            .arg(row.fmr)
                            .arg(row.threshold)
                            .arg(row.tmr));
            return std::nullopt;
        }
        if (!rows.empty() && row.fmr <= rows.back().fmr) {
            fail(error, QStringLiteral("calibration table rows are not in increasing FMR order (row %1)").arg(i));
            return std::nullopt;
        }
        rows.push_back(row);
    }
    return CalibrationTable(root.value("dataset").toString(), modelId, date,
                            qint64(root.value("impostor_count").toDouble()), std::move(rows));
}

std::optional<CalibrationTable> CalibrationTable::load(const QString& path, const QString& expectedModelId,
                                                       QString* error)
{
    const std::optional<QByteArray> bytes = calibration::readFile(path, kWhat, error);
    if (!bytes)
        return std::nullopt;
    QString why;
    std::optional<CalibrationTable> table = fromJson(*bytes, expectedModelId, &why);
    if (!table)
        fail(error, QStringLiteral("%1: %2").arg(path, why));
    return table;
}

bool CalibrationTable::save(const QString& path, QString* error) const
{
    return calibration::writeFile(path, toJson(), kWhat, error);
}

std::optional<CalibrationTable> CalibrationTable::forModel(const QString& modelId, QString* error)
{
    // One table per pipeline variant is embedded; pick the one of this model.
    return calibration::forModel<CalibrationTable>(
        "FACEGATE_CALIBRATION", QStringLiteral(":/facegate/calibration"), modelId, kWhat,
        QStringLiteral("run `facegate-cli eval --calibration-out FILE` and set FACEGATE_CALIBRATION=FILE"),
        [&modelId](const QString& path, QString* why) { return load(path, modelId, why); }, error);
}

std::optional<CalibratedThreshold> CalibrationTable::calibrated(double fmr, const QString& modelId, QString* error,
                                                                CalibrationFailure* failure)
{
    auto failWith = [failure](CalibrationFailure why) {
        if (failure)
            *failure = why;
        return std::nullopt;
    };
    const std::optional<CalibrationTable> table = forModel(modelId, error);
    if (!table)
        return failWith(CalibrationFailure::NoTable);
    const std::optional<float> threshold = table->thresholdFor(fmr, error);
    if (!threshold)
        return failWith(CalibrationFailure::FmrOutOfRange);
    if (failure)
        *failure = CalibrationFailure::None;
    return CalibratedThreshold{*threshold, table->dataset()};
}

} // namespace fg
