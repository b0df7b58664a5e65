#include "core/documents/emrtd/ChipAccessKey.h"
#include "core/documents/emrtd/PaceChip.h"

#include "tests/emrtd/Doc9303Vectors.h"

#include <QTest>

using doc9303::hex;
using fg::CommandApdu;
using fg::PaceChip;

namespace {

PaceChip g1Chip()
{
    const auto key = fg::ChipAccessKey::fromMrzFields(doc9303::kPaceDocumentNumber, doc9303::kPaceBirthDate,
                                                      doc9303::kPaceExpiryDate, nullptr);
    auto chip = PaceChip::create(*fg::PaceInfo::fromOid(doc9303::kPaceOid, 13, nullptr), *key, nullptr);
    chip->useFixedValues(doc9303::kNonce, doc9303::kMapPrivateIc, doc9303::kDhPrivateIc);
    return std::move(*chip);
}

CommandApdu command(const QByteArray& bytes)
{
    return CommandApdu::parse(bytes, nullptr).value_or(CommandApdu()); // a typo in a test fails its checks
}

// The response data of a G.1 answer (without its 9000).
QByteArray dataOf(const QByteArray& answer)
{
    return answer.left(answer.size() - 2);
}

} // namespace

class TestPaceChip : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // Doc 9303 part 11 G.1 from the chip's side, with the chip's nonce and
    // private keys of G.1: every answer byte for byte, and the session keys.
    void doc9303Exchange()
    {
        PaceChip chip = g1Chip();
        QString error;
        QVERIFY2(chip.setAuthenticationTemplate(command(doc9303::kPaceSetAt), &error), qPrintable(error));
        auto data = chip.nonce(command(doc9303::kPaceAskNonce), &error);
        QVERIFY2(data, qPrintable(error));
        QCOMPARE(*data, dataOf(doc9303::kPaceNonceAnswer));
        data = chip.map(command(doc9303::kPaceMapCommand), &error);
        QVERIFY2(data, qPrintable(error));
        QCOMPARE(*data, dataOf(doc9303::kPaceMapAnswer));
        data = chip.agree(command(doc9303::kPaceAgreeCommand), &error);
        QVERIFY2(data, qPrintable(error));
        QCOMPARE(*data, dataOf(doc9303::kPaceAgreeAnswer));
        const auto result = chip.authenticate(command(doc9303::kPaceTokenCommand), &error);
        QVERIFY2(result, qPrintable(error));
        QCOMPARE(result->responseData, dataOf(doc9303::kPaceTokenAnswer));
        QCOMPARE(result->keys.encryption.view().toByteArray(), doc9303::kPaceSessionEnc);
        QCOMPARE(result->keys.mac.view().toByteArray(), doc9303::kPaceSessionMac);
        QCOMPARE(result->keys.ssc, QByteArray(16, '\0'));
    }

    // Doc 9303's own MSE:Set AT, without the domain parameters' id.
    void setAtWithoutParameterId()
    {
        PaceChip chip = g1Chip();
        QString error;
        QVERIFY2(chip.setAuthenticationTemplate(command(hex("0022C1A40F800A04007F00070202040202830101")), &error),
                 qPrintable(error));
    }

    void refusesSetAt_data()
    {
        QTest::addColumn<QByteArray>("apdu");
        QTest::addColumn<QString>("expected");
        QTest::newRow("CAN instead of MRZ") << hex("0022C1A40F800A04007F00070202040202830102")
                                           << "PACE (chip): MSE:Set AT asks for another password than the MRZ";
        QTest::newRow("another protocol") << hex("0022C1A40F800A04007F00070202040204830101")
                                          << "PACE (chip): MSE:Set AT asks for another protocol than id-PACE-ECDH-GM-AES-CBC-CMAC-128";
        QTest::newRow("other parameters") << hex("0022C1A412800A04007F0007020204020283010184010C")
                                          << "PACE (chip): MSE:Set AT asks for other domain parameters";
        QTest::newRow("not for PACE") << hex("0022C1B60F800A04007F00070202040202830101")
                                      << "PACE (chip): not an MSE:Set AT for PACE (22 C1 A4)";
        QTest::newRow("malformed") << hex("0022C1A403800501") << "PACE (chip): MSE:Set AT is malformed: BER-TLV:";
    }
    void refusesSetAt()
    {
        QFETCH(QByteArray, apdu);
        QFETCH(QString, expected);
        PaceChip chip = g1Chip();
        QString error;
        QVERIFY(!chip.setAuthenticationTemplate(command(apdu), &error));
        QVERIFY2(error.startsWith(expected), qPrintable(error));
        QVERIFY(!chip.nonce(command(doc9303::kPaceAskNonce), &error));
        QCOMPARE(error, QStringLiteral("PACE (chip): a GENERAL AUTHENTICATE out of order"));
    }

    void refusesCommands()
    {
        QString error;
        {
            PaceChip chip = g1Chip();
            QVERIFY(!chip.nonce(command(doc9303::kPaceAskNonce), &error));
            QCOMPARE(error, QStringLiteral("PACE (chip): a GENERAL AUTHENTICATE out of order"));
        }
        {
            PaceChip chip = g1Chip();
            QVERIFY(chip.setAuthenticationTemplate(command(doc9303::kPaceSetAt), &error));
            QVERIFY(!chip.nonce(command(hex("00860000027C0000")), &error)); // not chained
            QCOMPARE(error, QStringLiteral("PACE (chip): not the GENERAL AUTHENTICATE expected (10 86 00 00, chained)"));
        }
        {
            PaceChip chip = g1Chip();
            QVERIFY(chip.setAuthenticationTemplate(command(doc9303::kPaceSetAt), &error));
            QVERIFY(!chip.nonce(command(hex("10860000047C02800000")), &error));
            QCOMPARE(error, QStringLiteral("PACE (chip): the nonce is asked for with data other than 7C 00"));
        }
        {
            PaceChip chip = g1Chip();
            QVERIFY(chip.setAuthenticationTemplate(command(doc9303::kPaceSetAt), &error));
            QVERIFY(chip.nonce(command(doc9303::kPaceAskNonce), &error));
            QVERIFY(!chip.map(command(hex("10860000047C02830000")), &error));
            QVERIFY2(error.contains(QStringLiteral("no object 81 in a 7C")), qPrintable(error));
            // Nothing after a refusal.
            QVERIFY(!chip.map(command(doc9303::kPaceMapCommand), &error));
        }
        {
            PaceChip chip = g1Chip();
            QVERIFY(chip.setAuthenticationTemplate(command(doc9303::kPaceSetAt), &error));
            QVERIFY(chip.nonce(command(doc9303::kPaceAskNonce), &error));
            QVERIFY(chip.map(command(doc9303::kPaceMapCommand), &error));
            QVERIFY(chip.agree(command(doc9303::kPaceAgreeCommand), &error));
            QByteArray wrongToken = doc9303::kPaceTokenCommand;
            wrongToken[16] = static_cast<char>(wrongToken[16] ^ 1);
            QVERIFY(!chip.authenticate(command(wrongToken), &error));
            QCOMPARE(error, QStringLiteral("PACE (chip): the terminal's token does not match: it has another password"));
        }
    }
};

QTEST_GUILESS_MAIN(TestPaceChip)
#include "tst_pacechip.moc"
