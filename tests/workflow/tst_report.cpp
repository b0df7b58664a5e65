// ReportBuilder and writeReportCsv (issue 5): the reports supervisors and
// auditors export, built read-only from records written the way the
// application writes them (EncounterStore, AlternateProcedureStore, Purger,
// KeyStore): every row, column and summary line of each report, the period's
// bounds, the roles refused, and the CSV quoted per RFC 4180 and defused.
#include "core/security/AuditLog.h"
#include "core/security/KeyEncryptionKey.h"
#include "core/security/KeyStore.h"
#include "core/storage/Database.h"
#include "core/workflow/AlternateProcedureStore.h"
#include "core/workflow/EncounterStore.h"
#include "core/workflow/Purger.h"
#include "core/workflow/Report.h"
#include "core/workflow/RetentionPolicy.h"
#include "tests/support/ManualClock.h"
#include "tests/support/SealedRecords.h"
#include "tests/support/TestAuditKey.h"
#include "tests/support/TestDatabase.h"

#include <QBuffer>
#include <QSqlQuery>
#include <QTest>

#include <memory>

using namespace fg;
using Kind = ReportQuery::Kind;

namespace {

const QDateTime kStart(QDate(2026, 11, 26), QTime(9, 0), Qt::UTC);

UserAccount user(const QString& name, Role role)
{
    UserAccount account;
    account.id = 1;
    account.name = name;
    account.role = role;
    return account;
}

const UserAccount kAuditor = user(QStringLiteral("audrey"), Role::Auditor);

// Records written through the stores at chosen instants (kStart = 09:00 UTC):
//   09:00 key registered and opened; encounter A (DEU, no match, LH400) queued
//   09:30 A's photo opened by the supervisor; A resolved (by SQL: the
//         supervisor's queue is another class)
//   10:00 encounter B (USA, poor quality) queued, left open
//   11:00 an alternate procedure (not verified)
//   12:00 encounter C from a partner's camera, no photo kept here
//   (partnerSubmissions adds D at 13:00, attested)
//   (the clock is left at +15 days: C's purge attestation is overdue)
//   22:00 (+13 h) B's photo and template purged (12-hour rule)
//   +15 days A's photo and template purged (14-day rule)
struct Seeded : test::SealedRecords {
    Seeded()
        : SealedRecords(kStart)
    {
    }
    std::unique_ptr<ReportBuilder> builder;

    StoredEncounter a;
    StoredEncounter b;
    qint64 c = 0;
    qint64 itemA = 0;
    qint64 itemB = 0;
    qint64 procedure = 0;
    QString note = QStringLiteral("=HYPERLINK(\"http://x\"), checked");

    bool open(QString* error)
    {
        if (!SealedRecords::open(error))
            return false;
        ReportOptions options;
        options.auditKey = fg::test::auditKey();
        builder = std::make_unique<ReportBuilder>(*database, clock, options);
        return seed(error);
    }

