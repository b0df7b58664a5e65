// ReviewQueue's workflow: a claim that exactly one of two supervisors (two
// connections, two threads) wins; resolve only by the claimer, once, with a
// note; stale claims taken over; release; roles enforced; the review of an
// item whose photos were purged; every action audited and a refused one
// leaving nothing behind. (Search, count and sort: tst_reviewqueuesearch.)
#include "tests/support/TestAuditKey.h"
#include "tests/workflow/ReviewQueueFixture.h"

using namespace fg;
using namespace fg::test::queue;

class TestReviewQueue : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { qInfo("back-end: %s", qPrintable(test::TestDatabase::backendName())); }
    void oneOfTwoConnectionsWinsTheClaim();
    void concurrentClaimsHaveOneWinner();
    void resolveOnlyWhatYouHold();
    void staleClaimIsTakenOver();
    void releaseGivesTheItemBack();
    void rolesAreEnforced();
    void reviewShowsPurgedPhotos();
};

void TestReviewQueue::oneOfTwoConnectionsWinsTheClaim()
{
    Records records;
    QString error;
    QVERIFY2(records.open(&error), qPrintable(error));
    const auto item = records.add(kSeeds.front(), &error);
    QVERIFY2(item && *item > 0, qPrintable(error));
    const std::unique_ptr<Database> second = records.target.open(&error);
    QVERIFY2(second, qPrintable(error));
    const AuditLog secondAudit(*second, records.clock, fg::test::auditKey());
    const ReviewQueue secondQueue(*second, secondAudit, records.clock);

    records.clock.advanceSeconds(600);
    const QDateTime claimedAt = records.clock.now();
    QVERIFY2(records.queue->claim(*item, kSup1, &error), qPrintable(error));
    records.clock.advanceSeconds(5);
    const QString before = records.snapshot();
    QVERIFY(!secondQueue.claim(*item, kSup2, &error));
    QVERIFY2(error.contains(QStringLiteral("claimed by sup1 since %1").arg(iso(claimedAt))), qPrintable(error));
    QCOMPARE(records.snapshot(), before);
    // The second connection sees the claim, and sup1 can claim again (renewed).
    const auto seen = secondQueue.find(*item, kSup2, &error);
    QVERIFY2(seen, qPrintable(error));
    QCOMPARE(seen->state, State::Claimed);
    QCOMPARE(seen->claimedBy, QStringLiteral("sup1"));
    QCOMPARE(seen->claimedAt, claimedAt);
    QVERIFY2(secondQueue.claim(*item, kSup1, &error), qPrintable(error));
    const auto renewed = records.lastEvent(&error);
    QVERIFY2(renewed, qPrintable(error));
    QCOMPARE(renewed->action, QStringLiteral("queue.claim"));
    QVERIFY(renewed->details.value(QStringLiteral("renewed")).toBool());
    QCOMPARE(records.count(QStringLiteral("SELECT claimed_at FROM queue_items WHERE id = ?"), {*item}),
             records.clock.nowMs());
    QCOMPARE(records.events(QStringLiteral("queue.claim")), 2);
    QCOMPARE(records.auditProblem(), QString());
}

