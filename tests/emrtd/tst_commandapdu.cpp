#include "core/documents/emrtd/CommandApdu.h"
#include "core/documents/emrtd/ResponseApdu.h"

#include "tests/emrtd/Doc9303Vectors.h"

#include <QTest>

using doc9303::hex;
using fg::CommandApdu;
using fg::ResponseApdu;

class TestCommandApdu : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // The seven cases of ISO/IEC 7816-4 5.1, written and read back.
    void cases_data()
    {
        QTest::addColumn<int>("nc");
        QTest::addColumn<int>("ne");
        QTest::addColumn<QByteArray>("lengthFields"); // after the header, without the data
        QTest::addColumn<bool>("extended");
        QTest::newRow("1") << 0 << 0 << QByteArray() << false;
        QTest::newRow("2S") << 0 << 4 << hex("04") << false;
        QTest::newRow("2S, Ne 256") << 0 << 256 << hex("00") << false;
        QTest::newRow("3S") << 2 << 0 << hex("02") << false;
        QTest::newRow("3S, Nc 255") << 255 << 0 << hex("FF") << false;
        QTest::newRow("4S") << 2 << 0x12 << hex("0212") << false;
        QTest::newRow("2E") << 0 << 1000 << hex("0003E8") << true;
        QTest::newRow("2E, Ne 65536") << 0 << 65536 << hex("000000") << true;
        QTest::newRow("3E") << 256 << 0 << hex("000100") << true;
        QTest::newRow("4E, long data") << 300 << 4 << hex("00012C0004") << true;
        QTest::newRow("4E, long Ne") << 2 << 257 << hex("0000020101") << true;
        QTest::newRow("4E, Nc 65535") << 65535 << 65536 << hex("00FFFF0000") << true;
    }
    void cases()
    {
        QFETCH(int, nc);
        QFETCH(int, ne);
        QFETCH(QByteArray, lengthFields);
        QFETCH(bool, extended);
        QByteArray data(nc, '\0');
        for (int i = 0; i < nc; ++i)
            data[i] = static_cast<char>(i * 7);
        const CommandApdu apdu(0x00, 0xB0, 0x01, 0x02, data, ne);
        QCOMPARE(apdu.needsExtendedLength(), extended);
        const QByteArray encoded = apdu.encode();
        const qsizetype lcSize = nc == 0 ? 0 : (extended ? 3 : 1);
        QCOMPARE(encoded.left(4), hex("00B00102"));
        QCOMPARE(encoded.mid(4, lcSize), lengthFields.left(lcSize));
        QCOMPARE(encoded.mid(4 + lcSize, nc), data);
        QCOMPARE(encoded.mid(4 + lcSize + nc), lengthFields.mid(lcSize));
        QString error;
        const auto parsed = CommandApdu::parse(encoded, &error);
        QVERIFY2(parsed, qPrintable(error));
        QVERIFY(*parsed == apdu);
    }

    void doc9303Commands()
    {
        QCOMPARE(CommandApdu(0x00, 0xA4, 0x02, 0x0C, hex("011E")).encode(), doc9303::kSelectEfCom);
        QCOMPARE(CommandApdu(0x00, 0xB0, 0x00, 0x00, QByteArray(), 4).encode(), doc9303::kReadBinary4);
        QCOMPARE(CommandApdu(0x00, 0xB0, 0x00, 0x04, QByteArray(), 0x12).header(), hex("00B00004"));
    }

    void refusesToEncode()
    {
        QVERIFY(CommandApdu(0, 0xB0, 0, 0, QByteArray(65536, 'x')).encode().isEmpty());
        QVERIFY(CommandApdu(0, 0xB0, 0, 0, QByteArray(), 65537).encode().isEmpty());
        QVERIFY(CommandApdu(0, 0xB0, 0, 0, QByteArray(), -1).encode().isEmpty());
    }

    void refusesToParse_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("expected");
        QTest::newRow("empty") << QByteArray() << QStringLiteral("0 bytes, fewer than the 4 of a header");
        QTest::newRow("three bytes") << hex("00A402") << QStringLiteral("3 bytes, fewer than the 4 of a header");
        QTest::newRow("Lc too long") << hex("00A4020C03011E") << QStringLiteral("Lc 3 at offset 4 does not match the 7 bytes");
        QTest::newRow("Lc too short") << hex("00A4020C01011E0000") << QStringLiteral("Lc 1 at offset 4 does not match the 9 bytes");
        QTest::newRow("six bytes, 00") << hex("00B0000000FF") << QStringLiteral("6 bytes with 00 at offset 4");
        QTest::newRow("extended Lc of 0") << hex("00D60000000000AA") << QStringLiteral("extended Lc of 0 at offset 5");
        QTest::newRow("extended Lc too long") << hex("00D6000000000301020304")
                                              << QStringLiteral("extended Lc 3 at offset 5 does not match the 11 bytes");
    }
    void refusesToParse()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, expected);
        QString error;
        QVERIFY(!CommandApdu::parse(bytes, &error));
        QVERIFY2(error.startsWith(QStringLiteral("command APDU: ")) && error.contains(expected), qPrintable(error));
    }

    void responses()
    {
        QString error;
        const auto response = ResponseApdu::parse(hex("60145F019000"), &error);
        QVERIFY2(response, qPrintable(error));
        QCOMPARE(response->data(), hex("60145F01"));
        QCOMPARE(response->status(), std::uint16_t(0x9000));
        QVERIFY(response->isSuccess());
        QCOMPARE(response->encode(), hex("60145F019000"));
        const auto refused = ResponseApdu::parse(hex("6982"), &error);
        QVERIFY(refused);
        QVERIFY(refused->data().isEmpty());
        QVERIFY(!refused->isSuccess());
        QCOMPARE(refused->statusText(), QStringLiteral("6982"));
        QCOMPARE(ResponseApdu::statusText(0x6282), QStringLiteral("6282"));
        QCOMPARE(ResponseApdu::statusText(0x0090), QStringLiteral("0090"));
        QVERIFY(!ResponseApdu::parse(hex("90"), &error));
        QCOMPARE(error, QStringLiteral("response APDU: 1 of the 2 status bytes"));
    }
};

QTEST_GUILESS_MAIN(TestCommandApdu)
#include "tst_commandapdu.moc"