    bool seed(QString* error)
    {
        Encounter encounter;
        encounter.kind = Encounter::Kind::Entry;
        encounter.decision = Encounter::Decision::NoMatch;
        encounter.citizenship = QStringLiteral("DEU");
        encounter.score = 0.21;
        encounter.threshold = 0.41;
        encounter.officer = QStringLiteral("jdoe");
        encounter.workstation = QStringLiteral("ws-1");
        encounter.camera = QStringLiteral("cam-3");
        encounter.flight = QStringLiteral("lh 400");
        BiometricSample sample;
        sample.photo = QByteArray(2048, 'p');
        sample.format = QStringLiteral("jpeg");
        sample.faceTemplate = Template(QStringLiteral("test-model"), std::vector<float>(Template::kDimension, 0.5f));
        if (!encounters->add(encounter, &sample, QStringLiteral("officer:jdoe"), error, &a))
            return false;
        itemA = a.queueItemId;

        clock.set(kStart.addSecs(30 * 60));
        bool purged = false;
        if (!encounters->photo(a.id, {QStringLiteral("officer:sam"), QStringLiteral("review no-match")}, &purged, error))
            return false;
        if (!exec(QStringLiteral("UPDATE queue_items SET state = 'resolved', claimed_by = 'sam', claimed_at = ? WHERE id = ?"),
                  {clock.nowMs(), itemA}, error)
            || !exec(QStringLiteral("INSERT INTO supervisor_decisions (queue_item_id, supervisor, resolution, note, decided_at) "
                                    "VALUES (?, 'sam', 'identity-confirmed', ?, ?)"),
                     {itemA, note, clock.nowMs()}, error))
            return false;

        clock.set(kStart.addSecs(3600));
        encounter.decision = Encounter::Decision::PoorQuality;
        encounter.citizenship = QStringLiteral("USA");
        encounter.score.reset();
        encounter.camera = QStringLiteral("cam-4");
        encounter.flight.clear();
        if (!encounters->add(encounter, &sample, QStringLiteral("officer:jdoe"), error, &b))
            return false;
        itemB = b.queueItemId;

        clock.set(kStart.addSecs(2 * 3600));
        AlternateProcedure alternate;
        alternate.officer = QStringLiteral("olga");
        alternate.workstation = QStringLiteral("ws-7");
        alternate.camera = QStringLiteral("lane 3");
        alternate.kind = Encounter::Kind::Exit;
        alternate.flight = QStringLiteral("ua 901");
        alternate.citizenship = QStringLiteral("FRA");
        alternate.surname = QStringLiteral("DUBOIS");
        alternate.givenNames = QStringLiteral("MARIE");
        alternate.document = {QStringLiteral("passport"), QStringLiteral("P2222222"), QStringLiteral("FRA"),
                              QDate(2030, 1, 1), QStringLiteral("P<FRADUBOIS<<MARIE")};
        alternate.checks = {{QStringLiteral("laminate-intact"), AlternateProcedure::CheckResult::Passed},
                            {QStringLiteral("photo-matches-holder"), AlternateProcedure::CheckResult::Failed},
                            {QStringLiteral("uv-features"), AlternateProcedure::CheckResult::Failed}};
        alternate.outcome = AlternateProcedure::Outcome::NotVerified;
        alternate.reason = QStringLiteral("photo page damaged");
        const auto stored = AlternateProcedureStore(*database, *audit, clock).record(alternate, QStringLiteral("officer:olga"), error);
        if (!stored)
            return false;
        procedure = stored->id;

        clock.set(kStart.addSecs(3 * 3600));
        Encounter partner;
        partner.kind = Encounter::Kind::Exit;
        partner.decision = Encounter::Decision::Match;
        partner.citizenship = QStringLiteral("GBR");
        partner.score = 0.8;
        partner.threshold = 0.41;
        partner.officer = QStringLiteral("airline-xy");
        partner.camera = QStringLiteral("gate-b12");
        partner.partner = QStringLiteral("airline-xy");
        partner.flight = QStringLiteral("UA901");
        const std::optional<qint64> id = encounters->add(partner, nullptr, QStringLiteral("partner:airline-xy"), error);
        if (!id)
            return false;
        c = *id;

        for (const qint64 seconds : {qint64(13 * 3600), qint64(15 * 24 * 3600)}) {
            clock.set(kStart.addSecs(seconds));
            if (!Purger(*database, *audit, clock, policy).purge(error))
                return false;
        }
        return true;
    }

    // A partner's submission through facegate-matchd verified at `at` (the
    // rows MatchingApi and, when attested, PurgeAttestationStore write); the
    // clock is left at `at`. Its encounter id, or 0 with *error.
    qint64 addPartnerSubmission(const QDateTime& at, const QString& submissionId, bool attested, QString* error)
    {
        // Verified at `at`; recorded now, or at `at` while seeding (the clock, and so the audit log's times, only go forward).
        if (clock.now() < at)
            clock.set(at);
        Encounter partner;
        partner.verifiedAt = at;
        partner.kind = Encounter::Kind::Exit;
        partner.decision = Encounter::Decision::NoMatch;
        partner.citizenship = QStringLiteral("XXX");
        partner.officer = QStringLiteral("partner:airline-xy");
        partner.camera = QStringLiteral("gate-b14");
        partner.partner = QStringLiteral("airline-xy");
        const std::optional<qint64> id = encounters->add(partner, nullptr, QStringLiteral("partner:airline-xy"), error);
        if (!id
            || !exec(QStringLiteral("INSERT INTO service_submissions (submission_id, encounter_id, client_fingerprint, "
                                    "client_subject, client_role, created_at) VALUES (?, ?, 'ab12', 'CN=airline-xy', "
                                    "'partner', ?)"),
                     {submissionId, *id, clock.nowMs()}, error))
            return 0;
        if (attested
            && !exec(QStringLiteral("INSERT INTO purge_attestations (submission_id, encounter_id, partner_fingerprint, "
                                    "partner_subject, deleted_at_text, deleted_at, signature, recorded_at) "
                                    "VALUES (?, ?, 'ab12', 'CN=airline-xy', ?, ?, 'c2ln', ?)"),
                     {submissionId, *id, at.addSecs(300).toString(Qt::ISODate), at.addSecs(300).toMSecsSinceEpoch(),
                      clock.nowMs() + 600000},
                     error))
            return 0;
        return *id;
    }

    std::optional<ReportTable> build(Kind kind, QString* error, const QDateTime& from = kStart.addDays(-1),
                                     const QDateTime& until = kStart.addDays(20), const UserAccount& reader = kAuditor)
    {
        ReportQuery query;
        query.kind = kind;
        query.from = from;
        query.until = until;
        return builder->build(query, reader, error);
    }

