#include "core/biometrics/CaptureSelector.h"

#include <algorithm>
#include <cmath>

namespace fg {

CaptureSelector::CaptureSelector(Options options)
    : m_options(options)
{
}

double CaptureSelector::score(const QualityReport& quality)
{
    // Each term in 0..1; the weights favour size and sharpness, which the
    // matcher gains most from, then a frontal pose.
    const double size = std::clamp(quality.interEyeDistance / 120.0, 0.0, 1.0);
    const double sharpness = std::clamp(quality.sharpness / 200.0, 0.0, 1.0);
    const double turned = std::abs(quality.yaw) + std::abs(quality.pitch) + 0.5 * std::abs(quality.roll);
    const double frontal = 1.0 - std::clamp(turned / 45.0, 0.0, 1.0);
    const double eyes = std::clamp(std::min(quality.leftEyeOpen, quality.rightEyeOpen), 0.0, 1.0);
    const double measure = 0.35 * size + 0.30 * sharpness + 0.25 * frontal + 0.10 * eyes;
    return (quality.passed() ? 10.0 : 0.0) + measure;
}

void CaptureSelector::request(qint64 nowMs)
{
    if (m_state == State::Watching) {
        open(nowMs);
        m_byRequest = true;
    }
}

void CaptureSelector::reset()
{
    m_state = State::Watching;
    m_passesInRow = 0;
    m_framesInWindow = 0;
    m_best.reset();
    m_bestScore = 0;
    m_completed = false;
}

void CaptureSelector::setAutomatic(bool automatic)
{
    m_options.automatic = automatic;
    m_passesInRow = 0;
}

void CaptureSelector::open(qint64 nowMs)
{
    m_state = State::Collecting;
    m_openedAtMs = nowMs;
    m_framesInWindow = 0;
    m_best.reset();
    m_bestScore = 0;
}

CaptureSelector::Verdict CaptureSelector::offer(qint64 nowMs, const std::optional<QualityReport>& subject)
{
    if (m_state == State::Watching) {
        m_passesInRow = subject && subject->passed() ? m_passesInRow + 1 : 0;
        if (!m_options.automatic || m_passesInRow < std::max(1, m_options.passesToOpen))
            return Verdict::Ignored;
        open(nowMs); // this frame is the window's first
        m_byRequest = false;
    }
    if (m_state != State::Collecting)
        return Verdict::Ignored;

    ++m_framesInWindow;
    Verdict verdict = Verdict::Ignored;
    if (subject) {
        const double candidate = score(*subject);
        if (!m_best || candidate > m_bestScore) {
            m_best = subject;
            m_bestScore = candidate;
            verdict = Verdict::NewBest;
        }
    }
    if (m_framesInWindow >= std::max(1, m_options.windowFrames) || nowMs - m_openedAtMs >= m_options.windowMs) {
        m_state = State::Done;
        m_completed = true;
    }
    return verdict;
}

bool CaptureSelector::takeCompleted()
{
    const bool completed = m_completed;
    m_completed = false;
    return completed;
}

} // namespace fg
