#pragma once

#include "core/matching/Template.h"
#include "core/workflow/Encounter.h"
#include "core/workflow/RetentionPolicy.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <chrono>
#include <optional>

namespace fg {

class AuditLog;
class Clock;
class Database;
class KeyStore;
struct KeyAccess;

// The captured photo (encoded JPEG/PNG bytes, never decoded here) and its
// template, and the reference photo shown beside the capture (the document's
// photo in 1:1, the best candidate's gallery photo in 1:N), kept so that a
// supervisor reviewing the encounter sees what the officer saw.
struct BiometricSample {
    QByteArray photo;
    QString format;                     // "jpeg", "png"
    std::optional<Template> faceTemplate;
    // Initialised here, so that {photo, format, template} still makes a sample.
    QByteArray referencePhoto = {};     // empty: none
    QString referenceFormat = {};       // "jpeg", "png"
};

// What add() wrote besides the encounter row.
struct StoredEncounter {
    qint64 id = 0;
    qint64 travelerId = 0;
    QString photoId;                    // empty without a photo
    QString referencePhotoId;           // empty without a reference photo
    QString templateId;                 // empty without a template
    // 0: no queue item (only a not-genuine document, a presentation attack, a
    // no-match and a poor quality get one, one an encounter, in that precedence)
    qint64 queueItemId = 0;
    RetentionPolicy::Rule rule = RetentionPolicy::Rule::InScope;
    QDateTime verifiedAt;
    QDateTime purgeDueAt;               // when the photo and template must be gone
    QString kekId;
};

// Writes and reads encounters. add() writes the traveler, the encounter, the
// sealed photo and template (ids bound into their ciphertexts), the no-match
// queue item and the audit event in ONE transaction: after a crash either all
// of it is there or none.
class EncounterStore {
public:
    EncounterStore(const Database& database, const KeyStore& keys, const AuditLog& audit, const Clock& clock,
                   const RetentionPolicy& retention);

    // How far in the future of the clock a verification may lie (another
    // workstation's clock a little ahead); beyond it add() refuses.
    static constexpr std::chrono::seconds kClockSkew = std::chrono::minutes(5);

    // Returns the new encounter id (and, in *stored, what else was written).
    // encounter.verifiedAt null: the clock's now; more than kClockSkew after it: refused. encounter.officer empty: the
    // actor. The photo is sealed with binding "photo:<uuid>" (photos.role
    // 'capture'), the reference photo likewise (role 'reference'), the
    // template's serialized form (Template::serialize) with "template:<uuid>";
    // all carry the retention rule of the traveler (citizenship,
    // biometricExempt) and verifiedAt, so they are purged together. The audit
    // event encounter.add (subject "encounter:<id>") names the decision, kind,
    // mode, record ids and key, the document's verdict and the presentation-
    // attack decision and score when given, never biometric data. Refused: a
    // document verdict or presentation-attack decision the schema does not
    // know, a presentation-attack score outside 0..1 or without a decision.
    std::optional<qint64> add(const Encounter& encounter, const BiometricSample* sample, const QString& actor,
                              QString* error, StoredEncounter* stored = nullptr) const;

    std::optional<Encounter> find(qint64 id, QString* error) const;
    // What find() reads, for a reader that holds no key (the supervisor's queue).
    static std::optional<Encounter> read(const Database& database, qint64 id, QString* error);

    // The officer's action on a biometric encounter's decision (DOMAIN.md,
    // the encounter, step 4): confirm it, override it (a NO MATCH checked by
    // hand, a MATCH the officer doubts; reason required) or send the traveler
    // to secondary inspection (reason optional). In one transaction: sets
    // officer_action, override_reason (the reason, trimmed, for any action)
    // and decided_at (the clock's now); an override or a referral puts the
    // encounter in the supervisor's queue with reason 'override' (the one
    // queue reason for an officer's act; encounters.officer_action tells an
    // override from a referral) unless it is queued already (a no-match is,
    // from add()); the audit event encounter.action (subject
    // "encounter:<id>") names the action, the matcher's decision, the reason
    // and the queue item. *queueItemId: the encounter's queue item, 0 if none.
    // Refused, with nothing written: an unknown encounter, an alternate
    // procedure (its outcome is logged with it), an encounter the officer
    // already acted on (officer_action set; a decided_at given to add() alone
    // does not count), a confirmation of an encounter without a decision, of
    // one whose passport chip is not genuine, or of one whose face was judged
    // a presentation attack (those may be overridden with a reason or sent to
    // secondary inspection).
    bool recordOfficerAction(qint64 encounterId, Encounter::OfficerAction action, const QString& reason,
                             const QString& actor, QString* error, qint64* queueItemId = nullptr) const;

    // The traveler declined the photo after it was taken (DOMAIN.md: no photo
    // is taken or kept for a traveler who opts out): the encounter's photos
    // (capture and reference) and templates are deleted now, in one
    // transaction, each with a deletion record under the rule kOptOutRule
    // (due and deleted now, by actor), and the audit event encounter.withdraw
    // (subject "encounter:<id>") counts them. The encounter row itself stays: a
    // capture was made and its decision shown. Deleting nothing (already
    // purged, or an encounter without biometrics) is not an error; an
    // unknown encounter is. *deleted: the rows deleted (photos + templates).
    // Their data keys go with them (schema 7's triggers); the caller then
    // shreds them as after a purge (Purger::reclaim: a rewrite of data_keys,
    // not for the GUI thread; the workstation runs it on its records thread).
    static constexpr const char* kOptOutRule = "traveler-opt-out";
    bool withdrawBiometrics(qint64 encounterId, const QString& actor, QString* error, int* deleted = nullptr) const;

    // Which photo of an encounter (photos.role).
    enum class PhotoRole { Capture, Reference };
    static QString photoRoleName(PhotoRole role); // "capture", "reference"

    // A photo of an encounter, opened (an audited key access): the capture
    // unless `role` says the reference. nullopt with *purged = true (and
    // *error naming the deletion record) once retention or an opt-out
    // removed it. The deletion records do not keep the role: an encounter
    // that never had a reference but whose capture was purged reads as purged.
    std::optional<QByteArray> photo(qint64 encounterId, const KeyAccess& access, bool* purged, QString* error,
                                    PhotoRole role = PhotoRole::Capture) const;
    std::optional<Template> faceTemplate(qint64 encounterId, const KeyAccess& access, bool* purged,
                                         QString* error) const;

private:
    const Database& m_database;
    const KeyStore& m_keys;
    const AuditLog& m_audit;
    const Clock& m_clock;
    const RetentionPolicy& m_retention;
};

} // namespace fg
