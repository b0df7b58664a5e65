// The retention rules of DOMAIN.md: which rule a traveler falls under, how
// long each keeps a record, and that a limit may be set shorter, never longer.
#include "core/workflow/RetentionPolicy.h"

#include <QTest>

using fg::RetentionPolicy;
using Rule = RetentionPolicy::Rule;

Q_DECLARE_METATYPE(RetentionPolicy::Rule)

class TestRetentionPolicy : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void ruleFor_data();
    void ruleFor();
    void names();
    void defaultsAreTheMaxima();
    void dueAt_data();
    void dueAt();
    void create_data();
    void create();
};

void TestRetentionPolicy::ruleFor_data()
{
    QTest::addColumn<QString>("citizenship");
    QTest::addColumn<bool>("exempt");
    QTest::addColumn<Rule>("expected");
    QTest::newRow("U.S. citizen") << "USA" << false << Rule::UsCitizenOrExempt;
    QTest::newRow("U.S. citizen, lower case") << "usa" << false << Rule::UsCitizenOrExempt;
    QTest::newRow("U.S. citizen, padded") << " USA " << false << Rule::UsCitizenOrExempt;
    QTest::newRow("U.S. citizen, exempt") << "USA" << true << Rule::UsCitizenOrExempt;
    QTest::newRow("exempt French traveler") << "FRA" << true << Rule::UsCitizenOrExempt;
    QTest::newRow("French traveler") << "FRA" << false << Rule::InScope;
    QTest::newRow("German traveler (D<<)") << "D<<" << false << Rule::InScope;
    QTest::newRow("U.S. minor outlying islands is not USA") << "UMI" << false << Rule::InScope;
    // Unknown: possibly a U.S. citizen, so the shorter limit.
    QTest::newRow("unknown citizenship") << "" << false << Rule::UsCitizenOrExempt;
    QTest::newRow("unspecified nationality (XXX)") << "XXX" << false << Rule::UsCitizenOrExempt;
    QTest::newRow("unknown citizenship, exempt") << "" << true << Rule::UsCitizenOrExempt;
}

void TestRetentionPolicy::ruleFor()
{
    QFETCH(QString, citizenship);
    QFETCH(bool, exempt);
    QFETCH(Rule, expected);
    QCOMPARE(RetentionPolicy::ruleFor(citizenship, exempt), expected);
}

void TestRetentionPolicy::names()
{
    QCOMPARE(RetentionPolicy::ruleName(Rule::UsCitizenOrExempt), QStringLiteral("us-citizen-or-exempt-12h"));
    QCOMPARE(RetentionPolicy::ruleName(Rule::InScope), QStringLiteral("in-scope-14d"));
    for (const Rule rule : RetentionPolicy::kRules)
        QCOMPARE(RetentionPolicy::ruleFromName(RetentionPolicy::ruleName(rule)), std::optional(rule));
    QCOMPARE(RetentionPolicy::ruleFromName(QStringLiteral("in-scope-15d")), std::nullopt);
    QCOMPARE(RetentionPolicy::ruleFromName(QString()), std::nullopt);
}

void TestRetentionPolicy::defaultsAreTheMaxima()
{
    const RetentionPolicy policy;
    QCOMPARE(policy.keepSeconds(Rule::UsCitizenOrExempt), 12 * 3600);
    QCOMPARE(policy.keepSeconds(Rule::InScope), 14 * 24 * 3600);
    QString error;
    const std::optional<RetentionPolicy> maxima = RetentionPolicy::create(12 * 3600, 14 * 24 * 3600, &error);
    QVERIFY2(maxima, qPrintable(error));
    QCOMPARE(maxima->keepSeconds(Rule::UsCitizenOrExempt), 12 * 3600);
    QCOMPARE(maxima->keepSeconds(Rule::InScope), 14 * 24 * 3600);
}

