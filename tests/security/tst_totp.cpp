#include "core/security/Base32.h"
#include "core/security/Totp.h"

#include <QTest>
#include <QUrl>
#include <QUrlQuery>

using fg::Totp;

Q_DECLARE_METATYPE(fg::Totp::Algorithm)

namespace {

// The seeds of RFC 6238's reference implementation (Appendix A), one per hash.
const QByteArray kSeed20 = "12345678901234567890";
const QByteArray kSeed32 = "12345678901234567890123456789012";
const QByteArray kSeed64 = "1234567890123456789012345678901234567890123456789012345678901234";

const qint64 kNow = 1'700'000'000; // an instant of the tests, not the clock

} // namespace

class TestTotp : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // RFC 6238, Appendix B: all 18 vectors, 8 digits, 30-second steps.
    void rfc6238_data()
    {
        QTest::addColumn<Totp::Algorithm>("algorithm");
        QTest::addColumn<QByteArray>("seed");
        QTest::addColumn<qint64>("time");
        QTest::addColumn<QString>("code");
        struct Row {
            qint64 time;
            const char* sha1;
            const char* sha256;
            const char* sha512;
        };
        const Row rows[] = {
            {59, "94287082", "46119246", "90693936"},
            {1111111109, "07081804", "68084774", "25091201"},
            {1111111111, "14050471", "67062674", "99943326"},
            {1234567890, "89005924", "91819424", "93441116"},
            {2000000000, "69279037", "90698825", "38618901"},
            {20000000000, "65353130", "77737706", "47863826"},
        };
        for (const Row& row : rows) {
            const QByteArray t = QByteArray::number(row.time);
            QTest::newRow("SHA1 " + t) << Totp::Algorithm::Sha1 << kSeed20 << row.time << QString(row.sha1);
            QTest::newRow("SHA256 " + t) << Totp::Algorithm::Sha256 << kSeed32 << row.time << QString(row.sha256);
            QTest::newRow("SHA512 " + t) << Totp::Algorithm::Sha512 << kSeed64 << row.time << QString(row.sha512);
        }
    }
    void rfc6238()
    {
        QFETCH(Totp::Algorithm, algorithm);
        QFETCH(QByteArray, seed);
        QFETCH(qint64, time);
        QFETCH(QString, code);
        QCOMPARE(Totp::code(seed, time, 8, 30, algorithm), code);
        QCOMPARE(Totp::codeAt(seed, time / 30, 8, algorithm), code);
        QCOMPARE(Totp::verify(seed, code, time, 0, 8, 30, algorithm), std::optional<qint64>(time / 30));
        // Six digits are the last six of the eight (same truncated value, smaller modulus).
        QCOMPARE(Totp::code(seed, time, 6, 30, algorithm), code.right(6));
    }

    void defaultsAreSixDigitsSha1ThirtySeconds()
    {
        QCOMPARE(Totp::code(kSeed20, 59), QStringLiteral("287082"));
        QCOMPARE(Totp::code(kSeed20, 59), Totp::code(kSeed20, 30));
        QVERIFY(Totp::code(kSeed20, 59) != Totp::code(kSeed20, 60));
    }

    void window_data()
    {
        QTest::addColumn<int>("stepsAway"); // of the typed code from now
        QTest::addColumn<int>("window");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("now, window 0") << 0 << 0 << true;
        QTest::newRow("previous, window 0") << -1 << 0 << false;
        QTest::newRow("now") << 0 << 1 << true;
        QTest::newRow("previous") << -1 << 1 << true;
        QTest::newRow("next") << 1 << 1 << true;
        QTest::newRow("two back") << -2 << 1 << false;
        QTest::newRow("two ahead") << 2 << 1 << false;
        QTest::newRow("two back, window 2") << -2 << 2 << true;
        QTest::newRow("three ahead, window 2") << 3 << 2 << false;
    }
    void window()
    {
        QFETCH(int, stepsAway);
        QFETCH(int, window);
        QFETCH(bool, accepted);
        const qint64 now = kNow / 30;
        const QString code = Totp::codeAt(kSeed20, now + stepsAway);
        // The codes of the other steps of the window must differ, or the row tests nothing.
        for (int other = -window; other <= window; ++other) {
            if (other != stepsAway)
                QVERIFY(Totp::codeAt(kSeed20, now + other) != code);
        }
        const std::optional<qint64> step = Totp::verify(kSeed20, code, kNow, window);
        QCOMPARE(step.has_value(), accepted);
        if (accepted)
            QCOMPARE(*step, now + stepsAway);
    }

    void otherSecretIsRefused()
    {
        const QString code = Totp::code(kSeed20, kNow);
        QVERIFY(Totp::verify(kSeed20, code, kNow));
        QVERIFY(!Totp::verify("12345678901234567891", code, kNow));
        QVERIFY(!Totp::verify(kSeed20, code, kNow, 1, 6, 30, Totp::Algorithm::Sha256));
    }

    void malformedCodes_data()
    {
        QTest::addColumn<QString>("typed"); // made from the right code
        const QString right = Totp::code(kSeed20, kNow);
        QTest::newRow("empty") << QString();
        QTest::newRow("five digits") << right.left(5);
        QTest::newRow("seven digits") << right + "0";
        QTest::newRow("letter") << right.left(5) + "a";
        QTest::newRow("leading space") << " " + right.left(5);
        QTest::newRow("trailing newline") << right + "\n";
        QTest::newRow("space in the middle") << right.left(3) + " " + right.mid(3);
        QTest::newRow("sign") << "+" + right.left(5);
        QTest::newRow("Arabic-Indic digits") << QStringLiteral("\u0661\u0662\u0663\u0664\u0665\u0666");
        QTest::newRow("full-width digits") << QStringLiteral("\uff11\uff12\uff13\uff14\uff15\uff16");
    }
    void malformedCodes()
    {
        QFETCH(QString, typed);
        QVERIFY(!Totp::verify(kSeed20, typed, kNow, 1));
    }

    void invalidSettings()
    {
        QVERIFY(Totp::code(kSeed20, kNow, 5).isEmpty());
        QVERIFY(Totp::code(kSeed20, kNow, 10).isEmpty());
        QVERIFY(Totp::code(kSeed20, kNow, 6, 0).isEmpty());
        const QString right = Totp::code(kSeed20, kNow);
        QVERIFY(!Totp::verify(kSeed20, right, kNow, -1));
        QVERIFY(!Totp::verify(kSeed20, right, kNow, Totp::kMaxWindow + 1));
        QVERIFY(!Totp::verify(kSeed20, right, kNow, 1, 6, 0));
        QCOMPARE(Totp::code(kSeed20, kNow, 9).size(), 9);
    }

    // Before 1970 the step is floor(t / 30), as after.
    void negativeTimes()
    {
        QCOMPARE(Totp::code(kSeed20, -1), Totp::codeAt(kSeed20, -1));
        QCOMPARE(Totp::code(kSeed20, -30), Totp::codeAt(kSeed20, -1));
        QCOMPARE(Totp::code(kSeed20, -31), Totp::codeAt(kSeed20, -2));
        QVERIFY(Totp::code(kSeed20, -1) != Totp::code(kSeed20, 0));
    }

    void provisioningUri()
    {
        const QString text = Totp::provisioningUri("FaceGate Port 7", "olga.o@cbp", kSeed20);
        const QUrl uri(text);
        QVERIFY2(uri.isValid(), qPrintable(text));
        QCOMPARE(uri.scheme(), QStringLiteral("otpauth"));
        QCOMPARE(uri.host(), QStringLiteral("totp"));
        QCOMPARE(uri.path(QUrl::FullyDecoded), QStringLiteral("/FaceGate Port 7:olga.o@cbp"));
        QVERIFY2(text.startsWith("otpauth://totp/FaceGate%20Port%207:olga.o%40cbp?"), qPrintable(text));
        const QUrlQuery query(uri);
        QCOMPARE(query.queryItemValue("secret"), QStringLiteral("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"));
        QCOMPARE(fg::Base32::decode(query.queryItemValue("secret")), std::optional<QByteArray>(kSeed20));
        QCOMPARE(query.queryItemValue("issuer"), QStringLiteral("FaceGate Port 7"));
        QCOMPARE(query.queryItemValue("algorithm"), QStringLiteral("SHA1"));
        QCOMPARE(query.queryItemValue("digits"), QStringLiteral("6"));
        QCOMPARE(query.queryItemValue("period"), QStringLiteral("30"));
    }

    // A colon or an ampersand in a name cannot end the label or the query early.
    void provisioningUriEscapes()
    {
        const QString text = Totp::provisioningUri("A&B: Gate", "x?y", kSeed20);
        const QUrlQuery query{QUrl(text)};
        QCOMPARE(query.queryItemValue("issuer", QUrl::FullyDecoded), QStringLiteral("A&B: Gate"));
        QCOMPARE(query.queryItemValue("secret"), QStringLiteral("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"));
        QVERIFY2(text.contains("/A%26B%3A%20Gate:x%3Fy?"), qPrintable(text));
    }
};

QTEST_GUILESS_MAIN(TestTotp)
#include "tst_totp.moc"
