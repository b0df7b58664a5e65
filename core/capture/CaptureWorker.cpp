#include "core/capture/CaptureWorker.h"

#include "core/capture/ReconnectingSource.h"

#include <QElapsedTimer>

#include <deque>

namespace fg {

namespace {
constexpr qint64 kFpsWindowMs = 1000;
constexpr qint64 kFpsReportEveryMs = 1000;
} // namespace

CaptureWorker::CaptureWorker(std::unique_ptr<FrameSource> source, QObject* parent)
    : QObject(parent)
    , m_source(std::move(source))
    , m_description(m_source ? m_source->description() : QStringLiteral("no source"))
{
    qRegisterMetaType<fg::Frame>();
    qRegisterMetaType<fg::CaptureState>();
}

CaptureWorker::~CaptureWorker() = default;

void CaptureWorker::stop()
{
    m_stopRequested.store(true);
    if (m_source)
        m_source->interrupt();
}

void CaptureWorker::setState(CaptureState state, const QString& message)
{
    if (state == m_state && state == CaptureState::Live)
        return;
    m_state = state;
    Q_EMIT stateChanged(state, message);
}

void CaptureWorker::emitWarnings()
{
    const QStringList warnings = m_source->takeWarnings();
    for (const QString& w : warnings)
        Q_EMIT warning(w);
}

void CaptureWorker::run()
{
    if (!m_source) {
        setState(CaptureState::Failed, QStringLiteral("no frame source"));
        Q_EMIT finished();
        return;
    }
    if (m_running.exchange(true))
        return; // already running
    m_delivered.store(0);
    m_fps.store(0.0);

    const auto* reconnecting = dynamic_cast<const ReconnectingSource*>(m_source.get());
    setState(CaptureState::Opening, QStringLiteral("opening %1").arg(m_description));
    QString error;
    if (m_stopRequested.load()) {
        setState(CaptureState::Stopped, QStringLiteral("%1 stopped").arg(m_description));
    } else if (!m_source->open(&error)) {
        setState(CaptureState::Failed, error);
    } else {
        if (reconnecting && reconnecting->state() == CaptureState::Reconnecting)
            setState(CaptureState::Reconnecting, reconnecting->lastError());

        QElapsedTimer clock;
        clock.start();
        std::deque<qint64> arrivals; // ms on `clock`, within the fps window
        qint64 lastReportMs = 0;
        Frame frame;
        while (!m_stopRequested.load()) {
            error.clear();
            const FrameSource::ReadStatus status = m_source->read(&frame, &error);
            emitWarnings();
            if (m_stopRequested.load())
                break;
            if (status == FrameSource::ReadStatus::Frame) {
                setState(CaptureState::Live, m_description);
                const qint64 now = clock.elapsed();
                arrivals.push_back(now);
                while (!arrivals.empty() && arrivals.front() < now - kFpsWindowMs)
                    arrivals.pop_front();
                if (arrivals.size() >= 2 && arrivals.back() > arrivals.front()) {
                    m_fps.store(double(arrivals.size() - 1) * 1000.0
                                / double(arrivals.back() - arrivals.front()));
                }
                m_delivered.fetch_add(1);
                Q_EMIT frameReady(frame);
                frame = Frame{}; // the receiver owns that image now
                if (now - lastReportMs >= kFpsReportEveryMs) {
                    lastReportMs = now;
                    Q_EMIT framesPerSecondChanged(m_fps.load());
                }
                continue;
            }
            arrivals.clear();
            m_fps.store(0.0);
            if (status == FrameSource::ReadStatus::EndOfStream) {
                setState(CaptureState::Finished,
                         error.isEmpty() ? QStringLiteral("end of %1").arg(m_description) : error);
                break;
            }
            // Lost
            if (m_source->recoversFromLoss()) {
                setState(CaptureState::Reconnecting, error);
                continue;
            }
            setState(CaptureState::Lost, error);
            break;
        }
        m_source->close();
    }
    if (m_stopRequested.load())
        setState(CaptureState::Stopped, QStringLiteral("%1 stopped").arg(m_description));
    m_fps.store(0.0);
    Q_EMIT framesPerSecondChanged(0.0);
    m_running.store(false);
    Q_EMIT finished();
}

} // namespace fg
