#pragma once

#include "core/documents/Mrz.h"

#include <QStringList>

#include <optional>
#include <vector>

namespace fg {

// Text as the officer typed or pasted it, or as a keyboard-wedge reader sent
// it, turned into the zone's lines, and the layout those lines have.
//
// Lines are split at any newline (\n, \r\n, \r, U+2028...), each trimmed of
// surrounding white space, blank lines dropped, a..z upper-cased (nothing
// else: Qt's full case mapping would turn one character into two). One line
// of 88, 72 or 90 characters is a reader's output with the separators lost
// and is cut into 2x44, 2x36 or 3x30; one line of two or three equal parts
// separated by spaces is split there. The layout follows from the line count,
// the lengths and the first character (V: a visa).
struct MrzInput {
    static constexpr int kMaxInputLength = 1024;

    QStringList lines;
    std::optional<MrzFormat> format; // none: no layout fits; see problems
    std::vector<MrzProblem> problems;

    static MrzInput read(const QString& text);
};

} // namespace fg