    qint64 seqOf(const QString& action) const
    {
        QString error;
        const auto value = database->scalar(QStringLiteral("SELECT seq FROM audit_events WHERE action = ?"), {action},
                                            action, &error);
        return value ? value->toLongLong() : -1;
    }
};

QString n(qint64 value)
{
    return QString::number(value);
}

QString rows(const ReportTable& table)
{
    QStringList lines;
    for (const QStringList& row : table.rows)
        lines << row.join(QLatin1Char('|'));
    return lines.join(QLatin1Char('\n'));
}

QByteArray csvOf(const ReportTable& table, bool* ok, QString* error)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    *ok = writeReportCsv(table, buffer, error);
    return buffer.data();
}

} // namespace

class TestReport : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { qInfo("back-end: %s", qPrintable(test::TestDatabase::backendName())); }
    void queueResolutions();
    void alternateProcedures();
    void deletions();
    void keyAccesses();
    void partnerSubmissions();
    void partnerSubmissionsOnlyOnceOverdue();
    void auditEvents();
    void periodBounds();
    void rolesAndRefusals();
    void csvQuotedAndDefused();
    void csvOfABuiltReport();
    void namesAndStems();
};

void TestReport::queueResolutions()
{
    Seeded seeded;
    QString error;
    QVERIFY2(seeded.open(&error), qPrintable(error));
    const std::optional<ReportTable> table = seeded.build(Kind::QueueResolutions, &error);
    QVERIFY2(table, qPrintable(error));
    QCOMPARE(table->title, QStringLiteral("No-match queue and resolutions"));
    QCOMPARE(table->selection, QStringLiteral("From 2026-11-25T09:00:00Z to 2026-12-16T09:00:00Z (UTC, the end excluded)"));
    QCOMPARE(table->columns,
             QStringList({"Item", "Encounter", "Entered queue", "Reason", "State", "Claimed by", "Flight", "Camera",
                          "Officer", "Score", "Threshold", "Resolution", "Supervisor", "Decided at", "Note"}));
    const QStringList a{n(seeded.itemA), n(seeded.a.id), "2026-11-26T09:00:00Z", "no match", "resolved", "sam",
                        "LH400", "cam-3", "jdoe", "0.210", "0.410", "identity confirmed", "sam",
                        "2026-11-26T09:30:00Z", seeded.note};
    const QStringList b{n(seeded.itemB), n(seeded.b.id), "2026-11-26T10:00:00Z", "poor quality", "open", "", "", "cam-4",
                        "jdoe", "", "0.410", "", "", "", ""};
    QCOMPARE(rows(*table), a.join(QLatin1Char('|')) + QLatin1Char('\n') + b.join(QLatin1Char('|')));
    QCOMPARE(table->summary,
             QStringList({"Items that entered the queue: 2 (no match 1 · poor quality 1 · officer's override or referral 0 · "
                          "document not genuine (chip) 0 · presentation attack (photo or screen) 0)",
                          "Their state now: open 1 · claimed 0 · resolved 1",
                          "Supervisors' decisions: 1 (identity confirmed 1 · secondary inspection 0 · suspected impostor 0 "
                          "· capture problem 0)"}));

    // Every decision has its row: a second one on item A comes after the first.
    QVERIFY2(seeded.exec(QStringLiteral("INSERT INTO supervisor_decisions (queue_item_id, supervisor, resolution, note, "
                                        "decided_at) VALUES (?, 'tom', 'secondary-inspection', 'second look', ?)"),
                         {seeded.itemA, kStart.addSecs(45 * 60).toMSecsSinceEpoch()}, &error),
             qPrintable(error));
    const std::optional<ReportTable> again = seeded.build(Kind::QueueResolutions, &error);
    QVERIFY2(again, qPrintable(error));
    QCOMPARE(int(again->rows.size()), 3);
    QCOMPARE(again->rows[0].at(11), QStringLiteral("identity confirmed"));
    QCOMPARE(again->rows[1].mid(11), QStringList({"secondary inspection", "tom", "2026-11-26T09:45:00Z", "second look"}));
    QCOMPARE(again->rows[1].at(0), n(seeded.itemA));
    QCOMPARE(again->summary.at(0), table->summary.at(0)); // still two items
    QCOMPARE(again->summary.at(2), QStringLiteral("Supervisors' decisions: 2 (identity confirmed 1 · secondary inspection 1 · "
                                                  "suspected impostor 0 · capture problem 0)"));
}

