#include "core/service/MatchingApi.h"

#include "core/workflow/EncounterSubject.h"

#include "core/biometrics/FacePipeline.h"
#include "core/biometrics/PipelinePool.h"
#include "core/biometrics/GalleryBuilder.h"
#include "core/biometrics/ImageHeader.h"
#include "core/biometrics/ImageLoader.h"
#include "core/matching/Gallery.h"
#include "core/service/MatchServer.h"
#include "core/service/PurgeAttestation.h"
#include "core/workflow/EncounterSubject.h"
#include "core/service/ServiceLog.h"
#include "core/security/AuditLog.h"
#include "core/storage/Clock.h"
#include "core/workflow/EncounterStore.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSslCertificate>

namespace fg {

namespace {

// The service's reasons go to its clients in JSON and to its log: English,
// never translated (translations/CMakeLists.txt: core words the officer reads).
QString tr(const char* text)
{
    return QString::fromUtf8(text);
}

// A field of the body: absent (nullopt, *present = false), of the right type,
// or a 400 in *refusal naming the field and what it should be.
std::optional<QString> stringField(const QJsonObject& body, const QString& name, bool required, HttpResponse* refusal)
{
    const QJsonValue value = body.value(name);
    if (value.isUndefined() || value.isNull()) {
        if (required)
            *refusal = HttpResponse::error(400, tr("the field \"%1\" is missing").arg(name));
        return std::nullopt;
    }
    if (!value.isString()) {
        *refusal = HttpResponse::error(400, tr("the field \"%1\" must be a string").arg(name));
        return std::nullopt;
    }
    return value.toString();
}

// A client's value quoted back in a refusal: at most 40 characters, control
// characters escaped (the refusal reaches the client and the service log).
QString quoted(const QString& value)
{
    return logSafe(value, 40);
}

// Partner text kept in the records: a bounded length and plain characters.
bool checkText(const std::optional<QString>& value, const QString& field, const QRegularExpression& allowed,
               const QString& rule, HttpResponse* refusal)
{
    if (!value || allowed.match(*value).hasMatch())
        return true;
    *refusal = HttpResponse::error(400, tr("\"%1\" must be %2, not \"%3\"").arg(field, rule, quoted(*value)));
    return false;
}

// The answer's decision for a partner's capture refused as a presentation
// attack, and the counter of attacks by what was done with them.
const QString kPresentationAttackDecision = QStringLiteral("presentation-attack");
constexpr const char* kAttacksMetric = "facegate_presentation_attacks_total";
constexpr const char* kAttacksHelp =
    "Captures judged presentation attacks, by what the service did: refused (not matched) or flagged (matched, "
    "the flag in the answer).";

QString actorOf(const ClientIdentity& client)
{
    return (client.role == QLatin1String("workstation") ? QStringLiteral("workstation:") : QStringLiteral("partner:"))
        + client.commonName;
}

} // namespace

struct MatchingApi::Photo {
    QByteArray bytes;
    QString format; // "jpeg", "png"
    cv::Mat bgr;
};

// What is kept of a request with its encounter: the probe (and the
// reference: the document's photo, or the best candidate's), the probe's
// quality and its presentation-attack assessment.
struct MatchingApi::Capture {
    Photo probe;
    QByteArray referencePhoto;
    QString referenceFormat;
    QJsonObject quality;
    std::optional<PadAssessment> presentationAttack;
};

MatchingApi::MatchingApi(PipelinePool& pipelines, const Database& database, const EncounterStore& encounters,
                         const AuditLog& audit, const Clock& clock, MatchingApiOptions options,
                         Inspection::ThresholdSource thresholds)
    : m_pipelines(pipelines)
    , m_database(database)
    , m_encounters(encounters)
    , m_audit(audit)
    , m_clock(clock)
    , m_options(std::move(options))
    , m_thresholds(std::move(thresholds))
    , m_submissions(database, clock)
    , m_attestations(database, audit, clock)
{
}

MatchingApi::~MatchingApi()
{
    // The work uses this object's pipelines and options; finishing steps
    // still queued find m_alive expired and touch nothing of it.
    if (m_server)
        m_server->waitForWork();
}

HandlerReply MatchingApi::later(HandlerReply::Work work) const
{
    return HandlerReply::later([alive = std::weak_ptr<const int>(m_alive),
                                work = std::move(work)](const std::stop_token& stop) -> HandlerReply::Finish {
        HandlerReply::Finish finish = work(stop);
        return [alive, finish = std::move(finish)] {
            return alive.expired() ? HttpResponse::error(503, tr("the service is stopping")) : finish();
        };
    });
}

HandlerReply::Finish MatchingApi::stopped()
{
    // Nobody reads it: the server has answered the client (deadline) or lost it.
    return HandlerReply::answer(HttpResponse::error(503, tr("the request was stopped")));
}

bool MatchingApi::recordIdentify(const ClientIdentity& client, const QString& gallery, const QString& outcome,
                                 const QJsonObject& result) const
{
    QJsonObject details = result;
    details.insert(QStringLiteral("client"), client.subject());
    details.insert(QStringLiteral("fingerprint"), QString::fromLatin1(client.fingerprintSha256));
    details.insert(QStringLiteral("role"), client.role);
    details.insert(QStringLiteral("gallery"), gallery.left(64));
    details.insert(QStringLiteral("outcome"), outcome);
    QString error;
    if (m_audit.record(actorOf(client), QStringLiteral("service.identify"), gallery.left(64), details, &error))
        return true;
    qCCritical(lcService, "an identify by %s could not be recorded in the audit log: %s",
               qPrintable(logSafe(client.subject())), qPrintable(logSafe(error)));
    return false;
}

bool MatchingApi::isPlainName(const QString& name)
{
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z0-9_-][A-Za-z0-9_.-]{0,63}$"));
    return plain.match(name).hasMatch();
}

