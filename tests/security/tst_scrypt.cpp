#include "core/security/Scrypt.h"
#include "core/security/ScryptParams.h"

#include <QTest>

using fg::Scrypt;
using fg::ScryptParams;

Q_DECLARE_METATYPE(fg::ScryptParams)

class TestScrypt : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // RFC 7914, section 12 (the fourth vector, N = 2^20, needs 1 GiB: past kMaxMemoryBytes).
    void rfc7914_data()
    {
        QTest::addColumn<QByteArray>("password");
        QTest::addColumn<QByteArray>("salt");
        QTest::addColumn<ScryptParams>("params");
        QTest::addColumn<QByteArray>("derived");
        QTest::newRow("empty") << QByteArray() << QByteArray() << ScryptParams{16, 1, 1}
                               << QByteArray::fromHex(
                                      "77d6576238657b203b19ca42c18a0497f16b4844e3074ae8dfdffa3fede21442"
                                      "fcd0069ded0948f8326a753a0fc81f17e8d3e0fb2e0d3628cf35e20c38d18906");
        QTest::newRow("NaCl") << QByteArray("password") << QByteArray("NaCl") << ScryptParams{1024, 8, 16}
                              << QByteArray::fromHex(
                                     "fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b373162"
                                     "2eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640");
        QTest::newRow("SodiumChloride") << QByteArray("pleaseletmein") << QByteArray("SodiumChloride")
                                        << ScryptParams{16384, 8, 1}
                                        << QByteArray::fromHex(
                                               "7023bdcb3afd7348461c06cd81fd38ebfda8fbba904f8e3ea9b543f6545da1f2"
                                               "d5432955613f0fcf62d49705242a9af9e61e85dc0d651e40dfcf017b45575887");
    }
    void rfc7914()
    {
        QFETCH(QByteArray, password);
        QFETCH(QByteArray, salt);
        QFETCH(ScryptParams, params);
        QFETCH(QByteArray, derived);
        QString error;
        const auto key = Scrypt::derive(password, salt, params, int(derived.size()), &error);
        QVERIFY2(key, qPrintable(error));
        QCOMPARE(key->view(), QByteArrayView(derived));
    }

    void defaults()
    {
        QString error;
        QCOMPARE(ScryptParams::forKeys(), (ScryptParams{quint64(1) << 15, 8, 1}));
        QCOMPARE(ScryptParams::forPasswords(), (ScryptParams{quint64(1) << 17, 8, 1}));
        QVERIFY2(ScryptParams::forKeys().isValid(&error), qPrintable(error));
        QVERIFY2(ScryptParams::forPasswords().isValid(&error), qPrintable(error));
        QCOMPARE(ScryptParams::forPasswords().log2N(), 17);
        QCOMPARE(ScryptParams::forPasswords().toString(), QStringLiteral("N=2^17, r=8, p=1"));
    }

    void validity_data()
    {
        QTest::addColumn<ScryptParams>("params");
        QTest::addColumn<QString>("mentions"); // empty: valid
        QTest::newRow("smallest") << ScryptParams{2, 1, 1} << QString();
        QTest::newRow("rfc p=16") << ScryptParams{1024, 8, 16} << QString();
        QTest::newRow("512 MiB") << ScryptParams{quint64(1) << 19, 8, 1} << QString();
        QTest::newRow("N=0") << ScryptParams{0, 8, 1} << "N = 0";
        QTest::newRow("N=1") << ScryptParams{1, 8, 1} << "N = 1";
        QTest::newRow("N=1000") << ScryptParams{1000, 8, 1} << "power of two";
        QTest::newRow("r=0") << ScryptParams{1024, 0, 1} << "r = 0";
        QTest::newRow("r=33") << ScryptParams{1024, 33, 1} << "r = 33";
        QTest::newRow("p=0") << ScryptParams{1024, 8, 0} << "p = 0";
        QTest::newRow("p=17") << ScryptParams{1024, 8, 17} << "p = 17";
        QTest::newRow("N=2^16 with r=1") << ScryptParams{quint64(1) << 16, 1, 1} << "too large for r = 1";
        QTest::newRow("1 GiB") << ScryptParams{quint64(1) << 20, 8, 1} << "memory";
        QTest::newRow("N=2^63") << ScryptParams{quint64(1) << 63, 8, 1} << "memory";
    }
    void validity()
    {
        QFETCH(ScryptParams, params);
        QFETCH(QString, mentions);
        QString error;
        const bool valid = params.isValid(&error);
        QCOMPARE(valid, mentions.isEmpty());
        if (!valid)
            QVERIFY2(error.contains(mentions), qPrintable(error));
    }

    void deriveRefusesBadInput()
    {
        QString error;
        QVERIFY(!Scrypt::derive("pw", "salt", ScryptParams{1000, 8, 1}, 32, &error));
        QVERIFY2(error.contains("power of two"), qPrintable(error));
        QVERIFY(!Scrypt::derive("pw", "salt", ScryptParams{1024, 8, 1}, 0, &error));
        QVERIFY2(error.contains("0 bytes"), qPrintable(error));
    }

    void outputDependsOnEveryInput()
    {
        const ScryptParams light{1024, 8, 1};
        QString error;
        const auto base = Scrypt::derive("password", "salt-one", light, 32, &error);
        const auto otherPassword = Scrypt::derive("passwore", "salt-one", light, 32, &error);
        const auto otherSalt = Scrypt::derive("password", "salt-two", light, 32, &error);
        const auto otherN = Scrypt::derive("password", "salt-one", ScryptParams{2048, 8, 1}, 32, &error);
        const auto again = Scrypt::derive("password", "salt-one", light, 32, &error);
        QVERIFY2(base && otherPassword && otherSalt && otherN && again, qPrintable(error));
        QCOMPARE(base->view(), again->view());
        QVERIFY(base->view() != otherPassword->view());
        QVERIFY(base->view() != otherSalt->view());
        QVERIFY(base->view() != otherN->view());
    }
};

QTEST_GUILESS_MAIN(TestScrypt)
#include "tst_scrypt.moc"
