#include "core/documents/emrtd/ChipAccessKey.h"
#include "core/documents/emrtd/PaceNonce.h"

#include "tests/emrtd/Doc9303Vectors.h"

#include <QTest>

using fg::PaceNonce;
using fg::SmCipher;

class TestPaceNonce : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // Doc 9303 part 11 G.1: K_pi from the MRZ, and the chip's nonce.
    void doc9303()
    {
        QString error;
        const auto key = fg::ChipAccessKey::fromMrzFields(doc9303::kPaceDocumentNumber, doc9303::kPaceBirthDate,
                                                          doc9303::kPaceExpiryDate, &error);
        QVERIFY2(key, qPrintable(error));
        const auto kpi = PaceNonce::passwordKey(*key, SmCipher::Aes128, &error);
        QVERIFY2(kpi, qPrintable(error));
        QCOMPARE(kpi->view().toByteArray(), doc9303::kPaceKpi);
        const auto nonce = PaceNonce::decrypt(SmCipher::Aes128, kpi->view(), doc9303::kEncryptedNonce, &error);
        QVERIFY2(nonce, qPrintable(error));
        QCOMPARE(nonce->view().toByteArray(), doc9303::kNonce);
        QCOMPARE(*PaceNonce::encrypt(SmCipher::Aes128, kpi->view(), doc9303::kNonce, &error), doc9303::kEncryptedNonce);
    }

    // K_pi of a CAN is KDF(CAN, 3); both directions agree for every cipher.
    void canAndCiphers()
    {
        QString error;
        const auto can = fg::ChipAccessKey::fromCan(QStringLiteral("123456"), &error);
        QVERIFY2(can, qPrintable(error));
        for (const SmCipher cipher : {SmCipher::TripleDes, SmCipher::Aes128, SmCipher::Aes192, SmCipher::Aes256}) {
            const auto kpi = PaceNonce::passwordKey(*can, cipher, &error);
            QVERIFY2(kpi, qPrintable(error));
            QCOMPARE(kpi->size(), fg::smCipherKeyBytes(cipher));
            const QByteArray nonce(PaceNonce::kNonceBytes, '\x5A');
            const auto encrypted = PaceNonce::encrypt(cipher, kpi->view(), nonce, &error);
            QVERIFY2(encrypted, qPrintable(error));
            QCOMPARE(PaceNonce::decrypt(cipher, kpi->view(), *encrypted, &error)->view().toByteArray(), nonce);
        }
    }

    void refuses()
    {
        QString error;
        QVERIFY(!PaceNonce::decrypt(SmCipher::Aes128, doc9303::kPaceKpi, doc9303::kEncryptedNonce.left(8), &error));
        QCOMPARE(error, QStringLiteral("PACE: the encrypted nonce is 8 bytes, not whole blocks of 16"));
        QVERIFY(!PaceNonce::decrypt(SmCipher::Aes128, doc9303::kPaceKpi, QByteArray(), &error));
    }
};

QTEST_GUILESS_MAIN(TestPaceNonce)
#include "tst_pacenonce.moc"