// Both supervisors claim the same items at the same moment, each on its own
// connection in its own thread: every item has exactly one winner, and each
// loser is told who won.
void TestReviewQueue::concurrentClaimsHaveOneWinner()
{
    Records records;
    QString error;
    QVERIFY2(records.open(&error), qPrintable(error));
    std::vector<qint64> items;
    for (int i = 0; i < 8; ++i) {
        Seed seed = kSeeds.front();
        seed.minutes = i;
        const auto item = records.add(seed, &error);
        QVERIFY2(item && *item > 0, qPrintable(error));
        items.push_back(*item);
    }
    struct Outcome {
        QString openError;
        std::vector<bool> won;
        std::vector<QString> errors;
    };
    Outcome outcomes[2];
    std::latch ready(2);
    const auto work = [&](int which) {
        Outcome& outcome = outcomes[which];
        const UserAccount& user = which == 0 ? kSup1 : kSup2;
        std::unique_ptr<Database> database = records.target.open(&outcome.openError);
        ready.arrive_and_wait();
        if (!database)
            return;
        const AuditLog audit(*database, records.clock, fg::test::auditKey());
        const ReviewQueue queue(*database, audit, records.clock);
        for (const qint64 item : items) {
            QString why;
            outcome.won.push_back(queue.claim(item, user, &why));
            outcome.errors.push_back(why);
        }
    };
    std::thread first(work, 0);
    std::thread second(work, 1);
    first.join();
    second.join();
    for (const Outcome& outcome : outcomes) {
        QVERIFY2(outcome.openError.isEmpty(), qPrintable(outcome.openError));
        QCOMPARE(outcome.won.size(), items.size());
    }
    for (size_t i = 0; i < items.size(); ++i) {
        QVERIFY2(outcomes[0].won[i] != outcomes[1].won[i],
                 qPrintable(QStringLiteral("item %1: %2 / %3").arg(items[i]).arg(outcomes[0].errors[i], outcomes[1].errors[i])));
        const QString winner = outcomes[0].won[i] ? QStringLiteral("sup1") : QStringLiteral("sup2");
        const QString loserError = outcomes[0].won[i] ? outcomes[1].errors[i] : outcomes[0].errors[i];
        QVERIFY2(loserError.contains(QStringLiteral("claimed by %1").arg(winner)), qPrintable(loserError));
        QCOMPARE(records.count(QStringLiteral("SELECT COUNT(*) FROM queue_items WHERE id = ? AND state = 'claimed' "
                                              "AND claimed_by = ?"),
                               {items[i], winner}),
                 1);
    }
    QCOMPARE(records.events(QStringLiteral("queue.claim")), qint64(items.size()));
    QCOMPARE(records.auditProblem(), QString());
}

