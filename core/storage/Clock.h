#pragma once

#include <QDateTime>

#include <chrono>

namespace fg {

// Wall-clock time (and a steady clock beside it), injected wherever a rule depends on it (retention, audit
// timestamps, lockouts, TOTP), so tests can run at chosen instants.
class Clock {
public:
    virtual ~Clock() = default;
    virtual QDateTime now() const = 0; // UTC

    qint64 nowMs() const { return now().toMSecsSinceEpoch(); }

    // Milliseconds from an arbitrary origin that never step back or jump when
    // the wall clock is set: for rates and deadlines, never for records.
    virtual qint64 steadyMs() const
    {
        return std::chrono::duration_cast<std::chrono::milliseconds>(
                   std::chrono::steady_clock::now().time_since_epoch())
            .count();
    }
};

} // namespace fg
