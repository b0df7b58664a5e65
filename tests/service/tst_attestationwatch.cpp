// AttestationWatch (issue 6): facegate-matchd counts the partner submissions
// whose purge attestation is overdue (service/attestationHours), as the
// supervisor's report lists them: not attested and verified more than the
// hours before the clock's now. The gauge facegate_submissions_unattested_overdue
// says how many, a warning names how many and the oldest; checked at start()
// and then on the interval. On both record back-ends.
#include "core/security/AuditLog.h"
#include "core/security/KeyEncryptionKey.h"
#include "core/security/KeyStore.h"
#include "core/service/AttestationWatch.h"
#include "core/service/Metrics.h"
#include "core/storage/Database.h"
#include "core/workflow/EncounterStore.h"
#include "core/workflow/RetentionPolicy.h"
#include "tests/support/ManualClock.h"
#include "tests/support/SealedRecords.h"
#include "tests/support/TestDatabase.h"

#include <QRegularExpression>
#include <QSqlQuery>
#include <QTest>

#include <memory>

using namespace fg;

namespace {

const QDateTime kStart(QDate(2026, 11, 26), QTime(9, 0), Qt::UTC);
const QByteArray kGauge = AttestationWatch::kGauge;

struct Records : test::SealedRecords {
    Records()
        : SealedRecords(kStart)
    {
    }

    // An encounter verified at `at`: a partner's through facegate-matchd (the
    // rows MatchingApi writes, and PurgeAttestationStore's when attested), or a
    // workstation's (no partner). Its id, or 0 with *error. The clock stays at `at`.
    qint64 add(const QDateTime& at, const QString& partner, const QString& submissionId, bool attested, QString* error)
    {
        clock.set(at);
        Encounter encounter;
        encounter.kind = Encounter::Kind::Exit;
        encounter.decision = Encounter::Decision::Match;
        encounter.citizenship = QStringLiteral("XXX");
        encounter.score = 0.7;
        encounter.threshold = 0.41;
        encounter.camera = QStringLiteral("gate-b12");
        encounter.partner = partner;
        encounter.officer = partner.isEmpty() ? QStringLiteral("olga") : QStringLiteral("partner:airline-xy");
        encounter.workstation = partner.isEmpty() ? QStringLiteral("ws-1") : QString();
        const std::optional<qint64> id = encounters->add(encounter, nullptr, encounter.officer, error);
        if (!id)
            return 0;
        if (!submissionId.isEmpty()
            && !exec(QStringLiteral("INSERT INTO service_submissions (submission_id, encounter_id, client_fingerprint, "
                                    "client_subject, client_role, created_at) VALUES (?, ?, 'ab12', ?, 'partner', ?)"),
                     {submissionId, *id, partner, clock.nowMs()}, error))
            return 0;
        if (attested && !attest(submissionId, *id, error))
            return 0;
        return *id;
    }

    bool attest(const QString& submissionId, qint64 encounterId, QString* error)
    {
        return exec(QStringLiteral("INSERT INTO purge_attestations (submission_id, encounter_id, partner_fingerprint, "
                                   "partner_subject, deleted_at_text, deleted_at, signature, recorded_at) "
                                   "VALUES (?, ?, 'ab12', 'CN=airline-xy', '2026-11-26T09:05:00Z', ?, 'c2ln', ?)"),
                    {submissionId, encounterId, clock.nowMs(), clock.nowMs()}, error);
    }
};

const QString kPartner = QStringLiteral("CN=airline-xy,O=Airline XY,OU=partner");

} // namespace

class TestAttestationWatch : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { qInfo("back-end: %s", qPrintable(test::TestDatabase::backendName())); }
    void countsTheOverdueAndNamesTheOldest();
    void nothingOverdueIsAZeroGaugeAndNoWarning();
    void checksAtStartAndThenOnTheInterval();
    void aFailedCheckIsSaidAndKeepsTheGauge();
};

