#include "core/documents/emrtd/AesCmac.h"

#include "tests/emrtd/Doc9303Vectors.h"

#include <QTest>

using doc9303::hex;
using fg::AesCmac;

class TestAesCmac : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // RFC 4493 section 4 (AES-128) and NIST SP 800-38B's updated examples
    // (AES-192, AES-256), each found in several CMAC implementations' tests.
    void nist_data()
    {
        QTest::addColumn<QByteArray>("key");
        QTest::addColumn<QByteArray>("message");
        QTest::addColumn<QByteArray>("mac");
        const QByteArray key128 = hex("2b7e151628aed2a6abf7158809cf4f3c");
        QTest::newRow("AES-128, empty") << key128 << QByteArray() << hex("bb1d6929e95937287fa37d129b756746");
        QTest::newRow("AES-128, 16 bytes") << key128 << hex("6bc1bee22e409f96e93d7e117393172a")
                                           << hex("070a16b46b4d4144f79bdd9dd04a287c");
        QTest::newRow("AES-192, empty") << hex("8e73b0f7da0e6452c810f32b809079e562f8ead2522c6b7b") << QByteArray()
                                        << hex("d17ddf46adaacde531cac483de7a9367");
        QTest::newRow("AES-256, empty") << hex("603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4")
                                        << QByteArray() << hex("028962f61b7bf89efc6b551f4667d983");
    }
    void nist()
    {
        QFETCH(QByteArray, key);
        QFETCH(QByteArray, message);
        QFETCH(QByteArray, mac);
        QString error;
        const auto computed = AesCmac::compute(key, message, &error);
        QVERIFY2(computed, qPrintable(error));
        QCOMPARE(*computed, mac);
    }

    // Doc 9303 part 11 G.1: T_IFD = CMAC(KSmac, 7F49 { OID, PK_DH,IC }), the
    // first 8 bytes, over the data unpadded.
    void paceToken()
    {
        QString error;
        const auto token = AesCmac::compute(doc9303::kPaceSessionMac, doc9303::kTokenInputIfd, &error);
        QVERIFY2(token, qPrintable(error));
        QCOMPARE(token->left(AesCmac::kTruncatedBytes), doc9303::kTokenIfd);
    }

    void refusesKeySizes()
    {
        QString error;
        QVERIFY(!AesCmac::compute(QByteArray(20, 'k'), "data", &error));
        QCOMPARE(error, QStringLiteral("AES-CMAC needs a key of 16, 24 or 32 bytes, not 20"));
    }
};

QTEST_GUILESS_MAIN(TestAesCmac)
#include "tst_aescmac.moc"
