#include "ui/widgets/RecentFolders.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>

namespace fg {
namespace {

QSettings store()
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation);
    return QSettings(QDir(folder).filePath(QStringLiteral("recent-folders.ini")), QSettings::IniFormat);
}

} // namespace

QString RecentFolders::folder(const QString& kind)
{
    const QString folder = store().value(kind).toString();
    return !folder.isEmpty() && QFileInfo(folder).isDir() ? folder : QString();
}

void RecentFolders::remember(const QString& kind, const QString& chosenFile)
{
    if (chosenFile.isEmpty())
        return;
    QSettings settings = store();
    settings.setValue(kind, QFileInfo(chosenFile).absolutePath());
}

QString RecentFolders::inLastFolder(const QString& kind, const QString& suggestedName)
{
    const QString last = folder(kind);
    if (last.isEmpty() || QFileInfo(suggestedName).isAbsolute())
        return suggestedName;
    return QDir(last).filePath(QFileInfo(suggestedName).fileName());
}

QString RecentFolders::openFile(QWidget* parent, const QString& kind, const QString& title, const QString& filter)
{
    const QString path = QFileDialog::getOpenFileName(parent, title, folder(kind), filter);
    remember(kind, path);
    return path;
}

QString RecentFolders::saveFile(QWidget* parent, const QString& kind, const QString& title,
                                const QString& suggestedName, const QString& filter)
{
    const QString path = QFileDialog::getSaveFileName(parent, title, inLastFolder(kind, suggestedName), filter);
    remember(kind, path);
    return path;
}

} // namespace fg
