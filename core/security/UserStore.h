#pragma once

#include "core/security/PasswordPolicy.h"
#include "core/security/Role.h"
#include "core/security/ScryptParams.h"
#include "core/security/UserAccount.h"

#include <QJsonObject>
#include <QString>
#include <QVariantList>

#include <functional>
#include <optional>
#include <vector>

class QSqlQuery;

namespace fg {

class AuditLog;
class Database;
class KeyStore;
class SecureBuffer;

// The users table: accounts, their roles, their scrypt password hashes
// (PasswordHasher, PHC strings) and their TOTP secrets sealed with the key
// store (binding "user-totp:<name>"). There is no default account and no
// default password: the first user is an admin made by createFirstAdmin (or
// add with the admin role) on an empty table, and every later user is added
// by someone. Each change is one transaction with its audit event.
class UserStore {
public:
    // Why add() refused, for callers that answer differently (exit statuses).
    enum class Problem {
        None,
        InvalidName,      // not a valid sign-in name (isValidName)
        WeakPassword,     // refused by the PasswordPolicy
        NameTaken,        // a user of that name exists
        NotFirstUser,     // createFirstAdmin when there are users already
        FirstMustBeAdmin, // the first user of a database must be an admin
        NoSuchUser,       // no user of that name
        LastAdmin,        // the change would leave no enabled administrator
        SamePassword,     // a new password equal to the one it replaces
        Failed,           // the database, the key store or the random generator failed
    };

    struct NewUser {
        QString name;
        Role role = Role::Officer;
        QString displayName;
    };

    // What add() hands back ONCE: the TOTP secret (RFC 4648 base32) and its
    // otpauth:// URI, to enrol the user's authenticator. Neither is stored
    // anywhere in clear.
    struct Added {
        UserAccount account;
        QString totpSecret;
        QString totpUri;
    };

    static constexpr int kTotpSecretBytes = 20;
    static QString totpIssuer() { return QStringLiteral("FaceGate"); }
    // The record binding of a user's sealed TOTP secret.
    static QString totpBinding(const QString& name) { return QStringLiteral("user-totp:") + name; }
    // Sign-in names: 2 to 64 characters, a lower-case ASCII letter first, then
    // lower-case letters, digits, '.', '_' or '-'. *error names the rule.
    static bool isValidName(const QString& name, QString* error);

    // hashParams: scrypt cost of new password hashes (lighter ones in tests only).
    UserStore(const Database& database, const AuditLog& audit,
              const ScryptParams& hashParams = ScryptParams::forPasswords(), PasswordPolicy policy = PasswordPolicy());

    const ScryptParams& hashParams() const { return m_hashParams; }
    const PasswordPolicy& passwordPolicy() const { return m_policy; }

    // How the changes reach the store, written as "via" into the details of
    // each audit event it writes, beside the actor (facegate-cli: "cli:<login>",
    // the operating-system account that ran it); nothing when empty.
    void setVia(const QString& via) { m_via = via; }
    QString via() const { return m_via; }

    // Whether any user exists (first run: no).
    std::optional<bool> hasUsers(QString* error) const;

    // Adds a user, checking the name, the password policy, that the name is
    // free and that the first user of a database is an admin; the TOTP secret
    // is fresh (20 random bytes) and sealed with keys. Writes the audit event
    // user.add (actor, role, display name; never the password or the secret).
    std::optional<Added> add(const NewUser& user, const SecureBuffer& password, const KeyStore& keys,
                             const QString& actor, QString* error, Problem* problem = nullptr) const;
    // The first admin: the same, refused (NotFirstUser) unless there is no user at all.
    std::optional<Added> createFirstAdmin(const QString& name, const QString& displayName, const SecureBuffer& password,
                                          const KeyStore& keys, const QString& actor, QString* error,
                                          Problem* problem = nullptr) const;

    // The account of that name in *account (nullopt when there is none);
    // false only when the database cannot be read.
    bool find(const QString& name, std::optional<UserAccount>* account, QString* error) const;
    std::optional<std::vector<UserAccount>> list(QString* error) const;

    // --- Administration: each change is one transaction with its audit event,
    // whose actor is the acting administrator ("officer:<name>", with the
    // CLI's login in the details when it came from there). None leaves the
    // database without an enabled administrator (Problem::LastAdmin).

    // Disables (or enables again) an account; audit event user.disable / user.enable.
    bool setDisabled(const QString& name, bool disabled, const QString& actor, QString* error,
                     Problem* problem = nullptr) const;
    // Ends a lockout after failed sign-ins and clears the count; user.unlock.
    bool unlock(const QString& name, const QString& actor, QString* error, Problem* problem = nullptr) const;
    // user.set-role, with the role before and after.
    bool setRole(const QString& name, Role role, const QString& actor, QString* error, Problem* problem = nullptr) const;
    // A temporary password (the policy applies) that the user must replace at
    // the next sign-in; ends a lockout too. user.reset-password (never the password).
    bool resetPassword(const QString& name, const SecureBuffer& temporary, const QString& actor, QString* error,
                       Problem* problem = nullptr) const;
    // A new TOTP secret for a lost or replaced phone, sealed with keys; the
    // old one stops working at once. Handed back ONCE as add() does. user.reset-totp.
    std::optional<Added> resetTotp(const QString& name, const KeyStore& keys, const QString& actor, QString* error,
                                   Problem* problem = nullptr) const;
    // The user's own new password, after an administrator's reset: the policy
    // applies and it must differ from the temporary one. user.change-password.
    bool changePassword(const QString& name, const SecureBuffer& password, QString* error,
                        Problem* problem = nullptr) const;

    // The columns of an account, for "SELECT <accountColumns()> FROM users",
    // and the account read from such a row starting at column first.
    static QString accountColumns();
    static UserAccount accountFromRow(const QSqlQuery& row, int first = 0);

private:
    // The account of that name, or nullopt with *error and *problem
    // (NoSuchUser, or Failed when the database cannot be read).
    std::optional<UserAccount> existing(const QString& name, QString* error, Problem* problem) const;
    // One account's row changed by `assignments` ("col = ?, ...", values in
    // order), with the audit event action/details, in one transaction;
    // keepsAnAdmin: refuse when it would leave no enabled administrator.
    bool change(const QString& name, const QString& assignments, const QVariantList& values, const QString& action,
                const QJsonObject& details, const QString& actor, bool keepsAnAdmin, QString* error,
                Problem* problem, const std::function<bool(QString*)>& alsoWithin = {}) const;
    std::optional<Added> insert(const NewUser& user, const SecureBuffer& password, const KeyStore& keys,
                                const QString& actor, bool firstAdmin, QString* error, Problem* problem) const;
    // details with "via" added (setVia).
    QJsonObject withVia(QJsonObject details) const;

    const Database& m_database;
    const AuditLog& m_audit;
    ScryptParams m_hashParams;
    PasswordPolicy m_policy;
    QString m_via;
};

} // namespace fg