void TestReport::alternateProcedures()
{
    Seeded seeded;
    QString error;
    QVERIFY2(seeded.open(&error), qPrintable(error));
    const std::optional<ReportTable> table = seeded.build(Kind::AlternateProcedures, &error);
    QVERIFY2(table, qPrintable(error));
    QCOMPARE(table->title, QStringLiteral("Alternate procedures"));
    QCOMPARE(table->columns,
             QStringList({"Procedure", "Logged at", "Officer", "Workstation", "Camera or lane", "Kind", "Flight",
                          "Nationality", "Document kind", "Issuing state", "Failed checks", "Outcome", "Reason"}));
    QCOMPARE(rows(*table), QStringList({n(seeded.procedure), "2026-11-26T11:00:00Z", "olga", "ws-7", "lane 3", "exit",
                                        "UA901", "FRA", "passport", "FRA", "photo-matches-holder, uv-features",
                                        "not verified", "photo page damaged"})
                               .join(QLatin1Char('|')));
    // No names, no document number, no MRZ.
    const QString all = rows(*table);
    for (const char* personal : {"DUBOIS", "MARIE", "P2222222", "P<FRA"})
        QVERIFY2(!all.contains(QLatin1String(personal)), personal);
    QCOMPARE(table->summary, QStringList({"Alternate procedures: 1 (verified 0 · not verified 1 · referred to secondary 0)",
                                          "By officer: olga 1"}));
}

void TestReport::deletions()
{
    Seeded seeded;
    QString error;
    QVERIFY2(seeded.open(&error), qPrintable(error));
    const std::optional<ReportTable> table = seeded.build(Kind::Deletions, &error);
    QVERIFY2(table, qPrintable(error));
    QCOMPARE(table->title, QStringLiteral("Deletions"));
    QCOMPARE(table->columns, QStringList({"Deleted at", "What", "Record", "Encounter", "Rule", "Verified at", "Due at",
                                          "Deleted by"}));
    const QString shortRule = QStringLiteral("us-citizen-or-exempt-12h");
    const QString longRule = QStringLiteral("in-scope-14d");
    const QStringList expected{
        QStringList({"2026-11-26T22:00:00Z", "photo", seeded.b.photoId, n(seeded.b.id), shortRule, "2026-11-26T10:00:00Z",
                     "2026-11-26T22:00:00Z", "system:retention"})
            .join(QLatin1Char('|')),
        QStringList({"2026-11-26T22:00:00Z", "template", seeded.b.templateId, n(seeded.b.id), shortRule,
                     "2026-11-26T10:00:00Z", "2026-11-26T22:00:00Z", "system:retention"})
            .join(QLatin1Char('|')),
        QStringList({"2026-12-11T09:00:00Z", "photo", seeded.a.photoId, n(seeded.a.id), longRule, "2026-11-26T09:00:00Z",
                     "2026-12-10T09:00:00Z", "system:retention"})
            .join(QLatin1Char('|')),
        QStringList({"2026-12-11T09:00:00Z", "template", seeded.a.templateId, n(seeded.a.id), longRule,
                     "2026-11-26T09:00:00Z", "2026-12-10T09:00:00Z", "system:retention"})
            .join(QLatin1Char('|')),
    };
    QCOMPARE(rows(*table), expected.join(QLatin1Char('\n')));
    QCOMPARE(table->summary, QStringList({"Records deleted: 4", "Photos deleted by rule in-scope-14d: 1",
                                          "Photos deleted by rule us-citizen-or-exempt-12h: 1",
                                          "Templates deleted by rule in-scope-14d: 1",
                                          "Templates deleted by rule us-citizen-or-exempt-12h: 1"}));

    // The first day alone: only the 12-hour rule's deletions.
    const auto firstDay = seeded.build(Kind::Deletions, &error, kStart, kStart.addDays(1));
    QVERIFY2(firstDay, qPrintable(error));
    QCOMPARE(int(firstDay->rows.size()), 2);
    QCOMPARE(firstDay->summary, QStringList({"Records deleted: 2", "Photos deleted by rule us-citizen-or-exempt-12h: 1",
                                             "Templates deleted by rule us-citizen-or-exempt-12h: 1"}));
}

void TestReport::keyAccesses()
{
    Seeded seeded;
    QString error;
    QVERIFY2(seeded.open(&error), qPrintable(error));
    const std::optional<ReportTable> table = seeded.build(Kind::KeyAccesses, &error);
    QVERIFY2(table, qPrintable(error));
    QCOMPARE(table->title, QStringLiteral("Key accesses"));
    QCOMPARE(table->columns, QStringList({"Event", "At", "Actor", "Action", "Subject", "Purpose"}));
    const QString kek = QStringLiteral("kek:") + seeded.keys->kekId();
    const QStringList expected{
        QStringList({n(seeded.seqOf("key.register")), "2026-11-26T09:00:00Z", "test:setup", "key.register", kek, ""})
            .join(QLatin1Char('|')),
        QStringList({n(seeded.seqOf("key.open")), "2026-11-26T09:00:00Z", "test:setup", "key.open", kek, ""})
            .join(QLatin1Char('|')),
        QStringList({n(seeded.seqOf("key.unwrap")), "2026-11-26T09:30:00Z", "officer:sam", "key.unwrap",
                     "photo:" + seeded.a.photoId, "review no-match"})
            .join(QLatin1Char('|')),
    };
    QCOMPARE(rows(*table), expected.join(QLatin1Char('\n')));
    QVERIFY(seeded.seqOf("key.register") < seeded.seqOf("key.open"));
    QCOMPARE(table->summary, QStringList({"Key accesses: 3", "By action: key.open 1 · key.register 1 · key.unwrap 1",
                                          "By actor: officer:sam 1 · test:setup 2"}));
}