void TestReviewQueue::resolveOnlyWhatYouHold()
{
    Records records;
    QString error;
    QVERIFY2(records.open(&error), qPrintable(error));
    const auto item = records.add(kSeeds.front(), &error);
    QVERIFY2(item && *item > 0, qPrintable(error));
    const QString note = QStringLiteral("checked the passport by hand");

    // Not claimed: refused, nothing written.
    QString before = records.snapshot();
    QCOMPARE(records.queue->resolve(*item, Resolution::IdentityConfirmed, note, kSup1, &error), std::nullopt);
    QVERIFY2(error.contains(QStringLiteral("not claimed")), qPrintable(error));
    QCOMPARE(records.snapshot(), before);

    // Claimed by another: refused, naming the holder.
    records.clock.advanceSeconds(60);
    const QDateTime claimedAt = records.clock.now();
    QVERIFY2(records.queue->claim(*item, kSup1, &error), qPrintable(error));
    before = records.snapshot();
    QCOMPARE(records.queue->resolve(*item, Resolution::IdentityConfirmed, note, kSup2, &error), std::nullopt);
    QVERIFY2(error.contains(QStringLiteral("claimed by sup1 since %1").arg(iso(claimedAt))), qPrintable(error));
    QCOMPARE(records.snapshot(), before);

    // A note is required.
    for (const QString& empty : {QString(), QStringLiteral("  \n\t ")}) {
        QCOMPARE(records.queue->resolve(*item, Resolution::IdentityConfirmed, empty, kSup1, &error), std::nullopt);
        QVERIFY2(error.contains(QStringLiteral("needs a note")), qPrintable(error));
        QCOMPARE(records.snapshot(), before);
    }

    // The claimer resolves: the decision, the item resolved, the audit event.
    records.clock.advanceSeconds(120);
    const auto decision = records.queue->resolve(*item, Resolution::SecondaryInspection, QStringLiteral("  ") + note,
                                                 kSup1, &error);
    QVERIFY2(decision, qPrintable(error));
    QVERIFY(decision->id > 0);
    QCOMPARE(decision->queueItemId, *item);
    QCOMPARE(decision->supervisor, QStringLiteral("sup1"));
    QCOMPARE(decision->note, note);
    QCOMPARE(decision->decidedAt, records.clock.now());
    QCOMPARE(records.count(QStringLiteral("SELECT COUNT(*) FROM supervisor_decisions WHERE id = ? AND queue_item_id = ? "
                                          "AND supervisor = 'sup1' AND resolution = 'secondary-inspection' AND note = ? "
                                          "AND decided_at = ?"),
                           {decision->id, *item, note, records.clock.nowMs()}),
             1);
    QCOMPARE(records.count(QStringLiteral("SELECT COUNT(*) FROM queue_items WHERE id = ? AND state = 'resolved'"), {*item}),
             1);
    const auto event = records.lastEvent(&error);
    QVERIFY2(event, qPrintable(error));
    QCOMPARE(event->action, QStringLiteral("queue.resolve"));
    QCOMPARE(event->actor, kSup1.actor());
    QCOMPARE(event->subject, QStringLiteral("queue:%1").arg(*item));
    QCOMPARE(event->details.value(QStringLiteral("resolution")).toString(), QStringLiteral("secondary-inspection"));
    QCOMPARE(event->details.value(QStringLiteral("note_length")).toInteger(), qint64(note.size()));
    QCOMPARE(event->details.value(QStringLiteral("decision")).toInteger(), decision->id);
    const auto found = records.queue->find(*item, kSup1, &error);
    QVERIFY2(found, qPrintable(error));
    QCOMPARE(event->details.value(QStringLiteral("encounter")).toInteger(), found->encounterId);
    QVERIFY2(!QString::fromUtf8(QJsonDocument(event->details).toJson()).contains(note), "the note is in the audit log");

    // Once: resolving, claiming or releasing it again is refused, naming the resolution.
    before = records.snapshot();
    for (const UserAccount& user : {kSup1, kSup2}) {
        QCOMPARE(records.queue->resolve(*item, Resolution::IdentityConfirmed, note, user, &error), std::nullopt);
        QVERIFY2(error.contains(QStringLiteral("already resolved: secondary-inspection by sup1")), qPrintable(error));
        QVERIFY(!records.queue->claim(*item, user, &error));
        QVERIFY2(error.contains(QStringLiteral("already resolved")), qPrintable(error));
        QVERIFY(!records.queue->release(*item, user, QString(), &error));
        QVERIFY2(error.contains(QStringLiteral("already resolved")), qPrintable(error));
    }
    QCOMPARE(records.snapshot(), before);
    // An unknown item is named.
    QCOMPARE(records.queue->resolve(987654, Resolution::IdentityConfirmed, note, kSup1, &error), std::nullopt);
    QVERIFY2(error.contains(QStringLiteral("no queue item 987654")), qPrintable(error));
    QVERIFY(!records.queue->claim(987654, kSup1, &error));
    QVERIFY2(error.contains(QStringLiteral("no queue item 987654")), qPrintable(error));
    QCOMPARE(records.snapshot(), before);
    QCOMPARE(records.auditProblem(), QString());
}

