#pragma once

#include "core/storage/Clock.h"

#include <QDateTime>

namespace fg::test {

// A clock the test sets and advances by hand.
class ManualClock final : public Clock {
public:
    explicit ManualClock(QDateTime start = QDateTime(QDate(2026, 11, 26), QTime(9, 0), Qt::UTC))
        : m_now(std::move(start))
    {
    }

    QDateTime now() const override { return m_now; }
    void set(const QDateTime& instant) { m_now = instant.toUTC(); }
    void advanceMs(qint64 milliseconds) { m_now = m_now.addMSecs(milliseconds); }
    void advanceSeconds(qint64 seconds) { m_now = m_now.addSecs(seconds); }

private:
    QDateTime m_now;
};

} // namespace fg::test
