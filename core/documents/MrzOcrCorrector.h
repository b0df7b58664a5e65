#pragma once

#include "core/documents/MrzLayout.h"

#include <QString>

#include <functional>
#include <optional>
#include <vector>

namespace fg {

// The misreadings of OCR engines and of officers typing from the page: O and
// 0, I and 1, B and 8, S and 5, Z and 2. Corrections are proposed, never made.
class MrzOcrCorrector {
public:
    // Bounds of the search, so that a bad line never costs more than a few
    // hundred check-digit computations: at most kMaxPositions candidate
    // positions, subsets of at most kMaxSubstitutions of them, and only the
    // smallest subsets that succeed (at most kMaxSuggestions of them).
    static constexpr int kMaxPositions = 12;
    static constexpr int kMaxSubstitutions = 3;
    static constexpr int kMaxSuggestions = 3;

    // The character `c` is confused with, or a null QChar.
    static QChar confusedWith(QChar c);
    // Whether `c` is out of place where `expect` holds (a letter in a date).
    static bool suspicious(QChar c, MrzExpect expect);
    // What to try at a position that expects `expect`: where a digit is
    // expected only a letter is swapped (to its digit), where a letter is
    // expected only a digit; elsewhere either way. Null when nothing to try.
    static QChar alternative(QChar c, MrzExpect expect);

    // `text` with every suspicious character swapped for its partner;
    // nullopt when there is none or one has no partner.
    static std::optional<QString> fixSuspicious(const QString& text, MrzExpect expect);

    struct Position {
        int index;        // into the text searched
        MrzExpect expect;
    };
    // Variants of `text` with 1..kMaxSubstitutions swaps at `positions` that
    // `accept` takes, fewest swaps first; suspicious positions are tried
    // first. Each variant differs from `text` only at the positions given.
    static std::vector<QString> search(const QString& text, std::vector<Position> positions,
                                       const std::function<bool(const QString&)>& accept);

    // "0 for O at column 6, 8 for B at column 9": the swaps between two
    // texts, `firstColumn` being the column of their first character.
    static QString describeChanges(const QString& from, const QString& to, int firstColumn);
};

} // namespace fg
