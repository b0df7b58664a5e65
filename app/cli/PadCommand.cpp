#include "app/cli/PadCommand.h"

#include "core/biometrics/ImageLoader.h"
#include "core/biometrics/PresentationAttack.h"
#include "core/capture/VideoFileSource.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QMimeDatabase>

#include <cmath>

namespace fg::cli {

namespace {

constexpr double kDefaultBpcer = 0.01;
constexpr qint64 kDefaultMaxFrames = 1500; // a minute at 25 fps
constexpr qint64 kMostFrames = 100'000;

double rounded(double value, int decimals)
{
    const double scale = std::pow(10.0, decimals);
    return std::round(value * scale) / scale;
}

std::optional<double> parseBpcer(const QString& text, QString* error)
{
    bool ok = false;
    const double bpcer = text.toDouble(&ok);
    if (!ok || !std::isfinite(bpcer) || bpcer <= 0.0 || bpcer >= 1.0) {
        *error = QStringLiteral("--bpcer \"%1\" is invalid: a bona fide presentation classification error rate "
                                "between 0 and 1 is expected (e.g. 0.01)")
                     .arg(text);
        return std::nullopt;
    }
    return bpcer;
}

// One scored frame, for the evidence printed.
QJsonObject frameJson(qint64 index, qint64 ms, const std::optional<PadFrame>& frame)
{
    QJsonObject json{{QStringLiteral("index"), index}, {QStringLiteral("ms"), ms},
                     {QStringLiteral("face"), frame.has_value()}};
    if (frame)
        json.insert(QStringLiteral("model_attack"), rounded(frame->modelAttack, 4));
    return json;
}

bool isVideo(const QString& path)
{
    const QMimeType type = QMimeDatabase().mimeTypeForFile(path);
    return type.name().startsWith(QLatin1String("video/"));
}

} // namespace

int runPad(const QStringList& arguments, CliContext& context)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("INPUT"), QStringLiteral("a photo, or a video of the traveler"));
    const QCommandLineOption bpcerOption(QStringLiteral("bpcer"),
                                         QStringLiteral("bona fide presentations wrongly called attacks"),
                                         QStringLiteral("RATE"), QString::number(kDefaultBpcer));
    const QCommandLineOption maxFramesOption(QStringLiteral("max-frames"),
                                             QStringLiteral("read at most this many frames of a video"),
                                             QStringLiteral("N"), QString::number(kDefaultMaxFrames));
    parser.addOption(bpcerOption);
    parser.addOption(maxFramesOption);
    if (!parser.parse(arguments))
        return context.fail(kUsageError, parser.errorText());
    if (parser.positionalArguments().size() != 1)
        return context.fail(kUsageError,
                            QStringLiteral("usage: facegate-cli pad [--bpcer RATE] [--max-frames N] IMAGE|VIDEO"));
    const QString path = parser.positionalArguments().front();
    QString error;
    const std::optional<double> bpcer = parseBpcer(parser.value(bpcerOption), &error);
    if (!bpcer)
        return context.fail(kUsageError, error);
    bool numeric = false;
    const qint64 maxFrames = parser.value(maxFramesOption).toLongLong(&numeric);
    if (!numeric || maxFrames < 1 || maxFrames > kMostFrames)
        return context.fail(kUsageError, QStringLiteral("--max-frames \"%1\" is invalid: 1 to %2 frames")
                                             .arg(parser.value(maxFramesOption))
                                             .arg(kMostFrames));
    if (!QFileInfo(path).isFile())
        return context.fail(kProcessingError, QStringLiteral("%1: no such file").arg(path));

    // The operating point first: without a calibration table nothing can be decided.
    const std::optional<PadOperatingPoint> point =
        PadCalibrationTable::operatingPoint(*bpcer, PadFrameScorer::modelId(), &error);
    if (!point)
        return context.fail(kProcessingError, error);
    FacePipeline* pipeline = context.pipeline(&error);
    if (!pipeline)
        return context.fail(kProcessingError, error);
    std::optional<PadFrameScorer> scorer = PadFrameScorer::load(context.pipelineOptions().modelDirectory, &error);
    if (!scorer)
        return context.fail(kProcessingError, error);

    QElapsedTimer timer;
    timer.start();
    PadAccumulator frames;
    QJsonArray perFrame;
    qint64 framesRead = 0;
    bool truncated = false;
    const bool video = isVideo(path);
    if (video) {
        VideoFileSource source(path);
        if (!source.open(&error))
            return context.fail(kProcessingError, error);
        Frame frame;
        for (;;) {
            const FrameSource::ReadStatus status = source.read(&frame, &error);
            if (status == FrameSource::ReadStatus::EndOfStream)
                break;
            if (status == FrameSource::ReadStatus::Lost)
                return context.fail(kProcessingError, QStringLiteral("%1: %2").arg(path, error));
            if (framesRead == maxFrames) {
                truncated = true;
                break;
            }
            ++framesRead;
            const std::optional<PadFrame> scored = scorer->scoreSubject(*pipeline, frame.image, frame.timestampMs);
            perFrame.append(frameJson(frame.index, frame.timestampMs, scored));
            if (scored)
                frames.add(*scored);
            else
                frames.addWithoutFace();
        }
        if (framesRead == 0)
            return context.fail(kProcessingError, QStringLiteral("%1: the video holds no frame").arg(path));
    } else {
        const std::optional<cv::Mat> image = ImageLoader().loadFile(path, &error);
        if (!image)
            return context.fail(kProcessingError, error);
        framesRead = 1;
        const std::optional<PadFrame> scored = scorer->scoreSubject(*pipeline, *image, 0);
        perFrame.append(frameJson(0, 0, scored));
        if (scored)
            frames.add(*scored);
        else
            frames.addWithoutFace();
    }
    const double ms = double(timer.nsecsElapsed()) / 1e6;
    const PadAssessment assessment = frames.assess(*point);
    if (assessment.decision == PadDecision::NotAssessed)
        return context.fail(kProcessingError, QStringLiteral("%1: no face found (%2)").arg(path, assessment.reason));

    return context.printJson(QJsonObject{{QStringLiteral("input"), path},
                                         {QStringLiteral("kind"), video ? QStringLiteral("video") : QStringLiteral("image")},
                                         {QStringLiteral("frames_read"), framesRead},
                                         {QStringLiteral("truncated"), truncated},
                                         {QStringLiteral("presentation_attack"), assessment.toJson()},
                                         {QStringLiteral("words"), assessment.words()},
                                         {QStringLiteral("per_frame"), perFrame},
                                         {QStringLiteral("milliseconds"), rounded(ms, 1)},
                                         {QStringLiteral("milliseconds_per_frame"), rounded(ms / double(framesRead), 1)}});
}

} // namespace fg::cli