void MatchingApi::registerOn(MatchServer& server)
{
    m_server = &server;
    const QStringList submitters{QStringLiteral("partner"), QStringLiteral("workstation")};
    server.addRoute("POST", "/v1/verify",
                    [this](const HttpRequest& request, const ClientIdentity& client) { return verify(request, client); },
                    true, submitters);
    server.addRoute("POST", "/v1/identify",
                    [this](const HttpRequest& request, const ClientIdentity& client) { return identify(request, client); },
                    true, submitters);
    server.addRoute("PUT", "/v1/galleries/{name}",
                    [this](const HttpRequest& request, const ClientIdentity& client) {
                        return putGallery(request, client);
                    },
                    true, {QStringLiteral("workstation")});
    server.addRoute("POST", "/v1/submissions/{submission_id}/purge-attestation",
                    [this](const HttpRequest& request, const ClientIdentity& client) {
                        return attestPurge(request, client, m_server->peerCertificate());
                    },
                    true, {QStringLiteral("partner")});
    server.addRoute("GET", "/v1/health", [this](const HttpRequest&, const ClientIdentity&) { return health(); });
}

HttpResponse MatchingApi::health() const
{
    return HttpResponse::json(200, QJsonObject{{QStringLiteral("status"), QStringLiteral("ok")},
                                               {QStringLiteral("model_id"), m_pipelines.modelId()},
                                               {QStringLiteral("galleries"), galleryCount()},
                                               {QStringLiteral("version"), QCoreApplication::applicationVersion()}});
}

// Base64, then the image's header: its format and size are known before a
// pixel is decoded, so an image over the pixel limit costs no allocation.
std::optional<MatchingApi::Photo> MatchingApi::readPhoto(const QJsonObject& body, const QString& field,
                                                         HttpResponse* refusal) const
{
    const std::optional<QString> text = stringField(body, field, true, refusal);
    if (!text)
        return std::nullopt;
    const QByteArray::FromBase64Result decoded =
        QByteArray::fromBase64Encoding(text->toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.isEmpty()) {
        *refusal = HttpResponse::error(400, tr("the field \"%1\" is not base64").arg(field));
        return std::nullopt;
    }
    QString error;
    const std::optional<ImageHeader> header = ImageHeader::probe(decoded.decoded, &error);
    if (!header) {
        *refusal = HttpResponse::error(422, tr("the image in \"%1\" cannot be decoded: %2").arg(field, error));
        return std::nullopt;
    }
    if (header->format != ImageHeader::Format::Jpeg && header->format != ImageHeader::Format::Png) {
        *refusal = HttpResponse::error(
            422, tr("the image in \"%1\" is %2; JPEG or PNG is expected").arg(field, ImageHeader::formatName(header->format)));
        return std::nullopt;
    }
    if (header->pixelCount() > m_options.maxPixels) {
        *refusal = HttpResponse::error(413, tr("the image in \"%1\" is %2 x %3 pixels, over the limit of %4 pixels")
                                                .arg(field)
                                                .arg(header->width)
                                                .arg(header->height)
                                                .arg(m_options.maxPixels));
        return std::nullopt;
    }
    // Thousands of scans cost seconds to minutes of a worker whatever the
    // pixel count: refused here, before the work is queued.
    if (header->format == ImageHeader::Format::Jpeg && header->jpegScans > m_options.maxJpegScans) {
        *refusal = HttpResponse::error(
            422, tr("the image in \"%1\" is a JPEG of %2 scans, over the limit of %3 (a camera writes 1, a "
                    "progressive encoder about 10)")
                     .arg(field)
                     .arg(header->jpegScans)
                     .arg(m_options.maxJpegScans));
        return std::nullopt;
    }
    Photo photo;
    photo.bytes = decoded.decoded;
    photo.format = header->format == ImageHeader::Format::Png ? QStringLiteral("png") : QStringLiteral("jpeg");
    return photo;
}

