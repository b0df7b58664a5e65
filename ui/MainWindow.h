#pragma once

#include "core/capture/CaptureState.h"
#include "ui/LiveAnalysis.h"

#include <QMainWindow>

class QLabel;

namespace fg {

class CameraView;

// FaceGate's main window, first cut: the live camera view with its faces and
// a status bar with the source's state, its frames per second and the
// analysis latency. Widgets carry object names for GUI tests:
// "cameraView", "sourceState", "framesPerSecond", "analysisLatency",
// "recordsState".
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(LiveAnalysis::Options options, QWidget* parent = nullptr);
    ~MainWindow() override;

    // Creates the pipeline and, once it is ready, opens the source.
    void start();
    const LiveAnalysis& liveAnalysis() const { return *m_live; }

    // How the last retention purge went, in a few words ("Records · purge
    // failed"), with the details (where the records are, why) as its tooltip;
    // a problem is shown in words, not colour alone.
    void showRecordsState(const QString& text, const QString& details, bool problem);

    // "Live", "Reconnecting", ...: the words the status bar shows.
    static QString stateTitle(CaptureState state);

Q_SIGNALS:
    // Relayed from LiveAnalysis: nothing can be analysed (see there).
    void startupFailed(const QString& reason);

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void showSourceState(CaptureState state, const QString& message);
    void showFramesPerSecond(double framesPerSecond);
    void showResult(const AnalysisResult& result);

    LiveAnalysis* m_live = nullptr;
    CameraView* m_view = nullptr;
    QLabel* m_sourceState = nullptr;
    QLabel* m_framesPerSecond = nullptr;
    QLabel* m_analysisLatency = nullptr;
    QLabel* m_recordsState = nullptr;
};

} // namespace fg
