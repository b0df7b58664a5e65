#include "core/security/CryptoSelfTest.h"

#include <QTest>

class TestCryptoSelfTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void passes()
    {
        QString error;
        QVERIFY2(fg::CryptoSelfTest::run(&error), qPrintable(error));
        QVERIFY(error.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCryptoSelfTest)
#include "tst_cryptoselftest.moc"
