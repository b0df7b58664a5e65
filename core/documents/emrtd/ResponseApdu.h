#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <cstdint>
#include <optional>

namespace fg {

// A response APDU (ISO/IEC 7816-4 5.1): response data and the two status
// bytes SW1 SW2 (0x9000: done). parse() refuses fewer than two bytes.
class ResponseApdu {
public:
    static constexpr std::uint16_t kSuccess = 0x9000;

    ResponseApdu() = default;
    ResponseApdu(QByteArray data, std::uint16_t status);

    const QByteArray& data() const { return m_data; }
    std::uint16_t status() const { return m_status; }
    bool isSuccess() const { return m_status == kSuccess; }
    // "9000", "6982": for error texts and logs.
    QString statusText() const;
    static QString statusText(std::uint16_t status);

    QByteArray encode() const;
    static std::optional<ResponseApdu> parse(QByteArrayView bytes, QString* error);

    bool operator==(const ResponseApdu& other) const = default;

private:
    QByteArray m_data;
    std::uint16_t m_status = 0;
};

} // namespace fg
