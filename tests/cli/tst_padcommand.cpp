// `facegate-cli pad IMAGE|VIDEO` as a script runs it (QProcess): the
// presentation-attack score, each cue and the decision as one JSON object on
// pad-dev frames (a bona fide one and a print attack of the same person) and
// on faces-dev's video; exit 1 for what cannot be assessed (no face, a corrupt
// image, no calibration table), 2 for bad usage. The table the test decides
// with is its own (FACEGATE_PAD_CALIBRATION), so that the figures of eval-pad
// never change what this test expects.
#include "core/biometrics/PresentationAttack.h"
#include "tests/cli/CliRun.h"
#include "tests/support/TestData.h"
#include "tests/support/TestPadCalibration.h"

#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

#include <opencv2/imgcodecs.hpp>

using fg::test::CliRun;

class TestPadCommand : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QProcessEnvironment m_environment = QProcessEnvironment::systemEnvironment();

    CliRun pad(const QStringList& words) const
    {
        return fg::test::runCli(QStringList{QStringLiteral("pad")} + words, m_environment);
    }

    static QString padFrame(const QString& relative)
    {
        return fg::test::datasetPath(QStringLiteral("pad-dev/") + relative);
    }

private Q_SLOTS:
    void initTestCase()
    {
        FG_REQUIRE_DATASETS();
        QVERIFY(m_dir.isValid());
        // At BPCER 1%, an attack from 0.5 up.
        const QString tablePath = m_dir.filePath(QStringLiteral("pad.json"));
        QString error;
        QVERIFY2(fg::test::writePadCalibration(tablePath, &error), qPrintable(error));
        m_environment.insert(QStringLiteral("FACEGATE_PAD_CALIBRATION"), tablePath);
        m_environment.insert(QStringLiteral("FACEGATE_MODELS"), fg::test::modelsDir());
    }

    void bonaFideFrame()
    {
        const CliRun run = pad({padFrame(QStringLiteral("bonafide/0004/0004_01_00_01_109.jpg"))});
        QVERIFY2(run.status == 0, qPrintable(run.err));
        QCOMPARE(run.json.value(QStringLiteral("kind")).toString(), QStringLiteral("image"));
        QCOMPARE(run.json.value(QStringLiteral("frames_read")).toInt(), 1);
        const QJsonObject assessment = run.json.value(QStringLiteral("presentation_attack")).toObject();
        QCOMPARE(assessment.value(QStringLiteral("decision")).toString(), QStringLiteral("bona-fide"));
        QVERIFY(assessment.value(QStringLiteral("score")).toDouble() < 0.5);
        QCOMPARE(assessment.value(QStringLiteral("threshold")).toDouble(), 0.5);
        QCOMPARE(assessment.value(QStringLiteral("bpcer")).toDouble(), 0.01);
        QCOMPARE(assessment.value(QStringLiteral("calibration")).toString(), QStringLiteral("test table (not measured)"));
        const QJsonArray cues = assessment.value(QStringLiteral("cues")).toArray();
        QVERIFY(!cues.isEmpty());
        QCOMPARE(cues.first().toObject().value(QStringLiteral("name")).toString(), QStringLiteral("model"));
        QVERIFY(run.json.value(QStringLiteral("words")).toString().startsWith(QStringLiteral("live face")));
    }

    void printAttack()
    {
        const CliRun run = pad({padFrame(QStringLiteral("attack/0004/0004_01_00_01_102.jpg"))});
        QVERIFY2(run.status == 0, qPrintable(run.err));
        const QJsonObject assessment = run.json.value(QStringLiteral("presentation_attack")).toObject();
        QCOMPARE(assessment.value(QStringLiteral("decision")).toString(), QStringLiteral("attack"));
        QVERIFY(assessment.value(QStringLiteral("score")).toDouble() >= 0.5);
        QVERIFY(run.json.value(QStringLiteral("words")).toString().startsWith(
            QStringLiteral("possible presentation attack")));
    }

    void aStricterBpcerMovesTheThreshold()
    {
        const CliRun run = pad({QStringLiteral("--bpcer"), QStringLiteral("0.001"),
                                padFrame(QStringLiteral("bonafide/0004/0004_01_00_01_109.jpg"))});
        QVERIFY2(run.status == 0, qPrintable(run.err));
        QCOMPARE(run.json.value(QStringLiteral("presentation_attack")).toObject().value(QStringLiteral("threshold")).toDouble(),
                 0.9);
    }

    void videoFramesAreAssessedTogether()
    {
        const CliRun run = pad({QStringLiteral("--max-frames"), QStringLiteral("12"),
                                fg::test::datasetPath(QStringLiteral("faces-dev/video/short_hamilton_clip.mp4"))});
        QVERIFY2(run.status == 0, qPrintable(run.err));
        QCOMPARE(run.json.value(QStringLiteral("kind")).toString(), QStringLiteral("video"));
        QCOMPARE(run.json.value(QStringLiteral("frames_read")).toInt(), 12);
        QCOMPARE(run.json.value(QStringLiteral("truncated")).toBool(), true);
        const QJsonArray perFrame = run.json.value(QStringLiteral("per_frame")).toArray();
        QCOMPARE(perFrame.size(), 12);
        int withFace = 0;
        for (const QJsonValue& frame : perFrame)
            withFace += frame.toObject().value(QStringLiteral("face")).toBool() ? 1 : 0;
        const QJsonObject assessment = run.json.value(QStringLiteral("presentation_attack")).toObject();
        QCOMPARE(assessment.value(QStringLiteral("frames")).toInt(), withFace);
        QCOMPARE(assessment.value(QStringLiteral("frames_without_face")).toInt(), 12 - withFace);
        QVERIFY(withFace > 0);
        const QString decision = assessment.value(QStringLiteral("decision")).toString();
        QVERIFY2(decision == QStringLiteral("bona-fide") || decision == QStringLiteral("attack"), qPrintable(decision));
    }

    void whatCannotBeAssessedIsAProcessingError()
    {
        const QString corrupt = m_dir.filePath(QStringLiteral("corrupt.jpg"));
        QFile file(corrupt);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("\xFF\xD8\xFF\xE0 not really a JPEG");
        file.close();
        CliRun run = pad({corrupt});
        QCOMPARE(run.status, 1);
        QVERIFY2(run.err.contains(QStringLiteral("corrupt.jpg")), qPrintable(run.err));

        const QString blank = m_dir.filePath(QStringLiteral("blank.png"));
        QVERIFY(cv::imwrite(blank.toStdString(), cv::Mat(480, 640, CV_8UC3, cv::Scalar(90, 90, 90))));
        run = pad({blank});
        QCOMPARE(run.status, 1);
        QVERIFY2(run.err.contains(QStringLiteral("no face found")), qPrintable(run.err));

        run = pad({m_dir.filePath(QStringLiteral("missing.jpg"))});
        QCOMPARE(run.status, 1);
        QVERIFY2(run.err.contains(QStringLiteral("no such file")), qPrintable(run.err));

        // A BPCER the table does not reach decides nothing.
        run = pad({QStringLiteral("--bpcer"), QStringLiteral("0.5"), blank});
        QCOMPARE(run.status, 1);
        QVERIFY2(run.err.contains(QStringLiteral("outside the calibrated range")), qPrintable(run.err));

        // Nor does a table made for another model or method.
        const QString otherTable = m_dir.filePath(QStringLiteral("other.json"));
        QVERIFY(fg::PadCalibrationTable(QStringLiteral("other"), QStringLiteral("another-model"),
                                        QDateTime::currentDateTimeUtc(), 1, 1, {{0.01, 0.5, 0.0}})
                    .save(otherTable, nullptr));
        QProcessEnvironment environment = m_environment;
        environment.insert(QStringLiteral("FACEGATE_PAD_CALIBRATION"), otherTable);
        run = fg::test::runCli({QStringLiteral("pad"), padFrame(QStringLiteral("attack/0004/0004_01_00_01_102.jpg"))},
                               environment);
        QCOMPARE(run.status, 1);
        QVERIFY2(run.err.contains(QStringLiteral("another-model")), qPrintable(run.err));
    }

    void badUsage()
    {
        QCOMPARE(pad({}).status, 2);
        QCOMPARE(pad({QStringLiteral("a.jpg"), QStringLiteral("b.jpg")}).status, 2);
        const CliRun bpcer = pad({QStringLiteral("--bpcer"), QStringLiteral("2"), QStringLiteral("a.jpg")});
        QCOMPARE(bpcer.status, 2);
        QVERIFY2(bpcer.err.contains(QStringLiteral("--bpcer")), qPrintable(bpcer.err));
        QCOMPARE(pad({QStringLiteral("--max-frames"), QStringLiteral("0"), QStringLiteral("a.mp4")}).status, 2);
    }
};

QTEST_GUILESS_MAIN(TestPadCommand)
#include "tst_padcommand.moc"
