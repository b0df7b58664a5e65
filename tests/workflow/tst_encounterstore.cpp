// EncounterStore: one encounter with its sealed photo and template, the
// no-match queue and the audit event written together; records open only
// under their own id and only through an audited key access; the database
// file never holds a plaintext photo or template (ARCHITECTURE.md, Storage),
// capture or reference.
#include "core/security/AuditLog.h"
#include "core/security/KeyEncryptionKey.h"
#include "core/security/KeyStore.h"
#include "core/storage/Database.h"
#include "core/storage/Migrator.h"
#include "core/workflow/EncounterStore.h"
#include "core/workflow/Purger.h"
#include "tests/support/ManualClock.h"
#include "tests/support/TestAuditKey.h"
#include "tests/support/TestData.h"
#include "tests/support/TestDatabase.h"
#include "tests/workflow/StoreRecords.h"
#include "tests/workflow/RawFileScan.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTest>

#include <algorithm>
#include <map>
#include <memory>
#include <tuple>

using namespace fg;

Q_DECLARE_METATYPE(std::optional<fg::Encounter::Decision>)

namespace {

using Records = test::StoreRecords;

Template syntheticTemplate(QRandomGenerator& random, const QString& modelId = QStringLiteral("test-model"))
{
    std::vector<float> values(Template::kDimension);
    for (float& value : values)
        value = float(random.generateDouble() * 2.0 - 1.0);
    return Template(modelId, std::move(values));
}

QByteArray readFile(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QByteArray floatBytes(const Template& faceTemplate)
{
    const auto values = faceTemplate.values();
    return QByteArray(reinterpret_cast<const char*>(values.data()), qsizetype(values.size_bytes()));
}

} // namespace

class TestEncounterStore : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void roundTrip();
    void recordsCarryTheirRetentionRule_data();
    void recordsCarryTheirRetentionRule();
    void queueItemForNoMatch_data();
    void queueItemForNoMatch();
    void movedBlobDoesNotOpen();
    void purgedRecordNamesItsDeletion();
    void failedAddLeavesNothing();
    void encounterWithoutSample();
    void aVerificationInTheFutureIsRefused();
    void referencePhotoIsKeptBesideTheCapture();
    void referencePhotoGoesWithTheCapture();
    void fileNeverHoldsPlaintext();
};

