#include "core/security/CryptoRandom.h"

#include <QRegularExpression>
#include <QSet>
#include <QTest>

using fg::CryptoRandom;

class TestCryptoRandom : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void bytesHaveTheSizeAskedAndDiffer()
    {
        QString error;
        const auto a = CryptoRandom::bytes(32, &error);
        const auto b = CryptoRandom::bytes(32, &error);
        QVERIFY2(a && b, qPrintable(error));
        QCOMPARE(a->size(), 32);
        QVERIFY(*a != *b);
        const auto none = CryptoRandom::bytes(0, &error);
        QVERIFY(none && none->isEmpty());
    }

    void secretHasTheSizeAsked()
    {
        QString error;
        const auto secret = CryptoRandom::secret(20, &error);
        QVERIFY2(secret, qPrintable(error));
        QCOMPARE(secret->size(), 20);
        QVERIFY(secret->view() != QByteArrayView(QByteArray(20, '\0')));
    }

    void negativeCountsAreRefused()
    {
        QString error;
        QVERIFY(!CryptoRandom::bytes(-1, &error));
        QVERIFY(error.contains("-1"));
        error.clear();
        QVERIFY(!CryptoRandom::secret(-5, &error));
        QVERIFY(error.contains("-5"));
    }

    void fillWritesEveryByte()
    {
        // 4 KiB of zeros: the chance that a random byte stays zero at every
        // position of a 64-byte stretch is 2^-512.
        QByteArray buffer(4096, '\0');
        QString error;
        QVERIFY2(CryptoRandom::fill(buffer.data(), size_t(buffer.size()), &error), qPrintable(error));
        for (int start = 0; start < buffer.size(); start += 64)
            QVERIFY(buffer.mid(start, 64) != QByteArray(64, '\0'));
        QVERIFY(CryptoRandom::fill(nullptr, 0, &error));
    }

    void uuidsAreVersion4AndUnique()
    {
        const QRegularExpression pattern(
            QStringLiteral("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"));
        QSet<QString> seen;
        for (int i = 0; i < 1000; ++i) {
            const QString uuid = CryptoRandom::uuid();
            QVERIFY2(pattern.match(uuid).hasMatch(), qPrintable(uuid));
            seen.insert(uuid);
        }
        QCOMPARE(seen.size(), 1000);
    }
};

QTEST_GUILESS_MAIN(TestCryptoRandom)
#include "tst_cryptorandom.moc"
