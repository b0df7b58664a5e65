#include "app/cli/VerifyCommand.h"

#include "app/cli/Calibration.h"
#include "app/cli/JsonForm.h"
#include "core/biometrics/ImageLoader.h"
#include "core/matching/Matcher.h"

#include <QCommandLineParser>

namespace fg::cli {

int runVerify(const QStringList& arguments, CliContext& context)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("IMAGE_A"), QStringLiteral("first photo"));
    parser.addPositionalArgument(QStringLiteral("IMAGE_B"), QStringLiteral("second photo"));
    parser.addOption({QStringLiteral("fmr"), QStringLiteral("false match rate target"), QStringLiteral("FMR"),
                      QStringLiteral("1e-3")});
    if (!parser.parse(arguments))
        return context.fail(kUsageError, parser.errorText());
    const QStringList images = parser.positionalArguments();
    if (images.size() != 2)
        return context.fail(kUsageError, QStringLiteral("usage: facegate-cli verify IMAGE_A IMAGE_B [--fmr 1e-3]"));
    QString error;
    const std::optional<double> fmr = parseFmr(parser.value(QStringLiteral("fmr")), &error);
    if (!fmr)
        return context.fail(kUsageError, error);

    FacePipeline* pipeline = context.pipeline(&error);
    if (!pipeline)
        return context.fail(kProcessingError, error);
    ExitStatus status = kSuccess;
    const std::optional<CalibratedThreshold> calibrated = calibratedThreshold(*fmr, pipeline->modelId(), &status, &error);
    if (!calibrated)
        return context.fail(status, error);

    Template templates[2];
    QJsonObject sides[2];
    const ImageLoader loader;
    for (int i = 0; i < 2; ++i) {
        const std::optional<cv::Mat> image = loader.loadFile(images[i], &error);
        if (!image)
            return context.fail(kProcessingError, error);
        const std::optional<Enrolment> enrolment = pipeline->enrol(*image, &error);
        if (!enrolment)
            return context.fail(kProcessingError, QStringLiteral("%1: %2").arg(images[i], error));
        templates[i] = enrolment->faceTemplate;
        sides[i] = QJsonObject{{QStringLiteral("image"), images[i]},
                               {QStringLiteral("face_count"), enrolment->faceCount},
                               {QStringLiteral("face"), toJson(enrolment->face, false)}};
    }
    const std::optional<Decision> decision = Matcher::decide(templates[0], templates[1], calibrated->threshold, &error);
    if (!decision)
        return context.fail(kProcessingError, error);
    return context.printJson(QJsonObject{{QStringLiteral("score"), double(decision->score)},
                                         {QStringLiteral("threshold"), double(decision->threshold)},
                                         {QStringLiteral("fmr"), *fmr},
                                         {QStringLiteral("match"), decision->isMatch},
                                         {QStringLiteral("decision"),
                                          decision->isMatch ? QStringLiteral("match") : QStringLiteral("no-match")},
                                         {QStringLiteral("model_id"), pipeline->modelId()},
                                         {QStringLiteral("calibration"), calibrated->dataset},
                                         {QStringLiteral("a"), sides[0]},
                                         {QStringLiteral("b"), sides[1]}});
}

} // namespace fg::cli
