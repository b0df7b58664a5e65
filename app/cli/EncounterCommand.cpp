#include "app/cli/EncounterCommand.h"

#include "app/cli/JsonForm.h"
#include "app/cli/PurgeCommand.h"
#include "app/cli/RecordsSession.h"
#include "core/biometrics/ImageHeader.h"
#include "core/biometrics/ImageLoader.h"
#include "core/config/Settings.h"
#include "core/security/KeyStore.h"
#include "core/storage/Clock.h"
#include "core/workflow/EncounterStore.h"

#include <QCommandLineParser>
#include <QFile>
#include <QRegularExpression>
#include <QSysInfo>

namespace fg::cli {
namespace {

const QString kUsage = QStringLiteral(
    "usage: facegate-cli --db URL encounter add --photo IMAGE --citizenship CODE [--exempt] "
    "[--verified-at ISO8601] [--decision match|no-match] [--kind entry|exit|checkpoint] [--key-file PATH]");

// The parsed words of `encounter add`, before anything is read or written.
struct AddRequest {
    QString photoPath;
    Encounter encounter;
    QString keyFile;
};

bool parseAdd(const QCommandLineParser& parser, const QDateTime& now, AddRequest* request, QString* error)
{
    if (parser.positionalArguments() != QStringList{QStringLiteral("add")}) {
        *error = kUsage;
        return false;
    }
    request->photoPath = parser.value(QStringLiteral("photo"));
    if (request->photoPath.isEmpty()) {
        *error = QStringLiteral("--photo IMAGE is required; ") + kUsage;
        return false;
    }
    if (!parser.isSet(QStringLiteral("citizenship"))) {
        *error = QStringLiteral("--citizenship CODE is required; ") + kUsage;
        return false;
    }
    Encounter& encounter = request->encounter;
    encounter.citizenship = parser.value(QStringLiteral("citizenship"));
    if (!checkCitizenship(encounter.citizenship, error))
        return false;
    encounter.biometricExempt = parser.isSet(QStringLiteral("exempt"));
    encounter.mode = Encounter::Mode::Biometric;
    encounter.verifiedAt = now;
    if (parser.isSet(QStringLiteral("verified-at"))) {
        const std::optional<QDateTime> verified =
            parseInstant(parser.value(QStringLiteral("verified-at")), QStringLiteral("--verified-at"), error);
        if (!verified)
            return false;
        encounter.verifiedAt = *verified;
    }
    if (parser.isSet(QStringLiteral("decision"))) {
        const QString name = parser.value(QStringLiteral("decision"));
        encounter.decision = Encounter::decisionFromName(name);
        if (encounter.decision != Encounter::Decision::Match && encounter.decision != Encounter::Decision::NoMatch) {
            *error = QStringLiteral("--decision \"%1\" is not one of match, no-match").arg(name);
            return false;
        }
        encounter.decidedAt = now;
    }
    const QString kind = parser.value(QStringLiteral("kind"));
    const std::optional<Encounter::Kind> parsedKind = Encounter::kindFromName(kind);
    if (!parsedKind) {
        *error = QStringLiteral("--kind \"%1\" is not one of entry, exit, checkpoint").arg(kind);
        return false;
    }
    encounter.kind = *parsedKind;
    encounter.capturedAt = now;
    encounter.workstation = QSysInfo::machineHostName();
    request->keyFile = parser.value(QStringLiteral("key-file"));
    return true;
}

// The photo file's bytes, its format name ("jpeg", "png"...) and the traveler's template.
std::optional<BiometricSample> readSample(const QString& path, CliContext& context, QJsonObject* quality,
                                          QString* error)
{
    const ImageLoader loader;
    const std::optional<cv::Mat> image = loader.loadFile(path, error);
    if (!image)
        return std::nullopt;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("%1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    BiometricSample sample;
    sample.photo = file.readAll();
    QString why;
    const std::optional<ImageHeader> header = ImageHeader::probe(sample.photo, &why);
    if (!header) {
        *error = QStringLiteral("%1: %2").arg(path, why);
        return std::nullopt;
    }
    sample.format = ImageHeader::formatName(header->format).toLower();

    FacePipeline* pipeline = context.pipeline(error);
    if (!pipeline)
        return std::nullopt;
    const std::optional<Enrolment> enrolment = pipeline->enrol(*image, &why);
    if (!enrolment) {
        *error = QStringLiteral("no face in %1 (%2)").arg(path, why);
        return std::nullopt;
    }
    sample.faceTemplate = enrolment->faceTemplate;
    *quality = toJson(enrolment->face.quality);
    return sample;
}

QJsonValue idOrNull(const QString& id)
{
    return id.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(id);
}

} // namespace

bool checkCitizenship(const QString& code, QString* error)
{
    static const QRegularExpression threeLetters(QStringLiteral("^[A-Z]{3}$"));
    if (threeLetters.match(code).hasMatch())
        return true;
    *error = QStringLiteral("--citizenship \"%1\" is not an ICAO 9303 nationality code: three capital letters A-Z "
                            "(USA, FRA, ...) are expected")
                 .arg(code);
    return false;
}

int runEncounterCommand(const QStringList& arguments, RecordsSession& session, CliContext& context)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("add"), QStringLiteral("add an encounter"));
    parser.addOptions({
        {QStringLiteral("photo"), QStringLiteral("the captured photo"), QStringLiteral("IMAGE")},
        {QStringLiteral("citizenship"), QStringLiteral("ICAO 9303 three-letter code"), QStringLiteral("CODE")},
        {QStringLiteral("exempt"), QStringLiteral("the traveler is biometrically exempt")},
        {QStringLiteral("verified-at"), QStringLiteral("identity verified at (ISO 8601 with a zone; default now)"),
         QStringLiteral("ISO8601")},
        {QStringLiteral("decision"), QStringLiteral("match or no-match (default: none recorded)"), QStringLiteral("DECISION")},
        {QStringLiteral("kind"), QStringLiteral("entry, exit or checkpoint"), QStringLiteral("KIND"), QStringLiteral("entry")},
        {QStringLiteral("key-file"), QStringLiteral("the key-encryption key file"), QStringLiteral("PATH")},
    });
    if (!parser.parse(arguments))
        return context.fail(kUsageError, parser.errorText());
    QString error;
    AddRequest request;
    if (!parseAdd(parser, session.clock().now(), &request, &error))
        return context.fail(kUsageError, error);
    const std::optional<RetentionPolicy> policy = configuredRetentionPolicy(&error);
    if (!policy)
        return context.fail(kUsageError, error);

