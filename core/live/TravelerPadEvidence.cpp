#include "core/live/TravelerPadEvidence.h"

#include "core/matching/Matcher.h"

namespace fg {

TravelerPadEvidence::TravelerPadEvidence(std::optional<float> sameFaceAt)
    : m_sameFaceAt(sameFaceAt)
{
}

void TravelerPadEvidence::advanceTo(qint64 nowMs)
{
    if (m_lastFaceMs >= 0 && nowMs - m_lastFaceMs > kGoneMs)
        reset();
    const qint64 oldest = nowMs - kWindowMs;
    while (!m_frames.empty() && m_frames.front().frame.timestampMs < oldest)
        m_frames.pop_front();
    while (!m_withoutFace.empty() && m_withoutFace.front() < oldest)
        m_withoutFace.pop_front();
}

void TravelerPadEvidence::addFrame(PadFrame frame, Template face)
{
    // A face after a long gap is as likely someone else: a fresh start.
    advanceTo(frame.timestampMs);
    m_lastFaceMs = frame.timestampMs;
    m_frames.push_back({std::move(frame), std::move(face)});
    // PadAccumulator keeps its last kMaxFrames; holding more would only cost memory.
    while (int(m_frames.size()) > PadAccumulator::kMaxFrames)
        m_frames.pop_front();
}

void TravelerPadEvidence::addWithoutFace(qint64 timestampMs)
{
    advanceTo(timestampMs);
    m_withoutFace.push_back(timestampMs);
    while (int(m_withoutFace.size()) > PadAccumulator::kMaxFrames)
        m_withoutFace.pop_front();
}

void TravelerPadEvidence::reset()
{
    m_frames.clear();
    m_withoutFace.clear();
    m_lastFaceMs = -1;
}

bool TravelerPadEvidence::isCapturedFace(const Template& face, const Template& captured) const
{
    if (!m_sameFaceAt || captured.isNull())
        return true; // nothing to tell faces apart by
    if (face.isNull())
        return false; // unknown is not the captured face: it could be anyone's
    QString error;
    const std::optional<float> similarity = Matcher::compare(face, captured, &error);
    return similarity && *similarity >= *m_sameFaceAt;
}

PadAssessment TravelerPadEvidence::assess(const PadOperatingPoint& point, qint64 nowMs, const Template& captured) const
{
    const qint64 oldest = nowMs - kWindowMs;
    PadAccumulator window;
    int anotherFace = 0;
    for (const Seen& seen : m_frames) {
        if (seen.frame.timestampMs < oldest || seen.frame.timestampMs > nowMs)
            continue;
        if (isCapturedFace(seen.face, captured))
            window.add(seen.frame);
        else
            ++anotherFace;
    }
    for (qint64 at : m_withoutFace) {
        if (at >= oldest && at <= nowMs)
            window.addWithoutFace();
    }
    PadAssessment assessment = window.assess(point);
    assessment.framesOfAnotherFace = anotherFace;
    if (assessment.decision == PadDecision::NotAssessed && assessment.frames == 0 && anotherFace > 0)
        assessment.reason = QStringLiteral("none of the %1 frames with a face showed the captured face").arg(anotherFace);
    return assessment;
}

} // namespace fg