// A claim older than the expiry can be taken over (audited, naming whom
// from); a younger one cannot.
void TestReviewQueue::staleClaimIsTakenOver()
{
    Records records;
    QString error;
    QVERIFY2(records.open(&error, std::chrono::minutes(60)), qPrintable(error));
    const auto item = records.add(kSeeds.front(), &error);
    QVERIFY2(item && *item > 0, qPrintable(error));
    records.clock.advanceSeconds(300);
    const QDateTime claimedAt = records.clock.now();
    QVERIFY2(records.queue->claim(*item, kSup1, &error), qPrintable(error));

    records.clock.advanceSeconds(60 * 60); // exactly the expiry: still held
    QString before = records.snapshot();
    QVERIFY(!records.queue->claim(*item, kSup2, &error));
    QVERIFY2(error.contains(QStringLiteral("claimed by sup1 since %1").arg(iso(claimedAt))), qPrintable(error));
    QCOMPARE(records.snapshot(), before);

    records.clock.advanceSeconds(1); // past it
    QVERIFY2(records.queue->claim(*item, kSup2, &error), qPrintable(error));
    const auto event = records.lastEvent(&error);
    QVERIFY2(event, qPrintable(error));
    QCOMPARE(event->action, QStringLiteral("queue.claim"));
    QCOMPARE(event->actor, kSup2.actor());
    QCOMPARE(event->subject, QStringLiteral("queue:%1").arg(*item));
    QCOMPARE(event->details.value(QStringLiteral("taken_over_from")).toString(), QStringLiteral("sup1"));
    QCOMPARE(event->details.value(QStringLiteral("claimed_since")).toString(), iso(claimedAt));
    const auto found = records.queue->find(*item, kSup1, &error);
    QVERIFY2(found, qPrintable(error));
    QCOMPARE(found->claimedBy, QStringLiteral("sup2"));
    QCOMPARE(found->claimedAt, records.clock.now());

    // sup1 lost it: cannot resolve or release it, nor take it back while fresh.
    before = records.snapshot();
    QCOMPARE(records.queue->resolve(*item, Resolution::IdentityConfirmed, QStringLiteral("ok"), kSup1, &error),
             std::nullopt);
    QVERIFY2(error.contains(QStringLiteral("claimed by sup2")), qPrintable(error));
    QVERIFY(!records.queue->release(*item, kSup1, QString(), &error));
    QVERIFY2(error.contains(QStringLiteral("claimed by sup2")), qPrintable(error));
    QVERIFY(!records.queue->claim(*item, kSup1, &error));
    QVERIFY2(error.contains(QStringLiteral("claimed by sup2")), qPrintable(error));
    QCOMPARE(records.snapshot(), before);
    QVERIFY2(records.queue->resolve(*item, Resolution::IdentityConfirmed, QStringLiteral("ok"), kSup2, &error),
             qPrintable(error));
    QCOMPARE(records.auditProblem(), QString());
}

void TestReviewQueue::releaseGivesTheItemBack()
{
    Records records;
    QString error;
    QVERIFY2(records.open(&error), qPrintable(error));
    const auto item = records.add(kSeeds.front(), &error);
    QVERIFY2(item && *item > 0, qPrintable(error));

    QString before = records.snapshot();
    QVERIFY(!records.queue->release(*item, kSup1, QString(), &error));
    QVERIFY2(error.contains(QStringLiteral("not claimed")), qPrintable(error));
    QCOMPARE(records.snapshot(), before);

    QVERIFY2(records.queue->claim(*item, kSup1, &error), qPrintable(error));
    before = records.snapshot();
    QVERIFY(!records.queue->release(*item, kSup2, QString(), &error));
    QVERIFY2(error.contains(QStringLiteral("claimed by sup1")), qPrintable(error));
    QCOMPARE(records.snapshot(), before);

    records.clock.advanceSeconds(30);
    QVERIFY2(records.queue->release(*item, kSup1, QStringLiteral(" end of shift "), &error), qPrintable(error));
    QCOMPARE(records.count(QStringLiteral("SELECT COUNT(*) FROM queue_items WHERE id = ? AND state = 'open' AND "
                                          "claimed_by = '' AND claimed_at IS NULL"),
                           {*item}),
             1);
    const auto event = records.lastEvent(&error);
    QVERIFY2(event, qPrintable(error));
    QCOMPARE(event->action, QStringLiteral("queue.release"));
    QCOMPARE(event->actor, kSup1.actor());
    QCOMPARE(event->subject, QStringLiteral("queue:%1").arg(*item));
    QCOMPARE(event->details.value(QStringLiteral("note")).toString(), QStringLiteral("end of shift"));
    // Back in the queue: anyone may claim it now.
    QVERIFY2(records.queue->claim(*item, kSup2, &error), qPrintable(error));
    QVERIFY(!records.lastEvent(&error)->details.contains(QStringLiteral("taken_over_from")));
    QCOMPARE(records.events(QStringLiteral("queue.claim")), 2);
    QCOMPARE(records.events(QStringLiteral("queue.release")), 1);
    QCOMPARE(records.auditProblem(), QString());
}

