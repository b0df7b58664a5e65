// PresentationAttackPolicy: facegate-matchd's action and operating point for
// a client's presentation attacks, from a default and partner overrides (the
// first that matches wins), every BPCER's threshold read from the calibration
// table when the policy is made (a test table: TestPadCalibration.h); a
// workstation is never refused; malformed overrides and a BPCER the table
// does not cover are refused with the entry named.
#include "core/service/PresentationAttackPolicy.h"
#include "tests/support/TestPadCalibration.h"

#include <QTemporaryDir>
#include <QTest>

using namespace fg;
using Action = PresentationAttackPolicy::Action;

namespace {

ClientIdentity client(const QString& cn, const QString& o, const QString& ou)
{
    ClientIdentity identity;
    identity.commonName = cn;
    identity.organization = o;
    identity.organizationalUnit = ou;
    identity.fingerprintSha256 = QByteArray(64, 'a');
    identity.role = ou;
    return identity;
}

const ClientIdentity kUnited = client(QStringLiteral("ua-camera-7"), QStringLiteral("United Airlines"), QStringLiteral("partner"));
const ClientIdentity kDelta = client(QStringLiteral("dl-camera-2"), QStringLiteral("Delta Air Lines"), QStringLiteral("partner"));
const ClientIdentity kDesk = client(QStringLiteral("gate-b12"), QStringLiteral("Delta Air Lines"), QStringLiteral("workstation"));

PadAssessment attack()
{
    PadAssessment assessment;
    assessment.decision = PadDecision::Attack;
    return assessment;
}

} // namespace

class TestPresentationAttackPolicy : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void defaultAppliesToEveryPartner();
    void firstMatchingOverrideWins();
    void workstationIsNeverRefused();
    void overridesAreParsed_data();
    void overridesAreParsed();
    void malformedOverridesAreRefused_data();
    void malformedOverridesAreRefused();
    void aBpcerWithoutThresholdIsRefused();

private:
    QTemporaryDir m_dir;
};

void TestPresentationAttackPolicy::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const QString table = m_dir.filePath(QStringLiteral("pad.json"));
    QString error;
    QVERIFY2(test::writePadCalibration(table, &error), qPrintable(error));
    qputenv("FACEGATE_PAD_CALIBRATION", QFile::encodeName(table));
}

void TestPresentationAttackPolicy::defaultAppliesToEveryPartner()
{
    QString error;
    const auto policy = PresentationAttackPolicy::make(Action::Refuse, 0.01, {}, PadFrameScorer::modelId(), &error);
    QVERIFY2(policy, qPrintable(error));
    for (const ClientIdentity& partner : {kUnited, kDelta}) {
        const PresentationAttackPolicy::Applied applied = policy->forClient(partner);
        QCOMPARE(applied.action, Action::Refuse);
        QCOMPARE(applied.point.bpcer, 0.01);
        QCOMPARE(applied.point.threshold, 0.5);
        QVERIFY(applied.refuses(attack()));
        QVERIFY(!applied.refuses(PadAssessment())); // not assessed: never refused
    }
    // Between the rows: the threshold interpolated by the table.
    const auto between = PresentationAttackPolicy::make(Action::Flag, 0.03, {}, PadFrameScorer::modelId(), &error);
    QVERIFY2(between, qPrintable(error));
    QVERIFY(between->forClient(kUnited).point.threshold < 0.5);
    QVERIFY(between->forClient(kUnited).point.threshold > 0.2);
    QVERIFY(!between->forClient(kUnited).refuses(attack()));
}

void TestPresentationAttackPolicy::firstMatchingOverrideWins()
{
    QString error;
    const auto policy = PresentationAttackPolicy::make(
        Action::Refuse, 0.01,
        {QStringLiteral("CN=dl-camera-2:refuse:0.001"), QStringLiteral("O=Delta Air Lines:flag:0.1"),
         QStringLiteral("OU=partner:flag")},
        PadFrameScorer::modelId(), &error);
    QVERIFY2(policy, qPrintable(error));
    const auto camera2 = policy->forClient(kDelta);
    QCOMPARE(camera2.action, Action::Refuse);
    QCOMPARE(camera2.point.threshold, 0.9);
    const auto camera3 = policy->forClient(
        client(QStringLiteral("dl-camera-3"), QStringLiteral("Delta Air Lines"), QStringLiteral("partner")));
    QCOMPARE(camera3.action, Action::Flag);
    QCOMPARE(camera3.point.bpcer, 0.1);
    QCOMPARE(camera3.point.threshold, 0.2);
    // No BPCER of its own: the default's.
    const auto united = policy->forClient(kUnited);
    QCOMPARE(united.action, Action::Flag);
    QCOMPARE(united.point.bpcer, 0.01);
}

