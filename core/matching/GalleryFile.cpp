#include "core/matching/GalleryFile.h"

#include <QCryptographicHash>
#include <QDataStream>
#include <QFile>
#include <QSaveFile>
#include <QtEndian>

#include <bit>
#include <cmath>
#include <cstring>

namespace fg {

namespace {

constexpr char kMagic[4] = {'F', 'G', 'G', 'L'};
constexpr qint64 kPreambleSize = 4 + 2 + 4;
constexpr qint64 kChecksumSize = 32;
constexpr qint64 kRowBytes = Gallery::kDimension * 4;
constexpr qint64 kChunkRows = 1024;

static_assert(std::endian::native == std::endian::little,
              "gallery rows are written as raw little-endian floats");

bool fail(QString* error, const QString& why)
{
    if (error)
        *error = why;
    return false;
}

} // namespace

bool GalleryFile::save(const Gallery& gallery, const QString& path, QString* error)
{
    QByteArray header;
    {
        QDataStream out(&header, QIODevice::WriteOnly);
        out.setVersion(QDataStream::Qt_6_4);
        out.setByteOrder(QDataStream::LittleEndian);
        out << gallery.modelId() << quint32(Gallery::kDimension) << quint64(gallery.size());
        for (const GalleryEntry& e : gallery.m_entries)
            out << e.travelerId << e.name << e.citizenship << e.documentNumber << e.photoPath;
    }
    QByteArray preamble(kMagic, 4);
    char number[4];
    qToLittleEndian<quint16>(kFormatVersion, number);
    preamble.append(number, 2);
    qToLittleEndian<quint32>(static_cast<quint32>(header.size()), number);
    preamble.append(number, 4);

    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(error, QStringLiteral("cannot write gallery file %1: %2").arg(path, file.errorString()));
    QCryptographicHash hash(QCryptographicHash::Sha256);
    auto write = [&](const char* data, qint64 size) {
        hash.addData(QByteArrayView(data, size));
        return file.write(data, size) == size;
    };
    bool ok = write(preamble.constData(), preamble.size()) && write(header.constData(), header.size());
    const char* rows = reinterpret_cast<const char*>(gallery.data());
    const qint64 total = qint64(gallery.size()) * kRowBytes;
    for (qint64 offset = 0; ok && offset < total; offset += kChunkRows * kRowBytes)
        ok = write(rows + offset, std::min(kChunkRows * kRowBytes, total - offset));
    const QByteArray digest = hash.result();
    ok = ok && file.write(digest) == digest.size();
    if (!ok || !file.commit())
        return fail(error, QStringLiteral("cannot write gallery file %1: %2").arg(path, file.errorString()));
    return true;
}

std::optional<Gallery> GalleryFile::load(const QString& path, const QString& expectedModelId, QString* error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        fail(error, QStringLiteral("cannot open gallery file %1: %2").arg(path, file.errorString()));
        return std::nullopt;
    }
    const qint64 fileSize = file.size();
    const QByteArray preamble = file.read(kPreambleSize);
    if (preamble.size() < 4 || std::memcmp(preamble.constData(), kMagic, 4) != 0) {
        fail(error, QStringLiteral("%1 is not a FaceGate gallery file (no FGGL signature)").arg(path));
        return std::nullopt;
    }
    if (preamble.size() < kPreambleSize || fileSize < kPreambleSize + kChecksumSize) {
        fail(error, QStringLiteral("gallery file %1 is truncated (%2 bytes)").arg(path).arg(fileSize));
        return std::nullopt;
    }
    const quint16 version = qFromLittleEndian<quint16>(preamble.constData() + 4);
    if (version != kFormatVersion) {
        fail(error, QStringLiteral("gallery file %1 has format version %2; this program reads version %3")
                        .arg(path)
                        .arg(version)
                        .arg(kFormatVersion));
        return std::nullopt;
    }
    const qint64 headerSize = qFromLittleEndian<quint32>(preamble.constData() + 6);
    if (kPreambleSize + headerSize + kChecksumSize > fileSize) {
        fail(error, QStringLiteral("gallery file %1 is truncated or damaged (header of %2 bytes in a %3-byte file)")
                        .arg(path)
                        .arg(headerSize)
                        .arg(fileSize));
        return std::nullopt;
    }
    const QByteArray header = file.read(headerSize);
    QDataStream in(header);
    in.setVersion(QDataStream::Qt_6_4);
    in.setByteOrder(QDataStream::LittleEndian);
    QString modelId;
    quint32 dimension = 0;
    quint64 count = 0;
    in >> modelId >> dimension >> count;
    const qint64 expectedSize = kPreambleSize + headerSize + qint64(count) * qint64(dimension) * 4 + kChecksumSize;
    if (in.status() != QDataStream::Ok || count > quint64(fileSize) || dimension > 65536
        || expectedSize != fileSize) {
        fail(error, QStringLiteral("gallery file %1 is truncated or damaged (%2 bytes, its header says %3)")
                        .arg(path)
                        .arg(fileSize)
                        .arg(expectedSize));
        return std::nullopt;
    }
    // Verify the checksum before trusting anything else.
    {
        QCryptographicHash hash(QCryptographicHash::Sha256);
        file.seek(0);
        qint64 remaining = fileSize - kChecksumSize;
        while (remaining > 0) {
            const QByteArray chunk = file.read(std::min<qint64>(remaining, 4 << 20));
            if (chunk.isEmpty())
                break;
            hash.addData(chunk);
            remaining -= chunk.size();
        }
        if (remaining != 0 || file.read(kChecksumSize) != hash.result()) {
            fail(error, QStringLiteral("gallery file %1 is damaged (checksum mismatch)").arg(path));
            return std::nullopt;
        }
    }
    if (dimension != quint32(Gallery::kDimension)) {
        fail(error, QStringLiteral("gallery file %1 holds %2-value templates, expected %3")
                        .arg(path)
                        .arg(dimension)
                        .arg(Gallery::kDimension));
        return std::nullopt;
    }
    if (!expectedModelId.isEmpty() && modelId != expectedModelId) {
        fail(error, QStringLiteral("gallery file %1 was made by model \"%2\", this pipeline uses \"%3\"")
                        .arg(path, modelId, expectedModelId));
        return std::nullopt;
    }
    std::vector<GalleryEntry> entries(count);
    for (GalleryEntry& e : entries)
        in >> e.travelerId >> e.name >> e.citizenship >> e.documentNumber >> e.photoPath;
    if (in.status() != QDataStream::Ok || !in.atEnd()) {
        fail(error, QStringLiteral("gallery file %1 is damaged (bad entry list)").arg(path));
        return std::nullopt;
    }
    Gallery gallery(modelId);
    gallery.reserve(static_cast<qsizetype>(count));
    file.seek(kPreambleSize + headerSize);
    std::vector<float> row(Gallery::kDimension);
    for (const GalleryEntry& e : entries) {
        if (file.read(reinterpret_cast<char*>(row.data()), kRowBytes) != kRowBytes) {
            fail(error, QStringLiteral("cannot read gallery file %1: %2").arg(path, file.errorString()));
            return std::nullopt;
        }
        for (float v : row) {
            if (!std::isfinite(v)) {
                fail(error, QStringLiteral("gallery file %1: traveler %2 has a non-finite value")
                                .arg(path, e.travelerId));
                return std::nullopt;
            }
        }
        gallery.appendRow(e, row.data());
    }
    return gallery;
}

} // namespace fg