bool MatchingApi::decode(Photo* photo, const QString& field, HttpResponse* refusal) const
{
    ImageLoader::Limits limits;
    limits.maxPixels = m_options.maxPixels;
    limits.maxJpegScans = m_options.maxJpegScans;
    QString error;
    std::optional<cv::Mat> bgr = ImageLoader(limits).decode(photo->bytes, &error);
    if (!bgr) {
        *refusal = HttpResponse::error(422, tr("the image in \"%1\" cannot be decoded: %2").arg(field, error));
        return false;
    }
    photo->bgr = std::move(*bgr);
    return true;
}

namespace {

// What the request says about the traveler and the place, common to verify
// and identify; a 400 in *refusal for a field of the wrong type or form.
bool readContext(const QJsonObject& body, Encounter* encounter, HttpResponse* refusal)
{
    *refusal = HttpResponse();
    const std::optional<QString> citizenship = stringField(body, QStringLiteral("citizenship"), false, refusal);
    const std::optional<QString> camera = stringField(body, QStringLiteral("camera"), false, refusal);
    const std::optional<QString> flight = stringField(body, QStringLiteral("flight"), false, refusal);
    const std::optional<QString> kind = stringField(body, QStringLiteral("kind"), false, refusal);
    if (refusal->status >= 400)
        return false;
    static const QRegularExpression code(QStringLiteral("^[A-Z<]{3}$"));
    static const QRegularExpression cameraName(QStringLiteral("^[A-Za-z0-9 ._:/#-]{1,64}$"));
    static const QRegularExpression flightName(QStringLiteral("^[A-Za-z0-9 _.-]{1,64}$"));
    if (!checkText(citizenship, QStringLiteral("citizenship"), code, tr("an ICAO 9303 three-letter code"), refusal)
        || !checkText(camera, QStringLiteral("camera"), cameraName,
                      tr("1 to 64 letters, digits, spaces and . _ : / # -"), refusal)
        || !checkText(flight, QStringLiteral("flight"), flightName, tr("1 to 64 letters, digits, spaces and . _ -"), refusal))
        return false;
    const QJsonValue exempt = body.value(QStringLiteral("exempt"));
    if (!exempt.isUndefined() && !exempt.isNull() && !exempt.isBool()) {
        *refusal = HttpResponse::error(400, tr("the field \"exempt\" must be true or false"));
        return false;
    }
    std::optional<Encounter::Kind> parsedKind = Encounter::Kind::Entry;
    if (kind)
        parsedKind = Encounter::kindFromName(*kind);
    if (!parsedKind) {
        *refusal =
            HttpResponse::error(400, tr("\"kind\" must be entry, exit or checkpoint, not \"%1\"").arg(quoted(*kind)));
        return false;
    }
    encounter->kind = *parsedKind;
    encounter->mode = Encounter::Mode::Biometric;
    encounter->citizenship = citizenship.value_or(QString());
    encounter->biometricExempt = exempt.toBool(false);
    encounter->camera = camera.value_or(QString());
    encounter->flight = flight.value_or(QString());
    return true;
}

// The traveler's face in a decoded photo: found or not, its quality, its
// template; for a probe whose client's captures are assessed, whether it is a
// presentation attack.
struct Analysed {
    bool faceFound = false;
    bool qualityPassed = false;
    QJsonObject quality;
    std::optional<Template> faceTemplate;
    std::optional<PadAssessment> presentationAttack;
};

// pad: assess the face with the lease's scorer at the client's operating
// point; a capture the client's policy refuses gets no template (it is not matched).
Analysed analyse(const PipelinePool::Lease& pipeline, const cv::Mat& bgr,
                 const std::optional<PresentationAttackPolicy::Applied>& pad = std::nullopt)
{
    Analysed result;
    const std::vector<Face> faces = pipeline->analyze(bgr);
    const int subject = pipeline->subjectIndex(faces, bgr.size());
    const Face* face = subject < 0 ? nullptr : &faces[size_t(subject)];
    if (pad)
        result.presentationAttack =
            PresentationAttackPolicy::assessPhoto(pipeline.presentationAttack(), bgr, face, pad->point);
    if (!face)
        return result;
    result.faceFound = true;
    result.qualityPassed = face->quality.passed();
    result.quality = face->quality.toJson();
    if (pad && pad->refuses(*result.presentationAttack))
        return result;
    result.faceTemplate = pipeline->templateOf(bgr, *face);
    return result;
}

// What an identify's audit event says of the probe's assessment (the
// encounter keeps the whole evidence).
QJsonObject auditedAssessment(const std::optional<PadAssessment>& assessment)
{
    if (!assessment)
        return QJsonObject();
    QJsonObject audited{{QStringLiteral("decision"), padDecisionName(assessment->decision)}};
    if (assessment->decision != PadDecision::NotAssessed) {
        audited.insert(QStringLiteral("score"), assessment->score);
        audited.insert(QStringLiteral("threshold"), assessment->threshold);
        audited.insert(QStringLiteral("bpcer"), assessment->bpcer);
    }
    return audited;
}

bool isRefused(const std::optional<PresentationAttackPolicy::Applied>& pad, const Analysed& probe)
{
    return pad && probe.presentationAttack && pad->refuses(*probe.presentationAttack);
}

// The assessment as schema 11 keeps it with the encounter.
void recordPresentationAttack(const std::optional<PadAssessment>& assessment, Encounter* encounter)
{
    if (!assessment)
        return;
    encounter->padDecision = padDecisionName(assessment->decision);
    encounter->padScore = assessment->decision == PadDecision::NotAssessed ? std::nullopt
                                                                           : std::optional<double>(assessment->score);
    encounter->padEvidence = assessment->toJson();
}

} // namespace

