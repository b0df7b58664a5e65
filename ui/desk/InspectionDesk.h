#pragma once

#include "core/security/UserAccount.h"
#include "core/workflow/Encounter.h"
#include "core/workflow/Inspection.h"
#include "core/live/CaptureResult.h"

#include <QFuture>
#include <QList>
#include <QObject>
#include <QString>

#include <map>
#include <memory>
#include <optional>
#include <vector>

namespace fg {

class AlternateProcedureStore;
class LiveAnalysis;
class MatchClient;
class MatchPanel;
class RecordsThread;
struct MatchClientReply;

// One officer's desk: each capture (LiveAnalysis) is decided against the
// chosen reference (Inspection), shown in the match panel and written at
// once as an encounter with its sealed photo and template (EncounterStore,
// so nothing is lost if the officer walks away); the officer's confirm,
// override or referral is then recorded on it, and the next traveler
// starts a new capture.
//
// The GUI thread only shows: the decision is on screen at once, and the
// encounter is sealed and written on the records thread (RecordsThread),
// like the officer's action, the opt-out's withdrawal and what it reads
// first. Until the encounter is stored the panel says so and its buttons
// wait, so an action is never taken on an encounter not yet there. A
// decision that leaves the screen meanwhile (next traveler, a handover, a
// new reference, an opt-out) is stored all the same; its answer is then no
// longer the screen's (m_ticket), and only a failure is said.
//
// With a matching service (matching/endpoint, useMatchService()), each
// capture is decided by facegate-matchd instead, against the reference the
// service holds (useServiceGallery(), useServiceDocument()); the desk still
// writes the encounter with the service's decision, score, threshold and
// candidates, since the officer acts here. Without an answer from the
// service there is no decision: nothing is decided in-process, the panel
// says why, and the capture is not stored.
class InspectionDesk : public QObject {
    Q_OBJECT
public:
    struct Station {
        QString workstation;
        QString camera;
        Encounter::Kind kind = Encounter::Kind::Entry;
    };

    // `records` outlives the desk.
    InspectionDesk(RecordsThread& records, Inspection& inspection, LiveAnalysis& live, MatchPanel& panel,
                   QObject* parent = nullptr);
    // Waits for what it posted to the records thread (an encounter decided,
    // an action, an opt-out's withdrawal): none is lost as the window closes.
    ~InspectionDesk() override;

    // Who captures and acts (none while locked). A decision on screen made
    // for another officer is cleared (a handover). Only officers, checkpoint
    // officers and supervisors record encounters: an auditor reads and an
    // administrator manages users, so for them the desk stays off (problem()).
    void setOfficer(const std::optional<UserAccount>& officer);
    static bool recordsEncounters(Role role);
    void setStation(const Station& station) { m_station = station; }
    // Captures from `live` from now on (the window's capture camera): its
    // captures are decided here and the previous camera's no longer are,
    // automatic capture (on or off) moves to it, its capture starts afresh
    // for the traveler in front of it, and the station's camera becomes its
    // source. The same camera again changes nothing.
    void setCamera(LiveAnalysis& live);
    LiveAnalysis& camera() const { return *m_live; }
    // Where opt-outs are logged (none: the opt-out key says it cannot be logged).
    void setAlternateProcedures(AlternateProcedureStore* store) { m_alternates = store; }
    const Station& station() const { return m_station; }

    // Decides through the service from now on (never again in-process).
    // client null: the service is configured but cannot be used, for
    // `unusable` (in words); every capture then gets no decision.
    void useMatchService(MatchClient* client, const QString& unusable = QString());
    bool usesMatchService() const { return m_serviceMode; }
    // 1:N: the gallery the service loaded under `flight`; `members` are the
    // manifest's rows (the photo and nationality shown and stored).
    void useServiceGallery(const QString& flight, const std::vector<GalleryEntry>& members);
    // 1:1: the document photo's bytes, sent with each capture.
    void useServiceDocument(const QByteArray& photo, const ReferencePerson& holder);
    // The reference chosen: the service's when it decides, else the Inspection's.
    Inspection::Mode referenceMode() const;
    QString flight() const;

    // The encounter of the capture on screen (0: none yet, or not stored yet).
    qint64 currentEncounter() const { return m_encounterId; }
    // A decision on screen not acted on yet (stored or still being stored),
    // or one awaited from the service.
    bool hasPendingDecision() const;
    // The decision on screen is still being stored (its buttons wait).
    bool isStoring() const { return m_storing; }
    // The flight's gallery or the document photo changed: a decision made
    // against the one before is cleared (its encounter stays, with no officer
    // action) and the traveler is captured again. useServiceGallery() and
    // useServiceDocument() call it; the workstation calls it when the
    // in-process Inspection takes a new reference.
    void referenceChanged();

