#pragma once

// The retention tests' records (tst_purger, tst_recoveryprobe): a database
// (SQLite or PostgreSQL, TestDatabase) with its manual clock, audit log and
// key, seeded through EncounterStore with encounters verified at chosen
// instants, and purged as the workstation purges.
#include "core/security/AuditLog.h"
#include "core/security/KeyEncryptionKey.h"
#include "core/security/KeyStore.h"
#include "core/storage/Database.h"
#include "core/workflow/EncounterStore.h"
#include "core/workflow/Purger.h"
#include "core/workflow/RetentionPolicy.h"
#include "tests/support/ManualClock.h"
#include "tests/support/TestAuditKey.h"
#include "tests/support/TestDatabase.h"

#include <QDateTime>
#include <QFileInfo>
#include <QRandomGenerator>

#include <memory>
#include <optional>
#include <vector>

namespace fg::test::retention {

inline constexpr qint64 kMinute = 60;
inline constexpr qint64 kHour = 3600;
inline constexpr qint64 kDay = 24 * kHour;

inline const QDateTime kVerifiedAt(QDate(2026, 11, 26), QTime(9, 0), Qt::UTC);

inline QByteArray randomBytes(int size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    QRandomGenerator::global()->fillRange(reinterpret_cast<quint32*>(bytes.data()), size / 4);
    return bytes;
}

// One stored encounter with its photo and template.
struct Seeded {
    qint64 encounterId = 0;
    qint64 travelerId = 0;
    QString photoId;
    QString templateId;
    QByteArray photo;          // the plaintext
    QByteArray sealedPhoto;    // as stored, read before any purge
    QByteArray sealedTemplate;
};

// A database with its clock, audit log and key, seeded through EncounterStore.
class Records {
public:
    explicit Records(const fg::test::TestDatabase& target)
        : m_target(target)
    {
    }

    bool open(QString* error)
    {
        DatabaseOptions options;
        options.clock = &clock;
        database = m_target.open(error, options);
        if (!database)
            return false;
        audit = std::make_unique<AuditLog>(*database, clock, fg::test::auditKey());
        return true;
    }
    void close()
    {
        keys.reset();
        audit.reset();
        database.reset();
    }

    // Opens the key on first use (the purge itself never needs it).
    KeyStore* key(QString* error)
    {
        if (!keys) {
            const QString keyFile = m_target.scratchDir() + QStringLiteral("/records.kek");
            if (!QFileInfo::exists(keyFile) && !KeyEncryptionKey::createKeyFile(keyFile, error))
                return nullptr;
            keys = KeyStore::openWithKeyFile(*database, *audit, keyFile, QStringLiteral("officer:jdoe"), error);
        }
        return keys.get();
    }

    // An encounter with a photo (random bytes unless given) and a synthetic template.
    std::optional<Seeded> add(const QString& citizenship, bool exempt, const QDateTime& verifiedAt, QString* error,
                              QByteArray photo = {})
    {
        if (!key(error))
            return std::nullopt;
        Encounter encounter;
        encounter.kind = Encounter::Kind::Entry;
        encounter.mode = Encounter::Mode::Biometric;
        encounter.decision = Encounter::Decision::Match;
        encounter.citizenship = citizenship;
        encounter.biometricExempt = exempt;
        encounter.score = 0.83;
        encounter.threshold = 0.41;
        encounter.officer = QStringLiteral("jdoe");
        encounter.verifiedAt = verifiedAt;
        std::vector<float> values(Template::kDimension);
        for (float& value : values)
            value = float(QRandomGenerator::global()->generateDouble() - 0.5);
        BiometricSample sample;
        sample.photo = photo.isEmpty() ? randomBytes(4096) : photo;
        sample.format = QStringLiteral("jpeg");
        sample.faceTemplate = Template(QStringLiteral("test-model"), values);
        StoredEncounter stored;
        // Recorded as it was verified: a store refuses a verification in its clock's future.
        const fg::test::ManualClock recordedAt(verifiedAt);
        const EncounterStore encounters(*database, *keys, *audit, recordedAt, m_policy);
        if (!encounters.add(encounter, &sample, QStringLiteral("officer:jdoe"), error, &stored))
            return std::nullopt;
        Seeded seeded;
        seeded.encounterId = stored.id;
        seeded.travelerId = stored.travelerId;
        seeded.photoId = stored.photoId;
        seeded.templateId = stored.templateId;
        seeded.photo = sample.photo;
        const auto sealedPhoto = database->scalar(QStringLiteral("SELECT sealed FROM photos WHERE id = ?"), {stored.photoId},
                                                  QStringLiteral("read the sealed photo"), error);
        const auto sealedTemplate = sealedPhoto ? database->scalar(QStringLiteral("SELECT sealed FROM templates WHERE id = ?"),
                                                                   {stored.templateId},
                                                                   QStringLiteral("read the sealed template"), error)
                                                : std::nullopt;
        if (!sealedTemplate)
            return std::nullopt;
        seeded.sealedPhoto = sealedPhoto->toByteArray();
        seeded.sealedTemplate = sealedTemplate->toByteArray();
        return seeded;
    }

    qint64 count(const QString& sql, const QVariantList& values = {})
    {
        QString error;
        const std::optional<QVariant> value = database->scalar(sql, values, QStringLiteral("count"), &error);
        if (!value)
            qWarning("%s", qPrintable(error));
        return value ? value->toLongLong() : -1;
    }
    bool hasPhoto(const QString& id) { return count(QStringLiteral("SELECT COUNT(*) FROM photos WHERE id = ?"), {id}) == 1; }
    bool hasTemplate(const QString& id)
    {
        return count(QStringLiteral("SELECT COUNT(*) FROM templates WHERE id = ?"), {id}) == 1;
    }
    qint64 purgeEvents() { return count(QStringLiteral("SELECT COUNT(*) FROM audit_events WHERE action = 'retention.purge'")); }

    std::optional<PurgeReport> purge(QString* error, const RetentionPolicy& policy = RetentionPolicy(), int batchSize = 0)
    {
        Purger purger(*database, *audit, clock, policy);
        if (batchSize > 0)
            purger.setBatchSize(batchSize);
        return purger.purge(error);
    }

    fg::test::ManualClock clock;
    std::unique_ptr<Database> database;
    std::unique_ptr<AuditLog> audit;
    std::unique_ptr<KeyStore> keys;

private:
    const fg::test::TestDatabase& m_target;
    RetentionPolicy m_policy;
};

} // namespace fg::test::retention