std::optional<PresentationAttackPolicy::Applied> MatchingApi::presentationAttackFor(const ClientIdentity& client) const
{
    if (!m_options.presentationAttack)
        return std::nullopt;
    return m_options.presentationAttack->forClient(client);
}

std::optional<HttpResponse> MatchingApi::keep(Encounter encounter, const Capture& capture, const ClientIdentity& client,
                                              QJsonObject* answer)
{
    encounter.quality = capture.quality;
    encounter.officer = actorOf(client);
    if (client.role == QLatin1String("workstation"))
        encounter.workstation = client.commonName;
    else
        encounter.partner = client.subject();
    encounter.capturedAt = m_clock.now();
    recordPresentationAttack(capture.presentationAttack, &encounter);
    // A workstation records the encounter itself, with its officer's action
    // (InspectionDesk): stored here too it would be counted twice and its
    // photo kept twice. Only partners' submissions are the service's to keep.
    if (client.role == QLatin1String("workstation"))
        return std::nullopt;
    BiometricSample sample;
    sample.photo = capture.probe.bytes;
    sample.format = capture.probe.format;
    sample.referencePhoto = capture.referencePhoto;
    sample.referenceFormat = capture.referenceFormat;
    QString error;
    const std::optional<qint64> id = m_encounters.add(encounter, &sample, actorOf(client), &error);
    if (!id)
        return HttpResponse::error(500, tr("the encounter could not be stored: %1").arg(error));
    // Its own transaction, after the encounter's (EncounterStore::add commits
    // its own): should it fail, the encounter is there without an id to
    // attest with, and the supervisor's report lists it as not attested.
    const std::optional<QString> submission = m_submissions.add(*id, client, &error);
    if (!submission)
        return HttpResponse::error(500, tr("the submission could not be stored: %1").arg(error));
    answer->insert(QStringLiteral("encounter_id"), *id);
    answer->insert(QStringLiteral("submission_id"), *submission);
    return std::nullopt;
}

HttpResponse MatchingApi::store(const MatchOutcome& outcome, Inspection::Mode mode, Encounter encounter,
                                const Capture& capture, const ClientIdentity& client, QJsonObject answer)
{
    encounter.decision = outcome.decision;
    encounter.score = outcome.score;
    encounter.threshold = outcome.threshold;
    encounter.fmrTarget = outcome.fmrTarget;
    // Whose photo it is, so how long it is kept (EncounterSubject).
    encounter.citizenship = recordedCitizenship(encounter.citizenship, outcome, mode);
    if (const std::optional<HttpResponse> failed = keep(encounter, capture, client, &answer))
        return *failed;
    if (m_server) {
        m_server->metrics().increment("facegate_decisions_total", "Decisions of verify and identify, by decision.",
                                      QStringLiteral("decision"), Encounter::decisionName(outcome.decision));
        if (capture.presentationAttack && capture.presentationAttack->isAttack())
            m_server->metrics().increment(kAttacksMetric, kAttacksHelp, QStringLiteral("action"),
                                          QStringLiteral("flagged"));
    }

    answer.insert(QStringLiteral("decision"), Encounter::decisionName(outcome.decision));
    answer.insert(QStringLiteral("score"), outcome.score ? QJsonValue(*outcome.score) : QJsonValue());
    answer.insert(QStringLiteral("threshold"), outcome.threshold);
    answer.insert(QStringLiteral("fmr"), outcome.fmrTarget);
    answer.insert(QStringLiteral("model_id"), m_pipelines.modelId());
    answer.insert(QStringLiteral("quality"), capture.quality);
    if (capture.presentationAttack)
        answer.insert(QStringLiteral("presentation_attack"), capture.presentationAttack->toJson());
    if (!outcome.reason.isEmpty())
        answer.insert(QStringLiteral("reason"), outcome.reason);
    return HttpResponse::json(200, answer);
}

