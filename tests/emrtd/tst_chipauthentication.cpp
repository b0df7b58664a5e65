#include "core/documents/emrtd/ActiveAuthentication.h"
#include "core/documents/emrtd/ActiveAuthenticationChip.h"
#include "core/documents/emrtd/ChipAuthentication.h"
#include "core/documents/emrtd/ChipAuthenticationChip.h"
#include "core/documents/emrtd/SecurityInfos.h"

#include "tests/emrtd/CloneCheckRig.h"

#include <QTest>

using fg::ChipAuthentication;
using fg::ChipAuthenticationChip;
using fg::ChipAuthenticationInfo;
using fg::CloneCheck;
using fg::CommandApdu;
using fg::ResponseApdu;
using fg::SecurityInfos;
using fg::SmCipher;

namespace {

QByteArray hex(const char* text)
{
    return QByteArray::fromHex(QByteArray(text));
}

fg::EvpKey keyOf(const QString& kind)
{
    return kind.startsWith(QLatin1String("dh_")) ? rig::dhKey(qPrintable(kind)) : rig::ecKey(qPrintable(kind));
}

ChipAuthenticationInfo infoFor(const QString& kind, SmCipher cipher, std::optional<int> keyId = std::nullopt)
{
    ChipAuthenticationInfo info;
    info.agreement = kind.startsWith(QLatin1String("dh_")) ? ChipAuthenticationInfo::Agreement::Dh
                                                          : ChipAuthenticationInfo::Agreement::Ecdh;
    info.cipher = cipher;
    info.oid = ChipAuthenticationInfo::oidFor(info.agreement, cipher);
    info.keyId = keyId;
    return info;
}

std::optional<ChipAuthentication> terminalFor(const QByteArray& dg14, QString* error)
{
    const auto infos = SecurityInfos::fromDg14(dg14, error);
    if (!infos)
        return std::nullopt;
    return ChipAuthentication::create(*infos, error);
}

// The whole protocol, as the reader session will run it: every CA command
// under the current secure messaging, the chip swapping its keys after its
// answer, the terminal after the last answer; then READ BINARY under the new
// keys decides. `commands` collects the plain commands the chip received.
CloneCheck run(rig::Session& session, ChipAuthentication& terminal, ChipAuthenticationChip& chip,
               std::vector<CommandApdu>* commands = nullptr, QString* chipError = nullptr)
{
    QString error;
    while (const auto command = terminal.nextCommand()) {
        const auto answer = rig::exchange(
            session, *command,
            [&](const CommandApdu& plain) {
                if (commands)
                    commands->push_back(plain);
                if (!chip.accepts(plain))
                    return rig::ChipStep{ResponseApdu(QByteArray(), 0x6D00), {}};
                auto result = chip.answer(plain, chipError);
                std::function<void()> swap;
                if (result.newKeys) {
                    auto keys = std::make_shared<fg::SessionKeys>(std::move(*result.newKeys));
                    swap = [&session, keys] { session.chip = fg::SecureMessagingChip(std::move(*keys)); };
                }
                return rig::ChipStep{result.response, swap};
            },
            &error);
        if (!answer)
            return terminal.failed(error);
        if (!terminal.handleAnswer(*answer, &error))
            return terminal.failed(error);
    }
    auto keys = terminal.takeSessionKeys();
    if (!keys)
        return terminal.failed(QStringLiteral("no session keys"));
    session.terminal = fg::SecureMessaging(std::move(*keys));
    const auto read = rig::exchange(session, rig::readBinary(), rig::answerReadBinary, &error);
    if (!read)
        return terminal.failed(error);
    if (!read->isSuccess() || read->data() != "ABCD")
        return terminal.failed(QStringLiteral("READ BINARY under the new keys answered %1").arg(read->statusText()));
    return terminal.passed();
}

} // namespace

