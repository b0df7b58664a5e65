#include "core/security/Authenticator.h"

#include "core/security/AuditLog.h"
#include "core/security/CryptoRandom.h"
#include "core/security/KeyStore.h"
#include "core/security/PasswordHasher.h"
#include "core/security/SecureBuffer.h"
#include "core/security/Totp.h"
#include "core/security/UserStore.h"
#include "core/storage/Clock.h"
#include "core/storage/Database.h"
#include "core/storage/Transaction.h"

#include <QJsonObject>
#include <QSqlQuery>

namespace fg {
namespace {

using Status = Authenticator::Result::Status;

Authenticator::Result answer(Status status, const QString& reason)
{
    Authenticator::Result result;
    result.status = status;
    result.reason = reason;
    return result;
}

Authenticator::Result storageError(const QString& error)
{
    return answer(Status::Error, QStringLiteral("the sign-in could not be checked: %1").arg(error));
}

QString instantText(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate);
}

Authenticator::Result lockedOut(qint64 lockedUntilMs)
{
    Authenticator::Result result =
        answer(Status::LockedOut, QStringLiteral("the account is locked after too many failed sign-ins, until %1 "
                                                 "UTC; try again then or ask an administrator")
                                      .arg(QDateTime::fromMSecsSinceEpoch(lockedUntilMs, Qt::UTC)
                                               .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))));
    result.lockedUntil = QDateTime::fromMSecsSinceEpoch(lockedUntilMs, Qt::UTC);
    return result;
}

} // namespace

// One sign-in attempt: what was typed, and the user's row as read under lock.
struct Authenticator::Attempt {
    QString name;
    QString code;
    bool passwordOk = false;
    qint64 now = 0;
    UserAccount account;
    QByteArray totpSealed;
    qint64 totpLastStep = 0;
    qint64 lockedUntil = 0; // ms; 0 when not locked
    QString actor() const { return QStringLiteral("auth:") + name; }
    QString subject() const { return QStringLiteral("user:") + name; }
};

Authenticator::Authenticator(const Database& database, const AuditLog& audit, const KeyStore& keys, const Clock& clock,
                             LockoutPolicy lockout, const ScryptParams& dummyParams)
    : m_database(database)
    , m_audit(audit)
    , m_keys(keys)
    , m_clock(clock)
    , m_lockout(lockout)
    , m_dummyParams(dummyParams)
{
}

bool Authenticator::spendVerification(const SecureBuffer& password) const
{
    // An unknown name costs what a known one does: one scrypt. The first time,
    // that is making the dummy hash; later, verifying against it.
    QString dummy;
    {
        const QMutexLocker lock(&m_dummyLock);
        if (m_dummyHash.isEmpty()) {
            QString ignored;
            const std::optional<SecureBuffer> filler = CryptoRandom::secret(16, &ignored);
            if (filler)
                m_dummyHash = PasswordHasher::hash(*filler, &ignored, m_dummyParams).value_or(QString());
            return false;
        }
        dummy = m_dummyHash;
    }
    PasswordHasher::verify(password, dummy);
    return false;
}

std::optional<QString> Authenticator::passwordHashOf(const QString& name, QString* error) const
{
    const QString normal = normalName(name);
    QSqlQuery row = m_database.query();
    row.prepare(QStringLiteral("SELECT password_hash FROM users WHERE name = ?"));
    row.addBindValue(normal);
    if (!m_database.exec(row, QStringLiteral("read user %1").arg(normal), error))
        return std::nullopt;
    return row.next() ? row.value(0).toString() : QString();
}

bool Authenticator::verifyPassword(const SecureBuffer& password, const QString& hash) const
{
    return hash.isEmpty() ? spendVerification(password) : PasswordHasher::verify(password, hash);
}

Authenticator::Result Authenticator::signIn(const QString& typedName, const SecureBuffer& password,
                                            const QString& totpCode) const
{
    // The password is checked before the write transaction, so a slow scrypt
    // does not hold the database's write lock; the row is read again under
    // lock in finish(), and a hash changed in between counts as a wrong password.
    QString error;
    const std::optional<QString> hash = passwordHashOf(typedName, &error);
    if (!hash)
        return storageError(error);
    return finish(typedName, *hash, verifyPassword(password, *hash), totpCode);
}

Authenticator::Result Authenticator::finish(const QString& typedName, const QString& verifiedHash, bool passwordOk,
                                            const QString& totpCode) const
{
    Attempt attempt;
    attempt.name = normalName(typedName);
    attempt.code = totpCode;
    attempt.code.remove(QLatin1Char(' '));
    attempt.passwordOk = passwordOk;
    QString error;

    Transaction transaction(m_database);
    if (!transaction.begin(&error))
        return storageError(error);
    attempt.now = m_clock.nowMs();
    QSqlQuery row = m_database.query();
    row.prepare(QStringLiteral("SELECT password_hash, totp_sealed, totp_last_step, locked_until, ")
                + UserStore::accountColumns() + QStringLiteral(" FROM users WHERE name = ?") + m_database.forUpdate());
    row.addBindValue(attempt.name);
    if (!m_database.exec(row, QStringLiteral("read user %1").arg(attempt.name), &error))
        return storageError(error);
    if (!row.next()) {
        row.finish();
        const QJsonObject details{{QStringLiteral("reason"), QStringLiteral("unknown-user")}};
        if (!m_audit.append(attempt.actor(), QStringLiteral("auth.failure"), attempt.subject(), details, &error)
            || !transaction.commit(&error))
            return storageError(error);
        return answer(Status::Rejected, wrongCredentials());
    }
    if (row.value(0).toString() != verifiedHash)
        attempt.passwordOk = false;
    attempt.totpSealed = row.value(1).toByteArray();
    attempt.totpLastStep = row.value(2).toLongLong();
    attempt.lockedUntil = row.value(3).toLongLong();
    attempt.account = UserStore::accountFromRow(row, 4);
    row.finish();

    Result result = decide(attempt, &error);
    if (result.status == Status::Error)
        return storageError(error);
    if (!transaction.commit(&error))
        return storageError(error);
    return result;
}