void TestAttestationWatch::countsTheOverdueAndNamesTheOldest()
{
    Records records;
    QString error;
    QVERIFY2(records.open(&error), qPrintable(error));
    // t0: X (partner, not attested), Z (partner, attested), W (a workstation's);
    // t0 + 2 h: Y (partner, not attested); t0 + 3 h: V (a partner's camera
    // whose submission row was never written).
    const QDateTime t0 = kStart;
    const qint64 x = records.add(t0, kPartner, QStringLiteral("sub-x"), false, &error);
    QVERIFY2(x, qPrintable(error));
    QVERIFY2(records.add(t0, kPartner, QStringLiteral("sub-z"), true, &error), qPrintable(error));
    QVERIFY2(records.add(t0, QString(), QString(), false, &error), qPrintable(error));
    const qint64 y = records.add(t0.addSecs(2 * 3600), kPartner, QStringLiteral("sub-y"), false, &error);
    QVERIFY2(y, qPrintable(error));
    QVERIFY2(records.add(t0.addSecs(3 * 3600), kPartner, QString(), false, &error), qPrintable(error));

    Metrics metrics;
    AttestationWatch watch(*records.database, records.clock, metrics, std::chrono::hours(24));
    QCOMPARE(watch.due(), std::chrono::hours(24));
    QVERIFY(!metrics.gauge(kGauge)); // nothing said before the first check

    // t0 + 25 h: X is 25 h old (overdue), Y 23 h and V 22 h (not yet), Z attested, W no partner's.
    records.clock.set(t0.addSecs(25 * 3600));
    QTest::ignoreMessage(QtWarningMsg,
                         QRegularExpression(QStringLiteral(
                             "^1 partner submission\\(s\\) without a purge attestation after 24 h; the oldest: "
                             "encounter %1 \\(submission sub-x\\) from CN=airline-xy,O=Airline XY,OU=partner, "
                             "verified 2026-11-26T09:00:00Z$")
                                                .arg(x)));
    std::optional<OverdueAttestations> found = watch.checkNow(&error);
    QVERIFY2(found, qPrintable(error));
    QCOMPARE(found->count, 1);
    QCOMPARE(found->oldestEncounterId, x);
    QCOMPARE(found->oldestSubmissionId, QStringLiteral("sub-x"));
    QCOMPARE(found->oldestPartner, kPartner);
    QCOMPARE(found->oldestVerifiedAt, t0);
    QCOMPARE(metrics.gauge(kGauge), std::optional<double>(1));
    const QByteArray text = metrics.prometheusText();
    QVERIFY2(text.contains("# TYPE facegate_submissions_unattested_overdue gauge\n"
                           "facegate_submissions_unattested_overdue 1\n"),
             text.constData());

    // Exactly 24 h after Y is not more than 24 h: X alone still.
    records.clock.set(t0.addSecs(26 * 3600));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("^1 partner submission")));
    found = watch.checkNow(&error);
    QVERIFY2(found, qPrintable(error));
    QCOMPARE(found->count, 1);

    // t0 + 28 h: X, Y and V; X still the oldest.
    records.clock.set(t0.addSecs(28 * 3600));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("^3 partner submission.* encounter %1 ").arg(x)));
    found = watch.checkNow(&error);
    QVERIFY2(found, qPrintable(error));
    QCOMPARE(found->count, 3);
    QCOMPARE(found->oldestEncounterId, x);
    QCOMPARE(metrics.gauge(kGauge), std::optional<double>(3));

    // X attested: Y is the oldest now.
    QVERIFY2(records.attest(QStringLiteral("sub-x"), x, &error), qPrintable(error));
    QTest::ignoreMessage(QtWarningMsg,
                         QRegularExpression(QStringLiteral("^2 partner submission.* encounter %1 \\(submission sub-y\\) .* "
                                                           "verified 2026-11-26T11:00:00Z$")
                                                .arg(y)));
    found = watch.checkNow(&error);
    QVERIFY2(found, qPrintable(error));
    QCOMPARE(found->count, 2);
    QCOMPARE(found->oldestEncounterId, y);
    QCOMPARE(metrics.gauge(kGauge), std::optional<double>(2));

    // A longer allowance: none is overdue yet.
    AttestationWatch patient(*records.database, records.clock, metrics, std::chrono::hours(48));
    found = patient.checkNow(&error);
    QVERIFY2(found, qPrintable(error));
    QCOMPARE(found->count, 0);
    QCOMPARE(metrics.gauge(kGauge), std::optional<double>(0));
}

