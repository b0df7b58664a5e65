#pragma once

// How the officer's end-to-end tests drive the workstation on the replayed
// clip (tst_workstation in process, tst_workstationservice through
// facegate-matchd): the clip's length, waiting for a position in it,
// answering modal dialogs, and giving the window its activation back.
#include "core/capture/VideoFileSource.h"
#include "tests/support/TestData.h"
#include "core/live/AnalysisResult.h"
#include "core/live/LiveAnalysis.h"

#include <QApplication>
#include <QDeadlineTimer>
#include <QTest>
#include <QTimer>
#include <QWidget>

#include <functional>

namespace fg::test {

inline constexpr int kGenerousMs = 180000;

// Frames in one pass of the clip as the replay delivers them (the index of
// a frame counts on across loops).
inline qint64 framesPerLoop(QString* error)
{
    VideoFileSource clip(datasetPath(QStringLiteral("faces-dev/video/short_hamilton_clip.mp4")));
    if (!clip.open(error))
        return 0;
    qint64 frames = 0;
    Frame frame;
    while (clip.read(&frame, error) == FrameSource::ReadStatus::Frame)
        ++frames;
    return frames;
}

// Waits until the camera's latest analysed frame lies in [from, to) of the
// clip, so that the officer's capture key catches who is in view there.
inline bool waitForClipPosition(LiveAnalysis& camera, qint64 loop, qint64 from, qint64 to)
{
    qint64 position = -1;
    const QMetaObject::Connection watch = QObject::connect(
        &camera, &LiveAnalysis::resultReady, [&](const AnalysisResult& result) { position = result.frameIndex % loop; });
    const QDeadlineTimer deadline(kGenerousMs);
    while (!(position >= from && position < to) && !deadline.hasExpired())
        QTest::qWait(5);
    QObject::disconnect(watch);
    return position >= from && position < to;
}

// Runs `act` on the modal widget of type T once it is up (a QFileDialog
// opened by a menu action, the opt-out dialog), from the nested event loop.
template <typename T>
void whenModal(QObject* context, std::function<void(T*)> act)
{
    auto* poll = new QTimer(context);
    QObject::connect(poll, &QTimer::timeout, context, [poll, act] {
        if (auto* modal = qobject_cast<T*>(QApplication::activeModalWidget())) {
            poll->stop();
            poll->deleteLater();
            act(modal);
        }
    });
    poll->start(50);
}

// The officer's keys are window shortcuts: they need the window active. The
// offscreen platform has no window manager to give the activation back when
// a modal dialog closes, so the test does it.
inline bool activate(QWidget& window)
{
    window.activateWindow();
    return QTest::qWaitForWindowActive(&window);
}

} // namespace fg::test
