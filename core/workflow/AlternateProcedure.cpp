#include "core/workflow/AlternateProcedure.h"

#include <QCoreApplication>
#include <QSet>

#include <algorithm>

namespace fg {

QString AlternateProcedure::problem() const
{
    if (citizenship.trimmed().isEmpty())
        return QCoreApplication::translate("fg::AlternateProcedure", "the traveler's citizenship is not given");
    if (document.kind.trimmed().isEmpty())
        return QCoreApplication::translate("fg::AlternateProcedure", "the document's kind is not given");
    if (document.number.trimmed().isEmpty())
        return QCoreApplication::translate("fg::AlternateProcedure", "the document's number is not given");
    if (document.issuingState.trimmed().isEmpty())
        return QCoreApplication::translate("fg::AlternateProcedure", "the document's issuing state is not given");
    QSet<QString> seen;
    for (const Check& check : checks) {
        const QString checkId = check.id.trimmed();
        if (checkId.isEmpty())
            return QCoreApplication::translate("fg::AlternateProcedure", "a check of the checklist has no id");
        if (seen.contains(checkId))
            return QCoreApplication::translate("fg::AlternateProcedure", "check \"%1\" is listed twice").arg(checkId);
        seen.insert(checkId);
    }
    if (outcome == Outcome::Verified) {
        const bool anyDone = std::any_of(checks.begin(), checks.end(),
                                         [](const Check& check) { return check.result != CheckResult::NotApplicable; });
        if (!anyDone)
            return QCoreApplication::translate("fg::AlternateProcedure", "\"verified\" needs at least one visual check done (passed or failed)");
    } else if (reason.trimmed().isEmpty()) {
        return QCoreApplication::translate("fg::AlternateProcedure", "the outcome \"%1\" needs a reason").arg(outcomeName(outcome));
    }
    return QString();
}

QString AlternateProcedure::outcomeName(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Verified:
        return QStringLiteral("verified");
    case Outcome::NotVerified:
        return QStringLiteral("not-verified");
    case Outcome::ReferredToSecondary:
        return QStringLiteral("referred-to-secondary");
    }
    return QString();
}

std::optional<AlternateProcedure::Outcome> AlternateProcedure::outcomeFromName(const QString& name)
{
    for (const Outcome outcome : {Outcome::Verified, Outcome::NotVerified, Outcome::ReferredToSecondary}) {
        if (outcomeName(outcome) == name)
            return outcome;
    }
    return std::nullopt;
}

QString AlternateProcedure::checkResultName(CheckResult result)
{
    switch (result) {
    case CheckResult::Passed:
        return QStringLiteral("passed");
    case CheckResult::Failed:
        return QStringLiteral("failed");
    case CheckResult::NotApplicable:
        return QStringLiteral("not-applicable");
    }
    return QString();
}

std::optional<AlternateProcedure::CheckResult> AlternateProcedure::checkResultFromName(const QString& name)
{
    for (const CheckResult result : {CheckResult::Passed, CheckResult::Failed, CheckResult::NotApplicable}) {
        if (checkResultName(result) == name)
            return result;
    }
    return std::nullopt;
}

QString AlternateProcedure::normalizedFlight(const QString& flight)
{
    return Encounter::normalizedFlight(flight);
}

} // namespace fg
