#include "tests/support/TestData.h"

#include "tests/support/TestPaths.h"

#include <QDir>
#include <QFileInfo>

namespace fg::test {

QString datasetsDir()
{
    const QString fromEnv = qEnvironmentVariable("FACEGATE_DATASETS");
    const QString dir = fromEnv.isEmpty() ? QString::fromUtf8(kDefaultDatasetsDir) : fromEnv;
    return QDir::cleanPath(QFileInfo(dir).absoluteFilePath());
}

bool datasetsAvailable(QString* why)
{
    const QString dir = datasetsDir();
    const bool ok = QFileInfo(dir + QStringLiteral("/faces-dev/labels.csv")).isFile()
                    && QFileInfo(dir + QStringLiteral("/lfw-dev/pairs.csv")).isFile();
    if (!ok && why) {
        *why = QStringLiteral("face data sets not found at %1 (set FACEGATE_DATASETS to the folder "
                              "holding faces-dev/ and lfw-dev/)")
                   .arg(dir);
    }
    return ok;
}

QString datasetPath(const QString& relative)
{
    return datasetsDir() + QLatin1Char('/') + relative;
}

QString modelsDir()
{
    const QString fromEnv = qEnvironmentVariable("FACEGATE_MODELS");
    if (!fromEnv.isEmpty())
        return fromEnv;
    return QDir::homePath() + QStringLiteral("/.local/share/facegate/models");
}

} // namespace fg::test