void TestEncounterStore::roundTrip()
{
    FG_REQUIRE_DATASETS();
    Records records;
    QString error;
    QVERIFY2(records.open(&error), qPrintable(error));
    const QByteArray photo = readFile(test::datasetPath(QStringLiteral("faces-dev/single/obama/06-480p.jpg")));
    QVERIFY(!photo.isEmpty());
    QRandomGenerator random(7);
    BiometricSample sample{photo, QStringLiteral("jpeg"), syntheticTemplate(random)};

    Encounter encounter;
    encounter.kind = Encounter::Kind::Exit;
    encounter.decision = Encounter::Decision::Match;
    encounter.citizenship = QStringLiteral("FRA");
    encounter.score = 0.71;
    encounter.threshold = 0.42;
    encounter.fmrTarget = 1e-3;
    encounter.quality = QJsonObject{{QStringLiteral("acceptable"), true}};
    encounter.officer = QStringLiteral("jdoe");
    encounter.camera = QStringLiteral("gate-3");
    encounter.verifiedAt = records.clock.now().addSecs(-30);
    encounter.decidedAt = records.clock.now();
    StoredEncounter stored;
    const std::optional<qint64> id = records.store->add(encounter, &sample, QStringLiteral("officer:jdoe"), &error, &stored);
    QVERIFY2(id, qPrintable(error));
    QCOMPARE(stored.id, *id);
    QVERIFY(!stored.photoId.isEmpty());
    QVERIFY(!stored.templateId.isEmpty());
    QVERIFY(stored.photoId != stored.templateId);
    QCOMPARE(stored.kekId, records.keys->kekId());

    const std::optional<Encounter> found = records.store->find(*id, &error);
    QVERIFY2(found, qPrintable(error));
    QCOMPARE(found->kind, Encounter::Kind::Exit);
    QCOMPARE(found->mode, Encounter::Mode::Biometric);
    QCOMPARE(found->decision, std::optional(Encounter::Decision::Match));
    QCOMPARE(found->citizenship, QStringLiteral("FRA"));
    QCOMPARE(found->score, std::optional(0.71));
    QCOMPARE(found->threshold, std::optional(0.42));
    QCOMPARE(found->quality, encounter.quality);
    QCOMPARE(found->officer, QStringLiteral("jdoe"));
    QCOMPARE(found->camera, QStringLiteral("gate-3"));
    QCOMPARE(found->verifiedAt, encounter.verifiedAt);
    QCOMPARE(found->decidedAt, encounter.decidedAt);
    QVERIFY(!found->capturedAt.isValid());
    QCOMPARE(found->createdAt, records.clock.now());
    QCOMPARE(found->travelerId, stored.travelerId);

    // The audit event names the records and the key, and holds no biometric bytes.
    const auto events = records.audit->events(1, 100, &error);
    QVERIFY2(events, qPrintable(error));
    const auto added = std::find_if(events->begin(), events->end(),
                                    [](const AuditEvent& event) { return event.action == QLatin1String("encounter.add"); });
    QVERIFY(added != events->end());
    QCOMPARE(added->subject, QStringLiteral("encounter:%1").arg(*id));
    QCOMPARE(added->actor, QStringLiteral("officer:jdoe"));
    QCOMPARE(added->details.value(QStringLiteral("decision")).toString(), QStringLiteral("match"));
    QCOMPARE(added->details.value(QStringLiteral("kind")).toString(), QStringLiteral("exit"));
    QCOMPARE(added->details.value(QStringLiteral("mode")).toString(), QStringLiteral("biometric"));
    QCOMPARE(added->details.value(QStringLiteral("photo")).toString(), stored.photoId);
    QCOMPARE(added->details.value(QStringLiteral("template")).toString(), stored.templateId);
    QCOMPARE(added->details.value(QStringLiteral("kek")).toString(), records.keys->kekId());
    QVERIFY(QJsonDocument(added->details).toJson(QJsonDocument::Compact).size() < 600);

    // Each opening is one key.unwrap event naming the record and the purpose.
    const QString unwraps = QStringLiteral("SELECT COUNT(*) FROM audit_events WHERE action = 'key.unwrap'");
    const qint64 before = records.count(unwraps);
    bool purged = true;
    const KeyAccess access{QStringLiteral("officer:jdoe"), QStringLiteral("show capture beside reference")};
    const std::optional<QByteArray> opened = records.store->photo(*id, access, &purged, &error);
    QVERIFY2(opened, qPrintable(error));
    QVERIFY(!purged);
    QCOMPARE(*opened, photo);
    QCOMPARE(records.count(unwraps), before + 1);
    QCOMPARE(records.count(QStringLiteral("SELECT COUNT(*) FROM audit_events WHERE action = 'key.unwrap' AND subject = ? "
                                          "AND actor = 'officer:jdoe'"),
                           {QStringLiteral("photo:") + stored.photoId}),
             1);
    const std::optional<Template> faceTemplate = records.store->faceTemplate(*id, access, &purged, &error);
    QVERIFY2(faceTemplate, qPrintable(error));
    QCOMPARE(faceTemplate->serialize(), sample.faceTemplate->serialize());
    QCOMPARE(faceTemplate->modelId(), QStringLiteral("test-model"));
    QCOMPARE(records.count(unwraps), before + 2);
    QCOMPARE(records.count(QStringLiteral("SELECT COUNT(*) FROM audit_events WHERE action = 'key.unwrap' AND subject = ?"),
                           {QStringLiteral("template:") + stored.templateId}),
             1);

    // What the row holds is sealed: not the photo, not the template.
    QSqlQuery row = records.database->query();
    row.prepare(QStringLiteral("SELECT p.sealed, p.format, p.kek_id, t.sealed, t.model_id FROM photos p "
                               "JOIN templates t ON t.photo_id = p.id WHERE p.encounter_id = ?"));
    row.addBindValue(*id);
    QVERIFY(row.exec() && row.next());
    QVERIFY(row.value(0).toByteArray().indexOf(photo.left(64)) < 0);
    QCOMPARE(row.value(1).toString(), QStringLiteral("jpeg"));
    QCOMPARE(row.value(2).toString(), records.keys->kekId());
    QVERIFY(row.value(3).toByteArray().indexOf(floatBytes(*sample.faceTemplate).left(64)) < 0);
    QCOMPARE(row.value(4).toString(), QStringLiteral("test-model"));
    row.finish();

    QCOMPARE(records.store->find(*id + 1000, &error), std::nullopt);
    QVERIFY2(error.contains(QString::number(*id + 1000)), qPrintable(error));
    const auto verification = records.audit->verify(&error);
    QVERIFY2(verification && verification->intact, qPrintable(verification ? verification->problem : error));
}

void TestEncounterStore::recordsCarryTheirRetentionRule_data()
{
    QTest::addColumn<QString>("citizenship");
    QTest::addColumn<bool>("exempt");
    QTest::addColumn<QString>("rule");
    QTest::addColumn<qint64>("keepSeconds");
    QTest::newRow("U.S. citizen") << "USA" << false << "us-citizen-or-exempt-12h" << qint64(12 * 3600);
    QTest::newRow("exempt traveler") << "CAN" << true << "us-citizen-or-exempt-12h" << qint64(12 * 3600);
    QTest::newRow("in-scope traveler") << "FRA" << false << "in-scope-14d" << qint64(14 * 24 * 3600);
}