    QJsonObject quality;
    const std::optional<BiometricSample> sample = readSample(request.photoPath, context, &quality, &error);
    if (!sample)
        return context.fail(kProcessingError, error);
    request.encounter.quality = quality;
    KeyStore* keys = session.keys(request.keyFile, &error);
    if (!keys)
        return context.fail(kProcessingError, error);

    const EncounterStore store(session.database(), *keys, session.audit(), session.clock(), *policy);
    StoredEncounter stored;
    if (!store.add(request.encounter, &*sample, session.actor(), &error, &stored))
        return context.fail(kProcessingError, error);
    const auto& decision = request.encounter.decision;
    return context.printJson(QJsonObject{
        {QStringLiteral("id"), stored.id},
        {QStringLiteral("decision"),
         decision ? QJsonValue(Encounter::decisionName(*decision)) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("kind"), Encounter::kindName(request.encounter.kind)},
        {QStringLiteral("traveler_id"), stored.travelerId},
        {QStringLiteral("photo_id"), idOrNull(stored.photoId)},
        {QStringLiteral("photo_format"), sample->format},
        {QStringLiteral("template_id"), idOrNull(stored.templateId)},
        {QStringLiteral("model_id"), sample->faceTemplate->modelId()},
        {QStringLiteral("retention_rule"), RetentionPolicy::ruleName(stored.rule)},
        {QStringLiteral("verified_at"), stored.verifiedAt.toString(Qt::ISODateWithMs)},
        {QStringLiteral("purge_due_at"), stored.purgeDueAt.toString(Qt::ISODateWithMs)},
        {QStringLiteral("queue_item_id"), stored.queueItemId > 0 ? QJsonValue(stored.queueItemId) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("kek_id"), stored.kekId},
    });
}

} // namespace fg::cli
