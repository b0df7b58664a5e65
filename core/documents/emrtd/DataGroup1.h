#pragma once

#include <QByteArrayView>
#include <QString>

#include <optional>

namespace fg {

// DG1 (ICAO Doc 9303 part 10, 4.7.1): tag 61 holding the MRZ (5F1F) as one
// run of characters. The zone comes back as its lines joined by '\n' at the
// layout's line length (90 characters: TD1, 3 x 30; 72: TD2 or MRV-B, 2 x 36;
// 88: TD3 or MRV-A, 2 x 44), ready for MrzParser::parse. Refused, with a
// reason: another outer tag, no 5F1F, another length, a byte outside the
// printable ASCII the zone is written in.
struct DataGroup1 {
    QString mrz;      // "P<UTOERIKSSON<<...\nL898902C36UTO..."
    int lineLength = 0; // 30, 36 or 44
    int lineCount = 0;  // 3 or 2

    static std::optional<DataGroup1> parse(QByteArrayView data, QString* error);
};

} // namespace fg
