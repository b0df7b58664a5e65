#pragma once

// The LDS files of the chip-reading tests and benchmark, built by hand (the
// real LDS builders come with passive authentication): EF.COM listing DG1
// and DG2, DG1 with the TD3 specimen MRZ of Doc 9303 part 4, a DG2 of the
// size asked made of arbitrary bytes, and an EF.SOD of arbitrary bytes. The
// access key is the specimen's: L898902C3, 740812, 120415.
#include "core/documents/emrtd/BerTlv.h"
#include "core/documents/emrtd/ChipAccessKey.h"
#include "core/documents/emrtd/LdsFiles.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace fg::test {

inline QByteArray arbitraryBytes(qsizetype size, quint32 seed)
{
    QByteArray bytes(size, Qt::Uninitialized);
    quint32 state = seed * 2654435761u + 1;
    for (char& byte : bytes) {
        state = state * 1664525u + 1013904223u;
        byte = char(state >> 24);
    }
    return bytes;
}

inline const QString kSpecimenMrz = QStringLiteral("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<"
                                                   "L898902C36UTO7408122F1204159ZE184226B<<<<<10");

inline std::optional<ChipAccessKey> specimenKey()
{
    return ChipAccessKey::fromMrzFields(QStringLiteral("L898902C3"), QStringLiteral("740812"), QStringLiteral("120415"),
                                        nullptr);
}

inline std::optional<ChipAccessKey> wrongKey()
{
    return ChipAccessKey::fromMrzFields(QStringLiteral("L898902C4"), QStringLiteral("740812"), QStringLiteral("120415"),
                                        nullptr);
}

// DG2: 75 { 5F2E { arbitrary } }, `size` bytes in all (at least 9, at most 65535).
inline QByteArray handMadeDg2(qsizetype size)
{
    const QByteArray inner = BerTlv::primitive(0x5F2E, arbitraryBytes(size - 9, 2)).encode();
    return BerTlv::primitive(0x75, inner).encode();
}

inline LdsFiles handMadeLds(qsizetype dg2Size = 20480)
{
    LdsFiles files;
    files.com = BerTlv::constructed(0x60, {BerTlv::primitive(0x5F01, QByteArrayLiteral("0107")),
                                           BerTlv::primitive(0x5F36, QByteArrayLiteral("040000")),
                                           BerTlv::primitive(0x5C, QByteArray::fromHex("6175"))})
                    .encode();
    files.dataGroups[1] = BerTlv::constructed(0x61, {BerTlv::primitive(0x5F1F, kSpecimenMrz.toLatin1())}).encode();
    files.dataGroups[2] = handMadeDg2(dg2Size);
    files.sod = BerTlv::primitive(0x77, arbitraryBytes(1500, 3)).encode();
    return files;
}

} // namespace fg::test