void TestAttestationWatch::nothingOverdueIsAZeroGaugeAndNoWarning()
{
    Records records;
    QString error;
    QVERIFY2(records.open(&error), qPrintable(error));
    QTest::failOnWarning(QRegularExpression(QStringLiteral("purge attestation")));
    Metrics metrics;
    AttestationWatch watch(*records.database, records.clock, metrics, std::chrono::hours(24));
    std::optional<OverdueAttestations> found = watch.checkNow(&error); // an empty database
    QVERIFY2(found, qPrintable(error));
    QCOMPARE(found->count, 0);
    QCOMPARE(found->oldestEncounterId, 0);
    QCOMPARE(metrics.gauge(kGauge), std::optional<double>(0));
    QVERIFY(metrics.prometheusText().contains("\nfacegate_submissions_unattested_overdue 0\n"));

    // Attested, or not overdue: still nothing to say.
    const qint64 attested = records.add(kStart, kPartner, QStringLiteral("sub-a"), true, &error);
    QVERIFY2(attested, qPrintable(error));
    QVERIFY2(records.add(kStart.addSecs(3600), kPartner, QStringLiteral("sub-b"), false, &error), qPrintable(error));
    records.clock.set(kStart.addSecs(24 * 3600));
    found = watch.checkNow(&error);
    QVERIFY2(found, qPrintable(error));
    QCOMPARE(found->count, 0);
    QCOMPARE(metrics.gauge(kGauge), std::optional<double>(0));
}

void TestAttestationWatch::checksAtStartAndThenOnTheInterval()
{
    Records records;
    QString error;
    QVERIFY2(records.open(&error), qPrintable(error));
    const qint64 x = records.add(kStart, kPartner, QStringLiteral("sub-x"), false, &error);
    QVERIFY2(x, qPrintable(error));
    records.clock.set(kStart.addSecs(25 * 3600));

    Metrics metrics;
    AttestationWatch watch(*records.database, records.clock, metrics, std::chrono::hours(24));
    QCOMPARE(watch.interval(), AttestationWatch::kDefaultInterval);
    watch.setInterval(std::chrono::milliseconds(20));
    QCOMPARE(watch.interval(), std::chrono::milliseconds(20));
    int checks = 0;
    qint64 lastCount = -1;
    connect(&watch, &AttestationWatch::checked, this, [&](const OverdueAttestations& found) {
        ++checks;
        lastCount = found.count;
    });
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("^1 partner submission")));
    watch.start();
    // The first check is start()'s own, before any event is processed.
    QCOMPARE(checks, 1);
    QCOMPARE(metrics.gauge(kGauge), std::optional<double>(1));
    QVERIFY(watch.isActive());

    // Attested meanwhile: a later check by the timer brings the gauge to 0.
    QVERIFY2(records.attest(QStringLiteral("sub-x"), x, &error), qPrintable(error));
    QTRY_COMPARE_WITH_TIMEOUT(metrics.gauge(kGauge), std::optional<double>(0), 10000);
    QVERIFY(checks >= 2);
    QCOMPARE(lastCount, 0);

    watch.stop();
    QVERIFY(!watch.isActive());
    const int stoppedAt = checks;
    QTest::qWait(100);
    QCOMPARE(checks, stoppedAt);

    // A non-positive interval is the default.
    watch.setInterval(std::chrono::milliseconds(0));
    QCOMPARE(watch.interval(), AttestationWatch::kDefaultInterval);
}

void TestAttestationWatch::aFailedCheckIsSaidAndKeepsTheGauge()
{
    Records records;
    QString error;
    QVERIFY2(records.open(&error), qPrintable(error));
    QVERIFY2(records.add(kStart, kPartner, QStringLiteral("sub-x"), false, &error), qPrintable(error));
    records.clock.set(kStart.addSecs(25 * 3600));
    Metrics metrics;
    AttestationWatch watch(*records.database, records.clock, metrics, std::chrono::hours(24));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("^1 partner submission")));
    QVERIFY(watch.checkNow(&error));

    QString reason;
    connect(&watch, &AttestationWatch::failed, this, [&reason](const QString& why) { reason = why; });
    QVERIFY2(records.database->exec(QStringLiteral("DROP TABLE purge_attestations"), QStringLiteral("drop"), &error),
             qPrintable(error));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("^purge attestations not checked: ")));
    error.clear();
    QVERIFY(!watch.checkNow(&error));
    QVERIFY2(error.contains(QStringLiteral("purge attestation")), qPrintable(error));
    QCOMPARE(reason, error);
    QCOMPARE(metrics.gauge(kGauge), std::optional<double>(1)); // the last known count, not a false 0
}

QTEST_MAIN(TestAttestationWatch)
#include "tst_attestationwatch.moc"
