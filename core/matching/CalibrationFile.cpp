#include "core/matching/CalibrationFile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace fg::calibration {

std::optional<QByteArray> readFile(const QString& path, const QString& what, QString* error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QStringLiteral("cannot open %1 %2: %3").arg(what, path, file.errorString());
        return std::nullopt;
    }
    if (file.size() > kMaxFileBytes) {
        if (error)
            *error = QStringLiteral("%1 is %2 bytes: not a %3").arg(path).arg(file.size()).arg(what);
        return std::nullopt;
    }
    return file.read(kMaxFileBytes + 1).left(kMaxFileBytes);
}

bool writeFile(const QString& path, const QByteArray& json, const QString& what, QString* error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(json) != json.size() || !file.commit()) {
        if (error)
            *error = QStringLiteral("cannot write %1 %2: %3").arg(what, path, file.errorString());
        return false;
    }
    return true;
}

QStringList embeddedTables(const QString& folder)
{
    const QDir embedded(folder);
    QStringList paths;
    for (const QString& name : embedded.entryList(QDir::Files, QDir::Name))
        paths << embedded.filePath(name);
    return paths;
}

QString noTableFor(const QString& modelId, const QString& what, const QStringList& embedded, const QString& howToMake)
{
    QStringList names;
    for (const QString& path : embedded)
        names << QFileInfo(path).fileName();
    return QStringLiteral("no %1 for model %2 (embedded: %3); %4")
        .arg(what, modelId, names.isEmpty() ? QStringLiteral("none") : names.join(QStringLiteral(", ")), howToMake);
}

} // namespace fg::calibration
