// The accuracy gate: `facegate-cli eval` on the LFW development set must keep
// the figures the issue asks for (README, "Accuracy"). Slow: it enrols 3,811
// photos twice.
#include "tests/support/TestData.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QtTest>

namespace {
QJsonObject eval(const QStringList& arguments, QString* err)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (!env.contains(QStringLiteral("FACEGATE_MODELS")))
        env.insert(QStringLiteral("FACEGATE_MODELS"), fg::test::modelsDir());
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(FACEGATE_CLI), QStringList{QStringLiteral("eval")} + arguments);
    process.waitForFinished(-1);
    *err = QString::fromUtf8(process.readAllStandardError());
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        return {};
    return QJsonDocument::fromJson(process.readAllStandardOutput()).object();
}
} // namespace

class TestLfwAccuracy : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { FG_REQUIRE_DATASETS(); }

    void pairsProtocol()
    {
        QString err;
        const QJsonObject r = eval({QStringLiteral("--pairs"), fg::test::datasetPath(QStringLiteral("lfw-dev/pairs.csv"))}, &err);
        QVERIFY2(!r.isEmpty(), qPrintable(err));
        qInfo("LFW pairs: accuracy %.4f +- %.4f, EER %.4f, %d images, %d failed to enrol", r[QStringLiteral("accuracy")].toDouble(),
              r[QStringLiteral("accuracy_std")].toDouble(), r[QStringLiteral("eer")].toDouble(),
              r[QStringLiteral("images")].toInt(), r[QStringLiteral("failed_to_enroll")].toInt());
        QCOMPARE(r[QStringLiteral("images")].toInt(), 3811);
        QCOMPARE(r[QStringLiteral("genuine_pairs")].toInt(), 1500);
        QCOMPARE(r[QStringLiteral("impostor_pairs")].toInt(), 1500);
        QCOMPARE(r[QStringLiteral("failed_to_enroll")].toInt(), 0);
        QVERIFY(r[QStringLiteral("accuracy_protocol")].toString().contains(QStringLiteral("per fold")));
        QVERIFY2(r[QStringLiteral("accuracy")].toDouble() >= 0.985, "LFW accuracy fell below 98.5%");
    }

    void allPairs()
    {
        QString err;
        const QJsonObject r = eval({QStringLiteral("--labels"), fg::test::datasetPath(QStringLiteral("lfw-dev/labels.csv"))}, &err);
        QVERIFY2(!r.isEmpty(), qPrintable(err));
        const double tmr = r[QStringLiteral("tmr_at_fmr")][QStringLiteral("1e-3")].toDouble(-1);
        qInfo("LFW all pairs: %d genuine, %d impostor pairs, TMR@FMR1e-3 %.4f, TMR@FMR1e-4 %.4f", r[QStringLiteral("genuine_pairs")].toInt(),
              r[QStringLiteral("impostor_pairs")].toInt(), tmr, r[QStringLiteral("tmr_at_fmr")][QStringLiteral("1e-4")].toDouble(-1));
        QCOMPARE(r[QStringLiteral("failed_to_enroll")].toInt(), 0);
        QVERIFY(r[QStringLiteral("impostor_pairs")].toInt() >= 1000000);
        QVERIFY2(tmr >= 0.97, "TMR at FMR 1e-3 fell below 97%");
    }
};

QTEST_GUILESS_MAIN(TestLfwAccuracy)
#include "tst_lfwaccuracy.moc"