HttpResponse MatchingApi::storeRefused(Encounter encounter, const Capture& capture, const ClientIdentity& client,
                                       QJsonObject answer)
{
    // Not matched: no decision, score or threshold (the schema's "no
    // decision"). Whose face it shows is not known (a photo of someone, held
    // up): the citizenship declared with it, else ICAO's "XXX", kept under the
    // shorter limit like any unknown traveler's photo.
    if (encounter.citizenship.trimmed().isEmpty())
        encounter.citizenship = QStringLiteral("XXX");
    if (const std::optional<HttpResponse> failed = keep(encounter, capture, client, &answer))
        return *failed;
    if (m_server) {
        m_server->metrics().increment("facegate_decisions_total", "Decisions of verify and identify, by decision.",
                                      QStringLiteral("decision"), kPresentationAttackDecision);
        m_server->metrics().increment(kAttacksMetric, kAttacksHelp, QStringLiteral("action"), QStringLiteral("refused"));
    }
    answer.insert(QStringLiteral("decision"), kPresentationAttackDecision);
    answer.insert(QStringLiteral("reason"), tr("the face at the camera was judged a presentation attack (a printed "
                                               "photo or a screen); it was not matched"));
    answer.insert(QStringLiteral("quality"), capture.quality);
    answer.insert(QStringLiteral("presentation_attack"), capture.presentationAttack->toJson());
    return HttpResponse::json(200, answer);
}

