#include "core/capture/ReconnectingSource.h"

#include "core/capture/SteadyCaptureClock.h"

#include <algorithm>
#include <cmath>

namespace fg {

ReconnectingSource::ReconnectingSource(std::unique_ptr<FrameSource> inner)
    : ReconnectingSource(std::move(inner), Policy{})
{
}

ReconnectingSource::ReconnectingSource(std::unique_ptr<FrameSource> inner, Policy policy,
                                       std::shared_ptr<CaptureClock> clock)
    : m_inner(std::move(inner))
    , m_policy(policy)
    , m_clock(clock ? std::move(clock) : SteadyCaptureClock::create())
{
    m_policy.initialDelayMs = std::max(0, m_policy.initialDelayMs);
    m_policy.maxDelayMs = std::max(m_policy.initialDelayMs, m_policy.maxDelayMs);
    m_policy.multiplier = std::max(1.0, m_policy.multiplier);
    m_policy.maxAttempts = std::max(0, m_policy.maxAttempts);
    m_nextDelayMs = m_policy.initialDelayMs;
}

ReconnectingSource::~ReconnectingSource()
{
    close();
}

QString ReconnectingSource::description() const
{
    return m_inner ? m_inner->description() : QStringLiteral("no source");
}

bool ReconnectingSource::isLive() const
{
    return m_inner && m_inner->isLive();
}

bool ReconnectingSource::isOpen() const
{
    return m_state == CaptureState::Live || m_state == CaptureState::Reconnecting;
}

bool ReconnectingSource::recoversFromLoss() const
{
    return m_state == CaptureState::Reconnecting;
}

bool ReconnectingSource::attemptsLeft() const
{
    return m_policy.maxAttempts == 0 || m_failedAttempts < m_policy.maxAttempts;
}

void ReconnectingSource::noteFailure(const QString& why)
{
    m_lastError = why;
    ++m_failedAttempts;
    m_state = attemptsLeft() ? CaptureState::Reconnecting : CaptureState::Lost;
}

bool ReconnectingSource::open(QString* error)
{
    m_clock->clearInterrupt();
    m_failedAttempts = 0;
    m_nextDelayMs = m_policy.initialDelayMs;
    m_lastError.clear();
    if (!m_inner) {
        m_state = CaptureState::Lost;
        m_lastError = QStringLiteral("no source to open");
        if (error)
            *error = m_lastError;
        return false;
    }
    QString why;
    if (m_inner->open(&why)) {
        m_state = CaptureState::Live;
        return true;
    }
    noteFailure(why);
    if (m_state == CaptureState::Reconnecting)
        return true;
    if (error)
        *error = m_lastError;
    return false;
}

FrameSource::ReadStatus ReconnectingSource::readLive(Frame* frame, QString* error)
{
    QString why;
    const ReadStatus status = m_inner->read(frame, &why);
    switch (status) {
    case ReadStatus::Frame:
        frame->index = m_nextIndex++;
        return status;
    case ReadStatus::EndOfStream:
        m_state = CaptureState::Finished;
        m_lastError = why;
        if (error)
            *error = why;
        return status;
    case ReadStatus::Lost:
        break;
    }
    m_inner->close();
    m_failedAttempts = 0;
    m_nextDelayMs = m_policy.initialDelayMs;
    m_lastError = why;
    m_state = CaptureState::Reconnecting;
    if (error)
        *error = QStringLiteral("%1; reconnecting in %2 ms").arg(why).arg(m_nextDelayMs);
    return ReadStatus::Lost;
}

FrameSource::ReadStatus ReconnectingSource::read(Frame* frame, QString* error)
{
    switch (m_state) {
    case CaptureState::Live:
        return readLive(frame, error);
    case CaptureState::Reconnecting:
        break;
    case CaptureState::Finished:
        if (error)
            *error = m_lastError;
        return ReadStatus::EndOfStream;
    default:
        if (error)
            *error = m_lastError.isEmpty() ? QStringLiteral("%1 is not open").arg(description())
                                           : m_lastError;
        return ReadStatus::Lost;
    }

    // Reconnecting: wait, then one attempt.
    if (!m_clock->sleepMs(m_nextDelayMs)) {
        m_state = CaptureState::Stopped;
        if (error)
            *error = QStringLiteral("reconnection to %1 stopped").arg(description());
        return ReadStatus::Lost;
    }
    QString why;
    if (m_inner->open(&why)) {
        m_state = CaptureState::Live;
        m_failedAttempts = 0;
        m_nextDelayMs = m_policy.initialDelayMs;
        return readLive(frame, error);
    }
    noteFailure(why);
    const double grown = std::ceil(double(m_nextDelayMs) * m_policy.multiplier);
    m_nextDelayMs = static_cast<int>(std::min(grown, double(m_policy.maxDelayMs)));
    if (error) {
        if (m_state == CaptureState::Reconnecting)
            *error = QStringLiteral("%1 (attempt %2 failed; next in %3 ms)")
                         .arg(why)
                         .arg(m_failedAttempts)
                         .arg(m_nextDelayMs);
        else
            *error = QStringLiteral("%1 (gave up after %2 attempts)").arg(why).arg(m_failedAttempts);
    }
    return ReadStatus::Lost;
}

void ReconnectingSource::close()
{
    if (m_inner)
        m_inner->close();
    m_state = CaptureState::Stopped;
}

QStringList ReconnectingSource::takeWarnings()
{
    return m_inner ? m_inner->takeWarnings() : QStringList{};
}

void ReconnectingSource::interrupt()
{
    m_clock->interrupt();
    if (m_inner)
        m_inner->interrupt();
}

} // namespace fg
