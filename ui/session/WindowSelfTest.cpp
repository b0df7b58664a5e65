#include "ui/session/WindowSelfTest.h"

#include <QApplication>
#include <QEvent>
#include <QMessageBox>
#include <QTimer>
#include <QWidget>
#include <QWindow>

#include <cstdio>

namespace fg {

namespace {

// The widget whose native window this is, if it is a top-level one.
QWidget* topLevelWidgetOf(const QWindow* window)
{
    const QWidgetList widgets = QApplication::topLevelWidgets();
    for (QWidget* widget : widgets) {
        if (widget->windowHandle() == window)
            return widget;
    }
    return nullptr;
}

} // namespace

WindowSelfTest::WindowSelfTest(std::chrono::milliseconds deadline, QObject* parent)
    : QObject(parent)
{
    qApp->installEventFilter(this);
    QTimer::singleShot(deadline, this, [this, deadline] {
        finish(1, QStringLiteral("facegate: --self-test-window: no window was shown within %1 s")
                      .arg(std::chrono::duration<double>(deadline).count()));
    });
}

bool WindowSelfTest::eventFilter(QObject* watched, QEvent* event)
{
    if (m_status != -1 || event->type() != QEvent::Expose || !watched->isWindowType())
        return false;
    const auto* window = static_cast<QWindow*>(watched);
    QWidget* widget = topLevelWidgetOf(window);
    if (!widget || !window->isExposed())
        return false;
    if (const auto* box = qobject_cast<QMessageBox*>(widget)) {
        finish(1, QStringLiteral("facegate: --self-test-window: a message box was shown instead of the workstation: "
                                 "%1 %2 %3")
                      .arg(box->windowTitle(), box->text(), box->informativeText())
                      .simplified());
        return false;
    }
    finish(0, QStringLiteral("facegate: --self-test-window: shown: \"%1\" (%2, %3x%4)")
                  .arg(widget->windowTitle(), QString::fromLatin1(widget->metaObject()->className()))
                  .arg(widget->width())
                  .arg(widget->height()));
    return false;
}

void WindowSelfTest::finish(int status, const QString& line)
{
    if (m_status != -1)
        return;
    m_status = status;
    std::fprintf(status == 0 ? stdout : stderr, "%s\n", qPrintable(line));
    std::fflush(status == 0 ? stdout : stderr);
    qApp->removeEventFilter(this);
    // Every event loop, a message box's own included, ends with this status.
    QCoreApplication::exit(status);
}

} // namespace fg
