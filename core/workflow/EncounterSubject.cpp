#include "core/workflow/EncounterSubject.h"

namespace fg {

QString recordedCitizenship(const QString& declared, const MatchOutcome& outcome, Inspection::Mode mode)
{
    if (!declared.trimmed().isEmpty())
        return declared;
    const bool referenceIsTheTravelers =
        mode == Inspection::Mode::OneToOne
        || (mode == Inspection::Mode::OneToMany && outcome.decision == Encounter::Decision::Match);
    if (referenceIsTheTravelers && outcome.reference && !outcome.reference->citizenship.trimmed().isEmpty())
        return outcome.reference->citizenship;
    return QStringLiteral("XXX");
}

} // namespace fg
