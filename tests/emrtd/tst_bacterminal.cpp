#include "core/documents/emrtd/BacChip.h"
#include "core/documents/emrtd/BacKeys.h"
#include "core/documents/emrtd/BacTerminal.h"
#include "core/documents/emrtd/ChipAccessKey.h"

#include "tests/emrtd/Doc9303Vectors.h"

#include <QTest>

using doc9303::hex;
using fg::BacKeys;
using fg::BacTerminal;
using fg::ResponseApdu;

namespace {

BacKeys doc9303Keys()
{
    QString error;
    const auto access = fg::ChipAccessKey::fromMrzFields(QStringLiteral("L898902C<"), QStringLiteral("690806"),
                                                         QStringLiteral("940623"), &error);
    auto keys = BacKeys::fromAccessKey(*access, &error);
    return std::move(*keys);
}

const ResponseApdu kChipAnswer(doc9303::kEIc + doc9303::kMIc, 0x9000);

} // namespace

class TestBacTerminal : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // Doc 9303 part 11 D.2.
    void documentBasicAccessKeys()
    {
        const BacKeys keys = doc9303Keys();
        QCOMPARE(keys.encryptionKey().view().toByteArray(), doc9303::kEnc);
        QCOMPARE(keys.macKey().view().toByteArray(), doc9303::kMac);
        QString error;
        QVERIFY(!BacKeys::fromKeySeed(QByteArray(15, 'k'), &error));
        QCOMPARE(error, QStringLiteral("BAC: a key seed of 15 bytes, not 16"));
    }

    // Doc 9303 part 11 D.3, the terminal's side, APDU by APDU.
    void doc9303Exchange()
    {
        QCOMPARE(BacTerminal::getChallenge().encode(), hex("0084000008"));
        BacTerminal terminal(doc9303Keys());
        QString error;
        const auto command = terminal.externalAuthenticate(doc9303::kRndIc, doc9303::kRndIfd, doc9303::kKIfd, &error);
        QVERIFY2(command, qPrintable(error));
        QCOMPARE(command->encode(), doc9303::kExternalAuthenticate);
        QCOMPARE(command->data(), doc9303::kEIfd + doc9303::kMIfd);
        const auto keys = terminal.finish(kChipAnswer, &error);
        QVERIFY2(keys, qPrintable(error));
        QCOMPARE(keys->cipher, fg::SmCipher::TripleDes);
        QCOMPARE(keys->encryption.view().toByteArray(), doc9303::kSessionEnc);
        QCOMPARE(keys->mac.view().toByteArray(), doc9303::kSessionMac);
        QCOMPARE(keys->ssc, doc9303::kSsc);
        // One answer per authentication.
        QVERIFY(!terminal.finish(kChipAnswer, &error));
        QCOMPARE(error, QStringLiteral("BAC: no EXTERNAL AUTHENTICATE was sent"));
    }

    void refusesAnswers_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("expected");
        QByteArray alteredMac = kChipAnswer.data();
        alteredMac[39] = static_cast<char>(alteredMac[39] ^ 1);
        QByteArray alteredData = kChipAnswer.data();
        alteredData[0] = static_cast<char>(alteredData[0] ^ 1);
        // A well-MACed answer that does not echo RND.IFD (or holds another RND.IC).
        QString error;
        const BacKeys keys = doc9303Keys();
        QByteArray otherRndIfd = doc9303::kR;
        otherRndIfd[8] = static_cast<char>(otherRndIfd[8] ^ 1);
        QByteArray otherRndIc = doc9303::kR;
        otherRndIc[0] = static_cast<char>(otherRndIc[0] ^ 1);
        QTest::newRow("wrong MRZ: 6300") << QByteArray() << 0x6300
                                         << "BAC: the chip refused the authentication (status 6300): the MRZ does not open this chip";
        QTest::newRow("6982") << QByteArray() << 0x6982
                              << "BAC: the chip refused the authentication (status 6982): the MRZ does not open this chip";
        QTest::newRow("6D00: no BAC") << QByteArray() << 0x6D00 << "BAC: the chip refused the authentication (status 6D00)";
        QTest::newRow("short") << kChipAnswer.data().left(39) << 0x9000 << "BAC: the authentication data is 39 bytes, not 40";
        QTest::newRow("MAC altered") << alteredMac << 0x9000 << "BAC: the MAC of the authentication data does not match";
        QTest::newRow("data altered") << alteredData << 0x9000 << "BAC: the MAC of the authentication data does not match";
        QTest::newRow("RND.IFD not echoed") << *keys.seal(otherRndIfd, &error) << 0x9000
                                            << "BAC: the chip's answer does not hold the terminal's challenge RND.IFD";
        QTest::newRow("another RND.IC") << *keys.seal(otherRndIc, &error) << 0x9000
                                        << "BAC: the chip's answer does not hold its own challenge RND.IC";
    }
    void refusesAnswers()
    {
        QFETCH(QByteArray, data);
        QFETCH(int, status);
        QFETCH(QString, expected);
        BacTerminal terminal(doc9303Keys());
        QString error;
        QVERIFY(terminal.externalAuthenticate(doc9303::kRndIc, doc9303::kRndIfd, doc9303::kKIfd, &error));
        QVERIFY(!terminal.finish(ResponseApdu(data, static_cast<std::uint16_t>(status)), &error));
        QVERIFY2(error.startsWith(expected), qPrintable(error));
        if (status == 0x6D00)
            QVERIFY2(!error.contains(QStringLiteral("MRZ")), qPrintable(error));
    }

    void refusesChallenges()
    {
        BacTerminal terminal(doc9303Keys());
        QString error;
        QVERIFY(!terminal.externalAuthenticate(hex("4608F919887022"), &error));
        QCOMPARE(error, QStringLiteral("BAC: the chip's challenge is 7 bytes, not 8"));
        QVERIFY(!terminal.externalAuthenticate(doc9303::kRndIc, doc9303::kRndIfd, doc9303::kKIfd.left(8), &error));
        QCOMPARE(error, QStringLiteral("BAC: RND.IFD of 8 bytes and K.IFD of 8 (8 and 16 expected)"));
    }

    // Random RND.IFD and K.IFD against the chip's side: both end with the same keys.
    void againstTheChip()
    {
        BacTerminal terminal(doc9303Keys());
        fg::BacChip chip(doc9303Keys());
        QString error;
        const auto challenge = chip.challenge(&error);
        QVERIFY2(challenge, qPrintable(error));
        const auto command = terminal.externalAuthenticate(*challenge, &error);
        QVERIFY2(command, qPrintable(error));
        QVERIFY(command->data().left(8) != doc9303::kEIfd.left(8));
        const auto answer = chip.authenticate(command->data(), &error);
        QVERIFY2(answer, qPrintable(error));
        const auto keys = terminal.finish(ResponseApdu(answer->responseData, 0x9000), &error);
        QVERIFY2(keys, qPrintable(error));
        QCOMPARE(keys->encryption.view(), answer->keys.encryption.view());
        QCOMPARE(keys->mac.view(), answer->keys.mac.view());
        QCOMPARE(keys->ssc, answer->keys.ssc);
        QCOMPARE(keys->ssc.left(4), challenge->right(4));
    }
};

QTEST_GUILESS_MAIN(TestBacTerminal)
#include "tst_bacterminal.moc"
