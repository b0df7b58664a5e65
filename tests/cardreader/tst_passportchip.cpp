// Issue 19's cases, end to end below the desk: a Utopian ePassport (test
// PKI: CSCA -> Document Signer -> EF.SOD; Lin-Manuel Miranda's photo in DG2)
// on the simulated chip, read through the test's own pcscd and vpcd by
// PassportChip: read and verified, genuine by BAC and by PACE; DG2 altered
// after signing (NOT genuine: the photo was altered); a Document Signer of a
// CSCA not trusted (not verifiable, the CSCA named); an expired Document
// Signer; a chip whose DG1 is not the printed zone; a wrong MRZ; chip
// authentication and active authentication passed, and a clone (DG15 copied,
// not its key) caught; a chip that offers neither, said so.
#include "core/documents/emrtd/CscaStore.h"
#include "core/documents/reader/PassportChip.h"
#include "core/documents/reader/PcscReader.h"
#include "tests/support/PcscRig.h"
#include "tests/support/TestData.h"
#include "tests/support/emrtd/ChipInReader.h"
#include "tests/support/emrtd/TestPassport.h"

#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace fg;
using test::SimulatedPassport;
using test::emrtd::TestPassport;

namespace {

const QDateTime kNow(QDate(2026, 12, 5), QTime(12, 0), Qt::UTC);

// Options of a test passport, as the test changes them.
template <typename Change>
TestPassport::Options with(Change change)
{
    TestPassport::Options options;
    change(options);
    return options;
}

struct Read {
    std::optional<ChipDocument> document;
    QString error;
    ChipSession::Failure failure = ChipSession::Failure::None;
};

} // namespace

class TestPassportChip : public QObject {
    Q_OBJECT

    test::ChipReaderRig m_reader;

    // Puts the passport's chip in the reader, reads it with `key` (the
    // passport's own when none), takes it out. Empty, or why the rig failed.
    QString read(const TestPassport& passport, const CscaStore* store, Read* result,
                 const SimulatedPassport::Options& options = {}, const std::optional<ChipAccessKey>& key = std::nullopt,
                 const QStringList& printed = {})
    {
        QString error;
        std::optional<ChipAccessKey> opener = passport.key(&error);
        std::optional<ChipAccessKey> own = passport.key(&error);
        if (!own || !opener)
            return error;
        auto chip = SimulatedPassport::create(passport.files, std::move(*own), options, &error);
        if (!chip)
            return error;
        if (passport.proof)
            passport.proof->install(*chip);
        if (!m_reader.insert(*chip, &error))
            return error;
        std::unique_ptr<PcscCard> card = m_reader.context().connect(test::PcscRig::reader(), &error);
        if (!card)
            return error;
        PassportChip::Options readOptions;
        readOptions.deadline = QDeadlineTimer(60000);
        result->document = PassportChip::read(*card, key ? *key : *opener, store, kNow,
                                              printed.isEmpty() ? passport.mrz.split(QLatin1Char('\n')) : printed,
                                              readOptions, &result->error, &result->failure);
        card.reset();
        chip->remove();
        return {};
    }

    static std::optional<CscaStore> trusting(const TestPassport& passport, QTemporaryDir& dir, QString* error)
    {
        if (!passport.writeTrust(dir.path(), error))
            return std::nullopt;
        return CscaStore::load(dir.path(), error);
    }

private Q_SLOTS:
    void initTestCase()
    {
        FG_REQUIRE_DATASETS();
        QString error;
        QVERIFY2(m_reader.start(&error), qPrintable(error));
    }

    void init()
    {
        QString error;
        QCOMPARE(m_reader.waitForNoCard(&error), std::optional<bool>(true));
    }

    void cleanupTestCase()
    {
        m_reader.stop();
    }

