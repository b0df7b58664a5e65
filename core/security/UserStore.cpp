#include "core/security/UserStore.h"

#include "core/security/AuditLog.h"
#include "core/security/Base32.h"
#include "core/security/CryptoRandom.h"
#include "core/security/KeyStore.h"
#include "core/security/PasswordHasher.h"
#include "core/security/SecureBuffer.h"
#include "core/security/Totp.h"
#include "core/storage/Clock.h"
#include "core/storage/Database.h"
#include "core/storage/Transaction.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSqlQuery>

namespace fg {
namespace {

QDateTime instantOrNull(qint64 ms)
{
    return ms > 0 ? QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC) : QDateTime();
}

// QtSql binds a null QString as NULL; the text columns are NOT NULL.
QString text(const QString& value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

void setProblem(UserStore::Problem* problem, UserStore::Problem value)
{
    if (problem)
        *problem = value;
}

} // namespace

UserStore::UserStore(const Database& database, const AuditLog& audit, const ScryptParams& hashParams,
                     PasswordPolicy policy)
    : m_database(database)
    , m_audit(audit)
    , m_hashParams(hashParams)
    , m_policy(policy)
{
}

bool UserStore::isValidName(const QString& name, QString* error)
{
    static const QRegularExpression pattern(QStringLiteral("^[a-z][a-z0-9._-]{1,63}$"));
    if (pattern.match(name).hasMatch())
        return true;
    *error = QCoreApplication::translate("fg::UserStore",
                                         "\"%1\" is not a valid user name: use 2 to 64 characters, a lower-case letter "
                                         "first, then lower-case letters, digits, '.', '_' or '-'")
                 .arg(name);
    return false;
}

QString UserStore::accountColumns()
{
    return QStringLiteral("id, name, display_name, role, disabled, failed_attempts, locked_until, created_at, created_by, "
                          "password_change_required");
}

UserAccount UserStore::accountFromRow(const QSqlQuery& row, int first)
{
    UserAccount account;
    account.id = row.value(first).toLongLong();
    account.name = row.value(first + 1).toString();
    account.displayName = row.value(first + 2).toString();
    // The CHECK constraint admits only known names.
    account.role = roleFromName(row.value(first + 3).toString()).value_or(Role::Officer);
    account.disabled = row.value(first + 4).toInt() != 0;
    account.failedAttempts = row.value(first + 5).toInt();
    account.lockedUntil = instantOrNull(row.value(first + 6).toLongLong());
    account.createdAt = instantOrNull(row.value(first + 7).toLongLong());
    account.createdBy = row.value(first + 8).toString();
    account.passwordChangeRequired = row.value(first + 9).toInt() != 0;
    return account;
}

std::optional<bool> UserStore::hasUsers(QString* error) const
{
    const std::optional<QVariant> any =
        m_database.scalar(QStringLiteral("SELECT COUNT(*) FROM (SELECT id FROM users LIMIT 1) AS any_user"), {},
                          QStringLiteral("look for users"), error);
    if (!any)
        return std::nullopt;
    return any->toLongLong() > 0;
}

std::optional<UserStore::Added> UserStore::add(const NewUser& user, const SecureBuffer& password, const KeyStore& keys,
                                               const QString& actor, QString* error, Problem* problem) const
{
    return insert(user, password, keys, actor, false, error, problem);
}

std::optional<UserStore::Added> UserStore::createFirstAdmin(const QString& name, const QString& displayName,
                                                            const SecureBuffer& password, const KeyStore& keys,
                                                            const QString& actor, QString* error,
                                                            Problem* problem) const
{
    return insert(NewUser{name, Role::Admin, displayName}, password, keys, actor, true, error, problem);
}

std::optional<UserStore::Added> UserStore::insert(const NewUser& user, const SecureBuffer& password,
                                                  const KeyStore& keys, const QString& actor, bool firstAdmin,
                                                  QString* error, Problem* problem) const
{
    setProblem(problem, Problem::Failed);
    if (!isValidName(user.name, error)) {
        setProblem(problem, Problem::InvalidName);
        return std::nullopt;
    }
    if (!m_policy.check(user.name, password, error)) {
        setProblem(problem, Problem::WeakPassword);
        return std::nullopt;
    }
    // The slow and the secret work first, outside the transaction: hash, new
    // secret, seal. Nothing of it is kept unless the row is written.
    const std::optional<QString> hash = PasswordHasher::hash(password, error, m_hashParams);
    if (!hash)
        return std::nullopt;
    const std::optional<SecureBuffer> secret = CryptoRandom::secret(kTotpSecretBytes, error);
    if (!secret)
        return std::nullopt;
    const std::optional<KeyStore::SealedRecord> sealed = keys.seal(secret->view(), totpBinding(user.name), error);
    if (!sealed)
        return std::nullopt;

    Transaction transaction(m_database);
    if (!transaction.begin(error))
        return std::nullopt;
    // SQLite's BEGIN IMMEDIATE serialises writers; on PostgreSQL the table
    // lock keeps two first admins (or two users of one name) from racing.
    if (!m_database.isSqlite()
        && !m_database.exec(QStringLiteral("LOCK TABLE users IN SHARE ROW EXCLUSIVE MODE"),
                            QStringLiteral("lock the users table"), error))
        return std::nullopt;
    const std::optional<QVariant> count =
        m_database.scalar(QStringLiteral("SELECT COUNT(*) FROM users"), {}, QStringLiteral("count the users"), error);
    if (!count)
        return std::nullopt;
    if (firstAdmin && count->toLongLong() > 0) {
        *error = QStringLiteral("there are users already: the first admin is made only on a database without users");
        setProblem(problem, Problem::NotFirstUser);
        return std::nullopt;
    }
    if (count->toLongLong() == 0 && user.role != Role::Admin) {
        *error = QStringLiteral("%1 has no users yet: the first user must be an admin, not %2")
                     .arg(m_database.url().toDisplayString(), roleName(user.role));
        setProblem(problem, Problem::FirstMustBeAdmin);
        return std::nullopt;
    }
    const std::optional<QVariant> taken =
        m_database.scalar(QStringLiteral("SELECT COUNT(*) FROM users WHERE name = ?"), {user.name},
                          QStringLiteral("look for user %1").arg(user.name), error);
    if (!taken)
        return std::nullopt;
    if (taken->toLongLong() > 0) {
        *error = QCoreApplication::translate("fg::UserStore", "a user named \"%1\" exists already").arg(user.name);
        setProblem(problem, Problem::NameTaken);
        return std::nullopt;
    }

    const qint64 now = m_audit.clock().nowMs();
    const std::optional<qint64> id = m_database.insertReturningId(
        QStringLiteral("INSERT INTO users (name, display_name, role, password_hash, totp_sealed, created_at, created_by) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?)"),
        {user.name, text(user.displayName), roleName(user.role), *hash, sealed->data, now, actor},
        QStringLiteral("add user %1").arg(user.name), error);
    if (!id || !keys.keep(*sealed, error))
        return std::nullopt;
    Added added;
    added.account.id = *id;
    added.account.name = user.name;
    added.account.displayName = user.displayName;
    added.account.role = user.role;
    added.account.createdAt = instantOrNull(now);
    added.account.createdBy = actor;

    const QJsonObject details{{QStringLiteral("id"), added.account.id},
                              {QStringLiteral("role"), roleName(user.role)},
                              {QStringLiteral("display_name"), user.displayName},
                              {QStringLiteral("first_admin"), count->toLongLong() == 0},
                              {QStringLiteral("kek"), keys.kekId()}};
    if (!m_audit.append(actor, QStringLiteral("user.add"), QStringLiteral("user:") + user.name, withVia(details),
                        error)
        || !transaction.commit(error))
        return std::nullopt;

    added.totpSecret = Base32::encode(secret->view());
    added.totpUri = Totp::provisioningUri(totpIssuer(), user.name, secret->view());
    setProblem(problem, Problem::None);
    return added;
}

QJsonObject UserStore::withVia(QJsonObject details) const
{
    if (!m_via.isEmpty())
        details.insert(QStringLiteral("via"), m_via);
    return details;
}

bool UserStore::find(const QString& name, std::optional<UserAccount>* account, QString* error) const
{
    account->reset();
    QSqlQuery row = m_database.query();
    row.prepare(QStringLiteral("SELECT ") + accountColumns() + QStringLiteral(" FROM users WHERE name = ?"));
    row.addBindValue(name);
    if (!m_database.exec(row, QStringLiteral("read user %1").arg(name), error))
        return false;
    if (row.next())
        *account = accountFromRow(row);
    return true;
}

std::optional<std::vector<UserAccount>> UserStore::list(QString* error) const
{
    QSqlQuery rows = m_database.query();
    rows.prepare(QStringLiteral("SELECT ") + accountColumns() + QStringLiteral(" FROM users ORDER BY name"));
    if (!m_database.exec(rows, QStringLiteral("list the users"), error))
        return std::nullopt;
    std::vector<UserAccount> accounts;
    while (rows.next())
        accounts.push_back(accountFromRow(rows));
    return accounts;
}

std::optional<UserAccount> UserStore::existing(const QString& name, QString* error, Problem* problem) const
{
    std::optional<UserAccount> account;
    if (!find(name, &account, error)) {
        setProblem(problem, Problem::Failed);
        return std::nullopt;
    }
    if (!account) {
        *error = QCoreApplication::translate("fg::UserStore", "there is no user named \"%1\"").arg(name);
        setProblem(problem, Problem::NoSuchUser);
    }
    return account;
}

bool UserStore::setDisabled(const QString& name, bool disabled, const QString& actor, QString* error,
                            Problem* problem) const
{
    return change(name, QStringLiteral("disabled = ?"), {disabled ? 1 : 0},
                  disabled ? QStringLiteral("user.disable") : QStringLiteral("user.enable"), {}, actor, disabled, error,
                  problem);
}

bool UserStore::unlock(const QString& name, const QString& actor, QString* error, Problem* problem) const
{
    return change(name, QStringLiteral("failed_attempts = 0, locked_until = 0"), {}, QStringLiteral("user.unlock"), {},
                  actor, false, error, problem);
}

bool UserStore::setRole(const QString& name, Role role, const QString& actor, QString* error, Problem* problem) const
{
    std::optional<UserAccount> account;
    if (!find(name, &account, error)) {
        setProblem(problem, Problem::Failed);
        return false;
    }
    const QJsonObject details{{QStringLiteral("from"), account ? roleName(account->role) : QString()},
                              {QStringLiteral("to"), roleName(role)}};
    return change(name, QStringLiteral("role = ?"), {roleName(role)}, QStringLiteral("user.set-role"), details, actor,
                  role != Role::Admin, error, problem);
}

bool UserStore::resetPassword(const QString& name, const SecureBuffer& temporary, const QString& actor, QString* error,
                              Problem* problem) const
{
    setProblem(problem, Problem::Failed);
    if (!m_policy.check(name, temporary, error)) {
        setProblem(problem, Problem::WeakPassword);
        return false;
    }
    const std::optional<QString> hash = PasswordHasher::hash(temporary, error, m_hashParams);
    if (!hash)
        return false;
    return change(name,
                  QStringLiteral("password_hash = ?, password_change_required = 1, failed_attempts = 0, locked_until = 0"),
                  {*hash}, QStringLiteral("user.reset-password"), {}, actor, false, error, problem);
}

std::optional<UserStore::Added> UserStore::resetTotp(const QString& name, const KeyStore& keys, const QString& actor,
                                                     QString* error, Problem* problem) const
{
    setProblem(problem, Problem::Failed);
    const std::optional<SecureBuffer> secret = CryptoRandom::secret(kTotpSecretBytes, error);
    if (!secret)
        return std::nullopt;
    const std::optional<KeyStore::SealedRecord> sealed = keys.seal(secret->view(), totpBinding(name), error);
    if (!sealed)
        return std::nullopt;
    if (!change(name, QStringLiteral("totp_sealed = ?, totp_last_step = 0"), {sealed->data}, QStringLiteral("user.reset-totp"),
                {{QStringLiteral("kek"), keys.kekId()}}, actor, false, error, problem,
                [&](QString* why) { return keys.keep(*sealed, why); }))
        return std::nullopt;
    Added enrolment;
    std::optional<UserAccount> account;
    if (find(name, &account, error) && account)
        enrolment.account = *account;
    enrolment.totpSecret = Base32::encode(secret->view());
    enrolment.totpUri = Totp::provisioningUri(totpIssuer(), name, secret->view());
    return enrolment;
}

bool UserStore::changePassword(const QString& name, const SecureBuffer& password, QString* error, Problem* problem) const
{
    setProblem(problem, Problem::Failed);
    if (!m_policy.check(name, password, error)) {
        setProblem(problem, Problem::WeakPassword);
        return false;
    }
    const std::optional<UserAccount> account = existing(name, error, problem);
    if (!account)
        return false;
    const std::optional<QVariant> current =
        m_database.scalar(QStringLiteral("SELECT password_hash FROM users WHERE id = ?"), {account->id},
                          QStringLiteral("read user %1").arg(name), error);
    if (!current)
        return false;
    if (PasswordHasher::verify(password, current->toString())) {
        *error = QCoreApplication::translate("fg::UserStore",
                                             "the new password is the one an administrator set: choose your own");
        setProblem(problem, Problem::SamePassword);
        return false;
    }
    const std::optional<QString> hash = PasswordHasher::hash(password, error, m_hashParams);
    if (!hash)
        return false;
    return change(name, QStringLiteral("password_hash = ?, password_change_required = 0"), {*hash},
                  QStringLiteral("user.change-password"), {}, QStringLiteral("officer:") + name, false, error, problem);
}

bool UserStore::change(const QString& name, const QString& assignments, const QVariantList& values,
                       const QString& action, const QJsonObject& details, const QString& actor, bool keepsAnAdmin,
                       QString* error, Problem* problem, const std::function<bool(QString*)>& alsoWithin) const
{
    setProblem(problem, Problem::Failed);
    Transaction transaction(m_database);
    if (!transaction.begin(error))
        return false;
    // As in insert(): two administrators' changes must not race past the
    // last-administrator check.
    if (!m_database.isSqlite()
        && !m_database.exec(QStringLiteral("LOCK TABLE users IN SHARE ROW EXCLUSIVE MODE"),
                            QStringLiteral("lock the users table"), error))
        return false;
    const std::optional<UserAccount> account = existing(name, error, problem);
    if (!account)
        return false;
    if (keepsAnAdmin && account->role == Role::Admin && !account->disabled) {
        const std::optional<QVariant> others = m_database.scalar(
            QStringLiteral("SELECT COUNT(*) FROM users WHERE role = 'admin' AND disabled = 0 AND name <> ?"), {name},
            QStringLiteral("count the administrators"), error);
        if (!others)
            return false;
        if (others->toLongLong() == 0) {
            *error = QCoreApplication::translate("fg::UserStore",
                                                 "%1 is the last administrator who can sign in: add or enable "
                                                 "another administrator first")
                         .arg(name);
            setProblem(problem, Problem::LastAdmin);
            return false;
        }
    }
    QSqlQuery update = m_database.query();
    update.prepare(QStringLiteral("UPDATE users SET ") + assignments + QStringLiteral(" WHERE id = ?"));
    for (const QVariant& value : values)
        update.addBindValue(value);
    update.addBindValue(account->id);
    if (!m_database.exec(update, QStringLiteral("%1 %2").arg(action, name), error))
        return false;
    if (alsoWithin && !alsoWithin(error))
        return false;
    if (!m_audit.append(actor, action, QStringLiteral("user:") + name, withVia(details), error)
        || !transaction.commit(error))
        return false;
    setProblem(problem, Problem::None);
    return true;
}

} // namespace fg
