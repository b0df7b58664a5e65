// `facegate-cli bench queue` as the lead runs it for the README: one JSON
// object whose figures agree with each other and with the seeded mix, exit
// 0 whatever the timings, exit 2 on bad usage. Never a timing assertion.
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

namespace {

struct Run {
    int status = -1;
    QJsonObject json;
    QString out;
    QString err;
};

Run bench(const QStringList& words)
{
    QProcess process;
    process.start(QStringLiteral(FACEGATE_CLI), QStringList{QStringLiteral("bench"), QStringLiteral("queue")} + words);
    Run result;
    if (!process.waitForStarted(30000) || !process.waitForFinished(240000))
        return result;
    result.status = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    result.json = QJsonDocument::fromJson(result.out.toUtf8()).object();
    return result;
}

const QStringList kOperations{QStringLiteral("open"),
                              QStringLiteral("filter_flight"),
                              QStringLiteral("filter_camera"),
                              QStringLiteral("filter_officer"),
                              QStringLiteral("filter_reason_no_match"),
                              QStringLiteral("filter_state_resolved"),
                              QStringLiteral("filter_last_24_hours"),
                              QStringLiteral("sort_score_descending"),
                              QStringLiteral("sort_flight"),
                              QStringLiteral("last_page")};

qint64 sum(const QJsonObject& counts)
{
    qint64 total = 0;
    for (const QJsonValue& value : counts)
        total += value.toInteger();
    return total;
}

} // namespace

class TestQueueBench : public QObject {
    Q_OBJECT

private:
    Run m_run;
    QJsonObject operation(const QString& name) const
    {
        return m_run.json.value(QStringLiteral("operations")).toObject().value(name).toObject();
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_run = bench({QStringLiteral("--encounters"), QStringLiteral("3000"), QStringLiteral("--runs"), QStringLiteral("1")});
        QVERIFY2(m_run.status == 0, qPrintable(QStringLiteral("exit %1: %2").arg(m_run.status).arg(m_run.err)));
        QVERIFY2(!m_run.json.isEmpty(), qPrintable(m_run.out));
    }

    void reportFields()
    {
        const QJsonObject& r = m_run.json;
        QCOMPARE(r.value("benchmark").toString(), QStringLiteral("queue"));
        QCOMPARE(r.value("backend").toString(), QStringLiteral("sqlite"));
        QCOMPARE(r.value("encounters").toInteger(), 3000);
        QCOMPARE(r.value("runs").toInteger(), 1);
        QCOMPARE(r.value("goal_ms").toDouble(), 500.0);
        QCOMPARE(r.value("page_size").toInt(), 100);
        QVERIFY(r.value("seed_seconds").toDouble() > 0.0);
        QVERIFY(r.value("within_goal").isBool());
        const QJsonObject operations = r.value("operations").toObject();
        QStringList names = operations.keys();
        QStringList expected = kOperations;
        names.sort();
        expected.sort();
        QCOMPARE(names, expected);
        bool allUnder = true;
        for (const QString& name : kOperations) {
            const QJsonObject o = operation(name);
            for (const char* field : {"median_ms", "max_ms", "rows", "count", "query"})
                QVERIFY2(o.contains(QLatin1String(field)), qPrintable(name + QStringLiteral(": no ") + QLatin1String(field)));
            QVERIFY2(o.value("median_ms").toDouble() > 0.0, qPrintable(name));
            QVERIFY2(o.value("max_ms").toDouble() >= o.value("median_ms").toDouble(), qPrintable(name));
            allUnder = allUnder && o.value("max_ms").toDouble() < 500.0;
        }
        // The verdict agrees with the figures it is drawn from.
        QCOMPARE(r.value("within_goal").toBool(), allUnder);
        QCOMPARE(r.value("within_goal").toBool(), !m_run.err.contains(QStringLiteral("over the 500 ms goal")));
    }

