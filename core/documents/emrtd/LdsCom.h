#pragma once

#include <QByteArrayView>
#include <QString>

#include <optional>
#include <vector>

namespace fg {

// EF.COM (ICAO Doc 9303 part 10, 4.6.1): tag 60 holding the LDS version
// (5F01, "0107" -> "1.7"), the Unicode version (5F36, "040000" -> "4.0.0")
// and the tag list (5C) of the data groups present, read into their numbers.
// Refused, each with a reason: another outer tag, a missing or malformed
// element, a tag in the list that names no data group, a data group listed
// twice. The SOD's tag (77) in the list is tolerated and left out.
struct LdsCom {
    QString ldsVersion;        // "1.7"
    QString unicodeVersion;    // "4.0.0"
    std::vector<int> dataGroups; // in the order listed: 1, 2, 14...

    static std::optional<LdsCom> parse(QByteArrayView data, QString* error);

    // The data group a tag of the tag list names (61 -> 1, 75 -> 2, 63 -> 3,
    // 76 -> 4, 65..6F -> 5..15, 70 -> 16), 0 for none; and back (0 for none).
    static int dataGroupOfTag(unsigned tag);
    static unsigned tagOfDataGroup(int number);
};

} // namespace fg
