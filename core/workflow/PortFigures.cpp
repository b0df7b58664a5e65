#include "core/workflow/PortFigures.h"

#include "core/storage/Database.h"
#include "core/workflow/Encounter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>

#include <algorithm>
#include <cmath>

namespace fg {
namespace {

// The WHERE conditions of a query's filters (on encounters e), values in order.
QString whereClause(const FiguresQuery& query, QVariantList* values)
{
    QStringList conditions;
    if (query.from.isValid()) {
        conditions << QStringLiteral("e.verified_at >= ?");
        values->append(query.from.toMSecsSinceEpoch());
    }
    if (query.until.isValid()) {
        conditions << QStringLiteral("e.verified_at < ?");
        values->append(query.until.toMSecsSinceEpoch());
    }
    // lower() on both sides: PostgreSQL's = is case-sensitive, SQLite's too.
    // trim(): EncounterStore keeps the workstation's and camera's names as given.
    if (!query.workstation.trimmed().isEmpty()) {
        conditions << QStringLiteral("lower(trim(e.workstation)) = lower(CAST(? AS TEXT))");
        values->append(query.workstation.trimmed());
    }
    if (!query.camera.trimmed().isEmpty()) {
        conditions << QStringLiteral("lower(trim(e.camera)) = lower(CAST(? AS TEXT))");
        values->append(query.camera.trimmed());
    }
    const QString flight = Encounter::normalizedFlight(query.flight);
    if (!flight.isEmpty()) {
        conditions << QStringLiteral("e.flight = ?");
        values->append(flight);
    }
    return conditions.join(QStringLiteral(" AND "));
}

QString where(const QString& conditions, const QString& more = QString())
{
    QStringList all;
    if (!conditions.isEmpty())
        all << conditions;
    if (!more.isEmpty())
        all << QStringLiteral("(%1)").arg(more);
    return all.isEmpty() ? QString() : QStringLiteral(" WHERE ") + all.join(QStringLiteral(" AND "));
}

bool run(const Database& database, QSqlQuery& statement, const QString& sql, const QVariantList& values,
         const QString& what, QString* error)
{
    statement.prepare(sql);
    for (const QVariant& value : values)
        statement.addBindValue(value);
    return database.exec(statement, what, error);
}

std::optional<double> rate(qint64 part, qint64 whole)
{
    return whole > 0 ? std::optional<double>(double(part) / double(whole)) : std::nullopt;
}

// What a stored encounter says about its score: the latest supervisor's
// resolution of its queue item decides; without one, an officer's
// confirmation of a MATCH makes it genuine.
enum Verdict { Unknown = 0, Genuine = 1, Impostor = 2 };
const char* const kVerdict = "CASE WHEN sd.resolution = 'identity-confirmed' THEN 1 "
                             "WHEN sd.resolution = 'suspected-impostor' THEN 2 "
                             "WHEN e.decision = 'match' AND e.officer_action = 'confirm' THEN 1 ELSE 0 END";

// The lower candidates (rank 2 and below) of a 1:N search as stored
// ({"flight", "top": [{"traveler_id", "name", "score"}...]}, best first).
void appendLowerCandidates(const QString& json, std::vector<double>* scores)
{
    if (json.isEmpty())
        return;
    const QJsonArray top = QJsonDocument::fromJson(json.toUtf8()).object().value(QStringLiteral("top")).toArray();
    for (qsizetype rank = 1; rank < top.size(); ++rank) {
        const QJsonValue score = top.at(rank).toObject().value(QStringLiteral("score"));
        if (score.isDouble() && std::isfinite(score.toDouble()))
            scores->push_back(score.toDouble());
    }
}

// Distinct trimmed values of an encounters column, sorted case-insensitively;
// spellings that differ only in case (which the filters do not tell apart) are listed once.
std::optional<std::vector<QString>> distinct(const Database& database, const QString& column, QString* error)
{
    QSqlQuery rows = database.query();
    if (!run(database, rows,
             QStringLiteral("SELECT DISTINCT trim(%1) FROM encounters WHERE trim(%1) <> ''").arg(column), {},
             QStringLiteral("list the encounters' %1s").arg(column), error))
        return std::nullopt;
    std::vector<QString> values;
    while (rows.next())
        values.push_back(rows.value(0).toString());
    std::sort(values.begin(), values.end(), [](const QString& a, const QString& b) {
        const int folded = QString::compare(a, b, Qt::CaseInsensitive);
        return folded != 0 ? folded < 0 : a < b;
    });
    values.erase(std::unique(values.begin(), values.end(),
                             [](const QString& a, const QString& b) {
                                 return QString::compare(a, b, Qt::CaseInsensitive) == 0;
                             }),
                 values.end());
    return values;
}

} // namespace

ScoreHistogram ScoreHistogram::of(const std::vector<double>& scores, double lower, double upper, int bins)
{
    ScoreHistogram histogram;
    histogram.lower = lower;
    histogram.upper = upper;
    if (bins < 1 || !(upper > lower))
        return histogram;
    histogram.counts.assign(size_t(bins), 0);
    // Decimal edges (0.3, 0.7) are not exact in binary: a score within a
    // billionth of a bin below an inner edge is taken as on it, so 0.7 opens
    // bin 7 of [0, 1) in 10 bins whatever the rounding.
    constexpr double kSlack = 1e-9;
    for (const double score : scores) {
        if (std::isnan(score))
            continue;
        qint64 index = bins - 1;
        if (score < upper) {
            const double position = (score - lower) / (upper - lower) * double(bins);
            index = position <= 0.0 ? 0 : std::min<qint64>(qint64(std::floor(position + kSlack)), bins - 1);
        }
        ++histogram.counts[size_t(index)];
    }
    return histogram;
}

std::vector<DetPoint> detCurve(const CalibrationTable& table)
{
    std::vector<DetPoint> curve;
    curve.reserve(table.rows().size());
    for (const CalibrationRow& row : table.rows())
        curve.push_back({row.fmr, 1.0 - row.tmr});
    std::stable_sort(curve.begin(), curve.end(), [](const DetPoint& a, const DetPoint& b) { return a.fmr < b.fmr; });
    return curve;
}

std::optional<double> percentile(std::vector<double> values, double p)
{
    values.erase(std::remove_if(values.begin(), values.end(), [](double value) { return std::isnan(value); }),
                 values.end());
    if (values.empty() || !(p > 0.0) || p > 100.0)
        return std::nullopt;
    // Nearest rank: the smallest value with at least p% of the values at or below it.
    // p * n / 100 is exact for whole p and n; the slack absorbs the rounding of the others.
    const double n = double(values.size());
    const qint64 rank = std::clamp<qint64>(qint64(std::ceil(p * n / 100.0 - 1e-9)), 1, qint64(values.size()));
    std::nth_element(values.begin(), values.begin() + (rank - 1), values.end());
    return values[size_t(rank - 1)];
}

PortFiguresCalculator::PortFiguresCalculator(const Database& database)
    : m_database(database)
{
}

std::optional<PortFigures> PortFiguresCalculator::compute(const FiguresQuery& query, QString* error) const
{
    QVariantList values;
    const QString filters = whereClause(query, &values);
    PortFigures figures;

    // The counts, in one pass. A traveler row is always written with an
    // encounter; without one the encounter is taken as in scope.
    const QString inScope = QStringLiteral("COALESCE(t.biometric_exempt, 0) = 0");
    const auto count = [&](const QString& condition) {
        return QStringLiteral("COALESCE(SUM(CASE WHEN %1 THEN 1 ELSE 0 END), 0)").arg(condition);
    };
    const auto decided = [&](Encounter::Decision decision) {
        return count(QStringLiteral("%1 AND e.mode = 'biometric' AND e.decision = '%2'")
                         .arg(inScope, Encounter::decisionName(decision)));
    };
    QSqlQuery counts = m_database.query();
    if (!run(m_database, counts,
             QStringLiteral("SELECT COUNT(*), %1, %2, %3, %4, %5, %6, %7, %8 FROM encounters e "
                            "LEFT JOIN travelers t ON t.id = e.traveler_id")
                     .arg(count(inScope), decided(Encounter::Decision::Match), decided(Encounter::Decision::NoMatch),
                          decided(Encounter::Decision::PoorQuality), decided(Encounter::Decision::NoFace),
                          count(QStringLiteral("e.mode = 'alternate'")), count(QStringLiteral("e.pad_decision = 'attack'")),
                          count(QStringLiteral("e.pad_decision IN ('attack', 'bona-fide')")))
                 + where(filters),
             values, QStringLiteral("count the encounters for the port's figures"), error))
        return std::nullopt;
    if (!counts.next()) {
        *error = QStringLiteral("count the encounters for the port's figures: no result");
        return std::nullopt;
    }
    figures.processed = counts.value(0).toLongLong();
    figures.inScope = counts.value(1).toLongLong();
    figures.matches = counts.value(2).toLongLong();
    figures.noMatches = counts.value(3).toLongLong();
    figures.poorQuality = counts.value(4).toLongLong();
    figures.noFace = counts.value(5).toLongLong();
    figures.optOuts = counts.value(6).toLongLong();
    figures.presentationAttacks = counts.value(7).toLongLong();
    figures.padAssessed = counts.value(8).toLongLong();
    figures.photographed = figures.matches + figures.noMatches;
    figures.captureRate = rate(figures.photographed, figures.inScope);
    figures.matchRate = rate(figures.matches, figures.photographed);
    figures.noMatchRate = rate(figures.noMatches, figures.photographed);
    figures.optOutRate = rate(figures.optOuts, figures.processed);

    // Times and scores: only the encounters timed or with a verdict are read,
    // and the candidates only of those confirmed genuine.
    const QString verdict = QString::fromLatin1(kVerdict);
    QSqlQuery rows = m_database.query();
    if (!run(m_database, rows,
             QStringLiteral("SELECT e.captured_at, e.decided_at, e.score, %1, "
                            "CASE WHEN %1 = 1 THEN e.candidates ELSE '' END FROM encounters e "
                            "LEFT JOIN queue_items q ON q.encounter_id = e.id "
                            "LEFT JOIN supervisor_decisions sd ON sd.id = "
                            "(SELECT MAX(d.id) FROM supervisor_decisions d WHERE d.queue_item_id = q.id)")
                     .arg(verdict)
                 + where(filters, QStringLiteral("(e.captured_at IS NOT NULL AND e.decided_at IS NOT NULL) OR %1 <> 0")
                                      .arg(verdict)),
             values, QStringLiteral("read the encounters' times and scores for the port's figures"), error))
        return std::nullopt;
    std::vector<double> seconds;
    while (rows.next()) {
        if (!rows.value(0).isNull() && !rows.value(1).isNull())
            seconds.push_back(double(rows.value(1).toLongLong() - rows.value(0).toLongLong()) / 1000.0);
        const int kind = rows.value(3).toInt();
        if (kind == Unknown)
            continue;
        if (!rows.value(2).isNull() && std::isfinite(rows.value(2).toDouble()))
            (kind == Genuine ? figures.genuineScores : figures.impostorScores).push_back(rows.value(2).toDouble());
        if (kind == Genuine)
            appendLowerCandidates(rows.value(4).toString(), &figures.impostorScores);
    }
    figures.timedDecisions = qint64(seconds.size());
    figures.medianSecondsToDecision = percentile(seconds, 50.0);
    figures.p95SecondsToDecision = percentile(std::move(seconds), 95.0);

    QSqlQuery latest = m_database.query();
    if (!run(m_database, latest,
             QStringLiteral("SELECT e.threshold FROM encounters e")
                 + where(filters, QStringLiteral("e.threshold IS NOT NULL"))
                 + QStringLiteral(" ORDER BY e.verified_at DESC, e.id DESC LIMIT 1"),
             values, QStringLiteral("read the decision threshold for the port's figures"), error))
        return std::nullopt;
    if (latest.next())
        figures.threshold = latest.value(0).toDouble();
    return figures;
}

std::optional<std::vector<QString>> PortFiguresCalculator::workstations(QString* error) const
{
    return distinct(m_database, QStringLiteral("workstation"), error);
}

std::optional<std::vector<QString>> PortFiguresCalculator::cameras(QString* error) const
{
    return distinct(m_database, QStringLiteral("camera"), error);
}

std::optional<std::vector<QString>> PortFiguresCalculator::flights(QString* error) const
{
    return distinct(m_database, QStringLiteral("flight"), error);
}

} // namespace fg