    void aGenuineChipIsReadAndVerified_data()
    {
        QTest::addColumn<bool>("pace");
        QTest::newRow("BAC") << false;
        QTest::newRow("PACE") << true;
    }
    void aGenuineChipIsReadAndVerified()
    {
        QFETCH(bool, pace);
        QString error;
        const auto passport = TestPassport::make({}, &error);
        QVERIFY2(passport, qPrintable(error));
        QTemporaryDir trust;
        const auto store = trusting(*passport, trust, &error);
        QVERIFY2(store, qPrintable(error));
        SimulatedPassport::Options options;
        if (pace) {
            options.accessControl = SimulatedPassport::AccessControl::Pace;
            options.paceOid = SimulatedPassport::kPaceEcdhGmAes128;
            options.paceParameterId = 13;
        }
        Read result;
        const QString rig = read(*passport, &*store, &result, options);
        QVERIFY2(rig.isEmpty(), qPrintable(rig));
        QVERIFY2(result.document, qPrintable(result.error));
        const ChipDocument& document = *result.document;
        QCOMPARE(document.outcomeName(), QStringLiteral("genuine"));
        QVERIFY2(document.verdict().summary.startsWith(QStringLiteral("Genuine")), qPrintable(document.verdict().summary));
        QCOMPARE(document.verdict().issuingCountry, QStringLiteral("UT"));
        QVERIFY2(document.verdict().csca.contains(QStringLiteral("Utopia CSCA")), qPrintable(document.verdict().csca));
        QCOMPARE(document.reading.accessControl,
                 pace ? QStringLiteral("PACE (ECDH generic mapping, AES-128, brainpoolP256r1)") : QStringLiteral("BAC"));
        QVERIFY(document.holder);
        QCOMPARE(document.holder->primaryIdentifier, QStringLiteral("MIRANDA"));
        QCOMPARE(document.holder->documentNumber, QStringLiteral("UT4711X08"));
        QVERIFY(document.photo);
        QCOMPARE(document.photo->format, QStringLiteral("JPEG"));
        QCOMPARE(document.photo->data, passport->jpeg);
        QCOMPARE(document.printedZone, ChipDocument::PrintedZone::Agrees);
        QCOMPARE(document.cloneCheck.result, CloneCheck::Result::NotOffered);
        QVERIFY2(document.words().contains(QStringLiteral("neither chip nor active authentication")),
                 qPrintable(document.words()));
        // The record's report: no name, no number.
        const QByteArray report = QJsonDocument(document.report()).toJson(QJsonDocument::Compact);
        QVERIFY2(!report.contains("MIRANDA") && !report.contains("UT4711X08"), report.constData());
        QVERIFY(report.contains("\"outcome\":\"genuine\""));
        qInfo("%s: %d APDUs, %lld ms", qPrintable(document.reading.accessControl), document.reading.apdus,
              document.reading.elapsedMs);
    }

    void aPhotoAlteredAfterSigningIsNotGenuine()
    {
        QString error;
        auto passport = TestPassport::make({}, &error);
        QVERIFY2(passport, qPrintable(error));
        QTemporaryDir trust;
        const auto store = trusting(*passport, trust, &error);
        QVERIFY2(store, qPrintable(error));
        // Another face in DG2, the signed hashes left as they were.
        const auto impostor = TestPassport::make(with([](auto& o) { o.photo = QStringLiteral("faces-dev/single/obama/01.jpg"); }), &error);
        QVERIFY2(impostor, qPrintable(error));
        passport->files.dataGroups[2] = impostor->files.dataGroups.at(2);
        Read result;
        const QString rig = read(*passport, &*store, &result);
        QVERIFY2(rig.isEmpty(), qPrintable(rig));
        QVERIFY2(result.document, qPrintable(result.error));
        QCOMPARE(result.document->outcomeName(), QStringLiteral("not-genuine"));
        QCOMPARE(result.document->verdict().failedCheck, QStringLiteral("DG2 hash"));
        QVERIFY2(result.document->verdict().summary.contains(QStringLiteral("DG2 hash differs from the signed hash: the "
                                                                            "photo was altered")),
                 qPrintable(result.document->verdict().summary));
    }

    void aSignerOfAnUntrustedCscaIsNotVerifiable()
    {
        QString error;
        const auto passport = TestPassport::make({}, &error);
        QVERIFY2(passport, qPrintable(error));
        // Trusted: another country's CSCA only. (A CSCA of Utopia's name but
        // another key would make the Document Signer a forgery: NOT genuine.)
        test::emrtd::TestPki::Options otherCountry;
        otherCountry.country = QStringLiteral("XO");
        otherCountry.organisation = QStringLiteral("Other");
        otherCountry.commonName = QStringLiteral("Other CSCA");
        const auto other = test::emrtd::TestPki::makeCsca(otherCountry, &error);
        QVERIFY2(other, qPrintable(error));
        QTemporaryDir trust;
        QFile pem(trust.filePath(QStringLiteral("other.pem")));
        QVERIFY(pem.open(QIODevice::WriteOnly) && pem.write(other->pem()) == other->pem().size());
        pem.close();
        const auto store = CscaStore::load(trust.path(), &error);
        QVERIFY2(store, qPrintable(error));
        Read result;
        const QString rig = read(*passport, &*store, &result);
        QVERIFY2(rig.isEmpty(), qPrintable(rig));
        QVERIFY2(result.document, qPrintable(result.error));
        QCOMPARE(result.document->outcomeName(), QStringLiteral("not-verifiable"));
        QVERIFY2(result.document->verdict().summary.contains(QStringLiteral("Utopia CSCA")),
                 qPrintable(result.document->verdict().summary));

        init(); // the first chip gone
        Read untrusted; // and without any trust list
        QCOMPARE(read(*passport, nullptr, &untrusted), QString());
        QVERIFY2(untrusted.document, qPrintable(untrusted.error));
        QCOMPARE(untrusted.document->outcomeName(), QStringLiteral("not-verifiable"));
    }

