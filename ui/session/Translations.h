#pragma once

#include <QString>
#include <QStringList>

namespace fg {

// The officer's interface language, and where its translations are found.
//
// The .qm files (facegate_<lang>.qm) are looked for in, first existing
// folder wins:
//   1. $FACEGATE_TRANSLATIONS,
//   2. <program dir>/../share/facegate/translations (the installed layout,
//      installer/Packaging.cmake),
//   3. the build tree's translations folder (lrelease's output), so programs
//      and tests run from the build tree find them.
// Needs a QCoreApplication for (2).
//
// apply() installs the interface translators on the QCoreApplication (as its
// children, found again by object name: no state is kept here); Qt then sends
// QEvent::LanguageChange to every widget, and each widget's retranslate()
// (called from changeEvent) sets its words again. The traveler's display keeps
// its own translator and is not affected.
class Translations {
public:
    // The candidate folders, in the order above (absolute, cleaned).
    static QStringList searchPaths();
    // The first candidate that exists, or an empty string with *error.
    static QString directory(QString* error = nullptr);

    // Every interface language FaceGate knows: "en", "es", "fr".
    static QStringList known();
    // The known languages whose translation can be loaded now: "en" always,
    // the others when facegate_<lang>.qm is in directory().
    static QStringList available();
    // The language's name in itself, for a menu: "English", "Español",
    // "Français"; the code itself when unknown.
    static QString nativeName(const QString& language);
    // "es" for "es", "es_ES" or "ES-mx"; the system locale's language for "".
    static QString baseLanguage(const QString& language);

    // Makes `language` the interface language: removes the interface
    // translators installed before and installs facegate_<lang>.qm, with Qt's
    // own qtbase_<lang>.qm (standard buttons) when Qt's translations folder
    // has it. "en" installs none (English is the source language); "" is the
    // system locale's language, or English when FaceGate has no translation
    // for it. The widgets are retranslated before this returns. False with
    // *error (naming the language and the folder) for an unknown language or
    // a .qm that cannot be read; the language in use stays as it was.
    static bool apply(const QString& language, QString* error = nullptr);
    // The interface language in use: "en" when no translation is installed.
    static QString current();
};

} // namespace fg
