#include "core/documents/emrtd/SecureMessaging.h"

#include "core/documents/emrtd/BerTlvDecoder.h"
#include "core/documents/emrtd/Iso9797Padding.h"

#include <utility>

namespace fg {
namespace {

constexpr std::uint8_t kSmClaBits = 0x0C;
constexpr BerTlv::Tag kLe = 0x97;
constexpr BerTlv::Tag kStatus = 0x99;
constexpr BerTlv::Tag kMac = 0x8E;

std::optional<CommandApdu> refuse(QString* error, const QString& why)
{
    if (error)
        *error = QStringLiteral("secure messaging: ") + why;
    return std::nullopt;
}

QString hexByte(std::uint8_t byte)
{
    return QString::number(byte, 16).toUpper().rightJustified(2, QLatin1Char('0'));
}

QByteArray leBytes(int ne)
{
    QByteArray bytes;
    if (ne <= CommandApdu::kMaxShortNe) {
        bytes.append(static_cast<char>(ne & 0xFF));
    } else {
        bytes.append(static_cast<char>((ne >> 8) & 0xFF));
        bytes.append(static_cast<char>(ne & 0xFF));
    }
    return bytes;
}

} // namespace

SecureMessaging::SecureMessaging(SessionKeys keys)
    : m_channel(std::move(keys))
{
}

std::optional<CommandApdu> SecureMessaging::protect(const CommandApdu& command, QString* error)
{
    if (!m_channel.checkUsable(error))
        return std::nullopt;
    if (command.cla() > 0x1F || (command.cla() & kSmClaBits) != 0)
        return refuse(error, QStringLiteral("CLA %1 is not a plain command of the first interindustry class (00-1F "
                                            "without the SM bits 0C)")
                                 .arg(hexByte(command.cla())));
    // A block of padding and the DO'87' header (up to 4 bytes), DO'97', DO'8E'.
    const qsizetype overhead = m_channel.blockBytes() + 5 + 4 + 10;
    if (command.data().size() > CommandApdu::kMaxNc - overhead || command.ne() < 0
        || command.ne() > CommandApdu::kMaxNe)
        return refuse(error, QStringLiteral("%1 bytes of command data and Ne %2 cannot be protected in one APDU")
                                 .arg(command.data().size())
                                 .arg(command.ne()));

    m_channel.incrementSsc();
    QString why;
    const auto cla = static_cast<std::uint8_t>(command.cla() | kSmClaBits);
    const CommandApdu header(cla, command.ins(), command.p1(), command.p2());
    QByteArray body;
    if (!command.data().isEmpty()) {
        const auto encrypted = m_channel.encryptedDataObject(command.ins(), command.data(), &why);
        if (!encrypted) {
            m_channel.breakWith(why, error);
            return std::nullopt;
        }
        body += encrypted->encode();
    }
    if (command.ne() > 0)
        body += BerTlv::primitive(kLe, leBytes(command.ne())).encode();
    const auto mac = m_channel.mac(Iso9797Padding::pad(header.header(), m_channel.blockBytes()) + body, &why);
    if (!mac) {
        m_channel.breakWith(why, error);
        return std::nullopt;
    }
    body += BerTlv::primitive(kMac, *mac).encode();
    const bool extended = body.size() > CommandApdu::kMaxShortNc || command.ne() > CommandApdu::kMaxShortNe;
    return CommandApdu(header.cla(), header.ins(), header.p1(), header.p2(), body,
                       extended ? CommandApdu::kMaxNe : CommandApdu::kMaxShortNe);
}

std::optional<ResponseApdu> SecureMessaging::unprotect(QByteArrayView response, QString* error)
{
    if (!m_channel.checkUsable(error))
        return std::nullopt;
    m_channel.incrementSsc();
    const auto fail = [this, error](const QString& why) {
        m_channel.breakWith(why, error);
        return std::nullopt;
    };
    QString why;
    const auto plain = ResponseApdu::parse(response, &why);
    if (!plain)
        return fail(why);
    if (plain->data().isEmpty())
        return fail(QStringLiteral("the chip answered %1 without secure messaging").arg(plain->statusText()));
    const auto objects = BerTlvDecoder::decode(plain->data(), &why);
    if (!objects)
        return fail(QStringLiteral("the protected response is malformed: ") + why);

    const BerTlv* data = nullptr;
    const BerTlv* status = nullptr;
    const BerTlv* mac = nullptr;
    for (const BerTlv& object : *objects) {
        const QString where =
            QStringLiteral("DO'%1' at offset %2").arg(BerTlv::tagName(object.tag())).arg(object.offset());
        if (mac)
            return fail(where + QStringLiteral(" after the MAC"));
        switch (object.tag()) {
        case 0x87:
        case 0x85:
            if (data || status)
                return fail(where + QStringLiteral(": a second data object, or one after the status"));
            data = &object;
            break;
        case kStatus:
            if (status)
                return fail(where + QStringLiteral(": a second status"));
            status = &object;
            break;
        case kMac:
            mac = &object;
            break;
        default:
            return fail(where + QStringLiteral(": not a data object of a protected response"));
        }
    }
    if (!mac)
        return fail(QStringLiteral("the response has no MAC (DO'8E')"));
    if (!status)
        return fail(QStringLiteral("the response has no protected status (DO'99')"));
    if (mac->value().size() != SecureChannel::kMacBytes)
        return fail(QStringLiteral("a MAC of %1 bytes, not 8").arg(mac->value().size()));
    if (!m_channel.macMatches(plain->data().first(mac->offset()), mac->value(), &why))
        return fail(QStringLiteral("the MAC of the chip's response does not match: the response was altered, or "
                                   "is not from this session"));
    if (status->value().size() != 2)
        return fail(QStringLiteral("a protected status of %1 bytes, not 2").arg(status->value().size()));
    const auto statusWord = static_cast<std::uint16_t>(static_cast<unsigned char>(status->value()[0]) << 8
                                                      | static_cast<unsigned char>(status->value()[1]));
    if (statusWord != plain->status())
        return fail(QStringLiteral("the protected status %1 differs from the status bytes %2")
                        .arg(ResponseApdu::statusText(statusWord), plain->statusText()));
    QByteArray decrypted;
    if (data) {
        const auto clear = m_channel.decryptDataObject(*data, &why);
        if (!clear)
            return fail(QStringLiteral("the response data cannot be decrypted: ") + why);
        decrypted = *clear;
    }
    return ResponseApdu(decrypted, statusWord);
}

} // namespace fg
