// The tests' software ePassport chip (SimulatedPassport) without pcscd:
// its respond() driven by the terminal-side classes (BacTerminal,
// PaceTerminal, SecureMessaging). Access control, the files under secure
// messaging, the status words of ISO 7816-4 and the handler extension point.
#include "core/documents/emrtd/BacKeys.h"
#include "core/documents/emrtd/BacTerminal.h"
#include "core/documents/emrtd/BerTlvDecoder.h"
#include "core/documents/emrtd/PaceTerminal.h"
#include "core/documents/emrtd/SecureMessaging.h"
#include "tests/cardreader/HandMadeLds.h"
#include "tests/support/emrtd/SimulatedPassport.h"

#include <QTest>

using namespace fg;
using test::SimulatedPassport;

namespace {

const QByteArray kSelectApplication = QByteArray::fromHex("00A4040C07A0000002471001");

std::unique_ptr<SimulatedPassport> makeChip(SimulatedPassport::Options options = {})
{
    return SimulatedPassport::create(test::handMadeLds(), *test::specimenKey(), std::move(options), nullptr);
}

ResponseApdu exchange(SimulatedPassport& chip, const CommandApdu& command)
{
    return ResponseApdu::parse(chip.respond(command.encode()), nullptr).value_or(ResponseApdu({}, 0));
}

std::optional<SecureMessaging> runBac(SimulatedPassport& chip, const ChipAccessKey& key, std::uint16_t* status = nullptr)
{
    BacTerminal terminal(*BacKeys::fromAccessKey(key, nullptr));
    const ResponseApdu challenge = exchange(chip, BacTerminal::getChallenge());
    const auto authenticate = terminal.externalAuthenticate(challenge.data(), nullptr);
    if (!authenticate)
        return std::nullopt;
    const ResponseApdu answer = exchange(chip, *authenticate);
    if (status)
        *status = answer.status();
    auto keys = terminal.finish(answer, nullptr);
    if (!keys)
        return std::nullopt;
    return SecureMessaging(std::move(*keys));
}

// A protected exchange; a status 0 when secure messaging failed.
ResponseApdu secure(SimulatedPassport& chip, SecureMessaging& sm, const CommandApdu& command)
{
    const auto wrapped = sm.protect(command, nullptr);
    if (!wrapped)
        return ResponseApdu({}, 0);
    return sm.unprotect(chip.respond(wrapped->encode()), nullptr).value_or(ResponseApdu({}, 0));
}

CommandApdu selectFile(std::uint16_t id)
{
    QByteArray data(2, '\0');
    data[0] = char(id >> 8);
    data[1] = char(id & 0xFF);
    return CommandApdu(0x00, 0xA4, 0x02, 0x0C, data);
}

} // namespace

