// `facegate-cli bench service` as the lead runs it for the README, made short:
// 4 clients for 2 seconds against the in-process service over mutual TLS.
// One JSON object whose figures agree with each other, no errors, the
// in-process figure beside it; exit 2 on bad usage. Never a timing assertion.
#include "tests/support/TestData.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

namespace {

struct Run {
    int status = -1;
    QJsonObject json;
    QString err;
};

Run bench(const QStringList& words)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("FACEGATE_DATASETS"), fg::test::datasetsDir());
    environment.insert(QStringLiteral("FACEGATE_MODELS"), fg::test::modelsDir());
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(FACEGATE_CLI), QStringList{QStringLiteral("bench"), QStringLiteral("service")} + words);
    Run result;
    if (!process.waitForStarted(30000) || !process.waitForFinished(240000))
        return result;
    result.status = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    result.err = QString::fromUtf8(process.readAllStandardError());
    result.json = QJsonDocument::fromJson(process.readAllStandardOutput()).object();
    return result;
}

} // namespace

class TestServiceBench : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void shortRunWithoutErrors();
    void badUsage_data();
    void badUsage();
};

void TestServiceBench::shortRunWithoutErrors()
{
    FG_REQUIRE_DATASETS();
    const Run run = bench({QStringLiteral("--clients"), QStringLiteral("4"), QStringLiteral("--seconds"), QStringLiteral("2")});
    QVERIFY2(run.status == 0, qPrintable(run.err));
    const QJsonObject& json = run.json;
    QCOMPARE(json.value(QStringLiteral("benchmark")).toString(), QStringLiteral("service"));
    QCOMPARE(json.value(QStringLiteral("clients")).toInt(), 4);
    QCOMPARE(json.value(QStringLiteral("seconds")).toInt(), 2);
    for (const char* field : {"requests_per_second", "latency_ms_p50", "latency_ms_p99", "latency_ms_max", "wall_seconds"})
        QVERIFY2(json.value(QLatin1String(field)).isDouble(), field);
    // Every client got at least one answer, and none was an error.
    QVERIFY(json.value(QStringLiteral("requests")).toInt() >= 4);
    QCOMPARE(json.value(QStringLiteral("errors")).toInt(), 0);
    QVERIFY(json.value(QStringLiteral("errors_by_status")).toObject().isEmpty());
    QVERIFY(json.value(QStringLiteral("route")).toString().contains(QStringLiteral("mutual TLS")));
    QVERIFY(json.value(QStringLiteral("gallery_size")).toInt() > 0);
    // The percentiles are ordered, and the rate agrees with the count and the time.
    const double p50 = json.value(QStringLiteral("latency_ms_p50")).toDouble();
    const double p99 = json.value(QStringLiteral("latency_ms_p99")).toDouble();
    QVERIFY(p50 > 0 && p50 <= p99 && p99 <= json.value(QStringLiteral("latency_ms_max")).toDouble());
    QCOMPARE(qRound(json.value(QStringLiteral("requests_per_second")).toDouble() * 1000),
             qRound(json.value(QStringLiteral("requests")).toInt() / json.value(QStringLiteral("wall_seconds")).toDouble()
                    * 1000));
    const QJsonObject inProcess = json.value(QStringLiteral("in_process")).toObject();
    QVERIFY(inProcess.value(QStringLiteral("runs")).toInt() > 0);
    QVERIFY(inProcess.value(QStringLiteral("latency_ms_p50")).toDouble() > 0);
    QVERIFY(inProcess.value(QStringLiteral("requests_per_second")).toDouble() > 0);
}

void TestServiceBench::badUsage_data()
{
    QTest::addColumn<QStringList>("words");
    QTest::newRow("no clients") << QStringList{QStringLiteral("--clients"), QStringLiteral("0")};
    QTest::newRow("clients not a number") << QStringList{QStringLiteral("--clients"), QStringLiteral("many")};
    QTest::newRow("too long") << QStringList{QStringLiteral("--seconds"), QStringLiteral("100000")};
    QTest::newRow("unknown option") << QStringList{QStringLiteral("--threads"), QStringLiteral("2")};
    QTest::newRow("extra word") << QStringList{QStringLiteral("now")};
    QTest::newRow("gallery size with a manifest")
        << QStringList{QStringLiteral("--gallery-size"), QStringLiteral("5"), QStringLiteral("--manifest"), QStringLiteral("x.csv")};
}

void TestServiceBench::badUsage()
{
    QFETCH(QStringList, words);
    const Run run = bench(words);
    QCOMPARE(run.status, 2);
    QVERIFY2(run.err.contains(QStringLiteral("usage: facegate-cli bench service")), qPrintable(run.err));
    QVERIFY(run.json.isEmpty());
}

QTEST_GUILESS_MAIN(TestServiceBench)
#include "tst_servicebench.moc"
