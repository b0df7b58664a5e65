#include "core/security/AesGcm.h"
#include "core/security/CryptoRandom.h"

#include <QTest>

using fg::AesGcm;
using fg::SecureBuffer;

namespace {

// A random key; an empty one (refused by every call) if the generator fails.
SecureBuffer randomKey()
{
    QString error;
    std::optional<SecureBuffer> key = fg::CryptoRandom::secret(AesGcm::kKeyBytes, &error);
    return key ? std::move(*key) : SecureBuffer();
}

SecureBuffer keyOfHex(const char* hex)
{
    return SecureBuffer::copyOf(QByteArray::fromHex(hex));
}

} // namespace

class TestAesGcm : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_data()
    {
        QTest::addColumn<QByteArray>("plaintext");
        QTest::addColumn<QByteArray>("aad");
        QTest::newRow("empty, no aad") << QByteArray() << QByteArray();
        QTest::newRow("empty, aad") << QByteArray() << QByteArray("photo:1");
        QTest::newRow("one byte") << QByteArray("x") << QByteArray("photo:1");
        QTest::newRow("one block") << QByteArray(16, 'b') << QByteArray();
        QTest::newRow("100 KiB") << QByteArray(100 * 1024, '\x5a') << QByteArray("template:42");
    }
    void roundTrip()
    {
        QFETCH(QByteArray, plaintext);
        QFETCH(QByteArray, aad);
        const SecureBuffer key = randomKey();
        QString error;
        const auto sealed = AesGcm::seal(key, plaintext, aad, &error);
        QVERIFY2(sealed, qPrintable(error));
        QCOMPARE(sealed->size(), plaintext.size() + AesGcm::kOverheadBytes);
        const auto opened = AesGcm::open(key, *sealed, aad, &error);
        QVERIFY2(opened, qPrintable(error));
        QCOMPARE(*opened, plaintext);
        const auto secret = AesGcm::openSecret(key, *sealed, aad, &error);
        QVERIFY2(secret, qPrintable(error));
        QCOMPARE(secret->view(), QByteArrayView(plaintext));
    }

    // The GCM specification's test cases 13, 14 and 16 (AES-256), as nonce | ciphertext | tag.
    void knownAnswers_data()
    {
        QTest::addColumn<QByteArray>("key");
        QTest::addColumn<QByteArray>("sealed");
        QTest::addColumn<QByteArray>("aad");
        QTest::addColumn<QByteArray>("plaintext");
        const QByteArray zeroKey(32, '\0');
        QTest::newRow("case 13") << zeroKey << QByteArray::fromHex("000000000000000000000000"
                                                                   "530f8afbc74536b9a963b4f1c4cb738b")
                                 << QByteArray() << QByteArray();
        QTest::newRow("case 14") << zeroKey
                                 << QByteArray::fromHex("000000000000000000000000"
                                                        "cea7403d4d606b6e074ec5d3baf39d18"
                                                        "d0d1c8a799996bf0265b98b5d48ab919")
                                 << QByteArray() << QByteArray(16, '\0');
        QTest::newRow("case 16")
            << QByteArray::fromHex("feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308")
            << QByteArray::fromHex("cafebabefacedbaddecaf888"
                                   "522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa"
                                   "8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662"
                                   "76fc6ece0f4e1768cddf8853bb2d551b")
            << QByteArray::fromHex("feedfacedeadbeeffeedfacedeadbeefabaddad2")
            << QByteArray::fromHex("d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72"
                                   "1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39");
    }
    void knownAnswers()
    {
        QFETCH(QByteArray, key);
        QFETCH(QByteArray, sealed);
        QFETCH(QByteArray, aad);
        QFETCH(QByteArray, plaintext);
        QString error;
        const auto opened = AesGcm::open(SecureBuffer::copyOf(key), sealed, aad, &error);
        QVERIFY2(opened, qPrintable(error));
        QCOMPARE(*opened, plaintext);
    }

    // Every byte of nonce, ciphertext and tag is covered by the tag.
    void everyChangedByteIsRefused()
    {
        const SecureBuffer key = randomKey();
        QString error;
        const auto sealed = AesGcm::seal(key, "twenty bytes of text", "photo:1", &error);
        QVERIFY2(sealed, qPrintable(error));
        for (int i = 0; i < sealed->size(); ++i) {
            QByteArray changed = *sealed;
            changed[i] = char(changed[i] ^ 0x01);
            error.clear();
            QVERIFY2(!AesGcm::open(key, changed, "photo:1", &error), qPrintable(QString::number(i)));
            QCOMPARE(error, AesGcm::authenticationFailed());
            QVERIFY(!AesGcm::openSecret(key, changed, "photo:1", &error));
        }
    }

    void wrongKeyOrAadIsRefused()
    {
        const SecureBuffer key = randomKey();
        QString error;
        const auto sealed = AesGcm::seal(key, "secret", "photo:1", &error);
        QVERIFY2(sealed, qPrintable(error));
        QVERIFY(!AesGcm::open(randomKey(), *sealed, "photo:1", &error));
        QCOMPARE(error, AesGcm::authenticationFailed());
        QVERIFY(!AesGcm::open(key, *sealed, "photo:2", &error));
        QCOMPARE(error, AesGcm::authenticationFailed());
        QVERIFY(!AesGcm::open(key, *sealed, QByteArrayView(), &error));
        QVERIFY(error.contains("authentication failed"));
    }

    void sealsOfTheSameTextDiffer()
    {
        const SecureBuffer key = randomKey();
        QString error;
        const auto a = AesGcm::seal(key, "same text", "x", &error);
        const auto b = AesGcm::seal(key, "same text", "x", &error);
        QVERIFY2(a && b, qPrintable(error));
        QVERIFY(a->first(AesGcm::kNonceBytes) != b->first(AesGcm::kNonceBytes));
        QVERIFY(a->mid(AesGcm::kNonceBytes) != b->mid(AesGcm::kNonceBytes));
    }

    void sealedDoesNotContainThePlaintext()
    {
        const QByteArray plaintext = QByteArray("FACEGATE-PLAINTEXT-MARKER-").repeated(8);
        QString error;
        const auto sealed = AesGcm::seal(randomKey(), plaintext, {}, &error);
        QVERIFY2(sealed, qPrintable(error));
        QVERIFY(!sealed->contains("FACEGATE"));
        QVERIFY(!sealed->contains("MARKER"));
    }

    void truncatedIsRefused()
    {
        const SecureBuffer key = randomKey();
        QString error;
        const auto sealed = AesGcm::seal(key, "abc", {}, &error);
        QVERIFY2(sealed, qPrintable(error));
        for (int length = 0; length < AesGcm::kOverheadBytes; ++length) {
            QVERIFY(!AesGcm::open(key, sealed->first(length), {}, &error));
            QCOMPARE(error, QStringLiteral("truncated"));
            QVERIFY(!AesGcm::openSecret(key, sealed->first(length), {}, &error));
            QCOMPARE(error, QStringLiteral("truncated"));
        }
        for (qsizetype length = AesGcm::kOverheadBytes; length < sealed->size(); ++length) {
            QVERIFY(!AesGcm::open(key, sealed->first(length), {}, &error));
            QCOMPARE(error, AesGcm::authenticationFailed());
        }
    }

    void keyOfWrongSizeIsRefused()
    {
        QString error;
        const SecureBuffer shortKey = keyOfHex("00112233445566778899aabbccddeeff"); // AES-128 size
        QVERIFY(!AesGcm::seal(shortKey, "x", {}, &error));
        QVERIFY2(error.contains("16 bytes") && error.contains("32"), qPrintable(error));
        QVERIFY(!AesGcm::open(SecureBuffer(), QByteArray(40, 'x'), {}, &error));
        QVERIFY2(error.contains("0 bytes"), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestAesGcm)
#include "tst_aesgcm.moc"
