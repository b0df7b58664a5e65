#pragma once

#include "core/matching/Gallery.h"

#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace fg {

// A flight's traveler manifest, the input of a gallery: a CSV whose header
// names traveler_id and photo_path, and optionally name, citizenship and
// document_no (any order, other columns ignored). Photo paths are relative to
// the manifest's folder (or absolute). Nothing is enrolled here.
class GalleryManifest {
public:
    // Refuses an unreadable or malformed CSV, a header without traveler_id and
    // photo_path, and a row whose traveler_id or photo_path is empty; errors
    // name the file, and the line for a bad row ("flight.csv:7: ...").
    static std::optional<GalleryManifest> readFile(const QString& path, QString* error);

    const QString& path() const { return m_path; }
    qsizetype size() const { return qsizetype(m_entries.size()); }
    bool isEmpty() const { return m_entries.empty(); }
    // One entry per data row, in file order; photoPath is absolute.
    const std::vector<GalleryEntry>& entries() const { return m_entries; }
    // Line number in the file of entry `row` (for messages).
    int lineOf(qsizetype row) const { return m_lines[size_t(row)]; }
    QStringList photoPaths() const;

private:
    QString m_path;
    std::vector<GalleryEntry> m_entries;
    std::vector<int> m_lines;
};

} // namespace fg
