#pragma once

#include <QObject>

#include <chrono>

class QWindow;

namespace fg {

// `facegate --self-test-window`: proves that the workstation starts on this
// machine and shows its first window, then quits by itself. Installed on the
// application before the event loop runs; the first top-level window that is
// exposed (the first-run administrator dialog, the sign-in dialog or the main
// window) ends the event loops with status 0, its title on stdout. A message
// box shown instead is a start-up failure: its text goes to stderr and the
// status is 1, and so it is when nothing has been shown within the deadline.
class WindowSelfTest : public QObject {
    Q_OBJECT
public:
    explicit WindowSelfTest(std::chrono::milliseconds deadline, QObject* parent = nullptr);

    // What the check decided; -1 while it waits.
    [[nodiscard]] int status() const { return m_status; }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void finish(int status, const QString& line);

    int m_status = -1;
};

} // namespace fg
