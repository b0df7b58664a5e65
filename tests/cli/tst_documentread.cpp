// `facegate-cli document read` as a script runs it (QProcess), against the
// test's own pcscd with vsmartcard-vpcd and a test passport's simulated chip
// (the child process finds the rig's pcscd through PCSCLITE_CSOCK_NAME, which
// PcscRig sets): the data groups read, DG1's fields, the photo and the verdict
// as one JSON object; exit 1 for a chip that is NOT genuine (the check named
// on stderr) or that does not open with the MRZ given; 2 for bad usage.
#include "core/documents/reader/PcscReader.h"
#include "tests/cli/CliRun.h"
#include "tests/support/PcscRig.h"
#include "tests/support/TestData.h"
#include "tests/support/emrtd/ChipInReader.h"
#include "tests/support/emrtd/TestPassport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace fg;
using test::SimulatedPassport;
using test::emrtd::TestPassport;

namespace {

using Run = fg::test::CliRun;

Run cli(const QStringList& words)
{
    return fg::test::runCli(QStringList{QStringLiteral("document"), QStringLiteral("read")} + words);
}

} // namespace

class TestDocumentRead : public QObject {
    Q_OBJECT

    test::ChipReaderRig m_reader;

    // The passport's chip in the reader while `words` run.
    Run readWith(const TestPassport& passport, const QStringList& words, QString* error)
    {
        auto chip = SimulatedPassport::create(passport.files, *passport.key(error), {}, error);
        if (!chip || !m_reader.insert(*chip, error))
            return {};
        const Run run = cli(QStringList{QStringLiteral("--reader"), test::PcscRig::reader()} + words);
        chip->remove();
        m_reader.waitForNoCard(error); // its ghost gone
        return run;
    }

private Q_SLOTS:
    void initTestCase()
    {
        FG_REQUIRE_DATASETS();
        QString error;
        QVERIFY2(m_reader.start(&error), qPrintable(error));
    }

    void cleanupTestCase()
    {
        m_reader.stop();
    }

    void aGenuineChipIsPrintedWhole()
    {
        QString error;
        const auto passport = TestPassport::make({}, &error);
        QVERIFY2(passport, qPrintable(error));
        QTemporaryDir trust;
        QVERIFY2(passport->writeTrust(trust.path(), &error), qPrintable(error));
        const Run run = readWith(*passport, {QStringLiteral("--mrz"), passport->mrz, QStringLiteral("--csca"), trust.path()},
                                 &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY2(run.status == 0, qPrintable(run.err));
        QCOMPARE(run.json.value(QStringLiteral("outcome")).toString(), QStringLiteral("genuine"));
        QCOMPARE(run.json.value(QStringLiteral("issuing_country")).toString(), QStringLiteral("UT"));
        QCOMPARE(run.json.value(QStringLiteral("access_control")).toString(), QStringLiteral("BAC"));
        QCOMPARE(run.json.value(QStringLiteral("data_groups")).toArray(), (QJsonArray{1, 2}));
        const QJsonObject dg1 = run.json.value(QStringLiteral("dg1")).toObject();
        QCOMPARE(dg1.value(QStringLiteral("surname")).toString(), QStringLiteral("MIRANDA"));
        QCOMPARE(dg1.value(QStringLiteral("given_names")).toString(), QStringLiteral("LIN MANUEL"));
        QCOMPARE(dg1.value(QStringLiteral("document_number")).toString(), QStringLiteral("UT4711X08"));
        const QJsonObject photo = run.json.value(QStringLiteral("photo")).toObject();
        QCOMPARE(photo.value(QStringLiteral("format")).toString(), QStringLiteral("JPEG"));
        QCOMPARE(photo.value(QStringLiteral("bytes")).toInteger(), qint64(passport->jpeg.size()));
        QCOMPARE(photo.value(QStringLiteral("width")).toInt(), passport->width);
        QCOMPARE(run.json.value(QStringLiteral("clone_check")).toObject().value(QStringLiteral("result")).toString(),
                 QStringLiteral("not-offered"));
        qInfo("document read: %lld APDUs, %lld ms", run.json.value(QStringLiteral("apdus")).toInteger(),
              run.json.value(QStringLiteral("elapsed_ms")).toInteger());
    }

    void anAlteredPhotoExitsOneNamingTheCheck()
    {
        QString error;
        auto passport = TestPassport::make({}, &error);
        TestPassport::Options other;
        other.photo = QStringLiteral("faces-dev/single/biden/01.jpg");
        const auto impostor = TestPassport::make(other, &error);
        QVERIFY2(passport && impostor, qPrintable(error));
        passport->files.dataGroups[2] = impostor->files.dataGroups.at(2);
        QTemporaryDir trust;
        QVERIFY2(passport->writeTrust(trust.path(), &error), qPrintable(error));
        const Run run = readWith(*passport, {QStringLiteral("--mrz"), passport->mrz, QStringLiteral("--csca"), trust.path()},
                                 &error);
        QCOMPARE(run.status, 1);
        QCOMPARE(run.json.value(QStringLiteral("outcome")).toString(), QStringLiteral("not-genuine"));
        QCOMPARE(run.json.value(QStringLiteral("failed_check")).toString(), QStringLiteral("DG2 hash"));
        QVERIFY2(run.err.contains(QStringLiteral("the photo was altered")), qPrintable(run.err));
    }

    void aWrongMrzAndBadUsage()
    {
        QString error;
        const auto passport = TestPassport::make({}, &error);
        TestPassport::Options otherNumber;
        otherNumber.documentNumber = QStringLiteral("UT4711X09");
        const auto other = TestPassport::make(otherNumber, &error);
        QVERIFY2(passport && other, qPrintable(error));
        const Run wrong = readWith(*passport, {QStringLiteral("--mrz"), other->mrz}, &error);
        QCOMPARE(wrong.status, 1);
        QVERIFY2(wrong.err.contains(QStringLiteral("access key")), qPrintable(wrong.err));

        const Run noMrz = cli({});
        QCOMPARE(noMrz.status, 2);
        QVERIFY2(noMrz.err.contains(QStringLiteral("--mrz is required")), qPrintable(noMrz.err));
        const Run notAZone = cli({QStringLiteral("--mrz"), QStringLiteral("P<UTO")});
        QCOMPARE(notAZone.status, 2);
        const Run noReader = cli({QStringLiteral("--reader"), QStringLiteral("No Such Reader"), QStringLiteral("--mrz"),
                                  passport->mrz});
        QCOMPARE(noReader.status, 1);
        QVERIFY2(noReader.err.contains(QStringLiteral("No Such Reader")), qPrintable(noReader.err));
    }
};

QTEST_GUILESS_MAIN(TestDocumentRead)
#include "tst_documentread.moc"
