#include "core/security/Hmac.h"

#include <QTest>

using fg::Hmac;

Q_DECLARE_METATYPE(fg::Hmac::Digest)

class TestHmac : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // RFC 4231 (SHA-256, SHA-512) and RFC 2202 (SHA-1) test cases.
    void knownAnswers_data()
    {
        QTest::addColumn<Hmac::Digest>("digest");
        QTest::addColumn<QByteArray>("key");
        QTest::addColumn<QByteArray>("message");
        QTest::addColumn<QByteArray>("mac");
        const QByteArray longKey(131, '\xaa');
        QTest::newRow("4231 case 1") << Hmac::Digest::Sha256 << QByteArray(20, '\x0b') << QByteArray("Hi There")
                                     << QByteArray::fromHex(
                                            "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
        QTest::newRow("4231 case 2") << Hmac::Digest::Sha256 << QByteArray("Jefe")
                                     << QByteArray("what do ya want for nothing?")
                                     << QByteArray::fromHex(
                                            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
        QTest::newRow("4231 case 3") << Hmac::Digest::Sha256 << QByteArray(20, '\xaa') << QByteArray(50, '\xdd')
                                     << QByteArray::fromHex(
                                            "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe");
        QTest::newRow("4231 case 4") << Hmac::Digest::Sha256
                                     << QByteArray::fromHex("0102030405060708090a0b0c0d0e0f10111213141516171819")
                                     << QByteArray(50, '\xcd')
                                     << QByteArray::fromHex(
                                            "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b");
        QTest::newRow("4231 case 6") << Hmac::Digest::Sha256 << longKey
                                     << QByteArray("Test Using Larger Than Block-Size Key - Hash Key First")
                                     << QByteArray::fromHex(
                                            "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
        QTest::newRow("4231 case 7")
            << Hmac::Digest::Sha256 << longKey
            << QByteArray("This is a test using a larger than block-size key and a larger than block-size data. "
                          "The key needs to be hashed before being used by the HMAC algorithm.")
            << QByteArray::fromHex("9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2");
        QTest::newRow("4231 case 2 sha512")
            << Hmac::Digest::Sha512 << QByteArray("Jefe") << QByteArray("what do ya want for nothing?")
            << QByteArray::fromHex("164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea250554"
                                   "9758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737");
        QTest::newRow("2202 case 2 sha1") << Hmac::Digest::Sha1 << QByteArray("Jefe")
                                          << QByteArray("what do ya want for nothing?")
                                          << QByteArray::fromHex("effcdf6ae5eb2fa2d27416d5f184df9c259a7c79");
        QTest::newRow("empty key and message")
            << Hmac::Digest::Sha256 << QByteArray() << QByteArray()
            << QByteArray::fromHex("b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad");
    }
    void knownAnswers()
    {
        QFETCH(Hmac::Digest, digest);
        QFETCH(QByteArray, key);
        QFETCH(QByteArray, message);
        QFETCH(QByteArray, mac);
        QCOMPARE(Hmac::compute(digest, key, message), mac);
        QCOMPARE(Hmac::size(digest), mac.size());
        if (digest == Hmac::Digest::Sha256)
            QCOMPARE(Hmac::sha256(key, message), mac);
    }
};

QTEST_GUILESS_MAIN(TestHmac)
#include "tst_hmac.moc"
