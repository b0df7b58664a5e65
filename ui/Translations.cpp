#include "ui/Translations.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace fg {

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

} // namespace fg
