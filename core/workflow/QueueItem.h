#pragma once

#include "core/workflow/DeletionRecord.h"
#include "core/workflow/Encounter.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <optional>
#include <vector>

namespace fg {

// What a supervisor decided about a queued encounter (table
// supervisor_decisions; DOMAIN.md: supervisors work the no-match queue).
struct SupervisorDecision {
    enum class Resolution {
        IdentityConfirmed,   // the traveler is who the document says: a false non-match
        SecondaryInspection, // referred to secondary inspection
        SuspectedImpostor,   // the face is not the document's holder
        CaptureProblem,      // lighting, camera, pose: the capture was not good enough to decide
    };

    qint64 id = 0;
    qint64 queueItemId = 0;
    QString supervisor; // the supervisor's user name
    Resolution resolution = Resolution::IdentityConfirmed;
    QString note;       // required, trimmed
    QDateTime decidedAt;

    // "identity-confirmed", "secondary-inspection", "suspected-impostor", "capture-problem"
    // (the names of the table's CHECK constraint).
    static QString resolutionName(Resolution resolution);
    static std::optional<Resolution> resolutionFromName(const QString& name);
};

// One item of the supervisor's no-match queue (table queue_items) with what
// the queue's table shows of its encounter.
struct QueueItem {
    enum class Reason { NoMatch, PoorQuality, Override, DocumentNotGenuine, PresentationAttack };
    enum class State { Open, Claimed, Resolved };

    qint64 id = 0;
    qint64 encounterId = 0;
    Reason reason = Reason::NoMatch;
    State state = State::Open;
    QString claimedBy;   // user name; empty when open
    QDateTime claimedAt; // null when open
    QDateTime createdAt; // entered the queue: the item's age counts from here

    // From the encounter.
    Encounter::Kind kind = Encounter::Kind::Entry;
    std::optional<Encounter::Decision> decision;
    std::optional<double> score;
    std::optional<double> threshold;
    QString flight;      // encounters.flight ('' = none)
    QString camera;
    QString officer;
    QString workstation;
    QString partner;
    QDateTime capturedAt;
    std::optional<Encounter::OfficerAction> officerAction;
    QString officerNote; // encounters.override_reason: the officer's reason for the action

    // The latest decision on a resolved item.
    std::optional<SupervisorDecision> resolution;

    // "no-match", "poor-quality", "override", "document-not-genuine",
    // "presentation-attack"; "open", "claimed", "resolved".
    static QString reasonName(Reason reason);
    static std::optional<Reason> reasonFromName(const QString& name);
    static QString stateName(State state);
    static std::optional<State> stateFromName(const QString& name);
};

// Everything the review shows of one item (ReviewQueue::review).
struct QueueItemReview {
    QueueItem item;
    Encounter encounter;                       // quality report, candidates, times
    // The traveler's document, when the encounter names one (documents row).
    QString documentKind;
    QString documentNumber;
    QString issuingState;
    QString documentExpiry;                    // ISO date or ''
    QString surname;
    QString givenNames;
    QString citizenship;
    std::vector<SupervisorDecision> decisions; // oldest first
    // The encounter's photos and templates that retention (or an opt-out)
    // deleted: shown as purged, with these records, never as an error.
    std::vector<DeletionRecord> deletions;
    bool hasCapturePhoto = false;   // still stored (not purged)
    bool hasReferencePhoto = false; // still stored (not purged)
};

} // namespace fg
