#pragma once

#include <QString>

#include <optional>

namespace fg {

// How many failed sign-ins in a row lock an account, and for how long
// (settings security/lockoutFailures and security/lockoutMinutes).
class LockoutPolicy {
public:
    static constexpr int kDefaultMaxFailures = 5;
    static constexpr int kDefaultLockMinutes = 15;

    LockoutPolicy() = default; // 5 failures, 15 minutes

    // maxFailures in 1..100, lockMinutes in 1..1440 (as in Settings); nullopt
    // with *error naming the value otherwise.
    static std::optional<LockoutPolicy> create(int maxFailures, int lockMinutes, QString* error);

    int maxFailures() const { return m_maxFailures; }
    int lockMinutes() const { return m_lockMinutes; }
    qint64 lockMs() const { return qint64(m_lockMinutes) * 60 * 1000; }

    // Whether this many consecutive failures lock the account.
    bool locks(int consecutiveFailures) const { return consecutiveFailures >= m_maxFailures; }

private:
    LockoutPolicy(int maxFailures, int lockMinutes);

    int m_maxFailures = kDefaultMaxFailures;
    int m_lockMinutes = kDefaultLockMinutes;
};

} // namespace fg
