#include "core/documents/emrtd/CommandApdu.h"

#include <utility>

namespace fg {
namespace {

unsigned byteAt(QByteArrayView bytes, qsizetype index)
{
    return static_cast<unsigned char>(bytes[index]);
}

unsigned twoBytesAt(QByteArrayView bytes, qsizetype index)
{
    return byteAt(bytes, index) << 8 | byteAt(bytes, index + 1);
}

std::optional<CommandApdu> refuse(QString* error, const QString& why)
{
    if (error)
        *error = QStringLiteral("command APDU: ") + why;
    return std::nullopt;
}

} // namespace

CommandApdu::CommandApdu(std::uint8_t cla, std::uint8_t ins, std::uint8_t p1, std::uint8_t p2, QByteArray data, int ne)
    : m_cla(cla)
    , m_ins(ins)
    , m_p1(p1)
    , m_p2(p2)
    , m_data(std::move(data))
    , m_ne(ne)
{
}

QByteArray CommandApdu::header() const
{
    QByteArray bytes(4, '\0');
    bytes[0] = static_cast<char>(m_cla);
    bytes[1] = static_cast<char>(m_ins);
    bytes[2] = static_cast<char>(m_p1);
    bytes[3] = static_cast<char>(m_p2);
    return bytes;
}

bool CommandApdu::needsExtendedLength() const
{
    return m_data.size() > kMaxShortNc || m_ne > kMaxShortNe;
}

QByteArray CommandApdu::encode() const
{
    if (m_data.size() > kMaxNc || m_ne < 0 || m_ne > kMaxNe)
        return QByteArray();
    QByteArray bytes = header();
    const auto append = [&bytes](int value) { bytes.append(static_cast<char>(value & 0xFF)); };
    if (!needsExtendedLength()) {
        if (!m_data.isEmpty()) {
            append(static_cast<int>(m_data.size()));
            bytes += m_data;
        }
        if (m_ne > 0)
            append(m_ne); // 256 is written 00
        return bytes;
    }
    append(0);
    if (!m_data.isEmpty()) {
        append(static_cast<int>(m_data.size() >> 8));
        append(static_cast<int>(m_data.size()));
        bytes += m_data;
    }
    if (m_ne > 0) {
        append(m_ne >> 8); // 65536 is written 00 00
        append(m_ne);
    }
    return bytes;
}

std::optional<CommandApdu> CommandApdu::parse(QByteArrayView bytes, QString* error)
{
    const qsizetype size = bytes.size();
    if (size < 4)
        return refuse(error, QStringLiteral("%1 bytes, fewer than the 4 of a header").arg(size));
    CommandApdu apdu(static_cast<std::uint8_t>(bytes[0]), static_cast<std::uint8_t>(bytes[1]),
                     static_cast<std::uint8_t>(bytes[2]), static_cast<std::uint8_t>(bytes[3]));
    if (size == 4)
        return apdu; // case 1
    const unsigned first = byteAt(bytes, 4);
    if (size == 5) { // case 2S
        apdu.m_ne = first == 0 ? kMaxShortNe : static_cast<int>(first);
        return apdu;
    }
    if (first != 0) { // cases 3S and 4S
        const qsizetype nc = first;
        if (size != 5 + nc && size != 6 + nc)
            return refuse(error, QStringLiteral("Lc %1 at offset 4 does not match the %2 bytes of the APDU")
                                     .arg(nc)
                                     .arg(size));
        apdu.m_data = bytes.sliced(5, nc).toByteArray();
        if (size == 6 + nc) {
            const unsigned le = byteAt(bytes, size - 1);
            apdu.m_ne = le == 0 ? kMaxShortNe : static_cast<int>(le);
        }
        return apdu;
    }
    if (size < 7)
        return refuse(error,
                      QStringLiteral("%1 bytes with 00 at offset 4: neither a short nor an extended length").arg(size));
    if (size == 7) { // case 2E
        const unsigned le = twoBytesAt(bytes, 5);
        apdu.m_ne = le == 0 ? kMaxNe : static_cast<int>(le);
        return apdu;
    }
    const qsizetype nc = twoBytesAt(bytes, 5);
    if (nc == 0)
        return refuse(error, QStringLiteral("extended Lc of 0 at offset 5"));
    if (size != 7 + nc && size != 9 + nc)
        return refuse(error, QStringLiteral("extended Lc %1 at offset 5 does not match the %2 bytes of the APDU")
                                 .arg(nc)
                                 .arg(size));
    apdu.m_data = bytes.sliced(7, nc).toByteArray();
    if (size == 9 + nc) {
        const unsigned le = twoBytesAt(bytes, size - 2);
        apdu.m_ne = le == 0 ? kMaxNe : static_cast<int>(le);
    }
    return apdu;
}

} // namespace fg
