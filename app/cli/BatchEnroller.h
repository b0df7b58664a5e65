#pragma once

#include "core/biometrics/FacePipeline.h"

#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace fg::cli {

struct EnrolOutcome {
    std::optional<Template> faceTemplate; // empty when the photo failed to enrol
    int faceCount = 0;
    QString error;                        // why it failed, in words
};

// Enrols many photos on all cores: one pipeline per worker thread (a
// pipeline is not thread-safe), each with OpenCV's own threading off.
class BatchEnroller {
public:
    static std::optional<std::vector<EnrolOutcome>> enrolFiles(const QStringList& paths,
                                                               const FacePipeline::Options& options,
                                                               int threads, QString* error);
};

} // namespace fg::cli