void TestEncounterStore::recordsCarryTheirRetentionRule()
{
    QFETCH(QString, citizenship);
    QFETCH(bool, exempt);
    QFETCH(QString, rule);
    QFETCH(qint64, keepSeconds);
    Records records;
    QString error;
    QVERIFY2(records.open(&error), qPrintable(error));
    QRandomGenerator random(11);
    BiometricSample sample{QByteArray("not really a photo, but bytes to seal"), QStringLiteral("jpeg"),
                           syntheticTemplate(random)};
    Encounter encounter;
    encounter.citizenship = citizenship;
    encounter.biometricExempt = exempt;
    const QDateTime verifiedAt = records.clock.now().addSecs(-3600);
    encounter.verifiedAt = verifiedAt;
    StoredEncounter stored;
    QVERIFY2(records.store->add(encounter, &sample, QStringLiteral("officer:jdoe"), &error, &stored), qPrintable(error));
    QCOMPARE(RetentionPolicy::ruleName(stored.rule), rule);
    QCOMPARE(stored.purgeDueAt, verifiedAt.addSecs(keepSeconds));
    for (const QString& table : {QStringLiteral("photos"), QStringLiteral("templates")}) {
        QCOMPARE(records.count(QStringLiteral("SELECT COUNT(*) FROM %1 WHERE encounter_id = ? AND retention_rule = ? "
                                              "AND verified_at = ? AND traveler_id = ?")
                                   .arg(table),
                               {stored.id, rule, verifiedAt.toMSecsSinceEpoch(), stored.travelerId}),
                 1);
    }
    QCOMPARE(records.count(QStringLiteral("SELECT COUNT(*) FROM travelers WHERE id = ? AND citizenship = ? AND "
                                          "biometric_exempt = ?"),
                           {stored.travelerId, citizenship, exempt ? 1 : 0}),
             1);
}

void TestEncounterStore::queueItemForNoMatch_data()
{
    QTest::addColumn<std::optional<Encounter::Decision>>("decision");
    QTest::addColumn<QString>("reason"); // empty: no queue item
    QTest::newRow("match") << std::optional(Encounter::Decision::Match) << QString();
    QTest::newRow("no-match") << std::optional(Encounter::Decision::NoMatch) << QStringLiteral("no-match");
    QTest::newRow("poor-quality") << std::optional(Encounter::Decision::PoorQuality) << QStringLiteral("poor-quality");
    QTest::newRow("no-face") << std::optional(Encounter::Decision::NoFace) << QString();
    QTest::newRow("no decision yet") << std::optional<Encounter::Decision>() << QString();
}

void TestEncounterStore::queueItemForNoMatch()
{
    QFETCH(std::optional<Encounter::Decision>, decision);
    QFETCH(QString, reason);
    Records records;
    QString error;
    QVERIFY2(records.open(&error), qPrintable(error));
    QRandomGenerator random(3);
    BiometricSample sample{QByteArray(4096, 'x'), QStringLiteral("png"), syntheticTemplate(random)};
    Encounter encounter;
    encounter.citizenship = QStringLiteral("DEU");
    encounter.decision = decision;
    StoredEncounter stored;
    QVERIFY2(records.store->add(encounter, &sample, QStringLiteral("officer:jdoe"), &error, &stored), qPrintable(error));
    const qint64 items = records.count(QStringLiteral("SELECT COUNT(*) FROM queue_items WHERE encounter_id = ?"), {stored.id});
    QCOMPARE(items, reason.isEmpty() ? 0 : 1);
    QCOMPARE(stored.queueItemId > 0, !reason.isEmpty());
    if (!reason.isEmpty()) {
        QCOMPARE(records.count(QStringLiteral("SELECT COUNT(*) FROM queue_items WHERE id = ? AND encounter_id = ? AND "
                                              "reason = ? AND state = 'open' AND created_at = ?"),
                               {stored.queueItemId, stored.id, reason, records.clock.nowMs()}),
                 1);
    }
    const std::optional<Encounter> found = records.store->find(stored.id, &error);
    QVERIFY2(found, qPrintable(error));
    QCOMPARE(found->decision, decision);
}

