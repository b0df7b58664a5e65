#pragma once

#include "core/documents/Mrz.h"

#include <QDate>
#include <QString>

namespace fg {

// Reads a machine-readable zone (typed, pasted, or from a keyboard-wedge
// reader; see MrzInput for what is tolerated) and checks it as ICAO Doc 9303
// says: the layout (TD1, TD2, TD3, MRV-A, MRV-B), the character set, every
// check digit including the composite, the field rules (document code, state
// codes, name, sex), the dates, and expiry against `today`.
//
// Never fails outright: the result holds the document whenever the layout was
// recognised, and one problem per fault, each naming its field, where it is
// and what was expected against what was found; a failing check digit or a
// misplaced letter or digit comes with corrections for the usual OCR
// confusions (MrzOcrCorrector). Time is not read here: `today` is injected.
class MrzParser {
public:
    static MrzResult parse(const QString& text, const QDate& today);
};

} // namespace fg
