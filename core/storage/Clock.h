#pragma once

#include <QDateTime>

namespace fg {

// Wall-clock time, injected wherever a rule depends on it (retention, audit
// timestamps, lockouts, TOTP), so tests can run at chosen instants.
class Clock {
public:
    virtual ~Clock() = default;
    virtual QDateTime now() const = 0; // UTC

    qint64 nowMs() const { return now().toMSecsSinceEpoch(); }
};

} // namespace fg
