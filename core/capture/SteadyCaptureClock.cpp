#include "core/capture/SteadyCaptureClock.h"

#include <chrono>

namespace fg {

qint64 SteadyCaptureClock::nowMs() const
{
    using namespace std::chrono;
    return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
}

bool SteadyCaptureClock::sleepMs(qint64 ms)
{
    std::unique_lock lock(m_mutex);
    if (m_interrupted)
        return false;
    if (ms <= 0)
        return true;
    m_wake.wait_for(lock, std::chrono::milliseconds(ms), [this] { return m_interrupted; });
    return !m_interrupted;
}

void SteadyCaptureClock::interrupt()
{
    {
        std::lock_guard lock(m_mutex);
        m_interrupted = true;
    }
    m_wake.notify_all();
}

void SteadyCaptureClock::clearInterrupt()
{
    std::lock_guard lock(m_mutex);
    m_interrupted = false;
}

bool SteadyCaptureClock::isInterrupted() const
{
    std::lock_guard lock(m_mutex);
    return m_interrupted;
}

std::shared_ptr<CaptureClock> SteadyCaptureClock::create()
{
    return std::make_shared<SteadyCaptureClock>();
}

} // namespace fg
