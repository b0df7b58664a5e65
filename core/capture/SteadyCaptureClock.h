#pragma once

#include "core/capture/CaptureClock.h"

#include <condition_variable>
#include <memory>
#include <mutex>

namespace fg {

// The real clock: std::chrono::steady_clock, with an interruptible sleep.
class SteadyCaptureClock final : public CaptureClock {
public:
    qint64 nowMs() const override;
    bool sleepMs(qint64 ms) override;
    void interrupt() override;
    void clearInterrupt() override;
    bool isInterrupted() const override;

    // A fresh clock for a source that was given none.
    static std::shared_ptr<CaptureClock> create();

private:
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_interrupted = false;
};

} // namespace fg
