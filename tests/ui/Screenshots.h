#pragma once

#include <QDir>
#include <QList>
#include <QSize>
#include <QString>
#include <QTest>
#include <QWidget>

namespace fg::test {

// FACEGATE_SCREENSHOTS=DIR: the window as the officer sees it, saved as
// DIR/<name>-<W>x<H>.png at each workstation screen size (docs/ holds the
// committed ones; README says how they are made). Nothing without the variable.
inline void saveScreenshots(QWidget& window, const QString& name,
                            const QList<QSize>& sizes = {QSize(1366, 768), QSize(1920, 1080)})
{
    const QString shots = qEnvironmentVariable("FACEGATE_SCREENSHOTS");
    if (shots.isEmpty())
        return;
    const QSize before = window.size();
    for (const QSize& size : sizes) {
        window.resize(size);
        QTest::qWait(400); // a few frames at the new size
        window.grab().save(QDir(shots).filePath(QStringLiteral("%1-%2x%3.png").arg(name).arg(size.width()).arg(size.height())));
    }
    window.resize(before);
}

} // namespace fg::test