Authenticator::Result Authenticator::decide(Attempt& attempt, QString* error) const
{
    const auto fail = [error]() { return answer(Status::Error, *error); };
    if (attempt.account.disabled) {
        // Only the right password learns that the account is disabled.
        const QString reason = attempt.passwordOk ? QStringLiteral("disabled") : QStringLiteral("password");
        if (!m_audit.append(attempt.actor(), QStringLiteral("auth.failure"), attempt.subject(),
                            QJsonObject{{QStringLiteral("reason"), reason}}, error))
            return fail();
        return attempt.passwordOk ? answer(Status::Disabled, QStringLiteral("the account %1 is disabled; ask an "
                                                                            "administrator")
                                                                 .arg(attempt.name))
                                  : answer(Status::Rejected, wrongCredentials());
    }
    if (attempt.lockedUntil > attempt.now) {
        const QJsonObject details{{QStringLiteral("reason"), QStringLiteral("locked")},
                                  {QStringLiteral("locked_until"), instantText(attempt.lockedUntil)}};
        if (!m_audit.append(attempt.actor(), QStringLiteral("auth.failure"), attempt.subject(), details, error))
            return fail();
        return lockedOut(attempt.lockedUntil);
    }
    if (attempt.lockedUntil > 0) {
        // The lock is over: counting starts again.
        attempt.account.failedAttempts = 0;
        attempt.account.lockedUntil = QDateTime();
    }
    if (!attempt.passwordOk)
        return refuse(attempt, QStringLiteral("password"), error);

    const KeyAccess access{attempt.actor(), QStringLiteral("sign-in")};
    std::optional<QByteArray> opened =
        m_keys.unsealWithin(attempt.totpSealed, UserStore::totpBinding(attempt.name), access, error);
    if (!opened) {
        *error = QStringLiteral("the second factor of %1 cannot be opened: %2").arg(attempt.name, *error);
        return fail();
    }
    const SecureBuffer secret = SecureBuffer::fromBytes(std::move(*opened));
    const std::optional<qint64> step = Totp::verify(secret.view(), attempt.code, attempt.now / 1000, 1);
    if (!step)
        return refuse(attempt, QStringLiteral("code"), error);
    if (*step <= attempt.totpLastStep)
        return refuse(attempt, QStringLiteral("replayed-code"), error);

    QSqlQuery update = m_database.query();
    update.prepare(QStringLiteral("UPDATE users SET failed_attempts = 0, locked_until = 0, totp_last_step = ? "
                                  "WHERE id = ?"));
    update.addBindValue(*step);
    update.addBindValue(attempt.account.id);
    if (!m_database.exec(update, QStringLiteral("record the sign-in of %1").arg(attempt.name), error)
        || !m_audit.append(attempt.actor(), QStringLiteral("auth.sign-in"), attempt.subject(),
                           QJsonObject{{QStringLiteral("role"), roleName(attempt.account.role)}}, error))
        return fail();
    Result result = answer(Status::SignedIn, QString());
    attempt.account.failedAttempts = 0;
    attempt.account.lockedUntil = QDateTime();
    result.user = attempt.account;
    return result;
}

Authenticator::Result Authenticator::refuse(Attempt& attempt, const QString& reason, QString* error) const
{
    const int failures = attempt.account.failedAttempts + 1;
    const bool locks = m_lockout.locks(failures);
    const qint64 lockedUntil = locks ? attempt.now + m_lockout.lockMs() : 0;
    QSqlQuery update = m_database.query();
    update.prepare(QStringLiteral("UPDATE users SET failed_attempts = ?, locked_until = ? WHERE id = ?"));
    update.addBindValue(failures);
    update.addBindValue(lockedUntil);
    update.addBindValue(attempt.account.id);
    if (!m_database.exec(update, QStringLiteral("count the failed sign-in of %1").arg(attempt.name), error))
        return answer(Status::Error, *error);
    const QJsonObject details{{QStringLiteral("reason"), reason}, {QStringLiteral("failed_attempts"), failures}};
    if (!m_audit.append(attempt.actor(), QStringLiteral("auth.failure"), attempt.subject(), details, error))
        return answer(Status::Error, *error);
    if (!locks)
        return answer(Status::Rejected, wrongCredentials());
    const QJsonObject lockDetails{{QStringLiteral("failed_attempts"), failures},
                                  {QStringLiteral("locked_until"), instantText(lockedUntil)}};
    if (!m_audit.append(attempt.actor(), QStringLiteral("auth.locked"), attempt.subject(), lockDetails, error))
        return answer(Status::Error, *error);
    Result result = lockedOut(lockedUntil);
    result.reason = wrongCredentials() + QStringLiteral("; ") + result.reason;
    return result;
}

} // namespace fg
