#include "core/documents/emrtd/SecureMessaging.h"
#include "core/documents/emrtd/SecureMessagingChip.h"

#include "tests/emrtd/Doc9303Vectors.h"

#include <QTest>

using doc9303::hex;
using fg::CommandApdu;
using fg::ResponseApdu;
using fg::SecureMessaging;
using fg::SessionKeys;
using fg::SmCipher;

namespace {

SessionKeys keys(SmCipher cipher, const QByteArray& encryption, const QByteArray& mac, const QByteArray& ssc)
{
    SessionKeys keys;
    keys.cipher = cipher;
    keys.encryption = fg::SecureBuffer::copyOf(encryption);
    keys.mac = fg::SecureBuffer::copyOf(mac);
    keys.ssc = ssc;
    return keys;
}

// The session of Doc 9303 part 11 D.3/D.4.
SessionKeys doc9303Keys()
{
    return keys(SmCipher::TripleDes, doc9303::kSessionEnc, doc9303::kSessionMac, doc9303::kSsc);
}

CommandApdu parsed(const QByteArray& bytes)
{
    return CommandApdu::parse(bytes, nullptr).value_or(CommandApdu()); // a typo in a test fails its checks
}

} // namespace

class TestSecureMessaging : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // Doc 9303 part 11 D.4: SELECT EF.COM, then READ BINARY of 4 and of 18
    // bytes, each command protected and each response checked, byte for byte.
    void doc9303Session()
    {
        SecureMessaging session(doc9303Keys());
        QString error;

        auto command = session.protect(parsed(doc9303::kSelectEfCom), &error);
        QVERIFY2(command, qPrintable(error));
        QCOMPARE(command->encode(), doc9303::kSelectEfComProtected);
        QCOMPARE(session.ssc(), hex("887022120C06C227"));
        auto response = session.unprotect(doc9303::kSelectEfComResponse, &error);
        QVERIFY2(response, qPrintable(error));
        QCOMPARE(response->status(), std::uint16_t(0x9000));
        QVERIFY(response->data().isEmpty());
        QCOMPARE(session.ssc(), hex("887022120C06C228"));

        command = session.protect(parsed(doc9303::kReadBinary4), &error);
        QVERIFY2(command, qPrintable(error));
        QCOMPARE(command->encode(), doc9303::kReadBinary4Protected);
        response = session.unprotect(doc9303::kReadBinary4Response, &error);
        QVERIFY2(response, qPrintable(error));
        QCOMPARE(response->data(), doc9303::kReadBinary4Data);

        command = session.protect(parsed(doc9303::kReadBinary18), &error);
        QVERIFY2(command, qPrintable(error));
        QCOMPARE(command->encode(), doc9303::kReadBinary18Protected);
        response = session.unprotect(doc9303::kReadBinary18Response, &error);
        QVERIFY2(response, qPrintable(error));
        QCOMPARE(response->data(), doc9303::kReadBinary18Data);
        QCOMPARE(response->status(), std::uint16_t(0x9000));
        QCOMPARE(session.ssc(), doc9303::kSscAfterD4);
        QVERIFY(!session.isBroken());
    }

    // AES: an MSE:Set AT protected during chip authentication with a real
    // passport, and that chip's protected answer, as recorded in gmrtd's
    // chipauth/chip_auth_test.go (TestChipAuthDE) and secure_messaging_test.go.
    // Found in no second source; the chip's answer verifying under the same
    // keys and counter is the independent part (a chip computed that MAC).
    void aesRecordedSession()
    {
        SecureMessaging session(keys(SmCipher::Aes128, hex("CC86415F2ED7E8FD663B754265695AE1"),
                                     hex("581E84B8EE06C4D3EEE30461498D7FB3"), hex("000000000000000000000000000000BA")));
        QString error;
        const auto command = session.protect(CommandApdu(0x00, 0x22, 0x41, 0xA4, hex("800A04007F000702020302028401C3")), &error);
        QVERIFY2(command, qPrintable(error));
        QCOMPARE(command->encode(), hex("0C2241A41D871101980953D37F67558690045D78A853B18A8E08929767A2CEF172E200"));
        const auto response = session.unprotect(hex("990290008E08FC873EBB62219C8A9000"), &error);
        QVERIFY2(response, qPrintable(error));
        QCOMPARE(response->status(), std::uint16_t(0x9000));
        QCOMPARE(session.ssc(), hex("000000000000000000000000000000BC"));
    }

    // AES: a protected response with 225 bytes of data (DO'87' with a long
    // length), recorded by gmrtd from a PACE-CAM session with a real passport
    // (iso7816/secure_messaging_test.go, TestSecureMessageDecode). Found in no
    // second source; the chip's MAC verifying is the independent part.
    void aesRecordedResponse()
    {
        SecureMessaging session(keys(SmCipher::Aes128, hex("a8e85e938514ec67ae33cda3d43d3c48"),
                                     hex("27f1adeb705a049a305b0c619b14b9b3"), hex("0000000000000000000000000000000b")));
        QString error;
        const auto response = session.unprotect(
            hex("8781e1012fabf9e0655d7e987fd28a8aeb19c9cadd990d49399799ed1fe465bcea56da9ba3024291d40d23d7f1e00485d71f"
                "addc6d8c1382e8028dd22efdcc72ed47663d56d20dd6c4b867956fe0507313083ae7fc54fb46133f184febbe13ad6fd3e2616a"
                "1f4a829e75ada1a0e443ca738288f6014be8a7745d8259b089e6bee35bcc4bf5b63db5fdd84244f67eca099213b70a861b4487"
                "225aa68af684278fceb4cb809de42be3ee95b0e0d72bcdb0ed47cb56efc264e04a9397a90e81ad1d81efa2d14b2ca8ec7bd997"
                "f4b1c1fd344d5dee8589c38b227ca4cb35810060a7cc76403e990290008e083eb47ef4fa82afc99000"),
            &error);
        QVERIFY2(response, qPrintable(error));
        QCOMPARE(response->data(),
                 hex("a729901d1a71874700133107ec53306404307bc382c63d8c150c3c72080ace05afa0c2bea28e4fb22787139165efba91f9"
                     "0f8aa5814a503ad4eb04a8c7dd22ce2826043004a8c7dd22ce28268b39b55416f0447c2fb77de107dcd2a62e880ea53eeb62"
                     "d57cb4390295dbc9943ab78696fa504c110461041d1c64f068cf45ffa2a63a81b7c13f6b8847a3e77ef14fe3db7fcafe0cbd"
                     "10e8e826e03436d646aaef87b2e247d4af1e8abe1d7520f9c2a45cb1eb8e95cfd55262b70b29feec5864e19c054ff9912928"
                     "0e4646217791811142820341263c53150231008cb91e82a3"));
    }

    // Every command form against the chip's side, with 3DES and the three AES
    // key sizes: short and extended, odd INS (DO'85'), empty data, Ne 256 and
    // 65536, data of 300 bytes (DO'87' with a long length, extended Lc').
    void roundTrips_data()
    {
        QTest::addColumn<int>("cipher");
        QTest::addColumn<int>("nc");
        QTest::addColumn<int>("ne");
        QTest::addColumn<int>("ins");
        QTest::addColumn<int>("responseBytes");
        QTest::addColumn<bool>("extended");
        const QList<std::pair<const char*, SmCipher>> ciphers = {{"3DES", SmCipher::TripleDes},
                                                                 {"AES-128", SmCipher::Aes128},
                                                                 {"AES-192", SmCipher::Aes192},
                                                                 {"AES-256", SmCipher::Aes256}};
        for (const auto& [name, cipher] : ciphers) {
            const auto row = [&](const char* what) -> QTestData& { return QTest::addRow("%s, %s", name, what); };
            row("case 1") << int(cipher) << 0 << 0 << 0xA4 << 0 << false;
            row("select") << int(cipher) << 2 << 0 << 0xA4 << 0 << false;
            row("read 4") << int(cipher) << 0 << 4 << 0xB0 << 4 << false;
            row("read 256") << int(cipher) << 0 << 256 << 0xB0 << 256 << false;
            row("read 1000, extended") << int(cipher) << 0 << 1000 << 0xB0 << 1000 << true;
            row("read 65536") << int(cipher) << 0 << 65536 << 0xB0 << 300 << true;
            row("odd INS B1") << int(cipher) << 4 << 256 << 0xB1 << 18 << false;
            row("update 240 (body over 255)") << int(cipher) << 240 << 0 << 0xD6 << 0 << true;
            row("update 300") << int(cipher) << 300 << 0 << 0xD6 << 0 << true;
        }
    }
    void roundTrips()
    {
        QFETCH(int, cipher);
        QFETCH(int, nc);
        QFETCH(int, ne);
        QFETCH(int, ins);
        QFETCH(int, responseBytes);
        QFETCH(bool, extended);
        const auto smCipher = SmCipher(cipher);
        const int keyBytes = fg::smCipherKeyBytes(smCipher);
        const QByteArray ssc(fg::smCipherBlockBytes(smCipher), '\0');
        const QByteArray encryption(keyBytes, '\x11');
        const QByteArray mac(keyBytes, '\x22');
        SecureMessaging terminal(keys(smCipher, encryption, mac, ssc));
        fg::SecureMessagingChip chip(keys(smCipher, encryption, mac, ssc));

        QByteArray data(nc, '\0');
        for (int i = 0; i < nc; ++i)
            data[i] = static_cast<char>(i * 5 + 1);
        const CommandApdu plain(0x00, static_cast<std::uint8_t>(ins), 0x00, 0x00, data, ne);
        QString error;
        const auto protectedCommand = terminal.protect(plain, &error);
        QVERIFY2(protectedCommand, qPrintable(error));
        const QByteArray wire = protectedCommand->encode();
        QCOMPARE(wire[0], '\x0C');
        QCOMPARE(protectedCommand->needsExtendedLength(), extended);
        QCOMPARE(wire.endsWith(extended ? QByteArray(2, '\0') : QByteArray(1, '\0')), true);
        if (nc >= 16)
            QVERIFY(!protectedCommand->data().contains(data.left(16))); // encrypted
        const auto received = chip.unprotectCommand(wire, &error);
        QVERIFY2(received, qPrintable(error));
        QVERIFY(*received == plain);

        QByteArray responseData(responseBytes, '\0');
        for (int i = 0; i < responseBytes; ++i)
            responseData[i] = static_cast<char>(i * 13);
        const auto protectedResponse = chip.protectResponse(ResponseApdu(responseData, 0x9000), &error);
        QVERIFY2(protectedResponse, qPrintable(error));
        QCOMPARE(protectedResponse->at(0), responseBytes == 0 ? '\x99' : (ins % 2 ? '\x85' : '\x87'));
        const auto response = terminal.unprotect(*protectedResponse, &error);
        QVERIFY2(response, qPrintable(error));
        QCOMPARE(response->data(), responseData);
        QCOMPARE(terminal.ssc(), chip.ssc());
        QCOMPARE(terminal.ssc().back(), '\x02');
    }

    // Warnings and errors come protected too (6282: end of file reached
    // before Ne bytes; 6A82: file not found).
    void protectedStatuses()
    {
        SecureMessaging terminal(doc9303Keys());
        fg::SecureMessagingChip chip(doc9303Keys());
        QString error;
        QVERIFY(chip.unprotectCommand(terminal.protect(CommandApdu(0, 0xB0, 0, 0x10, {}, 0x20), &error)->encode(), &error));
        auto response = terminal.unprotect(*chip.protectResponse(ResponseApdu(hex("3030305C026175"), 0x6282), &error), &error);
        QVERIFY2(response, qPrintable(error));
        QCOMPARE(response->status(), std::uint16_t(0x6282));
        QCOMPARE(response->data(), hex("3030305C026175"));
        QVERIFY(chip.unprotectCommand(terminal.protect(CommandApdu(0, 0xA4, 2, 0x0C, hex("0107")), &error)->encode(), &error));
        response = terminal.unprotect(*chip.protectResponse(ResponseApdu({}, 0x6A82), &error), &error);
        QVERIFY2(response, qPrintable(error));
        QCOMPARE(response->status(), std::uint16_t(0x6A82));
        QVERIFY(!terminal.isBroken());
    }

    // What a broken or hostile chip could answer after the D.4 SELECT: each
    // refused, and the session closed for good.
    void refusesResponses_data()
    {
        QTest::addColumn<QByteArray>("response");
        QTest::addColumn<QString>("expected");
        QByteArray wrongMac = doc9303::kSelectEfComResponse;
        wrongMac[9] = static_cast<char>(wrongMac[9] ^ 0x01);
        QByteArray wrongStatus = doc9303::kSelectEfComResponse;
        wrongStatus[2] = '\x62'; // DO'99' 6200: the MAC no longer matches
        QTest::newRow("wrong MAC") << wrongMac << "the MAC of the chip's response does not match";
        QTest::newRow("altered status") << wrongStatus << "the MAC of the chip's response does not match";
        QTest::newRow("plain status word") << hex("6988") << "the chip answered 6988 without secure messaging";
        QTest::newRow("plain 9000") << hex("9000") << "the chip answered 9000 without secure messaging";
        QTest::newRow("one byte") << hex("90") << "response APDU: 1 of the 2 status bytes";
        QTest::newRow("no MAC") << hex("990290009000") << "the response has no MAC (DO'8E')";
        QTest::newRow("no status") << hex("8E08FA855A5D4C50A8ED9000") << "the response has no protected status (DO'99')";
        QTest::newRow("short MAC") << hex("990290008E04FA855A5D9000") << "a MAC of 4 bytes, not 8";
        QTest::newRow("object after MAC") << hex("990290008E08FA855A5D4C50A8ED990290009000") << "DO'99' at offset 14 after the MAC";
        QTest::newRow("unknown object") << hex("8101AA990290008E08FA855A5D4C50A8ED9000")
                                        << "DO'81' at offset 0: not a data object of a protected response";
        QTest::newRow("status twice") << hex("99029000990290008E08FA855A5D4C50A8ED9000") << "DO'99' at offset 4: a second status";
        QTest::newRow("data after status") << hex("9902900087090100000000000000008E08FA855A5D4C50A8ED9000")
                                           << "DO'87' at offset 4: a second data object, or one after the status";
        QTest::newRow("malformed TLV") << hex("99829000") << "the protected response is malformed: BER-TLV:";
        QTest::newRow("indefinite length") << hex("87800101009000") << "the protected response is malformed: BER-TLV: indefinite length";
        QTest::newRow("trailer differs from DO'99'") << hex("990290008E08FA855A5D4C50A8ED6282")
                                                     << "the protected status 9000 differs from the status bytes 6282";
    }
    void refusesResponses()
    {
        QFETCH(QByteArray, response);
        QFETCH(QString, expected);
        SecureMessaging session(doc9303Keys());
        QString error;
        QVERIFY(session.protect(parsed(doc9303::kSelectEfCom), &error));
        QVERIFY(!session.unprotect(response, &error));
        QVERIFY2(error.startsWith(QStringLiteral("secure messaging: ") + expected), qPrintable(error));
        QVERIFY2(error.endsWith(QStringLiteral("(the session is closed)")), qPrintable(error));
        QVERIFY(session.isBroken());
        // Nothing goes through a broken session, not even the right answer.
        QVERIFY(!session.unprotect(doc9303::kSelectEfComResponse, &error));
        QVERIFY2(error.contains(QStringLiteral("the session was closed earlier")), qPrintable(error));
        QVERIFY(!session.protect(parsed(doc9303::kReadBinary4), &error));
        QVERIFY2(error.contains(QStringLiteral("authenticate again")), qPrintable(error));
    }

    // A response replayed from earlier in the session: its MAC was made at
    // another counter.
    void refusesReplayedResponse()
    {
        SecureMessaging session(doc9303Keys());
        QString error;
        QVERIFY(session.protect(parsed(doc9303::kSelectEfCom), &error));
        QVERIFY(session.unprotect(doc9303::kSelectEfComResponse, &error));
        QVERIFY(session.protect(parsed(doc9303::kReadBinary4), &error));
        QVERIFY(!session.unprotect(doc9303::kSelectEfComResponse, &error));
        QVERIFY(session.isBroken());
    }

    // A DO'87' whose padding or indicator is wrong, under a valid MAC (made
    // by the chip's side, which encrypts what it is given).
    void refusesUndecryptableData()
    {
        fg::SecureChannel chip(doc9303Keys());
        chip.incrementSsc(); // the command
        chip.incrementSsc(); // the response
        QString error;
        // Ciphertext of a block without ISO 9797-1 padding: encrypt 8 bytes
        // padded, keep the first block only.
        const auto object = chip.encryptedDataObject(0xB0, hex("0102030405060708"), &error);
        QVERIFY(object);
        const QByteArray withoutPadding = object->value().left(9);
        const QByteArray body = fg::BerTlv::primitive(0x87, withoutPadding).encode() + hex("99029000");
        const QByteArray response = body + fg::BerTlv::primitive(0x8E, *chip.mac(body, &error)).encode() + hex("9000");
        SecureMessaging session(doc9303Keys());
        QVERIFY(session.protect(parsed(doc9303::kReadBinary4), &error));
        QVERIFY(!session.unprotect(response, &error));
        QVERIFY2(error.contains(QStringLiteral("the response data cannot be decrypted: ISO 9797-1 padding")),
                 qPrintable(error));
    }

    void refusesCommands()
    {
        SecureMessaging session(doc9303Keys());
        QString error;
        QVERIFY(!session.protect(CommandApdu(0x0C, 0xB0, 0, 0, {}, 4), &error));
        QVERIFY2(error.contains(QStringLiteral("CLA 0C is not a plain command")), qPrintable(error));
        QVERIFY(!session.protect(CommandApdu(0x80, 0xB0, 0, 0, {}, 4), &error));
        QVERIFY(!session.protect(CommandApdu(0x00, 0xD6, 0, 0, QByteArray(65535, 'x')), &error));
        QVERIFY2(error.contains(QStringLiteral("cannot be protected in one APDU")), qPrintable(error));
        // Refused before the counter moved: the session goes on.
        QVERIFY(!session.isBroken());
        QCOMPARE(session.ssc(), doc9303::kSsc);
        const auto command = session.protect(parsed(doc9303::kSelectEfCom), &error);
        QVERIFY2(command, qPrintable(error));
        QCOMPARE(command->encode(), doc9303::kSelectEfComProtected);
    }
};

QTEST_GUILESS_MAIN(TestSecureMessaging)
#include "tst_securemessaging.moc"