HandlerReply MatchingApi::verify(const HttpRequest& request, const ClientIdentity& client)
{
    const QJsonObject body = request.json.object();
    HttpResponse refusal;
    Encounter encounter;
    if (!readContext(body, &encounter, &refusal))
        return refusal;
    const bool hasImage = body.contains(QStringLiteral("reference"));
    const bool hasTemplate = body.contains(QStringLiteral("reference_template"));
    if (hasImage == hasTemplate)
        return HttpResponse::error(400, tr("give exactly one of \"reference\" (an image) and \"reference_template\""));

    std::optional<Photo> probe = readPhoto(body, QStringLiteral("probe"), &refusal);
    if (!probe)
        return refusal;
    std::optional<Photo> reference;
    Template referenceTemplate;
    if (hasImage) {
        reference = readPhoto(body, QStringLiteral("reference"), &refusal);
        if (!reference)
            return refusal;
    } else {
        const std::optional<QString> text = stringField(body, QStringLiteral("reference_template"), true, &refusal);
        if (!text)
            return refusal;
        const QByteArray::FromBase64Result bytes =
            QByteArray::fromBase64Encoding(text->toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
        if (!bytes)
            return HttpResponse::error(400, tr("the field \"reference_template\" is not base64"));
        QString error;
        const std::optional<Template> parsed = Template::deserialize(bytes.decoded, m_pipelines.modelId(), &error);
        if (!parsed)
            return HttpResponse::error(400, tr("the field \"reference_template\" is not a template of this "
                                               "service's model: %1").arg(error));
        referenceTemplate = *parsed;
    }
    // Decoding and analysing take the time: on a worker, with a pipeline of the pool.
    return later([this, probe = std::move(*probe), reference = std::move(reference), referenceTemplate, encounter,
                  client, pad = presentationAttackFor(client)](const std::stop_token& stop) mutable
                 -> HandlerReply::Finish {
        HttpResponse undecodable;
        if (!decode(&probe, QStringLiteral("probe"), &undecodable)
            || (reference && !decode(&*reference, QStringLiteral("reference"), &undecodable)))
            return HandlerReply::answer(undecodable);
        if (stop.stop_requested())
            return stopped();
        const PipelinePool::Lease pipeline = m_pipelines.acquire();
        // The probe first: a capture refused as a presentation attack is not
        // matched, so its reference is not even analysed.
        const Analysed probeFace = analyse(pipeline, probe.bgr, pad);
        probe.bgr.release();
        Capture capture{probe, reference ? reference->bytes : QByteArray(), reference ? reference->format : QString(),
                        probeFace.quality, probeFace.presentationAttack};
        if (isRefused(pad, probeFace))
            return [this, encounter, capture, client] { return storeRefused(encounter, capture, client, QJsonObject()); };
        if (stop.stop_requested())
            return stopped();
        if (reference) {
            const Analysed referenceFace = analyse(pipeline, reference->bgr);
            if (!referenceFace.faceTemplate)
                return HandlerReply::answer(HttpResponse::error(422, tr("no face found in the reference photo")));
            referenceTemplate = *referenceFace.faceTemplate;
            if (stop.stop_requested())
                return stopped();
        }
        Inspection inspection(m_options.fmr, m_thresholds);
        QString error;
        ReferencePerson holder;
        holder.citizenship = encounter.citizenship;
        if (!inspection.useDocument(referenceTemplate, holder, &error))
            return HandlerReply::answer(HttpResponse::error(503, tr("the matching core is not ready: %1").arg(error)));
        const std::optional<MatchOutcome> outcome =
            inspection.decide(probeFace.faceFound, probeFace.qualityPassed, probeFace.faceTemplate, &error);
        if (!outcome)
            return HandlerReply::answer(HttpResponse::error(500, tr("not decided: %1").arg(error)));
        return [this, outcome = *outcome, encounter, capture, client] {
            return store(outcome, Inspection::Mode::OneToOne, encounter, capture, client, QJsonObject());
        };
    });
}

HandlerReply MatchingApi::identify(const HttpRequest& request, const ClientIdentity& client)
{
    const QJsonObject body = request.json.object();
    HttpResponse refusal;
    Encounter encounter;
    if (!readContext(body, &encounter, &refusal))
        return refusal;
    const std::optional<QString> name = stringField(body, QStringLiteral("gallery"), true, &refusal);
    if (!name)
        return refusal;
    int top = Inspection::kCandidates;
    const QJsonValue topValue = body.value(QStringLiteral("top"));
    if (!topValue.isUndefined() && !topValue.isNull()) {
        const double wanted = topValue.toDouble(-1);
        if (!topValue.isDouble() || wanted != double(int(wanted)) || wanted < 1 || wanted > m_options.maxTop)
            return HttpResponse::error(400, tr("\"top\" must be a whole number from 1 to %1").arg(m_options.maxTop));
        top = int(wanted);
    }
    const auto found = m_galleries.find(*name);
    const bool workstation = client.role == QLatin1String("workstation");
    // A partner sees only its own organisation's galleries; another's is
    // answered as one not loaded, so probing tells nothing of it.
    if (!isPlainName(*name) || found == m_galleries.end()
        || (!workstation && (found->second.organisation.isEmpty() || found->second.organisation != client.organization))) {
        const bool elsewhere = found != m_galleries.end();
        if (!recordIdentify(client, *name, elsewhere ? tr("refused: the gallery belongs to another organisation")
                                                     : tr("refused: no such gallery"),
                            QJsonObject()))
            return HttpResponse::error(500, tr("the identify could not be recorded"));
        return HttpResponse::error(404, tr("no gallery \"%1\" is loaded for %2")
                                            .arg(quoted(*name), workstation ? tr("this service")
                                                                            : tr("your organisation")));
    }
    const std::shared_ptr<const Gallery> gallery = found->second.gallery;

    std::optional<Photo> probe = readPhoto(body, QStringLiteral("probe"), &refusal);
    if (!probe)
        return refusal;

    return later([this, probe = std::move(*probe), gallery, name = *name, top, encounter, client, workstation,
                  pad = presentationAttackFor(client)](const std::stop_token& stop) mutable -> HandlerReply::Finish {
        HttpResponse undecodable;
        if (!decode(&probe, QStringLiteral("probe"), &undecodable))
            return HandlerReply::answer(undecodable);
        if (stop.stop_requested())
            return stopped();
        Inspection inspection(m_options.fmr, m_thresholds);
        QString error;
        if (!inspection.useGallery(gallery, name, &error))
            return HandlerReply::answer(HttpResponse::error(503, tr("the matching core is not ready: %1").arg(error)));
        Analysed probeFace;
        {
            const PipelinePool::Lease pipeline = m_pipelines.acquire();
            probeFace = analyse(pipeline, probe.bgr, pad);
        }
        probe.bgr.release();
        encounter.flight = name;
        Capture capture{probe, QByteArray(), QString(), probeFace.quality, probeFace.presentationAttack};
        if (isRefused(pad, probeFace)) {
            // Not searched: no candidate, no name of anyone in the gallery.
            return [this, encounter, capture, client, name] {
                const HttpResponse response = storeRefused(
                    encounter, capture, client,
                    QJsonObject{{QStringLiteral("gallery"), name}, {QStringLiteral("candidates"), QJsonArray()}});
                return recordedIdentify(client, name, response, tr("refused: a presentation attack"),
                                        {{QStringLiteral("decision"), kPresentationAttackDecision},
                                         {QStringLiteral("candidates_returned"), 0},
                                         {QStringLiteral("presentation_attack"), auditedAssessment(capture.presentationAttack)}});
            };
        }
        if (stop.stop_requested())
            return stopped();
        std::optional<MatchOutcome> outcome =
            inspection.decide(probeFace.faceFound, probeFace.qualityPassed, probeFace.faceTemplate, &error);
        if (!outcome)
            return HandlerReply::answer(HttpResponse::error(500, tr("not decided: %1").arg(error)));
        // The list the client asked for (Inspection keeps its own top few): a
        // workstation's officer sees the top ones whatever their score; a
        // partner only those at or above the decision threshold, never the
        // names of passengers its probe does not match.
        QJsonArray candidates;
        if (probeFace.faceTemplate) {
            const auto best = gallery->identify(*probeFace.faceTemplate, top, &error);
            if (!best)
                return HandlerReply::answer(HttpResponse::error(500, tr("not searched: %1").arg(error)));
            for (const Candidate& candidate : *best) {
                if (!workstation && double(candidate.score) < outcome->threshold)
                    continue;
                const GalleryEntry& entry = gallery->entry(candidate.index);
                candidates.append(QJsonObject{{QStringLiteral("traveler_id"), entry.travelerId},
                                              {QStringLiteral("name"), entry.name},
                                              {QStringLiteral("score"), double(candidate.score)}});
            }
        }
        if (!outcome->candidates.empty())
            encounter.candidates = QJsonObject{{QStringLiteral("flight"), name},
                                               {QStringLiteral("top"), outcome->candidatesJson()}};
        // The best candidate's gallery photo, kept beside the capture for a review.
        if (outcome->reference && !outcome->reference->photoPath.isEmpty()) {
            QFile file(outcome->reference->photoPath);
            const QString suffix = QFileInfo(file).suffix().toLower();
            if (!suffix.isEmpty() && file.open(QIODevice::ReadOnly)) {
                capture.referencePhoto = file.readAll();
                capture.referenceFormat = suffix == QLatin1String("jpg") ? QStringLiteral("jpeg") : suffix;
            }
        }
        return [this, outcome = *outcome, encounter, capture, client, name,
                answer = QJsonObject{{QStringLiteral("gallery"), name}, {QStringLiteral("candidates"), candidates}}] {
            const HttpResponse response =
                store(outcome, Inspection::Mode::OneToMany, encounter, capture, client, answer);
            QJsonObject result{
                {QStringLiteral("decision"), Encounter::decisionName(outcome.decision)},
                {QStringLiteral("score"), outcome.score ? QJsonValue(*outcome.score) : QJsonValue()},
                {QStringLiteral("threshold"), outcome.threshold},
                {QStringLiteral("candidates_returned"), answer.value(QStringLiteral("candidates")).toArray().size()}};
            if (capture.presentationAttack)
                result.insert(QStringLiteral("presentation_attack"), auditedAssessment(capture.presentationAttack));
            return recordedIdentify(client, name, response, response.status == 200 ? tr("answered") : tr("failed"),
                                    result);
        };
    });
}

HttpResponse MatchingApi::recordedIdentify(const ClientIdentity& client, const QString& gallery,
                                           const HttpResponse& response, const QString& outcome,
                                           QJsonObject result) const
{
    result.insert(QStringLiteral("status"), response.status);
    result.insert(QStringLiteral("encounter_id"),
                  QJsonDocument::fromJson(response.body).object().value(QStringLiteral("encounter_id")));
    if (!recordIdentify(client, gallery, outcome, result))
        return HttpResponse::error(500, tr("the identify could not be recorded"));
    return response;
}

HandlerReply MatchingApi::putGallery(const HttpRequest& request, const ClientIdentity& client)
{
    Q_UNUSED(client)
    static const Route route{"PUT", "/v1/galleries/{name}", {}, true, {}};
    const QString name = QString::fromLatin1(route.parameter(request.path, "name"));
    if (!isPlainName(name))
        return HttpResponse::error(400, tr("\"%1\" is not a gallery name: letters, digits, '_', '-' and '.' only")
                                            .arg(quoted(name)));
    HttpResponse refusal;
    const std::optional<QString> manifest = stringField(request.json.object(), QStringLiteral("manifest"), true, &refusal);
    if (!manifest)
        return refusal;
    if (!isPlainName(*manifest))
        return HttpResponse::error(400, tr("\"%1\" is not a file name in the manifest folder (no paths)")
                                            .arg(quoted(*manifest)));
    // The partner organisation (O= of its certificates) whose cameras may
    // identify against this gallery; none: workstations only.
    const std::optional<QString> organisation =
        stringField(request.json.object(), QStringLiteral("organisation"), false, &refusal);
    if (refusal.status >= 400)
        return refusal;
    static const QRegularExpression organisationName(QStringLiteral("^[^\\x00-\\x1f\\x7f]{1,128}$"));
    if (!checkText(organisation, QStringLiteral("organisation"), organisationName,
                   tr("the O= of the partner's certificates (1 to 128 characters)"), &refusal))
        return refusal;
    const QDir folder(m_options.manifestFolder);
    if (m_options.manifestFolder.isEmpty() || !folder.exists())
        return HttpResponse::error(503, tr("no manifest folder is configured"));
    const QFileInfo file(folder.filePath(*manifest));
    if (!file.isFile())
        return HttpResponse::error(404, tr("no manifest \"%1\" in the manifest folder").arg(*manifest));
    // A link out of the folder is not a file in it.
    if (!file.canonicalFilePath().startsWith(folder.canonicalPath() + QLatin1Char('/')))
        return HttpResponse::error(400, tr("\"%1\" leads out of the manifest folder").arg(*manifest));

    // Building enrols every photo of the manifest: on a worker. The gallery
    // is put in place back on the server's thread, where identify reads the map.
    return later([this, name, manifest = *manifest, path = file.canonicalFilePath(),
                  organisation = organisation.value_or(QString())](const std::stop_token&) -> HandlerReply::Finish {
        QString error;
        std::optional<GalleryBuild> build =
            GalleryBuilder::build(path, m_pipelines.options(), m_options.galleryThreads, &error);
        if (!build)
            return HandlerReply::answer(HttpResponse::error(
                422, tr("the gallery could not be built from %1: %2").arg(manifest, error)));
        auto gallery = std::make_shared<const Gallery>(std::move(build->gallery));
        QJsonArray failed;
        for (const GalleryFailure& failure : build->failed)
            failed.append(QJsonObject{{QStringLiteral("traveler_id"), failure.entry.travelerId},
                                      {QStringLiteral("line"), failure.line},
                                      {QStringLiteral("reason"), failure.reason}});
        return [this, name, gallery = std::move(gallery), failed, organisation] {
            const qsizetype members = gallery->size();
            m_galleries[name] = LoadedGallery{gallery, organisation};
            return HttpResponse::json(200, QJsonObject{{QStringLiteral("gallery"), name},
                                                       {QStringLiteral("organisation"), organisation},
                                                       {QStringLiteral("members"), qint64(members)},
                                                       {QStringLiteral("model_id"), m_pipelines.modelId()},
                                                       {QStringLiteral("failed"), failed}});
        };
    });
}

HttpResponse MatchingApi::attestPurge(const HttpRequest& request, const ClientIdentity& client,
                                      const QSslCertificate& certificate)
{
    static const Route route{"POST", "/v1/submissions/{submission_id}/purge-attestation", {}, true, {}};
    const QString submissionId = QString::fromLatin1(route.parameter(request.path, "submission_id"));
    const QJsonObject body = request.json.object();
    HttpResponse refusal;
    const std::optional<QString> deletedAtText = stringField(body, QStringLiteral("deleted_at"), true, &refusal);
    if (!deletedAtText)
        return refusal;
    const std::optional<QString> signatureText = stringField(body, QStringLiteral("signature"), true, &refusal);
    if (!signatureText)
        return refusal;
    const QDateTime deletedAt = QDateTime::fromString(*deletedAtText, Qt::ISODateWithMs);
    if (!deletedAt.isValid() || deletedAt.timeSpec() == Qt::LocalTime)
        return HttpResponse::error(400, tr("\"deleted_at\" must be an ISO 8601 time with its offset, such as "
                                           "2026-11-27T10:15:00Z, not \"%1\"").arg(*deletedAtText));
    const QByteArray::FromBase64Result signature =
        QByteArray::fromBase64Encoding(signatureText->toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!signature || signature.decoded.isEmpty())
        return HttpResponse::error(400, tr("the field \"signature\" is not base64"));

    QString error;
    bool found = false;
    const std::optional<ServiceSubmission> submission = m_submissions.find(submissionId, &found, &error);
    if (!submission)
        return found || !error.isEmpty() ? HttpResponse::error(500, error)
                                         : HttpResponse::error(404, tr("no submission %1").arg(submissionId));
    if (submission->clientFingerprint != client.fingerprintSha256)
        return HttpResponse::error(403, tr("submission %1 was not sent with this client certificate").arg(submissionId));
    if (m_attestations.isAttested(submissionId, &error))
        return HttpResponse::error(409, tr("a purge attestation is already recorded for submission %1").arg(submissionId));
    if (!PurgeAttestation::verify(certificate, PurgeAttestation::signedBytes(submissionId, *deletedAtText),
                                  signature.decoded, &error))
        return HttpResponse::error(400, error);
    switch (m_attestations.record(submissionId, client, *deletedAtText, deletedAt.toUTC(), signature.decoded, &error)) {
    case PurgeAttestationStore::Result::Recorded:
        break;
    case PurgeAttestationStore::Result::UnknownSubmission:
        return HttpResponse::error(404, error);
    case PurgeAttestationStore::Result::OtherClient:
        return HttpResponse::error(403, error);
    case PurgeAttestationStore::Result::AlreadyAttested:
        return HttpResponse::error(409, error);
    case PurgeAttestationStore::Result::Failed:
        return HttpResponse::error(500, error);
    }
    return HttpResponse::json(200, QJsonObject{{QStringLiteral("submission_id"), submissionId},
                                               {QStringLiteral("encounter_id"), submission->encounterId},
                                               {QStringLiteral("deleted_at"), *deletedAtText},
                                               {QStringLiteral("recorded_at"),
                                                m_clock.now().toUTC().toString(Qt::ISODateWithMs)}});
}

} // namespace fg