void TestEncounterStore::movedBlobDoesNotOpen()
{
    Records records;
    QString error;
    QVERIFY2(records.open(&error), qPrintable(error));
    QRandomGenerator random(5);
    StoredEncounter first;
    StoredEncounter second;
    for (StoredEncounter* stored : {&first, &second}) {
        BiometricSample sample{QByteArray(20000, char('a' + (stored == &second))), QStringLiteral("jpeg"),
                               syntheticTemplate(random)};
        Encounter encounter;
        encounter.citizenship = QStringLiteral("ITA");
        QVERIFY2(records.store->add(encounter, &sample, QStringLiteral("officer:jdoe"), &error, stored), qPrintable(error));
    }
    // The tamperer copies the first traveler's sealed photo and template into the second's rows.
    for (const QString& table : {QStringLiteral("photos"), QStringLiteral("templates")}) {
        QSqlQuery copy = records.database->query();
        copy.prepare(QStringLiteral("UPDATE %1 SET sealed = (SELECT sealed FROM %1 WHERE encounter_id = ?) "
                                    "WHERE encounter_id = ?")
                         .arg(table));
        copy.addBindValue(first.id);
        copy.addBindValue(second.id);
        QVERIFY2(records.database->exec(copy, QStringLiteral("copy"), &error), qPrintable(error));
        QCOMPARE(copy.numRowsAffected(), 1);
    }
    const KeyAccess access{QStringLiteral("officer:jdoe"), QStringLiteral("test")};
    bool purged = true;
    QCOMPARE(records.store->photo(second.id, access, &purged, &error), std::nullopt);
    QVERIFY(!purged);
    QVERIFY2(error.contains(second.photoId) && error.contains(QStringLiteral("does not open"))
                 && error.contains(QStringLiteral("authentication failed")),
             qPrintable(error));
    purged = true;
    QCOMPARE(records.store->faceTemplate(second.id, access, &purged, &error), std::nullopt);
    QVERIFY(!purged);
    QVERIFY2(error.contains(second.templateId) && error.contains(QStringLiteral("does not open")), qPrintable(error));
    // The first traveler's own records still open.
    QVERIFY2(records.store->photo(first.id, access, &purged, &error), qPrintable(error));
    QVERIFY2(records.store->faceTemplate(first.id, access, &purged, &error), qPrintable(error));
}

void TestEncounterStore::purgedRecordNamesItsDeletion()
{
    Records records;
    QString error;
    QVERIFY2(records.open(&error), qPrintable(error));
    QRandomGenerator random(9);
    BiometricSample sample{QByteArray(3000, 'p'), QStringLiteral("jpeg"), syntheticTemplate(random)};
    Encounter encounter;
    encounter.citizenship = QStringLiteral("USA");
    StoredEncounter stored;
    QVERIFY2(records.store->add(encounter, &sample, QStringLiteral("officer:jdoe"), &error, &stored), qPrintable(error));

    // What a purge leaves (core/workflow/Purger): the rows gone, a deletion record each.
    const qint64 deletedAt = records.clock.now().addSecs(13 * 3600).toMSecsSinceEpoch();
    qint64 deletionIds[2] = {};
    int index = 0;
    for (const auto& [what, table, recordId] : {std::tuple(QStringLiteral("photo"), QStringLiteral("photos"), stored.photoId),
                                                std::tuple(QStringLiteral("template"), QStringLiteral("templates"),
                                                           stored.templateId)}) {
        const auto deletion = records.database->scalar(
            QStringLiteral("INSERT INTO deletions (what, record_id, encounter_id, traveler_id, rule, verified_at, due_at, "
                           "deleted_at, deleted_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'system:retention') RETURNING id"),
            {what, recordId, stored.id, stored.travelerId, RetentionPolicy::ruleName(stored.rule),
             stored.verifiedAt.toMSecsSinceEpoch(), stored.purgeDueAt.toMSecsSinceEpoch(), deletedAt},
            QStringLiteral("record the deletion"), &error);
        QVERIFY2(deletion, qPrintable(error));
        deletionIds[index++] = deletion->toLongLong();
        QVERIFY2(records.database->exec(QStringLiteral("DELETE FROM %1 WHERE id = '%2'").arg(table, recordId),
                                        QStringLiteral("delete"), &error),
                 qPrintable(error));
    }
    const KeyAccess access{QStringLiteral("officer:jdoe"), QStringLiteral("test")};
    const qint64 unwrapsBefore = records.count(QStringLiteral("SELECT COUNT(*) FROM audit_events WHERE action = 'key.unwrap'"));
    bool purged = false;
    QCOMPARE(records.store->photo(stored.id, access, &purged, &error), std::nullopt);
    QVERIFY(purged);
    QVERIFY2(error.contains(QStringLiteral("deletion record %1").arg(deletionIds[0])) && error.contains(stored.photoId)
                 && error.contains(QStringLiteral("us-citizen-or-exempt-12h")),
             qPrintable(error));
    purged = false;
    QCOMPARE(records.store->faceTemplate(stored.id, access, &purged, &error), std::nullopt);
    QVERIFY(purged);
    QVERIFY2(error.contains(QStringLiteral("deletion record %1").arg(deletionIds[1])), qPrintable(error));
    // Nothing was unsealed, so no key was used.
    QCOMPARE(records.count(QStringLiteral("SELECT COUNT(*) FROM audit_events WHERE action = 'key.unwrap'")), unwrapsBefore);
    // The encounter itself remains.
    QVERIFY2(records.store->find(stored.id, &error), qPrintable(error));
    // An encounter that never had a photo is not "purged"; one that does not exist is named.
    purged = true;
    QCOMPARE(records.store->photo(stored.id + 1, access, &purged, &error), std::nullopt);
    QVERIFY(!purged);
    QVERIFY2(error.contains(QStringLiteral("no encounter %1").arg(stored.id + 1)), qPrintable(error));
}

