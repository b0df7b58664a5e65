#include "core/documents/emrtd/ChipAccessKey.h"
#include "core/documents/emrtd/PaceChip.h"
#include "core/documents/emrtd/PaceTerminal.h"
#include "core/documents/emrtd/SecureMessaging.h"
#include "core/documents/emrtd/SecureMessagingChip.h"

#include "tests/emrtd/Doc9303Vectors.h"

#include <QTest>

using doc9303::hex;
using fg::ChipAccessKey;
using fg::CommandApdu;
using fg::PaceInfo;
using fg::PaceTerminal;
using fg::ResponseApdu;

namespace {

ChipAccessKey g1Key()
{
    return std::move(*ChipAccessKey::fromMrzFields(doc9303::kPaceDocumentNumber, doc9303::kPaceBirthDate,
                                                   doc9303::kPaceExpiryDate, nullptr));
}

PaceInfo g1Info()
{
    return *PaceInfo::fromOid(doc9303::kPaceOid, 13, nullptr);
}

ResponseApdu answer(const QByteArray& bytes)
{
    return *ResponseApdu::parse(bytes, nullptr);
}

// G.1's terminal, up to the step before `stop` (1: after MSE:Set AT ... 5:
// after the token was sent), with G.1's private keys.
PaceTerminal g1TerminalUpTo(int stop)
{
    auto terminal = PaceTerminal::create(g1Info(), g1Key(), nullptr);
    terminal->useFixedKeys(doc9303::kMapPrivateIfd, doc9303::kDhPrivateIfd);
    if (stop > 1)
        terminal->requestNonce(answer(hex("9000")), nullptr);
    if (stop > 2)
        terminal->mapNonce(answer(doc9303::kPaceNonceAnswer), nullptr);
    if (stop > 3)
        terminal->agreeKey(answer(doc9303::kPaceMapAnswer), nullptr);
    if (stop > 4)
        terminal->authenticate(answer(doc9303::kPaceAgreeAnswer), nullptr);
    return std::move(*terminal);
}

} // namespace

Q_DECLARE_METATYPE(fg::SmCipher)

