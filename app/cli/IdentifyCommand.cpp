#include "app/cli/IdentifyCommand.h"

#include "app/cli/Calibration.h"
#include "app/cli/JsonForm.h"
#include "core/biometrics/ImageLoader.h"
#include "core/matching/Gallery.h"

#include <QCommandLineParser>
#include <QJsonArray>

namespace fg::cli {

int runIdentify(const QStringList& arguments, CliContext& context)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("IMAGE"), QStringLiteral("probe photo"));
    parser.addOption({QStringLiteral("gallery"), QStringLiteral("gallery file"), QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("top"), QStringLiteral("candidates to list"), QStringLiteral("K"), QStringLiteral("5")});
    parser.addOption({QStringLiteral("fmr"), QStringLiteral("false match rate target"), QStringLiteral("FMR"),
                      QStringLiteral("1e-3")});
    const QString usage = QStringLiteral("usage: facegate-cli identify --gallery FILE IMAGE [--top 5]");
    if (!parser.parse(arguments))
        return context.fail(kUsageError, parser.errorText());
    if (parser.positionalArguments().size() != 1 || !parser.isSet(QStringLiteral("gallery")))
        return context.fail(kUsageError, usage);
    bool ok = false;
    const int top = parser.value(QStringLiteral("top")).toInt(&ok);
    if (!ok || top < 1 || top > 1000)
        return context.fail(kUsageError, QStringLiteral("--top \"%1\" is invalid: a whole number from 1 to 1000 is expected")
                                             .arg(parser.value(QStringLiteral("top"))));
    QString error;
    const std::optional<double> fmr = parseFmr(parser.value(QStringLiteral("fmr")), &error);
    if (!fmr)
        return context.fail(kUsageError, error);
    const QString imagePath = parser.positionalArguments().front();

    FacePipeline* pipeline = context.pipeline(&error);
    if (!pipeline)
        return context.fail(kProcessingError, error);
    const std::optional<Gallery> gallery = Gallery::load(parser.value(QStringLiteral("gallery")), pipeline->modelId(), &error);
    if (!gallery)
        return context.fail(kProcessingError, error);
    ExitStatus status = kSuccess;
    const std::optional<CalibratedThreshold> calibrated = calibratedThreshold(*fmr, pipeline->modelId(), &status, &error);
    if (!calibrated)
        return context.fail(status, error);
    const double threshold = double(calibrated->threshold);
    const std::optional<cv::Mat> image = ImageLoader().loadFile(imagePath, &error);
    if (!image)
        return context.fail(kProcessingError, error);
    const std::optional<Enrolment> probe = pipeline->enrol(*image, &error);
    if (!probe)
        return context.fail(kProcessingError, QStringLiteral("%1: %2").arg(imagePath, error));
    const auto candidates = gallery->identify(probe->faceTemplate, top, &error);
    if (!candidates)
        return context.fail(kProcessingError, error);

    QJsonArray list;
    for (const Candidate& candidate : *candidates) {
        const GalleryEntry& entry = gallery->entry(candidate.index);
        list.append(QJsonObject{{QStringLiteral("traveler_id"), entry.travelerId},
                                {QStringLiteral("name"), entry.name},
                                {QStringLiteral("citizenship"), entry.citizenship},
                                {QStringLiteral("document_no"), entry.documentNumber},
                                {QStringLiteral("photo"), entry.photoPath},
                                {QStringLiteral("score"), double(candidate.score)},
                                {QStringLiteral("match"), double(candidate.score) >= threshold}});
    }
    const bool match = !candidates->empty() && double(candidates->front().score) >= threshold;
    return context.printJson(QJsonObject{{QStringLiteral("image"), imagePath},
                                         {QStringLiteral("gallery_size"), int(gallery->size())},
                                         {QStringLiteral("threshold"), threshold},
                                         {QStringLiteral("fmr"), *fmr},
                                         {QStringLiteral("decision"), match ? QStringLiteral("match") : QStringLiteral("no-match")},
                                         {QStringLiteral("traveler_id"), match ? candidates->front().travelerId : QString()},
                                         {QStringLiteral("face_count"), probe->faceCount},
                                         {QStringLiteral("face"), toJson(probe->face, false)},
                                         {QStringLiteral("candidates"), list}});
}

} // namespace fg::cli
