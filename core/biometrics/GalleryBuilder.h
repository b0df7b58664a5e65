#pragma once

#include "core/biometrics/BatchEnroller.h"
#include "core/biometrics/FacePipeline.h"
#include "core/matching/Gallery.h"
#include "core/matching/GalleryManifest.h"

#include <QString>

#include <atomic>
#include <optional>
#include <vector>

namespace fg {

// A manifest row whose photo did not enrol, and why (no face, unreadable...).
struct GalleryFailure {
    GalleryEntry entry;
    int line = 0; // in the manifest
    QString reason;
};

// What building a flight's gallery gave: the gallery, and the rows left out.
struct GalleryBuild {
    Gallery gallery;
    qsizetype manifestRows = 0; // rows of the manifest = gallery.size() + failed.size()
    std::vector<GalleryFailure> failed;
};

// Manifest -> gallery: reads and checks the manifest (GalleryManifest), enrols
// every photo on `threads` threads (BatchEnroller) and adds each template to
// the gallery. A row whose photo fails to enrol is listed in `failed`, not
// fatal; a manifest of which no photo enrols is.
class GalleryBuilder {
public:
    using Progress = BatchEnroller::Progress; // photos done / total, from worker threads

    static std::optional<GalleryBuild> build(const QString& manifestPath, const FacePipeline::Options& options,
                                             int threads, QString* error, const Progress& progress = {},
                                             const std::atomic<bool>* cancel = nullptr);
    static std::optional<GalleryBuild> build(const GalleryManifest& manifest, const FacePipeline::Options& options,
                                             int threads, QString* error, const Progress& progress = {},
                                             const std::atomic<bool>* cancel = nullptr);
};

} // namespace fg