void TestEncounterStore::failedAddLeavesNothing()
{
    Records records;
    QString error;
    QVERIFY2(records.open(&error), qPrintable(error));
    const QStringList tables{QStringLiteral("travelers"), QStringLiteral("encounters"), QStringLiteral("photos"),
                             QStringLiteral("templates"), QStringLiteral("queue_items"), QStringLiteral("audit_events")};
    std::map<QString, qint64> before;
    for (const QString& table : tables)
        before[table] = records.count(QStringLiteral("SELECT COUNT(*) FROM %1").arg(table));
    QRandomGenerator random(13);
    BiometricSample sample{QByteArray(5000, 'q'), QStringLiteral("jpeg"), syntheticTemplate(random)};
    Encounter encounter;
    encounter.citizenship = QStringLiteral("FRA");
    encounter.decision = Encounter::Decision::NoMatch;
    encounter.flightId = 424242; // no such flight: the encounter row is refused (foreign key)
    QCOMPARE(records.store->add(encounter, &sample, QStringLiteral("officer:jdoe"), &error), std::nullopt);
    QVERIFY2(error.contains(QStringLiteral("add the encounter")), qPrintable(error));
    for (const QString& table : tables)
        QCOMPARE(records.count(QStringLiteral("SELECT COUNT(*) FROM %1").arg(table)), before[table]);
    // The connection is usable afterwards: no transaction was left open.
    encounter.flightId = 0;
    QVERIFY2(records.store->add(encounter, &sample, QStringLiteral("officer:jdoe"), &error), qPrintable(error));
}

void TestEncounterStore::encounterWithoutSample()
{
    Records records;
    QString error;
    QVERIFY2(records.open(&error), qPrintable(error));
    Encounter encounter;
    encounter.mode = Encounter::Mode::Alternate;
    encounter.citizenship = QStringLiteral("GBR");
    StoredEncounter stored;
    QVERIFY2(records.store->add(encounter, nullptr, QStringLiteral("officer:jdoe"), &error, &stored), qPrintable(error));
    QVERIFY(stored.photoId.isEmpty() && stored.templateId.isEmpty());
    QCOMPARE(stored.verifiedAt, records.clock.now()); // none given: verified now
    const std::optional<Encounter> found = records.store->find(stored.id, &error);
    QVERIFY2(found, qPrintable(error));
    QCOMPARE(found->mode, Encounter::Mode::Alternate);
    QCOMPARE(found->officer, QStringLiteral("officer:jdoe")); // no officer given: the actor
    bool purged = true;
    QCOMPARE(records.store->photo(stored.id, {QStringLiteral("officer:jdoe"), QStringLiteral("test")}, &purged, &error),
             std::nullopt);
    QVERIFY(!purged);
    QVERIFY2(error.contains(QStringLiteral("has no photo")), qPrintable(error));
}

// Issue 18: an encounter "verified" in 2099 would keep a U.S. citizen's
// photo until 2099 (its purge is due 12 hours after verification). A clock
// a few minutes ahead is tolerated (EncounterStore::kClockSkew); beyond
// that the encounter is refused and nothing is written.
void TestEncounterStore::aVerificationInTheFutureIsRefused()
{
    Records records;
    QString error;
    QVERIFY2(records.open(&error), qPrintable(error));
    Encounter encounter;
    encounter.mode = Encounter::Mode::Alternate;
    encounter.citizenship = QStringLiteral("USA");
    const qint64 before = records.count(QStringLiteral("SELECT COUNT(*) FROM encounters"));
    for (const QDateTime& later : {QDateTime(QDate(2099, 1, 1), QTime(0, 0), Qt::UTC), records.clock.now().addSecs(3600),
                                   records.clock.now().addSecs(5 * 60 + 1)}) {
        encounter.verifiedAt = later;
        error.clear();
        QVERIFY(!records.store->add(encounter, nullptr, QStringLiteral("cli:test"), &error));
        QVERIFY2(error.contains(QLatin1String("future")), qPrintable(error));
    }
    QCOMPARE(records.count(QStringLiteral("SELECT COUNT(*) FROM encounters")), before);
    encounter.verifiedAt = records.clock.now().addSecs(5 * 60); // within the skew
    StoredEncounter stored;
    QVERIFY2(records.store->add(encounter, nullptr, QStringLiteral("cli:test"), &error, &stored), qPrintable(error));
    encounter.verifiedAt = records.clock.now().addDays(-3); // the past is the past
    QVERIFY2(records.store->add(encounter, nullptr, QStringLiteral("cli:test"), &error), qPrintable(error));
}

