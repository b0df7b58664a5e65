#pragma once

#include "core/service/ClientIdentity.h"
#include "core/service/HttpRequest.h"
#include "core/service/HandlerReply.h"
#include "core/service/HttpResponse.h"
#include "core/service/PresentationAttackPolicy.h"
#include "core/service/PurgeAttestationStore.h"
#include "core/service/SubmissionStore.h"
#include "core/workflow/Encounter.h"
#include "core/workflow/Inspection.h"

#include <QJsonObject>
#include <QPointer>
#include <QString>

#include <map>
#include <memory>
#include <optional>

namespace fg {

class AuditLog;
class Clock;
class Database;
class EncounterStore;
class Gallery;
class MatchServer;
class PipelinePool;

// How facegate-matchd matches and what it accepts (docs/api.md).
struct MatchingApiOptions {
    double fmr = 1e-3;               // the decision's false match rate; the threshold is calibrated for it
    QString manifestFolder;          // PUT /v1/galleries/{name} reads manifests from here only
    qint64 maxPixels = 40'000'000;   // an image's pixel count, read from its header before decoding
    int maxJpegScans = 32;           // a JPEG's scans, counted from its markers before decoding (decode bombs)
    int maxTop = 50;                 // candidates an identify may ask for
    int galleryThreads = 1;          // enrolment threads when a gallery is (re)built
    // Each probe's presentation-attack assessment, and whether a partner's
    // attack is refused (issue 20); the pool must then lend presentation-attack
    // scorers (PipelinePool::Scorers::WithPresentationAttack). None: probes are
    // not assessed (an in-process core without a calibration to decide with;
    // facegate-matchd always sets it).
    std::optional<PresentationAttackPolicy> presentationAttack;
};

// The matching routes of docs/api.md on a MatchServer: POST /v1/verify, POST
// /v1/identify, PUT /v1/galleries/{name}, POST /v1/submissions/{id}/purge-attestation,
// and GET /v1/health with the model and the galleries. Every verify and
// identify a partner sends that is answered with a decision is an encounter
// in the records (partner = the client certificate's subject, officer
// "partner:<CN>", the photo sealed under the retention rules) and a
// submission whose id the partner gets; a workstation's is decided but not
// stored (the workstation records it itself, where the officer acts);
// anything refused (4xx) stores nothing.
// With a presentation-attack policy, each probe is also judged bona fide or an
// attack (one frame, at the client's operating point) and the answer and the
// encounter carry the assessment; a partner whose policy refuses attacks gets
// the decision "presentation-attack" instead of a match: its probe is not
// matched, but the encounter is stored all the same (queued for a supervisor).
// The checks of a request run on the server's thread; decoding, analysing and
// searching on the server's workers (HandlerReply::later), each with a pipeline
// lent by the pool; storing the encounter and changing the loaded galleries
// back on the server's thread. So requests are matched side by side, as many
// as there are workers and pipelines.
class MatchingApi {
public:
    MatchingApi(PipelinePool& pipelines, const Database& database, const EncounterStore& encounters,
                const AuditLog& audit, const Clock& clock, MatchingApiOptions options,
                Inspection::ThresholdSource thresholds = Inspection::calibratedThresholds());
    // Waits for its work still running on the server's workers.
    ~MatchingApi();
    MatchingApi(const MatchingApi&) = delete;
    MatchingApi& operator=(const MatchingApi&) = delete;

    // Adds the routes; the server must outlive none of them (it holds this object's handlers).
    void registerOn(MatchServer& server);

    HandlerReply verify(const HttpRequest& request, const ClientIdentity& client);
    HandlerReply identify(const HttpRequest& request, const ClientIdentity& client);
    HandlerReply putGallery(const HttpRequest& request, const ClientIdentity& client);
    // certificate: the client certificate of the connection (its key checks the signature).
    HttpResponse attestPurge(const HttpRequest& request, const ClientIdentity& client,
                             const QSslCertificate& certificate);
    HttpResponse health() const;

    int galleryCount() const { return int(m_galleries.size()); }

    // A gallery or manifest name as accepted: letters, digits, '_', '-', '.',
    // 1 to 64 of them, not starting with '.' (so never "..", never a path).
    static bool isPlainName(const QString& name);

private:
    struct Photo;
    struct Capture;
    // Work on a worker whose finishing step answers 503 if this object is gone by then.
    HandlerReply later(HandlerReply::Work work) const;
    // What work told to stop returns (its answer is dropped by the server).
    static HandlerReply::Finish stopped();
    // An identify in the audit log (service.identify): who, which gallery,
    // what came of it; false (and a critical log line) when it cannot be written.
    bool recordIdentify(const ClientIdentity& client, const QString& gallery, const QString& outcome,
                        const QJsonObject& result) const;
    // recordIdentify of an identify's answer: result (decision, scores,
    // candidates returned) with the status and encounter id of response; the
    // response, or a 500 when it cannot be recorded.
    HttpResponse recordedIdentify(const ClientIdentity& client, const QString& gallery, const HttpResponse& response,
                                  const QString& outcome, QJsonObject result) const;
    std::optional<Photo> readPhoto(const QJsonObject& body, const QString& field, HttpResponse* refusal) const;
    bool decode(Photo* photo, const QString& field, HttpResponse* refusal) const;
    // The client's presentation-attack policy; none when probes are not assessed.
    std::optional<PresentationAttackPolicy::Applied> presentationAttackFor(const ClientIdentity& client) const;
    // mode: how outcome was decided (verify 1:1, identify 1:N), for whose photo it is.
    HttpResponse store(const MatchOutcome& outcome, Inspection::Mode mode, Encounter encounter, const Capture& capture,
                       const ClientIdentity& client, QJsonObject answer);
    // A partner's capture refused as a presentation attack: not matched, stored
    // without a decision, answered "presentation-attack".
    HttpResponse storeRefused(Encounter encounter, const Capture& capture, const ClientIdentity& client,
                              QJsonObject answer);
    // A partner's encounter and its submission stored (a workstation's is not),
    // their ids added to *answer; else the 500 to answer.
    std::optional<HttpResponse> keep(Encounter encounter, const Capture& capture, const ClientIdentity& client,
                                     QJsonObject* answer);

    PipelinePool& m_pipelines;
    const Database& m_database;
    const EncounterStore& m_encounters;
    const AuditLog& m_audit;
    const Clock& m_clock;
    MatchingApiOptions m_options;
    Inspection::ThresholdSource m_thresholds;
    SubmissionStore m_submissions;
    PurgeAttestationStore m_attestations;
    QPointer<MatchServer> m_server;
    struct LoadedGallery {
        std::shared_ptr<const Gallery> gallery;
        QString organisation; // the partner organisation that may identify against it; empty: none
    };
    std::map<QString, LoadedGallery> m_galleries; // the server's thread only
    std::shared_ptr<const int> m_alive = std::make_shared<const int>(0); // expires with this object
};

} // namespace fg
