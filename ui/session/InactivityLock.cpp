#include "ui/session/InactivityLock.h"

#include <QCoreApplication>
#include <QEvent>

namespace fg {

InactivityLock::InactivityLock(std::chrono::milliseconds timeout, QObject* parent)
    : QObject(parent)
    , m_timeout(timeout)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, [this] { Q_EMIT idle(); });
    QCoreApplication::instance()->installEventFilter(this);
}

InactivityLock::~InactivityLock()
{
    if (QCoreApplication::instance())
        QCoreApplication::instance()->removeEventFilter(this);
}

void InactivityLock::start()
{
    m_timer.start(m_timeout);
}

void InactivityLock::stop()
{
    m_timer.stop();
}

bool InactivityLock::eventFilter(QObject* watched, QEvent* event)
{
    switch (event->type()) {
    case QEvent::KeyPress:
    case QEvent::MouseButtonPress:
    case QEvent::MouseMove:
    case QEvent::Wheel:
    case QEvent::TouchBegin:
    case QEvent::TouchUpdate:
        if (m_timer.isActive())
            m_timer.start(m_timeout); // input: the wait starts again
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

} // namespace fg