class TestChipAuthentication : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<int>("cipher");
        QTest::addColumn<int>("sessionCipher");
        QTest::addColumn<bool>("explicitParameters");
        QTest::addColumn<int>("keyId");
        QTest::addColumn<QString>("method");
        QTest::newRow("brainpoolP256r1 AES-128 after PACE") << "brainpoolP256r1" << int(SmCipher::Aes128)
            << int(SmCipher::Aes128) << false << -1 << "chip authentication (ECDH brainpoolP256r1, AES-128)";
        QTest::newRow("brainpoolP256r1 explicit, 3DES after BAC") << "brainpoolP256r1" << int(SmCipher::TripleDes)
            << int(SmCipher::TripleDes) << true << -1 << "chip authentication (ECDH brainpoolP256r1, 3DES)";
        QTest::newRow("P-256 3DES keyId 1") << "prime256v1" << int(SmCipher::TripleDes) << int(SmCipher::TripleDes)
            << false << 1 << "chip authentication (ECDH NIST P-256, 3DES)";
        QTest::newRow("P-256 AES-192 keyId 300 after BAC") << "prime256v1" << int(SmCipher::Aes192)
            << int(SmCipher::TripleDes) << false << 300 << "chip authentication (ECDH NIST P-256, AES-192)";
        QTest::newRow("brainpoolP384r1 explicit AES-256") << "brainpoolP384r1" << int(SmCipher::Aes256)
            << int(SmCipher::Aes128) << true << -1 << "chip authentication (ECDH brainpoolP384r1, AES-256)";
        QTest::newRow("P-384 AES-256") << "secp384r1" << int(SmCipher::Aes256) << int(SmCipher::Aes256) << false
            << -1 << "chip authentication (ECDH NIST P-384, AES-256)";
        QTest::newRow("DH 1024 3DES") << "dh_1024_160" << int(SmCipher::TripleDes) << int(SmCipher::TripleDes)
            << false << -1 << "chip authentication (DH 1024, 3DES)";
        QTest::newRow("DH 2048 AES-128") << "dh_2048_224" << int(SmCipher::Aes128) << int(SmCipher::Aes128) << false
            << 2 << "chip authentication (DH 2048, AES-128)";
    }
    void roundTrip()
    {
        QFETCH(QString, kind);
        QFETCH(int, cipher);
        QFETCH(int, sessionCipher);
        QFETCH(bool, explicitParameters);
        QFETCH(int, keyId);
        QFETCH(QString, method);
        const fg::EvpKey key = keyOf(kind);
        QVERIFY(key);
        const std::optional<int> id = keyId >= 0 ? std::optional<int>(keyId) : std::nullopt;
        QString error;
        auto chip = ChipAuthenticationChip::create(infoFor(kind, SmCipher(cipher), id), key, &error);
        QVERIFY2(chip, qPrintable(error));
        auto terminal = terminalFor(chip->dg14(explicitParameters), &error);
        QVERIFY2(terminal, qPrintable(error));
        QCOMPARE(terminal->method(), method);

        rig::Session session{SmCipher(sessionCipher)};
        std::vector<CommandApdu> commands;
        QString chipError;
        const CloneCheck check = run(session, *terminal, *chip, &commands, &chipError);
        QVERIFY2(chipError.isEmpty(), qPrintable(chipError));
        QCOMPARE(CloneCheck::resultName(check.result), QStringLiteral("passed"));
        QCOMPARE(check.method, method);
        QVERIFY2(check.detail.contains(QLatin1String("DG14's private key")), qPrintable(check.detail));

        // The commands as the chip read them (after secure messaging).
        const QByteArray keyIdObject = keyId < 0 ? QByteArray()
            : keyId == 300                      ? hex("8402012C")
                                                : hex("8401") + char(keyId);
        const QByteArray ephemeral = terminal->ephemeralPublicKey();
        if (SmCipher(cipher) == SmCipher::TripleDes) {
            QCOMPARE(commands.size(), size_t(1));
            QCOMPARE(commands[0].header(), hex("002241A6"));
            QCOMPARE(commands[0].data(), fg::BerTlv::primitive(0x91, ephemeral).encode() + keyIdObject);
        } else {
            QCOMPARE(commands.size(), size_t(2));
            QCOMPARE(commands[0].header(), hex("002241A4"));
            QCOMPARE(commands[0].data(), fg::BerTlv::primitive(0x80, terminal->info().oid).encode() + keyIdObject);
            QCOMPARE(commands[1].header(), hex("00860000"));
            QCOMPARE(commands[1].data(),
                     fg::BerTlv::constructed(0x7C, {fg::BerTlv::primitive(0x80, ephemeral)}).encode());
            QCOMPARE(commands[1].ne(), 256);
        }
        if (kind.startsWith(QLatin1String("dh_")))
            QCOMPARE(ephemeral.size(), kind == QLatin1String("dh_1024_160") ? 128 : 256);
        else
            QCOMPARE(ephemeral.front(), '\x04');
        // The new session: the cipher of chip authentication, the SSC from
        // zero (READ BINARY took it to 2: command and answer).
        QCOMPARE(session.terminal.cipher(), SmCipher(cipher));
        QByteArray ssc(fg::smCipherBlockBytes(SmCipher(cipher)), '\0');
        ssc.back() = 2;
        QCOMPARE(session.terminal.ssc(), ssc);
        QCOMPARE(session.chip.ssc(), ssc);
    }

    // A clone: DG14 copied from a genuine chip, but another private key. The
    // agreement "succeeds" on both sides; the first command under the new
    // keys fails, and that is the verdict.
    void cloneWithAnotherKey_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<int>("cipher");
        QTest::newRow("brainpoolP256r1 AES-128") << "brainpoolP256r1" << int(SmCipher::Aes128);
        QTest::newRow("P-256 3DES") << "prime256v1" << int(SmCipher::TripleDes);
        QTest::newRow("DH 1024 3DES") << "dh_1024_160" << int(SmCipher::TripleDes);
    }
    void cloneWithAnotherKey()
    {
        QFETCH(QString, kind);
        QFETCH(int, cipher);
        QString error;
        const ChipAuthenticationInfo info = infoFor(kind, SmCipher(cipher));
        auto genuine = ChipAuthenticationChip::create(info, keyOf(kind), &error);
        auto clone = ChipAuthenticationChip::create(info, keyOf(kind), &error);
        QVERIFY2(genuine && clone, qPrintable(error));
        auto terminal = terminalFor(genuine->dg14(), &error);
        QVERIFY2(terminal, qPrintable(error));
        rig::Session session{SmCipher::Aes128};
        const CloneCheck check = run(session, *terminal, *clone);
        QCOMPARE(CloneCheck::resultName(check.result), QStringLiteral("failed"));
        QVERIFY2(check.detail.startsWith(QLatin1String("the chip did not prove it holds DG14's private key: ")),
                 qPrintable(check.detail));
        QVERIFY2(check.detail.contains(QLatin1String("secure messaging")) || check.detail.contains(QLatin1String("MAC"))
                     || check.detail.contains(QLatin1String("6988")),
                 qPrintable(check.detail));
    }

    // The chip refuses: the terminal's exchange stops there, with the status in words.
    void chipRefuses_data()
    {
        QTest::addColumn<QByteArray>("command");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("expected");
        QTest::newRow("another protocol") << hex("002241A40C800A04007F00070202030203") << 0x6A80 << "asks for 04007F00070202030203";
        QTest::newRow("another keyId") << hex("002241A40F800A04007F00070202030202840107") << 0x6A88
                                       << "a key this chip does not have";
        QTest::newRow("Set KAT on an AES chip") << hex("002241A603910104") << 0x6985 << "MSE:Set KAT (3DES)";
        QTest::newRow("GENERAL AUTHENTICATE first") << hex("00860000047C028000") << 0x6985
                                                    << "without MSE:Set AT";
        QTest::newRow("no OID") << hex("002241A403840101") << 0x6A80 << "without its 80 object";
        QTest::newRow("stray object") << hex("002241A40F800A04007F00070202030202990101") << 0x6A80
                                      << "unexpected object 99";
        QTest::newRow("malformed") << hex("002241A403800A04") << 0x6A80 << "malformed MSE data";
    }
    void chipRefuses()
    {
        QFETCH(QByteArray, command);
        QFETCH(int, status);
        QFETCH(QString, expected);
        QString error;
        auto chip = ChipAuthenticationChip::create(infoFor(QStringLiteral("prime256v1"), SmCipher::Aes128, 1),
                                                   rig::ecKey("prime256v1"), &error);
        QVERIFY2(chip, qPrintable(error));
        const auto apdu = CommandApdu::parse(command, &error);
        QVERIFY2(apdu, qPrintable(error));
        const auto answer = chip->answer(*apdu, &error);
        QCOMPARE(int(answer.response.status()), status);
        QVERIFY(!answer.newKeys);
        QVERIFY2(error.contains(expected), qPrintable(error));
    }

    // Ephemeral keys that are not points of the curve (or not in the DH group).
    void badEphemeralKey_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("tamper");
        QTest::newRow("EC off the curve") << "brainpoolP256r1" << "flip";
        QTest::newRow("EC compressed") << "brainpoolP256r1" << "compressed";
        QTest::newRow("EC cut short") << "brainpoolP256r1" << "cut";
        QTest::newRow("EC empty") << "brainpoolP256r1" << "empty";
        QTest::newRow("DH one") << "dh_1024_160" << "one";
        QTest::newRow("DH p") << "dh_1024_160" << "p-like";
    }
    void badEphemeralKey()
    {
        QFETCH(QString, kind);
        QFETCH(QString, tamper);
        QString error;
        auto chip = ChipAuthenticationChip::create(infoFor(kind, SmCipher::TripleDes), keyOf(kind), &error);
        QVERIFY2(chip, qPrintable(error));
        auto terminal = terminalFor(chip->dg14(), &error);
        QVERIFY2(terminal, qPrintable(error));
        QByteArray key = terminal->ephemeralPublicKey();
        if (tamper == QLatin1String("flip"))
            key[key.size() - 1] = char(key[key.size() - 1] ^ 0x01);
        else if (tamper == QLatin1String("compressed"))
            key = hex("02") + key.mid(1, (key.size() - 1) / 2);
        else if (tamper == QLatin1String("cut"))
            key.chop(1);
        else if (tamper == QLatin1String("empty"))
            key.clear();
        else if (tamper == QLatin1String("one"))
            key = QByteArray(key.size() - 1, '\0') + '\x01';
        else
            key = QByteArray(key.size(), '\xFF');
        const auto answer = chip->answer(CommandApdu(0, 0x22, 0x41, 0xA6, fg::BerTlv::primitive(0x91, key).encode()),
                                         &error);
        QCOMPARE(int(answer.response.status()), 0x6A80);
        QVERIFY(!answer.newKeys);
        QVERIFY2(error.startsWith(QLatin1String("chip authentication (chip): ")), qPrintable(error));
    }

    // The terminal's side of refusals and malformed answers.
    void terminalRefuses()
    {
        QString error;
        auto chip = ChipAuthenticationChip::create(infoFor(QStringLiteral("prime256v1"), SmCipher::Aes128),
                                                   rig::ecKey("prime256v1"), &error);
        auto terminal = terminalFor(chip->dg14(), &error);
        QVERIFY2(terminal, qPrintable(error));
        QVERIFY(!terminal->handleAnswer(ResponseApdu(QByteArray(), 0x6A80), &error));
        QCOMPARE(error, QStringLiteral("chip authentication: the chip refused MSE:Set AT (6A80)"));
        QVERIFY(!terminal->nextCommand());
        QVERIFY(!terminal->takeSessionKeys());
        QVERIFY(!terminal->handleAnswer(ResponseApdu(QByteArray(), 0x9000), &error));
        QVERIFY2(error.contains(QLatin1String("after the exchange was over")), qPrintable(error));

        terminal = terminalFor(chip->dg14(), &error);
        QVERIFY(terminal->handleAnswer(ResponseApdu(QByteArray(), 0x9000), &error));
        QVERIFY(!terminal->handleAnswer(ResponseApdu(hex("8001FF"), 0x9000), &error));
        QVERIFY2(error.contains(QLatin1String("not a 7C")) || error.contains(QLatin1String("something else")),
                 qPrintable(error));

        terminal = terminalFor(chip->dg14(), &error);
        QVERIFY(terminal->handleAnswer(ResponseApdu(QByteArray(), 0x9000), &error));
        QVERIFY2(terminal->handleAnswer(ResponseApdu(hex("7C00"), 0x9000), &error), qPrintable(error));
        QVERIFY(terminal->isDone());
        QVERIFY(terminal->takeSessionKeys());
        QVERIFY(!terminal->takeSessionKeys()); // once
    }

    // DG14s the terminal cannot use.
    void refusesDg14_data()
    {
        QTest::addColumn<QByteArray>("dg14");
        QTest::addColumn<QString>("expected");
        const fg::EvpKey ec = rig::ecKey("prime256v1");
        const QByteArray spki = fg::ChipPublicKey::encodeSubjectPublicKeyInfo(ec.get());
        const auto pk = [&spki](ChipAuthenticationInfo::Agreement agreement, std::optional<int> keyId) {
            return fg::ChipAuthenticationPublicKeyInfo{agreement, spki, keyId};
        };
        const auto ecdh = ChipAuthenticationInfo::Agreement::Ecdh;
        const auto dh = ChipAuthenticationInfo::Agreement::Dh;
        QTest::newRow("no key") << SecurityInfos::encodeDg14({infoFor(QStringLiteral("prime256v1"), SmCipher::Aes128)},
                                                             {}, std::nullopt)
                                << "no chip authentication public key";
        QTest::newRow("DH info, EC key") << SecurityInfos::encodeDg14({infoFor(QStringLiteral("dh_1024_160"),
                                                                               SmCipher::Aes128)},
                                                                      {pk(dh, std::nullopt)}, std::nullopt)
                                         << "id-CA-DH-AES-CBC-CMAC-128 with a EC NIST P-256 key";
        QTest::newRow("keyId matches nothing") << SecurityInfos::encodeDg14(
            {infoFor(QStringLiteral("prime256v1"), SmCipher::Aes128, 2)}, {pk(ecdh, 1)}, std::nullopt)
                                               << "names exactly one";
        QTest::newRow("two keys, no info") << SecurityInfos::encodeDg14({}, {pk(ecdh, 1), pk(ecdh, 2)}, std::nullopt)
                                           << "2 public keys and no ChipAuthenticationInfo";
        QTest::newRow("a key that is not one")
            << SecurityInfos::encodeDg14({infoFor(QStringLiteral("prime256v1"), SmCipher::Aes128)},
                                         {fg::ChipAuthenticationPublicKeyInfo{ecdh, hex("3003020101"), std::nullopt}},
                                         std::nullopt)
            << "DG14's public key";
    }
    void refusesDg14()
    {
        QFETCH(QByteArray, dg14);
        QFETCH(QString, expected);
        QVERIFY(!dg14.isEmpty());
        QString error;
        QVERIFY(!terminalFor(dg14, &error));
        QVERIFY2(error.contains(expected), qPrintable(error));
        QVERIFY2(error.startsWith(QLatin1String("chip authentication: ")), qPrintable(error));
    }

    // Older chips: a public key and no ChipAuthenticationInfo means 3DES.
    void loneKeyMeans3Des()
    {
        const fg::EvpKey key = rig::ecKey("brainpoolP256r1");
        const QByteArray spki = fg::ChipPublicKey::encodeSubjectPublicKeyInfo(key.get());
        const QByteArray dg14 = SecurityInfos::encodeDg14(
            {}, {fg::ChipAuthenticationPublicKeyInfo{ChipAuthenticationInfo::Agreement::Ecdh, spki, std::nullopt}},
            std::nullopt);
        QString error;
        auto terminal = terminalFor(dg14, &error);
        QVERIFY2(terminal, qPrintable(error));
        QCOMPARE(terminal->info().name(), QStringLiteral("id-CA-ECDH-3DES-CBC-CBC"));
        auto chip = ChipAuthenticationChip::create(infoFor(QStringLiteral("brainpoolP256r1"), SmCipher::TripleDes),
                                                   key, &error);
        rig::Session session{SmCipher::TripleDes};
        QCOMPARE(run(session, *terminal, *chip).result, CloneCheck::Result::Passed);
    }

    // A chip offering both: chip authentication first, then active
    // authentication under the new keys (DG14 carries the AA info).
    void thenActiveAuthentication()
    {
        QString error;
        const fg::EvpKey caKey = rig::ecKey("brainpoolP256r1");
        auto caChip = ChipAuthenticationChip::create(infoFor(QStringLiteral("brainpoolP256r1"), SmCipher::Aes128),
                                                     caKey, &error);
        const auto aaChip = fg::ActiveAuthenticationChip::create(rig::ecKey("prime256v1"), QStringLiteral("SHA384"),
                                                                 &error);
        QVERIFY2(caChip && aaChip, qPrintable(error));
        const auto infos = SecurityInfos::fromDg14(
            caChip->dg14(false, fg::ActiveAuthenticationInfo::ecdsaPlainOid(QStringLiteral("SHA384"))), &error);
        QVERIFY2(infos, qPrintable(error));
        auto ca = ChipAuthentication::create(*infos, &error);
        QVERIFY2(ca, qPrintable(error));
        rig::Session session{SmCipher::TripleDes};
        QCOMPARE(run(session, *ca, *caChip).result, CloneCheck::Result::Passed);

        auto aa = fg::ActiveAuthentication::fromDg15(aaChip->dg15(), infos->activeAuthentication, &error);
        QVERIFY2(aa, qPrintable(error));
        const auto command = aa->command(&error);
        const auto answer = rig::exchange(
            session, *command,
            [&aaChip](const CommandApdu& plain) { return rig::ChipStep{aaChip->answer(plain, nullptr), {}}; }, &error);
        QVERIFY2(answer, qPrintable(error));
        const CloneCheck check = aa->verify(*answer);
        QCOMPARE(check.result, CloneCheck::Result::Passed);
        QCOMPARE(check.method, QStringLiteral("active authentication (ECDSA NIST P-256, SHA-384)"));
    }

    // Chip authentication info of several keys: the one its keyId names.
    void picksTheNamedKey()
    {
        const fg::EvpKey first = rig::ecKey("prime256v1");
        const fg::EvpKey second = rig::ecKey("brainpoolP256r1");
        const auto ecdh = ChipAuthenticationInfo::Agreement::Ecdh;
        const QByteArray dg14 = SecurityInfos::encodeDg14(
            {infoFor(QStringLiteral("brainpoolP256r1"), SmCipher::Aes128, 2)},
            {fg::ChipAuthenticationPublicKeyInfo{ecdh, fg::ChipPublicKey::encodeSubjectPublicKeyInfo(first.get()), 1},
             fg::ChipAuthenticationPublicKeyInfo{ecdh, fg::ChipPublicKey::encodeSubjectPublicKeyInfo(second.get()), 2}},
            std::nullopt);
        QString error;
        auto terminal = terminalFor(dg14, &error);
        QVERIFY2(terminal, qPrintable(error));
        QCOMPARE(terminal->method(), QStringLiteral("chip authentication (ECDH brainpoolP256r1, AES-128)"));
        auto chip = ChipAuthenticationChip::create(infoFor(QStringLiteral("brainpoolP256r1"), SmCipher::Aes128, 2),
                                                   second, &error);
        rig::Session session{SmCipher::Aes128};
        QCOMPARE(run(session, *terminal, *chip).result, CloneCheck::Result::Passed);
    }
};

QTEST_GUILESS_MAIN(TestChipAuthentication)
#include "tst_chipauthentication.moc"
