#include "core/documents/emrtd/ResponseApdu.h"

#include <utility>

namespace fg {

ResponseApdu::ResponseApdu(QByteArray data, std::uint16_t status)
    : m_data(std::move(data))
    , m_status(status)
{
}

QString ResponseApdu::statusText() const
{
    return statusText(m_status);
}

QString ResponseApdu::statusText(std::uint16_t status)
{
    return QString::number(status, 16).toUpper().rightJustified(4, QLatin1Char('0'));
}

QByteArray ResponseApdu::encode() const
{
    QByteArray bytes = m_data;
    bytes.append(static_cast<char>(m_status >> 8));
    bytes.append(static_cast<char>(m_status & 0xFF));
    return bytes;
}

std::optional<ResponseApdu> ResponseApdu::parse(QByteArrayView bytes, QString* error)
{
    if (bytes.size() < 2) {
        if (error)
            *error = QStringLiteral("response APDU: %1 of the 2 status bytes").arg(bytes.size());
        return std::nullopt;
    }
    const auto high = static_cast<unsigned char>(bytes[bytes.size() - 2]);
    const auto low = static_cast<unsigned char>(bytes[bytes.size() - 1]);
    return ResponseApdu(bytes.first(bytes.size() - 2).toByteArray(), static_cast<std::uint16_t>(high << 8 | low));
}

} // namespace fg
