#include "core/workflow/EncounterStore.h"

#include "core/security/AuditLog.h"
#include "core/security/CryptoRandom.h"
#include "core/security/KeyStore.h"
#include "core/storage/Clock.h"
#include "core/storage/Database.h"
#include "core/storage/SqlValue.h"
#include "core/storage/Transaction.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>

#include <cmath>

namespace fg {
namespace {

using sql::nullLong;
using sql::text;

QVariant nullDouble() { return QVariant(QMetaType(QMetaType::Double)); }
QVariant nullText() { return QVariant(QMetaType(QMetaType::QString)); }


QVariant optionalTime(const QDateTime& time) { return time.isValid() ? QVariant(time.toMSecsSinceEpoch()) : nullLong(); }
QVariant optionalNumber(const std::optional<double>& value) { return value ? QVariant(*value) : nullDouble(); }

QDateTime timeOf(const QVariant& value)
{
    return value.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

std::optional<double> numberOf(const QVariant& value)
{
    return value.isNull() ? std::nullopt : std::optional<double>(value.toDouble());
}

QString jsonText(const QJsonObject& object)
{
    return object.isEmpty() ? QString() : QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QJsonObject jsonObject(const QVariant& value)
{
    return QJsonDocument::fromJson(value.toString().toUtf8()).object();
}

QString isoMs(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

bool insert(const Database& database, const QString& sql, const QVariantList& values, const QString& what,
            QString* error)
{
    QSqlQuery statement = database.query();
    statement.prepare(sql);
    for (const QVariant& value : values)
        statement.addBindValue(value);
    return database.exec(statement, what, error);
}

// The presentation-attack fields as the schema takes them (its CHECKs say the
// same; this says it in words before anything is written). A score is kept
// only with the decision it led to.
bool checkPresentationAttack(const Encounter& encounter, QString* error)
{
    if (!encounter.padDecision.isEmpty()
        && !QStringList{QStringLiteral("bona-fide"), QStringLiteral("attack"), QStringLiteral("not-assessed")}.contains(
            encounter.padDecision)) {
        *error = QStringLiteral("\"%1\" is not a presentation-attack decision (bona-fide, attack or not-assessed): "
                                "not stored")
                     .arg(encounter.padDecision);
        return false;
    }
    if (encounter.padScore) {
        if (encounter.padDecision.isEmpty()) {
            *error = QStringLiteral("a presentation-attack score (%1) without a presentation-attack decision: not stored")
                         .arg(*encounter.padScore);
            return false;
        }
        if (!std::isfinite(*encounter.padScore) || *encounter.padScore < 0.0 || *encounter.padScore > 1.0) {
            *error = QStringLiteral("the presentation-attack score %1 is outside 0..1: not stored").arg(*encounter.padScore);
            return false;
        }
    }
    return true;
}

// What the table says about a sealed record ("photo" or "template") of an encounter.
struct SealedRecord {
    QString id;
    QByteArray sealed;
    QString modelId; // templates only
};

} // namespace

EncounterStore::EncounterStore(const Database& database, const KeyStore& keys, const AuditLog& audit,
                               const Clock& clock, const RetentionPolicy& retention)
    : m_database(database)
    , m_keys(keys)
    , m_audit(audit)
    , m_clock(clock)
    , m_retention(retention)
{
}

std::optional<qint64> EncounterStore::add(const Encounter& encounter, const BiometricSample* sample,
                                          const QString& actor, QString* error, StoredEncounter* stored) const
{
    const qint64 nowMs = m_clock.nowMs();
    StoredEncounter result;
    result.verifiedAt = encounter.verifiedAt.isValid() ? encounter.verifiedAt.toUTC() : m_clock.now();
    const qint64 verifiedMs = result.verifiedAt.toMSecsSinceEpoch();
    // The purge is due a fixed time after verification: a verification in
    // the future would postpone it at will (a U.S. citizen's photo kept to 2099).
    if (verifiedMs > nowMs + qint64(std::chrono::milliseconds(kClockSkew).count())) {
        *error = QStringLiteral("the identity is said to be verified at %1, in the future (now %2; at most %3 minutes of "
                                "clock difference are accepted): not stored")
                     .arg(result.verifiedAt.toString(Qt::ISODate), m_clock.now().toString(Qt::ISODate))
                     .arg(std::chrono::duration_cast<std::chrono::minutes>(kClockSkew).count());
        return std::nullopt;
    }
    result.rule = RetentionPolicy::ruleFor(encounter.citizenship, encounter.biometricExempt);
    result.purgeDueAt = m_retention.dueAt(result.rule, result.verifiedAt);
    result.kekId = m_keys.kekId();
    const QString ruleName = RetentionPolicy::ruleName(result.rule);

    if (!encounter.documentVerdict.isEmpty()
        && !QStringList{QStringLiteral("genuine"), QStringLiteral("not-verifiable"), QStringLiteral("not-genuine")}.contains(
            encounter.documentVerdict)) {
        *error = QStringLiteral("\"%1\" is not a document verdict (genuine, not-verifiable or not-genuine): not stored")
                     .arg(encounter.documentVerdict);
        return std::nullopt;
    }
    if (!checkPresentationAttack(encounter, error))
        return std::nullopt;

    // Seal before the write transaction starts: the writers' lock is held only for the inserts.
    const bool hasPhoto = sample && !sample->photo.isEmpty();
    const bool hasTemplate = sample && sample->faceTemplate && !sample->faceTemplate->isNull();
    const bool hasReference = sample && !sample->referencePhoto.isEmpty();
    if (hasPhoto && sample->format.isEmpty()) {
        *error = QStringLiteral("the photo's format (jpeg, png...) is not given");
        return std::nullopt;
    }
    if (hasReference && sample->referenceFormat.isEmpty()) {
        *error = QStringLiteral("the reference photo's format (jpeg, png...) is not given");
        return std::nullopt;
    }
    std::optional<KeyStore::SealedRecord> sealedPhoto;
    std::optional<KeyStore::SealedRecord> sealedReference;
    std::optional<KeyStore::SealedRecord> sealedTemplate;
    if (hasPhoto) {
        result.photoId = CryptoRandom::uuid();
        sealedPhoto = m_keys.seal(sample->photo, QStringLiteral("photo:") + result.photoId, error);
        if (!sealedPhoto)
            return std::nullopt;
    }
    if (hasReference) {
        result.referencePhotoId = CryptoRandom::uuid();
        sealedReference = m_keys.seal(sample->referencePhoto, QStringLiteral("photo:") + result.referencePhotoId, error);
        if (!sealedReference)
            return std::nullopt;
    }
    if (hasTemplate) {
        result.templateId = CryptoRandom::uuid();
        sealedTemplate = m_keys.seal(sample->faceTemplate->serialize(), QStringLiteral("template:") + result.templateId,
                                     error);
        if (!sealedTemplate)
            return std::nullopt;
    }

    Transaction transaction(m_database);
    if (!transaction.begin(error))
        return std::nullopt;
    const std::optional<qint64> travelerId = m_database.insertReturningId(
        QStringLiteral("INSERT INTO travelers (citizenship, biometric_exempt, created_at) VALUES (?, ?, ?)"),
        {text(encounter.citizenship.trimmed()), encounter.biometricExempt ? 1 : 0, nowMs}, QStringLiteral("add the traveler"),
        error);
    if (!travelerId)
        return std::nullopt;
    result.travelerId = *travelerId;

    const std::optional<qint64> encounterId = m_database.insertReturningId(
        QStringLiteral("INSERT INTO encounters (kind, mode, traveler_id, flight_id, flight, decision, score, threshold, "
                       "fmr_target, candidates, quality, officer, workstation, camera, partner, captured_at, "
                       "verified_at, decided_at, created_at, document_verdict, document_check, pad_decision, pad_score, "
                       "pad_evidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        {Encounter::kindName(encounter.kind), Encounter::modeName(encounter.mode), *travelerId,
         encounter.flightId > 0 ? QVariant(encounter.flightId) : nullLong(),
         text(Encounter::normalizedFlight(encounter.flight)),
         encounter.decision ? QVariant(Encounter::decisionName(*encounter.decision)) : nullText(),
         optionalNumber(encounter.score), optionalNumber(encounter.threshold), optionalNumber(encounter.fmrTarget),
         text(jsonText(encounter.candidates)), text(jsonText(encounter.quality)),
         text(encounter.officer.isEmpty() ? actor : encounter.officer), text(encounter.workstation),
         text(encounter.camera), text(encounter.partner), optionalTime(encounter.capturedAt), verifiedMs, optionalTime(encounter.decidedAt), nowMs,
         encounter.documentVerdict.isEmpty() ? nullText() : QVariant(encounter.documentVerdict),
         text(jsonText(encounter.documentCheck)),
         encounter.padDecision.isEmpty() ? nullText() : QVariant(encounter.padDecision), optionalNumber(encounter.padScore),
         encounter.padEvidence.isEmpty() ? nullText() : QVariant(jsonText(encounter.padEvidence))},
        QStringLiteral("add the encounter"), error);
    if (!encounterId)
        return std::nullopt;
    result.id = *encounterId;

    if (hasPhoto
        && !insert(m_database,
                   QStringLiteral("INSERT INTO photos (id, encounter_id, traveler_id, role, format, kek_id, sealed, "
                                  "retention_rule, verified_at, created_at) VALUES (?, ?, ?, 'capture', ?, ?, ?, ?, ?, ?)"),
                   {result.photoId, result.id, result.travelerId, sample->format, result.kekId, sealedPhoto->data, ruleName,
                    verifiedMs, nowMs},
                   QStringLiteral("store photo %1").arg(result.photoId), error))
        return std::nullopt;
    // The reference goes when the capture goes: same rule, same verified_at.
    if (hasReference
        && !insert(m_database,
                   QStringLiteral("INSERT INTO photos (id, encounter_id, traveler_id, role, format, kek_id, sealed, "
                                  "retention_rule, verified_at, created_at) VALUES (?, ?, ?, 'reference', ?, ?, ?, ?, ?, ?)"),
                   {result.referencePhotoId, result.id, result.travelerId, sample->referenceFormat, result.kekId,
                    sealedReference->data, ruleName, verifiedMs, nowMs},
                   QStringLiteral("store reference photo %1").arg(result.referencePhotoId), error))
        return std::nullopt;
    if (hasTemplate
        && !insert(m_database,
                   QStringLiteral("INSERT INTO templates (id, encounter_id, traveler_id, photo_id, model_id, kek_id, "
                                  "sealed, retention_rule, verified_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                   {result.templateId, result.id, result.travelerId, hasPhoto ? QVariant(result.photoId) : nullText(),
                    sample->faceTemplate->modelId(), result.kekId, sealedTemplate->data, ruleName, verifiedMs, nowMs},
                   QStringLiteral("store template %1").arg(result.templateId), error))
        return std::nullopt;

    for (const std::optional<KeyStore::SealedRecord>* sealed : {&sealedPhoto, &sealedReference, &sealedTemplate}) {
        if (*sealed && !m_keys.keep(**sealed, error))
            return std::nullopt;
    }

    // One queue item an encounter: a forged document first, whatever the face
    // said; then a face that was not a live one, whatever it matched.
    QString queueReason;
    if (encounter.documentVerdict == QLatin1String("not-genuine"))
        queueReason = QStringLiteral("document-not-genuine");
    else if (encounter.padDecision == QLatin1String("attack"))
        queueReason = QStringLiteral("presentation-attack");
    else if (encounter.decision == Encounter::Decision::NoMatch)
        queueReason = QStringLiteral("no-match");
    else if (encounter.decision == Encounter::Decision::PoorQuality)
        queueReason = QStringLiteral("poor-quality");
    if (!queueReason.isEmpty()) {
        const std::optional<qint64> item = m_database.insertReturningId(
            QStringLiteral("INSERT INTO queue_items (encounter_id, reason, created_at) VALUES (?, ?, ?)"),
            {result.id, queueReason, nowMs}, QStringLiteral("queue encounter %1 for a supervisor").arg(result.id), error);
        if (!item)
            return std::nullopt;
        result.queueItemId = *item;
    }

    QJsonObject details{
        {QStringLiteral("decision"),
         encounter.decision ? QJsonValue(Encounter::decisionName(*encounter.decision)) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("kind"), Encounter::kindName(encounter.kind)},
        {QStringLiteral("mode"), Encounter::modeName(encounter.mode)},
        {QStringLiteral("traveler"), result.travelerId},
        {QStringLiteral("photo"), hasPhoto ? QJsonValue(result.photoId) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("template"), hasTemplate ? QJsonValue(result.templateId) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("reference_photo"),
         hasReference ? QJsonValue(result.referencePhotoId) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("retention_rule"), ruleName},
        {QStringLiteral("kek"), result.kekId}};
    if (!encounter.documentVerdict.isEmpty())
        details.insert(QStringLiteral("document_verdict"), encounter.documentVerdict);
    if (!encounter.padDecision.isEmpty())
        details.insert(QStringLiteral("pad_decision"), encounter.padDecision);
    if (encounter.padScore)
        details.insert(QStringLiteral("pad_score"), *encounter.padScore);
    if (result.queueItemId > 0)
        details.insert(QStringLiteral("queue_item"), result.queueItemId);
    if (!m_audit.append(actor, QStringLiteral("encounter.add"), QStringLiteral("encounter:%1").arg(result.id), details,
                        error)
        || !transaction.commit(error))
        return std::nullopt;
    if (stored)
        *stored = result;
    return result.id;
}

std::optional<Encounter> EncounterStore::find(qint64 id, QString* error) const
{
    return read(m_database, id, error);
}

std::optional<Encounter> EncounterStore::read(const Database& database, qint64 id, QString* error)
{
    QSqlQuery row = database.query();
    row.prepare(QStringLiteral(
        "SELECT e.id, e.kind, e.mode, e.traveler_id, e.flight_id, e.decision, e.score, e.threshold, e.fmr_target, "
        "e.candidates, e.quality, e.officer, e.workstation, e.camera, e.partner, e.captured_at, e.verified_at, "
        "e.decided_at, e.created_at, t.citizenship, t.biometric_exempt, e.officer_action, e.override_reason, "
        "e.flight, e.document_verdict, e.document_check, e.pad_decision, e.pad_score, e.pad_evidence "
        "FROM encounters e LEFT JOIN travelers t ON t.id = e.traveler_id WHERE e.id = ?"));
    row.addBindValue(id);
    if (!database.exec(row, QStringLiteral("read encounter %1").arg(id), error))
        return std::nullopt;
    if (!row.next()) {
        *error = QStringLiteral("there is no encounter %1").arg(id);
        return std::nullopt;
    }
    Encounter encounter;
    encounter.id = row.value(0).toLongLong();
    const auto kind = Encounter::kindFromName(row.value(1).toString());
    const auto mode = Encounter::modeFromName(row.value(2).toString());
    if (!kind || !mode) {
        *error = QStringLiteral("encounter %1 has an unknown kind \"%2\" or mode \"%3\"")
                     .arg(id)
                     .arg(row.value(1).toString(), row.value(2).toString());
        return std::nullopt;
    }
    encounter.kind = *kind;
    encounter.mode = *mode;
    encounter.travelerId = row.value(3).isNull() ? 0 : row.value(3).toLongLong();
    encounter.flightId = row.value(4).isNull() ? 0 : row.value(4).toLongLong();
    encounter.flight = row.value(23).toString();
    if (!row.value(5).isNull()) {
        encounter.decision = Encounter::decisionFromName(row.value(5).toString());
        if (!encounter.decision) {
            *error = QStringLiteral("encounter %1 has an unknown decision \"%2\"").arg(id).arg(row.value(5).toString());
            return std::nullopt;
        }
    }
    encounter.score = numberOf(row.value(6));
    encounter.threshold = numberOf(row.value(7));
    encounter.fmrTarget = numberOf(row.value(8));
    encounter.candidates = jsonObject(row.value(9));
    encounter.quality = jsonObject(row.value(10));
    encounter.officer = row.value(11).toString();
    encounter.workstation = row.value(12).toString();
    encounter.camera = row.value(13).toString();
    encounter.partner = row.value(14).toString();
    encounter.capturedAt = timeOf(row.value(15));
    encounter.verifiedAt = timeOf(row.value(16));
    encounter.decidedAt = timeOf(row.value(17));
    encounter.createdAt = timeOf(row.value(18));
    encounter.citizenship = row.value(19).toString();
    encounter.biometricExempt = row.value(20).toLongLong() != 0;
    if (!row.value(21).toString().isEmpty()) {
        encounter.officerAction = Encounter::officerActionFromName(row.value(21).toString());
        if (!encounter.officerAction) {
            *error = QStringLiteral("encounter %1 has an unknown officer action \"%2\"").arg(id).arg(row.value(21).toString());
            return std::nullopt;
        }
    }
    encounter.overrideReason = row.value(22).toString();
    encounter.documentVerdict = row.value(24).toString();
    encounter.documentCheck = jsonObject(row.value(25));
    encounter.padDecision = row.value(26).toString();
    encounter.padScore = numberOf(row.value(27));
    encounter.padEvidence = jsonObject(row.value(28));
    return encounter;
}

bool EncounterStore::recordOfficerAction(qint64 encounterId, Encounter::OfficerAction action, const QString& reason,
                                         const QString& actor, QString* error, qint64* queueItemId) const
{
    const QString actionName = Encounter::officerActionName(action);
    const QString why = reason.trimmed();
    if (action == Encounter::OfficerAction::Override && why.isEmpty()) {
        *error = QStringLiteral("an override of encounter %1 needs a reason").arg(encounterId);
        return false;
    }
    Transaction transaction(m_database);
    if (!transaction.begin(error))
        return false;
    // Locked until commit on PostgreSQL, so two workstations cannot both act on it.
    QSqlQuery row = m_database.query();
    row.prepare(QStringLiteral("SELECT mode, decision, officer_action, decided_at, document_verdict, pad_decision "
                               "FROM encounters WHERE id = ?")
                + m_database.forUpdate());
    row.addBindValue(encounterId);
    if (!m_database.exec(row, QStringLiteral("read encounter %1").arg(encounterId), error))
        return false;
    if (!row.next()) {
        *error = QStringLiteral("there is no encounter %1").arg(encounterId);
        return false;
    }
    const QString mode = row.value(0).toString();
    const QString decision = row.value(1).toString(); // empty: no decision
    const QString previous = row.value(2).toString();
    const QDateTime previousAt = timeOf(row.value(3));
    const QString documentVerdict = row.value(4).toString();
    const QString padDecision = row.value(5).toString();
    row.finish();
    if (mode != Encounter::modeName(Encounter::Mode::Biometric)) {
        *error = QStringLiteral("encounter %1 is an alternate procedure, not a biometric decision to act on; its "
                                "outcome is logged with it")
                     .arg(encounterId);
        return false;
    }
    if (!previous.isEmpty()) {
        *error = QStringLiteral("encounter %1 was already decided: %2 at %3; a second action is refused")
                     .arg(encounterId)
                     .arg(previous, previousAt.isValid() ? previousAt.toString(Qt::ISODateWithMs) : QStringLiteral("?"));
        return false;
    }
    if (action == Encounter::OfficerAction::Confirm && decision.isEmpty()) {
        *error = QStringLiteral("encounter %1 has no decision to confirm").arg(encounterId);
        return false;
    }
    if (action == Encounter::OfficerAction::Confirm && documentVerdict == QLatin1String("not-genuine")) {
        *error = QStringLiteral("encounter %1: the passport's chip is not genuine; the decision cannot be confirmed, "
                                "only overridden with a reason or sent to secondary inspection")
                     .arg(encounterId);
        return false;
    }
    if (action == Encounter::OfficerAction::Confirm && padDecision == QLatin1String("attack")) {
        *error = QStringLiteral("encounter %1: the face at the camera was judged a presentation attack (a photo or a "
                                "screen); the decision cannot be confirmed, only overridden with a reason or sent to "
                                "secondary inspection")
                     .arg(encounterId);
        return false;
    }

    const qint64 nowMs = m_clock.nowMs();
    QSqlQuery update = m_database.query();
    update.prepare(QStringLiteral("UPDATE encounters SET officer_action = ?, override_reason = ?, decided_at = ? "
                                  "WHERE id = ?"));
    update.addBindValue(actionName);
    update.addBindValue(text(why));
    update.addBindValue(nowMs);
    update.addBindValue(encounterId);
    if (!m_database.exec(update, QStringLiteral("record the officer's action on encounter %1").arg(encounterId), error))
        return false;

    // An override or a referral goes to the supervisor's queue, once (the
    // encounter may be there already: a no-match is queued when added).
    qint64 queueItem = 0;
    bool queuedNow = false;
    QSqlQuery existing = m_database.query();
    existing.prepare(QStringLiteral("SELECT id FROM queue_items WHERE encounter_id = ?"));
    existing.addBindValue(encounterId);
    if (!m_database.exec(existing, QStringLiteral("look for the queue item of encounter %1").arg(encounterId), error))
        return false;
    if (existing.next())
        queueItem = existing.value(0).toLongLong();
    existing.finish();
    if (action != Encounter::OfficerAction::Confirm && queueItem == 0) {
        const std::optional<qint64> item = m_database.insertReturningId(
            QStringLiteral("INSERT INTO queue_items (encounter_id, reason, created_at) VALUES (?, ?, ?)"),
            {encounterId, QStringLiteral("override"), nowMs},
            QStringLiteral("queue encounter %1 for a supervisor").arg(encounterId), error);
        if (!item)
            return false;
        queueItem = *item;
        queuedNow = true;
    }

    QJsonObject details{
        {QStringLiteral("action"), actionName},
        {QStringLiteral("decision"), decision.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(decision)},
        {QStringLiteral("reason"), why},
        {QStringLiteral("queue_item"), queueItem > 0 ? QJsonValue(queueItem) : QJsonValue(QJsonValue::Null)}};
    if (queueItem > 0)
        details.insert(QStringLiteral("queued"), queuedNow ? QStringLiteral("new") : QStringLiteral("already"));
    if (!m_audit.append(actor, QStringLiteral("encounter.action"), QStringLiteral("encounter:%1").arg(encounterId),
                        details, error)
        || !transaction.commit(error))
        return false;
    if (queueItemId)
        *queueItemId = queueItem;
    return true;
}

bool EncounterStore::withdrawBiometrics(qint64 encounterId, const QString& actor, QString* error, int* deleted) const
{
    if (deleted)
        *deleted = 0;
    Transaction transaction(m_database);
    if (!transaction.begin(error))
        return false;
    const std::optional<QVariant> known = m_database.scalar(
        QStringLiteral("SELECT COUNT(*) FROM encounters WHERE id = ?"), {encounterId},
        QStringLiteral("look for encounter %1").arg(encounterId), error);
    if (!known)
        return false;
    if (known->toLongLong() == 0) {
        *error = QStringLiteral("there is no encounter %1").arg(encounterId);
        return false;
    }

    const qint64 nowMs = m_clock.nowMs();
    const QString rule = QString::fromLatin1(kOptOutRule);
    QJsonObject counts;
    QJsonArray deletions;
    int rows = 0;
    for (const auto& [table, what] : {std::pair{QStringLiteral("photos"), QStringLiteral("photo")},
                                      std::pair{QStringLiteral("templates"), QStringLiteral("template")}}) {
        // The deletion records first, copied from the rows they document.
        QSqlQuery record = m_database.query();
        record.prepare(QStringLiteral("INSERT INTO deletions (what, role, record_id, encounter_id, traveler_id, rule, "
                                      "verified_at, due_at, deleted_at, deleted_by) "
                                      "SELECT ?, %1, id, encounter_id, traveler_id, ?, verified_at, ?, ?, ? FROM %2 "
                                      "WHERE encounter_id = ? RETURNING id")
                           .arg(what == QLatin1String("photo") ? QStringLiteral("role") : QStringLiteral("NULL"), table));
        for (const QVariant& value : {QVariant(what), QVariant(rule), QVariant(nowMs), QVariant(nowMs), QVariant(actor),
                                      QVariant(encounterId)})
            record.addBindValue(value);
        if (!m_database.exec(record, QStringLiteral("record the deletion of the %1 of encounter %2").arg(table).arg(encounterId),
                             error))
            return false;
        int recorded = 0;
        while (record.next()) {
            deletions.append(record.value(0).toLongLong());
            ++recorded;
        }
        record.finish();
        QSqlQuery remove = m_database.query();
        remove.prepare(QStringLiteral("DELETE FROM %1 WHERE encounter_id = ?").arg(table));
        remove.addBindValue(encounterId);
        if (!m_database.exec(remove, QStringLiteral("delete the %1 of encounter %2").arg(table).arg(encounterId), error))
            return false;
        if (remove.numRowsAffected() != recorded) {
            *error = QStringLiteral("delete the %1 of encounter %2: %3 deleted, %4 recorded (changed meanwhile?)")
                         .arg(table)
                         .arg(encounterId)
                         .arg(remove.numRowsAffected())
                         .arg(recorded);
            return false;
        }
        counts.insert(table, recorded);
        rows += recorded;
    }
    const QJsonObject details{{QStringLiteral("rule"), rule}, {QStringLiteral("photos"), counts.value(QStringLiteral("photos"))},
                              {QStringLiteral("templates"), counts.value(QStringLiteral("templates"))},
                              {QStringLiteral("deletions"), deletions}};
    if (!m_audit.append(actor, QStringLiteral("encounter.withdraw"), QStringLiteral("encounter:%1").arg(encounterId),
                        details, error)
        || !transaction.commit(error))
        return false;
    if (deleted)
        *deleted = rows;
    return true;
}

namespace {

// The sealed row of an encounter ("photo" of `role`, or "template"); nullopt
// when there is none: *purged and *error then say whether retention deleted
// it (naming the deletion record).
std::optional<SealedRecord> sealedRecordOf(const Database& database, const QString& what, const QString& role,
                                           qint64 encounterId, bool* purged, QString* error)
{
    if (purged)
        *purged = false;
    const bool isPhoto = what == QLatin1String("photo");
    // "reference photo", "photo" (the capture), "template": for the messages.
    const QString named = isPhoto && role != QLatin1String("capture") ? role + QLatin1Char(' ') + what : what;
    QSqlQuery row = database.query();
    row.prepare(isPhoto ? QStringLiteral("SELECT id, sealed FROM photos WHERE encounter_id = ? AND role = ? "
                                         "ORDER BY created_at, id LIMIT 1")
                        : QStringLiteral("SELECT id, sealed, model_id FROM templates WHERE encounter_id = ? "
                                         "ORDER BY created_at, id LIMIT 1"));
    row.addBindValue(encounterId);
    if (isPhoto)
        row.addBindValue(role);
    if (!database.exec(row, QStringLiteral("read the %1 of encounter %2").arg(named).arg(encounterId), error))
        return std::nullopt;
    if (row.next()) {
        SealedRecord record{row.value(0).toString(), row.value(1).toByteArray(),
                            isPhoto ? QString() : row.value(2).toString()};
        row.finish();
        return record;
    }
    row.finish();

    QSqlQuery deletion = database.query();
    deletion.prepare(QStringLiteral("SELECT id, record_id, rule, deleted_at, deleted_by, due_at FROM deletions "
                                    "WHERE what = ? AND encounter_id = ? ORDER BY id DESC LIMIT 1"));
    deletion.addBindValue(what);
    deletion.addBindValue(encounterId);
    if (!database.exec(deletion, QStringLiteral("look for the deletion of the %1 of encounter %2").arg(what).arg(encounterId),
                       error))
        return std::nullopt;
    if (deletion.next()) {
        if (purged)
            *purged = true;
        *error = QStringLiteral("the %1 of encounter %2 (%3 %4) was deleted at %5 by %6 under rule %7 (due at %8); "
                                "deletion record %9")
                     .arg(named)
                     .arg(encounterId)
                     .arg(what, deletion.value(1).toString(), isoMs(deletion.value(3).toLongLong()),
                          deletion.value(4).toString(), deletion.value(2).toString(),
                          isoMs(deletion.value(5).toLongLong()))
                     .arg(deletion.value(0).toLongLong());
        return std::nullopt;
    }
    deletion.finish();
    const std::optional<QVariant> exists = database.scalar(QStringLiteral("SELECT COUNT(*) FROM encounters WHERE id = ?"),
                                                           {encounterId}, QStringLiteral("look for encounter %1").arg(encounterId),
                                                           error);
    if (!exists)
        return std::nullopt;
    *error = exists->toLongLong() == 0 ? QStringLiteral("there is no encounter %1").arg(encounterId)
                                       : QStringLiteral("encounter %1 has no %2").arg(encounterId).arg(named);
    return std::nullopt;
}

} // namespace

QString EncounterStore::photoRoleName(PhotoRole role)
{
    switch (role) {
    case PhotoRole::Capture:
        return QStringLiteral("capture");
    case PhotoRole::Reference:
        return QStringLiteral("reference");
    }
    return QString();
}

std::optional<QByteArray> EncounterStore::photo(qint64 encounterId, const KeyAccess& access, bool* purged,
                                                QString* error, PhotoRole role) const
{
    const std::optional<SealedRecord> record =
        sealedRecordOf(m_database, QStringLiteral("photo"), photoRoleName(role), encounterId, purged, error);
    if (!record)
        return std::nullopt;
    QString why;
    std::optional<QByteArray> bytes = m_keys.unseal(record->sealed, QStringLiteral("photo:") + record->id, access, &why);
    if (!bytes)
        *error = QStringLiteral("photo %1 of encounter %2 does not open: %3").arg(record->id).arg(encounterId).arg(why);
    return bytes;
}

std::optional<Template> EncounterStore::faceTemplate(qint64 encounterId, const KeyAccess& access, bool* purged,
                                                     QString* error) const
{
    const std::optional<SealedRecord> record =
        sealedRecordOf(m_database, QStringLiteral("template"), QString(), encounterId, purged, error);
    if (!record)
        return std::nullopt;
    QString why;
    const std::optional<QByteArray> bytes =
        m_keys.unseal(record->sealed, QStringLiteral("template:") + record->id, access, &why);
    std::optional<Template> result = bytes ? Template::deserialize(*bytes, record->modelId, &why) : std::nullopt;
    if (!result)
        *error = QStringLiteral("template %1 of encounter %2 does not open: %3").arg(record->id).arg(encounterId).arg(why);
    return result;
}

} // namespace fg
