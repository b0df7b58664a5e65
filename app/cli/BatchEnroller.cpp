#include "app/cli/BatchEnroller.h"

#include "core/biometrics/ImageLoader.h"

#include <opencv2/core/utility.hpp>

#include <atomic>
#include <memory>
#include <thread>

namespace fg::cli {

std::optional<std::vector<EnrolOutcome>> BatchEnroller::enrolFiles(const QStringList& paths,
                                                                   const FacePipeline::Options& options, int threads,
                                                                   QString* error)
{
    threads = std::max(1, std::min(threads, int(paths.size())));
    std::vector<std::unique_ptr<FacePipeline>> pipelines;
    for (int i = 0; i < threads; ++i) {
        FacePipeline::Options workerOptions = options;
        workerOptions.selfTest = options.selfTest && i == 0; // once is enough
        pipelines.push_back(FacePipeline::create(workerOptions, error));
        if (!pipelines.back())
            return std::nullopt;
    }
    const int previousThreads = cv::getNumThreads();
    if (threads > 1)
        cv::setNumThreads(1);

    std::vector<EnrolOutcome> outcomes(size_t(paths.size()));
    std::atomic<qsizetype> next{0};
    auto work = [&](FacePipeline* pipeline) {
        const ImageLoader loader;
        for (qsizetype i = next++; i < paths.size(); i = next++) {
            EnrolOutcome& outcome = outcomes[size_t(i)];
            const std::optional<cv::Mat> image = loader.loadFile(paths[i], &outcome.error);
            if (!image)
                continue;
            std::optional<Enrolment> enrolment = pipeline->enrol(*image, &outcome.error);
            if (!enrolment) {
                outcome.error = QStringLiteral("%1: %2").arg(paths[i], outcome.error);
                continue;
            }
            outcome.faceCount = enrolment->faceCount;
            outcome.faceTemplate = std::move(enrolment->faceTemplate);
        }
    };
    std::vector<std::thread> workers;
    for (int i = 1; i < threads; ++i)
        workers.emplace_back(work, pipelines[size_t(i)].get());
    work(pipelines.front().get());
    for (std::thread& worker : workers)
        worker.join();
    cv::setNumThreads(previousThreads);
    return outcomes;
}

} // namespace fg::cli
