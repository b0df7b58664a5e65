#include "core/documents/emrtd/BacChip.h"
#include "core/documents/emrtd/BacKeys.h"
#include "core/documents/emrtd/BacTerminal.h"
#include "core/documents/emrtd/ChipAccessKey.h"

#include "tests/emrtd/Doc9303Vectors.h"

#include <QTest>

using doc9303::hex;
using fg::BacChip;
using fg::BacKeys;

namespace {

BacKeys keysFor(const char* number, const char* birth, const char* expiry)
{
    QString error;
    const auto access = fg::ChipAccessKey::fromMrzFields(QString::fromLatin1(number), QString::fromLatin1(birth),
                                                         QString::fromLatin1(expiry), &error);
    auto keys = BacKeys::fromAccessKey(*access, &error);
    return std::move(*keys);
}

BacKeys doc9303Keys()
{
    return keysFor("L898902C<", "690806", "940623");
}

} // namespace

class TestBacChip : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // Doc 9303 part 11 D.3, the chip's side: from EXTERNAL AUTHENTICATE's data
    // and K.IC to E_IC || M_IC and the session keys.
    void doc9303Exchange()
    {
        BacChip chip(doc9303Keys());
        chip.setChallenge(doc9303::kRndIc);
        QString error;
        const auto answer = chip.authenticate(doc9303::kEIfd + doc9303::kMIfd, doc9303::kKIc, &error);
        QVERIFY2(answer, qPrintable(error));
        QCOMPARE(answer->responseData, doc9303::kEIc + doc9303::kMIc);
        QCOMPARE(answer->keys.encryption.view().toByteArray(), doc9303::kSessionEnc);
        QCOMPARE(answer->keys.mac.view().toByteArray(), doc9303::kSessionMac);
        QCOMPARE(answer->keys.ssc, doc9303::kSsc);
        // A challenge answers once: the same command again is a replay.
        QVERIFY(!chip.authenticate(doc9303::kEIfd + doc9303::kMIfd, doc9303::kKIc, &error));
        QCOMPARE(error, QStringLiteral("BAC (chip): EXTERNAL AUTHENTICATE without a GET CHALLENGE before it"));
    }

    void refusesWrongMrz()
    {
        // The terminal read the birth date wrong.
        fg::BacTerminal terminal(keysFor("L898902C<", "690807", "940623"));
        BacChip chip(doc9303Keys());
        QString error;
        const auto challenge = chip.challenge(&error);
        QVERIFY2(challenge, qPrintable(error));
        const auto command = terminal.externalAuthenticate(*challenge, &error);
        QVERIFY2(command, qPrintable(error));
        QVERIFY(!chip.authenticate(command->data(), &error));
        QVERIFY2(error.startsWith(QStringLiteral("BAC: the MAC of the authentication data does not match")), qPrintable(error));
    }

    void refuses()
    {
        BacChip chip(doc9303Keys());
        QString error;
        QVERIFY(!chip.authenticate(doc9303::kEIfd + doc9303::kMIfd, doc9303::kKIc, &error));
        QCOMPARE(error, QStringLiteral("BAC (chip): EXTERNAL AUTHENTICATE without a GET CHALLENGE before it"));
        // Well MACed, for another challenge.
        chip.setChallenge(hex("0000000000000001"));
        QVERIFY(!chip.authenticate(doc9303::kEIfd + doc9303::kMIfd, doc9303::kKIc, &error));
        QCOMPARE(error, QStringLiteral("BAC (chip): the terminal's data does not hold the chip's challenge RND.IC"));
        chip.setChallenge(doc9303::kRndIc);
        QVERIFY(!chip.authenticate(doc9303::kEIfd, doc9303::kKIc, &error));
        QCOMPARE(error, QStringLiteral("BAC: the authentication data is 32 bytes, not 40"));
        chip.setChallenge(doc9303::kRndIc);
        QVERIFY(!chip.authenticate(doc9303::kEIfd + doc9303::kMIfd, doc9303::kKIc.left(8), &error));
        QCOMPARE(error, QStringLiteral("BAC (chip): K.IC of 8 bytes, not 16"));
    }

    void randomChallenges()
    {
        BacChip chip(doc9303Keys());
        QString error;
        const auto first = chip.challenge(&error);
        const auto second = chip.challenge(&error);
        QVERIFY(first && second);
        QCOMPARE(first->size(), 8);
        QVERIFY(*first != *second);
    }
};

QTEST_GUILESS_MAIN(TestBacChip)
#include "tst_bacchip.moc"
