// The traveler's display: a plain prompt per state, in the traveler's
// language (es, fr from the build tree's .qm files, English otherwise)
// without touching the officer's interface language; the text fits the
// screen, small or large, and never shows a digit or a name.
#include "ui/desk/TravelerDisplay.h"
#include "ui/session/Translations.h"

#include <QDir>
#include <QFileInfo>
#include <QGuiApplication>
#include <QLabel>
#include <QRegularExpression>
#include <QScreen>
#include <QTest>
#include <QTranslator>

using namespace fg;
using State = TravelerDisplay::State;

namespace {

const QList<State> kStates = {State::Welcome,  State::LookAtCamera, State::HoldStill,
                              State::ThankYou, State::SeeOfficer,   State::OptOutAccepted};

QLabel* titleLabel(TravelerDisplay& display)
{
    return display.findChild<QLabel*>(QStringLiteral("travelerTitle"));
}

QLabel* detailLabel(TravelerDisplay& display)
{
    return display.findChild<QLabel*>(QStringLiteral("travelerDetail"));
}

// What the traveler reads: the labels may break a prompt over two lines.
QString shown(QLabel* label)
{
    return label->text().replace(QLatin1Char('\n'), QLatin1Char(' '));
}

// The translations, exactly as in translations/facegate_{es,fr}.ts.
struct Words {
    const char* title;
    const char* detail;
};

Words spanish(State state)
{
    switch (state) {
    case State::Welcome:
        return {"Bienvenidos", "Siguiente viajero, acérquese, por favor"};
    case State::LookAtCamera:
        return {"Por favor, mire a la cámara", "Por favor, quítese las gafas de sol"};
    case State::HoldStill:
        return {"Por favor, no se mueva", "Tomando su foto"};
    case State::ThankYou:
        return {"Gracias", "Buen viaje"};
    case State::SeeOfficer:
        return {"Por favor, hable con el agente", "El agente le ayudará"};
    case State::OptOutAccepted:
        return {"No se tomará ninguna foto", "Un agente revisará su documento"};
    }
    return {"", ""};
}

Words french(State state)
{
    switch (state) {
    case State::Welcome:
        return {"Bienvenue", "Personne suivante, veuillez avancer"};
    case State::LookAtCamera:
        return {"Veuillez regarder la caméra", "Veuillez retirer vos lunettes de soleil"};
    case State::HoldStill:
        return {"Veuillez ne pas bouger", "Prise de votre photo en cours"};
    case State::ThankYou:
        return {"Merci", "Bon voyage"};
    case State::SeeOfficer:
        return {"Veuillez vous adresser à l'agent", "L'agent va vous aider"};
    case State::OptOutAccepted:
        return {"Aucune photo ne sera prise", "Un agent va vérifier votre document"};
    }
    return {"", ""};
}

// Shows the display at `size` and waits until it was laid out at that size.
bool showAt(TravelerDisplay& display, QSize size)
{
    display.show();
    if (!QTest::qWaitForWindowExposed(&display))
        return false;
    display.resize(size);
    return QTest::qWaitFor([&] { return display.size() == size; }, 5000);
}

} // namespace

