#pragma once

#include "core/matching/Gallery.h"

#include <QString>

#include <optional>

namespace fg {

// The gallery file format, version 1:
//   "FGGL" | u16 version | u32 header length | header | rows | SHA-256
// header (QDataStream, little-endian, Qt 6.4): model id, u32 dimension,
// u64 row count, then per row: traveler id, name, citizenship, document
// number, photo path. rows: count x dimension little-endian floats. The
// trailing 32 bytes are SHA-256 over everything before them. The file is
// verified and parsed in chunks (never loaded whole).
class GalleryFile {
public:
    static constexpr quint16 kFormatVersion = 1;

    static bool save(const Gallery& gallery, const QString& path, QString* error);
    // Refuses a damaged or truncated file, an unknown version, or (when
    // expectedModelId is not empty) a gallery of another model.
    static std::optional<Gallery> load(const QString& path, const QString& expectedModelId, QString* error);
};

} // namespace fg
