#include "core/workflow/QueueItem.h"

#include "core/storage/EnumNames.h"

namespace fg {
namespace {

constexpr NameTable<SupervisorDecision::Resolution, 4> kResolutions{{
    {SupervisorDecision::Resolution::IdentityConfirmed, "identity-confirmed"},
    {SupervisorDecision::Resolution::SecondaryInspection, "secondary-inspection"},
    {SupervisorDecision::Resolution::SuspectedImpostor, "suspected-impostor"},
    {SupervisorDecision::Resolution::CaptureProblem, "capture-problem"},
}};
static_assert(listsEveryValueInOrder(kResolutions));
constexpr NameTable<QueueItem::Reason, 5> kReasons{{
    {QueueItem::Reason::NoMatch, "no-match"},
    {QueueItem::Reason::PoorQuality, "poor-quality"},
    {QueueItem::Reason::Override, "override"},
    {QueueItem::Reason::DocumentNotGenuine, "document-not-genuine"},
    {QueueItem::Reason::PresentationAttack, "presentation-attack"},
}};
static_assert(listsEveryValueInOrder(kReasons));
constexpr NameTable<QueueItem::State, 3> kStates{{
    {QueueItem::State::Open, "open"},
    {QueueItem::State::Claimed, "claimed"},
    {QueueItem::State::Resolved, "resolved"},
}};
static_assert(listsEveryValueInOrder(kStates));

} // namespace

QString SupervisorDecision::resolutionName(Resolution resolution)
{
    return nameIn(kResolutions, resolution);
}

std::optional<SupervisorDecision::Resolution> SupervisorDecision::resolutionFromName(const QString& name)
{
    return valueIn(kResolutions, name);
}

QString QueueItem::reasonName(Reason reason)
{
    return nameIn(kReasons, reason);
}

std::optional<QueueItem::Reason> QueueItem::reasonFromName(const QString& name)
{
    return valueIn(kReasons, name);
}

QString QueueItem::stateName(State state)
{
    return nameIn(kStates, state);
}

std::optional<QueueItem::State> QueueItem::stateFromName(const QString& name)
{
    return valueIn(kStates, name);
}

} // namespace fg
