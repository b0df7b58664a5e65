// FaceAligner: the least-squares similarity recovers a known transform and
// puts the five points on the reference.
#include "core/biometrics/FaceAligner.h"

#include <QtTest>

#include <cmath>

using namespace fg;

class TestFaceAligner : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void recoversKnownSimilarity_data()
    {
        QTest::addColumn<double>("scale");
        QTest::addColumn<double>("degrees");
        QTest::addColumn<double>("tx");
        QTest::addColumn<double>("ty");
        QTest::newRow("identity") << 1.0 << 0.0 << 0.0 << 0.0;
        QTest::newRow("shrink, turn, move") << 0.37 << 12.0 << 31.0 << -7.5;
        QTest::newRow("grow, turn back") << 2.5 << -30.0 << -100.0 << 40.0;
    }

    void recoversKnownSimilarity()
    {
        QFETCH(double, scale);
        QFETCH(double, degrees);
        QFETCH(double, tx);
        QFETCH(double, ty);
        // Points in a "photo" = inverse of the wanted transform applied to the reference.
        const double a = degrees * M_PI / 180.0;
        std::array<cv::Point2f, 5> photo;
        for (size_t i = 0; i < 5; ++i) {
            const cv::Point2f r = FaceAligner::referencePoints()[i];
            const double x = r.x - tx, y = r.y - ty;
            photo[i] = cv::Point2f(float((std::cos(a) * x + std::sin(a) * y) / scale),
                                   float((-std::sin(a) * x + std::cos(a) * y) / scale));
        }
        const cv::Mat m = FaceAligner::similarityTransform(photo, FaceAligner::referencePoints());
        QVERIFY(std::abs(m.at<double>(0, 0) - scale * std::cos(a)) < 1e-4);
        QVERIFY(std::abs(m.at<double>(1, 0) - scale * std::sin(a)) < 1e-4);
        QVERIFY(std::abs(m.at<double>(0, 2) - tx) < 1e-3);
        QVERIFY(std::abs(m.at<double>(1, 2) - ty) < 1e-3);
    }

    void noisyPointsLeastSquares()
    {
        // One point off by 3 px moves the fit, but every point stays within 3 px.
        std::array<cv::Point2f, 5> photo = FaceAligner::referencePoints();
        photo[2] += cv::Point2f(3.0f, 0.0f);
        const cv::Mat m = FaceAligner::similarityTransform(photo, FaceAligner::referencePoints());
        for (size_t i = 0; i < 5; ++i) {
            const cv::Point2f p = photo[i];
            const double x = m.at<double>(0, 0) * p.x + m.at<double>(0, 1) * p.y + m.at<double>(0, 2);
            const double y = m.at<double>(1, 0) * p.x + m.at<double>(1, 1) * p.y + m.at<double>(1, 2);
            QVERIFY(std::hypot(x - FaceAligner::referencePoints()[i].x, y - FaceAligner::referencePoints()[i].y) < 3.0);
        }
    }

    void alignedSizeIs112()
    {
        const cv::Mat image(300, 300, CV_8UC3, cv::Scalar(10, 20, 30));
        const cv::Mat aligned = FaceAligner::align(image, FaceAligner::referencePoints());
        QCOMPARE(aligned.cols, 112);
        QCOMPARE(aligned.rows, 112);
    }
};

QTEST_GUILESS_MAIN(TestFaceAligner)
#include "tst_facealigner.moc"
