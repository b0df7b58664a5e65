#pragma once

#include <QObject>
#include <QTimer>

#include <chrono>

namespace fg {

// Watches the application's keyboard, mouse and touch input and says when
// there has been none for the configured time (security/sessionLockMinutes),
// so the officer's session can be locked. Paused while the lock itself is
// shown (stop/start).
class InactivityLock : public QObject {
    Q_OBJECT
public:
    explicit InactivityLock(std::chrono::milliseconds timeout, QObject* parent = nullptr);
    ~InactivityLock() override;

    void start();
    void stop();
    bool isActive() const { return m_timer.isActive(); }
    std::chrono::milliseconds timeout() const { return m_timeout; }

Q_SIGNALS:
    // No input for timeout(); the watch stops until start() is called again.
    void idle();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    std::chrono::milliseconds m_timeout;
    QTimer m_timer;
};

} // namespace fg
