#include "app/cli/GalleryCommand.h"

#include "core/biometrics/GalleryBuilder.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QThread>

namespace fg::cli {

int runGallery(const QStringList& arguments, CliContext& context)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("build"), QStringLiteral("the action"));
    parser.addOption({QStringLiteral("manifest"), QStringLiteral("traveler manifest CSV"), QStringLiteral("CSV")});
    parser.addOption({QStringLiteral("out"), QStringLiteral("gallery file to write"), QStringLiteral("FILE")});
    const QString usage = QStringLiteral("usage: facegate-cli gallery build --manifest CSV --out FILE");
    if (!parser.parse(arguments))
        return context.fail(kUsageError, parser.errorText());
    if (parser.positionalArguments() != QStringList{QStringLiteral("build")} || !parser.isSet(QStringLiteral("manifest"))
        || !parser.isSet(QStringLiteral("out")))
        return context.fail(kUsageError, usage);
    const QString manifestPath = parser.value(QStringLiteral("manifest"));
    const QString outPath = parser.value(QStringLiteral("out"));

    QString error;
    const std::optional<GalleryBuild> built = GalleryBuilder::build(manifestPath, context.pipelineOptions(),
                                                                    QThread::idealThreadCount(), &error);
    if (!built)
        return context.fail(kProcessingError, error);
    const Gallery& gallery = built->gallery;
    QJsonArray failed;
    for (const GalleryFailure& failure : built->failed)
        failed.append(QJsonObject{{QStringLiteral("traveler_id"), failure.entry.travelerId},
                                  {QStringLiteral("photo"), failure.entry.photoPath},
                                  {QStringLiteral("reason"), failure.reason}});
    if (!gallery.save(outPath, &error))
        return context.fail(kProcessingError, error);
    return context.printJson(QJsonObject{{QStringLiteral("gallery"), outPath},
                                         {QStringLiteral("model_id"), gallery.modelId()},
                                         {QStringLiteral("entries"), int(built->manifestRows)},
                                         {QStringLiteral("enrolled"), int(gallery.size())},
                                         {QStringLiteral("failed"), failed}});
}

} // namespace fg::cli
