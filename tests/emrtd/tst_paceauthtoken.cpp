#include "core/documents/emrtd/PaceAuthToken.h"

#include "tests/emrtd/Doc9303Vectors.h"

#include <QTest>

using fg::PaceAuthToken;
using fg::SmCipher;

class TestPaceAuthToken : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // Doc 9303 part 11 G.1: T_IFD over the chip's PK_DH, T_IC over the
    // terminal's, with KSmac.
    void doc9303()
    {
        QCOMPARE(PaceAuthToken::publicKeyData(doc9303::kPaceOid, doc9303::kDhPublicIc), doc9303::kTokenInputIfd);
        QString error;
        const auto tIfd = PaceAuthToken::compute(SmCipher::Aes128, doc9303::kPaceSessionMac, doc9303::kPaceOid,
                                                 doc9303::kDhPublicIc, &error);
        QVERIFY2(tIfd, qPrintable(error));
        QCOMPARE(*tIfd, doc9303::kTokenIfd);
        const auto tIc = PaceAuthToken::compute(SmCipher::Aes128, doc9303::kPaceSessionMac, doc9303::kPaceOid,
                                                doc9303::kDhPublicIfd, &error);
        QVERIFY2(tIc, qPrintable(error));
        QCOMPARE(*tIc, doc9303::kTokenIc);
        QVERIFY(PaceAuthToken::verify(SmCipher::Aes128, doc9303::kPaceSessionMac, doc9303::kPaceOid,
                                      doc9303::kDhPublicIfd, doc9303::kTokenIc, &error));
    }

    void refuses()
    {
        QString error;
        QByteArray wrong = doc9303::kTokenIc;
        wrong[7] = static_cast<char>(wrong[7] ^ 1);
        QVERIFY(!PaceAuthToken::verify(SmCipher::Aes128, doc9303::kPaceSessionMac, doc9303::kPaceOid,
                                       doc9303::kDhPublicIfd, wrong, &error));
        QVERIFY2(error.contains(QStringLiteral("the authentication token does not match")), qPrintable(error));
        QVERIFY(!PaceAuthToken::verify(SmCipher::Aes128, doc9303::kPaceSessionMac, doc9303::kPaceOid,
                                       doc9303::kDhPublicIfd, doc9303::kTokenIc.left(4), &error));
        // The token binds the key it is over.
        QVERIFY(!PaceAuthToken::verify(SmCipher::Aes128, doc9303::kPaceSessionMac, doc9303::kPaceOid,
                                       doc9303::kDhPublicIc, doc9303::kTokenIc, &error));
    }

    // 3DES has no worked example in Doc 9303: the retail MAC over the padded
    // data, checked only against itself here.
    void tripleDes()
    {
        QString error;
        const QByteArray key(16, '\x33');
        const auto token = PaceAuthToken::compute(SmCipher::TripleDes, key, doc9303::kPaceOid, doc9303::kDhPublicIc, &error);
        QVERIFY2(token, qPrintable(error));
        QCOMPARE(token->size(), PaceAuthToken::kBytes);
        QVERIFY(PaceAuthToken::verify(SmCipher::TripleDes, key, doc9303::kPaceOid, doc9303::kDhPublicIc, *token, &error));
    }
};

QTEST_GUILESS_MAIN(TestPaceAuthToken)
#include "tst_paceauthtoken.moc"