// Auditors read and review but change nothing; officers, checkpoint
// officers and admins do not read the queue at all. Refused: nothing written.
void TestReviewQueue::rolesAreEnforced()
{
    Records records;
    QString error;
    QVERIFY2(records.open(&error), qPrintable(error));
    const auto item = records.add(kSeeds.front(), &error);
    QVERIFY2(item && *item > 0, qPrintable(error));
    QVERIFY(ReviewQueue::mayRead(Role::Supervisor) && ReviewQueue::mayWork(Role::Supervisor));
    QVERIFY(ReviewQueue::mayRead(Role::Auditor) && !ReviewQueue::mayWork(Role::Auditor));

    QString before = records.snapshot();
    QVERIFY2(records.queue->search(QueueQuery(), kAuditor, &error), qPrintable(error));
    QVERIFY2(records.queue->count(QueueQuery(), kAuditor, &error), qPrintable(error));
    QVERIFY2(records.queue->find(*item, kAuditor, &error), qPrintable(error));
    QCOMPARE(records.snapshot(), before);
    QVERIFY2(records.queue->review(*item, kAuditor, &error), qPrintable(error));
    const auto viewed = records.lastEvent(&error);
    QVERIFY2(viewed, qPrintable(error));
    QCOMPARE(viewed->action, QStringLiteral("queue.view"));
    QCOMPARE(viewed->actor, kAuditor.actor());

    before = records.snapshot();
    QVERIFY(!records.queue->claim(*item, kAuditor, &error));
    QVERIFY2(error.contains(QStringLiteral("auditor")) && error.contains(QStringLiteral("supervisors only")),
             qPrintable(error));
    QCOMPARE(records.snapshot(), before);
    QVERIFY2(records.queue->claim(*item, kSup1, &error), qPrintable(error));
    before = records.snapshot();
    QVERIFY(!records.queue->release(*item, kAuditor, QString(), &error));
    QVERIFY2(error.contains(QStringLiteral("supervisors only")), qPrintable(error));
    QCOMPARE(records.queue->resolve(*item, Resolution::IdentityConfirmed, QStringLiteral("ok"), kAuditor, &error),
             std::nullopt);
    QVERIFY2(error.contains(QStringLiteral("supervisors only")), qPrintable(error));
    QCOMPARE(records.snapshot(), before);

    for (const Role role : {Role::Officer, Role::CheckpointOfficer, Role::Admin}) {
        const UserAccount user = account(QStringLiteral("someone"), role);
        QVERIFY(!ReviewQueue::mayRead(role) && !ReviewQueue::mayWork(role));
        QCOMPARE(records.queue->search(QueueQuery(), user, &error), std::nullopt);
        QVERIFY2(error.contains(roleName(role)) && error.contains(QStringLiteral("supervisors and auditors only")),
                 qPrintable(error));
        QCOMPARE(records.queue->count(QueueQuery(), user, &error), std::nullopt);
        QCOMPARE(records.queue->find(*item, user, &error), std::nullopt);
        QCOMPARE(records.queue->review(*item, user, &error), std::nullopt);
        QVERIFY2(error.contains(QStringLiteral("supervisors and auditors only")), qPrintable(error));
        QVERIFY(!records.queue->claim(*item, user, &error));
        QVERIFY(!records.queue->release(*item, user, QString(), &error));
        QCOMPARE(records.queue->resolve(*item, Resolution::IdentityConfirmed, QStringLiteral("ok"), user, &error),
                 std::nullopt);
        QCOMPARE(records.snapshot(), before);
    }
    // A disabled supervisor account does nothing either.
    UserAccount disabled = kSup1;
    disabled.disabled = true;
    QCOMPARE(records.queue->resolve(*item, Resolution::IdentityConfirmed, QStringLiteral("ok"), disabled, &error),
             std::nullopt);
    QVERIFY2(error.contains(QStringLiteral("disabled")), qPrintable(error));
    QCOMPARE(records.snapshot(), before);
    QCOMPARE(records.auditProblem(), QString());
}

