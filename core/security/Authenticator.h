#pragma once

#include "core/security/LockoutPolicy.h"
#include "core/security/ScryptParams.h"
#include "core/security/UserAccount.h"

#include <QDateTime>
#include <QMutex>
#include <QString>

#include <optional>

namespace fg {

class AuditLog;
class Clock;
class Database;
class KeyStore;
class SecureBuffer;

// Sign-in with a password and a TOTP code (RFC 6238, 30 s steps, one step of
// drift either way). The answer to the officer never says which factor was
// wrong; the audit event does:
//   auth.sign-in  success (the TOTP secret's unwrap is the key.unwrap event before it)
//   auth.failure  details.reason: unknown-user | password | code | replayed-code | disabled | locked
//   auth.locked   the failure that locked the account, with locked_until
// Lockout: LockoutPolicy::maxFailures() failures in a row lock the account for
// lockMinutes(); a sign-in resets the count; while locked even the right
// password and code are refused, and the failures are not counted. A code
// whose time step is not after the last accepted one (users.totp_last_step)
// is refused as a replay. Each attempt's row changes and audit events are one
// transaction. An unknown name still costs one password verification.
class Authenticator {
public:
    struct Result {
        enum class Status { SignedIn, Rejected, LockedOut, Disabled, Error };
        Status status = Status::Error;
        QString reason;                  // for the officer; says nothing about which factor was wrong
        std::optional<UserAccount> user; // when signed in
        QDateTime lockedUntil;           // when locked out

        bool signedIn() const { return status == Status::SignedIn; }
    };

    static QString wrongCredentials() { return QStringLiteral("name, password or code is wrong"); }

    // dummyParams: the scrypt cost spent on an unknown name; the cost of real
    // hashes (UserStore::hashParams()), so both take as long.
    Authenticator(const Database& database, const AuditLog& audit, const KeyStore& keys, const Clock& clock,
                  LockoutPolicy lockout = LockoutPolicy(), const ScryptParams& dummyParams = ScryptParams::forPasswords());

    Result signIn(const QString& name, const SecureBuffer& password, const QString& totpCode) const;

    // The same in three steps, so that a window can run the slow one (scrypt,
    // 0.3-0.6 s at the production cost) off its GUI thread while the database
    // stays on the thread that opened it:
    //   1. passwordHashOf (the database's thread): the hash to check against;
    //   2. verifyPassword (any thread, slow; one at a time or several);
    //   3. finish (the database's thread): the code, lockout, audit, as signIn.
    // An unknown name has an empty hash, and step 2 still costs one scrypt.
    std::optional<QString> passwordHashOf(const QString& name, QString* error) const;
    bool verifyPassword(const SecureBuffer& password, const QString& hash) const;
    Result finish(const QString& name, const QString& checkedHash, bool passwordOk, const QString& totpCode) const;
    // A typed name as it is looked up ("  Olga " -> "olga").
    static QString normalName(const QString& typedName) { return typedName.trimmed().toLower(); }

    const LockoutPolicy& lockout() const { return m_lockout; }

private:
    struct Attempt;
    bool spendVerification(const SecureBuffer& password) const;
    Result decide(Attempt& attempt, QString* error) const;
    Result refuse(Attempt& attempt, const QString& reason, QString* error) const;

    const Database& m_database;
    const AuditLog& m_audit;
    const KeyStore& m_keys;
    const Clock& m_clock;
    LockoutPolicy m_lockout;
    ScryptParams m_dummyParams;
    mutable QMutex m_dummyLock; // verifyPassword may run on several threads
    mutable QString m_dummyHash; // made on first use, with m_dummyParams
};

} // namespace fg
