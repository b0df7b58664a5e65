#include "core/matching/GalleryManifest.h"

#include "core/matching/CsvReader.h"

#include <QDir>
#include <QFileInfo>

namespace fg {

std::optional<GalleryManifest> GalleryManifest::readFile(const QString& path, QString* error)
{
    const std::optional<CsvReader> csv = CsvReader::readFile(path, error);
    if (!csv)
        return std::nullopt;
    const int idColumn = csv->column(QStringLiteral("traveler_id"));
    const int photoColumn = csv->column(QStringLiteral("photo_path"));
    if (idColumn < 0 || photoColumn < 0) {
        if (error)
            *error = QStringLiteral("%1: the header must name traveler_id and photo_path (read: %2)")
                         .arg(path, csv->header().join(QLatin1Char(',')));
        return std::nullopt;
    }
    const int nameColumn = csv->column(QStringLiteral("name"));
    const int citizenshipColumn = csv->column(QStringLiteral("citizenship"));
    const int documentColumn = csv->column(QStringLiteral("document_no"));
    const QDir base = QFileInfo(path).absoluteDir();

    GalleryManifest manifest;
    manifest.m_path = path;
    for (size_t row = 0; row < csv->rows().size(); ++row) {
        const QStringList& fields = csv->rows()[row];
        auto field = [&fields](int column) {
            return column >= 0 && column < fields.size() ? fields[column].trimmed() : QString();
        };
        const QString photo = field(photoColumn);
        GalleryEntry entry{field(idColumn), field(nameColumn), field(citizenshipColumn), field(documentColumn),
                           base.absoluteFilePath(photo)};
        if (entry.travelerId.isEmpty() || photo.isEmpty()) {
            if (error)
                *error = QStringLiteral("%1:%2: traveler_id and photo_path must not be empty")
                             .arg(path)
                             .arg(csv->lineOf(row));
            return std::nullopt;
        }
        manifest.m_entries.push_back(std::move(entry));
        manifest.m_lines.push_back(csv->lineOf(row));
    }
    return manifest;
}

QStringList GalleryManifest::photoPaths() const
{
    QStringList paths;
    paths.reserve(size());
    for (const GalleryEntry& entry : m_entries)
        paths << entry.photoPath;
    return paths;
}

} // namespace fg
