// EncounterStore::recordOfficerAction: the officer confirms, overrides or
// sends to secondary a biometric encounter's decision, once; an override or a
// referral reaches the supervisor's queue exactly once; every action is an
// audit event; what is refused writes nothing.
#include "core/security/AuditLog.h"
#include "core/security/KeyEncryptionKey.h"
#include "core/security/KeyStore.h"
#include "core/storage/Database.h"
#include "core/workflow/AlternateProcedureStore.h"
#include "core/workflow/EncounterStore.h"
#include "tests/support/ManualClock.h"
#include "tests/support/SealedRecords.h"
#include "tests/support/TestDatabase.h"

#include <QDir>
#include <QTest>

#include <algorithm>
#include <memory>

using namespace fg;

using Action = Encounter::OfficerAction;
using Decision = Encounter::Decision;

Q_DECLARE_METATYPE(std::optional<fg::Encounter::Decision>)
Q_DECLARE_METATYPE(fg::Encounter::OfficerAction)

namespace {

// A database with its audit log, key and stores, as the application wires them.
struct Records : test::SealedRecords {

    qint64 count(const QString& sql, const QVariantList& values = {}) const
    {
        QString error;
        const std::optional<QVariant> value = database->scalar(sql, values, sql, &error);
        if (!value)
            qWarning("%s", qPrintable(error));
        return value ? value->toLongLong() : -1;
    }

    // A biometric encounter as the matcher left it (no photo: none is needed here).
    std::optional<StoredEncounter> add(std::optional<Decision> decision, QString* error)
    {
        Encounter encounter;
        encounter.citizenship = QStringLiteral("FRA");
        encounter.decision = decision;
        encounter.officer = QStringLiteral("jdoe");
        StoredEncounter stored;
        if (!encounters->add(encounter, nullptr, QStringLiteral("officer:jdoe"), error, &stored))
            return std::nullopt;
        return stored;
    }

    // What a refused action must leave as it was.
    QString snapshot(qint64 encounterId) const
    {
        QString error;
        const auto row = database->scalar(
            QStringLiteral("SELECT officer_action || '|' || override_reason || '|' || COALESCE(CAST(decided_at AS TEXT), 'null') "
                           "FROM encounters WHERE id = ?"),
            {encounterId}, QStringLiteral("snapshot"), &error);
        return QStringLiteral("%1 queue=%2 audit=%3")
            .arg(row ? row->toString() : error)
            .arg(count(QStringLiteral("SELECT COUNT(*) FROM queue_items")))
            .arg(count(QStringLiteral("SELECT COUNT(*) FROM audit_events")));
    }

    std::optional<AuditEvent> lastEvent(QString* error) const
    {
        const auto events = audit->events(1, 1000, error);
        if (!events || events->empty())
            return std::nullopt;
        return events->back();
    }

    QString auditProblem() const
    {
        QString error;
        const auto verification = audit->verify(&error);
        if (!verification)
            return error;
        return verification->intact ? QString() : verification->problem;
    }
};

} // namespace

class TestOfficerAction : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { qInfo("back-end: %s", qPrintable(test::TestDatabase::backendName())); }
    void actions_data();
    void actions();
    void overrideNeedsAReason();
    void secondActionIsRefused();
    void unknownEncounterIsRefused();
    void alternateProcedureIsRefused();
    void confirmNeedsADecision();
    void optOutWithdrawsTheCapture();
};

void TestOfficerAction::actions_data()
{
    QTest::addColumn<std::optional<Decision>>("decision");
    QTest::addColumn<Action>("action");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QString>("queueReason"); // the encounter's queue item afterwards; empty: none
    QTest::addColumn<bool>("queuedByAction");
    QTest::newRow("confirm a match") << std::optional(Decision::Match) << Action::Confirm << QString() << QString() << false;
    QTest::newRow("confirm a no-match") << std::optional(Decision::NoMatch) << Action::Confirm << QString()
                                        << QStringLiteral("no-match") << false;
    QTest::newRow("override a doubted match") << std::optional(Decision::Match) << Action::Override
                                              << QStringLiteral("  looks like a twin; passport photo differs ")
                                              << QStringLiteral("override") << true;
    QTest::newRow("override a no-match") << std::optional(Decision::NoMatch) << Action::Override
                                         << QStringLiteral("checked the passport by hand") << QStringLiteral("no-match")
                                         << false;
    QTest::newRow("override a poor-quality") << std::optional(Decision::PoorQuality) << Action::Override
                                             << QStringLiteral("verified by hand") << QStringLiteral("poor-quality") << false;
    QTest::newRow("override a no-face") << std::optional(Decision::NoFace) << Action::Override
                                        << QStringLiteral("verified by hand") << QStringLiteral("override") << true;
    QTest::newRow("override without a decision") << std::optional<Decision>() << Action::Override
                                                 << QStringLiteral("matcher down") << QStringLiteral("override") << true;
    QTest::newRow("secondary, no reason") << std::optional(Decision::Match) << Action::SendToSecondary << QString()
                                          << QStringLiteral("override") << true;
    QTest::newRow("secondary with a reason") << std::optional(Decision::Match) << Action::SendToSecondary
                                             << QStringLiteral("nervous, story does not fit") << QStringLiteral("override")
                                             << true;
    QTest::newRow("secondary after a no-match") << std::optional(Decision::NoMatch) << Action::SendToSecondary
                                                << QString() << QStringLiteral("no-match") << false;
}

