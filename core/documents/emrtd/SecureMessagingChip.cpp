#include "core/documents/emrtd/SecureMessagingChip.h"

#include "core/documents/emrtd/BerTlvDecoder.h"
#include "core/documents/emrtd/Iso9797Padding.h"

#include <utility>

namespace fg {
namespace {

constexpr std::uint8_t kSmClaBits = 0x0C;
constexpr BerTlv::Tag kLe = 0x97;
constexpr BerTlv::Tag kStatus = 0x99;
constexpr BerTlv::Tag kMac = 0x8E;

} // namespace

SecureMessagingChip::SecureMessagingChip(SessionKeys keys)
    : m_channel(std::move(keys))
{
}

std::optional<CommandApdu> SecureMessagingChip::unprotectCommand(QByteArrayView command, QString* error)
{
    if (!m_channel.checkUsable(error))
        return std::nullopt;
    m_channel.incrementSsc();
    const auto fail = [this, error](const QString& why) {
        m_channel.breakWith(why, error);
        return std::nullopt;
    };
    QString why;
    const auto apdu = CommandApdu::parse(command, &why);
    if (!apdu)
        return fail(why);
    if ((apdu->cla() & kSmClaBits) != kSmClaBits || apdu->cla() > 0x1F)
        return fail(QStringLiteral("CLA %1 does not mark a protected command")
                        .arg(QString::number(apdu->cla(), 16).toUpper().rightJustified(2, QLatin1Char('0'))));
    const auto objects = BerTlvDecoder::decode(apdu->data(), &why);
    if (!objects)
        return fail(QStringLiteral("the protected command is malformed: ") + why);

    const BerTlv* data = nullptr;
    const BerTlv* le = nullptr;
    const BerTlv* mac = nullptr;
    for (const BerTlv& object : *objects) {
        const QString where =
            QStringLiteral("DO'%1' at offset %2").arg(BerTlv::tagName(object.tag())).arg(object.offset());
        if (mac)
            return fail(where + QStringLiteral(" after the MAC"));
        switch (object.tag()) {
        case 0x87:
        case 0x85:
            if (data || le)
                return fail(where + QStringLiteral(": a second data object, or one after Le"));
            if ((object.tag() == 0x85) != (apdu->ins() % 2 == 1))
                return fail(where + QStringLiteral(": DO'87' goes with an even INS, DO'85' with an odd one"));
            data = &object;
            break;
        case kLe:
            if (le)
                return fail(where + QStringLiteral(": a second Le"));
            le = &object;
            break;
        case kMac:
            mac = &object;
            break;
        default:
            return fail(where + QStringLiteral(": not a data object of a protected command"));
        }
    }
    if (!mac)
        return fail(QStringLiteral("the command has no MAC (DO'8E')"));
    if (mac->value().size() != SecureChannel::kMacBytes)
        return fail(QStringLiteral("a MAC of %1 bytes, not 8").arg(mac->value().size()));
    const QByteArray header = command.first(4).toByteArray();
    const QByteArray macInput = Iso9797Padding::pad(header, m_channel.blockBytes()) + apdu->data().first(mac->offset());
    if (!m_channel.macMatches(macInput, mac->value(), &why))
        return fail(QStringLiteral("the MAC of the terminal's command does not match"));

    int ne = 0;
    if (le) {
        const QByteArray& value = le->value();
        if (value.size() == 1)
            ne = value[0] == '\0' ? CommandApdu::kMaxShortNe : static_cast<unsigned char>(value[0]);
        else if (value.size() == 2)
            ne = (static_cast<unsigned char>(value[0]) << 8 | static_cast<unsigned char>(value[1]));
        else
            return fail(QStringLiteral("an Le of %1 bytes in DO'97'").arg(value.size()));
        if (ne == 0)
            ne = CommandApdu::kMaxNe;
    }
    QByteArray plainData;
    if (data) {
        const auto clear = m_channel.decryptDataObject(*data, &why);
        if (!clear)
            return fail(QStringLiteral("the command data cannot be decrypted: ") + why);
        plainData = *clear;
    }
    m_lastInsOdd = apdu->ins() % 2 == 1;
    return CommandApdu(static_cast<std::uint8_t>(apdu->cla() & ~kSmClaBits), apdu->ins(), apdu->p1(), apdu->p2(),
                       plainData, ne);
}

std::optional<QByteArray> SecureMessagingChip::protectResponse(const ResponseApdu& response, QString* error)
{
    if (!m_channel.checkUsable(error))
        return std::nullopt;
    m_channel.incrementSsc();
    QString why;
    QByteArray body;
    if (!response.data().isEmpty()) {
        const auto encrypted = m_channel.encryptedDataObject(m_lastInsOdd ? 1 : 0, response.data(), &why);
        if (!encrypted) {
            m_channel.breakWith(why, error);
            return std::nullopt;
        }
        body += encrypted->encode();
    }
    QByteArray status(2, '\0');
    status[0] = static_cast<char>(response.status() >> 8);
    status[1] = static_cast<char>(response.status() & 0xFF);
    body += BerTlv::primitive(kStatus, status).encode();
    const auto mac = m_channel.mac(body, &why);
    if (!mac) {
        m_channel.breakWith(why, error);
        return std::nullopt;
    }
    body += BerTlv::primitive(kMac, *mac).encode();
    return body + status;
}

} // namespace fg
