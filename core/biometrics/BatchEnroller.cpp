#include "core/biometrics/BatchEnroller.h"

#include "core/biometrics/ImageLoader.h"

#include <opencv2/core/utility.hpp>

#include <memory>
#include <mutex>
#include <thread>

namespace fg {

namespace {

bool cancelled(const std::atomic<bool>* cancel) { return cancel && cancel->load(std::memory_order_relaxed); }

} // namespace

std::optional<std::vector<EnrolOutcome>> BatchEnroller::enrolFiles(const QStringList& paths,
                                                                   const FacePipeline::Options& options, int threads,
                                                                   QString* error, const Progress& progress,
                                                                   const std::atomic<bool>* cancel)
{
    const QString cancelledReason = QStringLiteral("enrolment cancelled");
    threads = std::max(1, std::min(threads, int(paths.size())));
    std::vector<std::unique_ptr<FacePipeline>> pipelines;
    for (int i = 0; i < threads; ++i) {
        if (cancelled(cancel)) {
            if (error)
                *error = cancelledReason;
            return std::nullopt;
        }
        FacePipeline::Options workerOptions = options;
        workerOptions.selfTest = options.selfTest && i == 0; // once is enough
        pipelines.push_back(FacePipeline::create(workerOptions, error));
        if (!pipelines.back())
            return std::nullopt;
    }
    // No cv::setNumThreads() here: it is process-wide, and with OpenCV's TBB
    // back-end it terminates and re-creates the task arena that the live
    // analysis thread may be running cv::parallel_for_ in at that moment
    // (tst_workstation's SIGSEGV at 0x28 inside libtbb, in PoseEstimator on
    // the analysis thread while a flight's gallery was being enrolled). The
    // workers share TBB's one arena instead.

    std::vector<EnrolOutcome> outcomes(size_t(paths.size()));
    std::atomic<qsizetype> next{0};
    std::mutex progressMutex;
    qsizetype done = 0; // guarded by progressMutex
    auto work = [&](FacePipeline* pipeline) {
        const ImageLoader loader;
        for (qsizetype i = next++; i < paths.size() && !cancelled(cancel); i = next++) {
            EnrolOutcome& outcome = outcomes[size_t(i)];
            if (const std::optional<cv::Mat> image = loader.loadFile(paths[i], &outcome.error)) {
                std::optional<Enrolment> enrolment = pipeline->enrol(*image, &outcome.error);
                if (enrolment) {
                    outcome.faceCount = enrolment->faceCount;
                    outcome.faceTemplate = std::move(enrolment->faceTemplate);
                } else {
                    outcome.error = QStringLiteral("%1: %2").arg(paths[i], outcome.error);
                }
            }
            const std::lock_guard<std::mutex> lock(progressMutex);
            ++done;
            if (progress)
                progress(done, paths.size());
        }
    };
    std::vector<std::thread> workers;
    for (int i = 1; i < threads; ++i)
        workers.emplace_back(work, pipelines[size_t(i)].get());
    work(pipelines.front().get());
    for (std::thread& worker : workers)
        worker.join();
    if (done < paths.size()) {
        if (error)
            *error = QStringLiteral("%1 after %2 of %3 photos").arg(cancelledReason).arg(done).arg(paths.size());
        return std::nullopt;
    }
    return outcomes;
}

} // namespace fg