void TestOfficerAction::actions()
{
    QFETCH(std::optional<Decision>, decision);
    QFETCH(Action, action);
    QFETCH(QString, reason);
    QFETCH(QString, queueReason);
    QFETCH(bool, queuedByAction);
    Records records;
    QString error;
    QVERIFY2(records.open(&error), qPrintable(error));
    const auto stored = records.add(decision, &error);
    QVERIFY2(stored, qPrintable(error));
    // Another encounter, to see that only this one is touched.
    const auto other = records.add(Decision::Match, &error);
    QVERIFY2(other, qPrintable(error));
    records.clock.advanceSeconds(42);

    qint64 queueItem = -1;
    QVERIFY2(records.encounters->recordOfficerAction(stored->id, action, reason, QStringLiteral("officer:kim"), &error, &queueItem),
             qPrintable(error));

    const auto found = records.encounters->find(stored->id, &error);
    QVERIFY2(found, qPrintable(error));
    QCOMPARE(found->officerAction, std::optional(action));
    QCOMPARE(found->overrideReason, reason.trimmed());
    QCOMPARE(found->decidedAt, records.clock.now());
    QCOMPARE(found->decision, decision); // the matcher's decision stays as it was
    const auto untouched = records.encounters->find(other->id, &error);
    QVERIFY2(untouched, qPrintable(error));
    QCOMPARE(untouched->officerAction, std::nullopt);

    // The queue: at most one item for the encounter, the one added with it kept.
    QCOMPARE(records.count(QStringLiteral("SELECT COUNT(*) FROM queue_items WHERE encounter_id = ?"), {stored->id}),
             queueReason.isEmpty() ? 0 : 1);
    if (queueReason.isEmpty()) {
        QCOMPARE(queueItem, 0);
    } else {
        QCOMPARE(records.count(QStringLiteral("SELECT COUNT(*) FROM queue_items WHERE id = ? AND encounter_id = ? AND "
                                              "reason = ? AND state = 'open'"),
                               {queueItem, stored->id, queueReason}),
                 1);
        if (!queuedByAction)
            QCOMPARE(queueItem, stored->queueItemId);
    }

    const auto event = records.lastEvent(&error);
    QVERIFY2(event, qPrintable(error));
    QCOMPARE(event->action, QStringLiteral("encounter.action"));
    QCOMPARE(event->actor, QStringLiteral("officer:kim"));
    QCOMPARE(event->subject, QStringLiteral("encounter:%1").arg(stored->id));
    QCOMPARE(event->details.value(QStringLiteral("action")).toString(), Encounter::officerActionName(action));
    QCOMPARE(event->details.value(QStringLiteral("reason")).toString(), reason.trimmed());
    QCOMPARE(event->details.value(QStringLiteral("decision")).toString(),
             decision ? Encounter::decisionName(*decision) : QString());
    if (queueReason.isEmpty()) {
        QVERIFY(event->details.value(QStringLiteral("queue_item")).isNull());
    } else {
        QCOMPARE(event->details.value(QStringLiteral("queue_item")).toInteger(), queueItem);
        QCOMPARE(event->details.value(QStringLiteral("queued")).toString(),
                 queuedByAction ? QStringLiteral("new") : QStringLiteral("already"));
    }
    QCOMPARE(records.auditProblem(), QString());
}

void TestOfficerAction::overrideNeedsAReason()
{
    Records records;
    QString error;
    QVERIFY2(records.open(&error), qPrintable(error));
    const auto stored = records.add(Decision::Match, &error);
    QVERIFY2(stored, qPrintable(error));
    const QString before = records.snapshot(stored->id);
    for (const QString& reason : {QString(), QStringLiteral(" \t\n")}) {
        QVERIFY(!records.encounters->recordOfficerAction(stored->id, Action::Override, reason, QStringLiteral("officer:kim"), &error));
        QVERIFY2(error.contains(QStringLiteral("override of encounter %1 needs a reason").arg(stored->id)), qPrintable(error));
        QCOMPARE(records.snapshot(stored->id), before);
    }
    QVERIFY2(records.encounters->recordOfficerAction(stored->id, Action::Override, QStringLiteral("doubt"),
                                                QStringLiteral("officer:kim"), &error),
             qPrintable(error));
}

