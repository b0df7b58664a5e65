#include "core/workflow/Encounter.h"

#include "core/storage/EnumNames.h"

namespace fg {
namespace {

constexpr NameTable<Encounter::Kind, 3> kKinds{{
    {Encounter::Kind::Entry, "entry"},
    {Encounter::Kind::Exit, "exit"},
    {Encounter::Kind::Checkpoint, "checkpoint"},
}};
static_assert(listsEveryValueInOrder(kKinds));
constexpr NameTable<Encounter::Mode, 2> kModes{{
    {Encounter::Mode::Biometric, "biometric"},
    {Encounter::Mode::Alternate, "alternate"},
}};
static_assert(listsEveryValueInOrder(kModes));
constexpr NameTable<Encounter::Decision, 4> kDecisions{{
    {Encounter::Decision::Match, "match"},
    {Encounter::Decision::NoMatch, "no-match"},
    {Encounter::Decision::NoFace, "no-face"},
    {Encounter::Decision::PoorQuality, "poor-quality"},
}};
static_assert(listsEveryValueInOrder(kDecisions));
constexpr NameTable<Encounter::OfficerAction, 3> kOfficerActions{{
    {Encounter::OfficerAction::Confirm, "confirm"},
    {Encounter::OfficerAction::Override, "override"},
    {Encounter::OfficerAction::SendToSecondary, "send-to-secondary"},
}};
static_assert(listsEveryValueInOrder(kOfficerActions));

} // namespace

QString Encounter::kindName(Kind kind)
{
    return nameIn(kKinds, kind);
}

QString Encounter::modeName(Mode mode)
{
    return nameIn(kModes, mode);
}

QString Encounter::decisionName(Decision decision)
{
    return nameIn(kDecisions, decision);
}

QString Encounter::officerActionName(OfficerAction action)
{
    return nameIn(kOfficerActions, action);
}

std::optional<Encounter::Kind> Encounter::kindFromName(const QString& name)
{
    return valueIn(kKinds, name);
}

std::optional<Encounter::Mode> Encounter::modeFromName(const QString& name)
{
    return valueIn(kModes, name);
}

std::optional<Encounter::Decision> Encounter::decisionFromName(const QString& name)
{
    return valueIn(kDecisions, name);
}

std::optional<Encounter::OfficerAction> Encounter::officerActionFromName(const QString& name)
{
    return valueIn(kOfficerActions, name);
}

QString Encounter::normalizedFlight(const QString& flight)
{
    QString result;
    for (const QChar c : flight) {
        if (!c.isSpace())
            result.append(c.toUpper());
    }
    return result;
}

} // namespace fg