    // 88% match, 8% no-match, 3% poor-quality, 1% no-face; no-match and
    // poor-quality queued, plus about 1% officer overrides.
    void seededMix()
    {
        const QJsonObject& r = m_run.json;
        const QJsonObject decisions = r.value("encounters_by_decision").toObject();
        const QJsonObject reasons = r.value("queue_items_by_reason").toObject();
        const QJsonObject states = r.value("queue_items_by_state").toObject();
        QCOMPARE(sum(decisions), 3000);
        const qint64 match = decisions.value("match").toInteger();
        const qint64 noMatch = decisions.value("no-match").toInteger();
        const qint64 poorQuality = decisions.value("poor-quality").toInteger();
        QVERIFY2(match > 2550 && match < 2730, qPrintable(QString::number(match)));
        QVERIFY2(noMatch > 180 && noMatch < 300, qPrintable(QString::number(noMatch)));
        QVERIFY2(poorQuality > 50 && poorQuality < 140, qPrintable(QString::number(poorQuality)));
        QVERIFY(decisions.value("no-face").toInteger() > 0);

        const qint64 items = r.value("queue_items").toInteger();
        QCOMPARE(sum(reasons), items);
        QCOMPARE(reasons.value("no-match").toInteger(), noMatch);
        QCOMPARE(reasons.value("poor-quality").toInteger(), poorQuality);
        const qint64 overrides = reasons.value("override").toInteger();
        QVERIFY2(overrides >= 10 && overrides <= 60, qPrintable(QString::number(overrides)));
        QVERIFY2(items > 270 && items < 450, qPrintable(QString::number(items)));

        QCOMPARE(sum(states), items);
        const qint64 resolved = states.value("resolved").toInteger();
        QVERIFY2(resolved > items * 35 / 100 && resolved < items * 65 / 100, qPrintable(QString::number(resolved)));
        QVERIFY(states.value("claimed").toInteger() > 0);
        QVERIFY(states.value("open").toInteger() > states.value("claimed").toInteger());
        QCOMPARE(r.value("supervisor_decisions").toInteger(), resolved);
    }

    // What each operation found agrees with the seed and with the others.
    void operationCounts()
    {
        const QJsonObject states = m_run.json.value("queue_items_by_state").toObject();
        const qint64 items = m_run.json.value("queue_items").toInteger();
        const qint64 waiting = states.value("open").toInteger() + states.value("claimed").toInteger();
        for (const QString& name : kOperations) {
            const QJsonObject o = operation(name);
            const qint64 rows = o.value("rows").toInteger();
            const qint64 count = o.value("count").toInteger();
            QVERIFY2(count >= rows && rows <= 100, qPrintable(QStringLiteral("%1: %2 rows of %3").arg(name).arg(rows).arg(count)));
            if (name != QLatin1String("last_page")) // a first page: full unless fewer match
                QVERIFY2(rows == std::min<qint64>(count, 100), qPrintable(name));
        }
        QCOMPARE(operation("open").value("count").toInteger(), waiting);
        QCOMPARE(operation("filter_state_resolved").value("count").toInteger(), states.value("resolved").toInteger());
        QCOMPARE(operation("filter_state_resolved").value("count").toInteger() + operation("open").value("count").toInteger(),
                 items);
        // A sort changes the order, not what is counted.
        QCOMPARE(operation("sort_score_descending").value("count").toInteger(), waiting);
        QCOMPARE(operation("sort_flight").value("count").toInteger(), waiting);
        QCOMPARE(operation("last_page").value("count").toInteger(), waiting);
        QCOMPARE(operation("last_page").value("rows").toInteger(), waiting - (waiting - 1) / 100 * 100);
        // A filter narrows the waiting items, and finds some.
        for (const char* name : {"filter_flight", "filter_camera", "filter_officer", "filter_reason_no_match",
                                 "filter_last_24_hours"}) {
            const qint64 count = operation(QLatin1String(name)).value("count").toInteger();
            QVERIFY2(count > 0 && count < waiting, qPrintable(QStringLiteral("%1: %2 of %3").arg(QLatin1String(name)).arg(count).arg(waiting)));
        }
    }

    void badUsage_data()
    {
        QTest::addColumn<QStringList>("words");
        QTest::addColumn<QString>("named");
        QTest::newRow("zero encounters") << QStringList{"--encounters", "0"} << QStringLiteral("--encounters \"0\"");
        QTest::newRow("encounters not a number") << QStringList{"--encounters", "abc"} << QStringLiteral("--encounters \"abc\"");
        QTest::newRow("zero runs") << QStringList{"--runs", "0"} << QStringLiteral("--runs \"0\"");
        QTest::newRow("unknown option") << QStringList{"--gallery-size", "5"} << QStringLiteral("gallery-size");
        QTest::newRow("extra word") << QStringList{"again"} << QStringLiteral("usage: facegate-cli bench queue");
    }
    void badUsage()
    {
        QFETCH(QStringList, words);
        QFETCH(QString, named);
        const Run run = bench(words);
        QCOMPARE(run.status, 2);
        QVERIFY2(run.out.isEmpty(), qPrintable(run.out));
        QVERIFY2(run.err.contains(named), qPrintable(run.err));
    }
};

QTEST_GUILESS_MAIN(TestQueueBench)
#include "tst_queuebench.moc"
