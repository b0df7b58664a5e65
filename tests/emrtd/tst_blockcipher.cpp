#include "core/documents/emrtd/BlockCipher.h"
#include "core/documents/emrtd/Iso9797Padding.h"

#include "tests/emrtd/Doc9303Vectors.h"

#include <QTest>

using doc9303::hex;
using fg::BlockCipher;
using fg::Iso9797Padding;
using fg::SmCipher;

class TestBlockCipher : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // FIPS 46's worked example (key 133457799BBCDFF1), as in Grabbe's "The DES
    // Algorithm Illustrated" and Stinson; found in several DES tests by value.
    // Single DES runs as 3DES with K1 = K2, without OpenSSL's legacy provider.
    void singleDes()
    {
        QString error;
        const auto encrypted = BlockCipher::desEncrypt(hex("133457799BBCDFF1"), hex("0123456789ABCDEF"), &error);
        QVERIFY2(encrypted, qPrintable(error));
        QCOMPARE(*encrypted, hex("85E813540F0AB405"));
        const auto decrypted = BlockCipher::desDecrypt(hex("133457799BBCDFF1"), *encrypted, &error);
        QVERIFY2(decrypted, qPrintable(error));
        QCOMPARE(*decrypted, hex("0123456789ABCDEF"));
        // CBC: the second block is chained on the first.
        const auto chained = BlockCipher::desEncryptCbc(hex("133457799BBCDFF1"), hex("0123456789ABCDEF0000000000000000"), &error);
        QVERIFY2(chained, qPrintable(error));
        QCOMPARE(chained->left(8), hex("85E813540F0AB405"));
        QCOMPARE(chained->mid(8), *BlockCipher::desEncrypt(hex("133457799BBCDFF1"), hex("85E813540F0AB405"), &error));
    }

    // Doc 9303 part 11 D.3: E_IFD = 3DES-CBC(KEnc, S), zero IV; E_IC likewise.
    void tripleDesCbc()
    {
        QString error;
        const QByteArray zero(8, '\0');
        const auto eIfd = BlockCipher::encryptCbc(SmCipher::TripleDes, doc9303::kEnc, zero, doc9303::kS, &error);
        QVERIFY2(eIfd, qPrintable(error));
        QCOMPARE(*eIfd, doc9303::kEIfd);
        const auto r = BlockCipher::decryptCbc(SmCipher::TripleDes, doc9303::kEnc, zero, doc9303::kEIc, &error);
        QVERIFY2(r, qPrintable(error));
        QCOMPARE(r->view().toByteArray(), doc9303::kR);
    }

    // NIST SP 800-38A F.2.1 (CBC-AES128) and FIPS-197 appendix C.1 (one
    // AES-128 block), each found in several AES implementations' tests.
    void aes()
    {
        QString error;
        const auto cbc = BlockCipher::encryptCbc(SmCipher::Aes128, hex("2b7e151628aed2a6abf7158809cf4f3c"),
                                                 hex("000102030405060708090a0b0c0d0e0f"),
                                                 hex("6bc1bee22e409f96e93d7e117393172a"), &error);
        QVERIFY2(cbc, qPrintable(error));
        QCOMPARE(*cbc, hex("7649abac8119b246cee98e9b12e9197d"));
        const auto back = BlockCipher::decryptCbc(SmCipher::Aes128, hex("2b7e151628aed2a6abf7158809cf4f3c"),
                                                  hex("000102030405060708090a0b0c0d0e0f"), *cbc, &error);
        QVERIFY2(back, qPrintable(error));
        QCOMPARE(back->view().toByteArray(), hex("6bc1bee22e409f96e93d7e117393172a"));
        const auto block = BlockCipher::encryptBlock(SmCipher::Aes128, hex("000102030405060708090a0b0c0d0e0f"),
                                                     hex("00112233445566778899aabbccddeeff"), &error);
        QVERIFY2(block, qPrintable(error));
        QCOMPARE(*block, hex("69c4e0d86a7b0430d8cdb78070b4c55a"));
    }

    // Doc 9303 part 11 G.1: the chip's nonce, decrypted with K_pi (AES-128,
    // CBC, zero IV).
    void paceNonce()
    {
        QString error;
        const auto nonce = BlockCipher::decryptCbc(SmCipher::Aes128, doc9303::kPaceKpi, QByteArray(16, '\0'),
                                                   doc9303::kEncryptedNonce, &error);
        QVERIFY2(nonce, qPrintable(error));
        QCOMPARE(nonce->view().toByteArray(), doc9303::kNonce);
    }

    void refuses_data()
    {
        QTest::addColumn<int>("cipher");
        QTest::addColumn<QByteArray>("key");
        QTest::addColumn<QByteArray>("iv");
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QString>("expected");
        const QByteArray key16(16, 'k');
        QTest::newRow("3DES, 8-byte key") << int(SmCipher::TripleDes) << QByteArray(8, 'k') << QByteArray(8, '\0')
                                          << QByteArray(8, 'd') << QStringLiteral("DES-EDE-CBC needs a key of 16 bytes, not 8");
        QTest::newRow("3DES, half a block") << int(SmCipher::TripleDes) << key16 << QByteArray(8, '\0') << QByteArray(4, 'd')
                                            << QStringLiteral("works on whole blocks of 8 bytes, not on 4 bytes");
        QTest::newRow("3DES, AES's IV") << int(SmCipher::TripleDes) << key16 << QByteArray(16, '\0') << QByteArray(8, 'd')
                                        << QStringLiteral("3DES CBC needs an IV of 8 bytes, not 16");
        QTest::newRow("AES-256, 16-byte key") << int(SmCipher::Aes256) << key16 << QByteArray(16, '\0') << QByteArray(16, 'd')
                                              << QStringLiteral("AES-256-CBC needs a key of 32 bytes, not 16");
        QTest::newRow("AES, 8 bytes") << int(SmCipher::Aes128) << key16 << QByteArray(16, '\0') << QByteArray(8, 'd')
                                      << QStringLiteral("works on whole blocks of 16 bytes, not on 8 bytes");
    }
    void refuses()
    {
        QFETCH(int, cipher);
        QFETCH(QByteArray, key);
        QFETCH(QByteArray, iv);
        QFETCH(QByteArray, data);
        QFETCH(QString, expected);
        QString error;
        QVERIFY(!BlockCipher::encryptCbc(SmCipher(cipher), key, iv, data, &error));
        QVERIFY2(error.contains(expected), qPrintable(error));
        QVERIFY(!BlockCipher::decryptCbc(SmCipher(cipher), key, iv, data, &error));
        QVERIFY2(error.contains(expected), qPrintable(error));
        QVERIFY(!BlockCipher::desEncrypt(QByteArray(16, 'k'), QByteArray(8, 'd'), &error));
        QCOMPARE(error, QStringLiteral("DES needs a key of 8 bytes, not 16"));
        QVERIFY(!BlockCipher::encryptBlock(SmCipher::Aes128, key16(), QByteArray(15, 'd'), &error));
        QCOMPARE(error, QStringLiteral("AES-128 encrypts blocks of 16 bytes, not 15"));
    }

    // ISO/IEC 9797-1 padding method 2 (Doc 9303 part 11 D.4: "011E" padded
    // to 011E800000000000).
    void padding_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<int>("blockSize");
        QTest::addColumn<QByteArray>("padded");
        QTest::newRow("D.4 select data") << hex("011E") << 8 << hex("011E800000000000");
        QTest::newRow("D.4 header") << hex("0CA4020C") << 8 << hex("0CA4020C80000000");
        QTest::newRow("empty") << QByteArray() << 8 << hex("8000000000000000");
        QTest::newRow("whole block") << hex("1234567890ABCDEF") << 8 << hex("1234567890ABCDEF8000000000000000");
        QTest::newRow("ends in 80") << hex("1234567880") << 8 << hex("1234567880800000");
        QTest::newRow("AES") << hex("0CA4020C") << 16 << hex("0CA4020C800000000000000000000000");
    }
    void padding()
    {
        QFETCH(QByteArray, data);
        QFETCH(int, blockSize);
        QFETCH(QByteArray, padded);
        QCOMPARE(Iso9797Padding::pad(data, blockSize), padded);
        QString error;
        const auto unpadded = Iso9797Padding::unpad(padded, blockSize, &error);
        QVERIFY2(unpadded, qPrintable(error));
        QCOMPARE(*unpadded, data);
    }

    void refusesBadPadding_data()
    {
        QTest::addColumn<QByteArray>("padded");
        QTest::addColumn<QString>("expected");
        QTest::newRow("no 80") << hex("1234567800000000") << QStringLiteral("no 80 byte ends the data");
        QTest::newRow("all zero") << hex("0000000000000000") << QStringLiteral("no 80 byte ends the data");
        QTest::newRow("byte after 80") << hex("1234800000000001") << QStringLiteral("no 80 byte ends the data");
        QTest::newRow("too long") << hex("12800000000000000000000000000000") << QStringLiteral("15 bytes of padding, more than a block");
        QTest::newRow("not whole blocks") << hex("12348000") << QStringLiteral("4 bytes are not whole blocks of 8");
        QTest::newRow("empty") << QByteArray() << QStringLiteral("0 bytes are not whole blocks of 8");
    }
    void refusesBadPadding()
    {
        QFETCH(QByteArray, padded);
        QFETCH(QString, expected);
        QString error;
        QVERIFY(!Iso9797Padding::unpad(padded, 8, &error));
        QCOMPARE(error, QStringLiteral("ISO 9797-1 padding: ") + expected);
    }

private:
    static QByteArray key16() { return QByteArray(16, 'k'); }
};

QTEST_GUILESS_MAIN(TestBlockCipher)
#include "tst_blockcipher.moc"
