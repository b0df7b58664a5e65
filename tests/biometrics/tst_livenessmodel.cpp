// LivenessModel on pad-dev (NUAA): the class established as "live" in
// docs/pad-model.md is high on bona fide webcam frames and low on print
// attacks of the same people. If someone changes the preprocessing or the
// class index, these frames say so.
#include "core/biometrics/FaceDetector.h"
#include "core/biometrics/ImageLoader.h"
#include "core/biometrics/LivenessModel.h"
#include "core/biometrics/ModelRepository.h"
#include "tests/support/TestData.h"

#include <QFileInfo>
#include <QtTest>

#include <numeric>
#include <optional>

using namespace fg;

class TestLivenessModel : public QObject {
    Q_OBJECT

private:
    std::optional<FaceDetector> m_detector;
    std::optional<LivenessModel> m_liveness;

    // The live probability of the largest face of a pad-dev frame.
    std::optional<LivenessScores> scoreFrame(const QString& relative)
    {
        QString error;
        const auto image = ImageLoader().loadFile(test::datasetPath(QStringLiteral("pad-dev/") + relative), &error);
        if (!image) {
            qWarning("%s", qPrintable(error));
            return std::nullopt;
        }
        const std::vector<Detection> faces = m_detector->detect(*image);
        if (faces.empty()) {
            qWarning("no face in %s", qPrintable(relative));
            return std::nullopt;
        }
        return m_liveness->score(*image, faces.front().box);
    }

private Q_SLOTS:
    void initTestCase()
    {
        FG_REQUIRE_DATASETS();
        const QString padLabels = test::datasetPath(QStringLiteral("pad-dev/labels.csv"));
        QVERIFY2(QFileInfo(padLabels).isFile(),
                 qPrintable(QStringLiteral("pad-dev not found: %1 (set FACEGATE_DATASETS)").arg(padLabels)));
        QString error;
        const auto models = ModelRepository::open(test::modelsDir(), &error);
        QVERIFY2(models, qPrintable(error));
        m_detector = FaceDetector::load(models->path(QStringLiteral("fr_detect.onnx")), FaceDetector::Options(), &error);
        QVERIFY2(m_detector, qPrintable(error));
        m_liveness = LivenessModel::load(models->path(QStringLiteral("fr_liveness.onnx")), &error);
        QVERIFY2(m_liveness, qPrintable(error));
    }

    void classMeaning_data()
    {
        QTest::addColumn<QString>("frame");
        QTest::addColumn<bool>("bonafide");
        // Two subjects, a bona fide frame and a print attack of each.
        QTest::newRow("0004 bona fide") << QStringLiteral("bonafide/0004/0004_01_00_01_109.jpg") << true;
        QTest::newRow("0004 print") << QStringLiteral("attack/0004/0004_01_00_01_102.jpg") << false;
        QTest::newRow("0007 bona fide") << QStringLiteral("bonafide/0007/0007_00_00_01_105.jpg") << true;
        QTest::newRow("0007 print") << QStringLiteral("attack/0007/0007_01_00_01_107.jpg") << false;
    }

    void classMeaning()
    {
        QFETCH(QString, frame);
        QFETCH(bool, bonafide);
        const auto scores = scoreFrame(frame);
        QVERIFY(scores);
        qInfo("%s: live %.4f, softmax %.4f %.4f %.4f", qPrintable(frame), scores->live, scores->softmax[0],
              scores->softmax[1], scores->softmax[2]);
        QCOMPARE(scores->live, scores->softmax[size_t(LivenessModel::liveClass())]);
        QVERIFY(std::abs(std::accumulate(scores->softmax.begin(), scores->softmax.end(), 0.0) - 1.0) < 1e-6);
        if (bonafide)
            QVERIFY2(scores->live > 0.9, qPrintable(QString::number(scores->live)));
        else
            QVERIFY2(scores->live < 0.1, qPrintable(QString::number(scores->live)));
    }

    void theLiveClassIsTheFirst()
    {
        // Established in docs/pad-model.md; the reverse reading (class 1)
        // would call every print attack live.
        QCOMPARE(LivenessModel::liveClass(), 0);
    }

    void noScoreWithoutAFace()
    {
        const cv::Mat grey(480, 640, CV_8UC3, cv::Scalar::all(128));
        QVERIFY(!m_liveness->score(grey, cv::Rect2f()));
        QVERIFY(!m_liveness->score(grey, cv::Rect2f(700, 500, 50, 50))); // outside the frame
        QVERIFY(!m_liveness->score(cv::Mat(), cv::Rect2f(10, 10, 50, 50)));
        const auto scores = m_liveness->score(grey, cv::Rect2f(600, 440, 100, 100)); // partly outside: cropped
        QVERIFY(scores);
    }
};

QTEST_GUILESS_MAIN(TestLivenessModel)
#include "tst_livenessmodel.moc"