void TestOfficerAction::secondActionIsRefused()
{
    Records records;
    QString error;
    QVERIFY2(records.open(&error), qPrintable(error));
    const auto stored = records.add(Decision::Match, &error);
    QVERIFY2(stored, qPrintable(error));
    QVERIFY2(records.encounters->recordOfficerAction(stored->id, Action::Confirm, QString(), QStringLiteral("officer:kim"), &error),
             qPrintable(error));
    const QString before = records.snapshot(stored->id);
    const QDateTime decidedAt = records.clock.now();
    records.clock.advanceSeconds(60);
    for (const Action second : {Action::Confirm, Action::Override, Action::SendToSecondary}) {
        QVERIFY(!records.encounters->recordOfficerAction(stored->id, second, QStringLiteral("changed my mind"),
                                                    QStringLiteral("officer:lee"), &error));
        QVERIFY2(error.contains(QStringLiteral("encounter %1 was already decided: confirm at %2")
                                    .arg(stored->id)
                                    .arg(decidedAt.toString(Qt::ISODateWithMs))),
                 qPrintable(error));
        QCOMPARE(records.snapshot(stored->id), before);
    }
    QCOMPARE(records.auditProblem(), QString());
}

void TestOfficerAction::unknownEncounterIsRefused()
{
    Records records;
    QString error;
    QVERIFY2(records.open(&error), qPrintable(error));
    const qint64 events = records.count(QStringLiteral("SELECT COUNT(*) FROM audit_events"));
    QVERIFY(!records.encounters->recordOfficerAction(987654, Action::Confirm, QString(), QStringLiteral("officer:kim"), &error));
    QVERIFY2(error.contains(QStringLiteral("there is no encounter 987654")), qPrintable(error));
    QCOMPARE(records.count(QStringLiteral("SELECT COUNT(*) FROM audit_events")), events);
    QCOMPARE(records.count(QStringLiteral("SELECT COUNT(*) FROM queue_items")), 0);
    // The connection is usable afterwards: no transaction was left open.
    const auto stored = records.add(Decision::Match, &error);
    QVERIFY2(stored, qPrintable(error));
    QVERIFY2(records.encounters->recordOfficerAction(stored->id, Action::Confirm, QString(), QStringLiteral("officer:kim"), &error),
             qPrintable(error));
}

void TestOfficerAction::alternateProcedureIsRefused()
{
    Records records;
    QString error;
    QVERIFY2(records.open(&error), qPrintable(error));
    AlternateProcedureStore alternates(*records.database, *records.audit, records.clock);
    AlternateProcedure procedure;
    procedure.officer = QStringLiteral("jdoe");
    procedure.citizenship = QStringLiteral("USA");
    procedure.document = {QStringLiteral("passport"), QStringLiteral("L898902C3"), QStringLiteral("USA"), QDate(), QString()};
    procedure.checks = {{QStringLiteral("laminate-intact"), AlternateProcedure::CheckResult::Passed}};
    const auto logged = alternates.record(procedure, QStringLiteral("officer:jdoe"), &error);
    QVERIFY2(logged, qPrintable(error));
    const QString before = records.snapshot(logged->encounterId);
    QVERIFY(!records.encounters->recordOfficerAction(logged->encounterId, Action::Override, QStringLiteral("x"),
                                                QStringLiteral("officer:kim"), &error));
    QVERIFY2(error.contains(QStringLiteral("encounter %1 is an alternate procedure").arg(logged->encounterId)),
             qPrintable(error));
    QCOMPARE(records.snapshot(logged->encounterId), before);
    // find() reads the alternate encounter: no decision, no action.
    const auto found = records.encounters->find(logged->encounterId, &error);
    QVERIFY2(found, qPrintable(error));
    QCOMPARE(found->mode, Encounter::Mode::Alternate);
    QCOMPARE(found->decision, std::nullopt);
    QCOMPARE(found->officerAction, std::nullopt);
}

