#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <algorithm>
#include <cmath>
#include <functional>
#include <optional>
#include <vector>

namespace fg::calibration {

// What the matcher's table (CalibrationTable, FMR -> threshold) and the
// presentation-attack table (PadCalibrationTable, BPCER -> threshold) share:
// a small JSON file read whole (never a huge one), written atomically, looked
// up from an environment variable or among the tables compiled in, and a
// threshold read off rows spaced by decades of an error rate.

// A table is a few kilobytes; a bigger file is refused unread.
inline constexpr qint64 kMaxFileBytes = 1 << 20;

// The bytes of the table file at `path`; `what` names the kind of table in
// errors ("calibration table", "presentation-attack calibration table").
std::optional<QByteArray> readFile(const QString& path, const QString& what, QString* error);
// Writes `json` to `path` through a QSaveFile: the old file stays whole on failure.
bool writeFile(const QString& path, const QByteArray& json, const QString& what, QString* error);

// The table of `modelId`: the file named by $`environmentVariable` when it
// is set (refused if made for another model), else the first table of the
// compiled-in folder `embedded` that `load` accepts for the model. `howToMake`
// ends the error when there is none ("run `facegate-cli eval ...`").
template <typename Table>
std::optional<Table> forModel(const char* environmentVariable, const QString& embedded, const QString& modelId,
                              const QString& what, const QString& howToMake,
                              const std::function<std::optional<Table>(const QString& path, QString* error)>& load,
                              QString* error);

// The threshold at `rate` among `rows` (sorted by rate): a row's own when
// the rate is one of theirs (to 1e-9 relative, so 1e-3 typed matches a stored
// 0.001), else linear in log10(rate) between the rows around it. Outside the
// rows' range, or with none: nullopt, with `rateName` ("FMR", "BPCER") and
// the table's `dataset` in the error.
template <typename Row>
std::optional<double> thresholdAt(const std::vector<Row>& rows, double Row::*rateOf, double rate, const QString& rateName,
                                  const QString& what, const QString& dataset, QString* error);

// --- templates --------------------------------------------------------------

// The paths of the files in the compiled-in folder `folder`, in name order.
QStringList embeddedTables(const QString& folder);
QString noTableFor(const QString& modelId, const QString& what, const QStringList& embedded, const QString& howToMake);

template <typename Table>
std::optional<Table> forModel(const char* environmentVariable, const QString& embedded, const QString& modelId,
                              const QString& what, const QString& howToMake,
                              const std::function<std::optional<Table>(const QString& path, QString* error)>& load,
                              QString* error)
{
    const QString fromEnv = qEnvironmentVariable(environmentVariable);
    if (!fromEnv.isEmpty())
        return load(fromEnv, error);
    const QStringList names = embeddedTables(embedded);
    for (const QString& path : names) {
        QString ignored;
        if (std::optional<Table> table = load(path, &ignored))
            return table;
    }
    if (error)
        *error = noTableFor(modelId, what, names, howToMake);
    return std::nullopt;
}

template <typename Row>
std::optional<double> thresholdAt(const std::vector<Row>& rows, double Row::*rateOf, double rate, const QString& rateName,
                                  const QString& what, const QString& dataset, QString* error)
{
    const auto fail = [error](const QString& why) {
        if (error)
            *error = why;
        return std::nullopt;
    };
    if (rows.empty())
        return fail(QStringLiteral("the %1 is empty").arg(what));
    const double lowest = rows.front().*rateOf;
    const double highest = rows.back().*rateOf;
    constexpr double kSlack = 1e-9;
    if (!(rate > 0.0) || !std::isfinite(rate) || rate < lowest * (1 - kSlack) || rate > highest * (1 + kSlack)) {
        return fail(QStringLiteral("%1 %2 is outside the calibrated range [%3, %4] of data set \"%5\"")
                        .arg(rateName)
                        .arg(rate)
                        .arg(lowest)
                        .arg(highest)
                        .arg(dataset));
    }
    for (const Row& row : rows) {
        if (std::abs(row.*rateOf - rate) <= row.*rateOf * kSlack)
            return row.threshold;
    }
    const auto upper = std::upper_bound(rows.begin(), rows.end(), rate,
                                        [rateOf](double value, const Row& row) { return value < row.*rateOf; });
    const Row& b = *upper;
    const Row& a = *(upper - 1);
    const double w = (std::log10(rate) - std::log10(a.*rateOf)) / (std::log10(b.*rateOf) - std::log10(a.*rateOf));
    return a.threshold + w * (b.threshold - a.threshold);
}

} // namespace fg::calibration