void TestRetentionPolicy::dueAt_data()
{
    QTest::addColumn<Rule>("rule");
    QTest::addColumn<QDateTime>("verifiedAt");
    QTest::addColumn<QDateTime>("expected");
    const QDateTime morning(QDate(2026, 11, 26), QTime(9, 0), Qt::UTC);
    QTest::newRow("12 h") << Rule::UsCitizenOrExempt << morning << QDateTime(QDate(2026, 11, 26), QTime(21, 0), Qt::UTC);
    QTest::newRow("14 days") << Rule::InScope << morning << QDateTime(QDate(2026, 12, 10), QTime(9, 0), Qt::UTC);
    // An instant given with an offset is the same instant: 09:00+02:00 is 07:00Z.
    QTest::newRow("12 h from an offset")
        << Rule::UsCitizenOrExempt << QDateTime(QDate(2026, 3, 28), QTime(9, 0), Qt::OffsetFromUTC, 2 * 3600)
        << QDateTime(QDate(2026, 3, 28), QTime(19, 0), Qt::UTC);
    // Across the end of a month and a year, with milliseconds.
    QTest::newRow("14 days over new year") << Rule::InScope
                                           << QDateTime(QDate(2026, 12, 25), QTime(23, 59, 59, 999), Qt::UTC)
                                           << QDateTime(QDate(2027, 1, 8), QTime(23, 59, 59, 999), Qt::UTC);
}

void TestRetentionPolicy::dueAt()
{
    QFETCH(Rule, rule);
    QFETCH(QDateTime, verifiedAt);
    QFETCH(QDateTime, expected);
    const RetentionPolicy policy;
    QCOMPARE(policy.dueAt(rule, verifiedAt), expected);
    QCOMPARE(policy.dueAt(rule, verifiedAt).timeSpec(), Qt::UTC);
    QCOMPARE(policy.dueAtMs(rule, verifiedAt.toMSecsSinceEpoch()), expected.toMSecsSinceEpoch());
    // Due exactly at dueAt: the cutoff at that instant is verifiedAt itself.
    QCOMPARE(policy.verifiedCutoffMs(rule, expected.toMSecsSinceEpoch()), verifiedAt.toMSecsSinceEpoch());
}

void TestRetentionPolicy::create_data()
{
    QTest::addColumn<qint64>("shortSeconds");
    QTest::addColumn<qint64>("longSeconds");
    QTest::addColumn<QString>("expectedError"); // empty: accepted
    const qint64 hour = 3600;
    const qint64 day = 24 * hour;
    QTest::newRow("shorter") << 6 * hour << 7 * day << QString();
    QTest::newRow("one second each") << qint64(1) << qint64(1) << QString();
    QTest::newRow("the maxima") << 12 * hour << 14 * day << QString();
    QTest::newRow("12 h + 1 s") << 12 * hour + 1 << 14 * day << QStringLiteral("43201 s is longer than the rule allows");
    QTest::newRow("24 h") << 24 * hour << 14 * day << QStringLiteral("86400 s (24 h) is longer");
    QTest::newRow("15 days") << 12 * hour << 15 * day << QStringLiteral("1296000 s (15 days) is longer");
    QTest::newRow("14 days + 1 s") << 12 * hour << 14 * day + 1 << QStringLiteral("1209601 s is longer");
    QTest::newRow("zero short") << qint64(0) << 14 * day << QStringLiteral("0 s is not a duration");
    QTest::newRow("negative short") << qint64(-3600) << 14 * day << QStringLiteral("-3600 s is not a duration");
    QTest::newRow("zero long") << 12 * hour << qint64(0) << QStringLiteral("in-scope travelers: 0 s");
    QTest::newRow("negative long") << 12 * hour << qint64(-1) << QStringLiteral("-1 s is not a duration");
}

void TestRetentionPolicy::create()
{
    QFETCH(qint64, shortSeconds);
    QFETCH(qint64, longSeconds);
    QFETCH(QString, expectedError);
    QString error;
    const std::optional<RetentionPolicy> policy = RetentionPolicy::create(shortSeconds, longSeconds, &error);
    if (expectedError.isEmpty()) {
        QVERIFY2(policy, qPrintable(error));
        QCOMPARE(policy->keepSeconds(Rule::UsCitizenOrExempt), shortSeconds);
        QCOMPARE(policy->keepSeconds(Rule::InScope), longSeconds);
        const QDateTime verified(QDate(2026, 11, 26), QTime(9, 0), Qt::UTC);
        QCOMPARE(policy->dueAt(Rule::UsCitizenOrExempt, verified), verified.addSecs(shortSeconds));
        QCOMPARE(policy->dueAt(Rule::InScope, verified), verified.addSecs(longSeconds));
    } else {
        QVERIFY(!policy);
        QVERIFY2(error.contains(expectedError), qPrintable(error));
    }
}

QTEST_APPLESS_MAIN(TestRetentionPolicy)
#include "tst_retentionpolicy.moc"
