#include "core/biometrics/ModelRepository.h"

#include "ModelManifest.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace fg {

std::optional<ModelRepository> ModelRepository::open(const QString& directory, QString* error)
{
    const QString dir = QDir::cleanPath(QFileInfo(directory).absoluteFilePath());
    if (!QFileInfo(dir).isDir()) {
        if (error)
            *error = QStringLiteral("model folder %1 does not exist (run installer/setup.sh, or "
                                    "installer/fetch-models.sh %1)")
                         .arg(dir);
        return std::nullopt;
    }
    for (const auto& pinned : generated::kPinnedModelFiles) {
        const QString file = dir + QLatin1Char('/') + QString::fromUtf8(pinned.fileName);
        QFile f(file);
        if (!f.open(QIODevice::ReadOnly)) {
            if (error)
                *error = QStringLiteral("model file %1: %2").arg(file, f.errorString());
            return std::nullopt;
        }
        QCryptographicHash hash(QCryptographicHash::Sha256);
        hash.addData(&f);
        const QByteArray actual = hash.result().toHex();
        if (actual != QByteArray(pinned.sha256Hex)) {
            if (error)
                *error = QStringLiteral("model file %1 has the wrong SHA-256: expected %2, actual %3")
                             .arg(file, QString::fromLatin1(pinned.sha256Hex), QString::fromLatin1(actual));
            return std::nullopt;
        }
    }
    return ModelRepository(dir);
}

QString ModelRepository::defaultDirectory()
{
    const QString fromEnv = qEnvironmentVariable("FACEGATE_MODELS");
    if (!fromEnv.isEmpty())
        return fromEnv;
    return QDir::homePath() + QStringLiteral("/.local/share/facegate/models");
}

QString ModelRepository::path(const QString& fileName) const
{
    return m_directory + QLatin1Char('/') + fileName;
}

QString ModelRepository::featureModelId() const
{
    return pinnedFeatureModelId();
}

QString ModelRepository::pinnedFeatureModelId()
{
    return pinnedModelId(QStringLiteral("fr_feature.onnx"));
}

QString ModelRepository::pinnedModelId(const QString& fileName)
{
    for (const auto& pinned : generated::kPinnedModelFiles) {
        if (QString::fromUtf8(pinned.fileName) == fileName)
            return QStringLiteral("%1@%2/%3:%4")
                .arg(QString::fromUtf8(generated::kModelsPackage), QString::fromUtf8(generated::kModelsVersion),
                     QFileInfo(fileName).completeBaseName(), QString::fromLatin1(pinned.sha256Hex).left(12));
    }
    return QString();
}

} // namespace fg
