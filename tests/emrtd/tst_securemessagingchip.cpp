#include "core/documents/emrtd/SecureMessaging.h"
#include "core/documents/emrtd/SecureMessagingChip.h"

#include "tests/emrtd/Doc9303Vectors.h"

#include <QTest>

using doc9303::hex;
using fg::CommandApdu;
using fg::ResponseApdu;
using fg::SecureMessagingChip;
using fg::SessionKeys;

namespace {

SessionKeys doc9303Keys()
{
    SessionKeys keys;
    keys.cipher = fg::SmCipher::TripleDes;
    keys.encryption = fg::SecureBuffer::copyOf(doc9303::kSessionEnc);
    keys.mac = fg::SecureBuffer::copyOf(doc9303::kSessionMac);
    keys.ssc = doc9303::kSsc;
    return keys;
}

CommandApdu parsed(const QByteArray& bytes)
{
    return CommandApdu::parse(bytes, nullptr).value_or(CommandApdu()); // a typo in a test fails its checks
}

} // namespace

class TestSecureMessagingChip : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // Doc 9303 part 11 D.4 from the chip's side: each protected command
    // read back to the plain one, each answer protected to the bytes of D.4.
    void doc9303Session()
    {
        SecureMessagingChip chip(doc9303Keys());
        QString error;
        const struct {
            QByteArray command;
            QByteArray plain;
            QByteArray data;
            QByteArray response;
        } steps[] = {
            {doc9303::kSelectEfComProtected, doc9303::kSelectEfCom, QByteArray(), doc9303::kSelectEfComResponse},
            {doc9303::kReadBinary4Protected, doc9303::kReadBinary4, doc9303::kReadBinary4Data, doc9303::kReadBinary4Response},
            {doc9303::kReadBinary18Protected, doc9303::kReadBinary18, doc9303::kReadBinary18Data,
             doc9303::kReadBinary18Response},
        };
        for (const auto& step : steps) {
            const auto command = chip.unprotectCommand(step.command, &error);
            QVERIFY2(command, qPrintable(error));
            QVERIFY(*command == parsed(step.plain));
            const auto response = chip.protectResponse(ResponseApdu(step.data, 0x9000), &error);
            QVERIFY2(response, qPrintable(error));
            QCOMPARE(*response, step.response);
        }
        QCOMPARE(chip.ssc(), doc9303::kSscAfterD4);
    }

    // What a terminal (or an attacker between it and the chip) could send
    // instead of the D.4 SELECT: refused, and the session closed.
    void refusesCommands_data()
    {
        QTest::addColumn<QByteArray>("command");
        QTest::addColumn<QString>("expected");
        QByteArray wrongMac = doc9303::kSelectEfComProtected;
        wrongMac[25] = static_cast<char>(wrongMac[25] ^ 0x01);
        QByteArray otherP1 = doc9303::kSelectEfComProtected;
        otherP1[2] = '\x04'; // the header is under the MAC
        QByteArray plainCla = doc9303::kSelectEfComProtected;
        plainCla[0] = '\x00';
        QTest::newRow("wrong MAC") << wrongMac << "the MAC of the terminal's command does not match";
        QTest::newRow("altered header") << otherP1 << "the MAC of the terminal's command does not match";
        QTest::newRow("plain CLA") << plainCla << "CLA 00 does not mark a protected command";
        QTest::newRow("plain command") << doc9303::kSelectEfCom << "CLA 00 does not mark a protected command";
        QTest::newRow("no MAC") << hex("0CA4020C0B8709016375432908C044F600") << "the command has no MAC (DO'8E')";
        QTest::newRow("DO'85' with an even INS") << hex("0CA4020C158509016375432908C044F68E08BF8B92D635FF24F800")
                                                 << "DO'85' at offset 0: DO'87' goes with an even INS";
        QTest::newRow("Le, no MAC") << hex("0CB0000005970300000400") << "the command has no MAC (DO'8E')";
        QTest::newRow("object after MAC") << hex("0CB00000109701048E08ED6705417E96BA5597010400")
                                          << "DO'97' at offset 13 after the MAC";
        QTest::newRow("unknown object") << hex("0CB00000038101AA00") << "DO'81' at offset 0: not a data object of a protected command";
        QTest::newRow("Le twice") << hex("0CB000000697010497010400") << "DO'97' at offset 3: a second Le";
        QTest::newRow("bad Lc") << hex("0CA4020C178709016375432908C044F68E08BF8B92D635FF24F800")
                                << "command APDU: Lc 23 at offset 4 does not match the 27 bytes";
        QTest::newRow("malformed TLV") << hex("0CB000000397850000") << "the protected command is malformed: BER-TLV:";
    }
    void refusesCommands()
    {
        QFETCH(QByteArray, command);
        QFETCH(QString, expected);
        SecureMessagingChip chip(doc9303Keys());
        QString error;
        QVERIFY(!chip.unprotectCommand(command, &error));
        QVERIFY2(error.startsWith(QStringLiteral("secure messaging: ") + expected), qPrintable(error));
        QVERIFY(chip.isBroken());
        QVERIFY(!chip.unprotectCommand(doc9303::kSelectEfComProtected, &error));
        QVERIFY(!chip.protectResponse(ResponseApdu({}, 0x9000), &error));
        QVERIFY2(error.contains(QStringLiteral("the session was closed earlier")), qPrintable(error));
    }

    // A command replayed later in the session is refused (its MAC was made
    // at an older counter).
    void refusesReplayedCommand()
    {
        SecureMessagingChip chip(doc9303Keys());
        QString error;
        QVERIFY(chip.unprotectCommand(doc9303::kSelectEfComProtected, &error));
        QVERIFY(chip.protectResponse(ResponseApdu({}, 0x9000), &error));
        QVERIFY(!chip.unprotectCommand(doc9303::kSelectEfComProtected, &error));
        QVERIFY(chip.isBroken());
    }

    // An Le in DO'97' with a valid MAC but three bytes long.
    void refusesLongLe()
    {
        SessionKeys keys = doc9303Keys();
        fg::SecureChannel terminal(doc9303Keys());
        terminal.incrementSsc();
        QString error;
        const QByteArray header = hex("0CB00000");
        const QByteArray le = hex("9703000004");
        const auto mac = terminal.mac(hex("0CB0000080000000") + le, &error);
        QVERIFY(mac);
        const QByteArray body = le + fg::BerTlv::primitive(0x8E, *mac).encode();
        const QByteArray command = header + QByteArray(1, static_cast<char>(body.size())) + body + QByteArray(1, '\0');
        SecureMessagingChip chip(std::move(keys));
        QVERIFY(!chip.unprotectCommand(command, &error));
        QVERIFY2(error.contains(QStringLiteral("an Le of 3 bytes in DO'97'")), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestSecureMessagingChip)
#include "tst_securemessagingchip.moc"
