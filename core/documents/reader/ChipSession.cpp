#include "core/documents/reader/ChipSession.h"

#include "core/documents/emrtd/BacKeys.h"
#include "core/documents/emrtd/BacTerminal.h"
#include "core/documents/emrtd/BerTlv.h"
#include "core/documents/emrtd/BerTlvDecoder.h"
#include "core/documents/emrtd/ChipAccessKey.h"
#include "core/documents/emrtd/PaceInfo.h"
#include "core/documents/emrtd/PaceTerminal.h"
#include "core/documents/reader/PcscReader.h"

#include <QLocale>

#include <algorithm>
#include <utility>

namespace fg {
namespace {

const QByteArray kLds1Aid = QByteArray::fromHex("A0000002471001");
constexpr std::uint16_t kCardAccessId = 0x011C;
constexpr std::uint16_t kAtrInfoId = 0x2F01;
constexpr qsizetype kMaxMasterFileBytes = 64 * 1024;
constexpr int kHeaderProbe = 8;
// A protected answer adds at most DO'87' 82 xx xx, the padding indicator, a
// block of padding, DO'99', DO'8E' and DO'53' 82 xx xx of B1.
constexpr int kSmOverhead = 64;

QString number(qint64 value)
{
    return QLocale(QLocale::English).toString(value);
}

QByteArray fileIdBytes(std::uint16_t id)
{
    QByteArray bytes(2, '\0');
    bytes[0] = char(id >> 8);
    bytes[1] = char(id & 0xFF);
    return bytes;
}

// ISO 7816-4 8.1.1.2.7: the card capabilities (compact-TLV 7x) of the
// historical bytes; the third software function byte's bit 7 is "extended
// Lc and Le fields".
bool atrSaysExtendedLength(const QByteArray& atr)
{
    if (atr.size() < 2)
        return false;
    const int historical = std::uint8_t(atr[1]) & 0x0F;
    int at = 1;
    std::uint8_t indicator = std::uint8_t(atr[1]);
    for (;;) {
        const int present = indicator >> 4;
        int next = at + 1;
        for (int bit = 0; bit < 3; ++bit) // TA, TB, TC
            next += (present >> bit) & 1;
        if ((present & 0x08) == 0) {
            at = next;
            break;
        }
        if (next >= atr.size())
            return false;
        indicator = std::uint8_t(atr[next]);
        at = next;
    }
    if (at + historical > atr.size() || historical < 1 || std::uint8_t(atr[at]) != 0x80)
        return false;
    for (int i = at + 1; i < at + historical;) {
        const int tag = std::uint8_t(atr[i]) >> 4;
        const int length = std::uint8_t(atr[i]) & 0x0F;
        if (tag == 7 && length >= 3 && i + 3 < at + historical)
            return (std::uint8_t(atr[i + 3]) & 0x40) != 0;
        i += 1 + length;
    }
    return false;
}

// The largest response EF.ATR/INFO's 7F66 announces, 0 when it says nothing.
int maxResponseOfAtrInfo(const QByteArray& file)
{
    const auto objects = BerTlvDecoder::decode(file, nullptr);
    if (!objects)
        return 0;
    for (const BerTlv& object : *objects) {
        if (object.tag() != 0x7F66)
            continue;
        const auto integers = object.children(0x02);
        if (integers.size() < 2 || integers[1]->value().isEmpty() || integers[1]->value().size() > 3)
            return 0;
        int value = 0;
        for (const char byte : integers[1]->value())
            value = (value << 8) | std::uint8_t(byte);
        return value;
    }
    return 0;
}

QString paceName(const PaceInfo& info)
{
    const QString agreement = info.agreement() == PaceInfo::Agreement::Ecdh ? QStringLiteral("ECDH") : QStringLiteral("DH");
    const QString mapping = info.mapping() == PaceInfo::Mapping::Generic      ? QStringLiteral("generic")
        : info.mapping() == PaceInfo::Mapping::Integrated                   ? QStringLiteral("integrated")
                                                                              : QStringLiteral("chip authentication");
    return QStringLiteral("PACE (%1 %2 mapping, %3, %4)")
        .arg(agreement, mapping, smCipherName(info.cipher()),
             info.parameterId() ? PaceInfo::domainParameterName(*info.parameterId()) : QStringLiteral("?"));
}

bool isTransportFailure(ChipSession::Failure failure)
{
    return failure == ChipSession::Failure::CardRemoved || failure == ChipSession::Failure::Deadline
        || failure == ChipSession::Failure::Cancelled || failure == ChipSession::Failure::Transport;
}

QString wrongKeyMessage(const ChipAccessKey& key)
{
    return key.kind() == ChipAccessKey::Kind::Can
        ? QStringLiteral("the chip refused the access key: check the card access number")
        : QStringLiteral("the chip refused the access key: check the document number, date of birth and expiry date");
}

} // namespace

ChipSession::ChipSession(PcscCard& card, Options options)
    : m_card(card)
    , m_options(std::move(options))
    , m_transmitter(card)
{
}

ChipSession::~ChipSession() = default;

std::unique_ptr<ChipSession> ChipSession::open(PcscCard& card, const ChipAccessKey& key, const Options& options,
                                               QString* error, Failure* failure)
{
    std::unique_ptr<ChipSession> session(new ChipSession(card, options));
    if (!session->establish(key, error)) {
        if (failure)
            *failure = session->m_failure;
        return nullptr;
    }
    if (failure)
        *failure = Failure::None;
    return session;
}

bool ChipSession::fail(Failure failure, const QString& why, QString* error)
{
    m_failure = failure;
    if (error)
        *error = why;
    return false;
}

bool ChipSession::establish(const ChipAccessKey& key, QString* error)
{
    QString why;
    m_activity = QStringLiteral("reading EF.CardAccess");
    const auto cardAccess = read(kCardAccessId, QStringLiteral("EF.CardAccess"), kMaxMasterFileBytes, false, {}, &why);
    if (!cardAccess && isTransportFailure(m_failure))
        return fail(m_failure, why, error);
    std::optional<PaceInfo> pace;
    if (cardAccess) {
        m_cardAccess = *cardAccess;
        if (const auto infos = PaceInfo::fromCardAccess(*cardAccess, &why)) {
            for (const PaceInfo& info : *infos) {
                if (info.isSupported()) {
                    pace = info;
                    break;
                }
            }
            if (!pace && !infos->empty())
                m_paceFallback = QStringLiteral("%1 is not implemented").arg(infos->front().name());
        } else {
            m_paceFallback = why;
        }
    }
    m_activity = QStringLiteral("reading EF.ATR/INFO");
    if (!readCapabilities(&why))
        return fail(m_failure, why, error);
    m_failure = Failure::None;

    if (pace && m_options.tryPace) {
        m_activity = QStringLiteral("running PACE");
        if (runPace(*pace, key, &why)) {
            m_accessControl = paceName(*pace);
            m_activity = QStringLiteral("selecting the LDS1 application");
            return selectApplication(error);
        }
        if (m_failure == Failure::WrongKey || isTransportFailure(m_failure))
            return fail(m_failure, why, error);
        m_paceFallback = why;
        m_sm.reset();
    }
    m_activity = QStringLiteral("selecting the LDS1 application");
    if (!selectApplication(error))
        return false;
    m_activity = QStringLiteral("running BAC");
    if (!runBac(key, error))
        return false;
    m_accessControl = QStringLiteral("BAC");
    m_failure = Failure::None;
    return true;
}

bool ChipSession::readCapabilities(QString* error)
{
    if (atrSaysExtendedLength(m_card.atr())) {
        m_maxChunk = kMaxExtendedChunk;
        return true;
    }
    const auto info = read(kAtrInfoId, QStringLiteral("EF.ATR/INFO"), kMaxMasterFileBytes, false, {}, error);
    if (!info)
        return !isTransportFailure(m_failure); // no such file: short APDUs
    const int maxResponse = maxResponseOfAtrInfo(*info);
    if (maxResponse - kSmOverhead > kShortChunk)
        m_maxChunk = std::min(kMaxExtendedChunk, maxResponse - kSmOverhead);
    return true;
}

bool ChipSession::selectApplication(QString* error)
{
    QString why;
    const auto answer = send(CommandApdu(0x00, 0xA4, 0x04, 0x0C, kLds1Aid), m_sm.has_value(), &why);
    if (!answer)
        return fail(m_failure, QStringLiteral("selecting the LDS1 application: ") + why, error);
    if (!answer->isSuccess())
        return fail(Failure::NotAPassport,
                    QStringLiteral("the card has no ePassport application (SELECT A0000002471001: status %1)")
                        .arg(answer->statusText()),
                    error);
    return true;
}

bool ChipSession::runPace(const PaceInfo& info, const ChipAccessKey& key, QString* error)
{
    auto terminal = PaceTerminal::create(info, key, error);
    if (!terminal)
        return fail(Failure::Protocol, *error, error);
    QString why;
    auto answer = plain(terminal->setAuthenticationTemplate(), &why);
    if (!answer)
        return fail(m_failure, why, error);
    std::optional<CommandApdu> next = terminal->requestNonce(*answer, &why);
    for (int step = 0; next && step < 3; ++step) {
        answer = plain(*next, &why);
        if (!answer)
            return fail(m_failure, why, error);
        next = step == 0 ? terminal->mapNonce(*answer, &why)
            : step == 1  ? terminal->agreeKey(*answer, &why)
                         : terminal->authenticate(*answer, &why);
    }
    if (!next)
        return fail(Failure::Protocol, why, error);
    answer = plain(*next, &why);
    if (!answer)
        return fail(m_failure, why, error);
    if (answer->status() == 0x6300 || (answer->status() & 0xFFF0) == 0x63C0 || answer->status() == 0x6982)
        return fail(Failure::WrongKey, wrongKeyMessage(key) + QStringLiteral(" (PACE: status %1)").arg(answer->statusText()),
                    error);
    auto keys = terminal->finish(*answer, &why);
    if (!keys)
        return fail(Failure::Protocol, why, error);
    m_sm.emplace(std::move(*keys));
    return true;
}

bool ChipSession::runBac(const ChipAccessKey& key, QString* error)
{
    QString why;
    auto keys = BacKeys::fromAccessKey(key, &why);
    if (!keys)
        return fail(Failure::Protocol, why, error);
    BacTerminal terminal(std::move(*keys));
    auto answer = plain(BacTerminal::getChallenge(), &why);
    if (!answer)
        return fail(m_failure, why, error);
    if (!answer->isSuccess())
        return fail(Failure::Protocol, QStringLiteral("BAC: the chip refused GET CHALLENGE (status %1)").arg(answer->statusText()),
                    error);
    const auto authenticate = terminal.externalAuthenticate(answer->data(), &why);
    if (!authenticate)
        return fail(Failure::Protocol, why, error);
    answer = plain(*authenticate, &why);
    if (!answer)
        return fail(m_failure, why, error);
    if (answer->status() == 0x6300 || answer->status() == 0x6982)
        return fail(Failure::WrongKey, wrongKeyMessage(key) + QStringLiteral(" (BAC: status %1)").arg(answer->statusText()),
                    error);
    auto sessionKeys = terminal.finish(*answer, &why);
    if (!sessionKeys)
        return fail(Failure::Protocol, why, error);
    m_sm.emplace(std::move(*sessionKeys));
    return true;
}

std::optional<QByteArray> ChipSession::exchange(const QByteArray& command, QString* error)
{
    if (m_options.cancel && m_options.cancel->load()) {
        fail(Failure::Cancelled, QStringLiteral("cancelled while %1").arg(m_activity), error);
        return std::nullopt;
    }
    if (m_options.deadline.hasExpired()) {
        fail(Failure::Deadline, QStringLiteral("the time allowed ran out while %1").arg(m_activity), error);
        return std::nullopt;
    }
    QByteArray response;
    QString why;
    switch (m_transmitter.transmit(command, m_options.deadline, &response, &why)) {
    case CardTransmitter::Result::Answered:
        return response;
    case CardTransmitter::Result::TimedOut:
        fail(Failure::Deadline, QStringLiteral("the chip did not answer in the time allowed while %1").arg(m_activity),
             error);
        return std::nullopt;
    case CardTransmitter::Result::Failed:
        break;
    }
    fail(why.contains(QLatin1String("the card was removed")) ? Failure::CardRemoved : Failure::Transport, why, error);
    return std::nullopt;
}

std::optional<ResponseApdu> ChipSession::plain(const CommandApdu& command, QString* error)
{
    const auto bytes = exchange(command.encode(), error);
    if (!bytes)
        return std::nullopt;
    auto answer = ResponseApdu::parse(*bytes, error);
    if (!answer)
        fail(Failure::Protocol, *error, error);
    return answer;
}

std::optional<ResponseApdu> ChipSession::send(const CommandApdu& command, bool secure, QString* error)
{
    if (!secure)
        return plain(command, error);
    if (!m_sm) {
        fail(Failure::Protocol, QStringLiteral("no secure messaging session"), error);
        return std::nullopt;
    }
    QString why;
    const auto wrapped = m_sm->protect(command, &why);
    if (!wrapped) {
        fail(Failure::Protocol, QStringLiteral("secure messaging: ") + why, error);
        return std::nullopt;
    }
    const auto bytes = exchange(wrapped->encode(), error);
    if (!bytes)
        return std::nullopt;
    auto answer = m_sm->unprotect(*bytes, &why);
    if (!answer)
        fail(Failure::Protocol, QStringLiteral("secure messaging broke: ") + why, error);
    return answer;
}

std::optional<ResponseApdu> ChipSession::transmit(const CommandApdu& command, QString* error)
{
    return send(command, true, error);
}

void ChipSession::restartSecureMessaging(SessionKeys keys)
{
    m_sm.emplace(std::move(keys));
}

std::optional<QByteArray> ChipSession::readFile(std::uint16_t fileId, const QString& name, qsizetype maxBytes,
                                                const Progress& progress, QString* error)
{
    m_failure = Failure::None;
    return read(fileId, name, maxBytes, true, progress, error);
}

std::optional<QByteArray> ChipSession::readChunk(qsizetype offset, int count, bool secure, const QString& name,
                                                 QString* error)
{
    const bool odd = offset > 0x7FFF;
    CommandApdu command;
    if (!odd) {
        command = CommandApdu(0x00, 0xB0, std::uint8_t(offset >> 8), std::uint8_t(offset & 0xFF), {}, count);
    } else {
        QByteArray value;
        for (qsizetype rest = offset; rest > 0; rest >>= 8)
            value.prepend(char(rest & 0xFF));
        const QByteArray data = BerTlv::primitive(0x54, value).encode();
        command = CommandApdu(0x00, 0xB1, 0x00, 0x00, data, count + 1 + int(BerTlv::encodeLength(count).size()));
    }
    QString why;
    const auto answer = send(command, secure, &why);
    if (!answer) {
        *error = why;
        return std::nullopt;
    }
    if (answer->status() == 0x6982) {
        fail(Failure::AccessDenied, QStringLiteral("the chip refused to give %1 (status 6982: access needs more than BAC or PACE)")
                                        .arg(name),
             error);
        return std::nullopt;
    }
    if (answer->status() == 0x6B00) {
        fail(Failure::Malformed, QStringLiteral("%1 ends before offset %2 (status 6B00)").arg(name, number(offset)), error);
        return std::nullopt;
    }
    if (!answer->isSuccess() && answer->status() != 0x6282) {
        fail(Failure::Protocol, QStringLiteral("the chip refused to read %1 at offset %2 (status %3)")
                                    .arg(name, number(offset), answer->statusText()),
             error);
        return std::nullopt;
    }
    if (!odd)
        return answer->data();
    const auto wrapped = BerTlvDecoder::decodeSingle(answer->data(), &why);
    if (!wrapped || wrapped->tag() != 0x53) {
        fail(Failure::Malformed, QStringLiteral("the chip's answer for %1 at offset %2 is not a DO'53'").arg(name, number(offset)),
             error);
        return std::nullopt;
    }
    return wrapped->value();
}

std::optional<QByteArray> ChipSession::read(std::uint16_t fileId, const QString& name, qsizetype maxBytes, bool secure,
                                            const Progress& progress, QString* error)
{
    m_activity = QStringLiteral("%1 was being read").arg(name);
    QString why;
    const auto selected = send(CommandApdu(0x00, 0xA4, 0x02, 0x0C, fileIdBytes(fileId)), secure, &why);
    if (!selected) {
        fail(m_failure, QStringLiteral("%1 (selecting %2)").arg(why, name), error);
        return std::nullopt;
    }
    if (selected->status() == 0x6A82) {
        fail(Failure::FileNotFound, QStringLiteral("%1 is not on the chip (status 6A82)").arg(name), error);
        return std::nullopt;
    }
    if (selected->status() == 0x6982) {
        fail(Failure::AccessDenied, QStringLiteral("the chip refused to select %1 (status 6982)").arg(name), error);
        return std::nullopt;
    }
    if (!selected->isSuccess()) {
        fail(Failure::Protocol, QStringLiteral("the chip refused to select %1 (status %2)").arg(name, selected->statusText()),
             error);
        return std::nullopt;
    }
    auto content = readChunk(0, kHeaderProbe, secure, name, error);
    if (!content) {
        if (m_failure == Failure::CardRemoved)
            *error = QStringLiteral("the card was removed while %1 was being read").arg(name);
        return std::nullopt;
    }
    if (content->isEmpty()) {
        fail(Failure::Malformed, QStringLiteral("%1 is empty").arg(name), error);
        return std::nullopt;
    }
    const auto header = BerTlvDecoder::readHeader(*content, &why);
    if (!header) {
        fail(Failure::Malformed, QStringLiteral("%1 has a malformed TLV header: %2").arg(name, why), error);
        return std::nullopt;
    }
    const qsizetype total = header->totalSize();
    if (total > maxBytes) {
        fail(Failure::Malformed, QStringLiteral("%1 announces %2 bytes in its TLV header, more than the %3 it may have")
                                     .arg(name, number(total), number(maxBytes)),
             error);
        return std::nullopt;
    }
    content->truncate(total);
    if (progress)
        progress(content->size(), total);
    while (content->size() < total) {
        const qsizetype offset = content->size();
        const int limit = offset > 0x7FFF ? m_maxChunk - 4 : m_maxChunk;
        const int count = int(std::min<qsizetype>(limit, total - offset));
        const auto chunk = readChunk(offset, count, secure, name, &why);
        if (!chunk) {
            const QString progressText = QStringLiteral("(%1 of %2 bytes)").arg(number(offset), number(total));
            if (m_failure == Failure::CardRemoved)
                *error = QStringLiteral("the card was removed while %1 was being read %2").arg(name, progressText);
            else if (m_failure == Failure::Deadline)
                *error = QStringLiteral("the chip did not answer in the time allowed while %1 was being read %2")
                             .arg(name, progressText);
            else
                *error = QStringLiteral("%1 %2").arg(why, progressText);
            return std::nullopt;
        }
        if (chunk->isEmpty()) {
            fail(Failure::Malformed, QStringLiteral("%1 ends after %2 of the %3 bytes its TLV header announces")
                                         .arg(name, number(offset), number(total)),
                 error);
            return std::nullopt;
        }
        content->append(chunk->left(total - offset));
        if (progress)
            progress(content->size(), total);
    }
    return content;
}

} // namespace fg
