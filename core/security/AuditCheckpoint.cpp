#include "core/security/AuditCheckpoint.h"

#include "core/security/AuditKey.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QtEndian>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace fg {
namespace {

const char* const kFormat = "facegate-audit-checkpoint-v1";

void addField(QByteArray* bytes, const QByteArray& field)
{
    const quint64 length = qToBigEndian(static_cast<quint64>(field.size()));
    bytes->append(reinterpret_cast<const char*>(&length), sizeof length);
    bytes->append(field);
}

bool makeFolder(const QString& folder, QString* error)
{
    QStringList missing;
    for (QString f = QDir::cleanPath(folder); !QFileInfo::exists(f); f = QFileInfo(f).absolutePath())
        missing.prepend(f);
    for (const QString& f : missing) {
        if (::mkdir(QFile::encodeName(f).constData(), 0700) != 0 && errno != EEXIST) {
            *error = QStringLiteral("cannot create the checkpoint folder %1: %2").arg(f, qt_error_string(errno));
            return false;
        }
    }
    return true;
}

} // namespace

QByteArray AuditCheckpoint::signedBytes() const
{
    QByteArray bytes;
    addField(&bytes, QByteArray(kFormat));
    addField(&bytes, databaseId.toUtf8());
    addField(&bytes, QByteArray::number(seq));
    addField(&bytes, headHash.toLatin1());
    addField(&bytes, QByteArray::number(atMs));
    addField(&bytes, keyId.toLatin1());
    return bytes;
}

bool AuditCheckpoint::sign(const AuditKey& key, QString* error)
{
    keyId = key.id();
    signature = key.sign(signedBytes(), error);
    return !signature.isEmpty();
}

bool AuditCheckpoint::signatureValid(QByteArrayView publicKey) const
{
    return AuditKey::verifySignature(publicKey, signedBytes(), signature);
}

QJsonObject AuditCheckpoint::toJson() const
{
    return QJsonObject{{QStringLiteral("format"), QString::fromLatin1(kFormat)},
                       {QStringLiteral("database_id"), databaseId},
                       {QStringLiteral("seq"), seq},
                       {QStringLiteral("head_hash"), headHash},
                       {QStringLiteral("at"), atMs},
                       {QStringLiteral("at_utc"),
                        QDateTime::fromMSecsSinceEpoch(atMs, Qt::UTC).toString(Qt::ISODateWithMs)},
                       {QStringLiteral("key_id"), keyId},
                       {QStringLiteral("signature"), QString::fromLatin1(signature.toBase64())}};
}

std::optional<AuditCheckpoint> AuditCheckpoint::fromJson(const QJsonObject& json, QString* error)
{
    if (json.value(QStringLiteral("format")).toString() != QLatin1String(kFormat)) {
        *error = QStringLiteral("not a FaceGate audit checkpoint (format is not %1)").arg(QLatin1String(kFormat));
        return std::nullopt;
    }
    AuditCheckpoint checkpoint;
    checkpoint.databaseId = json.value(QStringLiteral("database_id")).toString();
    checkpoint.seq = json.value(QStringLiteral("seq")).toInteger(-1);
    checkpoint.headHash = json.value(QStringLiteral("head_hash")).toString();
    checkpoint.atMs = json.value(QStringLiteral("at")).toInteger(-1);
    checkpoint.keyId = json.value(QStringLiteral("key_id")).toString();
    checkpoint.signature = QByteArray::fromBase64(json.value(QStringLiteral("signature")).toString().toLatin1());
    if (checkpoint.databaseId.isEmpty() || checkpoint.seq < 1 || checkpoint.headHash.isEmpty() || checkpoint.atMs < 0) {
        *error = QStringLiteral("a field is missing or out of range (database_id, seq, head_hash, at)");
        return std::nullopt;
    }
    return checkpoint;
}

bool AuditCheckpoint::write(const QString& folder, QString* path, QString* error) const
{
    if (!makeFolder(folder, error))
        return false;
    *path = QDir(folder).filePath(
        QStringLiteral("audit-checkpoint-%1-%2-%3.json").arg(databaseId).arg(seq, 12, 10, QLatin1Char('0')).arg(atMs));
    const QByteArray text = QJsonDocument(toJson()).toJson(QJsonDocument::Indented);
    const QByteArray native = QFile::encodeName(*path);
    const int fd = ::open(native.constData(), O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC | O_NOFOLLOW, 0644);
    if (fd < 0) {
        *error = QStringLiteral("cannot create the audit checkpoint %1: %2").arg(*path, qt_error_string(errno));
        return false;
    }
    qsizetype done = 0;
    while (done < text.size()) {
        const ssize_t written = ::write(fd, text.constData() + done, size_t(text.size() - done));
        if (written < 0 && errno == EINTR)
            continue;
        if (written <= 0)
            break;
        done += written;
    }
    const bool ok = done == text.size() && ::fsync(fd) == 0;
    const int savedErrno = errno;
    ::close(fd);
    if (!ok) {
        *error = QStringLiteral("cannot write the audit checkpoint %1: %2").arg(*path, qt_error_string(savedErrno));
        ::unlink(native.constData());
        return false;
    }
    return true;
}

bool AuditCheckpoint::readFolder(const QString& folder, std::vector<File>* files, QString* error)
{
    const QDir dir(folder);
    if (!dir.exists()) {
        *error = QStringLiteral("the checkpoint folder %1 does not exist").arg(folder);
        return false;
    }
    files->clear();
    for (const QFileInfo& info : dir.entryInfoList({QStringLiteral("audit-checkpoint-*.json")}, QDir::Files, QDir::Name)) {
        File file;
        file.path = info.filePath();
        QFile in(file.path);
        QJsonParseError parse;
        if (!in.open(QIODevice::ReadOnly)) {
            file.problem = QStringLiteral("cannot be read: %1").arg(in.errorString());
        } else {
            const QJsonDocument document = QJsonDocument::fromJson(in.read(1 << 20), &parse);
            if (!document.isObject())
                file.problem = QStringLiteral("is not a JSON object");
            else
                file.checkpoint = fromJson(document.object(), &file.problem);
        }
        files->push_back(std::move(file));
    }
    return true;
}

} // namespace fg
