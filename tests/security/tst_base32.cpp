#include "core/security/Base32.h"
#include "core/security/CryptoRandom.h"

#include <QTest>

using fg::Base32;

class TestBase32 : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // RFC 4648, section 10.
    void rfc4648_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("padded");
        QTest::newRow("empty") << QByteArray() << "";
        QTest::newRow("f") << QByteArray("f") << "MY======";
        QTest::newRow("fo") << QByteArray("fo") << "MZXQ====";
        QTest::newRow("foo") << QByteArray("foo") << "MZXW6===";
        QTest::newRow("foob") << QByteArray("foob") << "MZXW6YQ=";
        QTest::newRow("fooba") << QByteArray("fooba") << "MZXW6YTB";
        QTest::newRow("foobar") << QByteArray("foobar") << "MZXW6YTBOI======";
    }
    void rfc4648()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, padded);
        const QString unpadded = QString(padded).remove(u'=');
        QCOMPARE(Base32::encode(bytes), unpadded);
        QCOMPARE(Base32::decode(padded), std::optional<QByteArray>(bytes));
        QCOMPARE(Base32::decode(unpadded), std::optional<QByteArray>(bytes));
        QCOMPARE(Base32::decode(padded.toLower()), std::optional<QByteArray>(bytes));
    }

    void roundTrips()
    {
        QString error;
        for (int size = 0; size <= 64; ++size) {
            const auto bytes = fg::CryptoRandom::bytes(size, &error);
            QVERIFY2(bytes, qPrintable(error));
            const QString text = Base32::encode(*bytes);
            QCOMPARE(text.size(), (size * 8 + 4) / 5);
            QCOMPARE(Base32::decode(text), bytes);
        }
    }

    // As typed from a screen: groups of four, lower case.
    void spacesAndCaseAreAccepted()
    {
        const QByteArray secret = "12345678901234567890";
        const QString text = Base32::encode(secret);
        QCOMPARE(text, QStringLiteral("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"));
        QCOMPARE(Base32::decode(u"gezd gnbv gy3t qojq gezd gnbv gy3t qojq"), std::optional<QByteArray>(secret));
        QCOMPARE(Base32::decode(u" MZXW 6YQ= "), std::optional<QByteArray>("foob"));
    }

    void malformed_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("digit 1") << "MZXW6YT1";
        QTest::newRow("digit 0") << "MZXW6YT0";
        QTest::newRow("digit 8") << "MZXW6YT8";
        QTest::newRow("symbol") << "MZXW6YT!";
        QTest::newRow("non-ASCII letter") << QStringLiteral("MZXW6YTÉ");
        QTest::newRow("one character") << "M";
        QTest::newRow("three characters") << "MZX";
        QTest::newRow("six characters") << "MZXW6Y";
        QTest::newRow("data after padding") << "MY======MY";
        QTest::newRow("padding only") << "========";
        QTest::newRow("short padding") << "MY==";
        QTest::newRow("too much padding") << "MZXW6YTB========";
        QTest::newRow("padding inside") << "MZ=XW6YT";
        QTest::newRow("unused bits set") << "MZ";
        QTest::newRow("tab") << "MZXW\t6YTB";
    }
    void malformed()
    {
        QFETCH(QString, text);
        QVERIFY(!Base32::decode(text));
    }
};

QTEST_GUILESS_MAIN(TestBase32)
#include "tst_base32.moc"
