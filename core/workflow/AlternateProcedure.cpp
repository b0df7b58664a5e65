#include "core/workflow/AlternateProcedure.h"

#include "core/storage/EnumNames.h"

#include <QCoreApplication>
#include <QSet>

#include <algorithm>

namespace fg {
namespace {

constexpr NameTable<AlternateProcedure::Outcome, 3> kOutcomes{{
    {AlternateProcedure::Outcome::Verified, "verified"},
    {AlternateProcedure::Outcome::NotVerified, "not-verified"},
    {AlternateProcedure::Outcome::ReferredToSecondary, "referred-to-secondary"},
}};
static_assert(listsEveryValueInOrder(kOutcomes));
constexpr NameTable<AlternateProcedure::CheckResult, 3> kCheckResults{{
    {AlternateProcedure::CheckResult::Passed, "passed"},
    {AlternateProcedure::CheckResult::Failed, "failed"},
    {AlternateProcedure::CheckResult::NotApplicable, "not-applicable"},
}};
static_assert(listsEveryValueInOrder(kCheckResults));

} // namespace

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
    return nameIn(kOutcomes, outcome);
}

std::optional<AlternateProcedure::Outcome> AlternateProcedure::outcomeFromName(const QString& name)
{
    return valueIn(kOutcomes, name);
}

QString AlternateProcedure::checkResultName(CheckResult result)
{
    return nameIn(kCheckResults, result);
}

std::optional<AlternateProcedure::CheckResult> AlternateProcedure::checkResultFromName(const QString& name)
{
    return valueIn(kCheckResults, name);
}

QString AlternateProcedure::normalizedFlight(const QString& flight)
{
    return Encounter::normalizedFlight(flight);
}

} // namespace fg
