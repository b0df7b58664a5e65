// The officer's interface language: switched at run time (en -> es -> fr ->
// en) on live widgets, without recreating them; words that depend on state
// (the decision, a sign-in problem) written again in the new language; an
// unknown language refused with the language in use kept; and the Spanish
// and French .ts files complete, every %N of the source kept.
#include "core/security/AuditLog.h"
#include "core/security/Authenticator.h"
#include "core/security/KeyEncryptionKey.h"
#include "core/security/KeyStore.h"
#include "core/security/UserStore.h"
#include "core/storage/Database.h"
#include "core/storage/DatabaseUrl.h"
#include "core/workflow/AlternateProcedureStore.h"
#include "tests/support/TestAuditKey.h"
#include "ui/desk/AlternateProcedureLog.h"
#include "ui/desk/AlternateProcedureTableModel.h"
#include "ui/desk/CameraTile.h"
#include "ui/desk/MatchPanel.h"
#include "ui/desk/OptOutDialog.h"
#include "ui/session/FirstAdminDialog.h"
#include "ui/session/SignInDialog.h"
#include "ui/session/Translations.h"
#include "ui/supervision/FiguresCharts.h"

#include "tests/support/ManualClock.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QLocale>
#include <QTest>
#include <QXmlStreamReader>

#include <memory>

using namespace fg;

namespace {

const ScryptParams kLight{quint64(1) << 10, 8, 1};

template <typename T>
T* child(QWidget* parent, const char* name)
{
    T* found = parent->findChild<T*>(QLatin1String(name));
    if (!found)
        qWarning("no child %s", name);
    return found;
}

QString buttonText(QWidget* parent, const char* name)
{
    QPushButton* button = child<QPushButton>(parent, name);
    return button ? button->text() : QString();
}

// A records database and an authenticator, without users: enough to show
// the sign-in dialog and be refused.
struct Records {
    QTemporaryDir dir;
    test::ManualClock clock{QDateTime::currentDateTimeUtc()};
    std::unique_ptr<Database> database;
    std::unique_ptr<AuditLog> audit;
    std::unique_ptr<KeyStore> keys;
    std::unique_ptr<Authenticator> authenticator;
    std::unique_ptr<AlternateProcedureStore> procedures;

    bool open(QString* error)
    {
        const std::optional<DatabaseUrl> url =
            DatabaseUrl::parse(QStringLiteral("sqlite://") + dir.filePath(QStringLiteral("r.db")), error);
        if (!url)
            return false;
        DatabaseOptions options;
        options.clock = &clock;
        database = Database::open(*url, error, options);
        if (!database)
            return false;
        audit = std::make_unique<AuditLog>(*database, clock, fg::test::auditKey());
        const QString keyFile = dir.filePath(QStringLiteral("k.kek"));
        if (!KeyEncryptionKey::createKeyFile(keyFile, error))
            return false;
        keys = KeyStore::openWithKeyFile(*database, *audit, keyFile, QStringLiteral("test:setup"), error);
        if (!keys)
            return false;
        authenticator = std::make_unique<Authenticator>(*database, *audit, *keys, clock, LockoutPolicy(), kLight);
        procedures = std::make_unique<AlternateProcedureStore>(*database, *audit, clock);
        return true;
    }
};

CaptureResult aCapture()
{
    CaptureResult capture;
    capture.faceFound = true;
    capture.qualityPassed = false;
    capture.qualityWords = {QStringLiteral("too far"), QStringLiteral("2 faces in view")};
    return capture;
}

MatchOutcome noMatch()
{
    MatchOutcome outcome;
    outcome.decision = Encounter::Decision::NoMatch;
    outcome.score = 0.21;
    outcome.threshold = 0.35;
    outcome.reference = ReferencePerson{QStringLiteral("T-7"), QStringLiteral("Anna Eriksson"), QStringLiteral("UTO"),
                                        QStringLiteral("L898902C3"), QString()};
    return outcome;
}

// "%1 of %2" -> {1, 2}: the numbered places a translation must keep.
QSet<QString> placeholders(const QString& text)
{
    static const QRegularExpression marker(QStringLiteral("%(\\d+|n)"));
    QSet<QString> found;
    for (auto it = marker.globalMatch(text); it.hasNext();)
        found.insert(it.next().captured(0));
    return found;
}

} // namespace

