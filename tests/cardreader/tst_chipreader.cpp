// ChipReader/ChipSession through the real pcsc-lite: the test's own pcscd
// with vsmartcard-vpcd (PcscRig) and the software ePassport chip
// (SimulatedPassport) behind it. Read by BAC and by PACE on three curves,
// files byte-identical to the chip's; short-only and extended-length chips;
// offsets past 7FFF; a wrong MRZ, a card pulled out in the middle of DG2, a
// malformed TLV length, a silent chip (a deadline error, not a hang), a
// cancelled read, and the chip's refusal of an unprotected READ BINARY.
#include "core/documents/reader/CardTransmitter.h"
#include "core/documents/reader/ChipReader.h"
#include "core/documents/reader/PcscReader.h"
#include "tests/cardreader/HandMadeLds.h"
#include "tests/support/PcscRig.h"
#include "tests/support/emrtd/ChipInReader.h"
#include "tests/support/emrtd/SimulatedPassport.h"

#include <QElapsedTimer>
#include <QThread>
#include <QTest>

using namespace fg;
using test::SimulatedPassport;

namespace {

struct Outcome {
    std::optional<ChipReading> reading;
    QString error;
    ChipSession::Failure failure = ChipSession::Failure::None;
    int chipApdus = 0;
    LdsFiles chipFiles;
    qint64 returnedAfterMs = 0;
};

SimulatedPassport::Options paceOptions(const QByteArray& oid, int parameterId)
{
    SimulatedPassport::Options options;
    options.accessControl = SimulatedPassport::AccessControl::Pace;
    options.paceOid = oid;
    options.paceParameterId = parameterId;
    return options;
}

} // namespace

class TestChipReader : public QObject {
    Q_OBJECT

    test::ChipReaderRig m_reader;

    bool insert(SimulatedPassport& chip, QString* error) { return m_reader.insert(chip, error); }

    // Inserts a chip with `files` (opened by the specimen's key), reads it
    // with `key`, pulls it out. Empty, or why the rig failed.
    QString readChip(const LdsFiles& files, const SimulatedPassport::Options& options, const ChipAccessKey& key,
                     Outcome* outcome, const ChipReader::Options& readOptions = {})
    {
        QString error;
        auto chip = SimulatedPassport::create(files, *test::specimenKey(), options, &error);
        if (!chip)
            return error;
        if (!insert(*chip, &error))
            return error;
        std::unique_ptr<PcscCard> card = m_reader.context().connect(test::PcscRig::reader(), &error);
        if (!card)
            return error;
        QElapsedTimer clock;
        clock.start();
        outcome->reading = ChipReader::read(*card, key, readOptions, &outcome->error, &outcome->failure);
        outcome->returnedAfterMs = clock.elapsed();
        outcome->chipApdus = chip->apduCount();
        outcome->chipFiles = chip->files();
        if (outcome->failure == ChipSession::Failure::Deadline) {
            chip->remove(); // first: a silent chip lets the abandoned exchange end
            QDeadlineTimer wait(10000);
            while (CardTransmitter::abandonedExchanges() > 0 && !wait.hasExpired())
                QThread::msleep(10);
            if (CardTransmitter::abandonedExchanges() > 0)
                return QStringLiteral("the abandoned exchange did not end when the chip was pulled out");
        }
        card.reset();
        chip->remove();
        return {};
    }

