#pragma once

#include "core/security/UserAccount.h"
#include "core/workflow/Encounter.h"
#include "core/workflow/Inspection.h"
#include "ui/CaptureResult.h"

#include <QObject>
#include <QString>

#include <optional>

namespace fg {

class AlternateProcedureStore;
class EncounterStore;
class LiveAnalysis;
class MatchPanel;

// One officer's desk: each capture (LiveAnalysis) is decided against the
// chosen reference (Inspection), shown in the match panel and written at
// once as an encounter with its sealed photo and template (EncounterStore,
// so nothing is lost if the officer walks away); the officer's confirm,
// override or referral is then recorded on it, and the next traveler
// starts a new capture.
class InspectionDesk : public QObject {
    Q_OBJECT
public:
    struct Station {
        QString workstation;
        QString camera;
        Encounter::Kind kind = Encounter::Kind::Entry;
    };

    InspectionDesk(EncounterStore& encounters, Inspection& inspection, LiveAnalysis& live, MatchPanel& panel,
                   QObject* parent = nullptr);

    // Who captures and acts (none while locked). Only officers, checkpoint
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

    // The encounter of the capture on screen (0: none yet).
    qint64 currentEncounter() const { return m_encounterId; }

    void capture();      // the officer's capture key
    void confirm();
    void overrideDecision(const QString& reason);
    void sendToSecondary(const QString& reason);
    void nextTraveler();
    // The traveler declines the photo: capture stops for them (nothing
    // captured meanwhile is kept), the opt-out dialog logs the alternate
    // procedure, then the next traveler. A capture of theirs already on
    // screen and not acted on is withdrawn once the procedure is logged.
    // Modal; returns the logged id or 0.
    qint64 optOut(QWidget* parent);
    bool isOptingOut() const { return m_optingOut; }

Q_SIGNALS:
    // A new traveler steps up (the next-traveler key, or after an opt-out).
    void nextTravelerStarted();
    void optOutStarted();
    void optOutFinished(qint64 alternateProcedureId);
    // The photo and template of a capture the traveler declined after it was
    // taken were deleted, with deletion records (EncounterStore::withdrawBiometrics).
    void captureWithdrawn(qint64 encounterId);
    void encounterRecorded(qint64 encounterId, fg::Encounter::Decision decision);
    // The decision is on screen, this long after the capture window closed
    // (template, match, sealing and storing included).
    void decisionShown(double latencyMs);
    void actionRecorded(qint64 encounterId, fg::Encounter::OfficerAction action);
    // Something the officer must know, in words (status bar).
    void problem(const QString& text);

private:
    void onCaptured(const CaptureResult& capture);
    void act(Encounter::OfficerAction action, const QString& reason);

    EncounterStore& m_encounters;
    Inspection& m_inspection;
    LiveAnalysis* m_live = nullptr; // never null
    MatchPanel& m_panel;
    std::optional<UserAccount> m_officer;
    Station m_station;
    qint64 m_encounterId = 0;
    AlternateProcedureStore* m_alternates = nullptr;
    bool m_optingOut = false;
};

} // namespace fg
