#pragma once

#include "core/capture/CaptureState.h"

#include <QFrame>
#include <QString>

class QLabel;

namespace fg {

class CameraView;

// One camera of the officer's grid: its live view (CameraView) over a caption
// with the source's short name, its state in words and its frames per
// second. The tile the desk captures from says so in words ("Capture
// camera") and is drawn with a thick solid border; the others have a thin
// dashed one, so the mark never rests on colour alone. A click on the tile
// asks for it to become the capture camera (selected()).
// Object names for tests: "cameraTile<N>", and its "cameraTile<N>Name",
// "cameraTile<N>State", "cameraTile<N>Fps", "cameraTile<N>Capture" labels
// (N from 0); its view is "cameraTile<N>View" until MainWindow renames it.
class CameraTile : public QFrame {
    Q_OBJECT
public:
    // `sourceSpec` in FrameSourceFactory words; `index` from 0 (Ctrl+index+1 selects it).
    CameraTile(int index, const QString& sourceSpec, QWidget* parent = nullptr);

    int index() const { return m_index; }
    CameraView* view() const { return m_view; }

    void setSourceState(CaptureState state, const QString& message);
    void setFramesPerSecond(double framesPerSecond);
    CaptureState sourceState() const { return m_state; }
    double framesPerSecond() const { return m_fps; }

    void setCaptureCamera(bool capture);
    bool isCaptureCamera() const { return m_capture; }

    // "Live", "Reconnecting", "Lost", ...: a source's state as the officer reads it.
    static QString stateTitle(CaptureState state);
    // A source's description from core/capture ("video file PATH", "camera
    // /dev/video0", "image folder PATH", "stream URL") with its kind in the
    // interface language; other words as they came.
    static QString sourceWords(const QString& description);
    // What the caption calls a source: a file's or folder's name, a stream's
    // host and path (never its user name, password or query), a camera's device.
    static QString shortName(const QString& sourceSpec);

Q_SIGNALS:
    void selected(int index);

protected:
    void mousePressEvent(QMouseEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void applyStyle();

    int m_index = 0;
    QString m_spec;
    CameraView* m_view = nullptr;
    QLabel* m_name = nullptr;
    QLabel* m_stateLabel = nullptr;
    QLabel* m_fpsLabel = nullptr;
    QLabel* m_captureMark = nullptr;
    CaptureState m_state = CaptureState::Stopped;
    QString m_message;
    double m_fps = 0.0;
    bool m_capture = false;
};

} // namespace fg
