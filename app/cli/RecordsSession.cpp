#include "app/cli/RecordsSession.h"

#include "core/config/Settings.h"
#include "core/security/AuditKey.h"
#include "core/security/AuditLog.h"
#include "core/security/KeyStore.h"
#include "core/security/SecureBuffer.h"
#include "core/security/SystemAccount.h"
#include "core/storage/Database.h"

#include <QFileInfo>

namespace fg::cli {
namespace {

// The configuration file (Settings::defaultPath()), or the defaults without one.
std::optional<Settings> configuredSettings(QString* error)
{
    const QString path = Settings::defaultPath();
    return path.isEmpty() ? std::optional(Settings::defaults()) : Settings::load(path, error);
}

} // namespace

std::optional<RetentionPolicy> configuredRetentionPolicy(QString* error)
{
    const std::optional<Settings> settings = configuredSettings(error);
    return settings ? RetentionPolicy::fromSettings(*settings, error) : std::nullopt;
}

std::optional<LockoutPolicy> configuredLockoutPolicy(QString* error)
{
    const std::optional<Settings> settings = configuredSettings(error);
    return settings ? LockoutPolicy::create(settings->lockoutFailures(), settings->lockoutMinutes(), error)
                    : std::nullopt;
}

RecordsSession::RecordsSession(std::unique_ptr<Database> database, const Clock& clock,
                               std::shared_ptr<const AuditKey> auditKey, const QString& checkpointFolder)
    : m_database(std::move(database))
    , m_clock(clock)
    , m_actor(QStringLiteral("cli:") + systemAccountName())
{
    m_audit = std::make_unique<AuditLog>(*m_database, m_clock, std::move(auditKey));
    m_audit->setCheckpointFolder(checkpointFolder);
}

RecordsSession::~RecordsSession() = default;

std::unique_ptr<RecordsSession> RecordsSession::open(const QString& urlText, bool readOnly, const Clock& clock,
                                                     ExitStatus* status, QString* error)
{
    const std::optional<DatabaseUrl> url = DatabaseUrl::parse(urlText, error);
    if (!url) {
        *status = kUsageError;
        return nullptr;
    }
    const std::optional<Settings> settings = configuredSettings(error);
    if (!settings) {
        *status = kUsageError;
        return nullptr;
    }
    // The audit key: a writing session makes the default one on first use,
    // as the workstation does; a reading one only reads it.
    QString auditKeyFile = qEnvironmentVariable("FACEGATE_AUDIT_KEY_FILE");
    const bool named = !auditKeyFile.isEmpty() || !settings->auditKeyFile().isEmpty();
    if (auditKeyFile.isEmpty())
        auditKeyFile = settings->auditKeyFile().isEmpty() ? AuditKey::defaultKeyFile() : settings->auditKeyFile();
    QString auditKeyProblem;
    std::shared_ptr<const AuditKey> auditKey;
    if (readOnly || named) {
        if (QFileInfo::exists(auditKeyFile) || named)
            auditKey = AuditKey::fromKeyFile(auditKeyFile, &auditKeyProblem);
        else
            auditKeyProblem = QStringLiteral("the audit key file %1 does not exist").arg(auditKeyFile);
    } else {
        auditKey = AuditKey::openOrCreate(auditKeyFile, &auditKeyProblem);
    }
    if (!auditKey && !readOnly) {
        *status = kProcessingError;
        *error = auditKeyProblem + QStringLiteral(" (set FACEGATE_AUDIT_KEY_FILE, or audit/keyFile in the "
                                                  "configuration file)");
        return nullptr;
    }

    DatabaseOptions options;
    options.readOnly = readOnly;
    options.clock = &clock;
    std::unique_ptr<Database> database = Database::open(*url, error, options);
    if (!database) {
        *status = kProcessingError;
        return nullptr;
    }
    std::unique_ptr<RecordsSession> session(
        new RecordsSession(std::move(database), clock, std::move(auditKey), settings->checkpointFolder()));
    session->m_auditKeyProblem = auditKeyProblem;
    return session;
}

bool RecordsSession::useAuditKeyFile(const QString& path, QString* error)
{
    std::shared_ptr<const AuditKey> key = AuditKey::fromKeyFile(path, error);
    if (!key)
        return false;
    const QString folder = m_audit->checkpointFolder();
    m_audit = std::make_unique<AuditLog>(*m_database, m_clock, std::move(key));
    m_audit->setCheckpointFolder(folder);
    m_auditKeyProblem.clear();
    return true;
}

KeyStore* RecordsSession::keys(const QString& keyFileOption, QString* error)
{
    if (m_keys)
        return m_keys.get();
    QString keyFile = keyFileOption.isEmpty() ? qEnvironmentVariable("FACEGATE_KEY_FILE") : keyFileOption;
    if (keyFile.isEmpty() && qEnvironmentVariableIsSet("FACEGATE_PASSPHRASE")) {
        QByteArray text = qgetenv("FACEGATE_PASSPHRASE");
        const SecureBuffer passphrase = SecureBuffer::fromBytes(std::move(text));
        m_keys = KeyStore::openWithPassphrase(*m_database, *m_audit, passphrase, m_actor, error);
        return m_keys.get();
    }
    if (keyFile.isEmpty()) {
        m_keys = KeyStore::openDefaultKeyFile(*m_database, *m_audit, m_actor, error);
        if (!m_keys)
            *error += QStringLiteral(" (pass --key-file, or set FACEGATE_KEY_FILE or FACEGATE_PASSPHRASE)");
        return m_keys.get();
    }
    m_keys = KeyStore::openWithKeyFile(*m_database, *m_audit, keyFile, m_actor, error);
    return m_keys.get();
}

} // namespace fg::cli
