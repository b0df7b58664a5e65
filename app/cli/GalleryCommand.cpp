#include "app/cli/GalleryCommand.h"

#include "app/cli/BatchEnroller.h"
#include "app/cli/CsvReader.h"
#include "core/matching/Gallery.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
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
    const std::optional<CsvReader> csv = CsvReader::readFile(manifestPath, &error);
    if (!csv)
        return context.fail(kProcessingError, error);
    const int idColumn = csv->column(QStringLiteral("traveler_id"));
    const int photoColumn = csv->column(QStringLiteral("photo_path"));
    if (idColumn < 0 || photoColumn < 0)
        return context.fail(kProcessingError, QStringLiteral("%1: the header must name traveler_id and photo_path "
                                                             "(read: %2)")
                                                  .arg(manifestPath, csv->header().join(QLatin1Char(','))));
    const int nameColumn = csv->column(QStringLiteral("name"));
    const int citizenshipColumn = csv->column(QStringLiteral("citizenship"));
    const int documentColumn = csv->column(QStringLiteral("document_no"));
    const QDir base = QFileInfo(manifestPath).absoluteDir();

    QStringList photos;
    std::vector<GalleryEntry> entries;
    for (size_t row = 0; row < csv->rows().size(); ++row) {
        const QStringList& fields = csv->rows()[row];
        auto field = [&fields](int column) { return column >= 0 && column < fields.size() ? fields[column].trimmed() : QString(); };
        GalleryEntry entry{field(idColumn), field(nameColumn), field(citizenshipColumn), field(documentColumn),
                           base.absoluteFilePath(field(photoColumn))};
        if (entry.travelerId.isEmpty() || field(photoColumn).isEmpty())
            return context.fail(kProcessingError, QStringLiteral("%1:%2: traveler_id and photo_path must not be empty")
                                                      .arg(manifestPath)
                                                      .arg(csv->lineOf(row)));
        photos << entry.photoPath;
        entries.push_back(entry);
    }
    const auto outcomes = BatchEnroller::enrolFiles(photos, context.pipelineOptions(), QThread::idealThreadCount(), &error);
    if (!outcomes)
        return context.fail(kProcessingError, error);

    QString modelId;
    for (const EnrolOutcome& outcome : *outcomes) {
        if (outcome.faceTemplate) {
            modelId = outcome.faceTemplate->modelId();
            break;
        }
    }
    Gallery gallery(modelId);
    QJsonArray failed;
    for (size_t i = 0; i < entries.size(); ++i) {
        const EnrolOutcome& outcome = (*outcomes)[i];
        if (!outcome.faceTemplate || !gallery.add(entries[i], *outcome.faceTemplate, &error)) {
            failed.append(QJsonObject{{QStringLiteral("traveler_id"), entries[i].travelerId},
                                      {QStringLiteral("photo"), entries[i].photoPath},
                                      {QStringLiteral("reason"), outcome.faceTemplate ? error : outcome.error}});
        }
    }
    if (gallery.isEmpty())
        return context.fail(kProcessingError, QStringLiteral("%1: no photo of the manifest enrolled").arg(manifestPath));
    if (!gallery.save(outPath, &error))
        return context.fail(kProcessingError, error);
    return context.printJson(QJsonObject{{QStringLiteral("gallery"), outPath},
                                         {QStringLiteral("model_id"), gallery.modelId()},
                                         {QStringLiteral("entries"), int(entries.size())},
                                         {QStringLiteral("enrolled"), int(gallery.size())},
                                         {QStringLiteral("failed"), failed}});
}

} // namespace fg::cli
