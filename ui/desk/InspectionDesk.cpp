#include "ui/desk/InspectionDesk.h"

#include "core/capture/FrameSourceFactory.h"
#include "core/workflow/EncounterSubject.h"
#include "core/service/MatchClient.h"
#include "core/workflow/AlternateProcedureStore.h"
#include "core/workflow/EncounterStore.h"
#include "core/workflow/Records.h"
#include "core/workflow/RecordsThread.h"
#include "core/live/LiveAnalysis.h"
#include "ui/desk/MatchPanel.h"
#include "ui/desk/OptOutDialog.h"

#include <QApplication>
#include <QBuffer>
#include <QFile>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QImageWriter>
#include <QJsonObject>

#include <functional>
#include <memory>
#include <optional>
#include <utility>

namespace fg {

struct InspectionDesk::StoredId {
    qint64 id = 0; // written and read on the records thread only
};

namespace {

// What a job on the records thread answers.
struct RecordsAnswer {
    bool done = false;
    qint64 id = 0;
    int count = 0;
    QString error; // when not done
};

// Calls then(answer) on the desk's thread once the job is done; no answer
// when the records closed before it ran. Nothing is called once the desk is gone.
void whenAnswered(QObject* desk, const QFuture<RecordsAnswer>& future,
                  std::function<void(const std::optional<RecordsAnswer>&)> then)
{
    auto* watcher = new QFutureWatcher<RecordsAnswer>(desk);
    QObject::connect(watcher, &QFutureWatcher<RecordsAnswer>::finished, desk, [watcher, then = std::move(then)] {
        watcher->deleteLater();
        then(watcher->future().resultCount() > 0 ? std::optional<RecordsAnswer>(watcher->result()) : std::nullopt);
    });
    watcher->setFuture(future);
}

QString failureOf(const std::optional<RecordsAnswer>& answer)
{
    return answer ? answer->error : InspectionDesk::tr("the records closed first");
}

} // namespace

InspectionDesk::InspectionDesk(RecordsThread& records, Inspection& inspection, LiveAnalysis& live,
                               MatchPanel& panel, QObject* parent)
    : QObject(parent)
    , m_records(records)
    , m_inspection(inspection)
    , m_live(&live)
    , m_panel(panel)
{
    m_station.camera = FrameSourceFactory::withoutSecrets(live.sourceSpec()); // no stream password in the records
    connect(m_live, &LiveAnalysis::captured, this, &InspectionDesk::onCaptured);
    connect(&m_panel, &MatchPanel::confirmRequested, this, &InspectionDesk::confirm);
    connect(&m_panel, &MatchPanel::overrideRequested, this, &InspectionDesk::overrideDecision);
    connect(&m_panel, &MatchPanel::secondaryRequested, this, &InspectionDesk::sendToSecondary);
    connect(&m_panel, &MatchPanel::nextTravelerRequested, this, &InspectionDesk::nextTraveler);
}

InspectionDesk::~InspectionDesk()
{
    // The records thread outlives the desk; a decided encounter queued
    // behind a purge is stored before the desk goes (its answer unheard).
    for (QFuture<void>& job : m_posted)
        job.waitForFinished();
}

void InspectionDesk::track(const QFuture<void>& job)
{
    m_posted.removeIf([](const QFuture<void>& posted) { return posted.isFinished(); });
    m_posted.append(job);
}

void InspectionDesk::setCamera(LiveAnalysis& live)
{
    if (&live == m_live)
        return;
    disconnect(m_live, &LiveAnalysis::captured, this, &InspectionDesk::onCaptured);
    const bool automatic = m_live->autoCapture();
    m_live->setAutoCapture(false); // only the desk's camera captures by itself
    m_live = &live;
    connect(m_live, &LiveAnalysis::captured, this, &InspectionDesk::onCaptured);
    m_live->setAutoCapture(automatic);
    // Whatever this camera had in its capture window was not for this desk.
    m_live->nextTraveler();
    m_station.camera = FrameSourceFactory::withoutSecrets(live.sourceSpec()); // no stream password in the records
}

bool InspectionDesk::recordsEncounters(Role role)
{
    return role == Role::Officer || role == Role::CheckpointOfficer || role == Role::Supervisor;
}

void InspectionDesk::setOfficer(const std::optional<UserAccount>& officer)
{
    // A decision on screen is the officer's who saw it made: the next one to
    // sign in (a handover) does not act on it in their name. Locking and
    // unlocking by the same officer keeps it.
    if (officer && hasPendingDecision() && officer->name != m_decisionOfficer) {
        dropPendingDecision(tr("The decision on screen was %1's: cleared for %2; capture the traveler again")
                                .arg(m_decisionOfficer, officer->name));
    }
    if (officer && !recordsEncounters(officer->role)) {
        m_officer.reset();
        Q_EMIT problem(tr("%1 cannot take captures or record encounters: sign in as an officer").arg(officer->name));
        return;
    }
    m_officer = officer;
}

bool InspectionDesk::hasPendingDecision() const
{
    return m_waiting || m_storing || (m_encounterId != 0 && m_panel.hasOutcome() && !m_decisionActedOn);
}

void InspectionDesk::referenceChanged()
{
    dropPendingDecision(
        tr("The decision on screen was made against the previous reference: cleared; capture the traveler again"));
}

void InspectionDesk::dropPendingDecision(const QString& why)
{
    if (!hasPendingDecision())
        return;
    // The encounter stays in the records as decided (or is still stored
    // so), with no officer action.
    forgetDecision();
    m_panel.clear();
    m_live->nextTraveler();
    Q_EMIT problem(why);
}

void InspectionDesk::forgetDecision()
{
    ++m_ticket;
    m_waiting = false;
    m_storing = false;
    m_acting = false;
    m_encounterId = 0;
    m_shown.reset();
}

void InspectionDesk::capture()
{
    if (travelerDeclined()) {
        Q_EMIT problem(tr("The traveler opted out: nothing is captured until Next traveler (Ctrl+N)"));
        return;
    }
    m_live->requestCapture();
}

void InspectionDesk::onCaptured(const CaptureResult& capture)
{
    if (travelerDeclined())
        return; // the traveler declined: nothing of them is kept
    if (QApplication::activeModalWidget()) {
        // A dialog has the officer's attention (a file to choose, a message):
        // nothing is decided behind it; capture starts again once it is closed.
        m_live->nextTraveler();
        return;
    }
    if (!m_officer) {
        m_live->nextTraveler(); // nobody signed in (locked): nothing is kept
        return;
    }
    if (m_serviceMode) {
        askService(capture);
        return;
    }
    QString error;
    const std::optional<MatchOutcome> outcome =
        m_inspection.decide(capture.faceFound, capture.qualityPassed, capture.faceTemplate, &error);
    if (!outcome) {
        Q_EMIT problem(tr("Not decided: %1").arg(error));
        m_live->nextTraveler(); // the capture is dropped; the next one may follow once a reference is chosen
        return;
    }
    record(capture, *outcome);
}

void InspectionDesk::useMatchService(MatchClient* client, const QString& unusable)
{
    m_serviceMode = true;
    m_service = client;
    m_serviceUnusable = unusable;
}

void InspectionDesk::useServiceGallery(const QString& flight, const std::vector<GalleryEntry>& members)
{
    m_serviceReference = Inspection::Mode::OneToMany;
    m_serviceFlight = flight;
    m_serviceMembers.clear();
    for (const GalleryEntry& entry : members)
        m_serviceMembers[entry.travelerId] =
            ReferencePerson{entry.travelerId, entry.name, entry.citizenship, entry.documentNumber, entry.photoPath};
    m_documentPhoto.clear();
    referenceChanged();
}

void InspectionDesk::useServiceDocument(const QByteArray& photo, const ReferencePerson& holder)
{
    m_serviceReference = Inspection::Mode::OneToOne;
    m_documentPhoto = photo;
    m_documentHolder = holder;
    m_serviceFlight.clear();
    m_serviceMembers.clear();
    referenceChanged();
}

Inspection::Mode InspectionDesk::referenceMode() const
{
    return m_serviceMode ? m_serviceReference : m_inspection.mode();
}

QString InspectionDesk::flight() const
{
    return m_serviceMode ? m_serviceFlight : m_inspection.flight();
}

ReferencePerson InspectionDesk::memberOf(const ReferencePerson& candidate) const
{
    const auto found = m_serviceMembers.find(candidate.travelerId);
    return found == m_serviceMembers.end() ? candidate : found->second;
}

void InspectionDesk::askService(const CaptureResult& capture)
{
    if (m_waiting)
        return; // the capture before is still with the service: one traveler at a time
    const auto noDecision = [this, capture](const QString& reason) {
        forgetDecision();
        m_panel.showNoDecision(capture, [reason] { return tr("No decision: %1").arg(reason); });
        m_live->nextTraveler(); // dropped; the capture key tries again
    };
    if (!m_service) {
        noDecision(tr("the matching service cannot be used (%1)").arg(m_serviceUnusable));
        return;
    }
    if (m_serviceReference == Inspection::Mode::None) {
        Q_EMIT problem(tr("Not decided: %1")
                           .arg(tr("no reference chosen: load a flight's manifest (1:N) or a document photo (1:1)")));
        m_live->nextTraveler();
        return;
    }
    // The portrait crop; without a face, the last frame, so that the service
    // says NO FACE itself.
    QByteArray probe = capture.jpeg;
    if (probe.isEmpty() && !capture.image.isNull()) {
        QBuffer buffer(&probe);
        buffer.open(QIODevice::WriteOnly);
        QImageWriter(&buffer, "jpeg").write(capture.image);
    }
    if (probe.isEmpty()) {
        noDecision(tr("nothing was captured"));
        return;
    }
    m_waiting = true;
    const quint64 ticket = ++m_ticket;
    auto done = [this, ticket, capture](const MatchClientReply& reply) {
        if (ticket != m_ticket)
            return; // the traveler changed meanwhile: the answer is not theirs
        m_waiting = false;
        onServiceReply(capture, reply);
    };
    if (m_serviceReference == Inspection::Mode::OneToOne)
        m_service->verify(probe, m_documentPhoto, std::move(done));
    else
        m_service->identify(probe, m_serviceFlight, Inspection::kCandidates, std::move(done));
}

void InspectionDesk::onServiceReply(const CaptureResult& capture, const MatchClientReply& reply)
{
    if (travelerDeclined() || !m_officer) {
        m_live->nextTraveler(); // declined, or locked meanwhile: nothing of it is kept
        return;
    }
    Q_EMIT matchingServiceState(reply.reachable, reply.error);
    if (!reply.outcome) {
        // Never a local guess: the capture is dropped (a photo kept without
        // a decision would serve no purpose), the officer retakes it once
        // the service answers or turns to the alternate procedure.
        const QString reason = reply.error;
        const bool reachable = reply.reachable;
        forgetDecision();
        m_panel.showNoDecision(capture, [reason, reachable] {
            return reachable ? tr("No decision: the matching service refused the capture (%1)").arg(reason)
                             : tr("No decision: the matching service is unreachable (%1)").arg(reason);
        });
        m_live->nextTraveler();
        return;
    }
    MatchOutcome outcome = *reply.outcome;
    // Who the references are, from the manifest or the document read here.
    if (m_serviceReference == Inspection::Mode::OneToOne) {
        outcome.reference = m_documentHolder;
    } else {
        for (auto& candidate : outcome.candidates)
            candidate.first = memberOf(candidate.first);
        if (outcome.reference)
            outcome.reference = memberOf(*outcome.reference);
    }
    record(capture, outcome);
}

void InspectionDesk::record(const CaptureResult& capture, const MatchOutcome& outcome)
{
    Encounter encounter;
    encounter.kind = m_station.kind;
    encounter.mode = Encounter::Mode::Biometric;
    encounter.decision = outcome.decision;
    // Whose photo it is, so how long it is kept (EncounterSubject).
    encounter.citizenship = recordedCitizenship(QString(), outcome, referenceMode());
    encounter.score = outcome.score;
    encounter.threshold = outcome.threshold;
    encounter.fmrTarget = outcome.fmrTarget;
    encounter.quality = capture.faceFound ? capture.quality.toJson() : QJsonObject();
    encounter.flight = flight();
    if (!outcome.candidates.empty())
        encounter.candidates = QJsonObject{{QStringLiteral("flight"), flight()},
                                           {QStringLiteral("top"), outcome.candidatesJson()}};
    encounter.officer = m_officer->name;
    encounter.workstation = m_station.workstation;
    encounter.camera = m_station.camera;
    encounter.capturedAt = capture.capturedAt;
    // What the passport's chip said, when the reference is its photo.
    if (outcome.reference && referenceMode() == Inspection::Mode::OneToOne) {
        encounter.documentVerdict = outcome.reference->documentVerdict;
        encounter.documentCheck = outcome.reference->documentCheck;
    }
    // Whether the face was a live one (issue 20), with the evidence: an
    // attack is queued for the supervisor and cannot be confirmed.
    const PadAssessment& pad = capture.presentationAttack;
    encounter.padDecision = padDecisionName(pad.decision);
    if (pad.decision != PadDecision::NotAssessed)
        encounter.padScore = pad.score;
    encounter.padEvidence = pad.toJson();

    BiometricSample sample;
    sample.photo = capture.jpeg;
    sample.format = QStringLiteral("jpeg");
    sample.faceTemplate = capture.faceTemplate;
    // The reference shown beside the capture, kept (sealed) for the
    // supervisor's review: the bytes held in memory (a document reader's
    // photo, its file destroyed once read), else its file (read on the
    // records thread); a file that cannot be read is left out, the encounter
    // is stored all the same.
    QString referenceFile;
    if (outcome.reference) {
        const QString suffix = QFileInfo(outcome.reference->photoPath).suffix().toLower();
        if (!suffix.isEmpty()) {
            sample.referencePhoto = outcome.reference->photo;
            sample.referenceFormat = suffix == QLatin1String("jpg") ? QStringLiteral("jpeg") : suffix;
            if (sample.referencePhoto.isEmpty())
                referenceFile = outcome.reference->photoPath;
        }
    }
    const bool withSample = capture.faceFound && !capture.jpeg.isEmpty();

    // On screen at once; stored off this thread, the buttons waiting until it is.
    m_panel.showOutcome(capture, outcome);
    if (capture.closedAt.isValid())
        Q_EMIT decisionShown(double(capture.closedAt.nsecsElapsed()) / 1e6);
    forgetDecision(); // whatever was on screen before, its answers are not this one's
    const quint64 ticket = m_ticket;
    m_storing = true;
    m_decisionOfficer = m_officer->name; // the decision is this officer's to act on
    m_decisionActedOn = false;
    m_panel.showWaiting([] { return tr("Storing the encounter…"); });
    auto shown = std::make_shared<StoredId>();
    m_shown = shown;
    const QString actor = m_officer->actor();
    QFuture<RecordsAnswer> stored = m_records.run<RecordsAnswer>(
        [encounter, sample, withSample, referenceFile, actor, shown](Records& records) mutable {
            if (!referenceFile.isEmpty()) {
                QFile reference(referenceFile);
                if (reference.open(QIODevice::ReadOnly))
                    sample.referencePhoto = reference.readAll();
                if (sample.referencePhoto.isEmpty())
                    sample.referenceFormat.clear();
            }
            RecordsAnswer answer;
            const std::optional<qint64> id =
                records.encounters().add(encounter, withSample ? &sample : nullptr, actor, &answer.error);
            answer.done = id.has_value();
            answer.id = id.value_or(0);
            shown->id = answer.id; // for the jobs posted after this one
            return answer;
        });
    track(QFuture<void>(stored));
    whenAnswered(this, stored, [this, ticket, decision = outcome.decision](const std::optional<RecordsAnswer>& answer) {
        const bool done = answer && answer->done;
        const QString error = failureOf(answer);
        if (ticket != m_ticket) {
            // The decision left the screen meanwhile: stored all the same, nothing to show.
            if (!done)
                Q_EMIT problem(tr("The encounter of the previous decision could not be stored: %1").arg(error));
            return;
        }
        m_storing = false;
        if (!done) {
            m_panel.showActionFailed([error] { return tr("The encounter could not be stored: %1").arg(error); });
            Q_EMIT problem(tr("The encounter could not be stored: %1").arg(error));
            return;
        }
        m_encounterId = answer->id;
        m_panel.stopWaiting();
        Q_EMIT encounterRecorded(answer->id, decision);
    });
}

void InspectionDesk::confirm()
{
    act(Encounter::OfficerAction::Confirm, QString());
}

void InspectionDesk::overrideDecision(const QString& reason)
{
    act(Encounter::OfficerAction::Override, reason);
}

void InspectionDesk::sendToSecondary(const QString& reason)
{
    act(Encounter::OfficerAction::SendToSecondary, reason);
}

void InspectionDesk::act(Encounter::OfficerAction action, const QString& reason)
{
    // Not before the encounter is stored, and one action at a time.
    if (!m_officer || m_encounterId == 0 || !m_panel.hasOutcome() || m_storing || m_acting)
        return;
    m_acting = true;
    m_panel.showWaiting([] { return tr("Recording…"); });
    const qint64 id = m_encounterId;
    const quint64 ticket = m_ticket;
    const QString actor = m_officer->actor();
    QFuture<RecordsAnswer> recorded =
        m_records.run<RecordsAnswer>([id, action, reason, actor](Records& records) {
            RecordsAnswer answer;
            answer.id = id;
            answer.done = records.encounters().recordOfficerAction(id, action, reason, actor, &answer.error);
            return answer;
        });
    track(QFuture<void>(recorded));
    whenAnswered(this, recorded, [this, ticket, id, action](const std::optional<RecordsAnswer>& answer) {
        const bool done = answer && answer->done;
        const QString error = failureOf(answer);
        if (ticket != m_ticket) {
            // The officer moved on meanwhile: recorded all the same, nothing to show.
            if (!done)
                Q_EMIT problem(tr("The action on encounter %1 was not recorded: %2").arg(id).arg(error));
            return;
        }
        m_acting = false;
        if (!done) {
            m_panel.stopWaiting(); // the officer may try again
            m_panel.showActionFailed([error] { return tr("Not recorded: %1").arg(error); });
            return;
        }
        m_decisionActedOn = true;
        m_panel.showActionRecorded([action, id] {
            switch (action) {
            case Encounter::OfficerAction::Confirm:
                return tr("Confirmed · encounter %1").arg(id);
            case Encounter::OfficerAction::Override:
                return tr("Overridden, sent to the supervisor's queue · encounter %1").arg(id);
            case Encounter::OfficerAction::SendToSecondary:
                return tr("Sent to secondary inspection · encounter %1").arg(id);
            }
            return QString();
        });
        Q_EMIT actionRecorded(id, action);
    });
}

qint64 InspectionDesk::optOut(QWidget* parent)
{
    if (!m_officer || m_optingOut)
        return 0;
    if (!m_alternates) {
        Q_EMIT problem(tr("Opt-out cannot be logged on this workstation: no records"));
        return 0;
    }
    m_optingOut = true;
    // Automatic capture as the officer had it before this traveler declined.
    const bool automatic = m_declined ? m_autoCaptureBefore : m_live->autoCapture();
    m_live->setAutoCapture(false);
    // A capture on screen that the officer has not acted on is this
    // traveler's, taken before they declined: it goes once the procedure is
    // logged. One acted on belongs to the traveler before (the records
    // thread reads which, after any action still on its way there).
    std::shared_ptr<const StoredId> declinedCapture;
    if (m_shown && m_panel.hasOutcome() && !m_decisionActedOn)
        declinedCapture = m_shown;
    forgetDecision(); // nothing of it is shown now, whatever answers still come
    m_panel.clear();
    Q_EMIT optOutStarted();

    AlternateProcedure base;
    base.officer = m_officer->name;
    base.workstation = m_station.workstation;
    base.camera = m_station.camera;
    base.kind = m_station.kind;
    base.flight = flight();
    const QString actor = m_officer->actor();
    AlternateProcedureStore& store = *m_alternates;
    OptOutDialog dialog(base, QDate::currentDate(), [&store, actor](const AlternateProcedure& procedure, QString* error) {
        const std::optional<StoredAlternateProcedure> stored = store.record(procedure, actor, error);
        return stored ? std::optional<qint64>(stored->id) : std::nullopt;
    }, parent);
    // The passport's chip, when its photo is the reference, fills the checks it answers.
    const std::optional<ReferencePerson> document =
        referenceMode() == Inspection::Mode::OneToOne
            ? (m_serviceMode ? std::optional<ReferencePerson>(m_documentHolder) : m_inspection.documentHolder())
            : std::nullopt;
    if (document && !document->documentVerdict.isEmpty())
        dialog.useChip(document->chipMrz, document->documentVerdict);
    const qint64 id = dialog.exec() == QDialog::Accepted ? dialog.recordedId() : 0;
    if (id != 0 && declinedCapture)
        withdrawDeclined(declinedCapture, actor);

    m_optingOut = false;
    if (id != 0 || m_declined) {
        // Consent is a state: the traveler who declined is usually still in
        // front of the camera, so nothing is captured until the officer
        // starts the next traveler (nextTraveler() restores automatic capture).
        m_declined = true;
        m_autoCaptureBefore = automatic;
        forgetDecision();
        m_live->nextTraveler();
    } else {
        // Cancelled: the traveler did not decline after all.
        m_live->setAutoCapture(automatic);
        nextTraveler();
    }
    Q_EMIT optOutFinished(id);
    return id;
}

void InspectionDesk::withdrawDeclined(const std::shared_ptr<const StoredId>& declined, const QString& actor)
{
    // Posted after the store of that capture (and any action on it): the
    // records thread finds it stored, or knows it never was.
    QFuture<RecordsAnswer> withdrawn = m_records.run<RecordsAnswer>([declined, actor](Records& records) {
        RecordsAnswer answer;
        answer.id = declined->id;
        if (answer.id == 0) {
            answer.done = true; // never stored (its failure was said): nothing to delete
            return answer;
        }
        const std::optional<Encounter> shown = records.encounters().find(answer.id, &answer.error);
        if (!shown)
            return answer;
        if (shown->officerAction) {
            answer.done = true; // acted on: the traveler before's, kept
            return answer;
        }
        answer.done = records.encounters().withdrawBiometrics(answer.id, actor, &answer.error, &answer.count);
        return answer;
    });
    track(QFuture<void>(withdrawn));
    whenAnswered(this, withdrawn, [this](const std::optional<RecordsAnswer>& answer) {
        if (!answer || !answer->done) {
            const QString error = failureOf(answer);
            Q_EMIT problem(tr("The photo taken before the opt-out could not be deleted: %1").arg(error));
        } else if (answer->count > 0) {
            Q_EMIT captureWithdrawn(answer->id);
        }
    });
}

void InspectionDesk::nextTraveler()
{
    if (m_optingOut)
        return; // the opt-out dialog decides what follows
    if (m_declined) {
        m_declined = false;
        m_live->setAutoCapture(m_autoCaptureBefore);
    }
    forgetDecision(); // an answer still on its way is not the next traveler's
    m_panel.clear();
    m_live->nextTraveler();
    Q_EMIT nextTravelerStarted();
}

} // namespace fg
