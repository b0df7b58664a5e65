#pragma once

#include <QString>

#include <optional>

namespace fg {

// The folder of face models, every file checked against the SHA-256 pinned in
// resources/models.sha256 before anything is loaded from it.
class ModelRepository {
public:
    // Checks each pinned file. A missing or altered file stops it, naming the
    // file, the expected and the actual hash.
    static std::optional<ModelRepository> open(const QString& directory, QString* error);

    // Where models are looked for when nothing is configured: $FACEGATE_MODELS,
    // else ~/.local/share/facegate/models (filled by installer/fetch-models.sh).
    static QString defaultDirectory();

    QString path(const QString& fileName) const;
    const QString& directory() const { return m_directory; }
    // Names the feature model and its hash prefix, so that templates of
    // another model are never compared with this one's.
    QString featureModelId() const;
    // The same name from the pinned manifest alone, without opening the
    // files (the program refuses files of another hash at start-up).
    static QString pinnedFeatureModelId();
    // "<package>@<version>/<stem>:<sha256 prefix>" of any pinned file
    // ("fr_liveness.onnx"); empty for a file that is not pinned.
    static QString pinnedModelId(const QString& fileName);

private:
    explicit ModelRepository(QString directory) : m_directory(std::move(directory)) {}
    QString m_directory;
};

} // namespace fg
