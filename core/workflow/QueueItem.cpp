#include "core/workflow/QueueItem.h"

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

const SupervisorDecision::Resolution kResolutions[] = {
    SupervisorDecision::Resolution::IdentityConfirmed, SupervisorDecision::Resolution::SecondaryInspection,
    SupervisorDecision::Resolution::SuspectedImpostor, SupervisorDecision::Resolution::CaptureProblem};
const QueueItem::Reason kReasons[] = {QueueItem::Reason::NoMatch, QueueItem::Reason::PoorQuality,
                                      QueueItem::Reason::Override};
const QueueItem::State kStates[] = {QueueItem::State::Open, QueueItem::State::Claimed, QueueItem::State::Resolved};

} // namespace

QString SupervisorDecision::resolutionName(Resolution resolution)
{
    switch (resolution) {
    case Resolution::IdentityConfirmed:
        return QStringLiteral("identity-confirmed");
    case Resolution::SecondaryInspection:
        return QStringLiteral("secondary-inspection");
    case Resolution::SuspectedImpostor:
        return QStringLiteral("suspected-impostor");
    case Resolution::CaptureProblem:
        return QStringLiteral("capture-problem");
    }
    return QString();
}

std::optional<SupervisorDecision::Resolution> SupervisorDecision::resolutionFromName(const QString& name)
{
    return fromName(name, kResolutions, &SupervisorDecision::resolutionName);
}

QString QueueItem::reasonName(Reason reason)
{
    switch (reason) {
    case Reason::NoMatch:
        return QStringLiteral("no-match");
    case Reason::PoorQuality:
        return QStringLiteral("poor-quality");
    case Reason::Override:
        return QStringLiteral("override");
    }
    return QString();
}

std::optional<QueueItem::Reason> QueueItem::reasonFromName(const QString& name)
{
    return fromName(name, kReasons, &QueueItem::reasonName);
}

QString QueueItem::stateName(State state)
{
    switch (state) {
    case State::Open:
        return QStringLiteral("open");
    case State::Claimed:
        return QStringLiteral("claimed");
    case State::Resolved:
        return QStringLiteral("resolved");
    }
    return QString();
}

std::optional<QueueItem::State> QueueItem::stateFromName(const QString& name)
{
    return fromName(name, kStates, &QueueItem::stateName);
}

} // namespace fg