void TestReport::auditEvents()
{
    Seeded seeded;
    QString error;
    QVERIFY2(seeded.open(&error), qPrintable(error));
    const std::optional<QVariant> total =
        seeded.database->scalar(QStringLiteral("SELECT COUNT(*) FROM audit_events"), {}, QStringLiteral("count"), &error);
    QVERIFY2(total, qPrintable(error));
    std::optional<ReportTable> table = seeded.build(Kind::AuditEvents, &error);
    QVERIFY2(table, qPrintable(error));
    QCOMPARE(table->title, QStringLiteral("Audit log"));
    QCOMPARE(table->columns, QStringList({"Event", "At", "Actor", "Action", "Subject", "Details"}));
    QCOMPARE(qint64(table->rows.size()), total->toLongLong()); // the seed lies inside the period
    QCOMPARE(table->rows.front().at(0), QStringLiteral("1"));
    QCOMPARE(table->rows.front().at(3), QStringLiteral("key.register"));
    const qint64 unwrap = seeded.seqOf(QStringLiteral("key.unwrap"));
    const QStringList unwrapRow = table->rows.at(std::size_t(unwrap - 1));
    QCOMPARE(unwrapRow.at(2), QStringLiteral("officer:sam"));
    QVERIFY2(unwrapRow.at(5).contains(QStringLiteral("review no-match")), qPrintable(unwrapRow.at(5)));
    QCOMPARE(table->summary.first(), QStringLiteral("Events: %1").arg(total->toLongLong()));
    QCOMPARE(table->summary.last(), QStringLiteral("Hash chain of the whole log: intact (%1 events)").arg(total->toLongLong()));

    // Only the period's events are listed; the chain's verdict is the whole log's.
    table = seeded.build(Kind::AuditEvents, &error, kStart.addSecs(29 * 60), kStart.addSecs(31 * 60));
    QVERIFY2(table, qPrintable(error));
    QCOMPARE(table->summary.last(), QStringLiteral("Hash chain of the whole log: intact (%1 events)").arg(total->toLongLong()));
    for (const QStringList& row : table->rows)
        QVERIFY2(row.at(1).startsWith(QStringLiteral("2026-11-26T09:30")), qPrintable(row.at(1)));

    // Someone with the database edits an event: the report says where the chain breaks.
    QVERIFY2(seeded.database->exec(seeded.database->isSqlite()
                                       ? QStringLiteral("DROP TRIGGER audit_events_no_update")
                                       : QStringLiteral("DROP TRIGGER audit_events_no_update ON audit_events"),
                                   QStringLiteral("drop the append-only trigger"), &error),
             qPrintable(error));
    QVERIFY2(seeded.exec(QStringLiteral("UPDATE audit_events SET actor = 'officer:nobody' WHERE seq = ?"), {unwrap}, &error),
             qPrintable(error));
    table = seeded.build(Kind::AuditEvents, &error);
    QVERIFY2(table, qPrintable(error));
    QVERIFY2(table->summary.last().startsWith(QStringLiteral("Hash chain of the whole log: BROKEN at event %1").arg(unwrap)),
             qPrintable(table->summary.last()));
}

