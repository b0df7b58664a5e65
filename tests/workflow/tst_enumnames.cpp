// The names the records store for every enum (EnumNames): written once per
// enum, read both ways, exact. They are pinned here: a renamed value would
// orphan every row, audit event and API answer that already carries the old name.
#include "core/security/Role.h"
#include "core/workflow/AlternateProcedure.h"
#include "core/workflow/Encounter.h"
#include "core/workflow/QueueItem.h"
#include "core/workflow/RetentionPolicy.h"

#include <QSet>
#include <QTest>

#include <functional>
#include <initializer_list>

using namespace fg;

namespace {

// Every value names itself, the name reads back to it, the names are
// distinct and as pinned, and nothing else reads as a value.
template <typename Enum>
void checkNames(std::initializer_list<std::pair<Enum, const char*>> expected, std::function<QString(Enum)> nameOf,
                std::function<std::optional<Enum>(const QString&)> fromName)
{
    QSet<QString> seen;
    for (const auto& [value, name] : expected) {
        QCOMPARE(nameOf(value), QString::fromLatin1(name));
        QCOMPARE(fromName(QString::fromLatin1(name)), std::optional(value));
        QVERIFY(!seen.contains(nameOf(value)));
        seen.insert(nameOf(value));
        QCOMPARE(fromName(QString::fromLatin1(name).toUpper()), std::nullopt); // exact, case included
        QCOMPARE(fromName(QStringLiteral(" ") + QString::fromLatin1(name)), std::nullopt);
    }
    for (const QString& other : {QString(), QStringLiteral("unknown"), QStringLiteral("0")})
        QCOMPARE(fromName(other), std::nullopt);
}

} // namespace

class TestEnumNames : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void encounter()
    {
        using E = Encounter;
        checkNames<E::Kind>({{E::Kind::Entry, "entry"}, {E::Kind::Exit, "exit"}, {E::Kind::Checkpoint, "checkpoint"}},
                            &E::kindName, &E::kindFromName);
        checkNames<E::Mode>({{E::Mode::Biometric, "biometric"}, {E::Mode::Alternate, "alternate"}}, &E::modeName,
                            &E::modeFromName);
        checkNames<E::Decision>({{E::Decision::Match, "match"},
                                 {E::Decision::NoMatch, "no-match"},
                                 {E::Decision::NoFace, "no-face"},
                                 {E::Decision::PoorQuality, "poor-quality"}},
                                &E::decisionName, &E::decisionFromName);
        checkNames<E::OfficerAction>({{E::OfficerAction::Confirm, "confirm"},
                                      {E::OfficerAction::Override, "override"},
                                      {E::OfficerAction::SendToSecondary, "send-to-secondary"}},
                                     &E::officerActionName, &E::officerActionFromName);
    }

    void queue()
    {
        using R = SupervisorDecision::Resolution;
        checkNames<R>({{R::IdentityConfirmed, "identity-confirmed"},
                       {R::SecondaryInspection, "secondary-inspection"},
                       {R::SuspectedImpostor, "suspected-impostor"},
                       {R::CaptureProblem, "capture-problem"}},
                      &SupervisorDecision::resolutionName, &SupervisorDecision::resolutionFromName);
        checkNames<QueueItem::Reason>({{QueueItem::Reason::NoMatch, "no-match"},
                                       {QueueItem::Reason::PoorQuality, "poor-quality"},
                                       {QueueItem::Reason::Override, "override"},
                                       {QueueItem::Reason::DocumentNotGenuine, "document-not-genuine"},
                                       {QueueItem::Reason::PresentationAttack, "presentation-attack"}},
                                      &QueueItem::reasonName, &QueueItem::reasonFromName);
        checkNames<QueueItem::State>({{QueueItem::State::Open, "open"},
                                      {QueueItem::State::Claimed, "claimed"},
                                      {QueueItem::State::Resolved, "resolved"}},
                                     &QueueItem::stateName, &QueueItem::stateFromName);
    }

    void alternateProcedure()
    {
        using A = AlternateProcedure;
        checkNames<A::Outcome>({{A::Outcome::Verified, "verified"},
                                {A::Outcome::NotVerified, "not-verified"},
                                {A::Outcome::ReferredToSecondary, "referred-to-secondary"}},
                               &A::outcomeName, &A::outcomeFromName);
        checkNames<A::CheckResult>({{A::CheckResult::Passed, "passed"},
                                    {A::CheckResult::Failed, "failed"},
                                    {A::CheckResult::NotApplicable, "not-applicable"}},
                                   &A::checkResultName, &A::checkResultFromName);
    }

    void retentionAndRoles()
    {
        using Rule = RetentionPolicy::Rule;
        checkNames<Rule>({{Rule::UsCitizenOrExempt, "us-citizen-or-exempt-12h"}, {Rule::InScope, "in-scope-14d"}},
                         &RetentionPolicy::ruleName, &RetentionPolicy::ruleFromName);
        checkNames<Role>({{Role::Officer, "officer"},
                          {Role::CheckpointOfficer, "checkpoint-officer"},
                          {Role::Supervisor, "supervisor"},
                          {Role::Auditor, "auditor"},
                          {Role::Admin, "admin"}},
                         &roleName, &roleFromName);
        QCOMPARE(roleNames(), QStringList({QStringLiteral("officer"), QStringLiteral("checkpoint-officer"),
                                           QStringLiteral("supervisor"), QStringLiteral("auditor"), QStringLiteral("admin")}));
    }
};

QTEST_GUILESS_MAIN(TestEnumNames)
#include "tst_enumnames.moc"
