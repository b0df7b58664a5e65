#pragma once

#include <QString>

#include <optional>
#include <vector>

namespace fg {

// A comparison score; std::nullopt (or NaN) when an image of the pair failed
// to enrol.
using Score = std::optional<float>;

struct FmrOperatingPoint {
    double targetFmr = 0.0;
    float threshold = 0.0f; // smallest threshold whose FMR <= targetFmr
    double fmr = 0.0;       // FMR measured at that threshold
    double tmr = 0.0;       // true match rate (1 - FNMR) at that threshold
};

struct DetPoint {
    double fmr = 0.0;
    double fnmr = 0.0;
};

// Error rates of a set of genuine and impostor scores. A decision is "match"
// when score >= threshold.
//
// Missing scores (failed enrolment) are never dropped:
//  - genuine: a false non-match at every threshold (lowers TMR, raises FNMR);
//  - impostor: counted in the impostor total but can never be a false match
//    (ISO/IEC 19795-1: a failure to acquire is a rejection);
//  - accuracy: every missing score, genuine or impostor, is a WRONG answer.
struct ErrorRates {
    qint64 genuineCount = 0; // including missing
    qint64 impostorCount = 0;
    qint64 genuineMissing = 0;
    qint64 impostorMissing = 0;
    double eer = 0.0;
    float eerThreshold = 0.0f;
    double accuracy = 0.0; // best single-threshold accuracy
    float accuracyThreshold = 0.0f;
    std::vector<FmrOperatingPoint> operatingPoints; // only the FMRs the impostor count allows
    std::vector<DetPoint> det; // FMR decreasing, FNMR increasing; thinned in log space (1/100 decade)
};

struct LabelledScore {
    Score score;
    bool same = false; // genuine pair
    int fold = 0;
};

struct FoldAccuracy {
    double mean = 0.0;
    double std = 0.0; // population standard deviation over folds
    std::vector<int> folds;
    std::vector<double> perFold;
    std::vector<float> thresholds; // chosen on the other folds
};

class Evaluation {
public:
    // An FMR is reported only when the impostor count is at least
    // kMinFalseMatches / FMR: the threshold then rests on at least 10 impostor
    // scores above it (e.g. FMR 1e-3 needs 10,000 impostor pairs).
    static constexpr double kMinFalseMatches = 10.0;
    static bool fmrSupported(double fmr, qint64 impostorCount);
    static const std::vector<double>& standardFmrs(); // 1e-2, 1e-3, 1e-4

    // Refuses an empty genuine or impostor list.
    static std::optional<ErrorRates> errorRates(const std::vector<Score>& genuine,
                                                const std::vector<Score>& impostor,
                                                QString* error,
                                                const std::vector<double>& fmrs = standardFmrs());

    // The LFW protocol: for each fold, the best-accuracy threshold is chosen on
    // the other folds and the accuracy measured on this one. Missing scores
    // count as wrong answers. Refuses fewer than two folds.
    static std::optional<FoldAccuracy> foldAccuracy(const std::vector<LabelledScore>& pairs, QString* error);
};

} // namespace fg
