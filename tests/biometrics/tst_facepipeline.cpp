// FacePipeline on real photos: every single-face photo of faces-dev enrols,
// every group photo gives all its faces, odd files enrol, a photo of no one
// does not, and the quality report names each check.
#include "core/biometrics/FacePipeline.h"
#include "core/biometrics/ImageLoader.h"
#include "tests/support/ImageFixtures.h"
#include "tests/support/TestData.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace fg;
namespace fx = fg::test::fixtures;

class TestFacePipeline : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<FacePipeline> m_pipeline;
    QTemporaryDir m_dir;

    cv::Mat load(const QString& relative)
    {
        QString error;
        const auto image = ImageLoader().loadFile(fg::test::datasetPath(relative), &error);
        if (!image)
            qWarning("%s", qPrintable(error));
        return image ? *image : cv::Mat();
    }

    Template enrol(const QString& relative)
    {
        QString error;
        const auto enrolment = m_pipeline->enrol(load(relative), &error);
        return enrolment ? enrolment->faceTemplate : Template();
    }

    static double score(const Template& a, const Template& b)
    {
        double sum = 0;
        for (size_t i = 0; i < a.values().size(); ++i)
            sum += double(a.values()[i]) * double(b.values()[i]);
        return sum;
    }

private Q_SLOTS:
    void initTestCase()
    {
        FG_REQUIRE_DATASETS();
        FacePipeline::Options options;
        options.modelDirectory = fg::test::modelsDir();
        options.selfTest = true; // the start-up self-test must pass on this machine
        QString error;
        m_pipeline = FacePipeline::create(options, &error);
        QVERIFY2(m_pipeline, qPrintable(error));
        QVERIFY(m_dir.isValid());
    }

    void everySingleFacePhotoEnrols_data()
    {
        QTest::addColumn<QString>("path");
        QFile labels(fg::test::datasetPath(QStringLiteral("faces-dev/labels.csv")));
        QVERIFY(labels.open(QIODevice::ReadOnly));
        labels.readLine();
        int rows = 0;
        while (!labels.atEnd()) {
            const QString path = QString::fromUtf8(labels.readLine()).trimmed().section(QLatin1Char(','), 0, 0);
            if (!path.isEmpty()) {
                QTest::newRow(qPrintable(path)) << QStringLiteral("faces-dev/") + path;
                ++rows;
            }
        }
        QCOMPARE(rows, 22);
    }

    void everySingleFacePhotoEnrols()
    {
        QFETCH(QString, path);
        QString error;
        const auto enrolment = m_pipeline->enrol(load(path), &error);
        QVERIFY2(enrolment, qPrintable(path + QStringLiteral(": ") + error));
        QCOMPARE(enrolment->faceTemplate.values().size(), size_t(Template::kDimension));
        QCOMPARE(enrolment->faceTemplate.modelId(), m_pipeline->modelId());
    }

    void groupPhotosGiveAllFaces_data()
    {
        // Counted by eye once (faces with both eyes in the picture): the
        // blurred sliver of a face at the right edge of 32bit_rgba.png and the
        // woman cut off at the right of obama_and_biden.jpg do not count.
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("faces");
        QTest::newRow("two_people") << "faces-dev/multi/two_people.jpg" << 2;
        QTest::newRow("obama_and_biden") << "faces-dev/multi/obama_and_biden.jpg" << 3;
        QTest::newRow("kit_with_rose") << "faces-dev/multi/kit_with_rose.jpg" << 2;
        QTest::newRow("multiface") << "faces-dev/multi/multiface.jpg" << 6;
        QTest::newRow("32bit_rgba") << "faces-dev/multi/32bit_rgba.png" << 1;
    }

    void groupPhotosGiveAllFaces()
    {
        QFETCH(QString, path);
        QFETCH(int, faces);
        const cv::Mat image = load(path);
        QVERIFY(!image.empty());
        const std::vector<Face> found = m_pipeline->analyze(image, FacePipeline::Depth::WithQuality);
        QCOMPARE(int(found.size()), faces);
        for (size_t i = 1; i < found.size(); ++i) // largest first
            QVERIFY(found[i - 1].detection.box.area() >= found[i].detection.box.area());
        for (const Face& face : found)
            QCOMPARE(face.quality.faceCount, faces);
    }

    void sameTravelerScoresAboveOthers()
    {
        const Template obama1 = enrol(QStringLiteral("faces-dev/single/obama/01.jpg"));
        const Template obama2 = enrol(QStringLiteral("faces-dev/single/obama/02.jpg"));
        const Template biden = enrol(QStringLiteral("faces-dev/single/biden/01.jpg"));
        const Template rose = enrol(QStringLiteral("faces-dev/single/rose_leslie/01.jpg"));
        QVERIFY(!obama1.isNull() && !obama2.isNull() && !biden.isNull() && !rose.isNull());
        QVERIFY(score(obama1, obama2) > 0.45);
        QVERIFY(score(obama1, biden) < 0.25);
        QVERIFY(score(obama2, rose) < 0.25);
        QVERIFY(std::abs(score(obama1, obama1) - 1.0) < 1e-4); // unit length
    }

    void sameImageSameTemplate()
    {
        const Template a = enrol(QStringLiteral("faces-dev/single/kit_harington/01.jpg"));
        const Template b = enrol(QStringLiteral("faces-dev/single/kit_harington/01.jpg"));
        QVERIFY(std::abs(score(a, b) - 1.0) < 1e-6);
    }

    void oddFilesEnrolAsTheOriginal()
    {
        const cv::Mat original = load(QStringLiteral("faces-dev/single/obama/08-small.jpg"));
        QString error;
        const auto reference = m_pipeline->enrol(original, &error);
        QVERIFY2(reference, qPrintable(error));
        const QStringList files = {fx::sixteenBitPng(original, m_dir.path()), fx::rgbaPng(original, m_dir.path()),
                                   fx::greyscaleJpeg(original, m_dir.path()), fx::exifRotatedJpeg(original, m_dir.path())};
        for (const QString& file : files) {
            const auto image = ImageLoader().loadFile(file, &error);
            QVERIFY2(image, qPrintable(error));
            const auto enrolment = m_pipeline->enrol(*image, &error);
            QVERIFY2(enrolment, qPrintable(file + QStringLiteral(": ") + error));
            // The same traveler: far above any impostor score.
            const double s = score(enrolment->faceTemplate, reference->faceTemplate);
            QVERIFY2(s > 0.6, qPrintable(QStringLiteral("%1: score %2").arg(file).arg(s)));
        }
    }

    void photoOfNoOneDoesNotEnrol()
    {
        const auto image = ImageLoader().loadFile(fx::noFacePhoto(m_dir.path()), nullptr);
        QVERIFY(image);
        QString error;
        QVERIFY(!m_pipeline->enrol(*image, &error));
        QCOMPARE(error, QStringLiteral("no face found"));
    }

    void qualityReportNamesEveryCheck()
    {
        const cv::Mat image = load(QStringLiteral("faces-dev/single/obama/07-720p.jpg"));
        const std::vector<Face> faces = m_pipeline->analyze(image, FacePipeline::Depth::WithQuality);
        QCOMPARE(faces.size(), size_t(1));
        const QualityReport& q = faces.front().quality;
        QStringList names;
        for (const QualityCheck& check : q.checks) {
            names << check.name;
            QVERIFY(!check.reason.isEmpty());
        }
        QCOMPARE(names, (QStringList{"face_count", "inter_eye_distance", "yaw", "pitch", "roll", "sharpness",
                                     "exposure_mean", "under_exposed", "over_exposed", "eyes_open"}));
        QVERIFY(q.interEyeDistance > 40 && q.interEyeDistance < 200);
        QVERIFY(std::abs(q.yaw) < 15); // a frontal portrait
        QVERIFY(q.leftEyeOpen > 0.5 && q.rightEyeOpen > 0.5);
        QVERIFY(q.meanBrightness > 60 && q.meanBrightness < 220);
    }

    void smallFaceFailsDistanceWithAReason()
    {
        const cv::Mat image = load(QStringLiteral("faces-dev/single/obama/05-240p.jpg"));
        const std::vector<Face> faces = m_pipeline->analyze(image, FacePipeline::Depth::WithQuality);
        QCOMPARE(faces.size(), size_t(1));
        const QStringList reasons = faces.front().quality.failureReasons();
        QVERIFY2(reasons.join(QLatin1Char(';')).contains(QStringLiteral("too far")), qPrintable(reasons.join(QLatin1Char(';'))));
    }

    void subjectPolicies()
    {
        // In obama_and_biden.jpg the largest face is not the one nearest the centre.
        const cv::Mat image = load(QStringLiteral("faces-dev/multi/obama_and_biden.jpg"));
        const std::vector<Face> faces = m_pipeline->analyze(image, FacePipeline::Depth::FacesOnly);
        QCOMPARE(faces.size(), size_t(3));
        const int nearest = m_pipeline->subjectIndex(faces, image.size());
        QVERIFY(nearest >= 0);
        const cv::Rect2f box = faces[size_t(nearest)].detection.box;
        const double centreDistance = std::hypot(box.x + box.width / 2 - image.cols / 2.0, box.y + box.height / 2 - image.rows / 2.0);
        for (const Face& face : faces) {
            const cv::Rect2f b = face.detection.box;
            QVERIFY(std::hypot(b.x + b.width / 2 - image.cols / 2.0, b.y + b.height / 2 - image.rows / 2.0) >= centreDistance);
        }
    }
};

QTEST_GUILESS_MAIN(TestFacePipeline)
#include "tst_facepipeline.moc"
