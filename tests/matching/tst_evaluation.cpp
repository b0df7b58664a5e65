#include "core/matching/Evaluation.h"

#include <QtTest>

#include <algorithm>

#include <cmath>
#include <limits>

using fg::Evaluation;
using fg::Score;

namespace {

std::vector<Score> scores(std::initializer_list<float> values)
{
    return std::vector<Score>(values.begin(), values.end());
}

} // namespace

class TestEvaluation : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void eerAndAccuracyByHand()
    {
        // Threshold 0.6: FMR 1/4 (0.6), FNMR 1/4 (0.4) -> EER 0.25.
        // Best accuracy 7/8, first reached for thresholds in (0.3, 0.4].
        QString error;
        const auto r = Evaluation::errorRates(scores({0.9f, 0.8f, 0.7f, 0.4f}), scores({0.1f, 0.2f, 0.3f, 0.6f}),
                                              &error);
        QVERIFY2(r, qPrintable(error));
        QCOMPARE(r->genuineCount, 4);
        QCOMPARE(r->impostorCount, 4);
        QCOMPARE(r->eer, 0.25);
        QCOMPARE(r->eerThreshold, 0.6f);
        QCOMPARE(r->accuracy, 0.875);
        QVERIFY(r->accuracyThreshold > 0.3f && r->accuracyThreshold <= 0.4f);
        QVERIFY(r->operatingPoints.empty()); // 4 impostors allow no FMR of 1e-2 or below
    }

    void perfectSeparation()
    {
        QString error;
        const auto r = Evaluation::errorRates(scores({0.9f, 0.8f}), scores({0.1f, 0.2f, 0.3f}), &error);
        QCOMPARE(r->eer, 0.0);
        QCOMPARE(r->accuracy, 1.0);
        QVERIFY(r->accuracyThreshold > 0.3f && r->accuracyThreshold <= 0.8f);
    }

    void missingScoresAreNeverSkipped()
    {
        // As eerAndAccuracyByHand plus one genuine and one impostor pair that
        // failed to enrol: both are wrong answers for accuracy (7/10), the
        // genuine one is a false non-match at every threshold.
        QString error;
        std::vector<Score> genuine = scores({0.9f, 0.8f, 0.7f, 0.4f});
        genuine.push_back(std::nullopt);
        std::vector<Score> impostor = scores({0.1f, 0.2f, 0.3f, 0.6f});
        impostor.push_back(std::numeric_limits<float>::quiet_NaN());
        const auto r = Evaluation::errorRates(genuine, impostor, &error);
        QVERIFY2(r, qPrintable(error));
        QCOMPARE(r->genuineCount, 5);
        QCOMPARE(r->impostorCount, 5);
        QCOMPARE(r->genuineMissing, 1);
        QCOMPARE(r->impostorMissing, 1);
        QCOMPARE(r->accuracy, 0.7);
        // Lowest threshold: FNMR is already 1/5 (the missing genuine).
        QCOMPARE(r->det.front().fnmr, 0.2);
        QCOMPARE(r->det.front().fmr, 0.8); // 4 present impostors of 5
        QCOMPARE(r->det.back().fnmr, 1.0);
        QCOMPARE(r->det.back().fmr, 0.0);
    }

    void tmrAtFmrByHand()
    {
        // 1000 impostors 0.000 .. 0.999: FMR 1e-2 allows 10 false matches,
        // so the threshold is just above the 11th highest (0.989).
        std::vector<Score> impostor;
        for (int i = 0; i < 1000; ++i)
            impostor.push_back(float(i) / 1000.0f);
        std::vector<Score> genuine = scores({0.995f, 0.99f, 0.985f, 0.5f});
        genuine.push_back(std::nullopt);
        QString error;
        const auto r = Evaluation::errorRates(genuine, impostor, &error);
        QVERIFY2(r, qPrintable(error));
        QCOMPARE(r->operatingPoints.size(), std::size_t(1)); // 1e-3 needs 10,000 impostors
        const fg::FmrOperatingPoint& p = r->operatingPoints.front();
        QCOMPARE(p.targetFmr, 1e-2);
        QCOMPARE(p.threshold, std::nextafter(989.0f / 1000.0f, 2.0f));
        QCOMPARE(p.fmr, 0.01);
        QCOMPARE(p.tmr, 0.4); // 0.995 and 0.99 of 5 genuine pairs (one missing)
    }

    void thresholdIsSmallestWithFmrAtMostTarget()
    {
        // Ties at the cut: 997 impostors at 0.1 and 3 at 0.9. FMR 1e-2 of 1000
        // allows 10 false matches: the smallest threshold is just above 0.1.
        std::vector<Score> impostor(997, 0.1f);
        impostor.insert(impostor.end(), 3, 0.9f);
        QString error;
        const auto r = Evaluation::errorRates(scores({0.95f, 0.5f}), impostor, &error);
        const fg::FmrOperatingPoint& p = r->operatingPoints.front();
        QCOMPARE(p.fmr, 3.0 / 1000.0);
        QCOMPARE(p.threshold, std::nextafter(0.1f, 2.0f));
        QCOMPARE(p.tmr, 1.0);
    }

    void fmrSupportRule_data()
    {
        QTest::addColumn<double>("fmr");
        QTest::addColumn<qint64>("impostors");
        QTest::addColumn<bool>("supported");
        QTest::newRow("1e-2 with 999") << 1e-2 << qint64(999) << false;
        QTest::newRow("1e-2 with 1000") << 1e-2 << qint64(1000) << true;
        QTest::newRow("1e-3 with 3000 (LFW)") << 1e-3 << qint64(3000) << false;
        QTest::newRow("1e-3 with 10000") << 1e-3 << qint64(10000) << true;
        QTest::newRow("1e-4 with 99999") << 1e-4 << qint64(99999) << false;
        QTest::newRow("1e-4 with 100000") << 1e-4 << qint64(100000) << true;
    }
    void fmrSupportRule()
    {
        QFETCH(double, fmr);
        QFETCH(qint64, impostors);
        QFETCH(bool, supported);
        QCOMPARE(Evaluation::fmrSupported(fmr, impostors), supported);
    }

    void detIsMonotonic()
    {
        std::vector<Score> genuine, impostor;
        for (int i = 0; i < 3000; ++i) {
            genuine.push_back(0.5f + 0.3f * std::sin(float(i)));
            impostor.push_back(0.1f + 0.3f * std::cos(float(i) * 1.7f));
        }
        QString error;
        const auto r = Evaluation::errorRates(genuine, impostor, &error);
        QVERIFY(r->det.size() > 100);
        QVERIFY(r->det.size() < 6000); // thinned: fewer points than scores
        // The low-FMR end keeps its detail: the first impostors above the threshold.
        const bool lowEnd = std::any_of(r->det.begin(), r->det.end(),
                                        [](const fg::DetPoint& p) { return p.fmr > 0.0 && p.fmr <= 1.0 / 1500.0; });
        QVERIFY(lowEnd);
        for (std::size_t i = 1; i < r->det.size(); ++i) {
            QVERIFY(r->det[i].fmr <= r->det[i - 1].fmr);
            QVERIFY(r->det[i].fnmr >= r->det[i - 1].fnmr);
        }
        QVERIFY(r->eer > 0.0 && r->eer < 0.5);
    }

    void refusesEmptyLists()
    {
        QString error;
        QVERIFY(!Evaluation::errorRates({}, scores({0.1f}), &error));
        QVERIFY2(error.contains("0 genuine"), qPrintable(error));
        QVERIFY(!Evaluation::errorRates(scores({0.1f}), {}, &error));
        QVERIFY2(error.contains("0 impostor"), qPrintable(error));
    }

    void foldAccuracyByHand()
    {
        // Fold 0: genuine 0.9 0.8, impostor 0.2 0.45.
        // Fold 1: genuine 0.7 and one failed enrolment, impostor 0.3 0.75.
        // Threshold for fold 0 from fold 1: 0.5 (between 0.3 and 0.7): 4/4 right.
        // Threshold for fold 1 from fold 0: 0.625 (between 0.45 and 0.8):
        //   0.7 right, missing WRONG, 0.3 right, 0.75 wrong -> 2/4.
        const std::vector<fg::LabelledScore> pairs{
            {0.9f, true, 0},  {0.8f, true, 0},          {0.2f, false, 0}, {0.45f, false, 0},
            {0.7f, true, 1},  {std::nullopt, true, 1}, {0.3f, false, 1}, {0.75f, false, 1},
        };
        QString error;
        const auto r = Evaluation::foldAccuracy(pairs, &error);
        QVERIFY2(r, qPrintable(error));
        QCOMPARE(r->folds, (std::vector<int>{0, 1}));
        QCOMPARE(r->perFold, (std::vector<double>{1.0, 0.5}));
        QCOMPARE(r->mean, 0.75);
        QCOMPARE(r->std, 0.25);
        QVERIFY(std::abs(r->thresholds[0] - 0.5f) < 1e-6f);
        QVERIFY(std::abs(r->thresholds[1] - 0.625f) < 1e-6f);
    }

    void foldAccuracyNeedsTwoFolds()
    {
        QString error;
        QVERIFY(!Evaluation::foldAccuracy({{0.9f, true, 3}, {0.1f, false, 3}}, &error));
        QVERIFY2(error.contains("at least two folds, got 1"), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestEvaluation)
#include "tst_evaluation.moc"
