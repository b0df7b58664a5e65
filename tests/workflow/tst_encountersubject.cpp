// Whose photo an encounter keeps, and so its retention rule, for the desk
// and for partner submissions alike (recordedCitizenship, then
// RetentionPolicy::ruleFor): every citizenship / exemption / decision /
// mode case, without models or the clip. Opt-outs are not here: an opt-out
// deletes the photo at once (EncounterStore::withdraw, kOptOutRule).
#include "core/workflow/EncounterSubject.h"
#include "core/workflow/RetentionPolicy.h"

#include <QTest>

using namespace fg;
using Decision = Encounter::Decision;
using Mode = Inspection::Mode;
using Rule = RetentionPolicy::Rule;

Q_DECLARE_METATYPE(Decision)
Q_DECLARE_METATYPE(Mode)
Q_DECLARE_METATYPE(Rule)

namespace {

MatchOutcome outcomeOf(Decision decision, const QString& referenceCitizenship, bool hasReference = true)
{
    MatchOutcome outcome;
    outcome.decision = decision;
    if (hasReference)
        outcome.reference = ReferencePerson{QStringLiteral("T-1"), QStringLiteral("A Traveler"), referenceCitizenship,
                                            QStringLiteral("P1"), QString()};
    return outcome;
}

} // namespace

class TestEncounterSubject : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void everyCase_data()
    {
        QTest::addColumn<QString>("declared");
        QTest::addColumn<Decision>("decision");
        QTest::addColumn<Mode>("mode");
        QTest::addColumn<QString>("reference");
        QTest::addColumn<bool>("hasReference");
        QTest::addColumn<bool>("exempt");
        QTest::addColumn<QString>("citizenship");
        QTest::addColumn<Rule>("rule");
        const Rule shortRule = Rule::UsCitizenOrExempt;
        const Rule longRule = Rule::InScope;
        // The desk (nothing declared).
        QTest::newRow("desk 1:N match, French") << "" << Decision::Match << Mode::OneToMany << "FRA" << true << false << "FRA" << longRule;
        QTest::newRow("desk 1:N match, U.S.") << "" << Decision::Match << Mode::OneToMany << "USA" << true << false << "USA" << shortRule;
        QTest::newRow("desk 1:N match, exempt") << "" << Decision::Match << Mode::OneToMany << "FRA" << true << true << "FRA" << shortRule;
        QTest::newRow("desk 1:N match, no nationality") << "" << Decision::Match << Mode::OneToMany << "" << true << false << "XXX" << shortRule;
        QTest::newRow("desk 1:N no match: someone else's") << "" << Decision::NoMatch << Mode::OneToMany << "FRA" << true << false << "XXX" << shortRule;
        QTest::newRow("desk 1:N poor quality") << "" << Decision::PoorQuality << Mode::OneToMany << "FRA" << true << false << "XXX" << shortRule;
        QTest::newRow("desk 1:N no face") << "" << Decision::NoFace << Mode::OneToMany << "" << false << false << "XXX" << shortRule;
        QTest::newRow("desk 1:1 match, document FRA") << "" << Decision::Match << Mode::OneToOne << "FRA" << true << false << "FRA" << longRule;
        QTest::newRow("desk 1:1 no match, document FRA") << "" << Decision::NoMatch << Mode::OneToOne << "FRA" << true << false << "FRA" << longRule;
        QTest::newRow("desk 1:1 no match, document USA") << "" << Decision::NoMatch << Mode::OneToOne << "USA" << true << false << "USA" << shortRule;
        QTest::newRow("desk 1:1, document without nationality") << "" << Decision::Match << Mode::OneToOne << "" << true << false << "XXX" << shortRule;
        QTest::newRow("no reference chosen") << "" << Decision::NoFace << Mode::None << "" << false << false << "XXX" << shortRule;
        // A partner's submission: what it declares wins.
        QTest::newRow("partner verify, declared FRA") << "FRA" << Decision::Match << Mode::OneToOne << "FRA" << true << false << "FRA" << longRule;
        QTest::newRow("partner verify, declared USA") << "USA" << Decision::NoMatch << Mode::OneToOne << "USA" << true << false << "USA" << shortRule;
        QTest::newRow("partner verify, nothing declared") << "" << Decision::Match << Mode::OneToOne << "" << true << false << "XXX" << shortRule;
        QTest::newRow("partner identify, declared DEU, matched a French") << "DEU" << Decision::Match << Mode::OneToMany << "FRA" << true << false << "DEU" << longRule;
        QTest::newRow("partner identify, nothing declared, match") << "" << Decision::Match << Mode::OneToMany << "GBR" << true << false << "GBR" << longRule;
        QTest::newRow("partner identify, nothing declared, no match") << "" << Decision::NoMatch << Mode::OneToMany << "GBR" << true << false << "XXX" << shortRule;
        QTest::newRow("partner, declared, exempt") << "FRA" << Decision::Match << Mode::OneToOne << "FRA" << true << true << "FRA" << shortRule;
        QTest::newRow("partner, declared XXX") << "XXX" << Decision::Match << Mode::OneToMany << "FRA" << true << false << "XXX" << shortRule;
    }

    void everyCase()
    {
        QFETCH(QString, declared);
        QFETCH(Decision, decision);
        QFETCH(Mode, mode);
        QFETCH(QString, reference);
        QFETCH(bool, hasReference);
        QFETCH(bool, exempt);
        QFETCH(QString, citizenship);
        QFETCH(Rule, rule);
        const QString recorded = recordedCitizenship(declared, outcomeOf(decision, reference, hasReference), mode);
        QCOMPARE(recorded, citizenship);
        QCOMPARE(RetentionPolicy::ruleFor(recorded, exempt), rule);
    }
};

QTEST_GUILESS_MAIN(TestEncounterSubject)
#include "tst_encountersubject.moc"