class TestTranslations : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void cleanup()
    {
        QString error;
        QVERIFY2(Translations::apply(QStringLiteral("en"), &error), qPrintable(error));
    }

    void everyLanguageIsAvailable()
    {
        QCOMPARE(Translations::available(), (QStringList{QStringLiteral("en"), QStringLiteral("es"), QStringLiteral("fr")}));
        QCOMPARE(Translations::nativeName(QStringLiteral("en")), QStringLiteral("English"));
        QCOMPARE(Translations::nativeName(QStringLiteral("es")), QStringLiteral("Español"));
        QCOMPARE(Translations::nativeName(QStringLiteral("fr_FR")), QStringLiteral("Français"));
        QCOMPARE(Translations::current(), QStringLiteral("en"));
    }

    // Qt's own words (standard buttons) come with qt6-translations-l10n,
    // which installer/setup.sh installs.
    void standardButtonsFollowTheLanguage()
    {
        QString error;
        QDialogButtonBox buttons(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
        QVERIFY2(Translations::apply(QStringLiteral("es"), &error), qPrintable(error));
        QCOMPARE(buttons.button(QDialogButtonBox::Cancel)->text(), QStringLiteral("Cancelar"));
        QVERIFY2(Translations::apply(QStringLiteral("fr"), &error), qPrintable(error));
        QCOMPARE(buttons.button(QDialogButtonBox::Cancel)->text(), QStringLiteral("Annuler"));
        QVERIFY2(Translations::apply(QStringLiteral("en"), &error), qPrintable(error));
        QCOMPARE(buttons.button(QDialogButtonBox::Cancel)->text(), QStringLiteral("Cancel"));
    }

    void matchPanelSwitchesAndKeepsItsDecision()
    {
        MatchPanel panel;
        panel.showOutcome(aCapture(), noMatch());
        auto* decision = child<QLabel>(&panel, "decision");
        auto* quality = child<QLabel>(&panel, "qualityWords");
        QVERIFY(decision && quality);
        QCOMPARE(decision->text(), QStringLiteral("NO MATCH"));
        QCOMPARE(buttonText(&panel, "nextButton"), QStringLiteral("Next traveler (Ctrl+N)"));
        QCOMPARE(quality->text(), QStringLiteral("Quality: too far, 2 faces in view"));

        QString error;
        QVERIFY2(Translations::apply(QStringLiteral("es"), &error), qPrintable(error));
        QCOMPARE(Translations::current(), QStringLiteral("es"));
        QCOMPARE(decision->text(), QStringLiteral("NO COINCIDE"));
        QCOMPARE(buttonText(&panel, "nextButton"), QStringLiteral("Siguiente viajero (Ctrl+N)"));
        QCOMPARE(buttonText(&panel, "confirmButton"), QStringLiteral("Confirmar (Enter)"));
        QCOMPARE(quality->text(), QStringLiteral("Calidad: demasiado lejos, 2 rostros a la vista"));
        QVERIFY(child<QLabel>(&panel, "referenceDetails")->text().contains(QStringLiteral("Nacionalidad: UTO")));
        QVERIFY(child<QWidget>(&panel, "scoreBar")->toolTip().startsWith(QStringLiteral("puntuación 0.21")));
        // Issue 16, point 8: dates and percentages in the language's form.
        QCOMPARE(FiguresCharts::percent(0.813), QStringLiteral("81,3"));
        QCOMPARE(QLocale().toString(QDate(2026, 12, 4), QLocale::ShortFormat), QStringLiteral("4/12/26"));
        QCOMPARE(CameraTile::sourceWords(QStringLiteral("video file /clips/a.mp4")),
                 QStringLiteral("archivo de vídeo /clips/a.mp4"));
        using Result = AlternateProcedure::CheckResult;
        QCOMPARE(AlternateProcedureTableModel::checksSummary({{QStringLiteral("a"), Result::Passed}}),
                 QStringLiteral("1 superada"));
        QCOMPARE(AlternateProcedureTableModel::checksSummary(
                     {{QStringLiteral("a"), Result::Passed}, {QStringLiteral("b"), Result::Passed}}),
                 QStringLiteral("2 superadas"));

        QVERIFY2(Translations::apply(QStringLiteral("fr"), &error), qPrintable(error));
        QCOMPARE(decision->text(), QStringLiteral("AUCUNE CORRESPONDANCE"));
        QCOMPARE(buttonText(&panel, "overrideButton"), QStringLiteral("Modifier la décision… (Ctrl+O)"));
        QCOMPARE(quality->text(), QStringLiteral("Qualité : trop loin, 2 visages visibles"));

        QVERIFY2(Translations::apply(QStringLiteral("en"), &error), qPrintable(error));
        QCOMPARE(Translations::current(), QStringLiteral("en"));
        QCOMPARE(decision->text(), QStringLiteral("NO MATCH"));
        QCOMPARE(FiguresCharts::percent(0.813), QStringLiteral("81.3"));
        QCOMPARE(buttonText(&panel, "nextButton"), QStringLiteral("Next traveler (Ctrl+N)"));
        QCOMPARE(quality->text(), QStringLiteral("Quality: too far, 2 faces in view"));

        // Cleared, then a new outcome: the new language's words.
        QVERIFY2(Translations::apply(QStringLiteral("es"), &error), qPrintable(error));
        panel.clear();
        QCOMPARE(child<QLabel>(&panel, "captureImage")->text(), QStringLiteral("Esperando al viajero"));
        MatchOutcome match = noMatch();
        match.decision = Encounter::Decision::Match;
        panel.showOutcome(aCapture(), match);
        QCOMPARE(decision->text(), QStringLiteral("COINCIDE"));

        // What the desk said about the officer's action follows too.
        panel.showActionRecorded(
            [] { return QCoreApplication::translate("fg::InspectionDesk", "Confirmed · encounter %1").arg(42); });
        auto* action = child<QLabel>(&panel, "actionState");
        const QString spanish = action->text();
        QVERIFY2(!spanish.isEmpty() && spanish != QStringLiteral("Confirmed · encounter 42"), qPrintable(spanish));
        QVERIFY2(Translations::apply(QStringLiteral("en"), &error), qPrintable(error));
        QCOMPARE(action->text(), QStringLiteral("Confirmed · encounter 42"));
    }

    void optOutDialogSwitches()
    {
        OptOutDialog dialog(AlternateProcedure(), QDate(2010, 1, 1),
                            [](const AlternateProcedure&, QString*) -> std::optional<qint64> { return 1; });
        auto* outcome = child<QComboBox>(&dialog, "outcome");
        auto* check = child<QComboBox>(&dialog, "check-not-expired");
        auto* checks = child<QGroupBox>(&dialog, "visualChecks");
        QVERIFY(outcome && check && checks);
        QCOMPARE(dialog.windowTitle(), QStringLiteral("Opt-out: manual document verification"));
        QCOMPARE(outcome->itemText(0), QStringLiteral("Verified"));
        dialog.submit(); // nothing typed: refused, in words
        auto* message = child<QLabel>(&dialog, "optOutMessage");
        QVERIFY(message->text().startsWith(QStringLiteral("Not logged")));

        QString error;
        QVERIFY2(Translations::apply(QStringLiteral("es"), &error), qPrintable(error));
        QCOMPARE(dialog.windowTitle(), QStringLiteral("Renuncia: verificación manual del documento"));
        QCOMPARE(outcome->itemText(0), QStringLiteral("Verificado"));
        QCOMPARE(outcome->itemData(0).toInt(), int(AlternateProcedure::Outcome::Verified));
        QCOMPARE(check->itemText(1), QStringLiteral("superada"));
        QCOMPARE(checks->title(), QStringLiteral("Comprobaciones visuales"));
        QCOMPARE(buttonText(&dialog, "recordButton"), QStringLiteral("Re&gistrar procedimiento alternativo"));
        QVERIFY2(message->text().startsWith(QStringLiteral("No registrado")), qPrintable(message->text()));
        QCOMPARE(child<QPlainTextEdit>(&dialog, "mrzText")->placeholderText(),
                 QStringLiteral("Escriba, pegue o escanee la zona de lectura mecánica"));

        QVERIFY2(Translations::apply(QStringLiteral("fr"), &error), qPrintable(error));
        QCOMPARE(outcome->itemText(2), QStringLiteral("Orienté vers le contrôle approfondi"));
        QCOMPARE(checks->title(), QStringLiteral("Contrôles visuels"));
        QVERIFY2(message->text().startsWith(QStringLiteral("Non consigné")), qPrintable(message->text()));

        QVERIFY2(Translations::apply(QStringLiteral("en"), &error), qPrintable(error));
        QCOMPARE(outcome->itemText(0), QStringLiteral("Verified"));
        QCOMPARE(checks->title(), QStringLiteral("Visual checks"));
        QCOMPARE(buttonText(&dialog, "recordButton"), QStringLiteral("&Log alternate procedure"));
    }

    // The parser's problems and suggestions (core, QCoreApplication::translate)
    // follow the language too: the dialog reads the MRZ again on the switch.
    void optOutDialogShowsMrzProblemsInTheLanguage()
    {
        OptOutDialog dialog(AlternateProcedure(), QDate(2010, 1, 1),
                            [](const AlternateProcedure&, QString*) -> std::optional<qint64> { return 1; });
        auto* mrz = child<QPlainTextEdit>(&dialog, "mrzText");
        auto* problems = child<QLabel>(&dialog, "mrzProblems");
        QVERIFY(mrz && problems);
        // ICAO's TD3 specimen with an O read for the 0 of its document number.
        mrz->setPlainText(QStringLiteral("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n"
                                         "L8989O2C36UTO7408122F1204159ZE184226B<<<<<10"));
        QVERIFY2(problems->text().contains(QStringLiteral("check digit of the document number is")), qPrintable(problems->text()));
        QVERIFY2(problems->text().contains(QStringLiteral("0 for O at column 6")), qPrintable(problems->text()));

        QString error;
        QVERIFY2(Translations::apply(QStringLiteral("es"), &error), qPrintable(error));
        QVERIFY2(problems->text().contains(QStringLiteral("el dígito de control del número de documento es")),
                 qPrintable(problems->text()));
        QVERIFY2(problems->text().contains(QStringLiteral("¿quiso decir L898902C36 en lugar de L8989O2C36 "
                                                          "(0 en lugar de O en la columna 6)?")),
                 qPrintable(problems->text()));
        QVERIFY2(!problems->text().contains(QStringLiteral("check digit")), qPrintable(problems->text()));

        QVERIFY2(Translations::apply(QStringLiteral("fr"), &error), qPrintable(error));
        QVERIFY2(problems->text().contains(QStringLiteral("le chiffre de contrôle du numéro du document est")),
                 qPrintable(problems->text()));

        QVERIFY2(Translations::apply(QStringLiteral("en"), &error), qPrintable(error));
        QVERIFY2(problems->text().contains(QStringLiteral("did you mean L898902C36 instead of L8989O2C36")),
                 qPrintable(problems->text()));
    }

    void signInDialogSwitchesWithItsProblem()
    {
        Records records;
        QString error;
        QVERIFY2(records.open(&error), qPrintable(error));
        SignInDialog dialog(*records.authenticator);
        QCOMPARE(dialog.windowTitle(), QStringLiteral("FaceGate — sign in"));
        child<QLineEdit>(&dialog, "signInName")->setText(QStringLiteral("nobody"));
        child<QLineEdit>(&dialog, "signInPassword")->setText(QStringLiteral("wrong-password-here"));
        child<QLineEdit>(&dialog, "signInCode")->setText(QStringLiteral("123456"));
        dialog.submit();
        QTRY_VERIFY(!dialog.isChecking()); // the password is checked on a worker thread
        auto* message = child<QLabel>(&dialog, "signInMessage");
        QVERIFY2(message->text().startsWith(QStringLiteral("Not signed in")), qPrintable(message->text()));

        QVERIFY2(Translations::apply(QStringLiteral("fr"), &error), qPrintable(error));
        QCOMPARE(dialog.windowTitle(), QStringLiteral("FaceGate — connexion"));
        QCOMPARE(buttonText(&dialog, "signInButton"), QStringLiteral("&Se connecter"));
        QCOMPARE(child<QLineEdit>(&dialog, "signInCode")->placeholderText(),
                 QStringLiteral("6 chiffres de l'application d'authentification"));
        QVERIFY2(message->text().startsWith(QStringLiteral("Connexion refusée")), qPrintable(message->text()));

        QVERIFY2(Translations::apply(QStringLiteral("es"), &error), qPrintable(error));
        QCOMPARE(buttonText(&dialog, "signInLeave"), QStringLiteral("&Salir"));
        QVERIFY2(message->text().startsWith(QStringLiteral("No se inició sesión")), qPrintable(message->text()));

        QVERIFY2(Translations::apply(QStringLiteral("en"), &error), qPrintable(error));
        QCOMPARE(dialog.windowTitle(), QStringLiteral("FaceGate — sign in"));
        QVERIFY(message->text().startsWith(QStringLiteral("Not signed in")));
    }

    // The password policy's and the user names' refusals are core words the
    // administrator reads in the first-run dialog: in the interface language.
    void firstAdminRefusalsAreInTheLanguage()
    {
        Records records;
        QString error;
        QVERIFY2(records.open(&error), qPrintable(error));
        UserStore users(*records.database, *records.audit, kLight);
        QVERIFY2(Translations::apply(QStringLiteral("fr"), &error), qPrintable(error));
        FirstAdminDialog dialog(users, *records.keys, QStringLiteral("test:setup"));
        auto* message = child<QLabel>(&dialog, "adminMessage");
        child<QLineEdit>(&dialog, "adminName")->setText(QStringLiteral("admin"));
        child<QLineEdit>(&dialog, "adminPassword")->setText(QStringLiteral("short"));
        child<QLineEdit>(&dialog, "adminRepeat")->setText(QStringLiteral("short"));
        dialog.create();
        QVERIFY2(message->text().contains(QStringLiteral("le mot de passe est trop court")), qPrintable(message->text()));

        QVERIFY2(Translations::apply(QStringLiteral("es"), &error), qPrintable(error));
        child<QLineEdit>(&dialog, "adminName")->setText(QStringLiteral("9admin"));
        child<QLineEdit>(&dialog, "adminPassword")->setText(QStringLiteral("staple-gun-lantern-7"));
        child<QLineEdit>(&dialog, "adminRepeat")->setText(QStringLiteral("staple-gun-lantern-7"));
        dialog.create();
        QVERIFY2(message->text().contains(QStringLiteral("no es un nombre de usuario válido")), qPrintable(message->text()));
        QCOMPARE(users.hasUsers(&error), std::optional(false));
    }

    void logHeadersFollowTheLanguage()
    {
        Records records;
        QString error;
        QVERIFY2(records.open(&error), qPrintable(error));
        AlternateProcedureLog log(*records.procedures, records.clock);
        QAbstractItemModel* model = log.model();
        const int column = AlternateProcedureTableModel::Outcome;
        QCOMPARE(model->headerData(column, Qt::Horizontal).toString(), QStringLiteral("Outcome"));
        QSignalSpy headers(model, &QAbstractItemModel::headerDataChanged);
        QVERIFY2(Translations::apply(QStringLiteral("es"), &error), qPrintable(error));
        QVERIFY(headers.count() >= 1);
        QCOMPARE(model->headerData(column, Qt::Horizontal).toString(), QStringLiteral("Resultado"));
        QCOMPARE(child<QLabel>(&log, "countLabel")->text(), QStringLiteral("0 procedimientos"));
        QCOMPARE(child<QComboBox>(&log, "outcomeFilter")->itemText(0), QStringLiteral("cualquiera"));
        QVERIFY2(Translations::apply(QStringLiteral("fr"), &error), qPrintable(error));
        QCOMPARE(model->headerData(column, Qt::Horizontal).toString(), QStringLiteral("Résultat"));
        QCOMPARE(child<QLabel>(&log, "pageLabel")->text(), QStringLiteral("Page 1 sur 1"));
    }

    void unknownLanguageIsRefusedAndTheLanguageKept()
    {
        QString error;
        QVERIFY2(Translations::apply(QStringLiteral("es"), &error), qPrintable(error));
        MatchPanel panel;
        QVERIFY(!Translations::apply(QStringLiteral("xx"), &error));
        QVERIFY2(error.contains(QStringLiteral("\"xx\"")), qPrintable(error));
        QCOMPARE(Translations::current(), QStringLiteral("es"));
        QCOMPARE(buttonText(&panel, "nextButton"), QStringLiteral("Siguiente viajero (Ctrl+N)"));

        // A folder without the .qm: refused, naming the language and the folder.
        QTemporaryDir empty;
        qputenv("FACEGATE_TRANSLATIONS", QFile::encodeName(empty.path()));
        const bool applied = Translations::apply(QStringLiteral("fr"), &error);
        qputenv("FACEGATE_TRANSLATIONS", QByteArray(FACEGATE_TEST_QM_DIR));
        QVERIFY(!applied);
        QVERIFY2(error.contains(QStringLiteral("\"fr\"")) && error.contains(QStringLiteral("facegate_fr.qm")),
                 qPrintable(error));
        QCOMPARE(Translations::current(), QStringLiteral("es"));
    }

    void translationsAreComplete_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("es") << QStringLiteral("es");
        QTest::newRow("fr") << QStringLiteral("fr");
    }

    void translationsAreComplete()
    {
        QFETCH(QString, language);
        QFile file(QStringLiteral(FACEGATE_TS_SOURCE_DIR "/facegate_%1.ts").arg(language));
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
        QXmlStreamReader xml(&file);
        QStringList problems;
        int messages = 0;
        QString context;
        QString source;
        QString translationType;
        QStringList forms;
        QString text;
        bool numerus = false;
        while (!xml.atEnd()) {
            xml.readNext();
            if (xml.isStartElement()) {
                const auto name = xml.name();
                if (name == QLatin1String("message")) {
                    numerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
                    source.clear();
                    forms.clear();
                    text.clear();
                    translationType.clear();
                } else if (name == QLatin1String("name")) {
                    context = xml.readElementText();
                } else if (name == QLatin1String("source")) {
                    source = xml.readElementText();
                } else if (name == QLatin1String("translation")) {
                    translationType = xml.attributes().value(QLatin1String("type")).toString();
                    if (!numerus)
                        text = xml.readElementText();
                } else if (name == QLatin1String("numerusform")) {
                    forms << xml.readElementText();
                }
            } else if (xml.isEndElement() && xml.name() == QLatin1String("message")) {
                ++messages;
                const QString where = QStringLiteral("[%1] \"%2\"").arg(context, source);
                const QStringList shown = numerus ? forms : QStringList{text};
                if (!translationType.isEmpty())
                    problems << QStringLiteral("%1: %2").arg(where, translationType);
                else if (shown.isEmpty() || std::any_of(shown.begin(), shown.end(), [](const QString& t) { return t.isEmpty(); }))
                    problems << QStringLiteral("%1: no translation").arg(where);
                else
                    for (const QString& t : shown)
                        if (placeholders(t) != placeholders(source))
                            problems << QStringLiteral("%1: placeholders differ in \"%2\"").arg(where, t);
            }
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QVERIFY(messages > 100);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    }
};

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
