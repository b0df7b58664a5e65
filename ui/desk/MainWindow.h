#pragma once

#include "core/capture/CaptureState.h"
#include "core/security/UserAccount.h"
#include "core/live/LiveAnalysis.h"

#include <QList>
#include <QMainWindow>

#include <chrono>
#include <functional>
#include <optional>

class QAction;
class QLabel;
class QMenu;
class QStackedWidget;
class QTimer;

namespace fg {

class Authenticator;
class CameraGrid;
class CameraView;
class InspectionDesk;
class MatchPanel;
class InactivityLock;
class SignInDialog;

// FaceGate's main window: the cameras in a grid (CameraGrid, one
// LiveAnalysis and one CameraTile each) beside the match panel, and a status
// bar with the capture camera's state, its frames per second and the
// analysis latency. One camera is the capture camera: the desk captures from
// it, and only it captures automatically (the others are analysed for
// display). Ctrl+1 ... Ctrl+9 or a click on a tile choose it.
// Widgets carry object names for GUI tests: "cameraView" (the capture
// camera's view), "cameraTile<N>" and its labels (CameraTile),
// "sourceState", "framesPerSecond", "analysisLatency",
// "recordsState", "officerIdentity", "referenceState", "lockCover", "workspacePage", and the
// match panel's (MatchPanel).
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    // One camera.
    explicit MainWindow(LiveAnalysis::Options options, QWidget* parent = nullptr);
    // The cameras in grid order; the first is the capture camera. An empty
    // list is taken as one camera without a source, which says so on its tile.
    explicit MainWindow(QList<LiveAnalysis::Options> cameras, QWidget* parent = nullptr);
    ~MainWindow() override;

    // Creates each camera's pipeline and, once it is ready, opens its source.
    void start();
    // The capture camera.
    const LiveAnalysis& liveAnalysis() const { return *m_cameras[m_capture]; }
    LiveAnalysis& liveAnalysis() { return *m_cameras[m_capture]; }
    int cameraCount() const { return int(m_cameras.size()); }
    LiveAnalysis& camera(int index) { return *m_cameras[index]; }
    int captureCamera() const { return m_capture; }
    // Makes the camera at `index` the capture camera: automatic capture (on
    // or off, as it was) moves to it, the desk follows it (InspectionDesk::setCamera)
    // and the status bar shows it. An index out of range is ignored.
    void setCaptureCamera(int index);
    MatchPanel& matchPanel() { return *m_matchPanel; }

    // The desk that records captures and the officer's actions; the window's
    // keys drive it: Space capture, Enter confirm, Ctrl+O override,
    // Ctrl+S secondary, Ctrl+N next traveler, F2 opt-out, Ctrl+Shift+A
    // automatic capture.
    void setDesk(InspectionDesk* desk);

    // What captures are matched against, in words ("Flight UA 901 · 7
    // travelers", "Document of Anna Eriksson"); a problem in words too. The
    // function form is called again when the interface language changes.
    using Words = std::function<QString()>;
    void showReferenceState(const QString& text, bool problem);
    // details: more to say (photos that did not enrol), shown whole above the
    // cameras; a problem's words are shown there whole too.
    void showReferenceState(Words text, bool problem, Words details = nullptr);

    // A passing notice in the status bar ("Decided in 97 ms after capture",
    // "Opt-out cancelled"), gone after timeout (zero: until the next one or
    // clearNotice()). Beside the officer's identity and the reference, never
    // over them (QStatusBar::showMessage would hide them); written again
    // when the interface language changes.
    void showNotice(Words text, std::chrono::milliseconds timeout = std::chrono::milliseconds(0));
    void clearNotice();

    // How the last retention purge went, in a few words ("Records · purge
    // failed"), with the details (where the records are, why) as its tooltip;
    // a problem is shown in words, not colour alone.
    void showRecordsState(const QString& text, const QString& details, bool problem);
    void showRecordsState(Words text, Words details, bool problem);

