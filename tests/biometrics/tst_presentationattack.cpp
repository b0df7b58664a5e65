// The presentation-attack core: the calibration table (BPCER -> threshold),
// the assessment's JSON as stored with an encounter, the accumulator's
// decision over frames, and the frame scorer on a bona fide and a print
// attack frame of pad-dev.
#include "core/biometrics/FacePipeline.h"
#include "core/biometrics/ImageLoader.h"
#include "core/biometrics/PresentationAttack.h"
#include "tests/support/TestData.h"

#include <QJsonDocument>
#include <QTemporaryDir>
#include <QtTest>

using namespace fg;

namespace {

PadCalibrationTable tableOf(std::vector<PadCalibrationRow> rows)
{
    return PadCalibrationTable(QStringLiteral("pad-dev/labels.csv"), PadFrameScorer::modelId(),
                               QDateTime(QDate(2026, 12, 5), QTime(12, 0), Qt::UTC), 789, 1361, std::move(rows));
}

PadFrame frameScoring(double attack, qint64 ms = 0)
{
    PadFrame frame;
    frame.timestampMs = ms;
    frame.modelAttack = attack;
    frame.model.live = 1.0 - attack;
    frame.box = cv::Rect2f(100, 100, 80, 80);
    return frame;
}

QByteArray withRows(const QString& rows)
{
    return QStringLiteral(R"({"format": "facegate-pad-calibration", "version": 1, "dataset": "d", "model_id": "m",
        "date": "2026-12-05T12:00:00.000Z", "bona_fide_count": 10, "attack_count": 10, "rows": [%1]})")
        .arg(rows)
        .toUtf8();
}

} // namespace