    static void compareFiles(const LdsFiles& read, const LdsFiles& chip)
    {
        QCOMPARE(read.cardAccess, chip.cardAccess);
        QCOMPARE(read.com, chip.com);
        QCOMPARE(read.sod, chip.sod);
        QCOMPARE(read.dataGroups.size(), chip.dataGroups.size());
        for (const auto& [number, bytes] : chip.dataGroups)
            QVERIFY2(read.dataGroups.count(number) && read.dataGroups.at(number) == bytes,
                     qPrintable(LdsFiles::dataGroupName(number)));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_reader.start(&error), qPrintable(error));
    }

    void init()
    {
        // The previous chip's ghost leaves the reader (pcscd polls every 400 ms).
        QString error;
        QCOMPARE(m_reader.waitForNoCard(&error), std::optional<bool>(true));
    }

    void cleanupTestCase()
    {
        m_reader.stop();
    }

    void readsByBac()
    {
        Outcome outcome;
        QString rig = readChip(test::handMadeLds(), {}, *test::specimenKey(), &outcome);
        QVERIFY2(rig.isEmpty(), qPrintable(rig));
        QVERIFY2(outcome.reading, qPrintable(outcome.error));
        compareFiles(outcome.reading->files, outcome.chipFiles);
        QVERIFY(outcome.reading->files.cardAccess.isEmpty());
        QCOMPARE(outcome.reading->accessControl, QStringLiteral("BAC"));
        QCOMPARE(outcome.reading->apdus, outcome.chipApdus);
        QVERIFY(outcome.reading->notes.isEmpty());
        qInfo("BAC, short APDUs: %d APDUs", outcome.reading->apdus);
    }

    void readsByPace_data()
    {
        QTest::addColumn<QByteArray>("oid");
        QTest::addColumn<int>("parameterId");
        QTest::addColumn<QString>("accessControl");
        QTest::newRow("brainpoolP256r1, AES-128") << SimulatedPassport::kPaceEcdhGmAes128 << 13
                                                  << "PACE (ECDH generic mapping, AES-128, brainpoolP256r1)";
        QTest::newRow("NIST P-256, 3DES") << SimulatedPassport::kPaceEcdhGm3Des << 12
                                          << "PACE (ECDH generic mapping, 3DES, NIST P-256)";
        QTest::newRow("NIST P-384, AES-256") << SimulatedPassport::kPaceEcdhGmAes256 << 15
                                             << "PACE (ECDH generic mapping, AES-256, NIST P-384)";
    }
    void readsByPace()
    {
        QFETCH(QByteArray, oid);
        QFETCH(int, parameterId);
        QFETCH(QString, accessControl);
        Outcome outcome;
        QString rig = readChip(test::handMadeLds(), paceOptions(oid, parameterId), *test::specimenKey(), &outcome);
        QVERIFY2(rig.isEmpty(), qPrintable(rig));
        QVERIFY2(outcome.reading, qPrintable(outcome.error));
        QCOMPARE(outcome.reading->accessControl, accessControl);
        QVERIFY(!outcome.reading->files.cardAccess.isEmpty());
        compareFiles(outcome.reading->files, outcome.chipFiles);
        QCOMPARE(outcome.reading->apdus, outcome.chipApdus);
    }

    void extendedLengthNeedsFewerApdus()
    {
        Outcome shortOnly;
        QString rig = readChip(test::handMadeLds(), {}, *test::specimenKey(), &shortOnly);
        QVERIFY2(rig.isEmpty(), qPrintable(rig));
        QVERIFY2(shortOnly.reading, qPrintable(shortOnly.error));
        init();
        SimulatedPassport::Options options;
        options.extendedLength = true;
        Outcome extended;
        rig = readChip(test::handMadeLds(), options, *test::specimenKey(), &extended);
        QVERIFY2(rig.isEmpty(), qPrintable(rig));
        QVERIFY2(extended.reading, qPrintable(extended.error));
        compareFiles(extended.reading->files, extended.chipFiles);
        qInfo("20 KB DG2 by BAC: %d APDUs with short APDUs, %d with extended length", shortOnly.reading->apdus,
              extended.reading->apdus);
        QVERIFY(extended.reading->apdus < shortOnly.reading->apdus);
    }

    // EF.CardAccess offers other domain parameters than the chip takes: MSE:Set
    // AT is refused (6A80), which is no wrong key: BAC reads the chip.
    void aRefusedPaceFallsBackToBac()
    {
        LdsFiles files = test::handMadeLds();
        files.cardAccess = SimulatedPassport::cardAccessFor(SimulatedPassport::kPaceEcdhGmAes128, 12);
        Outcome outcome;
        QString rig = readChip(files, paceOptions(SimulatedPassport::kPaceEcdhGmAes128, 13), *test::specimenKey(),
                               &outcome);
        QVERIFY2(rig.isEmpty(), qPrintable(rig));
        QVERIFY2(outcome.reading, qPrintable(outcome.error));
        QCOMPARE(outcome.reading->accessControl, QStringLiteral("BAC"));
        QCOMPARE(outcome.reading->notes.size(), 1);
        QVERIFY2(outcome.reading->notes.front().startsWith(QLatin1String("PACE was not used: PACE: the chip refused "
                                                                         "id-PACE-ECDH-GM-AES-CBC-CMAC-128 (status 6A80)")),
                 qPrintable(outcome.reading->notes.front()));
        compareFiles(outcome.reading->files, outcome.chipFiles);
    }

    // DG14 listed and present is read; DG3 needs extended access control: skipped, said.
    void readsListedGroupsAndSkipsDg3()
    {
        LdsFiles files = test::handMadeLds();
        files.com = BerTlv::constructed(0x60, {BerTlv::primitive(0x5F01, QByteArrayLiteral("0107")),
                                               BerTlv::primitive(0x5F36, QByteArrayLiteral("040000")),
                                               BerTlv::primitive(0x5C, QByteArray::fromHex("6175636E"))})
                        .encode();
        files.dataGroups[3] = BerTlv::primitive(0x63, test::arbitraryBytes(3000, 5)).encode();
        files.dataGroups[14] = BerTlv::primitive(0x6E, test::arbitraryBytes(300, 6)).encode();
        Outcome outcome;
        QString rig = readChip(files, {}, *test::specimenKey(), &outcome);
        QVERIFY2(rig.isEmpty(), qPrintable(rig));
        QVERIFY2(outcome.reading, qPrintable(outcome.error));
        QCOMPARE(outcome.reading->files.dataGroups.size(), size_t(3));
        QCOMPARE(outcome.reading->files.dataGroups.at(14), files.dataGroups.at(14));
        QVERIFY(!outcome.reading->files.dataGroups.count(3));
        QCOMPARE(outcome.reading->notes,
                 QStringList{QStringLiteral("DG3 (fingerprints) was not read: it needs extended access control")});
    }

    // DG2 of 40,000 bytes: offsets past 7FFF go in DO'54' of READ BINARY B1.
    void readsPastOffset7FFF_data()
    {
        QTest::addColumn<bool>("extendedLength");
        QTest::newRow("short") << false;
        QTest::newRow("extended") << true;
    }
    void readsPastOffset7FFF()
    {
        QFETCH(bool, extendedLength);
        SimulatedPassport::Options options;
        options.extendedLength = extendedLength;
        Outcome outcome;
        QString rig = readChip(test::handMadeLds(40000), options, *test::specimenKey(), &outcome);
        QVERIFY2(rig.isEmpty(), qPrintable(rig));
        QVERIFY2(outcome.reading, qPrintable(outcome.error));
        compareFiles(outcome.reading->files, outcome.chipFiles);
    }

    void wrongMrzIsRefused_data()
    {
        QTest::addColumn<bool>("pace");
        QTest::newRow("BAC") << false;
        QTest::newRow("PACE") << true;
    }
    void wrongMrzIsRefused()
    {
        QFETCH(bool, pace);
        const SimulatedPassport::Options options =
            pace ? paceOptions(SimulatedPassport::kPaceEcdhGmAes128, 13) : SimulatedPassport::Options();
        Outcome outcome;
        QString rig = readChip(test::handMadeLds(), options, *test::wrongKey(), &outcome);
        QVERIFY2(rig.isEmpty(), qPrintable(rig));
        QVERIFY(!outcome.reading);
        QCOMPARE(outcome.failure, ChipSession::Failure::WrongKey);
        QVERIFY2(outcome.error.startsWith(QLatin1String(
                     "the chip refused the access key: check the document number, date of birth and expiry date")),
                 qPrintable(outcome.error));
    }

    void cardPulledOutMidDg2()
    {
        SimulatedPassport::Options options;
        options.fault.kind = SimulatedPassport::Fault::Kind::PulledOut;
        options.fault.afterBytes = 12288;
        Outcome outcome;
        QString rig = readChip(test::handMadeLds(), options, *test::specimenKey(), &outcome);
        QVERIFY2(rig.isEmpty(), qPrintable(rig));
        QVERIFY(!outcome.reading);
        QCOMPARE(outcome.failure, ChipSession::Failure::CardRemoved);
        QVERIFY2(outcome.error.startsWith(QLatin1String("the card was removed while DG2 was being read (")),
                 qPrintable(outcome.error));
        QVERIFY2(outcome.error.endsWith(QLatin1String(" of 20,480 bytes)")), qPrintable(outcome.error));
    }

    void malformedTlvLength_data()
    {
        QTest::addColumn<QByteArray>("dg2");
        QTest::addColumn<QString>("expected");
        const QByteArray body = test::arbitraryBytes(20000, 9);
        QTest::newRow("indefinite length") << QByteArray::fromHex("7580") + body << "DG2 has a malformed TLV header: ";
        QTest::newRow("five length bytes") << QByteArray::fromHex("75850000004E20") + body
                                           << "DG2 has a malformed TLV header: ";
        QTest::newRow("over 1 MiB") << QByteArray::fromHex("758400200000") + body
                                    << "DG2 announces 2,097,158 bytes in its TLV header, more than the 1,048,576";
        QTest::newRow("longer than the file") << QByteArray::fromHex("7582FFFF") + body << "DG2 ends before offset 20,004";
        QTest::newRow("another tag") << QByteArray::fromHex("61824E20") + body << "DG2 starts with tag 61, not 75";
    }
    void malformedTlvLength()
    {
        QFETCH(QByteArray, dg2);
        QFETCH(QString, expected);
        LdsFiles files = test::handMadeLds();
        files.dataGroups[2] = dg2;
        Outcome outcome;
        QString rig = readChip(files, {}, *test::specimenKey(), &outcome);
        QVERIFY2(rig.isEmpty(), qPrintable(rig));
        QVERIFY(!outcome.reading);
        QCOMPARE(outcome.failure, ChipSession::Failure::Malformed);
        QVERIFY2(outcome.error.startsWith(expected), qPrintable(outcome.error));
    }

    // A chip that stops answering in DG2: SCardTransmit would block until
    // vpcd's card closes; the reader gives a deadline error at the deadline.
    void silentChipGivesADeadlineError()
    {
        SimulatedPassport::Options options;
        options.fault.kind = SimulatedPassport::Fault::Kind::Silent;
        options.fault.afterBytes = 4096;
        ChipReader::Options readOptions;
        readOptions.deadline = QDeadlineTimer(5000);
        Outcome outcome;
        QString rig = readChip(test::handMadeLds(), options, *test::specimenKey(), &outcome, readOptions);
        QVERIFY2(rig.isEmpty(), qPrintable(rig));
        QVERIFY(!outcome.reading);
        QCOMPARE(outcome.failure, ChipSession::Failure::Deadline);
        QVERIFY2(outcome.error.startsWith(QLatin1String("the chip did not answer in the time allowed while DG2 was being read (")),
                 qPrintable(outcome.error));
        // Returned at the deadline, not when the chip was pulled out afterwards
        // (no hang); readChip saw the abandoned exchange end then.
        QVERIFY2(outcome.returnedAfterMs < 12000, qPrintable(QString::number(outcome.returnedAfterMs)));
    }

    void progressAndCancel()
    {
        std::atomic<bool> cancel{false};
        qsizetype dg2Total = 0;
        qsizetype dg2Seen = 0;
        ChipReader::Options readOptions;
        readOptions.cancel = &cancel;
        readOptions.progress = [&](const QString& file, qsizetype bytes, qsizetype total) {
            if (file != QLatin1String("DG2"))
                return;
            dg2Total = total;
            dg2Seen = bytes;
            if (bytes > 5000)
                cancel = true;
        };
        Outcome outcome;
        QString rig = readChip(test::handMadeLds(), {}, *test::specimenKey(), &outcome, readOptions);
        QVERIFY2(rig.isEmpty(), qPrintable(rig));
        QVERIFY(!outcome.reading);
        QCOMPARE(outcome.failure, ChipSession::Failure::Cancelled);
        QVERIFY2(outcome.error.startsWith(QLatin1String("cancelled while DG2 was being read")), qPrintable(outcome.error));
        QCOMPARE(dg2Total, 20480);
        QVERIFY(dg2Seen > 5000 && dg2Seen < 20480);
    }

    // The chip's side: the LDS refused in plain.
    void unprotectedReadBinaryIsRefused()
    {
        QString error;
        auto chip = SimulatedPassport::create(test::handMadeLds(), *test::specimenKey(), {}, &error);
        QVERIFY2(chip, qPrintable(error));
        QVERIFY2(insert(*chip, &error), qPrintable(error));
        std::unique_ptr<PcscCard> card = m_reader.context().connect(test::PcscRig::reader(), &error);
        QVERIFY2(card, qPrintable(error));
        auto answer = card->transmit(QByteArray::fromHex("00A4040C07A0000002471001"), &error);
        QVERIFY2(answer, qPrintable(error));
        QCOMPARE(*answer, QByteArray::fromHex("9000"));
        answer = card->transmit(QByteArray::fromHex("00B0820000"), &error);
        QVERIFY2(answer, qPrintable(error));
        QCOMPARE(*answer, QByteArray::fromHex("6982"));
        chip->remove();
    }
};

QTEST_GUILESS_MAIN(TestChipReader)
#include "tst_chipreader.moc"
