#include "ui/session/Translations.h"

#include <QCoreApplication>
#include <QDir>
#include <QEvent>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

#include <memory>
#include <vector>

namespace fg {
namespace {

// The object name of the interface translators apply() installs as children
// of the QCoreApplication, so the next apply() finds and removes them.
const QString kInterfaceTranslator = QStringLiteral("facegate-interface-translator");
// The property on each translator holding its language code ("es").
const char* const kLanguageProperty = "facegateLanguage";

QString qmName(const QString& prefix, const QString& language)
{
    return prefix + language + QStringLiteral(".qm");
}

} // namespace

QStringList Translations::searchPaths()
{
    QStringList paths;
    const QString fromEnvironment = qEnvironmentVariable("FACEGATE_TRANSLATIONS");
    if (!fromEnvironment.isEmpty())
        paths << QDir::cleanPath(QDir(fromEnvironment).absolutePath());
    if (QCoreApplication::instance())
        paths << QDir::cleanPath(QCoreApplication::applicationDirPath()
                                 + QStringLiteral("/../share/facegate/translations"));
#ifdef FACEGATE_BUILD_TRANSLATIONS_DIR
    paths << QDir::cleanPath(QStringLiteral(FACEGATE_BUILD_TRANSLATIONS_DIR));
#endif
    paths.removeDuplicates();
    return paths;
}

QString Translations::directory(QString* error)
{
    const QStringList paths = searchPaths();
    for (const QString& path : paths) {
        if (QFileInfo(path).isDir())
            return path;
    }
    if (error)
        *error = QStringLiteral("no translations folder; looked in %1 (set FACEGATE_TRANSLATIONS)")
                     .arg(paths.join(QStringLiteral(", ")));
    return QString();
}

QStringList Translations::known()
{
    return {QStringLiteral("en"), QStringLiteral("es"), QStringLiteral("fr")};
}

QStringList Translations::available()
{
    QStringList languages{QStringLiteral("en")};
    const QString folder = directory();
    if (folder.isEmpty())
        return languages;
    for (const QString& language : known()) {
        if (language != QLatin1String("en")
            && QFileInfo(QDir(folder).filePath(qmName(QStringLiteral("facegate_"), language))).isReadable())
            languages << language;
    }
    return languages;
}

QString Translations::nativeName(const QString& language)
{
    const QString base = baseLanguage(language);
    if (base == QLatin1String("en"))
        return QStringLiteral("English");
    if (base == QLatin1String("es"))
        return QStringLiteral("Español");
    if (base == QLatin1String("fr"))
        return QStringLiteral("Français");
    return language;
}

QString Translations::baseLanguage(const QString& language)
{
    const QString code = language.trimmed().isEmpty() ? QLocale::system().name() : language.trimmed();
    return code.section(QLatin1Char('_'), 0, 0).section(QLatin1Char('-'), 0, 0).toLower();
}

bool Translations::apply(const QString& language, QString* error)
{
    auto* application = QCoreApplication::instance();
    if (!application) {
        if (error)
            *error = QStringLiteral("the interface language cannot be set before the application exists");
        return false;
    }
    QString wanted = baseLanguage(language);
    if (language.trimmed().isEmpty() && !available().contains(wanted))
        wanted = QStringLiteral("en"); // the system's language has no translation: English

    // Load first: a failure leaves the language in use as it is.
    std::vector<std::unique_ptr<QTranslator>> loaded;
    if (wanted != QLatin1String("en")) {
        if (!known().contains(wanted)) {
            if (error)
                *error = QStringLiteral("no interface translation for \"%1\"; FaceGate has %2")
                             .arg(language, known().join(QStringLiteral(", ")));
            return false;
        }
        QString why;
        const QString folder = directory(&why);
        if (folder.isEmpty()) {
            if (error)
                *error = QStringLiteral("no interface translation for \"%1\": %2").arg(language, why);
            return false;
        }
        auto own = std::make_unique<QTranslator>();
        if (!own->load(qmName(QStringLiteral("facegate_"), wanted), folder)) {
            if (error)
                *error = QStringLiteral("no interface translation for \"%1\": cannot read %2")
                             .arg(language, QDir::toNativeSeparators(
                                                QDir(folder).filePath(qmName(QStringLiteral("facegate_"), wanted))));
            return false;
        }
        loaded.push_back(std::move(own));
        // Qt's own words (standard buttons, file dialogs), when installed.
        auto qt = std::make_unique<QTranslator>();
        if (qt->load(qmName(QStringLiteral("qtbase_"), wanted), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
            loaded.push_back(std::move(qt));
    } else {
        // English needs no translation but its plural forms ("1 photo", "2
        // photos" for "%n photo(s)"): from facegate_en.qm when it is there.
        QString why;
        const QString folder = directory(&why);
        auto english = std::make_unique<QTranslator>();
        if (!folder.isEmpty() && english->load(qmName(QStringLiteral("facegate_"), wanted), folder))
            loaded.push_back(std::move(english));
    }

    const QList<QTranslator*> previous =
        application->findChildren<QTranslator*>(kInterfaceTranslator, Qt::FindDirectChildrenOnly);
    for (QTranslator* translator : previous) {
        QCoreApplication::removeTranslator(translator);
        delete translator;
    }
    for (std::unique_ptr<QTranslator>& translator : loaded) {
        translator->setObjectName(kInterfaceTranslator);
        translator->setProperty(kLanguageProperty, wanted);
        translator->setParent(application);
        QCoreApplication::installTranslator(translator.release());
    }
    // Dates and numbers in the interface language's form too ("4/12/26",
    // "81,3"), not the system's; English keeps the system's own English
    // (a US or a UK port), else the C locale's.
    QLocale::setDefault(wanted == QLatin1String("en")
                            ? (QLocale::system().language() == QLocale::English ? QLocale::system() : QLocale::c())
                            : QLocale(wanted));
    // QApplication posts LanguageChange to the windows; deliver it now, so
    // every widget speaks the new language when this returns.
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LanguageChange);
    return true;
}

QString Translations::current()
{
    auto* application = QCoreApplication::instance();
    if (!application)
        return QStringLiteral("en");
    const QList<QTranslator*> installed =
        application->findChildren<QTranslator*>(kInterfaceTranslator, Qt::FindDirectChildrenOnly);
    return installed.isEmpty() ? QStringLiteral("en") : installed.constFirst()->property(kLanguageProperty).toString();
}

} // namespace fg
