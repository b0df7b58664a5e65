#pragma once

#include <QtGlobal>

namespace fg {

// The time a frame source reads and waits on: injected so that pacing and
// reconnection back-off can be tested at chosen instants (tests use a manual
// clock). Implementations must make interrupt() safe to call from any thread.
class CaptureClock {
public:
    virtual ~CaptureClock();

    // Monotonic milliseconds from an arbitrary origin.
    virtual qint64 nowMs() const = 0;
    // Waits `ms` (<= 0: does not wait). Returns false at once when interrupted,
    // and keeps returning false until clearInterrupt().
    virtual bool sleepMs(qint64 ms) = 0;
    // Wakes a current sleepMs() and makes later ones return false at once.
    virtual void interrupt() = 0;
    virtual void clearInterrupt() = 0;
    virtual bool isInterrupted() const = 0;
};

} // namespace fg