// The reference shown beside the capture (document photo, best candidate's
// gallery photo) is stored sealed like the capture, with its rule and
// verified_at, and opens only by its role through an audited key access.
void TestEncounterStore::referencePhotoIsKeptBesideTheCapture()
{
    Records records;
    QString error;
    QVERIFY2(records.open(&error), qPrintable(error));
    QRandomGenerator random(19);
    QByteArray capture(5000, Qt::Uninitialized);
    QByteArray reference(6000, Qt::Uninitialized);
    for (QByteArray* bytes : {&capture, &reference})
        random.fillRange(reinterpret_cast<quint32*>(bytes->data()), bytes->size() / 4);
    BiometricSample sample;
    sample.photo = capture;
    sample.format = QStringLiteral("jpeg");
    sample.faceTemplate = syntheticTemplate(random);
    sample.referencePhoto = reference;
    sample.referenceFormat = QStringLiteral("png");
    Encounter encounter;
    encounter.citizenship = QStringLiteral("FRA");
    encounter.decision = Encounter::Decision::NoMatch;
    encounter.verifiedAt = records.clock.now().addSecs(-60);
    StoredEncounter stored;
    QVERIFY2(records.store->add(encounter, &sample, QStringLiteral("officer:jdoe"), &error, &stored), qPrintable(error));
    QVERIFY(!stored.referencePhotoId.isEmpty());
    QVERIFY(stored.referencePhotoId != stored.photoId);

    // Its row: role reference, its format, the capture's rule and verified_at, sealed.
    QSqlQuery row = records.database->query();
    row.prepare(QStringLiteral("SELECT id, role, format, retention_rule, verified_at, traveler_id, sealed FROM photos "
                               "WHERE encounter_id = ? ORDER BY role"));
    row.addBindValue(stored.id);
    QVERIFY(row.exec());
    QVERIFY(row.next());
    QCOMPARE(row.value(1).toString(), QStringLiteral("capture"));
    QCOMPARE(row.value(0).toString(), stored.photoId);
    const QString captureRule = row.value(3).toString();
    const qint64 captureVerifiedAt = row.value(4).toLongLong();
    QVERIFY(row.next());
    QCOMPARE(row.value(0).toString(), stored.referencePhotoId);
    QCOMPARE(row.value(1).toString(), QStringLiteral("reference"));
    QCOMPARE(row.value(2).toString(), QStringLiteral("png"));
    QCOMPARE(row.value(3).toString(), captureRule);
    QCOMPARE(row.value(3).toString(), RetentionPolicy::ruleName(stored.rule));
    QCOMPARE(row.value(4).toLongLong(), captureVerifiedAt);
    QCOMPARE(row.value(4).toLongLong(), encounter.verifiedAt.toMSecsSinceEpoch());
    QCOMPARE(row.value(5).toLongLong(), stored.travelerId);
    const QByteArray sealed = row.value(6).toByteArray();
    QVERIFY(sealed.size() >= reference.size());
    for (qsizetype at = 0; at + 64 <= reference.size(); at += 1000)
        QVERIFY2(sealed.indexOf(reference.mid(at, 64)) < 0, "the reference photo is stored in plaintext");
    QVERIFY(!row.next());
    row.finish();

    const auto events = records.audit->events(1, 100, &error);
    QVERIFY2(events, qPrintable(error));
    const auto added = std::find_if(events->begin(), events->end(),
                                    [](const AuditEvent& event) { return event.action == QLatin1String("encounter.add"); });
    QVERIFY(added != events->end());
    QCOMPARE(added->details.value(QStringLiteral("reference_photo")).toString(), stored.referencePhotoId);

    // Each role opens its own photo, one key.unwrap naming it.
    const KeyAccess access{QStringLiteral("officer:sup"), QStringLiteral("review queue item")};
    bool purged = true;
    const auto openedReference =
        records.store->photo(stored.id, access, &purged, &error, EncounterStore::PhotoRole::Reference);
    QVERIFY2(openedReference, qPrintable(error));
    QVERIFY(!purged);
    QCOMPARE(*openedReference, reference);
    QCOMPARE(records.count(QStringLiteral("SELECT COUNT(*) FROM audit_events WHERE action = 'key.unwrap' AND subject = ?"),
                           {QStringLiteral("photo:") + stored.referencePhotoId}),
             1);
    const auto openedCapture = records.store->photo(stored.id, access, &purged, &error);
    QVERIFY2(openedCapture, qPrintable(error));
    QCOMPARE(*openedCapture, capture);
    QCOMPARE(records.store->photo(stored.id, access, &purged, &error, EncounterStore::PhotoRole::Capture), capture);

    // An encounter stored without a reference has none (and it is not "purged").
    BiometricSample plain{capture, QStringLiteral("jpeg"), syntheticTemplate(random)};
    StoredEncounter without;
    QVERIFY2(records.store->add(encounter, &plain, QStringLiteral("officer:jdoe"), &error, &without), qPrintable(error));
    QVERIFY(without.referencePhotoId.isEmpty());
    purged = true;
    QCOMPARE(records.store->photo(without.id, access, &purged, &error, EncounterStore::PhotoRole::Reference),
             std::nullopt);
    QVERIFY(!purged);
    QVERIFY2(error.contains(QStringLiteral("has no reference photo")), qPrintable(error));

    // A reference without its format is refused, with nothing written.
    const qint64 encountersBefore = records.count(QStringLiteral("SELECT COUNT(*) FROM encounters"));
    sample.referenceFormat.clear();
    QCOMPARE(records.store->add(encounter, &sample, QStringLiteral("officer:jdoe"), &error), std::nullopt);
    QVERIFY2(error.contains(QStringLiteral("reference photo's format")), qPrintable(error));
    QCOMPARE(records.count(QStringLiteral("SELECT COUNT(*) FROM encounters")), encountersBefore);
}

