#pragma once

#include "core/biometrics/FacePipeline.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <memory>

namespace fg::cli {

// Exit statuses of the command-line contract (ARCHITECTURE.md).
enum ExitStatus { kSuccess = 0, kProcessingError = 1, kUsageError = 2 };

// What every subcommand shares: the one JSON object on stdout, one-line errors
// on stderr, and a face pipeline created once, on first use.
class CliContext {
public:
    int printJson(const QJsonObject& object) const;
    int fail(ExitStatus status, const QString& message) const;

    // nullptr after printing the reason (model hash, missing folder...).
    FacePipeline* pipeline(QString* error);
    FacePipeline::Options pipelineOptions() const;

private:
    std::unique_ptr<FacePipeline> m_pipeline;
};

} // namespace fg::cli