    void anExpiredDocumentSignerIsNotGenuine()
    {
        QString error;
        const auto passport =
            TestPassport::make(with([](auto& o) { o.signerNotAfter = QDateTime(QDate(2025, 1, 31), QTime(0, 0), Qt::UTC); }),
                               &error);
        QVERIFY2(passport, qPrintable(error));
        QTemporaryDir trust;
        const auto store = trusting(*passport, trust, &error);
        QVERIFY2(store, qPrintable(error));
        Read result;
        QCOMPARE(read(*passport, &*store, &result), QString());
        QVERIFY2(result.document, qPrintable(result.error));
        QCOMPARE(result.document->outcomeName(), QStringLiteral("not-genuine"));
        QVERIFY2(result.document->verdict().summary.contains(QStringLiteral("2025-01-31")),
                 qPrintable(result.document->verdict().summary));
    }

    // The chip is genuine, the data page is not the chip's: an alert in words.
    void aDataPageThatIsNotTheChipsIsAnAlert()
    {
        QString error;
        const auto passport = TestPassport::make({}, &error);
        QVERIFY2(passport, qPrintable(error));
        QTemporaryDir trust;
        const auto store = trusting(*passport, trust, &error);
        QVERIFY2(store, qPrintable(error));
        // Same number, birth and expiry (so the key opens the chip), another name.
        const auto printed = TestPassport::make(with([](auto& o) { o.surname = QStringLiteral("MIRAMAR"); }), &error);
        QVERIFY2(printed, qPrintable(error));
        Read result;
        QCOMPARE(read(*passport, &*store, &result, {}, std::nullopt, printed->mrz.split(QLatin1Char('\n'))), QString());
        QVERIFY2(result.document, qPrintable(result.error));
        QCOMPARE(result.document->signature.outcome, ChipVerdict::Outcome::Genuine);
        QCOMPARE(result.document->printedZone, ChipDocument::PrintedZone::Differs);
        QCOMPARE(result.document->outcomeName(), QStringLiteral("not-genuine"));
        const QString summary = result.document->verdict().summary;
        QVERIFY2(summary.contains(QStringLiteral("surname (chip MIRANDA, data page MIRAMAR)")), qPrintable(summary));
    }

    void aWrongMrzIsRefusedClearly()
    {
        QString error;
        const auto passport = TestPassport::make({}, &error);
        const auto other = TestPassport::make(with([](auto& o) { o.documentNumber = QStringLiteral("UT4711X09"); }), &error);
        QVERIFY2(passport && other, qPrintable(error));
        Read result;
        QCOMPARE(read(*passport, nullptr, &result, {}, other->key(&error)), QString());
        QVERIFY(!result.document);
        QCOMPARE(result.failure, ChipSession::Failure::WrongKey);
        QVERIFY2(result.error.contains(QStringLiteral("document number")), qPrintable(result.error));
    }

    void cloneChecks_data()
    {
        QTest::addColumn<int>("kind"); // 0 chip authentication, 1 active authentication, 2 a clone (AA)
        QTest::addColumn<QString>("result");
        QTest::addColumn<QString>("outcome");
        QTest::newRow("chip authentication") << 0 << "passed" << "genuine";
        QTest::newRow("active authentication") << 1 << "passed" << "genuine";
        QTest::newRow("a clone: DG15 copied, not its key") << 2 << "failed" << "not-genuine";
    }
    void cloneChecks()
    {
        QFETCH(int, kind);
        QFETCH(QString, result);
        QFETCH(QString, outcome);
        QString error;
        std::optional<test::CloneProof> proof = kind == 0 ? test::chipAuthenticationProof(&error)
                                                          : test::activeAuthenticationProof(&error, kind == 2);
        QVERIFY2(proof, qPrintable(error));
        const auto passport = TestPassport::make(with([&proof](auto& o) { o.proof = proof; }), &error);
        QVERIFY2(passport, qPrintable(error));
        QTemporaryDir trust;
        const auto store = trusting(*passport, trust, &error);
        QVERIFY2(store, qPrintable(error));
        Read read;
        QCOMPARE(this->read(*passport, &*store, &read), QString());
        QVERIFY2(read.document, qPrintable(read.error));
        QCOMPARE(CloneCheck::resultName(read.document->cloneCheck.result), result);
        QCOMPARE(read.document->outcomeName(), outcome);
        qInfo("%s: %s", qPrintable(read.document->cloneCheck.method), qPrintable(read.document->words()));
        if (kind == 2)
            QVERIFY2(read.document->verdict().summary.contains(QStringLiteral("may be a copy")),
                     qPrintable(read.document->verdict().summary));
    }

    void aCardPulledOutMidPhotoReturnsNothing()
    {
        QString error;
        const auto passport = TestPassport::make({}, &error);
        QVERIFY2(passport, qPrintable(error));
        SimulatedPassport::Options options;
        options.fault.kind = SimulatedPassport::Fault::Kind::PulledOut;
        options.fault.afterBytes = 8000;
        Read result;
        QCOMPARE(read(*passport, nullptr, &result, options), QString());
        QVERIFY(!result.document);
        QCOMPARE(result.failure, ChipSession::Failure::CardRemoved);
        QVERIFY2(result.error.contains(QStringLiteral("DG2")), qPrintable(result.error));
    }
};

QTEST_GUILESS_MAIN(TestPassportChip)
#include "tst_passportchip.moc"