// The purge and an opt-out delete the reference with the capture, each with
// its deletion record; afterwards the reference reads as purged.
void TestEncounterStore::referencePhotoGoesWithTheCapture()
{
    Records records;
    QString error;
    QVERIFY2(records.open(&error), qPrintable(error));
    QRandomGenerator random(23);
    const auto add = [&](const QString& citizenship, StoredEncounter* stored) {
        BiometricSample sample{QByteArray(3000, 'c'), QStringLiteral("jpeg"), syntheticTemplate(random),
                               QByteArray(3500, 'r'), QStringLiteral("jpeg")};
        Encounter encounter;
        encounter.citizenship = citizenship;
        encounter.decision = Encounter::Decision::NoMatch;
        return records.store->add(encounter, &sample, QStringLiteral("officer:jdoe"), &error, stored).has_value();
    };
    StoredEncounter citizen;  // 12 hours
    StoredEncounter visitor;  // 14 days
    StoredEncounter declined; // opts out
    QVERIFY2(add(QStringLiteral("USA"), &citizen), qPrintable(error));
    QVERIFY2(add(QStringLiteral("FRA"), &visitor), qPrintable(error));
    QVERIFY2(add(QStringLiteral("FRA"), &declined), qPrintable(error));
    QCOMPARE(records.count(QStringLiteral("SELECT COUNT(*) FROM photos WHERE role = 'reference'")), 3);

    int deleted = 0;
    QVERIFY2(records.store->withdrawBiometrics(declined.id, QStringLiteral("officer:jdoe"), &error, &deleted),
             qPrintable(error));
    QCOMPARE(deleted, 3); // capture, reference, template
    QCOMPARE(records.count(QStringLiteral("SELECT COUNT(*) FROM deletions WHERE what = 'photo' AND record_id = ? AND rule = ?"),
                           {declined.referencePhotoId, QString::fromLatin1(EncounterStore::kOptOutRule)}),
             1);

    records.clock.advanceSeconds(13 * 3600);
    Purger purger(*records.database, *records.audit, records.clock, records.policy);
    const auto report = purger.purge(&error);
    QVERIFY2(report, qPrintable(error));
    QCOMPARE(report->photosDeleted, 2); // the citizen's capture and reference
    QCOMPARE(records.count(QStringLiteral("SELECT COUNT(*) FROM photos WHERE encounter_id = ?"), {citizen.id}), 0);
    QCOMPARE(records.count(QStringLiteral("SELECT COUNT(*) FROM deletions WHERE what = 'photo' AND record_id = ? "
                                          "AND encounter_id = ? AND rule = 'us-citizen-or-exempt-12h'"),
                           {citizen.referencePhotoId, citizen.id}),
             1);
    // The visitor's are not due yet: both still there.
    QCOMPARE(records.count(QStringLiteral("SELECT COUNT(*) FROM photos WHERE encounter_id = ?"), {visitor.id}), 2);

    const KeyAccess access{QStringLiteral("officer:sup"), QStringLiteral("review queue item")};
    for (const qint64 id : {citizen.id, declined.id}) {
        for (const auto role : {EncounterStore::PhotoRole::Capture, EncounterStore::PhotoRole::Reference}) {
            bool purged = false;
            QCOMPARE(records.store->photo(id, access, &purged, &error, role), std::nullopt);
            QVERIFY2(purged, qPrintable(error));
            QVERIFY2(error.contains(QStringLiteral("deletion record")), qPrintable(error));
        }
    }
    bool purged = true;
    QVERIFY2(records.store->photo(visitor.id, access, &purged, &error, EncounterStore::PhotoRole::Reference),
             qPrintable(error));
    QVERIFY(!purged);
}