    void capture();      // the officer's capture key
    void confirm();
    void overrideDecision(const QString& reason);
    void sendToSecondary(const QString& reason);
    void nextTraveler();
    // The traveler declines the photo: capture stops for them (nothing
    // captured meanwhile is kept) and the opt-out dialog logs the alternate
    // procedure. Once it is logged, capture stays stopped (the key and
    // automatic capture alike) until nextTraveler(): the traveler who
    // declined is usually still in front of the camera. A capture of theirs
    // already on screen and not acted on is withdrawn once the procedure is
    // logged (captureWithdrawn(), once the records thread has done it; a
    // capture still being stored is withdrawn once stored). Cancelled,
    // capture goes on as before. Modal; returns the logged id or 0.
    qint64 optOut(QWidget* parent);
    bool isOptingOut() const { return m_optingOut; }
    // The traveler in front has declined (the dialog open, or the procedure
    // logged and no next traveler yet): nothing is captured.
    bool travelerDeclined() const { return m_optingOut || m_declined; }

Q_SIGNALS:
    // A new traveler steps up (the next-traveler key, or after an opt-out).
    void nextTravelerStarted();
    void optOutStarted();
    void optOutFinished(qint64 alternateProcedureId);
    // The photo and template of a capture the traveler declined after it was
    // taken were deleted, with deletion records (EncounterStore::withdrawBiometrics).
    void captureWithdrawn(qint64 encounterId);
    // The encounter of the decision on screen is stored (on the records
    // thread): the officer may act on it now. Not said of a decision that
    // left the screen before it was stored.
    void encounterRecorded(qint64 encounterId, fg::Encounter::Decision decision);
    // The decision is on screen, this long after the capture window closed
    // (template and match included; it is stored afterwards, off this thread).
    void decisionShown(double latencyMs);
    // The officer's action on the decision on screen is recorded.
    void actionRecorded(qint64 encounterId, fg::Encounter::OfficerAction action);
    // Something the officer must know, in words (status bar).
    void problem(const QString& text);
    // The matching service answered (reachable) or not (why, in words).
    void matchingServiceState(bool reachable, const QString& reason);

private:
    void onCaptured(const CaptureResult& capture);
    void askService(const CaptureResult& capture);
    void onServiceReply(const CaptureResult& capture, const MatchClientReply& reply);
    void record(const CaptureResult& capture, const MatchOutcome& outcome);
    ReferencePerson memberOf(const ReferencePerson& candidate) const;
    void act(Encounter::OfficerAction action, const QString& reason);
    void dropPendingDecision(const QString& why);
    // The decision on screen is no longer the screen's: answers still on
    // their way for it (the service's, the records') are dropped.
    void forgetDecision();
    // The encounter's id as the records thread stored it (0: not yet, or refused).
    struct StoredId;
    void withdrawDeclined(const std::shared_ptr<const StoredId>& declined, const QString& actor);
    // Keeps a job posted to the records thread until it is done (the destructor waits for it).
    void track(const QFuture<void>& job);

    RecordsThread& m_records;
    QList<QFuture<void>> m_posted; // jobs on the records thread, some perhaps done
    Inspection& m_inspection;
    LiveAnalysis* m_live = nullptr; // never null
    MatchPanel& m_panel;
    std::optional<UserAccount> m_officer;
    Station m_station;
    qint64 m_encounterId = 0;         // set once the records thread stored it
    // The encounter of the decision on screen as the records thread stores
    // it (null: none on screen). Jobs run there in the order posted, so one
    // posted later (an opt-out's withdrawal) finds it stored.
    std::shared_ptr<StoredId> m_shown;
    bool m_storing = false;           // the decision on screen is being stored
    bool m_acting = false;            // the officer's action on it is being recorded
    AlternateProcedureStore* m_alternates = nullptr;
    bool m_optingOut = false;
    bool m_declined = false;          // an opt-out logged for the traveler in front
    QString m_decisionOfficer;        // who saw the decision on screen made
    bool m_decisionActedOn = false;   // the officer's action on it is recorded
    bool m_autoCaptureBefore = true;  // automatic capture before they declined

    // Deciding through the service.
    bool m_serviceMode = false;
    MatchClient* m_service = nullptr; // null in service mode: configured but unusable
    QString m_serviceUnusable;
    Inspection::Mode m_serviceReference = Inspection::Mode::None;
    QString m_serviceFlight;
    std::map<QString, ReferencePerson> m_serviceMembers; // by traveler id
    QByteArray m_documentPhoto;
    ReferencePerson m_documentHolder;
    // The decision on screen, or the capture waiting for the service; a new
    // traveler outdates it, and the answers for it with it.
    quint64 m_ticket = 0;
    bool m_waiting = false;
};

} // namespace fg
