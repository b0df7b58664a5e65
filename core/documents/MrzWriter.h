#pragma once

#include "core/documents/Mrz.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace fg {

// Writes a document's zone: the fields laid out as its format says, filled
// with '<', every check digit computed (the TD1 long document number as Part
// 5, 4.2.4 says). Names must already be in the zone's alphabet: nothing is
// transliterated or truncated here; a field that does not fit is an error
// naming it. MrzParser::parse(write(d)) gives d back for a well-formed zone.
class MrzWriter {
public:
    static std::optional<QStringList> write(const MrzDocument& document, QString* error);
};

} // namespace fg