void TestReport::partnerSubmissions()
{
    Seeded seeded;
    QString error;
    QVERIFY2(seeded.open(&error), qPrintable(error));
    // The clock is 15 days after C: C's attestation is long overdue.
    const std::optional<ReportTable> before = seeded.build(Kind::PartnerSubmissions, &error);
    QVERIFY2(before, qPrintable(error));
    QCOMPARE(before->title, QStringLiteral("Partner submissions without a purge attestation"));
    QCOMPARE(before->selection, QStringLiteral("From 2026-11-25T09:00:00Z to 2026-12-16T09:00:00Z (UTC, the end excluded)"
                                               " · Listed: no purge attestation 24 h after verification (verified "
                                               "before 2026-12-10T09:00:00Z UTC)"));
    QCOMPARE(before->columns, QStringList({"Encounter", "Verified at", "Partner", "Kind", "Flight", "Camera",
                                           "Decision", "Purge attestation"}));
    const QString rowC = QStringList({n(seeded.c), "2026-11-26T12:00:00Z", "airline-xy", "exit", "UA901", "gate-b12",
                                      "match", "no attestation recorded"})
                             .join(QLatin1Char('|'));
    QCOMPARE(rows(*before), rowC);
    QCOMPARE(before->summary, QStringList({"Partner submissions: 1", "Without a purge attestation after 24 h: 1",
                                           "By partner: airline-xy 1"}));

    // 13:00 encounter D from the same partner through facegate-matchd, whose
    // purge the partner attested (C's submission has none): D is counted but
    // not listed, C still is.
    const qint64 d = seeded.addPartnerSubmission(kStart.addSecs(4 * 3600), QStringLiteral("sub-d"), true, &error);
    QVERIFY2(d, qPrintable(error));
    QVERIFY2(seeded.exec(QStringLiteral("INSERT INTO service_submissions (submission_id, encounter_id, client_fingerprint, "
                                        "client_subject, client_role, created_at) VALUES ('sub-c', ?, 'ab12', "
                                        "'CN=airline-xy', 'partner', ?)"),
                         {seeded.c, seeded.clock.nowMs()}, &error),
             qPrintable(error));
    seeded.clock.set(kStart.addDays(15));
    const std::optional<ReportTable> table = seeded.build(Kind::PartnerSubmissions, &error);
    QVERIFY2(table, qPrintable(error));
    QCOMPARE(rows(*table), rowC);
    QCOMPARE(table->summary, QStringList({"Partner submissions: 2", "Without a purge attestation after 24 h: 1",
                                          "By partner: airline-xy 1"}));
    // Without D's attestation it is listed again.
    QVERIFY2(seeded.exec(QStringLiteral("DELETE FROM purge_attestations"), {}, &error), qPrintable(error));
    const std::optional<ReportTable> unattested = seeded.build(Kind::PartnerSubmissions, &error);
    QVERIFY2(unattested, qPrintable(error));
    QCOMPARE(unattested->rows.size(), size_t(2));
    QCOMPARE(unattested->rows.back().front(), n(d));
}

void TestReport::partnerSubmissionsOnlyOnceOverdue()
{
    Seeded seeded;
    QString error;
    QVERIFY2(seeded.open(&error), qPrintable(error));
    // From t0 on (after the seed): X at t0 and Y at t0 + 2 h not attested,
    // Z at t0 attested; the report is read at t0 + 25 h: X is 25 h old and
    // listed, Y 23 h old and only counted, Z not listed.
    const QDateTime t0 = kStart.addDays(16);
    const qint64 x = seeded.addPartnerSubmission(t0, QStringLiteral("sub-x"), false, &error);
    QVERIFY2(x, qPrintable(error));
    const qint64 z = seeded.addPartnerSubmission(t0, QStringLiteral("sub-z"), true, &error);
    QVERIFY2(z, qPrintable(error));
    const qint64 y = seeded.addPartnerSubmission(t0.addSecs(2 * 3600), QStringLiteral("sub-y"), false, &error);
    QVERIFY2(y, qPrintable(error));

    const auto at = [&](const QDateTime& now) {
        seeded.clock.set(now);
        return seeded.build(Kind::PartnerSubmissions, &error, t0, QDateTime());
    };
    std::optional<ReportTable> table = at(t0.addSecs(25 * 3600));
    QVERIFY2(table, qPrintable(error));
    QCOMPARE(table->selection, QStringLiteral("From 2026-12-12T09:00:00Z on (UTC) · Listed: no purge attestation 24 h "
                                              "after verification (verified before 2026-12-12T10:00:00Z UTC)"));
    QCOMPARE(rows(*table), QStringList({n(x), "2026-12-12T09:00:00Z", "airline-xy", "exit", "", "gate-b14", "no match",
                                        "no attestation recorded"})
                               .join(QLatin1Char('|')));
    QCOMPARE(table->summary, QStringList({"Partner submissions: 3", "Without a purge attestation after 24 h: 1",
                                          "Not attested yet but still within the 24 h allowed: 1",
                                          "By partner: airline-xy 1"}));

    // Exactly 24 h is not more than 24 h; a millisecond later it is.
    table = at(t0.addSecs(24 * 3600));
    QVERIFY2(table, qPrintable(error));
    QVERIFY(table->rows.empty());
    QCOMPARE(table->summary, QStringList({"Partner submissions: 3", "Without a purge attestation after 24 h: 0",
                                          "Not attested yet but still within the 24 h allowed: 2"}));
    table = at(t0.addSecs(24 * 3600).addMSecs(1));
    QVERIFY2(table, qPrintable(error));
    QCOMPARE(int(table->rows.size()), 1);

    // Both past the hours: both listed, in order; Z, attested, never.
    table = at(t0.addSecs(27 * 3600));
    QVERIFY2(table, qPrintable(error));
    QCOMPARE(int(table->rows.size()), 2);
    QCOMPARE(table->rows.at(0).front(), n(x));
    QCOMPARE(table->rows.at(1).front(), n(y));
    QCOMPARE(table->summary.at(1), QStringLiteral("Without a purge attestation after 24 h: 2"));

    // The hours come from the options (service/attestationHours).
    ReportOptions longer;
    longer.attestationDue = std::chrono::hours(48);
    const ReportBuilder patient(*seeded.database, seeded.clock, longer);
    seeded.clock.set(t0.addSecs(27 * 3600));
    ReportQuery query;
    query.kind = Kind::PartnerSubmissions;
    query.from = t0;
    table = patient.build(query, kAuditor, &error);
    QVERIFY2(table, qPrintable(error));
    QVERIFY(table->rows.empty());
    QCOMPARE(table->summary, QStringList({"Partner submissions: 3", "Without a purge attestation after 48 h: 0",
                                          "Not attested yet but still within the 48 h allowed: 2"}));
}

