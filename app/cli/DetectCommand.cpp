#include "app/cli/DetectCommand.h"

#include "app/cli/JsonForm.h"
#include "core/biometrics/ImageLoader.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QJsonArray>

namespace fg::cli {

int runDetect(const QStringList& arguments, CliContext& context)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("IMAGE"), QStringLiteral("photo to analyse"));
    if (!parser.parse(arguments))
        return context.fail(kUsageError, parser.errorText());
    if (parser.positionalArguments().size() != 1)
        return context.fail(kUsageError, QStringLiteral("usage: facegate-cli detect IMAGE"));
    const QString path = parser.positionalArguments().front();

    QString error;
    FacePipeline* pipeline = context.pipeline(&error);
    if (!pipeline)
        return context.fail(kProcessingError, error);
    const std::optional<cv::Mat> image = ImageLoader().loadFile(path, &error);
    if (!image)
        return context.fail(kProcessingError, error);
    QElapsedTimer timer;
    timer.start();
    const std::vector<Face> faces = pipeline->analyze(*image, FacePipeline::Depth::WithQuality);
    const double ms = double(timer.nsecsElapsed()) / 1e6;
    if (faces.empty())
        return context.fail(kProcessingError, QStringLiteral("%1: no face found").arg(path));
    QJsonArray list;
    for (const Face& face : faces)
        list.append(toJson(face, true));
    return context.printJson(QJsonObject{{QStringLiteral("image"), path},
                                         {QStringLiteral("width"), image->cols},
                                         {QStringLiteral("height"), image->rows},
                                         {QStringLiteral("face_count"), int(faces.size())},
                                         {QStringLiteral("subject_index"), pipeline->subjectIndex(faces, image->size())},
                                         {QStringLiteral("faces"), list},
                                         {QStringLiteral("milliseconds"), std::round(ms * 10) / 10}});
}

} // namespace fg::cli
