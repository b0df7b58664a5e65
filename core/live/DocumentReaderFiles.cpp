#include "core/live/DocumentReaderFiles.h"

#include "core/biometrics/ImageLoader.h"
#include "core/security/AuditLog.h"
#include "core/security/FileShredder.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace fg {
namespace {

// A zone is at most 3 lines of 44 characters; more is not read.
constexpr qint64 kZoneBytes = 4096;

QString whatIs(const QString& kind)
{
    return kind == QLatin1String("photo") ? QStringLiteral("document photo")
                                          : QStringLiteral("machine-readable zone file");
}

DocumentReaderFiles::Deletion destroy(const QString& path, const QString& kind, DocumentReaderFiles::Reason reason)
{
    DocumentReaderFiles::Deletion deletion;
    deletion.path = path;
    deletion.kind = kind;
    deletion.reason = reason;
    deletion.bytes = QFileInfo(path).size();
    FileShredder::Outcome outcome;
    deletion.deleted = FileShredder::shred(path, whatIs(kind), 0, &deletion.error, &outcome);
    deletion.overwritten = outcome.overwritten;
    return deletion;
}

} // namespace

QString DocumentReaderFiles::Deletion::fileName() const
{
    return QFileInfo(path).fileName();
}

QStringList DocumentReaderFiles::photoPatterns()
{
    return {QStringLiteral("*.jpg"), QStringLiteral("*.jpeg"), QStringLiteral("*.png"), QStringLiteral("*.bmp"),
            QStringLiteral("*.tif"), QStringLiteral("*.tiff"), QStringLiteral("*.webp")};
}

QStringList DocumentReaderFiles::zonesOf(const QString& photoPath)
{
    const QFileInfo photo(photoPath);
    QStringList zones;
    for (const QString& suffix : {QStringLiteral(".mrz"), QStringLiteral(".txt")}) {
        const QString zone = photo.dir().filePath(photo.completeBaseName() + suffix);
        if (QFileInfo::exists(zone))
            zones.append(zone);
    }
    return zones;
}

DocumentReaderFiles::Document DocumentReaderFiles::take(const QString& photoPath)
{
    Document document;
    document.photoPath = photoPath;
    const QString name = QFileInfo(photoPath).fileName();
    Reason reason = Reason::Imported;

    // Into memory first: once destroyed, these bytes are all there is.
    const ImageLoader::Limits limits;
    QFile photo(photoPath);
    if (photo.open(QIODevice::ReadOnly) && photo.size() <= limits.maxFileBytes)
        document.photo = photo.readAll();
    QString why;
    if (photo.size() > limits.maxFileBytes) {
        document.problem = QCoreApplication::translate("fg::DocumentReaderFiles",
                                                       "%1 holds %2 bytes, more than a photo may (%3)")
                               .arg(name)
                               .arg(photo.size())
                               .arg(limits.maxFileBytes);
        reason = Reason::Unreadable;
    } else if (document.photo.isEmpty()) {
        document.problem = QCoreApplication::translate("fg::DocumentReaderFiles", "%1 cannot be read: %2")
                               .arg(name, photo.errorString());
        reason = Reason::Unreadable;
    } else if (!ImageLoader(limits).decode(document.photo, &why)) {
        document.problem = QCoreApplication::translate("fg::DocumentReaderFiles", "%1 is not a photo FaceGate can read: %2")
                               .arg(name, why);
        reason = Reason::Undecodable;
    }
    photo.close();
    const QStringList zones = zonesOf(photoPath);
    for (const QString& path : zones) {
        QFile zone(path);
        if (zone.open(QIODevice::ReadOnly)) {
            document.mrzText = QString::fromUtf8(zone.read(kZoneBytes)).trimmed();
            break;
        }
    }
    if (reason != Reason::Imported)
        document.photo.clear(); // nothing of it goes further

    document.deletions.append(destroy(photoPath, QStringLiteral("photo"), reason));
    for (const QString& path : zones)
        document.deletions.append(destroy(path, QStringLiteral("zone"), reason));
    return document;
}

QList<DocumentReaderFiles::Deletion> DocumentReaderFiles::destroyUnread(const QStringList& paths, const QString& kind)
{
    QList<Deletion> deletions;
    for (const QString& path : paths)
        deletions.append(destroy(path, kind, Reason::Stale));
    return deletions;
}

QString DocumentReaderFiles::reasonName(Reason reason)
{
    switch (reason) {
    case Reason::Imported:
        return QStringLiteral("imported");
    case Reason::Undecodable:
        return QStringLiteral("undecodable");
    case Reason::Unreadable:
        return QStringLiteral("unreadable");
    case Reason::Stale:
        return QStringLiteral("stale");
    }
    return QString();
}

QJsonObject DocumentReaderFiles::auditDetails(const Deletion& deletion)
{
    QJsonObject details{{QStringLiteral("file"), deletion.fileName()},
                        {QStringLiteral("folder"), QFileInfo(deletion.path).absolutePath()},
                        {QStringLiteral("kind"), deletion.kind},
                        {QStringLiteral("bytes"), deletion.bytes},
                        {QStringLiteral("reason"), reasonName(deletion.reason)},
                        {QStringLiteral("deleted"), deletion.deleted}};
    if (!deletion.deleted) {
        details.insert(QStringLiteral("overwritten"), deletion.overwritten);
        details.insert(QStringLiteral("error"), deletion.error);
    }
    return details;
}

bool DocumentReaderFiles::record(const AuditLog& audit, const QString& actor, const Deletion& deletion, QString* error)
{
    return audit.record(actor, QStringLiteral("document.file.delete"),
                        QStringLiteral("document_reader:") + deletion.fileName(), auditDetails(deletion), error);
}

} // namespace fg
