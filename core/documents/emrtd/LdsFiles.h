#pragma once

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <map>

namespace fg {

// The files of an eMRTD chip's LDS1 application (ICAO Doc 9303 part 10), as
// stored on the chip: the bytes of each elementary file, whole TLV objects,
// nothing parsed. What a ChipReader reads, what passive authentication
// checks, what the tests' simulated chip serves.
struct LdsFiles {
    QByteArray cardAccess;                // EF.CardAccess (in the master file; empty: the chip offers no PACE)
    QByteArray com;                       // EF.COM (tag 60)
    QByteArray sod;                       // EF.SOD (tag 77): the signed hashes
    std::map<int, QByteArray> dataGroups; // DG number 1..16 -> the file's bytes (DG1 tag 61, DG2 tag 75, ...)

    // The file identifiers and short file identifiers of part 10, section 3.
    static constexpr std::uint16_t kCardAccessId = 0x011C;
    static constexpr std::uint16_t kComId = 0x011E;
    static constexpr std::uint16_t kSodId = 0x011D;
    static constexpr std::uint16_t dataGroupId(int number) { return std::uint16_t(0x0100 + number); }
    static constexpr std::uint8_t kComSfi = 0x1E;
    static constexpr std::uint8_t kSodSfi = 0x1D;
    static constexpr std::uint8_t dataGroupSfi(int number) { return std::uint8_t(number); }

    // "DG2", "EF.COM", "EF.SOD": for messages.
    static QString dataGroupName(int number) { return QStringLiteral("DG%1").arg(number); }
};

} // namespace fg