// The review of an item whose capture and reference were purged: the
// deletion records, no photo, and no error.
void TestReviewQueue::reviewShowsPurgedPhotos()
{
    Records records;
    QString error;
    QVERIFY2(records.open(&error), qPrintable(error));
    BiometricSample sample;
    sample.photo = QByteArray(4000, 'c');
    sample.format = QStringLiteral("jpeg");
    sample.faceTemplate = Template(QStringLiteral("test-model"), std::vector<float>(Template::kDimension, 0.125f));
    sample.referencePhoto = QByteArray(4500, 'r');
    sample.referenceFormat = QStringLiteral("png");
    Seed seed = kSeeds.front();
    const auto item = records.add(seed, &error, &sample, QStringLiteral("USA")); // kept 12 hours
    QVERIFY2(item && *item > 0, qPrintable(error));
    // The document the traveler showed, as an alternate procedure or a 1:1 desk records it.
    const auto found = records.queue->find(*item, kSup1, &error);
    QVERIFY2(found, qPrintable(error));
    const qint64 encounterId = found->encounterId;
    const auto documentId = records.database->scalar(
        QStringLiteral("INSERT INTO documents (traveler_id, kind, number, issuing_state, expiry_date, created_at) "
                       "SELECT traveler_id, 'P', 'X1234567', 'USA', '2031-05-01', 0 FROM encounters WHERE id = ? RETURNING id"),
        {encounterId}, QStringLiteral("add a document"), &error);
    QVERIFY2(documentId, qPrintable(error));
    QVERIFY2(records.database->exec(QStringLiteral("UPDATE encounters SET document_id = %1 WHERE id = %2")
                                        .arg(documentId->toLongLong())
                                        .arg(encounterId),
                                    QStringLiteral("link the document"), &error),
             qPrintable(error));
    QVERIFY2(records.database->exec(QStringLiteral("UPDATE travelers SET surname = 'DOE', given_names = 'JANE' WHERE id = "
                                                   "(SELECT traveler_id FROM encounters WHERE id = %1)")
                                        .arg(encounterId),
                                    QStringLiteral("name the traveler"), &error),
             qPrintable(error));

    records.clock.advanceSeconds(600);
    QVERIFY2(records.queue->claim(*item, kSup1, &error), qPrintable(error));
    const auto fresh = records.queue->review(*item, kSup1, &error);
    QVERIFY2(fresh, qPrintable(error));
    QVERIFY(fresh->hasCapturePhoto);
    QVERIFY(fresh->hasReferencePhoto);
    QVERIFY(fresh->deletions.empty());
    QCOMPARE(fresh->item.id, *item);
    QCOMPARE(fresh->item.state, State::Claimed);
    QCOMPARE(fresh->encounter.id, encounterId);
    QCOMPARE(fresh->encounter.citizenship, QStringLiteral("USA"));
    QCOMPARE(fresh->encounter.camera, seed.camera);
    QCOMPARE(fresh->documentKind, QStringLiteral("P"));
    QCOMPARE(fresh->documentNumber, QStringLiteral("X1234567"));
    QCOMPARE(fresh->issuingState, QStringLiteral("USA"));
    QCOMPARE(fresh->documentExpiry, QStringLiteral("2031-05-01"));
    QCOMPARE(fresh->surname, QStringLiteral("DOE"));
    QCOMPARE(fresh->givenNames, QStringLiteral("JANE"));
    QCOMPARE(fresh->citizenship, QStringLiteral("USA"));
    QVERIFY(fresh->decisions.empty());
    const auto viewed = records.lastEvent(&error);
    QVERIFY2(viewed, qPrintable(error));
    QCOMPARE(viewed->action, QStringLiteral("queue.view"));
    QCOMPARE(viewed->actor, kSup1.actor());
    QCOMPARE(viewed->subject, QStringLiteral("queue:%1").arg(*item));
    QCOMPARE(viewed->details.value(QStringLiteral("encounter")).toInteger(), encounterId);

    // Resolved, then purged 13 hours later.
    records.clock.advanceSeconds(60);
    const auto decision = records.queue->resolve(*item, Resolution::IdentityConfirmed, QStringLiteral("same person"),
                                                 kSup1, &error);
    QVERIFY2(decision, qPrintable(error));
    records.clock.set(kStart.addSecs(13 * 3600));
    Purger purger(*records.database, *records.audit, records.clock, records.policy);
    const auto report = purger.purge(&error);
    QVERIFY2(report, qPrintable(error));
    QCOMPARE(report->photosDeleted, 2);
    QCOMPARE(report->templatesDeleted, 1);

    const qint64 views = records.events(QStringLiteral("queue.view"));
    const auto purged = records.queue->review(*item, kAuditor, &error);
    QVERIFY2(purged, qPrintable(error));
    QCOMPARE(records.events(QStringLiteral("queue.view")), views + 1);
    QVERIFY(!purged->hasCapturePhoto);
    QVERIFY(!purged->hasReferencePhoto);
    QCOMPARE(purged->deletions.size(), size_t(3));
    int photos = 0;
    QStringList roles;
    for (const DeletionRecord& deletion : purged->deletions) {
        QCOMPARE(deletion.encounterId, encounterId);
        QCOMPARE(deletion.rule, QStringLiteral("us-citizen-or-exempt-12h"));
        QCOMPARE(deletion.deletedAt, kStart.addSecs(13 * 3600));
        QCOMPARE(deletion.deletedBy, Purger::systemActor());
        QCOMPARE(deletion.verifiedAt, kStart);
        QCOMPARE(deletion.dueAt, kStart.addSecs(12 * 3600));
        QVERIFY(deletion.travelerId > 0);
        QVERIFY(!deletion.recordId.isEmpty());
        photos += deletion.what == QLatin1String("photo");
        roles << deletion.role;
    }
    QCOMPARE(photos, 2);
    // Each photo's deletion says which photo it was; the template's says none.
    roles.sort();
    QCOMPARE(roles, (QStringList{QString(), QStringLiteral("capture"), QStringLiteral("reference")}));
    QCOMPARE(purged->decisions.size(), size_t(1));
    QCOMPARE(purged->decisions.front().id, decision->id);
    QCOMPARE(purged->decisions.front().note, QStringLiteral("same person"));
    QCOMPARE(purged->item.state, State::Resolved);
    QVERIFY(purged->item.resolution);
    QCOMPARE(purged->documentNumber, QStringLiteral("X1234567")); // the record stays; only biometrics go
    // Opening the photo now says purged (the review's photo pane).
    const KeyAccess access{kAuditor.actor(), QStringLiteral("review queue item")};
    bool gone = false;
    QCOMPARE(records.encounters->photo(encounterId, access, &gone, &error, EncounterStore::PhotoRole::Reference), std::nullopt);
    QVERIFY(gone);
    // An unknown item is named, and viewing it writes nothing.
    const QString before = records.snapshot();
    QCOMPARE(records.queue->review(987654, kSup1, &error), std::nullopt);
    QVERIFY2(error.contains(QStringLiteral("no queue item 987654")), qPrintable(error));
    QCOMPARE(records.snapshot(), before);
    QCOMPARE(records.auditProblem(), QString());
}

QTEST_GUILESS_MAIN(TestReviewQueue)
#include "tst_reviewqueue.moc"
