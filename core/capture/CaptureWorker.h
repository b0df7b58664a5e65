#pragma once

#include "core/capture/CaptureState.h"
#include "core/capture/Frame.h"
#include "core/capture/FrameSource.h"

#include <QObject>
#include <QString>

#include <atomic>
#include <memory>

namespace fg {

// Pulls frames from one FrameSource on a worker thread and hands them on by
// signal. Typical wiring (the GUI thread never waits on the worker):
//
//   auto* thread = new QThread;
//   auto* worker = new CaptureWorker(std::move(source));
//   worker->moveToThread(thread);
//   connect(thread, &QThread::started, worker, &CaptureWorker::run);
//   connect(worker, &CaptureWorker::finished, thread, &QThread::quit);
//   connect(thread, &QThread::finished, worker, &QObject::deleteLater);
//   connect(worker, &CaptureWorker::frameReady, view, &View::showFrame); // queued
//   thread->start();
//   ...
//   worker->stop(); // from any thread; returns at once
//
// run() loops until stop(), the end of a file or folder, or a loss that the
// source cannot recover from. stop() takes effect between frames and cuts
// short pacing and reconnection waits; a blocking device read is bounded by
// the source's read timeout.
class CaptureWorker : public QObject {
    Q_OBJECT
public:
    explicit CaptureWorker(std::unique_ptr<FrameSource> source, QObject* parent = nullptr);
    ~CaptureWorker() override;

    // Thread-safe and non-blocking.
    void stop();
    bool isRunning() const { return m_running.load(); }
    // Thread-safe: frames per second measured over the last second or so.
    double framesPerSecond() const { return m_fps.load(); }
    // Thread-safe: frames delivered since run() began.
    qint64 framesDelivered() const { return m_delivered.load(); }
    QString description() const { return m_description; }

public Q_SLOTS:
    // The capture loop; returns when it ends. Call it on the worker thread.
    void run();

Q_SIGNALS:
    void frameReady(const fg::Frame& frame);
    void stateChanged(fg::CaptureState state, const QString& message);
    void framesPerSecondChanged(double framesPerSecond);
    // A non-fatal problem (an image skipped, and why).
    void warning(const QString& message);
    // run() has returned.
    void finished();

private:
    void setState(CaptureState state, const QString& message);
    void emitWarnings();

    std::unique_ptr<FrameSource> m_source;
    QString m_description;
    std::atomic<bool> m_stopRequested{false};
    std::atomic<bool> m_running{false};
    std::atomic<double> m_fps{0.0};
    std::atomic<qint64> m_delivered{0};
    CaptureState m_state = CaptureState::Stopped;
};

} // namespace fg
