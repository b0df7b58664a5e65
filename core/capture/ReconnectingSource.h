#pragma once

#include "core/capture/CaptureClock.h"
#include "core/capture/CaptureState.h"
#include "core/capture/FrameSource.h"

#include <memory>

namespace fg {

// Keeps a live source going: when it is lost or will not open, reopens it
// after a back-off that grows from initialDelayMs by `multiplier` up to
// maxDelayMs, for ever or for maxAttempts attempts. Each failed attempt makes
// read() return Lost (with recoversFromLoss() true while attempts are left),
// so that the caller can show "reconnecting" and stop between attempts. Frame
// indices stay increasing across reconnections.
class ReconnectingSource final : public FrameSource {
public:
    struct Policy {
        int initialDelayMs = 500;
        int maxDelayMs = 10000;
        double multiplier = 2.0;
        int maxAttempts = 0; // failed opens allowed in a row (the first open counts); 0: no limit
    };

    explicit ReconnectingSource(std::unique_ptr<FrameSource> inner);
    ReconnectingSource(std::unique_ptr<FrameSource> inner, Policy policy,
                       std::shared_ptr<CaptureClock> clock = {});
    ~ReconnectingSource() override;

    // True when the source opened, or when it did not but will be retried
    // by read() (state() Reconnecting, lastError() says why). False only
    // when the policy allows no retry.
    bool open(QString* error) override;
    ReadStatus read(Frame* frame, QString* error) override;
    void close() override;
    bool isOpen() const override;
    QString description() const override;
    bool isLive() const override;
    bool recoversFromLoss() const override;
    QStringList takeWarnings() override;
    void interrupt() override;

    // Live, Reconnecting, Lost (gave up), Finished (inner source ended),
    // Stopped (closed or interrupted).
    CaptureState state() const { return m_state; }
    // The inner source's last error, in its words.
    const QString& lastError() const { return m_lastError; }
    // Failed attempts since the source was last live.
    int failedAttempts() const { return m_failedAttempts; }
    // The wait before the next attempt.
    int nextDelayMs() const { return m_nextDelayMs; }
    const Policy& policy() const { return m_policy; }
    FrameSource* inner() const { return m_inner.get(); }

private:
    ReadStatus readLive(Frame* frame, QString* error);
    void noteFailure(const QString& why);
    bool attemptsLeft() const;

    std::unique_ptr<FrameSource> m_inner;
    Policy m_policy;
    std::shared_ptr<CaptureClock> m_clock;
    CaptureState m_state = CaptureState::Stopped;
    QString m_lastError;
    int m_failedAttempts = 0;
    int m_nextDelayMs = 0;
    qint64 m_nextIndex = 0;
};

} // namespace fg
