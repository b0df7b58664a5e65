#pragma once

#include <QDateTime>

#include <chrono>

// When a partner's submission is overdue for its purge attestation
// (service/attestationHours): a partner's encounter (encounters.partner set)
// with no row in purge_attestations, verified more than `due` before now. The
// supervisor's report (ReportBuilder) and facegate-matchd's AttestationWatch
// both decide it with these, so that the two never disagree.
namespace fg::PurgeAttestationRule {

// The encounters and their attestation, if any (at most one per encounter,
// so the join adds no rows): pa.encounter_id is NULL when none is recorded.
inline constexpr const char* kEncountersAndAttestations =
    " FROM encounters e LEFT JOIN purge_attestations pa ON pa.encounter_id = e.id";
// Only partners' submissions.
inline constexpr const char* kPartnerSubmission = "e.partner <> ''";
// Not attested and verified before the cut-off (bound, in ms since the epoch).
inline constexpr const char* kOverdue = "pa.encounter_id IS NULL AND e.verified_at < ?";

inline QDateTime cutoff(const QDateTime& now, std::chrono::hours due)
{
    return now.addSecs(-std::chrono::seconds(due).count());
}

// The same rule for a row already read.
inline bool isOverdue(bool attested, qint64 verifiedAtMs, const QDateTime& cutoffTime)
{
    return !attested && verifiedAtMs < cutoffTime.toMSecsSinceEpoch();
}

} // namespace fg::PurgeAttestationRule
