#pragma once

#include "core/capture/CaptureClock.h"

#include <QList>

#include <atomic>

namespace fg::test {

// A clock that only moves when slept on: sleepMs() records the wait and
// advances the time at once (late by setOversleepMs()), so pacing and
// back-off are checked exactly.
class ManualCaptureClock final : public CaptureClock {
public:
    qint64 nowMs() const override { return m_now; }
    bool sleepMs(qint64 ms) override
    {
        if (m_interrupted.load())
            return false;
        if (ms > 0) {
            m_sleeps.append(ms);
            m_now += ms + m_oversleepMs;
        }
        return true;
    }
    void interrupt() override { m_interrupted.store(true); }
    void clearInterrupt() override { m_interrupted.store(false); }
    bool isInterrupted() const override { return m_interrupted.load(); }

    void advance(qint64 ms) { m_now += ms; }
    // Every later sleep wakes `ms` late, as a thread does on a busy machine.
    void setOversleepMs(qint64 ms) { m_oversleepMs = ms; }
    const QList<qint64>& sleeps() const { return m_sleeps; }

private:
    qint64 m_now = 1000;
    qint64 m_oversleepMs = 0;
    QList<qint64> m_sleeps;
    std::atomic<bool> m_interrupted{false};
};

} // namespace fg::test
