#pragma once

#include <QString>
#include <QStringList>

namespace fg {

// Where the interface translations (facegate_<lang>.qm) are found at run
// time, first existing folder wins:
//   1. $FACEGATE_TRANSLATIONS,
//   2. <program dir>/../share/facegate/translations (the installed layout,
//      installer/Packaging.cmake),
//   3. the build tree's translations folder (lrelease's output), so programs
//      and tests run from the build tree find them.
// Needs a QCoreApplication for (2).
class Translations {
public:
    // The candidate folders, in the order above (absolute, cleaned).
    static QStringList searchPaths();
    // The first candidate that exists, or an empty string with *error.
    static QString directory(QString* error = nullptr);
};

} // namespace fg