void TestReport::periodBounds()
{
    Seeded seeded;
    QString error;
    QVERIFY2(seeded.open(&error), qPrintable(error));
    // from inclusive, until exclusive: C was verified at 12:00 exactly.
    const QDateTime noon = kStart.addSecs(3 * 3600);
    auto count = [&](Kind kind, const QDateTime& from, const QDateTime& until) {
        const std::optional<ReportTable> table = seeded.build(kind, &error, from, until);
        if (!table)
            qWarning("%s", qPrintable(error));
        return table ? int(table->rows.size()) : -1;
    };
    QCOMPARE(count(Kind::PartnerSubmissions, kStart, noon), 0);
    QCOMPARE(count(Kind::PartnerSubmissions, noon, noon.addMSecs(1)), 1);
    QCOMPARE(count(Kind::PartnerSubmissions, noon.addMSecs(1), QDateTime()), 0);
    QCOMPARE(count(Kind::QueueResolutions, kStart.addSecs(60), QDateTime()), 1); // B only
    QCOMPARE(count(Kind::QueueResolutions, QDateTime(), kStart.addSecs(60)), 1); // A only
    QCOMPARE(count(Kind::KeyAccesses, kStart.addSecs(60), QDateTime()), 1);      // the unwrap
    QCOMPARE(count(Kind::AlternateProcedures, kStart.addDays(1), QDateTime()), 0);
    QCOMPARE(count(Kind::Deletions, QDateTime(), QDateTime()), 4);

    const auto open = seeded.build(Kind::Deletions, &error, QDateTime(), QDateTime());
    QVERIFY2(open, qPrintable(error));
    QCOMPARE(open->selection, QStringLiteral("All dates"));
    const auto fromOnly = seeded.build(Kind::Deletions, &error, kStart, QDateTime());
    QVERIFY2(fromOnly, qPrintable(error));
    QCOMPARE(fromOnly->selection, QStringLiteral("From 2026-11-26T09:00:00Z on (UTC)"));
    const auto untilOnly = seeded.build(Kind::Deletions, &error, QDateTime(), kStart);
    QVERIFY2(untilOnly, qPrintable(error));
    QCOMPARE(untilOnly->selection, QStringLiteral("Before 2026-11-26T09:00:00Z (UTC)"));
    QVERIFY(untilOnly->rows.empty());
    QCOMPARE(untilOnly->summary, QStringList({"Records deleted: 0"}));

    // A period that ends before it starts is refused, not empty.
    error.clear();
    QVERIFY(!seeded.build(Kind::Deletions, &error, kStart, kStart));
    QVERIFY2(error.contains(QStringLiteral("ends")), qPrintable(error));
}

void TestReport::rolesAndRefusals()
{
    Seeded seeded;
    QString error;
    QVERIFY2(seeded.open(&error), qPrintable(error));
    QVERIFY(ReportBuilder::mayRead(Role::Supervisor));
    QVERIFY(ReportBuilder::mayRead(Role::Auditor));
    QVERIFY(ReportBuilder::mayRead(Role::Admin));
    QVERIFY(!ReportBuilder::mayRead(Role::Officer));
    QVERIFY(!ReportBuilder::mayRead(Role::CheckpointOfficer));

    // Reading writes nothing: not even an audit event.
    auto lastEvent = [&] {
        const auto value = seeded.database->scalar(QStringLiteral("SELECT MAX(seq) FROM audit_events"), {},
                                                   QStringLiteral("the last audit event"), &error);
        return value ? value->toLongLong() : -1;
    };
    const qint64 before = lastEvent();
    QVERIFY(before > 0);
    for (const Kind kind : {Kind::QueueResolutions, Kind::AlternateProcedures, Kind::Deletions, Kind::KeyAccesses,
                            Kind::PartnerSubmissions}) {
        for (const Role role : {Role::Officer, Role::CheckpointOfficer}) {
            error.clear();
            QVERIFY(!seeded.build(kind, &error, QDateTime(), QDateTime(), user(QStringLiteral("jdoe"), role)));
            QVERIFY2(error.contains(roleName(role)), qPrintable(error));
        }
        for (const Role role : {Role::Supervisor, Role::Auditor, Role::Admin}) {
            const auto table = seeded.build(kind, &error, QDateTime(), QDateTime(), user(QStringLiteral("boss"), role));
            QVERIFY2(table, qPrintable(error));
            QVERIFY(!table->rows.empty());
            for (const QStringList& row : table->rows)
                QCOMPARE(row.size(), table->columns.size());
        }
    }
    UserAccount disabled = kAuditor;
    disabled.disabled = true;
    error.clear();
    QVERIFY(!seeded.build(Kind::Deletions, &error, QDateTime(), QDateTime(), disabled));
    QVERIFY2(error.contains(QStringLiteral("disabled")), qPrintable(error));
    QCOMPARE(lastEvent(), before);
}