class TestSimulatedPassport : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void readsDg1UnderBac()
    {
        auto chip = makeChip();
        QVERIFY(chip);
        QCOMPARE(chip->respond(kSelectApplication), QByteArray::fromHex("9000"));
        auto sm = runBac(*chip, *test::specimenKey());
        QVERIFY(sm);
        QVERIFY(chip->secureMessagingActive());
        QCOMPARE(secure(*chip, *sm, selectFile(LdsFiles::dataGroupId(1))).status(), ResponseApdu::kSuccess);
        const ResponseApdu read = secure(*chip, *sm, CommandApdu(0x00, 0xB0, 0x00, 0x00, {}, 200));
        QCOMPARE(read.status(), ResponseApdu::kSuccess);
        QCOMPARE(read.data(), chip->files().dataGroups.at(1));
        // By short file identifier, at an offset.
        const ResponseApdu bySfi = secure(*chip, *sm, CommandApdu(0x00, 0xB0, 0x82, 0x10, {}, 16));
        QCOMPARE(bySfi.data(), chip->files().dataGroups.at(2).mid(0x10, 16));
        QCOMPARE(chip->apduCount(), 6);
    }

    void refusesWithoutSecureMessaging()
    {
        auto chip = makeChip();
        QCOMPARE(chip->respond(kSelectApplication), QByteArray::fromHex("9000"));
        QCOMPARE(chip->respond(QByteArray::fromHex("00B0810000")), QByteArray::fromHex("6982"));
        QCOMPARE(chip->respond(QByteArray::fromHex("00A4020C020101")), QByteArray::fromHex("9000"));
        QCOMPARE(chip->respond(QByteArray::fromHex("00B0000000")), QByteArray::fromHex("6982"));
        // A protected command with no session.
        QCOMPARE(chip->respond(QByteArray::fromHex("0CB000000D9701008E08010203040506070800")),
                 QByteArray::fromHex("6988"));
    }

    void statusWords()
    {
        auto chip = makeChip();
        QCOMPARE(chip->respond(QByteArray::fromHex("00A4040C07A0000002471002")), QByteArray::fromHex("6A82"));
        QCOMPARE(chip->respond(kSelectApplication), QByteArray::fromHex("9000"));
        auto sm = runBac(*chip, *test::specimenKey());
        QVERIFY(sm);
        QCOMPARE(secure(*chip, *sm, selectFile(LdsFiles::dataGroupId(7))).status(), std::uint16_t(0x6A82));
        QCOMPARE(secure(*chip, *sm, selectFile(LdsFiles::dataGroupId(2))).status(), ResponseApdu::kSuccess);
        QCOMPARE(secure(*chip, *sm, CommandApdu(0x00, 0xB0, 0x7F, 0x00, {}, 16)).status(), std::uint16_t(0x6B00));
        QCOMPARE(secure(*chip, *sm, CommandApdu(0x00, 0xCA, 0x00, 0x00, {}, 16)).status(), std::uint16_t(0x6D00));
        // 256 bytes protected do not fit a short answer.
        QCOMPARE(secure(*chip, *sm, CommandApdu(0x00, 0xB0, 0x00, 0x00, {}, 256)).status(), std::uint16_t(0x6700));
        // A plain command ends the session.
        QCOMPARE(chip->respond(QByteArray::fromHex("00B0000008")), QByteArray::fromHex("6982"));
        QVERIFY(!chip->secureMessagingActive());
    }

    void oddReadBinaryWithOffsetObject()
    {
        SimulatedPassport::Options options;
        options.extendedLength = true;
        auto chip = SimulatedPassport::create(test::handMadeLds(40000), *test::specimenKey(), options, nullptr);
        QCOMPARE(chip->respond(kSelectApplication), QByteArray::fromHex("9000"));
        auto sm = runBac(*chip, *test::specimenKey());
        QVERIFY(sm);
        QCOMPARE(secure(*chip, *sm, selectFile(LdsFiles::dataGroupId(2))).status(), ResponseApdu::kSuccess);
        const ResponseApdu read = secure(*chip, *sm, CommandApdu(0x00, 0xB1, 0x00, 0x00, QByteArray::fromHex("54030088B8"), 100));
        QCOMPARE(read.status(), ResponseApdu::kSuccess);
        const auto wrapped = BerTlvDecoder::decodeSingle(read.data(), nullptr);
        QVERIFY(wrapped);
        QCOMPARE(wrapped->tag(), BerTlv::Tag(0x53));
        QCOMPARE(wrapped->value(), chip->files().dataGroups.at(2).mid(35000, 98));
    }

    void extendedLengthOnlyWhenOffered()
    {
        const QByteArray extended = QByteArray::fromHex("00A4040C000007A0000002471001");
        auto shortOnly = makeChip();
        QCOMPARE(shortOnly->respond(extended), QByteArray::fromHex("6700"));
        SimulatedPassport::Options options;
        options.extendedLength = true;
        auto chip = makeChip(options);
        QCOMPARE(chip->respond(extended), QByteArray::fromHex("9000"));
        // EF.ATR/INFO announces it, in the master file.
        QCOMPARE(chip->respond(QByteArray::fromHex("00A4000C023F00")), QByteArray::fromHex("9000"));
        QCOMPARE(chip->respond(QByteArray::fromHex("00A4020C022F01")), QByteArray::fromHex("9000"));
        QCOMPARE(chip->respond(QByteArray::fromHex("00B0000000")), SimulatedPassport::atrInfo(0xFFFF, 0xFFFF) + QByteArray::fromHex("9000"));
        QCOMPARE(shortOnly->respond(QByteArray::fromHex("00A4020C022F01")), QByteArray::fromHex("6A82"));
    }

    void wrongMrzRefused()
    {
        auto chip = makeChip();
        std::uint16_t status = 0;
        QVERIFY(!runBac(*chip, *test::wrongKey(), &status));
        QCOMPARE(status, std::uint16_t(0x6300));
        QVERIFY(!chip->secureMessagingActive());
        // The right one still works.
        QVERIFY(runBac(*chip, *test::specimenKey()));
    }

    void pace_data()
    {
        QTest::addColumn<QByteArray>("oid");
        QTest::addColumn<int>("parameterId");
        QTest::newRow("brainpoolP256r1, AES-128") << SimulatedPassport::kPaceEcdhGmAes128 << 13;
        QTest::newRow("NIST P-256, 3DES") << SimulatedPassport::kPaceEcdhGm3Des << 12;
        QTest::newRow("NIST P-384, AES-256") << SimulatedPassport::kPaceEcdhGmAes256 << 15;
    }
    void pace()
    {
        QFETCH(QByteArray, oid);
        QFETCH(int, parameterId);
        SimulatedPassport::Options options;
        options.accessControl = SimulatedPassport::AccessControl::Pace;
        options.paceOid = oid;
        options.paceParameterId = parameterId;
        QString error;
        auto chip = SimulatedPassport::create(test::handMadeLds(), *test::specimenKey(), options, &error);
        QVERIFY2(chip, qPrintable(error));
        // EF.CardAccess, generated, in the master file.
        const auto infos = PaceInfo::fromCardAccess(chip->files().cardAccess, &error);
        QVERIFY2(infos && infos->size() == 1, qPrintable(error));
        QCOMPARE(infos->front().oid(), oid);
        QCOMPARE(chip->respond(QByteArray::fromHex("00A4020C02011C")), QByteArray::fromHex("9000"));
        QCOMPARE(chip->respond(QByteArray::fromHex("00B0000000")), chip->files().cardAccess + QByteArray::fromHex("9000"));

        auto terminal = PaceTerminal::create(infos->front(), *test::specimenKey(), &error);
        QVERIFY2(terminal, qPrintable(error));
        ResponseApdu answer = exchange(*chip, terminal->setAuthenticationTemplate());
        auto next = terminal->requestNonce(answer, &error);
        QVERIFY2(next, qPrintable(error));
        answer = exchange(*chip, *next);
        next = terminal->mapNonce(answer, &error);
        QVERIFY2(next, qPrintable(error));
        answer = exchange(*chip, *next);
        next = terminal->agreeKey(answer, &error);
        QVERIFY2(next, qPrintable(error));
        answer = exchange(*chip, *next);
        next = terminal->authenticate(answer, &error);
        QVERIFY2(next, qPrintable(error));
        answer = exchange(*chip, *next);
        auto keys = terminal->finish(answer, &error);
        QVERIFY2(keys, qPrintable(error));
        SecureMessaging sm(std::move(*keys));
        QCOMPARE(secure(*chip, sm, CommandApdu(0x00, 0xA4, 0x04, 0x0C, SimulatedPassport::kLds1Aid)).status(),
                 ResponseApdu::kSuccess);
        const ResponseApdu read = secure(*chip, sm, CommandApdu(0x00, 0xB0, 0x9E, 0x00, {}, 100));
        QCOMPARE(read.data(), chip->files().com);
    }

    void paceWithWrongMrzRefused()
    {
        SimulatedPassport::Options options;
        options.accessControl = SimulatedPassport::AccessControl::Pace;
        auto chip = makeChip(options);
        QVERIFY(chip);
        const auto infos = PaceInfo::fromCardAccess(chip->files().cardAccess, nullptr);
        QVERIFY(infos && !infos->empty());
        auto terminal = PaceTerminal::create(infos->front(), *test::wrongKey(), nullptr);
        QVERIFY(terminal);
        ResponseApdu answer = exchange(*chip, terminal->setAuthenticationTemplate());
        std::optional<CommandApdu> next = terminal->requestNonce(answer, nullptr);
        for (int step = 0; step < 3; ++step) {
            QVERIFY(next);
            answer = exchange(*chip, *next);
            next = step == 0 ? terminal->mapNonce(answer, nullptr)
                : step == 1  ? terminal->agreeKey(answer, nullptr)
                             : terminal->authenticate(answer, nullptr);
        }
        QVERIFY(next);
        answer = exchange(*chip, *next);
        QCOMPARE(answer.status(), std::uint16_t(0x6300));
        QVERIFY2(chip->lastRefusal().contains(QLatin1String("another password")), qPrintable(chip->lastRefusal()));
    }

    // A handler for what the chip does not know, under secure messaging too.
    void handlerExtensionPoint()
    {
        auto chip = makeChip();
        QByteArray seen;
        bool wasSecure = false;
        chip->setHandler(0x88, [&](const CommandApdu& command, bool secureMessaging) {
            seen = command.data();
            wasSecure = secureMessaging;
            return SimulatedPassport::Reply{ResponseApdu(QByteArray::fromHex("CAFE"), ResponseApdu::kSuccess), {}};
        });
        QCOMPARE(chip->respond(kSelectApplication), QByteArray::fromHex("9000"));
        auto sm = runBac(*chip, *test::specimenKey());
        QVERIFY(sm);
        const ResponseApdu answer = secure(*chip, *sm, CommandApdu(0x00, 0x88, 0x00, 0x00, QByteArray::fromHex("0102030405060708"), 256));
        QCOMPARE(answer.status(), ResponseApdu::kSuccess);
        QCOMPARE(answer.data(), QByteArray::fromHex("CAFE"));
        QCOMPARE(seen, QByteArray::fromHex("0102030405060708"));
        QVERIFY(wasSecure);
        // Declining leaves the command to the chip.
        chip->setHandler(0xA4, [](const CommandApdu&, bool) { return std::optional<SimulatedPassport::Reply>(); });
        QCOMPARE(secure(*chip, *sm, selectFile(LdsFiles::kComId)).status(), ResponseApdu::kSuccess);
    }

    void pulledOutAfterBytes()
    {
        SimulatedPassport::Options options;
        options.fault.kind = SimulatedPassport::Fault::Kind::PulledOut;
        options.fault.afterBytes = 400;
        auto chip = makeChip(options);
        QCOMPARE(chip->respond(kSelectApplication), QByteArray::fromHex("9000"));
        auto sm = runBac(*chip, *test::specimenKey());
        QCOMPARE(secure(*chip, *sm, selectFile(LdsFiles::dataGroupId(2))).status(), ResponseApdu::kSuccess);
        QCOMPARE(secure(*chip, *sm, CommandApdu(0x00, 0xB0, 0x00, 0x00, {}, 0xDF)).data().size(), 0xDF);
        QCOMPARE(secure(*chip, *sm, CommandApdu(0x00, 0xB0, 0x00, 0xDF, {}, 0xDF)).data().size(), 0xDF);
        const auto wrapped = sm->protect(CommandApdu(0x00, 0xB0, 0x01, 0xBE, {}, 0xDF), nullptr);
        QVERIFY(chip->respond(wrapped->encode()).isEmpty());
        QVERIFY(chip->respond(kSelectApplication).isEmpty()); // gone
    }
};

QTEST_GUILESS_MAIN(TestSimulatedPassport)
#include "tst_simulatedpassport.moc"