void TestEncounterStore::fileNeverHoldsPlaintext()
{
    if (test::TestDatabase::backendName() != QLatin1String("sqlite"))
        QSKIP("the raw file check reads SQLite's .db and -wal files");
    FG_REQUIRE_DATASETS();
    Records records;
    QString error;
    QVERIFY2(records.open(&error), qPrintable(error));
    QStringList photos;
    for (const QString& folder : {QStringLiteral("single"), QStringLiteral("multi")}) {
        QDir root(test::datasetPath(QStringLiteral("faces-dev/") + folder));
        for (const QString& person : root.entryList(QDir::Dirs | QDir::NoDotAndDotDot))
            for (const QString& file : QDir(root.filePath(person)).entryList({QStringLiteral("*.jpg"), QStringLiteral("*.png")}))
                photos.append(root.filePath(person + QLatin1Char('/') + file));
        for (const QString& file : root.entryList({QStringLiteral("*.jpg"), QStringLiteral("*.png")}, QDir::Files))
            photos.append(root.filePath(file));
    }
    QVERIFY2(photos.size() >= 10, qPrintable(photos.join(QLatin1Char(' '))));

    test::WindowIndex index;
    QRandomGenerator random(17);
    int stored = 0;
    qint64 references = 0;
    for (const QString& path : photos) {
        const QByteArray bytes = readFile(path);
        QVERIFY2(!bytes.isEmpty(), qPrintable(path));
        index.add(bytes, path);
        // Each photo with a template, every third once more as the reference
        // beside another capture, and a few more templates alone.
        const QString format = path.endsWith(QLatin1String(".png")) ? QStringLiteral("png") : QStringLiteral("jpeg");
        const bool asReference = stored % 12 == 0;
        references += asReference ? 1 : 0;
        for (int i = 0; i < 4; ++i) {
            const Template faceTemplate = syntheticTemplate(random);
            index.add(floatBytes(faceTemplate), QStringLiteral("template %1").arg(stored));
            const BiometricSample sample{i == 0 ? bytes : QByteArray(), format, faceTemplate,
                                         i == 1 && asReference ? bytes : QByteArray(), format};
            Encounter encounter;
            encounter.citizenship = i % 2 == 0 ? QStringLiteral("USA") : QStringLiteral("MEX");
            encounter.decision = Encounter::Decision::NoMatch;
            QVERIFY2(records.store->add(encounter, &sample, QStringLiteral("officer:jdoe"), &error), qPrintable(error));
            ++stored;
        }
    }
    index.seal();
    QCOMPARE(records.count(QStringLiteral("SELECT COUNT(*) FROM photos WHERE role = 'capture'")), qint64(photos.size()));
    QVERIFY(references > 0);
    QCOMPARE(records.count(QStringLiteral("SELECT COUNT(*) FROM photos WHERE role = 'reference'")), references);
    QCOMPARE(records.count(QStringLiteral("SELECT COUNT(*) FROM templates")), qint64(stored));

    const QString dbPath = records.target.sqlitePath();
    const QByteArray pngSignature = QByteArray::fromHex("89504e470d0a1a0a");
    const auto check = [&](const QString& when) {
        int filesRead = 0;
        for (const QString& path : {dbPath, dbPath + QStringLiteral("-wal")}) {
            if (!QFile::exists(path))
                continue;
            const QByteArray bytes = readFile(path);
            ++filesRead;
            const qsizetype jpeg = test::findJpegStart(bytes);
            if (jpeg >= 0)
                return QStringLiteral("%1, %2: a JPEG starts at byte %3").arg(when, path).arg(jpeg);
            if (bytes.indexOf(pngSignature) >= 0)
                return QStringLiteral("%1, %2: a PNG signature at byte %3").arg(when, path).arg(bytes.indexOf(pngSignature));
            const QString copied = index.findIn(bytes);
            if (!copied.isEmpty())
                return QStringLiteral("%1, %2 holds 64 plaintext bytes of %3").arg(when, path, copied);
        }
        return filesRead > 0 ? QString() : QStringLiteral("%1: no database file was read").arg(when);
    };
    // While open, the WAL holds the latest pages; after closing, the file holds them all.
    QVERIFY(QFile::exists(dbPath + QStringLiteral("-wal")));
    const QString open = check(QStringLiteral("open"));
    QVERIFY2(open.isEmpty(), qPrintable(open));
    records.close();
    const QString closed = check(QStringLiteral("closed"));
    QVERIFY2(closed.isEmpty(), qPrintable(closed));
    // The checks find what they look for (they can fail).
    const auto jpeg = std::find_if(photos.begin(), photos.end(), [](const QString& path) { return path.endsWith(QLatin1String(".jpg")); });
    QVERIFY(jpeg != photos.end());
    const QByteArray jpegBytes = readFile(*jpeg);
    QVERIFY(!index.findIn(QByteArray(500, '\0') + jpegBytes.mid(jpegBytes.size() / 2, 65) + QByteArray(500, '\0')).isEmpty());
    QVERIFY(index.findIn(QByteArray(4096, '\0')).isEmpty());
    QCOMPARE(test::findJpegStart(QByteArray(10, '\0') + jpegBytes.left(200)), qsizetype(10));
}

QTEST_GUILESS_MAIN(TestEncounterStore)
#include "tst_encounterstore.moc"
