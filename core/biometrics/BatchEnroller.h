#pragma once

#include "core/biometrics/FacePipeline.h"

#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>
#include <optional>
#include <vector>

namespace fg {

struct EnrolOutcome {
    std::optional<Template> faceTemplate; // empty when the photo failed to enrol
    int faceCount = 0;
    QString error;                        // why it failed, in words
};

// Enrols many photos on all cores: one pipeline per worker thread (a
// pipeline is not thread-safe), each with OpenCV's own threading off.
class BatchEnroller {
public:
    // Called after each photo with the number done so far and the total.
    // Calls come from the worker threads, one at a time, `done` increasing;
    // a GUI queues them to its own thread.
    using Progress = std::function<void(qsizetype done, qsizetype total)>;

    // One outcome per path, in the order of `paths`. Fails (nothing returned)
    // when a pipeline cannot be created, or when `cancel` is set before every
    // photo is done: the workers stop after the photo they are enrolling.
    static std::optional<std::vector<EnrolOutcome>> enrolFiles(const QStringList& paths,
                                                               const FacePipeline::Options& options,
                                                               int threads, QString* error,
                                                               const Progress& progress = {},
                                                               const std::atomic<bool>* cancel = nullptr);
};

} // namespace fg