class TestTravelerDisplay : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void translationsAreFoundInTheBuildTree()
    {
        QString error;
        const QString folder = Translations::directory(&error);
        QVERIFY2(!folder.isEmpty(), qPrintable(error));
        QVERIFY2(QFileInfo::exists(QDir(folder).filePath(QStringLiteral("facegate_es.qm"))), qPrintable(folder));
        QVERIFY2(QFileInfo::exists(QDir(folder).filePath(QStringLiteral("facegate_fr.qm"))), qPrintable(folder));
    }

    void eachStateShowsItsEnglishWords_data()
    {
        QTest::addColumn<State>("state");
        QTest::addColumn<QString>("title");
        QTest::addColumn<QString>("detail");
        QTest::newRow("welcome") << State::Welcome << "Welcome" << "Next traveler, please step forward";
        QTest::newRow("look") << State::LookAtCamera << "Please look at the camera" << "Please remove sunglasses";
        QTest::newRow("hold") << State::HoldStill << "Please hold still" << "Taking your photo";
        QTest::newRow("thanks") << State::ThankYou << "Thank you" << "Have a good journey";
        QTest::newRow("officer") << State::SeeOfficer << "Please see the officer" << "The officer will help you";
        QTest::newRow("opt-out") << State::OptOutAccepted << "No photo will be taken"
                                 << "An officer will check your document";
    }

    void eachStateShowsItsEnglishWords()
    {
        QFETCH(State, state);
        QFETCH(QString, title);
        QFETCH(QString, detail);
        TravelerDisplay display;
        QCOMPARE(display.state(), State::Welcome);
        QCOMPARE(display.language(), QStringLiteral("en"));
        display.setState(state);
        QCOMPARE(display.state(), state);
        QCOMPARE(display.title(), title);
        QCOMPARE(display.detail(), detail);
        QCOMPARE(shown(titleLabel(display)), title);
        QCOMPARE(shown(detailLabel(display)), detail);
        QCOMPARE(TravelerDisplay::sourceTitle(state), title);
        QCOMPARE(TravelerDisplay::sourceDetail(state), detail);
    }

    void spanishAndFrenchPrompts_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<State>("state");
        QTest::addColumn<QString>("title");
        QTest::addColumn<QString>("detail");
        for (const State state : kStates) {
            const QByteArray name = QByteArray::number(int(state));
            QTest::newRow(("es-" + name).constData()) << "es" << state << QString::fromUtf8(spanish(state).title)
                                                      << QString::fromUtf8(spanish(state).detail);
            QTest::newRow(("fr-" + name).constData()) << "fr" << state << QString::fromUtf8(french(state).title)
                                                      << QString::fromUtf8(french(state).detail);
        }
    }

    void spanishAndFrenchPrompts()
    {
        QFETCH(QString, language);
        QFETCH(State, state);
        QFETCH(QString, title);
        QFETCH(QString, detail);
        // A label of the officer's interface, translated with the application's tr().
        const auto officerWords = [] { return QCoreApplication::translate("fg::TravelerDisplay", "Thank you"); };
        QLabel officerLabel(officerWords());
        TravelerDisplay display;
        display.setState(state);
        QString error;
        QVERIFY2(display.setLanguage(language, &error), qPrintable(error));
        QCOMPARE(display.language(), language);
        QCOMPARE(shown(titleLabel(display)), title);
        QCOMPARE(shown(detailLabel(display)), detail);
        QCOMPARE(display.title(), title);
        QCOMPARE(display.detail(), detail);
        // The display's translator is its own: the application still speaks English.
        QCOMPARE(officerWords(), QStringLiteral("Thank you"));
        QCOMPARE(officerLabel.text(), QStringLiteral("Thank you"));
        // The state can change after the language: still translated.
        display.setState(State::Welcome);
        QCOMPARE(shown(titleLabel(display)),
                 QString::fromUtf8(language == QLatin1String("es") ? spanish(State::Welcome).title
                                                                   : french(State::Welcome).title));
    }

    void theOfficersLanguageDoesNotReachTheTraveler()
    {
        // The officer works in French (an application-wide translator) ...
        QTranslator officer;
        QVERIFY(officer.load(QStringLiteral("facegate_fr"), Translations::directory()));
        QVERIFY(QCoreApplication::installTranslator(&officer));
        TravelerDisplay display;
        display.setState(State::ThankYou);
        // ... the traveler reads English, or Spanish,
        QCOMPARE(shown(titleLabel(display)), QStringLiteral("Thank you"));
        QVERIFY(display.setLanguage(QStringLiteral("es")));
        QCOMPARE(shown(titleLabel(display)), QStringLiteral("Gracias"));
        QVERIFY(display.setLanguage(QStringLiteral("en")));
        QCOMPARE(shown(titleLabel(display)), QStringLiteral("Thank you"));
        // ... and the officer's French is untouched by either.
        QCOMPARE(QCoreApplication::translate("fg::TravelerDisplay", "Thank you"), QStringLiteral("Merci"));
        QVERIFY(QCoreApplication::removeTranslator(&officer));
    }

    void anUnknownLanguageFallsBackToEnglish()
    {
        TravelerDisplay display;
        display.setState(State::SeeOfficer);
        QVERIFY(display.setLanguage(QStringLiteral("fr")));
        QString error;
        QVERIFY(!display.setLanguage(QStringLiteral("de"), &error));
        QVERIFY(!error.isEmpty());
        QCOMPARE(display.language(), QStringLiteral("en"));
        QCOMPARE(shown(titleLabel(display)), QStringLiteral("Please see the officer"));
        QVERIFY(!display.setLanguage(QString()));
        QCOMPARE(display.title(), QStringLiteral("Please see the officer"));
        // A region or another case is the same language.
        QVERIFY(display.setLanguage(QStringLiteral("es_MX")));
        QCOMPARE(display.language(), QStringLiteral("es"));
        QVERIFY(display.setLanguage(QStringLiteral("FR")));
        QCOMPARE(display.title(), QStringLiteral("Veuillez vous adresser à l'agent"));
    }

    void theTextFits_data()
    {
        QTest::addColumn<QSize>("size");
        QTest::newRow("800x480") << QSize(800, 480);
        QTest::newRow("1920x1080") << QSize(1920, 1080);
    }

    void theTextFits()
    {
        QFETCH(QSize, size);
        TravelerDisplay display;
        QVERIFY(showAt(display, size));
        for (const QString& language : TravelerDisplay::languages()) {
            QVERIFY(display.setLanguage(language));
            for (const State state : kStates) {
                display.setState(state);
                QLabel* title = titleLabel(display);
                QLabel* detail = detailLabel(display);
                const QString what = language + QLatin1Char(' ') + display.title();
                QVERIFY2(title->sizeHint().width() <= size.width(), qPrintable(what));
                QVERIFY2(detail->sizeHint().width() <= size.width(), qPrintable(what));
                QVERIFY2(title->sizeHint().height() + detail->sizeHint().height() <= size.height(), qPrintable(what));
                // Laid out inside the window, with room for the whole text, one above the other.
                QVERIFY2(display.rect().contains(title->geometry()), qPrintable(what));
                QVERIFY2(display.rect().contains(detail->geometry()), qPrintable(what));
                QVERIFY2(title->width() >= title->sizeHint().width(), qPrintable(what));
                QVERIFY2(title->height() >= title->sizeHint().height(), qPrintable(what));
                QVERIFY2(detail->width() >= detail->sizeHint().width(), qPrintable(what));
                QVERIFY2(detail->height() >= detail->sizeHint().height(), qPrintable(what));
                QVERIFY2(title->geometry().bottom() < detail->geometry().top(), qPrintable(what));
                // Very large: the heading at least a twelfth of the height, above the line under it.
                QVERIFY2(title->font().pixelSize() >= size.height() / 12, qPrintable(what));
                QVERIFY2(title->font().pixelSize() > detail->font().pixelSize(), qPrintable(what));
            }
        }
    }

    void aSmallWindowGetsASmallerFont()
    {
        TravelerDisplay large;
        QVERIFY(showAt(large, QSize(1920, 1080)));
        TravelerDisplay small;
        QVERIFY(showAt(small, QSize(800, 480)));
        for (const State state : kStates) {
            large.setState(state);
            small.setState(state);
            QVERIFY(titleLabel(small)->font().pixelSize() < titleLabel(large)->font().pixelSize());
        }
    }

    // No digit (no score, no number) and nothing but the fixed prompts, in
    // every state and language. Names cannot appear by the API's design:
    // TravelerDisplay has no method taking free text, a name, a document or
    // a match outcome (only a State and a language code), so there is no way
    // to "set the state after setting a traveler's name" to test.
    void noDigitsNorPersonalData()
    {
        const QRegularExpression digit(QStringLiteral("\\d"));
        TravelerDisplay display;
        for (const QString& language : {QStringLiteral("en"), QStringLiteral("es"), QStringLiteral("fr")}) {
            QVERIFY(display.setLanguage(language));
            for (const State state : kStates) {
                display.setState(state);
                const QString title = shown(titleLabel(display));
                const QString detail = shown(detailLabel(display));
                QVERIFY2(!title.contains(digit) && !detail.contains(digit), qPrintable(title + detail));
                const Words expected = language == QLatin1String("es")   ? spanish(state)
                                       : language == QLatin1String("fr") ? french(state)
                                                                         : Words{nullptr, nullptr};
                QCOMPARE(title, expected.title ? QString::fromUtf8(expected.title) : TravelerDisplay::sourceTitle(state));
                QCOMPARE(detail, expected.detail ? QString::fromUtf8(expected.detail) : TravelerDisplay::sourceDetail(state));
            }
        }
        // Only these two labels carry text.
        const QList<QLabel*> labels = display.findChildren<QLabel*>();
        QCOMPARE(labels.size(), 2);
    }

    void aDefaultLanguageFromTheNationality_data()
    {
        QTest::addColumn<QString>("nationality");
        QTest::addColumn<QString>("language");
        QTest::newRow("Spain") << "ESP" << "es";
        QTest::newRow("Mexico") << "MEX" << "es";
        QTest::newRow("Argentina") << "ARG" << "es";
        QTest::newRow("Colombia") << "COL" << "es";
        QTest::newRow("France") << "FRA" << "fr";
        QTest::newRow("Belgium") << "BEL" << "fr";
        QTest::newRow("Senegal") << "SEN" << "fr";
        QTest::newRow("Canada is ambiguous") << "CAN" << "en";
        QTest::newRow("Switzerland is ambiguous") << "CHE" << "en";
        QTest::newRow("United States") << "USA" << "en";
        QTest::newRow("Germany, MRZ-padded") << "D<<" << "en";
        QTest::newRow("utopia (ICAO specimen)") << "UTO" << "en";
        QTest::newRow("lower case, spaces") << " esp " << "es";
        QTest::newRow("empty") << "" << "en";
    }

    void aDefaultLanguageFromTheNationality()
    {
        QFETCH(QString, nationality);
        QFETCH(QString, language);
        QCOMPARE(TravelerDisplay::languageForNationality(nationality), language);
    }

    void languageNamesAreInTheirOwnLanguage()
    {
        QCOMPARE(TravelerDisplay::languages(), (QStringList{QStringLiteral("en"), QStringLiteral("es"), QStringLiteral("fr")}));
        QCOMPARE(TravelerDisplay::languageName(QStringLiteral("es")), QStringLiteral("Español"));
        QCOMPARE(TravelerDisplay::languageName(QStringLiteral("fr")), QStringLiteral("Français"));
        QCOMPARE(TravelerDisplay::languageName(QStringLiteral("en")), QStringLiteral("English"));
    }

    void withOneScreenItIsAWindow()
    {
        // The offscreen platform has one screen: no traveler's screen, so the
        // display is an ordinary, framed window that does not take the focus.
        QCOMPARE(QGuiApplication::screens().size(), 1);
        QVERIFY(!TravelerDisplay::travelerScreen());
        TravelerDisplay display;
        display.present(QGuiApplication::primaryScreen());
        QVERIFY(QTest::qWaitForWindowExposed(&display));
        QVERIFY(display.isVisible());
        QVERIFY(display.isWindow());
        QVERIFY(!display.isFullScreen());
        QVERIFY(!(display.windowFlags() & Qt::FramelessWindowHint));
        QVERIFY(display.windowFlags() & Qt::WindowDoesNotAcceptFocus);
        display.close();
        display.present(nullptr);
        QVERIFY(display.isVisible());
        QVERIFY(!display.isFullScreen());
    }
};

QTEST_MAIN(TestTravelerDisplay)
#include "tst_travelerdisplay.moc"