void TestOfficerAction::confirmNeedsADecision()
{
    Records records;
    QString error;
    QVERIFY2(records.open(&error), qPrintable(error));
    const auto stored = records.add(std::nullopt, &error);
    QVERIFY2(stored, qPrintable(error));
    const QString before = records.snapshot(stored->id);
    QVERIFY(!records.encounters->recordOfficerAction(stored->id, Action::Confirm, QString(), QStringLiteral("officer:kim"), &error));
    QVERIFY2(error.contains(QStringLiteral("encounter %1 has no decision to confirm").arg(stored->id)), qPrintable(error));
    QCOMPARE(records.snapshot(stored->id), before);
    QCOMPARE(records.auditProblem(), QString());
}

// A traveler who declines after the photo was taken: the capture's photo
// and template go now, each with a deletion record under the opt-out rule;
// the encounter stays; another traveler's biometrics are untouched.
void TestOfficerAction::optOutWithdrawsTheCapture()
{
    Records records;
    QString error;
    QVERIFY2(records.open(&error), qPrintable(error));
    const auto addWithSample = [&]() -> std::optional<StoredEncounter> {
        Encounter encounter;
        encounter.citizenship = QStringLiteral("USA");
        encounter.decision = Decision::Match;
        BiometricSample sample;
        sample.photo = QByteArray(2048, 'p');
        sample.format = QStringLiteral("jpeg");
        sample.faceTemplate = Template(QStringLiteral("test-model"), std::vector<float>(Template::kDimension, 0.25f));
        StoredEncounter stored;
        if (!records.encounters->add(encounter, &sample, QStringLiteral("officer:jdoe"), &error, &stored))
            return std::nullopt;
        return stored;
    };
    const auto declined = addWithSample();
    QVERIFY2(declined, qPrintable(error));
    const auto other = addWithSample();
    QVERIFY2(other, qPrintable(error));
    QCOMPARE(records.count(QStringLiteral("SELECT COUNT(*) FROM photos")), 2);
    QCOMPARE(records.count(QStringLiteral("SELECT COUNT(*) FROM templates")), 2);

    int deleted = -1;
    QVERIFY2(records.encounters->withdrawBiometrics(declined->id, QStringLiteral("officer:jdoe"), &error, &deleted),
             qPrintable(error));
    QCOMPARE(deleted, 2);
    const QVariantList id{declined->id};
    QCOMPARE(records.count(QStringLiteral("SELECT COUNT(*) FROM photos WHERE encounter_id = ?"), id), 0);
    QCOMPARE(records.count(QStringLiteral("SELECT COUNT(*) FROM templates WHERE encounter_id = ?"), id), 0);
    QCOMPARE(records.count(QStringLiteral("SELECT COUNT(*) FROM encounters WHERE id = ?"), id), 1);
    QCOMPARE(records.count(QStringLiteral("SELECT COUNT(*) FROM deletions WHERE encounter_id = ? AND rule = ? "
                                          "AND deleted_by = 'officer:jdoe' AND record_id IN (?, ?)"),
                           {declined->id, QString::fromLatin1(EncounterStore::kOptOutRule), declined->photoId,
                            declined->templateId}),
             2);
    QCOMPARE(records.count(QStringLiteral("SELECT COUNT(*) FROM deletions WHERE record_id = ? AND role = 'capture'"),
                           {declined->photoId}),
             1);
    QCOMPARE(records.count(QStringLiteral("SELECT COUNT(*) FROM deletions WHERE record_id = ? AND role IS NULL"),
                           {declined->templateId}),
             1);
    QCOMPARE(records.count(QStringLiteral("SELECT COUNT(*) FROM photos")), 1); // the other traveler's
    bool purged = false;
    QVERIFY(!records.encounters->photo(declined->id, {QStringLiteral("officer:jdoe"), QStringLiteral("test")}, &purged, &error));
    QVERIFY(purged);
    QVERIFY2(error.contains(QString::fromLatin1(EncounterStore::kOptOutRule)), qPrintable(error));
    const auto event = records.lastEvent(&error);
    QVERIFY2(event, qPrintable(error));
    QCOMPARE(event->action, QStringLiteral("encounter.withdraw"));
    QCOMPARE(event->subject, QStringLiteral("encounter:%1").arg(declined->id));
    QVERIFY2(records.auditProblem().isEmpty(), qPrintable(records.auditProblem()));

    // Again: nothing left to delete, not an error; an unknown encounter is.
    QVERIFY2(records.encounters->withdrawBiometrics(declined->id, QStringLiteral("officer:jdoe"), &error, &deleted),
             qPrintable(error));
    QCOMPARE(deleted, 0);
    QVERIFY(!records.encounters->withdrawBiometrics(987654, QStringLiteral("officer:jdoe"), &error));
    QVERIFY2(error.contains(QStringLiteral("no encounter 987654")), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestOfficerAction)
#include "tst_officeraction.moc"