class TestPaceTerminal : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // Doc 9303 part 11 G.1, APDU by APDU, with its private keys: every
    // command byte for byte, and the session keys.
    void doc9303Exchange()
    {
        QString error;
        auto terminal = PaceTerminal::create(g1Info(), g1Key(), &error);
        QVERIFY2(terminal, qPrintable(error));
        terminal->useFixedKeys(doc9303::kMapPrivateIfd, doc9303::kDhPrivateIfd);
        QCOMPARE(terminal->setAuthenticationTemplate().encode(), doc9303::kPaceSetAt);
        auto command = terminal->requestNonce(answer(hex("9000")), &error);
        QVERIFY2(command, qPrintable(error));
        QCOMPARE(command->encode(), doc9303::kPaceAskNonce);
        command = terminal->mapNonce(answer(doc9303::kPaceNonceAnswer), &error);
        QVERIFY2(command, qPrintable(error));
        QCOMPARE(command->encode(), doc9303::kPaceMapCommand);
        command = terminal->agreeKey(answer(doc9303::kPaceMapAnswer), &error);
        QVERIFY2(command, qPrintable(error));
        QCOMPARE(command->encode(), doc9303::kPaceAgreeCommand);
        QCOMPARE(terminal->mapping().mappedGenerator(), doc9303::kMappedGenerator);
        command = terminal->authenticate(answer(doc9303::kPaceAgreeAnswer), &error);
        QVERIFY2(command, qPrintable(error));
        QCOMPARE(command->encode(), doc9303::kPaceTokenCommand);
        const auto keys = terminal->finish(answer(doc9303::kPaceTokenAnswer), &error);
        QVERIFY2(keys, qPrintable(error));
        QCOMPARE(keys->cipher, fg::SmCipher::Aes128);
        QCOMPARE(keys->encryption.view().toByteArray(), doc9303::kPaceSessionEnc);
        QCOMPARE(keys->mac.view().toByteArray(), doc9303::kPaceSessionMac);
        QCOMPARE(keys->ssc, QByteArray(16, '\0'));
        QVERIFY(!terminal->finish(answer(doc9303::kPaceTokenAnswer), &error));
        QCOMPARE(error, QStringLiteral("PACE: a step out of order"));
    }

    void refusesAnswers_data()
    {
        QTest::addColumn<int>("step");
        QTest::addColumn<QByteArray>("response");
        QTest::addColumn<QString>("expected");
        QByteArray wrongToken = doc9303::kPaceTokenAnswer;
        wrongToken[11] = static_cast<char>(wrongToken[11] ^ 1);
        QByteArray offCurve = doc9303::kPaceMapAnswer;
        offCurve[20] = static_cast<char>(offCurve[20] ^ 1);
        QTest::newRow("MSE:Set AT refused") << 1 << hex("6A80")
                                            << "PACE: the chip refused id-PACE-ECDH-GM-AES-CBC-CMAC-128 (status 6A80)";
        QTest::newRow("no nonce") << 2 << hex("7C009000") << "PACE: the authentication data holds no object 80 in a 7C";
        QTest::newRow("nonce not in 7C") << 2 << hex("80109000") << "PACE: the authentication data is malformed";
        QTest::newRow("nonce of 8 bytes") << 2 << hex("7C0A800895A3A016522EE98D9000")
                                          << "PACE: the encrypted nonce is 8 bytes, not whole blocks of 16";
        QTest::newRow("chip's key off the curve") << 3 << offCurve << "PACE: the mapping public key received is not a point";
        QTest::newRow("chip's key is ours") << 3 << hex("7C438241") + doc9303::kMapPublicIfd + hex("9000")
                                            << "PACE: the other side's mapping public key is our own";
        QTest::newRow("reflected ephemeral key") << 4 << hex("7C438441") + doc9303::kDhPublicIfd + hex("9000")
                                                 << "PACE: the other side's ephemeral public key is our own";
        QTest::newRow("wrong password: 6300") << 5 << hex("6300")
                                              << "PACE: the chip refused the authentication (status 6300): the password";
        QTest::newRow("wrong token") << 5 << wrongToken << "PACE: the authentication token does not match";
        QTest::newRow("6982") << 5 << hex("6982") << "PACE: the chip refused the authentication (status 6982)";
    }
    void refusesAnswers()
    {
        QFETCH(int, step);
        QFETCH(QByteArray, response);
        QFETCH(QString, expected);
        PaceTerminal terminal = g1TerminalUpTo(step);
        QString error;
        const ResponseApdu bad = answer(response);
        const bool refused = step == 1   ? !terminal.requestNonce(bad, &error)
            : step == 2                  ? !terminal.mapNonce(bad, &error)
            : step == 3                  ? !terminal.agreeKey(bad, &error)
            : step == 4                  ? !terminal.authenticate(bad, &error)
                                         : !terminal.finish(bad, &error);
        QVERIFY(refused);
        QVERIFY2(error.startsWith(expected), qPrintable(error));
        // Nothing after a refusal.
        QVERIFY(!terminal.finish(answer(doc9303::kPaceTokenAnswer), &error));
    }

    void refusesProtocols()
    {
        QString error;
        const auto im = PaceInfo::fromOid(hex("04007F00070202040402"), 13, &error);
        QVERIFY(!PaceTerminal::create(*im, g1Key(), &error));
        QCOMPARE(error, QStringLiteral("PACE: id-PACE-ECDH-IM-AES-CBC-CMAC-128 with brainpoolP256r1 is not implemented "
                                       "(ECDH generic mapping on the standardized curves is)"));
        const auto dh = PaceInfo::fromOid(hex("04007F00070202040102"), 0, &error);
        QVERIFY(!PaceTerminal::create(*dh, g1Key(), &error));
        QVERIFY2(error.contains(QStringLiteral("1024-bit MODP group")), qPrintable(error));
        const auto none = PaceInfo::fromOid(doc9303::kPaceOid, std::nullopt, &error);
        QVERIFY(!PaceTerminal::create(*none, g1Key(), &error));
        QVERIFY2(error.contains(QStringLiteral("with no domain parameters")), qPrintable(error));
    }

    // Random keys against the chip's side, for each cipher, on a NIST and a
    // Brainpool curve, by MRZ and by CAN; then a protected command and
    // answer with the keys PACE left.
    void againstTheChip_data()
    {
        QTest::addColumn<QByteArray>("oid");
        QTest::addColumn<int>("parameterId");
        QTest::addColumn<bool>("can");
        QTest::newRow("3DES, P-256, MRZ") << hex("04007F00070202040201") << 12 << false;
        QTest::newRow("AES-128, brainpoolP256r1, CAN") << hex("04007F00070202040202") << 13 << true;
        QTest::newRow("AES-192, P-384, MRZ") << hex("04007F00070202040203") << 15 << false;
        QTest::newRow("AES-256, brainpoolP512r1, CAN") << hex("04007F00070202040204") << 17 << true;
        QTest::newRow("AES-256, P-521, MRZ") << hex("04007F00070202040204") << 18 << false;
    }
    void againstTheChip()
    {
        QFETCH(QByteArray, oid);
        QFETCH(int, parameterId);
        QFETCH(bool, can);
        QString error;
        const auto info = PaceInfo::fromOid(oid, parameterId, &error);
        const auto key = can ? ChipAccessKey::fromCan(QStringLiteral("123456"), &error) : std::optional(g1Key());
        auto terminal = PaceTerminal::create(*info, *key, &error);
        auto chip = fg::PaceChip::create(*info, *key, &error);
        QVERIFY2(terminal && chip, qPrintable(error));
        QVERIFY2(chip->setAuthenticationTemplate(terminal->setAuthenticationTemplate(), &error), qPrintable(error));
        auto command = terminal->requestNonce(answer(hex("9000")), &error);
        QVERIFY2(command, qPrintable(error));
        auto data = chip->nonce(*command, &error);
        QVERIFY2(data, qPrintable(error));
        command = terminal->mapNonce(ResponseApdu(*data, 0x9000), &error);
        QVERIFY2(command, qPrintable(error));
        data = chip->map(*command, &error);
        QVERIFY2(data, qPrintable(error));
        command = terminal->agreeKey(ResponseApdu(*data, 0x9000), &error);
        QVERIFY2(command, qPrintable(error));
        data = chip->agree(*command, &error);
        QVERIFY2(data, qPrintable(error));
        command = terminal->authenticate(ResponseApdu(*data, 0x9000), &error);
        QVERIFY2(command, qPrintable(error));
        auto result = chip->authenticate(*command, &error);
        QVERIFY2(result, qPrintable(error));
        auto keys = terminal->finish(ResponseApdu(result->responseData, 0x9000), &error);
        QVERIFY2(keys, qPrintable(error));
        QCOMPARE(keys->cipher, info->cipher());
        QCOMPARE(keys->encryption.view(), result->keys.encryption.view());
        QCOMPARE(keys->mac.view(), result->keys.mac.view());
        QCOMPARE(keys->ssc, QByteArray(fg::smCipherBlockBytes(info->cipher()), '\0'));

        fg::SecureMessaging session(std::move(*keys));
        fg::SecureMessagingChip chipSession(std::move(result->keys));
        const auto select = session.protect(CommandApdu(0x00, 0xA4, 0x02, 0x0C, hex("011E")), &error);
        QVERIFY2(select, qPrintable(error));
        QVERIFY2(chipSession.unprotectCommand(select->encode(), &error), qPrintable(error));
        QVERIFY2(session.unprotect(*chipSession.protectResponse(ResponseApdu({}, 0x9000), &error), &error), qPrintable(error));
    }

    // The officer typed another birth date: the chip cannot check the
    // terminal's token, and says 6300.
    void wrongPassword()
    {
        QString error;
        const auto other = ChipAccessKey::fromMrzFields(doc9303::kPaceDocumentNumber, QStringLiteral("640813"),
                                                        doc9303::kPaceExpiryDate, &error);
        auto terminal = PaceTerminal::create(g1Info(), *other, &error);
        auto chip = fg::PaceChip::create(g1Info(), g1Key(), &error);
        QVERIFY(chip->setAuthenticationTemplate(terminal->setAuthenticationTemplate(), &error));
        auto data = chip->nonce(*terminal->requestNonce(answer(hex("9000")), &error), &error);
        // The nonce decrypts to other bytes; the mapping and agreement still
        // succeed on both sides, with different generators.
        data = chip->map(*terminal->mapNonce(ResponseApdu(*data, 0x9000), &error), &error);
        QVERIFY2(data, qPrintable(error));
        data = chip->agree(*terminal->agreeKey(ResponseApdu(*data, 0x9000), &error), &error);
        QVERIFY2(data, qPrintable(error));
        const auto token = terminal->authenticate(ResponseApdu(*data, 0x9000), &error);
        QVERIFY2(token, qPrintable(error));
        QVERIFY(!chip->authenticate(*token, &error));
        QCOMPARE(error, QStringLiteral("PACE (chip): the terminal's token does not match: it has another password"));
        QVERIFY(!terminal->finish(answer(hex("6300")), &error));
        QVERIFY2(error.contains(QStringLiteral("the password (MRZ or CAN) does not open this chip")), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestPaceTerminal)
#include "tst_paceterminal.moc"
