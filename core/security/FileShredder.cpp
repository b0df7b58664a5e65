#include "core/security/FileShredder.h"

#include "core/security/CryptoRandom.h"
#include "core/security/FileDescriptor.h"

#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <cerrno>
#include <fcntl.h>
#include <optional>
#include <sys/stat.h>
#include <unistd.h>

namespace fg {
namespace {

// Random bytes are written in pieces of this size: a photo of megabytes never
// needs a buffer of its size.
constexpr qint64 kPieceBytes = 64 * 1024;

} // namespace

bool FileShredder::shred(const QString& path, const QString& what, qint64 minimumBytes, QString* error, Outcome* outcome)
{
    Outcome done;
    if (outcome)
        *outcome = done;
    const QByteArray native = QFile::encodeName(path);
    // O_NOFOLLOW: a link planted in the file's place is not followed to
    // overwrite whatever it points at.
    FileDescriptor file(::open(native.constData(), O_WRONLY | O_CLOEXEC | O_NOFOLLOW | O_NOCTTY | O_NONBLOCK));
    if (file.get() < 0) {
        *error = QStringLiteral("cannot open %1 %2 to destroy it: %3").arg(what, path, systemError());
        return false;
    }
    struct stat status {};
    if (::fstat(file.get(), &status) != 0 || !S_ISREG(status.st_mode)) {
        *error = QStringLiteral("%1 %2 is not a regular file; it was not destroyed").arg(what, path);
        return false;
    }
    const qint64 total = std::max<qint64>(status.st_size, minimumBytes);
    for (qint64 at = 0; at < total; at += kPieceBytes) {
        const std::optional<QByteArray> noise = CryptoRandom::bytes(int(std::min(kPieceBytes, total - at)), error);
        if (!noise)
            return false;
        if (!writeAll(file.get(), noise->constData(), noise->size())) {
            *error = QStringLiteral("cannot overwrite %1 %2: %3").arg(what, path, systemError());
            return false;
        }
    }
    if (::fsync(file.get()) != 0) {
        *error = QStringLiteral("cannot overwrite %1 %2: %3").arg(what, path, systemError());
        return false;
    }
    done.overwritten = true;
    if (outcome)
        *outcome = done;
    if (!file.close() || ::unlink(native.constData()) != 0) {
        *error = QStringLiteral("cannot remove %1 %2: %3").arg(what, path, systemError());
        return false;
    }
    done.removed = true;
    if (outcome)
        *outcome = done;
    // Make the removal durable too (best effort: some file systems refuse).
    FileDescriptor parent(::open(QFile::encodeName(QFileInfo(path).absolutePath()).constData(),
                             O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (parent.get() >= 0)
        static_cast<void>(::fsync(parent.get()));
    return true;
}

} // namespace fg
