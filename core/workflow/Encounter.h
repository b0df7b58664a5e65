#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace fg {

// One traveler at one officer's (or partner's) camera: what was decided, by
// whom, where and when. Stored in table encounters (core/storage/migrations).
struct Encounter {
    enum class Kind { Entry, Exit, Checkpoint };
    enum class Mode { Biometric, Alternate };
    enum class Decision { Match, NoMatch, NoFace, PoorQuality };
    // What the officer did with the matcher's decision (EncounterStore::recordOfficerAction).
    enum class OfficerAction { Confirm, Override, SendToSecondary };

    qint64 id = 0;
    qint64 travelerId = 0;        // set by EncounterStore (add writes a new traveler row)
    Kind kind = Kind::Entry;
    Mode mode = Mode::Biometric;
    std::optional<Decision> decision;
    QString citizenship;          // ICAO 9303 three-letter code
    bool biometricExempt = false;
    std::optional<double> score;
    std::optional<double> threshold;
    std::optional<double> fmrTarget;
    QJsonObject quality;          // QualityReport as JSON
    QJsonObject candidates;       // 1:N top candidates, when searched
    QString officer;              // user name (or partner id for a partner camera)
    QString workstation;
    QString camera;
    QString partner;
    qint64 flightId = 0;          // 0: none
    QString flight;               // the flight matched for (gallery's, or given); stored normalised, '' = none
    QDateTime capturedAt;         // may be null
    QDateTime verifiedAt;         // identity verified: the retention clock starts here
    QDateTime decidedAt;          // may be null; set when the officer acts
    std::optional<OfficerAction> officerAction; // none yet
    QString overrideReason;       // the reason the officer gave for the action (required for an override)
    // What the passport's chip said of the document (issue 19): empty when no
    // chip was read; else "genuine", "not-verifiable" or "not-genuine"
    // (ChipVerdict::outcomeName), and the whole report (ChipDocument::toJson:
    // the verdict in words, each check, the clone check, the access control,
    // the chip's MRZ against the printed one). A not-genuine document is queued
    // for a supervisor and may not be confirmed without an override.
    QString documentVerdict;
    QJsonObject documentCheck;
    // Whether the face was a presentation attack (issue 20: a printed photo or
    // a screen held up to the camera): empty when it was not assessed at all
    // (an alternate procedure, a record of before); else "bona-fide",
    // "attack" or "not-assessed" (tried, could not decide: padDecisionName of
    // core/biometrics), the presentation-attack score (0..1, higher = more
    // like an attack; none when not assessed) and the whole assessment
    // (PadAssessment::toJson: threshold, calibration, each cue). An attack is
    // queued for a supervisor and may not be confirmed without an override.
    QString padDecision;
    std::optional<double> padScore;
    QJsonObject padEvidence;
    QDateTime createdAt;

    static QString kindName(Kind kind);
    static QString modeName(Mode mode);
    static QString decisionName(Decision decision);
    static std::optional<Kind> kindFromName(const QString& name);
    static std::optional<Mode> modeFromName(const QString& name);
    static std::optional<Decision> decisionFromName(const QString& name);
    // A flight code as stored and compared: upper case, no spaces ("ua 901" -> "UA901").
    static QString normalizedFlight(const QString& flight);
    static QString officerActionName(OfficerAction action); // "confirm", "override", "send-to-secondary"
    static std::optional<OfficerAction> officerActionFromName(const QString& name);
};

} // namespace fg
