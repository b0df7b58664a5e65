#include "core/documents/emrtd/Iso9797Padding.h"
#include "core/documents/emrtd/RetailMac.h"

#include "tests/emrtd/Doc9303Vectors.h"

#include <QTest>

using doc9303::hex;
using fg::Iso9797Padding;
using fg::RetailMac;

class TestRetailMac : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // Doc 9303 part 11 D.3 (M_IFD, M_IC over E_IFD, E_IC with KMAC) and D.4
    // (the MAC of SELECT EF.COM with KSMAC over N = SSC || padded header ||
    // DO'87', padded).
    void doc9303_data()
    {
        QTest::addColumn<QByteArray>("key");
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QByteArray>("mac");
        QTest::newRow("D.3 M_IFD") << doc9303::kMac << doc9303::kEIfd << doc9303::kMIfd;
        QTest::newRow("D.3 M_IC") << doc9303::kMac << doc9303::kEIc << doc9303::kMIc;
        QTest::newRow("D.4 SELECT EF.COM") << doc9303::kSessionMac
                                           << hex("887022120C06C2270CA4020C800000008709016375432908C044F6")
                                           << hex("BF8B92D635FF24F8");
        // K = SSC || DO'99' 9000, at SSC 887022120C06C228.
        QTest::newRow("D.4 SELECT EF.COM response") << doc9303::kSessionMac << hex("887022120C06C22899029000")
                                                    << hex("FA855A5D4C50A8ED");
    }
    void doc9303()
    {
        QFETCH(QByteArray, key);
        QFETCH(QByteArray, data);
        QFETCH(QByteArray, mac);
        QString error;
        const auto computed = RetailMac::compute(key, Iso9797Padding::pad(data, 8), &error);
        QVERIFY2(computed, qPrintable(error));
        QCOMPARE(*computed, mac);
    }

    void refuses()
    {
        QString error;
        QVERIFY(!RetailMac::compute(QByteArray(8, 'k'), QByteArray(8, 'd'), &error));
        QVERIFY2(error.contains(QStringLiteral("16-byte key")), qPrintable(error));
        QVERIFY(!RetailMac::compute(QByteArray(16, 'k'), QByteArray(9, 'd'), &error));
        QVERIFY(!RetailMac::compute(QByteArray(16, 'k'), QByteArray(), &error));
        QCOMPARE(error, QStringLiteral("retail MAC: needs a 16-byte key and whole blocks of 8 bytes, not 16 and 0 bytes"));
    }
};

QTEST_GUILESS_MAIN(TestRetailMac)
#include "tst_retailmac.moc"
