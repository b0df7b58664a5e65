// ImageLoader: odd but valid files become 8-bit BGR upright frames; broken
// ones are refused with a reason, large ones before decoding.
#include "core/biometrics/ImageLoader.h"
#include "tests/support/ImageFixtures.h"
#include "tests/support/TestData.h"

#include <QTemporaryDir>
#include <QtTest>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

using namespace fg;
namespace fx = fg::test::fixtures;

class TestImageLoader : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    cv::Mat m_face;

private Q_SLOTS:
    void initTestCase()
    {
        FG_REQUIRE_DATASETS();
        QVERIFY(m_dir.isValid());
        m_face = cv::imread(fg::test::datasetPath(QStringLiteral("faces-dev/single/obama/08-small.jpg")).toStdString());
        QVERIFY(!m_face.empty());
    }

    void oddButValid_data()
    {
        QTest::addColumn<QString>("path");
        for (const fx::NamedFile& file : fx::oddButValidFiles(m_face, m_dir.path()))
            QTest::newRow(file.name) << file.path;
    }

    void oddButValid()
    {
        QFETCH(QString, path);
        QString error;
        const std::optional<cv::Mat> image = ImageLoader().loadFile(path, &error);
        QVERIFY2(image, qPrintable(error));
        QCOMPARE(image->type(), CV_8UC3);
        QCOMPARE(image->cols, m_face.cols); // upright again for the rotated one
        QCOMPARE(image->rows, m_face.rows);
        // Same picture: close to the original in grey (JPEG loss, alpha border aside).
        cv::Mat a, b, diff;
        cv::cvtColor(*image, a, cv::COLOR_BGR2GRAY);
        cv::cvtColor(m_face, b, cv::COLOR_BGR2GRAY);
        const cv::Rect inner(0, m_face.rows / 10, m_face.cols, m_face.rows * 8 / 10);
        cv::absdiff(a(inner), b(inner), diff);
        QVERIFY2(cv::mean(diff)[0] < 6.0, qPrintable(QStringLiteral("mean difference %1").arg(cv::mean(diff)[0])));
    }

    void rotatedJpegIsStoredSideways()
    {
        // Guards the fixture: without the tag, the picture is on its side.
        const cv::Mat raw = cv::imread(fx::exifRotatedJpeg(m_face, m_dir.path()).toStdString(),
                                       cv::IMREAD_COLOR | cv::IMREAD_IGNORE_ORIENTATION);
        QCOMPARE(raw.cols, m_face.rows);
        QCOMPARE(raw.rows, m_face.cols);
    }

    void alphaIsCompositedOverWhite()
    {
        const std::optional<cv::Mat> image = ImageLoader().loadFile(fx::rgbaPng(m_face, m_dir.path()), nullptr);
        QVERIFY(image);
        const cv::Vec3b corner = image->at<cv::Vec3b>(0, 0);
        QCOMPARE(int(corner[0]), 255);
        QCOMPARE(int(corner[2]), 255);
    }

    void refused_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("reason");
        for (const fx::NamedFile& file : fx::brokenFiles(m_face, m_dir.path()))
            QTest::newRow(file.name) << file.path << file.reason;
        QTest::newRow("missing") << m_dir.filePath(QStringLiteral("nope.jpg")) << "no such file";
        QTest::newRow("folder") << m_dir.path() << "not a regular file";
    }

    void refused()
    {
        QFETCH(QString, path);
        QFETCH(QString, reason);
        QString error;
        QVERIFY(!ImageLoader().loadFile(path, &error));
        QVERIFY2(error.contains(reason), qPrintable(error));
        QVERIFY2(error.startsWith(path), qPrintable(error)); // names the file
        QVERIFY(!error.contains(QLatin1Char('\n')));
    }
};

QTEST_GUILESS_MAIN(TestImageLoader)
#include "tst_imageloader.moc"