void TestPresentationAttackPolicy::workstationIsNeverRefused()
{
    QString error;
    const auto policy = PresentationAttackPolicy::make(Action::Refuse, 0.01,
                                                       {QStringLiteral("O=Delta Air Lines:refuse:0.1")},
                                                       PadFrameScorer::modelId(), &error);
    QVERIFY2(policy, qPrintable(error));
    const auto desk = policy->forClient(kDesk);
    QCOMPARE(desk.action, Action::Flag);
    QVERIFY(!desk.refuses(attack()));
    QCOMPARE(desk.point.bpcer, 0.1); // it gets the score at its organisation's operating point
}

void TestPresentationAttackPolicy::overridesAreParsed_data()
{
    QTest::addColumn<QString>("entry");
    QTest::addColumn<QString>("attribute");
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("refuse");
    QTest::addColumn<double>("bpcer"); // 0: none

    QTest::newRow("organisation") << QStringLiteral("O=Delta Air Lines:flag") << QStringLiteral("O")
                                  << QStringLiteral("Delta Air Lines") << false << 0.0;
    QTest::newRow("with a BPCER") << QStringLiteral(" cn = ua-camera-7 : refuse : 0.005 ") << QStringLiteral("CN")
                                  << QStringLiteral("ua-camera-7") << true << 0.005;
    QTest::newRow("a colon in the value") << QStringLiteral("CN=gate:7:flag:1e-2") << QStringLiteral("CN")
                                          << QStringLiteral("gate:7") << false << 0.01;
}

void TestPresentationAttackPolicy::overridesAreParsed()
{
    QFETCH(QString, entry);
    QString error;
    const auto parsed = PresentationAttackPolicy::parseOverride(entry, &error);
    QVERIFY2(parsed, qPrintable(error));
    QTEST(parsed->attribute, "attribute");
    QTEST(parsed->value, "value");
    QTEST(parsed->action == Action::Refuse, "refuse");
    QTEST(parsed->bpcer.value_or(0.0), "bpcer");
}

void TestPresentationAttackPolicy::malformedOverridesAreRefused_data()
{
    QTest::addColumn<QString>("entry");
    QTest::newRow("no attribute") << QStringLiteral("Delta:flag");
    QTest::newRow("unknown attribute") << QStringLiteral("L=Atlanta:flag");
    QTest::newRow("no action") << QStringLiteral("O=Delta Air Lines");
    QTest::newRow("unknown action") << QStringLiteral("O=Delta Air Lines:allow");
    QTest::newRow("BPCER out of range") << QStringLiteral("O=Delta Air Lines:flag:1.5");
    QTest::newRow("empty value") << QStringLiteral("O=:flag");
}

void TestPresentationAttackPolicy::malformedOverridesAreRefused()
{
    QFETCH(QString, entry);
    QString error;
    QVERIFY(!PresentationAttackPolicy::parseOverride(entry, &error));
    QVERIFY2(error.contains(entry) && error.contains(QStringLiteral("refuse|flag")), qPrintable(error));
    QVERIFY(!PresentationAttackPolicy::make(Action::Refuse, 0.01, {entry}, PadFrameScorer::modelId(), &error));
}

void TestPresentationAttackPolicy::aBpcerWithoutThresholdIsRefused()
{
    QString error;
    // The table covers 0.001 to 0.1.
    QVERIFY(!PresentationAttackPolicy::make(Action::Refuse, 0.0001, {}, PadFrameScorer::modelId(), &error));
    QVERIFY2(error.contains(QStringLiteral("BPCER 0.0001")), qPrintable(error));
    QVERIFY(!PresentationAttackPolicy::make(Action::Refuse, 0.01, {QStringLiteral("O=Delta Air Lines:flag:0.3")},
                                            PadFrameScorer::modelId(), &error));
    QVERIFY2(error.contains(QStringLiteral("O=Delta Air Lines:flag:0.3")), qPrintable(error));
    // No table at all.
    qputenv("FACEGATE_PAD_CALIBRATION", QFile::encodeName(m_dir.filePath(QStringLiteral("none.json"))));
    QVERIFY(!PresentationAttackPolicy::make(Action::Refuse, 0.01, {}, PadFrameScorer::modelId(), &error));
    QVERIFY2(error.contains(QStringLiteral("none.json")), qPrintable(error));
    qputenv("FACEGATE_PAD_CALIBRATION", QFile::encodeName(m_dir.filePath(QStringLiteral("pad.json"))));
}

QTEST_GUILESS_MAIN(TestPresentationAttackPolicy)
#include "tst_presentationattackpolicy.moc"
