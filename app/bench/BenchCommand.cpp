#include "app/bench/BenchCommand.h"

#include "app/bench/PurgeBench.h"
#include "app/bench/RotateBench.h"
#include "app/bench/QueueBench.h"
#include "app/bench/SearchBench.h"
#include "app/bench/ServiceBench.h"
#include "core/biometrics/ImageHeader.h"
#include "core/biometrics/PadCues.h"
#include "core/biometrics/PresentationAttack.h"
#include "app/cli/EmptyRecords.h"
#include "core/security/AuditLog.h"
#include "core/security/KeyEncryptionKey.h"
#include "core/security/KeyStore.h"
#include "core/storage/Database.h"
#include "core/storage/SystemClock.h"
#include "core/workflow/EncounterStore.h"

#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <opencv2/core/utility.hpp>
#include <opencv2/imgproc.hpp>
#include <opencv2/videoio.hpp>

#include <algorithm>
#include <functional>
#include <thread>

namespace fg::cli {
namespace {

QString datasetFile(const QString& relative)
{
    QString datasets = qEnvironmentVariable("FACEGATE_DATASETS");
    if (datasets.isEmpty())
        datasets = QStringLiteral("../shared/datasets");
    return QDir(datasets).filePath(relative);
}

QString defaultVideo()
{
    return datasetFile(QStringLiteral("faces-dev/video/short_hamilton_clip.mp4"));
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

// The presentation-attack stages on the faces of the frames, one thread:
// what each costs a frame at the desk (issue 20). The faces (box, landmarks,
// eye openness) come from the pipeline first, untimed; each stage is then
// timed on its own over every face, and the accumulator's assess over a full
// window (PadAccumulator::kMaxFrames frames: the blink and parallax cues).
std::optional<QJsonArray> timePresentationAttack(FacePipeline& pipeline, const QString& modelDirectory,
                                                 const std::vector<cv::Mat>& frames, QString* error)
{
    std::optional<PadFrameScorer> scorer = PadFrameScorer::load(modelDirectory, error);
    if (!scorer)
        return std::nullopt;
    std::vector<std::pair<const cv::Mat*, Face>> faces;
    for (const cv::Mat& frame : frames) {
        const std::vector<Face> found = pipeline.analyze(frame, FacePipeline::Depth::WithQuality);
        const int subject = pipeline.subjectIndex(found, frame.size());
        if (subject >= 0)
            faces.emplace_back(&frame, found[size_t(subject)]);
    }
    if (faces.empty()) {
        *error = QStringLiteral("no face in the benchmark video: the presentation-attack stages cannot be timed");
        return std::nullopt;
    }
    QJsonArray stages;
    auto time = [&](const QString& stage, const QString& what, const std::function<void(const cv::Mat&, const Face&)>& run) {
        run(*faces.front().first, faces.front().second); // warm-up
        QElapsedTimer timer;
        timer.start();
        for (const auto& [frame, face] : faces)
            run(*frame, face);
        stages.append(QJsonObject{{QStringLiteral("stage"), stage},
                                  {QStringLiteral("what"), what},
                                  {QStringLiteral("ms_per_frame"), double(timer.nsecsElapsed()) / 1e6 / double(faces.size())}});
    };
    PadAccumulator accumulator;
    qint64 timestamp = 0;
    time(QStringLiteral("pad_frame"), QStringLiteral("liveness model + single-frame cues (PadFrameScorer::score)"),
         [&](const cv::Mat& frame, const Face& face) {
             if (auto scored = scorer->score(frame, face, timestamp += 40))
                 accumulator.add(std::move(*scored));
         });
    time(QStringLiteral("pad_face_template"),
         QStringLiteral("the scored face's template, so that the desk decides on the captured face's frames only "
                        "(FacePipeline::templateOf)"),
         [&](const cv::Mat& frame, const Face& face) { pipeline.templateOf(frame, face); });
    time(QStringLiteral("screen_border"), QStringLiteral("Canny + Hough around the face"),
         [](const cv::Mat& frame, const Face& face) { padcues::screenBorder(frame, face.detection.box); });
    time(QStringLiteral("moire"), QStringLiteral("spectrum peaks of the face"),
         [](const cv::Mat& frame, const Face& face) { padcues::moire(frame, face.detection.box); });
    time(QStringLiteral("texture"), QStringLiteral("high-band energy of the face"),
         [](const cv::Mat& frame, const Face& face) { padcues::texture(frame, face.detection.box); });
    const PadOperatingPoint point;
    accumulator.assess(point); // warm-up
    QElapsedTimer timer;
    timer.start();
    constexpr int kAssessRuns = 20;
    for (int i = 0; i < kAssessRuns; ++i)
        accumulator.assess(point);
    stages.append(QJsonObject{{QStringLiteral("stage"), QStringLiteral("pad_assess")},
                              {QStringLiteral("what"), QStringLiteral("combining %1 frames: blink + parallax + rule (PadAccumulator::assess)")
                                                            .arg(accumulator.frames())},
                              {QStringLiteral("ms_per_call"), double(timer.nsecsElapsed()) / 1e6 / kAssessRuns}});
    return stages;
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
    cv::setNumThreads(1);
    const std::optional<QJsonArray> pad = timePresentationAttack(*first, options.modelDirectory, *frames, &error);
    cv::setNumThreads(previous);
    if (!pad)
        return context.fail(kProcessingError, error);
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
                                         {QStringLiteral("runs"), runs},
                                         {QStringLiteral("presentation_attack"), *pad}});
}

// A synthetic template: a random unit vector (its values do not matter to the store).
Template syntheticTemplate(QRandomGenerator& random)
{
    std::vector<float> values(Template::kDimension);
    for (float& value : values)
        value = float(random.generateDouble() * 2.0 - 1.0);
    return Template(QStringLiteral("bench-synthetic"), std::move(values));
}

// facegate-cli bench records [--db URL] [--count N] [--photo JPEG] [--key-file PATH]
// Encounters written per second, each in its own transaction (EncounterStore::add):
// traveler, encounter, the photo (a real JPEG, sealed), a synthetic template
// (sealed), a queue item for every other one (no-match) and the audit event.
int benchRecords(const QStringList& arguments, CliContext& context)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("records"), QStringLiteral("the records write benchmark"));
    parser.addOption({QStringLiteral("db"), QStringLiteral("records database (default: a temporary SQLite file)"),
                      QStringLiteral("URL")});
    parser.addOption({QStringLiteral("count"), QStringLiteral("encounters to write"), QStringLiteral("N"),
                      QStringLiteral("1000")});
    parser.addOption({QStringLiteral("photo"), QStringLiteral("the photo stored with each encounter"),
                      QStringLiteral("IMAGE"), datasetFile(QStringLiteral("faces-dev/single/rose_leslie/01.jpg"))});
    parser.addOption({QStringLiteral("key-file"), QStringLiteral("key file (default: a new one in a temporary folder)"),
                      QStringLiteral("PATH")});
    if (!parser.parse(arguments))
        return context.fail(kUsageError, parser.errorText());
    bool ok = false;
    const qint64 count = parser.value(QStringLiteral("count")).toLongLong(&ok);
    if (!ok || count < 1 || count > 10'000'000 || parser.positionalArguments().size() != 1)
        return context.fail(kUsageError, QStringLiteral("--count \"%1\" is invalid: a number from 1 to 1e7 is expected; "
                                                        "usage: facegate-cli bench records [--db URL] [--count N]")
                                             .arg(parser.value(QStringLiteral("count"))));
    QString error;
    QFile photoFile(parser.value(QStringLiteral("photo")));
    if (!photoFile.open(QIODevice::ReadOnly))
        return context.fail(kProcessingError, QStringLiteral("%1: %2").arg(photoFile.fileName(), photoFile.errorString()));
    BiometricSample sample;
    sample.photo = photoFile.readAll();
    const std::optional<ImageHeader> header = ImageHeader::probe(sample.photo, &error);
    if (!header)
        return context.fail(kProcessingError, QStringLiteral("%1: %2").arg(photoFile.fileName(), error));
    sample.format = ImageHeader::formatName(header->format).toLower();

    QTemporaryDir scratch;
    if (!scratch.isValid())
        return context.fail(kProcessingError, QStringLiteral("cannot create a temporary folder"));
    const QString urlText = parser.isSet(QStringLiteral("db")) ? parser.value(QStringLiteral("db"))
                                                                : QStringLiteral("sqlite://") + scratch.filePath(QStringLiteral("bench.db"));
    const std::optional<DatabaseUrl> url = DatabaseUrl::parse(urlText, &error);
    if (!url)
        return context.fail(kUsageError, error);
    QString keyFile = parser.value(QStringLiteral("key-file"));
    if (keyFile.isEmpty()) {
        keyFile = scratch.filePath(QStringLiteral("bench.kek"));
        if (!KeyEncryptionKey::createKeyFile(keyFile, &error))
            return context.fail(kProcessingError, error);
    }
    const SystemClock clock;
    const std::unique_ptr<Database> database = Database::open(*url, &error);
    if (!database)
        return context.fail(kProcessingError, error);
    const std::shared_ptr<const AuditKey> auditKey = benchAuditKey(&error);
    if (!auditKey)
        return context.fail(kProcessingError, error);
    const AuditLog audit(*database, clock, auditKey);
    const QString actor = QStringLiteral("cli:bench-records");
    const std::unique_ptr<KeyStore> keys = KeyStore::openWithKeyFile(*database, audit, keyFile, actor, &error);
    if (!keys)
        return context.fail(kProcessingError, error);
    const RetentionPolicy policy;
    const EncounterStore store(*database, *keys, audit, clock, policy);

    QRandomGenerator random(20261126);
    std::vector<double> latencies;
    latencies.reserve(size_t(count));
    QElapsedTimer total;
    total.start();
    for (qint64 i = 0; i < count; ++i) {
        Encounter encounter;
        encounter.citizenship = i % 2 == 0 ? QStringLiteral("USA") : QStringLiteral("FRA");
        encounter.decision = i % 2 == 0 ? Encounter::Decision::Match : Encounter::Decision::NoMatch;
        sample.faceTemplate = syntheticTemplate(random);
        QElapsedTimer one;
        one.start();
        if (!store.add(encounter, &sample, actor, &error))
            return context.fail(kProcessingError, QStringLiteral("encounter %1 of %2: %3").arg(i + 1).arg(count).arg(error));
        latencies.push_back(double(one.nsecsElapsed()) / 1e6);
    }
    const double seconds = double(total.nsecsElapsed()) / 1e9;
    std::sort(latencies.begin(), latencies.end());
    const auto percentile = [&latencies](double p) { return latencies[size_t(p * double(latencies.size() - 1))]; };
    QJsonObject result{{QStringLiteral("benchmark"), QStringLiteral("records")},
                       {QStringLiteral("backend"), database->isSqlite() ? QStringLiteral("sqlite") : QStringLiteral("postgresql")},
                       {QStringLiteral("database"), url->toDisplayString()},
                       {QStringLiteral("count"), count},
                       {QStringLiteral("photo"), photoFile.fileName()},
                       {QStringLiteral("photo_bytes"), sample.photo.size()},
                       {QStringLiteral("template"), QStringLiteral("synthetic, %1 floats").arg(Template::kDimension)},
                       {QStringLiteral("seconds"), seconds},
                       {QStringLiteral("encounters_per_second"), double(count) / seconds},
                       {QStringLiteral("ms_per_encounter_p50"), percentile(0.5)},
                       {QStringLiteral("ms_per_encounter_p95"), percentile(0.95)},
                       {QStringLiteral("ms_per_encounter_max"), latencies.back()},
                       {QStringLiteral("per_encounter"), QStringLiteral("one transaction: traveler, encounter, sealed photo, "
                                                                        "sealed template, queue item (every other), audit event")}};
    if (database->isSqlite()) {
        result.insert(QStringLiteral("sqlite_file_bytes"), QFileInfo(url->sqlitePath()).size());
        result.insert(QStringLiteral("sqlite_wal_bytes"), QFileInfo(url->sqlitePath() + QStringLiteral("-wal")).size());
        result.insert(QStringLiteral("synchronous"), QStringLiteral("FULL (WAL)"));
    }
    return context.printJson(result);
}

} // namespace

int runBench(const QStringList& arguments, CliContext& context)
{
    // bench purge, queue and rotate have options of their own (PurgeBench, QueueBench, RotateBench).
    if (arguments.size() > 1 && arguments[1] == QLatin1String("purge"))
        return runPurgeBench(arguments, context);
    if (arguments.size() > 1 && arguments[1] == QLatin1String("records"))
        return benchRecords(arguments, context);
    if (arguments.size() > 1 && arguments[1] == QLatin1String("queue"))
        return runQueueBench(arguments, context);
    if (arguments.size() > 1 && arguments[1] == QLatin1String("rotate"))
        return runRotateBench(arguments, context);
    if (arguments.size() > 1 && arguments[1] == QLatin1String("service"))
        return runServiceBench(arguments, context);
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
