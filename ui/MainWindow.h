#pragma once

#include "core/capture/CaptureState.h"
#include "core/security/UserAccount.h"
#include "ui/LiveAnalysis.h"

#include <QMainWindow>

#include <chrono>
#include <optional>

class QLabel;
class QStackedWidget;

namespace fg {

class Authenticator;
class CameraView;
class InspectionDesk;
class MatchPanel;
class InactivityLock;
class SignInDialog;

// FaceGate's main window, first cut: the live camera view with its faces and
// a status bar with the source's state, its frames per second and the
// analysis latency. Widgets carry object names for GUI tests:
// "cameraView", "sourceState", "framesPerSecond", "analysisLatency",
// "recordsState", "officerIdentity", "referenceState", "lockCover", "workspacePage", and the
// match panel's (MatchPanel).
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(LiveAnalysis::Options options, QWidget* parent = nullptr);
    ~MainWindow() override;

    // Creates the pipeline and, once it is ready, opens the source.
    void start();
    const LiveAnalysis& liveAnalysis() const { return *m_live; }
    LiveAnalysis& liveAnalysis() { return *m_live; }
    MatchPanel& matchPanel() { return *m_matchPanel; }

    // The desk that records captures and the officer's actions; the window's
    // keys drive it: Space capture, Enter confirm, Ctrl+O override,
    // Ctrl+S secondary, Ctrl+N next traveler, F2 opt-out, Ctrl+Shift+A
    // automatic capture.
    void setDesk(InspectionDesk* desk);

    // What captures are matched against, in words ("Flight UA 901 · 7
    // travelers", "Document of Anna Eriksson"); a problem in words too.
    void showReferenceState(const QString& text, bool problem);

    // How the last retention purge went, in a few words ("Records · purge
    // failed"), with the details (where the records are, why) as its tooltip;
    // a problem is shown in words, not colour alone.
    void showRecordsState(const QString& text, const QString& details, bool problem);

    // The signed-in officer, always visible ("Jane Doe (jdoe) · Officer").
    // After lockAfter without input the workspace is covered and the same
    // officer signs in again (authenticator); ending the session there emits
    // sessionEnded().
    void beginSession(const UserAccount& account, const Authenticator& authenticator,
                      std::chrono::milliseconds lockAfter);
    const std::optional<UserAccount>& account() const { return m_account; }
    bool isLocked() const { return m_locked; }
    // Covers the workspace and asks for the officer's sign-in (also by Ctrl+L).
    void lockSession();
    // The unlock dialog while the session is locked, else nullptr (for tests).
    SignInDialog* unlockDialog() const { return m_unlock; }

    // "Live", "Reconnecting", ...: the words the status bar shows.
    static QString stateTitle(CaptureState state);
    // "Officer", "Checkpoint officer", ...: a role as the officer reads it.
    static QString roleTitle(Role role);

Q_SIGNALS:
    // The officer chose a flight's manifest (Ctrl+M) or a document photo (Ctrl+D).
    void manifestChosen(const QString& path);
    void documentPhotoChosen(const QString& path);
    // The officer ended the session from the lock (the workstation asks for the next sign-in).
    void sessionEnded();
    // Relayed from LiveAnalysis: nothing can be analysed (see there).
    void startupFailed(const QString& reason);

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void showSourceState(CaptureState state, const QString& message);
    void showFramesPerSecond(double framesPerSecond);
    void showResult(const AnalysisResult& result);

    void unlocked();

    LiveAnalysis* m_live = nullptr;
    QStackedWidget* m_workspace = nullptr;
    CameraView* m_view = nullptr;
    MatchPanel* m_matchPanel = nullptr;
    InspectionDesk* m_desk = nullptr;
    QLabel* m_lockCover = nullptr;
    QLabel* m_officerIdentity = nullptr;
    QLabel* m_referenceState = nullptr;
    InactivityLock* m_inactivity = nullptr;
    SignInDialog* m_unlock = nullptr;
    const Authenticator* m_authenticator = nullptr;
    std::optional<UserAccount> m_account;
    bool m_locked = false;
    QLabel* m_sourceState = nullptr;
    QLabel* m_framesPerSecond = nullptr;
    QLabel* m_analysisLatency = nullptr;
    QLabel* m_recordsState = nullptr;
};

} // namespace fg
