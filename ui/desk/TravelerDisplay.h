#pragma once

#include <QString>
#include <QStringList>
#include <QWidget>

#include <memory>

class QLabel;
class QScreen;
class QTranslator;

namespace fg {

// The traveler's window, for a second screen facing the traveler: one plain
// prompt in very large type (a heading and one short line under it), white on
// black, no icons, in the TRAVELER's language, which is independent of the
// officer's: the display loads its own QTranslator (never installed in the
// application), so setLanguage() leaves every other window as it is, and
// an application-wide translator does not change this window.
//
// By design the display shows only fixed prompts chosen by a State: no
// method takes free text, a name, a number or a score, so no personal data
// and no result can reach the traveler's screen or the people queueing
// behind. Every state also looks the same (no red for "see the officer").
// Object names for GUI tests: "travelerTitle", "travelerDetail".
class TravelerDisplay : public QWidget {
    Q_OBJECT
public:
    enum class State {
        Welcome,        // idle: next traveler, please step forward
        LookAtCamera,   // capture about to start
        HoldStill,      // capturing
        ThankYou,       // match confirmed
        SeeOfficer,     // no match, poor quality, referred to secondary: never says which
        OptOutAccepted, // photo declined: an officer will check the document
    };
    Q_ENUM(State)

    // A top-level window (no parent by default); call present() to show it.
    explicit TravelerDisplay(QWidget* parent = nullptr);
    ~TravelerDisplay() override;

    void setState(State state);
    State state() const { return m_state; }

    // "en", "es", "fr" (a region or case is ignored: "es_MX", "FR" work).
    // Anything else, or a language whose .qm file is missing, shows English;
    // then false with *error. language() is the language shown.
    bool setLanguage(const QString& code, QString* error = nullptr);
    QString language() const { return m_language; }

    // The prompts of the current state in the current language, unbroken
    // (the labels may split them over two lines to fit).
    QString title() const;
    QString detail() const;

    // Languages the display can speak, and each one's name in itself
    // ("English", "Español", "Français") for the officer's picker.
    static QStringList languages();
    static QString languageName(const QString& code);

    // A DEFAULT language for a traveler of the ICAO 9303 nationality code
    // (MRZ field, e.g. "ESP", "MEX" -> "es"; "FRA", "SEN" -> "fr"); "en" for
    // every other code, including countries with several languages where
    // neither es nor fr is clearly the first (CAN, CHE). The officer can
    // always change it: ask the traveler rather than trust the passport.
    static QString languageForNationality(const QString& icaoCode);

    // The screen the traveler faces: the first screen that is not the
    // primary one, or nullptr when there is only one screen.
    static QScreen* travelerScreen();
    // Shows the display frameless and full screen on `screen`; with no
    // screen, or when `screen` is the only one, as an ordinary window
    // beside the officer's. Never takes the keyboard focus.
    void present(QScreen* screen);

    // The English prompts of a state (the .ts sources).
    static QString sourceTitle(State state);
    static QString sourceDetail(State state);

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    QString translate(const char* source) const;
    void fit();

    State m_state = State::Welcome;
    QString m_language = QStringLiteral("en");
    std::unique_ptr<QTranslator> m_translator;
    QLabel* m_title = nullptr;
    QLabel* m_detail = nullptr;
};

} // namespace fg