void TestReport::csvQuotedAndDefused()
{
    ReportTable table;
    table.title = QStringLiteral("t");
    table.columns = {QStringLiteral("plain"), QStringLiteral("with, comma")};
    table.rows = {{QStringLiteral("=1+1"), QStringLiteral("say \"hi\"")},
                  {QStringLiteral("-5"), QStringLiteral("two\nlines")},
                  {QStringLiteral("@SUM(A1)"), QStringLiteral("+cmd|' /C calc'!A0")},
                  {QStringLiteral("ünïcode"), QString()}};
    bool ok = false;
    QString error;
    const QByteArray csv = csvOf(table, &ok, &error);
    QVERIFY2(ok, qPrintable(error));
    QCOMPARE(csv, QStringLiteral("plain,\"with, comma\"\r\n"
                                 "'=1+1,\"say \"\"hi\"\"\"\r\n"
                                 "'-5,\"two\nlines\"\r\n"
                                 "'@SUM(A1),'+cmd|' /C calc'!A0\r\n"
                                 "ünïcode,\r\n")
                      .toUtf8());

    // A row that does not fit the columns, a device not open: refused in words.
    table.rows.push_back({QStringLiteral("one cell")});
    csvOf(table, &ok, &error);
    QVERIFY(!ok);
    QVERIFY2(error.contains(QStringLiteral("row 5")), qPrintable(error));
    table.rows.pop_back();
    QBuffer closed;
    error.clear();
    QVERIFY(!writeReportCsv(table, closed, &error));
    QVERIFY2(error.contains(QStringLiteral("not open")), qPrintable(error));
}

void TestReport::csvOfABuiltReport()
{
    Seeded seeded;
    QString error;
    QVERIFY2(seeded.open(&error), qPrintable(error));
    const std::optional<ReportTable> table = seeded.build(Kind::QueueResolutions, &error);
    QVERIFY2(table, qPrintable(error));
    bool ok = false;
    const QString csv = QString::fromUtf8(csvOf(*table, &ok, &error));
    QVERIFY2(ok, qPrintable(error));
    const QStringList lines = csv.split(QStringLiteral("\r\n"));
    QCOMPARE(lines.size(), 1 + 2 + 1); // header, two rows, the empty end after the last CRLF
    QCOMPARE(lines.at(0), QStringLiteral("Item,Encounter,Entered queue,Reason,State,Claimed by,Flight,Camera,Officer,"
                                         "Score,Threshold,Resolution,Supervisor,Decided at,Note"));
    // The supervisor's note: defused, then quoted (comma, quotes).
    QVERIFY2(lines.at(1).endsWith(QStringLiteral(",\"'=HYPERLINK(\"\"http://x\"\"), checked\"")), qPrintable(lines.at(1)));
    QVERIFY(lines.at(3).isEmpty());
}

void TestReport::namesAndStems()
{
    const std::vector<std::pair<Kind, const char*>> stems{{Kind::QueueResolutions, "queue-resolutions"},
                                                          {Kind::AlternateProcedures, "alternate-procedures"},
                                                          {Kind::Deletions, "deletions"},
                                                          {Kind::KeyAccesses, "key-accesses"},
                                                          {Kind::PartnerSubmissions, "partner-submissions"},
                                                          {Kind::AuditEvents, "audit-events"}};
    QStringList titles;
    for (const auto& [kind, stem] : stems) {
        QCOMPARE(ReportBuilder::fileStem(kind), QString::fromLatin1(stem));
        QVERIFY(!ReportBuilder::title(kind).isEmpty());
        titles << ReportBuilder::title(kind);
    }
    titles.removeDuplicates();
    QCOMPARE(titles.size(), 6);
}

QTEST_GUILESS_MAIN(TestReport)
#include "tst_report.moc"
