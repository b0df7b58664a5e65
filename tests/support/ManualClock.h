#pragma once

#include "core/storage/Clock.h"

#include <QDateTime>

namespace fg::test {

// A clock the test sets and advances by hand. Its steady time moves only
// with advanceMs()/advanceSeconds(), not with set() (a wall clock stepped).
class ManualClock final : public Clock {
public:
    explicit ManualClock(QDateTime start = QDateTime(QDate(2026, 11, 26), QTime(9, 0), Qt::UTC))
        : m_now(std::move(start))
    {
    }

    QDateTime now() const override { return m_now; }
    qint64 steadyMs() const override { return m_steadyMs; }
    void set(const QDateTime& instant) { m_now = instant.toUTC(); }
    void advanceMs(qint64 milliseconds)
    {
        m_now = m_now.addMSecs(milliseconds);
        m_steadyMs += milliseconds;
    }
    void advanceSeconds(qint64 seconds) { advanceMs(seconds * 1000); }

private:
    QDateTime m_now;
    qint64 m_steadyMs = 1'000'000;
};

} // namespace fg::test
