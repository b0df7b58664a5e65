#pragma once

#include "core/workflow/Inspection.h"

#include <QString>

namespace fg {

// Whose face an encounter's photo is, as far as FaceGate can tell, and so
// which retention rule keeps it (DOMAIN.md; RetentionPolicy::ruleFor): one
// function for the officer's desk (InspectionDesk) and the service's partner
// submissions (MatchingApi).
//
// - the citizenship declared with the capture (a partner's request), when
//   there is one;
// - else the reference's, when the reference is the traveler's own: the
//   document of a 1:1 check (whatever the decision: the traveler presented
//   it), or the gallery member a 1:N search MATCHED;
// - else not known, ICAO's "XXX": a NO MATCH in 1:N, no face, no reference,
//   a reference without a nationality. RetentionPolicy keeps an unknown
//   traveler's photo under the shorter (U.S. citizen's) limit, lawful for all.
QString recordedCitizenship(const QString& declared, const MatchOutcome& outcome, Inspection::Mode mode);

} // namespace fg
