#include "app/cli/BenchCommand.h"

#include "app/cli/SearchBench.h"

#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>

#include <opencv2/core/utility.hpp>
#include <opencv2/imgproc.hpp>
#include <opencv2/videoio.hpp>

#include <algorithm>
#include <thread>

namespace fg::cli {
namespace {

QString defaultVideo()
{
    QString datasets = qEnvironmentVariable("FACEGATE_DATASETS");
    if (datasets.isEmpty())
        datasets = QStringLiteral("../shared/datasets");
    return QDir(datasets).filePath(QStringLiteral("faces-dev/video/short_hamilton_clip.mp4"));
}

std::optional<std::vector<cv::Mat>> readFrames(const QString& path, int count, QString* error)
{
    cv::VideoCapture capture(path.toStdString(), cv::CAP_FFMPEG);
    if (!capture.isOpened()) {
        if (error)
            *error = QStringLiteral("%1: the benchmark video cannot be opened (set --video or FACEGATE_DATASETS)").arg(path);
        return std::nullopt;
    }
    std::vector<cv::Mat> frames;
    cv::Mat frame;
    while (int(frames.size()) < count && capture.read(frame)) {
        cv::Mat sized;
        cv::resize(frame, sized, cv::Size(640, 360), 0, 0, cv::INTER_AREA);
        frames.push_back(sized);
    }
    if (frames.empty() && error)
        *error = QStringLiteral("%1: no frame could be read").arg(path);
    return frames.empty() ? std::nullopt : std::optional(frames);
}

struct PipelineTiming {
    double msPerFrame = 0;
    double framesPerSecond = 0;
    int faces = 0;
};

// Every frame through detect + landmarks + template of each face found.
PipelineTiming timeFrames(FacePipeline& pipeline, const std::vector<cv::Mat>& frames)
{
    PipelineTiming timing;
    for (int i = 0; i < 3; ++i) // warm-up: first inferences allocate
        pipeline.analyze(frames[size_t(i) % frames.size()], FacePipeline::Depth::FacesOnly);
    QElapsedTimer timer;
    timer.start();
    for (const cv::Mat& frame : frames) {
        for (const Face& face : pipeline.analyze(frame, FacePipeline::Depth::FacesOnly)) {
            pipeline.templateOf(frame, face);
            ++timing.faces;
        }
    }
    const double ms = double(timer.nsecsElapsed()) / 1e6;
    timing.msPerFrame = ms / double(frames.size());
    timing.framesPerSecond = 1000.0 / timing.msPerFrame;
    return timing;
}

int benchPipeline(const QCommandLineParser& parser, CliContext& context)
{
    QString error;
    const QString video = parser.isSet(QStringLiteral("video")) ? parser.value(QStringLiteral("video")) : defaultVideo();
    const auto frames = readFrames(video, 150, &error);
    if (!frames)
        return context.fail(kProcessingError, error);
    FacePipeline::Options options = context.pipelineOptions();
    auto first = FacePipeline::create(options, &error);
    if (!first)
        return context.fail(kProcessingError, error);
    options.selfTest = false;
    auto second = FacePipeline::create(options, &error);
    if (!second)
        return context.fail(kProcessingError, error);

    const int previous = cv::getNumThreads();
    QJsonArray runs;
    // One thread: one pipeline, OpenCV's own threading off.
    cv::setNumThreads(1);
    const PipelineTiming single = timeFrames(*first, *frames);
    runs.append(QJsonObject{{QStringLiteral("threads"), 1},
                            {QStringLiteral("mode"), QStringLiteral("one frame at a time")},
                            {QStringLiteral("ms_per_frame"), single.msPerFrame},
                            {QStringLiteral("frames_per_second"), single.framesPerSecond}});
    // Two threads inside each inference (latency of one frame).
    cv::setNumThreads(2);
    const PipelineTiming intra = timeFrames(*first, *frames);
    runs.append(QJsonObject{{QStringLiteral("threads"), 2},
                            {QStringLiteral("mode"), QStringLiteral("one frame at a time, 2 threads per inference")},
                            {QStringLiteral("ms_per_frame"), intra.msPerFrame},
                            {QStringLiteral("frames_per_second"), intra.framesPerSecond}});
    // Two pipelines on two threads, each on half the frames (throughput).
    cv::setNumThreads(1);
    const std::vector<cv::Mat> even(frames->begin(), frames->begin() + qsizetype(frames->size() / 2));
    const std::vector<cv::Mat> odd(frames->begin() + qsizetype(frames->size() / 2), frames->end());
    QElapsedTimer timer;
    timer.start();
    std::thread worker([&]() { timeFrames(*second, odd); });
    timeFrames(*first, even);
    worker.join();
    const double wallMs = double(timer.nsecsElapsed()) / 1e6;
    cv::setNumThreads(previous);
    runs.append(QJsonObject{{QStringLiteral("threads"), 2},
                            {QStringLiteral("mode"), QStringLiteral("two frames at once, one pipeline per thread")},
                            {QStringLiteral("ms_per_frame"), wallMs / double(frames->size())},
                            {QStringLiteral("frames_per_second"), 1000.0 * double(frames->size()) / wallMs}});
    return context.printJson(QJsonObject{{QStringLiteral("benchmark"), QStringLiteral("pipeline")},
                                         {QStringLiteral("video"), video},
                                         {QStringLiteral("frames"), int(frames->size())},
                                         {QStringLiteral("frame_size"), QStringLiteral("640x360")},
                                         {QStringLiteral("faces_per_pass"), single.faces},
                                         {QStringLiteral("stages"), QStringLiteral("detect + 68 landmarks + template (flip fusion: %1)")
                                                                        .arg(options.recipe.flipFusion ? QStringLiteral("on") : QStringLiteral("off"))},
                                         {QStringLiteral("runs"), runs}});
}

} // namespace

int runBench(const QStringList& arguments, CliContext& context)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("what"), QStringLiteral("pipeline or search"));
    parser.addOption({QStringLiteral("gallery-size"), QStringLiteral("gallery rows for search"), QStringLiteral("N"),
                      QStringLiteral("100000")});
    parser.addOption({QStringLiteral("video"), QStringLiteral("video for the pipeline benchmark"), QStringLiteral("PATH")});
    const QString usage = QStringLiteral("usage: facegate-cli bench [pipeline | search --gallery-size N]");
    if (!parser.parse(arguments))
        return context.fail(kUsageError, parser.errorText());
    const QStringList what = parser.positionalArguments();
    if (what.size() > 1)
        return context.fail(kUsageError, usage);
    if (what.isEmpty() || what.front() == QLatin1String("pipeline"))
        return benchPipeline(parser, context);
    if (what.front() != QLatin1String("search"))
        return context.fail(kUsageError, usage);
    bool ok = false;
    const double size = parser.value(QStringLiteral("gallery-size")).toDouble(&ok);
    if (!ok || size < 1 || size > 2e7)
        return context.fail(kUsageError, QStringLiteral("--gallery-size \"%1\" is invalid: a number from 1 to 2e7 is expected")
                                             .arg(parser.value(QStringLiteral("gallery-size"))));
    QString error;
    const QJsonObject result = runSearchBenchmark(qint64(size), &error);
    if (result.isEmpty())
        return context.fail(kProcessingError, error);
    return context.printJson(result);
}

} // namespace fg::cli
