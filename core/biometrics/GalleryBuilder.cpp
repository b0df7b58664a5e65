#include "core/biometrics/GalleryBuilder.h"

namespace fg {

std::optional<GalleryBuild> GalleryBuilder::build(const QString& manifestPath, const FacePipeline::Options& options,
                                                  int threads, QString* error, const Progress& progress,
                                                  const std::atomic<bool>* cancel)
{
    const std::optional<GalleryManifest> manifest = GalleryManifest::readFile(manifestPath, error);
    if (!manifest)
        return std::nullopt;
    return build(*manifest, options, threads, error, progress, cancel);
}

std::optional<GalleryBuild> GalleryBuilder::build(const GalleryManifest& manifest, const FacePipeline::Options& options,
                                                  int threads, QString* error, const Progress& progress,
                                                  const std::atomic<bool>* cancel)
{
    const auto outcomes = BatchEnroller::enrolFiles(manifest.photoPaths(), options, threads, error, progress, cancel);
    if (!outcomes)
        return std::nullopt;

    QString modelId;
    for (const EnrolOutcome& outcome : *outcomes) {
        if (outcome.faceTemplate) {
            modelId = outcome.faceTemplate->modelId();
            break;
        }
    }
    GalleryBuild result{Gallery(modelId), manifest.size(), {}};
    result.gallery.reserve(manifest.size());
    for (qsizetype i = 0; i < manifest.size(); ++i) {
        const GalleryEntry& entry = manifest.entries()[size_t(i)];
        const EnrolOutcome& outcome = (*outcomes)[size_t(i)];
        QString why;
        if (!outcome.faceTemplate || !result.gallery.add(entry, *outcome.faceTemplate, &why))
            result.failed.push_back({entry, manifest.lineOf(i), outcome.faceTemplate ? why : outcome.error});
    }
    if (result.gallery.isEmpty()) {
        if (error)
            *error = QStringLiteral("%1: no photo of the manifest enrolled").arg(manifest.path());
        return std::nullopt;
    }
    return result;
}

} // namespace fg
