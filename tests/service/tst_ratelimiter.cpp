// RateLimiter: a token bucket per client certificate, stepped with a manual
// clock: the burst, the refill, Retry-After, clients apart, a wall clock set back or forward.
#include "core/service/RateLimiter.h"
#include "tests/support/ManualClock.h"

#include <QTest>

using namespace fg;

class TestRateLimiter : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void burstThenRefused();
    void refillsAtTheRate();
    void retryAfterCoversTheWait();
    void clientsHaveTheirOwnBuckets();
    void wallClockSetBackFreezesNothing();
    void zeroRateTurnsLimitingOff();
};

void TestRateLimiter::burstThenRefused()
{
    test::ManualClock clock;
    RateLimiter limiter(clock, 1.0, 3);
    QCOMPARE(limiter.available(QStringLiteral("a")), 3.0);
    for (int i = 0; i < 3; ++i)
        QVERIFY2(limiter.take(QStringLiteral("a")).allowed, qPrintable(QString::number(i)));
    const RateLimiter::Decision refused = limiter.take(QStringLiteral("a"));
    QVERIFY(!refused.allowed);
    QCOMPARE(refused.retryAfterSeconds, 1);
}

void TestRateLimiter::refillsAtTheRate()
{
    test::ManualClock clock;
    RateLimiter limiter(clock, 2.0, 2); // a token every 500 ms
    QVERIFY(limiter.take(QStringLiteral("a")).allowed);
    QVERIFY(limiter.take(QStringLiteral("a")).allowed);
    QVERIFY(!limiter.take(QStringLiteral("a")).allowed);
    clock.advanceMs(499);
    QVERIFY(!limiter.take(QStringLiteral("a")).allowed);
    clock.advanceMs(1);
    QVERIFY(limiter.take(QStringLiteral("a")).allowed);
    QVERIFY(!limiter.take(QStringLiteral("a")).allowed);
    // A long pause fills the bucket to the burst, not beyond.
    clock.advanceSeconds(3600);
    QCOMPARE(limiter.available(QStringLiteral("a")), 2.0);
    QVERIFY(limiter.take(QStringLiteral("a")).allowed);
    QVERIFY(limiter.take(QStringLiteral("a")).allowed);
    QVERIFY(!limiter.take(QStringLiteral("a")).allowed);
}

void TestRateLimiter::retryAfterCoversTheWait()
{
    test::ManualClock clock;
    RateLimiter limiter(clock, 0.2, 1); // a token every 5 s
    QVERIFY(limiter.take(QStringLiteral("a")).allowed);
    clock.advanceMs(1500);
    const RateLimiter::Decision refused = limiter.take(QStringLiteral("a"));
    QVERIFY(!refused.allowed);
    QCOMPARE(refused.retryAfterSeconds, 4); // 3.5 s left, rounded up
    clock.advanceSeconds(refused.retryAfterSeconds);
    QVERIFY(limiter.take(QStringLiteral("a")).allowed);
}

void TestRateLimiter::clientsHaveTheirOwnBuckets()
{
    test::ManualClock clock;
    RateLimiter limiter(clock, 1.0, 1);
    QVERIFY(limiter.take(QStringLiteral("camera")).allowed);
    QVERIFY(!limiter.take(QStringLiteral("camera")).allowed);
    QVERIFY(limiter.take(QStringLiteral("workstation")).allowed);
}

void TestRateLimiter::wallClockSetBackFreezesNothing()
{
    test::ManualClock clock;
    RateLimiter limiter(clock, 1.0, 1);
    QVERIFY(limiter.take(QStringLiteral("a")).allowed);
    QVERIFY(!limiter.take(QStringLiteral("a")).allowed);
    // An administrator (or NTP) sets the wall clock back an hour: a second
    // later a token is back all the same, not an hour and a second later.
    clock.set(clock.now().addSecs(-3600));
    clock.advanceSeconds(1);
    QVERIFY(limiter.take(QStringLiteral("a")).allowed);
    QVERIFY(!limiter.take(QStringLiteral("a")).allowed);
    // Set forward a day: no burst of refills either.
    clock.set(clock.now().addDays(1));
    QVERIFY(!limiter.take(QStringLiteral("a")).allowed);
}

void TestRateLimiter::zeroRateTurnsLimitingOff()
{
    test::ManualClock clock;
    RateLimiter limiter(clock, 0.0, 1);
    for (int i = 0; i < 100; ++i)
        QVERIFY(limiter.take(QStringLiteral("a")).allowed);
}

QTEST_GUILESS_MAIN(TestRateLimiter)
#include "tst_ratelimiter.moc"
