#include "core/matching/Evaluation.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <utility>

namespace fg {

namespace {

bool isPresent(const Score& s) { return s.has_value() && !std::isnan(*s); }

// Present scores, sorted ascending, with their genuine flag; plus totals.
struct ScoreSet {
    std::vector<std::pair<float, bool>> sorted;
    qint64 genuineTotal = 0;
    qint64 impostorTotal = 0;
    qint64 genuinePresent = 0;
    qint64 impostorPresent = 0;

    void add(const Score& s, bool genuine)
    {
        (genuine ? genuineTotal : impostorTotal) += 1;
        if (!isPresent(s))
            return;
        (genuine ? genuinePresent : impostorPresent) += 1;
        sorted.emplace_back(*s, genuine);
    }
    void finish() { std::sort(sorted.begin(), sorted.end()); }
};

// Rates at threshold t where `genuineBelow`/`impostorBelow` present scores are < t.
struct Rates {
    double fmr;
    double fnmr;
};

Rates ratesAt(const ScoreSet& set, qint64 genuineBelow, qint64 impostorBelow)
{
    const qint64 genuineMissing = set.genuineTotal - set.genuinePresent;
    return Rates{double(set.impostorPresent - impostorBelow) / double(set.impostorTotal),
                 double(genuineBelow + genuineMissing) / double(set.genuineTotal)};
}

// Calls fn(threshold, genuineBelow, impostorBelow, previousScore) at each distinct
// score (accepting that score and above), then once above the highest score.
template <typename Fn>
void sweep(const ScoreSet& set, Fn&& fn)
{
    qint64 genuineBelow = 0;
    qint64 impostorBelow = 0;
    std::optional<float> previous;
    std::size_t i = 0;
    while (i < set.sorted.size()) {
        const float t = set.sorted[i].first;
        fn(t, genuineBelow, impostorBelow, previous);
        for (; i < set.sorted.size() && set.sorted[i].first == t; ++i)
            (set.sorted[i].second ? genuineBelow : impostorBelow) += 1;
        previous = t;
    }
    const float above = previous ? std::nextafter(*previous, std::numeric_limits<float>::infinity()) : 0.0f;
    fn(above, genuineBelow, impostorBelow, previous);
}

struct Best {
    double accuracy = 0.0;
    float threshold = 0.0f;
};

// Best single-threshold accuracy; missing scores are wrong whatever the threshold.
// The threshold is the midpoint of the winning gap (robust when applied to
// other data); ties go to the lowest threshold.
Best bestAccuracy(const ScoreSet& set)
{
    Best best{-1.0, 0.0f};
    const double total = double(set.genuineTotal + set.impostorTotal);
    sweep(set, [&](float t, qint64 genuineBelow, qint64 impostorBelow, std::optional<float> previous) {
        const double correct = double(set.genuinePresent - genuineBelow + impostorBelow);
        const double accuracy = total > 0 ? correct / total : 0.0;
        if (accuracy > best.accuracy) {
            float threshold = t;
            if (previous) {
                const float mid = *previous + (t - *previous) / 2.0f;
                if (mid > *previous && mid <= t)
                    threshold = mid;
            }
            best = Best{accuracy, threshold};
        }
    });
    return best;
}

FmrOperatingPoint operatingPoint(const ScoreSet& set, const std::vector<float>& impostorsDescending,
                                 const std::vector<float>& genuineAscending, double target)
{
    FmrOperatingPoint point;
    point.targetFmr = target;
    const auto allowed = static_cast<std::size_t>(std::floor(target * double(set.impostorTotal) + 1e-9));
    if (allowed >= impostorsDescending.size()) {
        // Every present impostor may be accepted: accept everything.
        point.threshold = set.sorted.empty() ? 0.0f : set.sorted.front().first;
    } else {
        point.threshold = std::nextafter(impostorsDescending[allowed], std::numeric_limits<float>::infinity());
    }
    const auto falseMatches = static_cast<qint64>(
        std::lower_bound(impostorsDescending.begin(), impostorsDescending.end(), point.threshold, std::greater<>())
        - impostorsDescending.begin());
    const auto trueMatches = static_cast<qint64>(
        genuineAscending.end()
        - std::lower_bound(genuineAscending.begin(), genuineAscending.end(), point.threshold));
    point.fmr = double(falseMatches) / double(set.impostorTotal);
    point.tmr = double(trueMatches) / double(set.genuineTotal);
    return point;
}

} // namespace

bool Evaluation::fmrSupported(double fmr, qint64 impostorCount)
{
    return fmr > 0.0 && double(impostorCount) >= kMinFalseMatches / fmr - 1e-6;
}

const std::vector<double>& Evaluation::standardFmrs()
{
    static const std::vector<double> fmrs{1e-2, 1e-3, 1e-4};
    return fmrs;
}

namespace {

// A DET curve is read on log axes: keep a point whenever either rate has moved
// by a hundredth of a decade since the last one kept, so that the low-FMR end
// (a few impostors among millions) keeps its detail; the ends are always kept.
std::vector<DetPoint> decimateDet(const std::vector<DetPoint>& curve)
{
    if (curve.size() <= 2)
        return curve;
    constexpr double kStep = 0.01; // decades
    auto log = [](double v) { return std::log10(std::max(v, 1e-12)); };
    std::vector<DetPoint> kept{curve.front()};
    for (std::size_t i = 1; i + 1 < curve.size(); ++i) {
        const DetPoint& last = kept.back();
        if (std::abs(log(curve[i].fmr) - log(last.fmr)) >= kStep || std::abs(log(curve[i].fnmr) - log(last.fnmr)) >= kStep)
            kept.push_back(curve[i]);
    }
    kept.push_back(curve.back());
    return kept;
}

} // namespace

std::optional<ErrorRates> Evaluation::errorRates(const std::vector<Score>& genuine,
                                                 const std::vector<Score>& impostor,
                                                 QString* error,
                                                 const std::vector<double>& fmrs)
{
    if (genuine.empty() || impostor.empty()) {
        if (error)
            *error = QStringLiteral("cannot compute error rates: %1 genuine and %2 impostor scores")
                         .arg(genuine.size())
                         .arg(impostor.size());
        return std::nullopt;
    }
    ScoreSet set;
    for (const Score& s : genuine)
        set.add(s, true);
    for (const Score& s : impostor)
        set.add(s, false);
    set.finish();

    ErrorRates out;
    out.genuineCount = set.genuineTotal;
    out.impostorCount = set.impostorTotal;
    out.genuineMissing = set.genuineTotal - set.genuinePresent;
    out.impostorMissing = set.impostorTotal - set.impostorPresent;

    // EER: the threshold where FMR and FNMR are closest around their crossing.
    std::vector<DetPoint> curve;
    bool eerFound = false;
    Rates previousRates{1.0, 0.0};
    float previousThreshold = 0.0f;
    sweep(set, [&](float t, qint64 genuineBelow, qint64 impostorBelow, std::optional<float>) {
        const Rates r = ratesAt(set, genuineBelow, impostorBelow);
        curve.push_back(DetPoint{r.fmr, r.fnmr});
        if (!eerFound && r.fnmr >= r.fmr) {
            eerFound = true;
            const bool usePrevious = curve.size() > 1
                                     && std::abs(previousRates.fmr - previousRates.fnmr) < std::abs(r.fmr - r.fnmr);
            const Rates chosen = usePrevious ? previousRates : r;
            out.eer = (chosen.fmr + chosen.fnmr) / 2.0;
            out.eerThreshold = usePrevious ? previousThreshold : t;
        }
        previousRates = r;
        previousThreshold = t;
    });

    const Best best = bestAccuracy(set);
    out.accuracy = best.accuracy;
    out.accuracyThreshold = best.threshold;

    std::vector<float> impostorsDescending;
    std::vector<float> genuineAscending;
    for (const auto& [score, isGenuine] : set.sorted)
        (isGenuine ? genuineAscending : impostorsDescending).push_back(score);
    std::reverse(impostorsDescending.begin(), impostorsDescending.end());
    for (double fmr : fmrs)
        if (fmrSupported(fmr, set.impostorTotal))
            out.operatingPoints.push_back(operatingPoint(set, impostorsDescending, genuineAscending, fmr));

    out.det = decimateDet(curve);
    return out;
}

std::optional<FoldAccuracy> Evaluation::foldAccuracy(const std::vector<LabelledScore>& pairs, QString* error)
{
    std::map<int, std::vector<const LabelledScore*>> byFold;
    for (const LabelledScore& p : pairs)
        byFold[p.fold].push_back(&p);
    if (byFold.size() < 2) {
        if (error)
            *error = QStringLiteral("the fold protocol needs at least two folds, got %1").arg(byFold.size());
        return std::nullopt;
    }
    FoldAccuracy out;
    for (const auto& [fold, members] : byFold) {
        ScoreSet training;
        for (const LabelledScore& p : pairs)
            if (p.fold != fold)
                training.add(p.score, p.same);
        training.finish();
        const float threshold = bestAccuracy(training).threshold;
        qint64 correct = 0;
        for (const LabelledScore* p : members) {
            if (!isPresent(p->score))
                continue; // failed enrolment: a wrong answer
            const bool accepted = *p->score >= threshold;
            correct += accepted == p->same ? 1 : 0;
        }
        out.folds.push_back(fold);
        out.thresholds.push_back(threshold);
        out.perFold.push_back(double(correct) / double(members.size()));
    }
    double sum = 0.0;
    for (double a : out.perFold)
        sum += a;
    out.mean = sum / double(out.perFold.size());
    double squares = 0.0;
    for (double a : out.perFold)
        squares += (a - out.mean) * (a - out.mean);
    out.std = std::sqrt(squares / double(out.perFold.size()));
    return out;
}

} // namespace fg
