#include "core/workflow/Records.h"

#include "core/config/Settings.h"
#include "core/security/AuditKey.h"
#include "core/security/AuditLog.h"
#include "core/security/Authenticator.h"
#include "core/security/CryptoSelfTest.h"
#include "core/security/KeyStore.h"
#include "core/security/LockoutPolicy.h"
#include "core/security/UserStore.h"
#include "core/storage/Database.h"
#include "core/workflow/AlternateProcedureStore.h"
#include "core/workflow/EncounterStore.h"
#include "core/workflow/PortFigures.h"
#include "core/workflow/Purger.h"
#include "core/workflow/Report.h"
#include "core/workflow/RetentionPolicy.h"
#include "core/workflow/ReviewQueue.h"


#include <chrono>

namespace fg {

std::unique_ptr<Records> Records::open(const Settings& settings, const Clock& clock, const QString& actor,
                                       QString* error)
{
    QString why;
    if (!CryptoSelfTest::run(&why)) {
        *error = QStringLiteral("crypto self-test failed: %1").arg(why);
        return nullptr;
    }
    const std::optional<RetentionPolicy> retention = RetentionPolicy::fromSettings(settings, error);
    if (!retention)
        return nullptr;
    const std::optional<LockoutPolicy> lockout =
        LockoutPolicy::create(settings.lockoutFailures(), settings.lockoutMinutes(), error);
    if (!lockout)
        return nullptr;
    const std::optional<DatabaseUrl> url = DatabaseUrl::parse(settings.databaseUrl(), error);
    if (!url)
        return nullptr;
    std::unique_ptr<Records> records(new Records);
    DatabaseOptions options;
    options.clock = &clock;
    records->m_database = Database::open(*url, error, options);
    if (!records->m_database)
        return nullptr;
    {
        // The audit key is made on first use, like the default key file; a
        // database already keyed under another one refuses it at the first append.
        const QString auditKeyFile = settings.auditKeyFile().isEmpty() ? AuditKey::defaultKeyFile() : settings.auditKeyFile();
        std::shared_ptr<const AuditKey> auditKey = AuditKey::openOrCreate(auditKeyFile, error);
        if (!auditKey) {
            *error += QStringLiteral(" (set audit/keyFile in %1)").arg(settings.source());
            return nullptr;
        }
        records->m_audit = std::make_unique<AuditLog>(*records->m_database, clock, std::move(auditKey));
        records->m_audit->setCheckpointFolder(settings.checkpointFolder());
    }

    if (settings.keyFile().isEmpty()) {
        records->m_keys = KeyStore::openDefaultKeyFile(*records->m_database, *records->m_audit, actor, error);
        if (!records->m_keys)
            *error += QStringLiteral(" (set security/keyFile in %1)").arg(settings.source());
    } else {
        records->m_keys = KeyStore::openWithKeyFile(*records->m_database, *records->m_audit, settings.keyFile(), actor, error);
    }
    if (!records->m_keys)
        return nullptr;
    records->m_retention = std::make_unique<RetentionPolicy>(*retention);
    records->m_encounters = std::make_unique<EncounterStore>(*records->m_database, *records->m_keys, *records->m_audit,
                                                             clock, *records->m_retention);
    records->m_alternateProcedures =
        std::make_unique<AlternateProcedureStore>(*records->m_database, *records->m_audit, clock);
    records->m_users = std::make_unique<UserStore>(*records->m_database, *records->m_audit);
    records->m_authenticator =
        std::make_unique<Authenticator>(*records->m_database, *records->m_audit, *records->m_keys, clock, *lockout);
    records->m_purger = std::make_unique<Purger>(*records->m_database, *records->m_audit, clock, *records->m_retention);
    records->m_reviewQueue = std::make_unique<ReviewQueue>(*records->m_database, *records->m_audit, clock,
                                                           std::chrono::hours(settings.queueClaimExpiryHours()));
    records->m_figures = std::make_unique<PortFiguresCalculator>(*records->m_database);
    ReportOptions reportOptions;
    reportOptions.attestationDue = std::chrono::hours(settings.attestationHours());
    reportOptions.auditKey = records->m_audit->keyShared();
    records->m_reports = std::make_unique<ReportBuilder>(*records->m_database, clock, reportOptions);
    return records;
}

Records::~Records()
{
    // The stores refer to the database: they go first.
    m_reports.reset();
    m_figures.reset();
    m_reviewQueue.reset();
    m_purger.reset();
    m_authenticator.reset();
    m_users.reset();
    m_alternateProcedures.reset();
    m_encounters.reset();
    m_keys.reset();
    m_audit.reset();
    m_database.reset();
}

QString Records::location() const
{
    return m_database->url().toDisplayString();
}

} // namespace fg
