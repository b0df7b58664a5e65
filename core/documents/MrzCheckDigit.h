#pragma once

#include <QChar>
#include <QStringView>

#include <optional>

namespace fg {

// The check digit of ICAO Doc 9303 Part 3, 4.9: weights 7, 3, 1 repeated,
// digits count as themselves, A..Z as 10..35, the filler '<' as 0; the sum
// modulo 10.
class MrzCheckDigit {
public:
    // True for the characters an MRZ may hold: A-Z, 0-9 and '<'.
    static bool isMrzCharacter(QChar c);
    // 0..35, or -1 for a character outside the zone's set.
    static int characterValue(QChar c);
    // The check digit over `text`; nullopt when it holds a character outside the set.
    static std::optional<int> compute(QStringView text);
};

} // namespace fg
