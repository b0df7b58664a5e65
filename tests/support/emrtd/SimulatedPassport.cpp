#include "tests/support/emrtd/SimulatedPassport.h"

#include "core/documents/emrtd/BacKeys.h"
#include "core/documents/emrtd/BerTlv.h"
#include "core/documents/emrtd/BerTlvDecoder.h"
#include "tests/support/VirtualCard.h"

#include <algorithm>
#include <utility>

namespace fg::test {
namespace {

constexpr std::uint16_t kMasterFileId = 0x3F00;

constexpr std::uint16_t kOk = 0x9000;
constexpr std::uint16_t kAuthenticationFailed = 0x6300;
constexpr std::uint16_t kWrongLength = 0x6700;
constexpr std::uint16_t kSecurityStatus = 0x6982;
constexpr std::uint16_t kConditionsOfUse = 0x6985;
constexpr std::uint16_t kNoCurrentEf = 0x6986;
constexpr std::uint16_t kSmObjectsIncorrect = 0x6988;
constexpr std::uint16_t kWrongData = 0x6A80;
constexpr std::uint16_t kFileNotFound = 0x6A82;
constexpr std::uint16_t kWrongParameters = 0x6A86;
constexpr std::uint16_t kWrongOffset = 0x6B00;
constexpr std::uint16_t kUnknownInstruction = 0x6D00;
constexpr std::uint16_t kUnknownClass = 0x6E00;

// An APDU in the extended form: Lc or Le of three bytes starting with 00.
bool isExtended(const QByteArray& apdu)
{
    return apdu.size() > 5 && apdu[4] == '\0';
}

QByteArray integer(int value)
{
    QByteArray bytes;
    do {
        bytes.prepend(char(value & 0xFF));
        value >>= 8;
    } while (value > 0);
    if (bytes[0] & 0x80)
        bytes.prepend('\0');
    return bytes;
}

} // namespace

QByteArray SimulatedPassport::cardAccessFor(const QByteArray& paceOid, int parameterId)
{
    const BerTlv info = BerTlv::constructed(0x30, {BerTlv::primitive(0x06, paceOid), BerTlv::primitive(0x02, integer(2)),
                                                   BerTlv::primitive(0x02, integer(parameterId))});
    return BerTlv::constructed(0x31, {info}).encode();
}

QByteArray SimulatedPassport::atrInfo(int maxCommand, int maxResponse)
{
    return BerTlv::constructed(0x7F66, {BerTlv::primitive(0x02, integer(maxCommand)),
                                        BerTlv::primitive(0x02, integer(maxResponse))})
        .encode();
}

std::unique_ptr<SimulatedPassport> SimulatedPassport::create(LdsFiles files, ChipAccessKey key, Options options,
                                                             QString* error)
{
    std::optional<PaceInfo> pace;
    if (options.accessControl == AccessControl::Pace) {
        pace = PaceInfo::fromOid(options.paceOid, options.paceParameterId, error);
        if (!pace)
            return nullptr;
        if (!PaceChip::create(*pace, key, error))
            return nullptr;
        if (files.cardAccess.isEmpty())
            files.cardAccess = cardAccessFor(options.paceOid, options.paceParameterId);
    } else {
        files.cardAccess.clear();
    }
    if (!BacKeys::fromAccessKey(key, error))
        return nullptr;
    return std::unique_ptr<SimulatedPassport>(
        new SimulatedPassport(std::move(files), std::move(key), std::move(options), std::move(pace)));
}

SimulatedPassport::SimulatedPassport(LdsFiles files, ChipAccessKey key, Options options, std::optional<PaceInfo> pace)
    : m_files(std::move(files))
    , m_key(std::move(key))
    , m_options(std::move(options))
    , m_paceInfo(std::move(pace))
{
    if (m_options.extendedLength)
        m_atrInfo = atrInfo(0xFFFF, 0xFFFF);
}

SimulatedPassport::~SimulatedPassport()
{
    remove();
}

bool SimulatedPassport::insert(quint16 port)
{
    remove();
    {
        const std::lock_guard lock(m_mutex);
        m_released = false;
    }
    reset();
    m_pulled = false;
    m_card = std::make_unique<VirtualCard>([this](const QByteArray& command) { return respond(command); },
                                           [this](char) { reset(); });
    return m_card->insert(port);
}

void SimulatedPassport::remove()
{
    release(); // a silent chip's thread must come back before VirtualCard joins it
    m_card.reset();
}

void SimulatedPassport::release()
{
    const std::lock_guard lock(m_mutex);
    m_released = true;
    m_wake.notify_all();
}

void SimulatedPassport::setHandler(std::uint8_t ins, Handler handler)
{
    m_handlers[ins] = std::move(handler);
}

QString SimulatedPassport::lastRefusal() const
{
    const std::lock_guard lock(m_mutex);
    return m_lastRefusal;
}

bool SimulatedPassport::secureMessagingActive() const
{
    return m_sm.has_value();
}

void SimulatedPassport::reset()
{
    m_applicationSelected = false;
    m_currentFile.reset();
    m_bac.reset();
    m_challengeIssued = false;
    m_pace.reset();
    m_paceStep = 0;
    m_sm.reset();
}

std::optional<SimulatedPassport::File> SimulatedPassport::file(std::uint16_t id) const
{
    if (id == LdsFiles::kCardAccessId)
        return m_files.cardAccess.isEmpty() ? std::nullopt : std::optional<File>(File{&m_files.cardAccess, false});
    if (id == kAtrInfoId)
        return m_atrInfo.isEmpty() ? std::nullopt : std::optional<File>(File{&m_atrInfo, false});
    if (!m_applicationSelected)
        return std::nullopt;
    if (id == LdsFiles::kComId)
        return m_files.com.isEmpty() ? std::nullopt : std::optional<File>(File{&m_files.com, true});
    if (id == LdsFiles::kSodId)
        return m_files.sod.isEmpty() ? std::nullopt : std::optional<File>(File{&m_files.sod, true});
    for (const auto& [number, bytes] : m_files.dataGroups) {
        if (LdsFiles::dataGroupId(number) == id)
            return File{&bytes, true};
    }
    return std::nullopt;
}

std::optional<std::uint16_t> SimulatedPassport::fileIdForSfi(std::uint8_t sfi) const
{
    if (sfi == 0x1C)
        return LdsFiles::kCardAccessId;
    if (sfi == LdsFiles::kComSfi)
        return LdsFiles::kComId;
    if (sfi == LdsFiles::kSodSfi)
        return LdsFiles::kSodId;
    if (sfi >= 1 && sfi <= 16)
        return LdsFiles::dataGroupId(sfi);
    return std::nullopt;
}

bool SimulatedPassport::faultStrikes(std::uint16_t id) const
{
    return m_options.fault.kind != Fault::Kind::None && id == m_options.fault.fileId
        && m_faultFileSent >= m_options.fault.afterBytes;
}

SimulatedPassport::Reply SimulatedPassport::refuse(std::uint16_t status, const QString& why)
{
    const std::lock_guard lock(m_mutex);
    m_lastRefusal = why;
    return Reply{ResponseApdu({}, status), std::nullopt};
}

QByteArray SimulatedPassport::respond(const QByteArray& command)
{
    ++m_apdus;
    if (m_pulled)
        return {};
    if (isExtended(command) && !m_options.extendedLength)
        return refuse(kWrongLength, QStringLiteral("an extended-length APDU to a chip without")).response.encode();
    if (command.size() < 4)
        return refuse(kWrongLength, QStringLiteral("an APDU of %1 bytes").arg(command.size())).response.encode();
    const std::uint8_t cla = std::uint8_t(command[0]);
    const bool isProtected = (cla & 0x0C) == 0x0C;
    if (!isProtected) {
        m_sm.reset(); // a plain command ends secure messaging
        QString why;
        const auto apdu = CommandApdu::parse(command, &why);
        if (!apdu)
            return refuse(kWrongLength, why).response.encode();
        Reply reply = handle(*apdu, false);
        if (m_pulled)
            return {};
        const QByteArray answer = reply.response.encode();
        if (reply.nextKeys)
            m_sm.emplace(std::move(*reply.nextKeys));
        return answer;
    }
    if (!m_sm)
        return refuse(kSmObjectsIncorrect, QStringLiteral("a protected command without a session")).response.encode();
    QString why;
    const auto apdu = m_sm->unprotectCommand(command, &why);
    if (!apdu) {
        m_sm.reset();
        return refuse(kSmObjectsIncorrect, why).response.encode();
    }
    Reply reply = handle(*apdu, true);
    if (m_pulled)
        return {};
    if (!isExtended(command) && protectedResponseSize(int(reply.response.data().size())) > CommandApdu::kMaxShortNe)
        reply = refuse(kWrongLength, QStringLiteral("the protected answer would not fit a short response"));
    const auto answer = m_sm->protectResponse(reply.response, &why);
    if (!answer) {
        m_sm.reset();
        return refuse(kSmObjectsIncorrect, why).response.encode();
    }
    if (reply.nextKeys)
        m_sm.emplace(std::move(*reply.nextKeys));
    return *answer;
}

// DO'87' (or '85') with the padded data, DO'99', DO'8E': the response data's size.
int SimulatedPassport::protectedResponseSize(int dataBytes) const
{
    int size = 4 + 10;
    if (dataBytes > 0) {
        const int block = m_sm ? int(m_sm->ssc().size()) : 8; // the SSC is one block
        const int padded = (dataBytes / block + 1) * block + 1;
        size += 1 + int(BerTlv::encodeLength(padded).size()) + padded;
    }
    return size;
}

SimulatedPassport::Reply SimulatedPassport::handle(const CommandApdu& command, bool secureMessaging)
{
    if (const auto handler = m_handlers.find(command.ins()); handler != m_handlers.end()) {
        if (auto reply = handler->second(command, secureMessaging))
            return std::move(*reply);
    }
    if (command.cla() != 0x00 && !(command.cla() == 0x10 && command.ins() == 0x86))
        return refuse(kUnknownClass, QStringLiteral("class %1").arg(command.cla(), 2, 16, QLatin1Char('0')));
    switch (command.ins()) {
    case 0xA4:
        return select(command, secureMessaging);
    case 0xB0:
    case 0xB1:
        return readBinary(command, secureMessaging);
    case 0x84:
        return getChallenge(command);
    case 0x82:
        return externalAuthenticate(command);
    case 0x22:
        return setAuthenticationTemplate(command);
    case 0x86:
        return generalAuthenticate(command);
    default:
        return refuse(kUnknownInstruction,
                      QStringLiteral("instruction %1").arg(command.ins(), 2, 16, QLatin1Char('0')));
    }
}

SimulatedPassport::Reply SimulatedPassport::select(const CommandApdu& command, bool)
{
    if (command.p1() == 0x04) {
        if (command.data() != kLds1Aid)
            return refuse(kFileNotFound, QStringLiteral("no application %1").arg(QString::fromLatin1(command.data().toHex())));
        m_applicationSelected = true;
        m_currentFile.reset();
        return Reply{ResponseApdu({}, kOk), std::nullopt};
    }
    if ((command.p1() != 0x02 && command.p1() != 0x00) || command.data().size() != 2)
        return refuse(kWrongParameters, QStringLiteral("SELECT with P1 %1").arg(command.p1()));
    const std::uint16_t id = std::uint16_t((std::uint8_t(command.data()[0]) << 8) | std::uint8_t(command.data()[1]));
    if (id == kMasterFileId && command.p1() == 0x00) {
        m_applicationSelected = false;
        m_currentFile.reset();
        return Reply{ResponseApdu({}, kOk), std::nullopt};
    }
    if (!file(id))
        return refuse(kFileNotFound, QStringLiteral("no file %1").arg(id, 4, 16, QLatin1Char('0')));
    m_currentFile = id;
    return Reply{ResponseApdu({}, kOk), std::nullopt};
}

SimulatedPassport::Reply SimulatedPassport::readBinary(const CommandApdu& command, bool secureMessaging)
{
    std::optional<std::uint16_t> id = m_currentFile;
    qsizetype offset = 0;
    if (command.ins() == 0xB0) {
        if (command.p1() & 0x80) {
            id = fileIdForSfi(command.p1() & 0x1F);
            if (!id || !file(*id))
                return refuse(kFileNotFound, QStringLiteral("no file with short identifier %1").arg(command.p1() & 0x1F));
            offset = command.p2();
        } else {
            offset = (command.p1() << 8) | command.p2();
        }
    } else {
        if (command.p1() != 0 || command.p2() != 0) {
            id = std::uint16_t((command.p1() << 8) | command.p2());
            if (!file(*id))
                return refuse(kFileNotFound, QStringLiteral("no file %1").arg(*id, 4, 16, QLatin1Char('0')));
        }
        QString why;
        const auto object = BerTlvDecoder::decodeSingle(command.data(), &why);
        if (!object || object->tag() != 0x54 || object->value().isEmpty() || object->value().size() > 3)
            return refuse(kWrongData, QStringLiteral("READ BINARY B1 without an offset in DO'54'"));
        for (const char byte : object->value())
            offset = (offset << 8) | std::uint8_t(byte);
    }
    if (!id)
        return refuse(kNoCurrentEf, QStringLiteral("READ BINARY with no file selected"));
    const auto found = file(*id);
    if (!found)
        return refuse(kFileNotFound, QStringLiteral("no file %1").arg(*id, 4, 16, QLatin1Char('0')));
    if (found->needsSecureMessaging && !secureMessaging)
        return refuse(kSecurityStatus, QStringLiteral("READ BINARY of %1 without secure messaging")
                                           .arg(*id, 4, 16, QLatin1Char('0')));
    m_currentFile = id;
    if (command.ne() == 0)
        return refuse(kWrongLength, QStringLiteral("READ BINARY without Le"));
    const QByteArray& bytes = *found->bytes;
    if (offset >= bytes.size())
        return refuse(kWrongOffset, QStringLiteral("offset %1 beyond the %2 bytes of the file").arg(offset).arg(bytes.size()));

    if (faultStrikes(*id)) {
        if (m_options.fault.kind == Fault::Kind::PulledOut) {
            m_pulled = true;
            return Reply{};
        }
        std::unique_lock lock(m_mutex);
        m_wake.wait(lock, [this] { return m_released; });
        m_pulled = true;
        return Reply{};
    }

    qsizetype count = std::min<qsizetype>(command.ne(), bytes.size() - offset);
    QByteArray data;
    if (command.ins() == 0xB0) {
        data = bytes.mid(offset, count);
    } else {
        // DO'53' holding the bytes, all within Ne.
        while (count > 0 && 1 + BerTlv::encodeLength(count).size() + count > command.ne())
            --count;
        data = BerTlv::primitive(0x53, bytes.mid(offset, count)).encode();
    }
    if (*id == m_options.fault.fileId)
        m_faultFileSent += int(count);
    return Reply{ResponseApdu(data, kOk), std::nullopt};
}

SimulatedPassport::Reply SimulatedPassport::getChallenge(const CommandApdu& command)
{
    if (command.ne() != BacKeys::kRandomBytes)
        return refuse(kWrongLength, QStringLiteral("GET CHALLENGE for %1 bytes").arg(command.ne()));
    m_pace.reset();
    m_bac.emplace(*BacKeys::fromAccessKey(m_key, nullptr)); // checked in create()
    QString why;
    const auto challenge = m_bac->challenge(&why);
    if (!challenge)
        return refuse(0x6F00, why);
    m_challengeIssued = true;
    return Reply{ResponseApdu(*challenge, kOk), std::nullopt};
}

SimulatedPassport::Reply SimulatedPassport::externalAuthenticate(const CommandApdu& command)
{
    if (!m_bac || !m_challengeIssued)
        return refuse(kConditionsOfUse, QStringLiteral("EXTERNAL AUTHENTICATE without GET CHALLENGE"));
    m_challengeIssued = false;
    if (command.data().size() != BacKeys::kSealedBytes)
        return refuse(kWrongLength, QStringLiteral("EXTERNAL AUTHENTICATE with %1 bytes").arg(command.data().size()));
    QString why;
    auto answer = m_bac->authenticate(command.data(), &why);
    m_bac.reset();
    if (!answer)
        return refuse(kAuthenticationFailed, why);
    return Reply{ResponseApdu(answer->responseData, kOk), std::move(answer->keys)};
}

SimulatedPassport::Reply SimulatedPassport::setAuthenticationTemplate(const CommandApdu& command)
{
    if (command.p1() != 0xC1 || command.p2() != 0xA4)
        return refuse(kWrongParameters, QStringLiteral("MSE %1 %2 is not known")
                                            .arg(command.p1(), 2, 16, QLatin1Char('0'))
                                            .arg(command.p2(), 2, 16, QLatin1Char('0')));
    m_pace.reset();
    m_paceStep = 0;
    if (!m_paceInfo)
        return refuse(kWrongData, QStringLiteral("MSE:Set AT to a chip without PACE"));
    QString why;
    auto chip = PaceChip::create(*m_paceInfo, m_key, &why);
    if (!chip)
        return refuse(0x6F00, why);
    if (!chip->setAuthenticationTemplate(command, &why))
        return refuse(kWrongData, why);
    m_pace.emplace(std::move(*chip));
    m_paceStep = 1;
    return Reply{ResponseApdu({}, kOk), std::nullopt};
}

SimulatedPassport::Reply SimulatedPassport::generalAuthenticate(const CommandApdu& command)
{
    if (!m_pace)
        return refuse(kConditionsOfUse, QStringLiteral("GENERAL AUTHENTICATE without MSE:Set AT"));
    QString why;
    std::optional<QByteArray> data;
    switch (m_paceStep) {
    case 1: data = m_pace->nonce(command, &why); break;
    case 2: data = m_pace->map(command, &why); break;
    case 3: data = m_pace->agree(command, &why); break;
    case 4: {
        auto result = m_pace->authenticate(command, &why);
        m_pace.reset();
        m_paceStep = 0;
        if (!result)
            return refuse(kAuthenticationFailed, why);
        return Reply{ResponseApdu(result->responseData, kOk), std::move(result->keys)};
    }
    default: break;
    }
    if (!data) {
        m_pace.reset();
        m_paceStep = 0;
        return refuse(kWrongData, why);
    }
    ++m_paceStep;
    return Reply{ResponseApdu(*data, kOk), std::nullopt};
}

} // namespace fg::test
