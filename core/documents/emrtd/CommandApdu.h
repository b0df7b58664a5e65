#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <cstdint>
#include <optional>

namespace fg {

// A command APDU (ISO/IEC 7816-4 5.1): header CLA INS P1 P2, command data
// (Nc bytes) and the number of bytes expected back (Ne, 0 when there is no
// Le field). encode() writes the short form when Nc <= 255 and Ne <= 256,
// else the extended form; parse() reads the seven cases 1, 2S, 3S, 4S, 2E,
// 3E and 4E, and refuses any other length (an Lc that does not match the
// bytes, an extended Lc of 0, a buffer of 6 bytes or fewer than 4).
class CommandApdu {
public:
    static constexpr int kMaxShortNc = 255;
    static constexpr int kMaxShortNe = 256;
    static constexpr int kMaxNc = 65535;
    static constexpr int kMaxNe = 65536;

    CommandApdu() = default;
    CommandApdu(std::uint8_t cla, std::uint8_t ins, std::uint8_t p1, std::uint8_t p2, QByteArray data = QByteArray(),
                int ne = 0);

    std::uint8_t cla() const { return m_cla; }
    std::uint8_t ins() const { return m_ins; }
    std::uint8_t p1() const { return m_p1; }
    std::uint8_t p2() const { return m_p2; }
    const QByteArray& data() const { return m_data; }
    int ne() const { return m_ne; }
    // The four header bytes.
    QByteArray header() const;
    // Extended length is needed: Nc over 255 or Ne over 256.
    bool needsExtendedLength() const;

    // Empty when Nc is over 65535 or Ne outside 0..65536.
    QByteArray encode() const;
    static std::optional<CommandApdu> parse(QByteArrayView bytes, QString* error);

    bool operator==(const CommandApdu& other) const = default;

private:
    std::uint8_t m_cla = 0;
    std::uint8_t m_ins = 0;
    std::uint8_t m_p1 = 0;
    std::uint8_t m_p2 = 0;
    QByteArray m_data;
    int m_ne = 0;
};

} // namespace fg