    // The signed-in officer, always visible ("Jane Doe (jdoe) · Officer").
    // After lockAfter without input the workspace is covered and the same
    // officer signs in again (authenticator); ending the session there emits
    // sessionEnded().
    void beginSession(const UserAccount& account, const Authenticator& authenticator,
                      std::chrono::milliseconds lockAfter);
    const std::optional<UserAccount>& account() const { return m_account; }
    // Ends the session without its officer (the account was disabled or
    // changed elsewhere): the workspace is covered, an unlock dialog that is
    // up goes, nothing more is captured; sessionEnded() follows.
    void endSession();
    bool isLocked() const { return m_locked; }
    // Covers the workspace and asks for the officer's sign-in (also by Ctrl+L).
    void lockSession();
    // The unlock dialog while the session is locked, else nullptr (for tests).
    SignInDialog* unlockDialog() const { return m_unlock; }

    // "Live", "Reconnecting", ...: the words the status bar shows (CameraTile::stateTitle).
    static QString stateTitle(CaptureState state);
    // "Officer", "Checkpoint officer", ...: a role as the officer reads it.
    static QString roleTitle(Role role);

Q_SIGNALS:
    // The officer chose a flight's manifest (Ctrl+M) or a document photo (Ctrl+D).
    void manifestChosen(const QString& path);
    void documentPhotoChosen(const QString& path);
    // The officer ended the session from the lock (the workstation asks for the next sign-in).
    void sessionEnded();
    // The session locked (inactivity, Ctrl+L) / the same officer signed in again:
    // other windows of the session (the supervisor's) hide their content too.
    void sessionLocked();
    // The officer closed the window (the workstation ends).
    void closed();
    void sessionUnlocked();
    // Relayed from LiveAnalysis: nothing can be analysed (see there); once,
    // however many cameras fail.
    void startupFailed(const QString& reason);
    void captureCameraChanged(int index);
    // The interface language changed and the window's texts follow; what
    // others put in it (menus) can follow too.
    void retranslated();

protected:
    void closeEvent(QCloseEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void addCamera(LiveAnalysis::Options options);
    void stopCameras();
    void showSourceState(CaptureState state, const QString& message);
    void showFramesPerSecond(double framesPerSecond);
    void showResult(const AnalysisResult& result);

    void unlocked();
    void enableCameraKeys();
    // Every visible text again, from the state shown, in the current language.
    void retranslate();
    void showOfficer();
    void addLanguageMenu();

    QList<LiveAnalysis*> m_cameras;
    int m_capture = 0;
    QList<QAction*> m_cameraKeys; // Ctrl+1 ... Ctrl+9
    QList<std::pair<QAction*, const char*>> m_deskKeys; // the officer's keys and their untranslated names
    QMenu* m_referenceMenu = nullptr;
    QAction* m_manifestAction = nullptr;
    QAction* m_documentAction = nullptr;
    QMenu* m_languageMenu = nullptr;
    Words m_referenceText;
    Words m_referenceDetailsText;
    Words m_noticeText;
    QTimer* m_noticeTimer = nullptr;
    bool m_referenceProblem = true;
    Words m_recordsText;
    Words m_recordsDetails;
    bool m_recordsProblem = false;
    CaptureState m_shownState = CaptureState::Stopped;
    QString m_shownStateMessage;
    double m_shownFramesPerSecond = 0.0;
    std::optional<double> m_shownLatencyMs;
    bool m_startupFailed = false;
    QStackedWidget* m_workspace = nullptr;
    CameraGrid* m_grid = nullptr;
    MatchPanel* m_matchPanel = nullptr;
    InspectionDesk* m_desk = nullptr;
    QLabel* m_lockCover = nullptr;
    QLabel* m_officerIdentity = nullptr;
    QLabel* m_referenceState = nullptr;
    QLabel* m_referenceDetails = nullptr;
    InactivityLock* m_inactivity = nullptr;
    SignInDialog* m_unlock = nullptr;
    const Authenticator* m_authenticator = nullptr;
    std::optional<UserAccount> m_account;
    bool m_locked = false;
    QLabel* m_sourceState = nullptr;
    QLabel* m_notice = nullptr;
    QLabel* m_framesPerSecond = nullptr;
    QLabel* m_analysisLatency = nullptr;
    QLabel* m_recordsState = nullptr;
};

} // namespace fg
