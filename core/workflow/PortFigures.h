#pragma once

#include "core/matching/CalibrationTable.h"

#include <QDateTime>
#include <QString>

#include <optional>
#include <vector>

namespace fg {

class Database;

// Which encounters the port's figures are computed over. Every filter is
// optional (empty or null: any); they combine with AND. The period is on
// encounters.verified_at.
struct FiguresQuery {
    QDateTime from;      // inclusive; null: no bound
    QDateTime until;     // exclusive; null: no bound
    QString workstation; // whole, case-insensitive (ASCII), surrounding spaces ignored
    QString camera;      // whole, case-insensitive (ASCII), surrounding spaces ignored
    QString flight;      // whole, compared normalised (upper case, no spaces)
};

// Counts of scores in equal bins over [lower, upper); a score outside goes
// to the first or the last bin, a score on an inner edge (within a
// billionth of a bin: 0.3 is not exact in binary) to the bin it opens; NaN is
// not counted. No bins (counts empty) when bins < 1 or upper <= lower.
struct ScoreHistogram {
    double lower = 0.0;
    double upper = 1.0;
    std::vector<qint64> counts;

    static ScoreHistogram of(const std::vector<double>& scores, double lower, double upper, int bins);
    double binWidth() const { return counts.empty() ? 0.0 : (upper - lower) / double(counts.size()); }
};

// The port's figures for a period, a workstation, a camera or a flight
// (DOMAIN.md: supervisors watch match rate, capture rate, opt-outs).
// Definitions (each figure is computed by PortFiguresCalculator from the
// stored encounters, never by a widget):
// - processed: encounters (biometric and alternate procedures);
// - inScope: those of travelers not biometrically exempt;
// - photographed: in-scope biometric encounters whose capture was usable
//   (decision match or no-match; poor quality and no face were not);
// - matches, noMatches, poorQuality, noFace: in-scope biometric encounters
//   by decision (so photographed = matches + noMatches);
// - captureRate = photographed / inScope;
// - matchRate = matches / photographed, noMatchRate = noMatches / photographed;
// - optOutRate = optOuts (alternate procedures) / processed;
// - presentationAttacks: encounters whose face was judged a presentation
//   attack (encounters.pad_decision 'attack': a printed photo or a screen),
//   of padAssessed, those judged either way (bona fide or attack; not those
//   never assessed or that could not be);
// - time to decision: from the capture to the officer's action
//   (encounters.captured_at -> decided_at), median and 95th percentile
//   (nearest rank) over the encounters that have both;
// - genuine scores: the score of encounters whose identity was confirmed
//   against the reference: a match the officer confirmed, or an item a
//   supervisor resolved as identity-confirmed;
// - impostor scores: the lower candidates (rank 2 and below) of those
//   confirmed 1:N searches (other people, by the confirmation), and the
//   score of items a supervisor resolved as suspected-impostor.
//   A queue item's latest supervisor decision counts, and it outranks the
//   officer's confirmation; encounters without a score add none.
// A rate whose denominator is zero is nullopt ("no data"), never 0.
struct PortFigures {
    qint64 processed = 0;
    qint64 inScope = 0;
    qint64 photographed = 0;
    qint64 matches = 0;
    qint64 noMatches = 0;
    qint64 poorQuality = 0;
    qint64 noFace = 0;
    qint64 optOuts = 0;
    qint64 presentationAttacks = 0;
    qint64 padAssessed = 0;
    std::optional<double> captureRate;
    std::optional<double> matchRate;
    std::optional<double> noMatchRate;
    std::optional<double> optOutRate;
    qint64 timedDecisions = 0;
    std::optional<double> medianSecondsToDecision;
    std::optional<double> p95SecondsToDecision;
    std::vector<double> genuineScores;
    std::vector<double> impostorScores;
    // The threshold the decisions were made with: the most recent
    // encounter's in the selection (nullopt when none has one).
    std::optional<double> threshold;
};

// The DET curve of the current model from its calibration set: false
// non-match rate (1 - TMR) against false match rate (core/matching
// DetPoint), one point per row of the calibration table, FMR ascending.
std::vector<DetPoint> detCurve(const CalibrationTable& table);

// Nearest-rank percentile (0 < p <= 100) of unsorted values: the value of
// rank ceil(p/100 * n) in ascending order (the median of 4 values is the 2nd).
// NaN values are left out; nullopt when none is left or p is out of range.
std::optional<double> percentile(std::vector<double> values, double p);

class PortFiguresCalculator {
public:
    explicit PortFiguresCalculator(const Database& database);

    // nullopt with *error when the records cannot be read.
    std::optional<PortFigures> compute(const FiguresQuery& query, QString* error) const;

    // The distinct workstations, cameras and flights of the stored
    // encounters (trimmed, none empty), sorted case-insensitively: the
    // choices of the figures' filters. Names differing only in case, which
    // the filters do not tell apart, are listed once.
    std::optional<std::vector<QString>> workstations(QString* error) const;
    std::optional<std::vector<QString>> cameras(QString* error) const;
    std::optional<std::vector<QString>> flights(QString* error) const;

private:
    const Database& m_database;
};

} // namespace fg
