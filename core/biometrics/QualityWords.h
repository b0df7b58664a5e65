#pragma once

#include <QString>

namespace fg {

// The short words of a failed quality check, as the officer reads them next
// to the capture ("too far", "turn head", "2 faces in view"). Reports, JSON
// and stored encounters keep QualityCheck::reason in English; only what is
// shown goes through translated(), in the interface language the GUI
// installed (context "fg::QualityWords"; the source text without one).
class QualityWords {
public:
    // "turn head: turned 23 degrees sideways, ..." -> "turn head";
    // "2 faces in view, at most 1 allowed: ..." -> "2 faces in view".
    static QString of(const QString& reason);
    // The words in the interface language; words it does not know unchanged.
    static QString translated(const QString& words);
};

} // namespace fg
