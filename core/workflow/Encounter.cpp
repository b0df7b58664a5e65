#include "core/workflow/Encounter.h"

namespace fg {
namespace {

template <typename Enum, size_t N>
std::optional<Enum> fromName(const QString& name, const Enum (&values)[N], QString (*nameOf)(Enum))
{
    for (const Enum value : values) {
        if (nameOf(value) == name)
            return value;
    }
    return std::nullopt;
}

const Encounter::Kind kKinds[] = {Encounter::Kind::Entry, Encounter::Kind::Exit, Encounter::Kind::Checkpoint};
const Encounter::Mode kModes[] = {Encounter::Mode::Biometric, Encounter::Mode::Alternate};
const Encounter::Decision kDecisions[] = {Encounter::Decision::Match, Encounter::Decision::NoMatch,
                                          Encounter::Decision::NoFace, Encounter::Decision::PoorQuality};
const Encounter::OfficerAction kOfficerActions[] = {Encounter::OfficerAction::Confirm, Encounter::OfficerAction::Override,
                                                    Encounter::OfficerAction::SendToSecondary};

} // namespace

QString Encounter::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Entry:
        return QStringLiteral("entry");
    case Kind::Exit:
        return QStringLiteral("exit");
    case Kind::Checkpoint:
        return QStringLiteral("checkpoint");
    }
    return QString();
}

QString Encounter::modeName(Mode mode)
{
    switch (mode) {
    case Mode::Biometric:
        return QStringLiteral("biometric");
    case Mode::Alternate:
        return QStringLiteral("alternate");
    }
    return QString();
}

QString Encounter::decisionName(Decision decision)
{
    switch (decision) {
    case Decision::Match:
        return QStringLiteral("match");
    case Decision::NoMatch:
        return QStringLiteral("no-match");
    case Decision::NoFace:
        return QStringLiteral("no-face");
    case Decision::PoorQuality:
        return QStringLiteral("poor-quality");
    }
    return QString();
}

QString Encounter::officerActionName(OfficerAction action)
{
    switch (action) {
    case OfficerAction::Confirm:
        return QStringLiteral("confirm");
    case OfficerAction::Override:
        return QStringLiteral("override");
    case OfficerAction::SendToSecondary:
        return QStringLiteral("send-to-secondary");
    }
    return QString();
}

std::optional<Encounter::Kind> Encounter::kindFromName(const QString& name)
{
    return fromName(name, kKinds, &Encounter::kindName);
}

std::optional<Encounter::Mode> Encounter::modeFromName(const QString& name)
{
    return fromName(name, kModes, &Encounter::modeName);
}

std::optional<Encounter::Decision> Encounter::decisionFromName(const QString& name)
{
    return fromName(name, kDecisions, &Encounter::decisionName);
}

std::optional<Encounter::OfficerAction> Encounter::officerActionFromName(const QString& name)
{
    return fromName(name, kOfficerActions, &Encounter::officerActionName);
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