class TestPresentationAttack : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void decisionNamesRoundTrip()
    {
        for (PadDecision d : {PadDecision::BonaFide, PadDecision::Attack, PadDecision::NotAssessed})
            QCOMPARE(padDecisionFromName(padDecisionName(d)), std::optional(d));
        QCOMPARE(padDecisionName(PadDecision::BonaFide), QStringLiteral("bona-fide"));
        QVERIFY(!padDecisionFromName(QStringLiteral("maybe")));
    }

    void modelIdNamesThePinnedModelAndTheMethod()
    {
        const QString id = PadFrameScorer::modelId();
        QVERIFY2(id.contains(QStringLiteral("/fr_liveness:afa783b7e902/pad")), qPrintable(id));
    }

    void thresholdIsInterpolatedInLogBpcer()
    {
        const PadCalibrationTable table = tableOf({{0.001, 0.9, 0.2}, {0.01, 0.6, 0.05}, {0.1, 0.3, 0.01}});
        QString error;
        QCOMPARE(table.thresholdFor(0.01, &error), std::optional(0.6));
        QCOMPARE(table.thresholdFor(1e-2, &error), std::optional(0.6));
        // Half-way in log10 between 0.01 and 0.1.
        const std::optional<double> between = table.thresholdFor(std::sqrt(0.01 * 0.1), &error);
        QVERIFY(between);
        QVERIFY(std::abs(*between - 0.45) < 1e-9);
    }

    void bpcerOutsideTheTableIsRefused()
    {
        const PadCalibrationTable table = tableOf({{0.001, 0.9, 0.2}, {0.1, 0.3, 0.01}});
        QString error;
        QVERIFY(!table.thresholdFor(0.5, &error));
        QVERIFY2(error.contains(QStringLiteral("outside the calibrated range")), qPrintable(error));
        QVERIFY(!table.thresholdFor(0.0, &error));
        QVERIFY(!table.thresholdFor(std::nan(""), &error));
        QVERIFY(!PadCalibrationTable().thresholdFor(0.01, &error));
    }

    void tableRoundTripsThroughJson()
    {
        const PadCalibrationTable table = tableOf({{0.001, 0.9, 0.2}, {0.01, 0.6, 0.05}});
        QString error;
        const auto back = PadCalibrationTable::fromJson(table.toJson(), PadFrameScorer::modelId(), &error);
        QVERIFY2(back, qPrintable(error));
        QCOMPARE(back->dataset(), table.dataset());
        QCOMPARE(back->date(), table.date());
        QCOMPARE(back->bonaFideCount(), 789);
        QCOMPARE(back->attackCount(), 1361);
        QCOMPARE(back->rows().size(), std::size_t(2));
        QCOMPARE(back->rows()[1].threshold, 0.6);
        QCOMPARE(back->rows()[0].apcer, 0.2);
    }

    void malformedTablesAreRefused_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("expected");
        QTest::newRow("not json") << QByteArray("{") << QStringLiteral("not a JSON object");
        QTest::newRow("matcher table") << QByteArray(R"({"format": "facegate-calibration", "version": 1})")
                                       << QStringLiteral("not a presentation-attack calibration table");
        QTest::newRow("no rows") << withRows(QString()) << QStringLiteral("no rows");
        QTest::newRow("threshold above 1") << withRows(QStringLiteral(R"({"bpcer": 0.01, "threshold": 1.5, "apcer": 0})"))
                                           << QStringLiteral("row 0 is invalid");
        QTest::newRow("bpcer 0") << withRows(QStringLiteral(R"({"bpcer": 0, "threshold": 0.5, "apcer": 0})"))
                                 << QStringLiteral("row 0 is invalid");
        QTest::newRow("unsorted") << withRows(QStringLiteral(R"({"bpcer": 0.1, "threshold": 0.3, "apcer": 0},
                                                                {"bpcer": 0.01, "threshold": 0.6, "apcer": 0})"))
                                  << QStringLiteral("not in increasing BPCER");
        // A higher BPCER with a higher threshold cannot be measured: the table is wrong.
        QTest::newRow("threshold rising") << withRows(QStringLiteral(R"({"bpcer": 0.01, "threshold": 0.3, "apcer": 0},
                                                                        {"bpcer": 0.1, "threshold": 0.6, "apcer": 0})"))
                                          << QStringLiteral("non-increasing threshold");
    }

    void malformedTablesAreRefused()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, expected);
        QString error;
        QVERIFY(!PadCalibrationTable::fromJson(json, QString(), &error));
        QVERIFY2(error.contains(expected), qPrintable(error));
    }

    void aTableOfAnotherModelOrMethodIsRefused()
    {
        QString error;
        QVERIFY(!PadCalibrationTable::fromJson(withRows(QStringLiteral(R"({"bpcer": 0.01, "threshold": 0.5, "apcer": 0})")),
                                               PadFrameScorer::modelId(), &error));
        QVERIFY2(error.contains(QStringLiteral("was made for \"m\"")), qPrintable(error));
    }

    void theEnvironmentNamesTheTableToDecideWith()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("pad.json"));
        QString error;
        QVERIFY2(tableOf({{0.001, 0.9, 0.2}, {0.01, 0.6, 0.05}}).save(path, &error), qPrintable(error));
        qputenv("FACEGATE_PAD_CALIBRATION", path.toUtf8());
        const auto point = PadCalibrationTable::operatingPoint(0.01, PadFrameScorer::modelId(), &error);
        const auto outside = PadCalibrationTable::operatingPoint(0.5, PadFrameScorer::modelId(), &error);
        qunsetenv("FACEGATE_PAD_CALIBRATION");
        QVERIFY(point);
        QCOMPARE(point->threshold, 0.6);
        QCOMPARE(point->bpcer, 0.01);
        QCOMPARE(point->dataset, QStringLiteral("pad-dev/labels.csv"));
        QVERIFY(!outside);

        qputenv("FACEGATE_PAD_CALIBRATION", dir.filePath(QStringLiteral("missing.json")).toUtf8());
        const auto missing = PadCalibrationTable::forModel(PadFrameScorer::modelId(), &error);
        qunsetenv("FACEGATE_PAD_CALIBRATION");
        QVERIFY(!missing);
        QVERIFY2(error.contains(QStringLiteral("missing.json")), qPrintable(error));
    }

    void noFrameIsNotAssessedAndSaysWhy()
    {
        PadAccumulator frames;
        frames.addWithoutFace();
        frames.addWithoutFace();
        const PadAssessment assessment = frames.assess(PadOperatingPoint{0.01, 0.5, QStringLiteral("d")});
        QCOMPARE(assessment.decision, PadDecision::NotAssessed);
        QCOMPARE(assessment.framesWithoutFace, 2);
        QVERIFY2(assessment.words().contains(QStringLiteral("no face in any of 2 frames")),
                 qPrintable(assessment.words()));
    }

    void theScoreIsTheFramesMeanDecidedAtTheThreshold()
    {
        PadAccumulator frames;
        frames.add(frameScoring(0.2, 0));
        frames.add(frameScoring(0.6, 40));
        frames.addWithoutFace();
        const PadAssessment below = frames.assess(PadOperatingPoint{0.01, 0.41, QStringLiteral("pad-dev")});
        QCOMPARE(below.frames, 2);
        QCOMPARE(below.framesWithoutFace, 1);
        QVERIFY(std::abs(below.score - 0.4) < 1e-9);
        QCOMPARE(below.decision, PadDecision::BonaFide);
        QCOMPARE(below.cues.front().name, QStringLiteral("model"));
        QVERIFY(below.words().startsWith(QStringLiteral("live face")));

        // At the threshold is an attack.
        const PadAssessment at = frames.assess(PadOperatingPoint{0.01, 0.4, QStringLiteral("pad-dev")});
        QCOMPARE(at.decision, PadDecision::Attack);
        QVERIFY(at.isAttack());
        QVERIFY2(at.words().startsWith(QStringLiteral("possible presentation attack")), qPrintable(at.words()));

        frames.reset();
        QCOMPARE(frames.assess(PadOperatingPoint{}).decision, PadDecision::NotAssessed);
    }

    void onlyTheLastFramesAreKept()
    {
        PadAccumulator frames;
        for (int i = 0; i < PadAccumulator::kMaxFrames; ++i)
            frames.add(frameScoring(1.0, i));
        for (int i = 0; i < PadAccumulator::kMaxFrames; ++i)
            frames.add(frameScoring(0.0, 1000 + i));
        QCOMPARE(frames.frames(), PadAccumulator::kMaxFrames);
        QCOMPARE(frames.assess(PadOperatingPoint{0.01, 0.5, QString()}).decision, PadDecision::BonaFide);
    }

    void assessmentRoundTripsThroughJson()
    {
        PadAccumulator frames;
        frames.add(frameScoring(0.9));
        PadAssessment assessment = frames.assess(PadOperatingPoint{0.01, 0.5, QStringLiteral("pad-dev")});
        assessment.framesOfAnotherFace = 3;
        QString error;
        const auto back = PadAssessment::fromJson(assessment.toJson(), &error);
        QVERIFY2(back, qPrintable(error));
        QCOMPARE(back->decision, PadDecision::Attack);
        QCOMPARE(back->score, assessment.score);
        QCOMPARE(back->threshold, 0.5);
        QCOMPARE(back->bpcer, 0.01);
        QCOMPARE(back->calibration, QStringLiteral("pad-dev"));
        QCOMPARE(back->framesOfAnotherFace, 3);
        QCOMPARE(back->cues.size(), assessment.cues.size());
        QCOMPARE(back->cues.front().detail, assessment.cues.front().detail);

        const PadAssessment none = PadAccumulator().assess(PadOperatingPoint{});
        const auto noneBack = PadAssessment::fromJson(none.toJson(), &error);
        QVERIFY2(noneBack, qPrintable(error));
        QCOMPARE(noneBack->decision, PadDecision::NotAssessed);
        QCOMPARE(noneBack->reason, none.reason);
        QCOMPARE(noneBack->framesOfAnotherFace, 0);
        QVERIFY(!none.toJson().contains(QStringLiteral("frames_of_another_face")));
    }

    void malformedAssessmentsAreRefused()
    {
        QString error;
        QVERIFY(!PadAssessment::fromJson(QJsonObject{{"decision", "maybe"}}, &error));
        QVERIFY2(error.contains(QStringLiteral("\"maybe\"")), qPrintable(error));
        QVERIFY(!PadAssessment::fromJson(
            QJsonObject{{"decision", "attack"}, {"frames", 1}, {"frames_without_face", 0}, {"score", 3.0}}, &error));
        QVERIFY(!PadAssessment::fromJson(QJsonDocument::fromJson(R"({"decision": "bona-fide", "frames": 1,
            "frames_without_face": 0, "score": 0.1, "threshold": 0.5, "bpcer": 0.01,
            "cues": [{"measured": true}]})").object(), &error));
        QVERIFY2(error.contains(QStringLiteral("no name")), qPrintable(error));
    }

    // The scorer on real frames: a bona fide frame scores low, a print attack
    // of the same person high (the class meaning of docs/pad-model.md, through
    // the scorer the desk and the service use).
    void scorerSeparatesABonaFideFrameFromAPrint()
    {
        FG_REQUIRE_DATASETS();
        QString error;
        FacePipeline::Options options;
        options.modelDirectory = test::modelsDir();
        options.selfTest = false;
        const std::unique_ptr<FacePipeline> pipeline = FacePipeline::create(options, &error);
        QVERIFY2(pipeline, qPrintable(error));
        std::optional<PadFrameScorer> scorer = PadFrameScorer::load(test::modelsDir(), &error);
        QVERIFY2(scorer, qPrintable(error));

        auto attackOf = [&](const QString& relative) -> double {
            const auto image = ImageLoader().loadFile(test::datasetPath(QStringLiteral("pad-dev/") + relative), &error);
            if (!image)
                return -1.0;
            const std::vector<Face> faces = pipeline->analyze(*image);
            if (faces.empty())
                return -1.0;
            const std::optional<PadFrame> frame = scorer->score(*image, faces.front(), 0);
            return frame ? frame->modelAttack : -1.0;
        };
        const double bonaFide = attackOf(QStringLiteral("bonafide/0004/0004_01_00_01_109.jpg"));
        const double print = attackOf(QStringLiteral("attack/0004/0004_01_00_01_102.jpg"));
        QVERIFY2(bonaFide >= 0.0 && bonaFide < 0.1, qPrintable(QString::number(bonaFide)));
        QVERIFY2(print > 0.9, qPrintable(QString::number(print)));
    }
};

QTEST_GUILESS_MAIN(TestPresentationAttack)
#include "tst_presentationattack.moc"
