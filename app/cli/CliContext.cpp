#include "app/cli/CliContext.h"

#include "core/biometrics/ModelRepository.h"

#include <QJsonDocument>

#include <cstdio>

namespace fg::cli {

int CliContext::printJson(const QJsonObject& object) const
{
    const QByteArray json = QJsonDocument(object).toJson(QJsonDocument::Indented);
    std::fwrite(json.constData(), 1, size_t(json.size()), stdout);
    std::fflush(stdout);
    return kSuccess;
}

int CliContext::fail(ExitStatus status, const QString& message) const
{
    QString line = message.simplified();
    std::fprintf(stderr, "facegate-cli: %s\n", line.toLocal8Bit().constData());
    return status;
}

FacePipeline::Options CliContext::pipelineOptions() const
{
    FacePipeline::Options options;
    options.modelDirectory = ModelRepository::defaultDirectory();
    return options;
}

FacePipeline* CliContext::pipeline(QString* error)
{
    if (!m_pipeline)
        m_pipeline = FacePipeline::create(pipelineOptions(), error);
    return m_pipeline.get();
}

} // namespace fg::cli
