// ImageLoader: odd but valid files become 8-bit BGR upright frames; broken
// ones are refused with a reason, large ones before decoding.
#include "core/biometrics/ImageHeader.h"
#include "core/biometrics/ImageLoader.h"
#include "tests/support/ImageFixtures.h"
#include "tests/support/JpegBomb.h"
#include "tests/support/TestData.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

using namespace fg;
namespace fx = fg::test::fixtures;

namespace {

QByteArray encodeJpeg(const cv::Mat& image, const std::vector<int>& parameters = {})
{
    std::vector<uchar> buffer;
    cv::imencode(".jpg", image, buffer, parameters);
    return QByteArray(reinterpret_cast<const char*>(buffer.data()), qsizetype(buffer.size()));
}

QByteArray progressiveJpeg(const cv::Mat& image)
{
    return encodeJpeg(image, {cv::IMWRITE_JPEG_PROGRESSIVE, 1});
}

} // namespace

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

    // Phones write an XMP APP1 segment after the EXIF one: its orientation
    // must survive it (an XMP segment once reset it to 1, the photo then
    // reaching the detector on its side).
    void xmpAfterExifKeepsTheOrientation()
    {
        QFile file(fx::exifRotatedJpeg(m_face, m_dir.path()));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QByteArray jpeg = file.readAll();
        const qsizetype exif = jpeg.indexOf(QByteArray("Exif\0\0", 6));
        QVERIFY(exif >= 4);
        const qsizetype exifEnd = exif - 2 + qsizetype((uchar(jpeg[exif - 2]) << 8) | uchar(jpeg[exif - 1]));
        const QByteArray xmp = QByteArray("http://ns.adobe.com/xap/1.0/\0", 29)
            + "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><tiff:Orientation>6</tiff:Orientation></x:xmpmeta>";
        const qsizetype length = xmp.size() + 2;
        jpeg.insert(exifEnd, QByteArray("\xFF\xE1", 2) + char(length >> 8) + char(length & 0xff) + xmp);
        const std::optional<ImageHeader> header = ImageHeader::probe(jpeg, nullptr);
        QVERIFY(header);
        QCOMPARE(header->exifOrientation, 6);
        const std::optional<cv::Mat> image = ImageLoader().decode(jpeg, nullptr);
        QVERIFY(image);
        QCOMPARE(image->cols, m_face.cols);
        QCOMPARE(image->rows, m_face.rows);
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

    // The attack on facegate-matchd: a progressive JPEG whose frame header is
    // that of a plain 12-megapixel camera frame, under the pixel limit, with its
    // last scan repeated 2000 times (123 KB). OpenCV takes about 11 s to decode
    // it on the development machine; it must be refused from its header.
    void decodeBombIsRefusedBeforeDecoding()
    {
        const cv::Mat plainFrame(3000, 4000, CV_8UC3, cv::Scalar(90, 120, 150));
        const QByteArray bomb = fg::test::progressiveJpegWithScans(plainFrame, 2000);
        QVERIFY(!bomb.isEmpty());
        QVERIFY(qint64(plainFrame.total()) <= ImageLoader::Limits().maxPixels);
        QString error;
        QVERIFY(!ImageLoader().decode(bomb, &error));
        QVERIFY2(error.contains(QStringLiteral("2000 scans")), qPrintable(error));
        QVERIFY2(error.contains(QStringLiteral("limit of 32")), qPrintable(error));
        QVERIFY2(error.contains(QStringLiteral("before decoding")), qPrintable(error));
    }

    // The same kind of file from a real photo, one scan over the limit: refused
    // by default, and a valid JPEG that decodes once the limit allows it.
    void oneScanOverTheLimit()
    {
        const QByteArray jpeg = fg::test::progressiveJpegWithScans(m_face, 33);
        QVERIFY(!jpeg.isEmpty());
        QString error;
        QVERIFY(!ImageLoader().decode(jpeg, &error));
        QVERIFY2(error.contains(QStringLiteral("progressive JPEG has 33 scans, over the limit of 32")), qPrintable(error));

        ImageLoader::Limits limits;
        limits.maxJpegScans = 33;
        const std::optional<cv::Mat> image = ImageLoader(limits).decode(jpeg, &error);
        QVERIFY2(image, qPrintable(error));
        QCOMPARE(image->size(), m_face.size());
    }

    // What cameras write: 1 scan (baseline), about 10 (progressive), well
    // under the limit; a progressive file decodes as before.
    void jpegScansAreCounted()
    {
        // OpenCV writes no segment that could hold the bytes FF DA: each one is a scan.
        const QByteArray sos("\xFF\xDA", 2);
        const QByteArray baseline = encodeJpeg(m_face);
        std::optional<ImageHeader> header = ImageHeader::probe(baseline, nullptr);
        QVERIFY(header);
        QCOMPARE(header->jpegScans, 1);
        QVERIFY(!header->progressive);
        QVERIFY(!header->truncated);

        const QByteArray progressive = progressiveJpeg(m_face);
        header = ImageHeader::probe(progressive, nullptr);
        QVERIFY(header);
        QVERIFY(header->progressive);
        QVERIFY(!header->truncated);
        QCOMPARE(qsizetype(header->jpegScans), progressive.count(sos));
        QVERIFY2(header->jpegScans > 1 && header->jpegScans <= ImageLoader::Limits().maxJpegScans,
                 qPrintable(QString::number(header->jpegScans)));
        QString error;
        const std::optional<cv::Mat> image = ImageLoader().decode(progressive, &error);
        QVERIFY2(image, qPrintable(error));
        QCOMPARE(image->size(), m_face.size());

        // Restart markers (FF D0-D7) inside the entropy-coded data do not end a scan.
        const QByteArray restarts = encodeJpeg(m_face, {cv::IMWRITE_JPEG_RST_INTERVAL, 1});
        QVERIFY(restarts.contains(QByteArray("\xFF\xD7", 2)));
        header = ImageHeader::probe(restarts, nullptr);
        QVERIFY(header && !header->truncated);
        QCOMPARE(header->jpegScans, 1);
        const QByteArray progressiveRestarts =
            encodeJpeg(m_face, {cv::IMWRITE_JPEG_PROGRESSIVE, 1, cv::IMWRITE_JPEG_RST_INTERVAL, 1});
        header = ImageHeader::probe(progressiveRestarts, nullptr);
        QVERIFY(header && !header->truncated);
        QCOMPARE(qsizetype(header->jpegScans), progressiveRestarts.count(sos));

        const QByteArray bomb = fg::test::progressiveJpegWithScans(m_face, 2000);
        header = ImageHeader::probe(bomb, nullptr);
        QVERIFY(header);
        QCOMPARE(header->jpegScans, 2000);
        QCOMPARE(qsizetype(header->jpegScans), bomb.count(sos));
    }

    // Damaged JPEGs keep the reasons they had before scans were counted.
    void damagedJpeg_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("reason");
        const QByteArray baseline = encodeJpeg(m_face);
        const QByteArray progressive = progressiveJpeg(m_face);
        const QByteArray bomb = fg::test::progressiveJpegWithScans(m_face, 200);
        const QString truncated = QStringLiteral("truncated file");
        QTest::newRow("baseline cut in half") << baseline.left(baseline.size() / 2) << truncated;
        QTest::newRow("progressive cut in half") << progressive.left(progressive.size() / 2) << truncated;
        QTest::newRow("progressive without its EOI") << progressive.chopped(2) << truncated;
        QTest::newRow("bomb cut in half") << bomb.left(bomb.size() / 2) << truncated;
        QTest::newRow("cut inside the first segment") << baseline.left(12) << "without a readable frame header";
        const qsizetype sof = baseline.indexOf(QByteArray("\xFF\xC0", 2));
        QTest::newRow("cut inside the frame header") << baseline.left(sof + 7) << "without a readable frame header";
        QByteArray noFrame = baseline;
        noFrame[sof + 1] = char(0xFE); // SOF0 -> a comment
        QTest::newRow("scan before any frame header") << noFrame << "without a readable frame header";
        QByteArray badLength = progressive;
        const qsizetype dht = badLength.indexOf(QByteArray("\xFF\xC4", 2), progressive.indexOf(QByteArray("\xFF\xDA", 2)));
        badLength[dht + 2] = 0;
        badLength[dht + 3] = 1; // a segment length under 2
        QTest::newRow("segment length of 1 after a scan") << badLength << truncated;
        QTest::newRow("text after a JPEG signature") << QByteArray("\xFF\xD8\xFFnot a JPEG at all") << "without a readable frame header";
    }

    void damagedJpeg()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, reason);
        QString error;
        QVERIFY(!ImageLoader().decode(bytes, &error));
        QVERIFY2(error.contains(reason), qPrintable(error));
    }

    // The probe walks every byte of a JPEG to its end: cut anywhere, and above
    // all just after an 0xFF or inside a marker's length, it must stop at the
    // end of the buffer. Each cut is followed in memory by bytes that read as
    // an end marker, which the probe would report finding if it read them.
    void probeStopsAtTheEndOfTheBuffer()
    {
        const cv::Mat small(64, 48, CV_8UC3, cv::Scalar(40, 160, 220));
        for (const QByteArray& jpeg : {encodeJpeg(small), progressiveJpeg(small)}) {
            const QByteArray lure = QByteArray("\xD9\xFF\xD9\xFF\xD9\xFF\xD9\xFF", 8);
            for (qsizetype cut = 0; cut < jpeg.size(); ++cut) {
                const QByteArray memory = jpeg.left(cut) + lure;
                const QByteArray bytes = QByteArray::fromRawData(memory.constData(), cut);
                const std::optional<ImageHeader> header = ImageHeader::probe(bytes, nullptr);
                QVERIFY2(!header || header->truncated, qPrintable(QStringLiteral("cut at %1 of %2").arg(cut).arg(jpeg.size())));
            }
            const std::optional<ImageHeader> whole = ImageHeader::probe(jpeg, nullptr);
            QVERIFY(whole && !whole->truncated);
        }
        // Markers as the last bytes of a buffer: FF; FF D8 FF; SOF0 and SOS with
        // half their length; an SOS whose length runs past the end.
        for (const QByteArray& tail : {QByteArray("\xFF", 1), QByteArray("\xFF\xC0\x00", 3), QByteArray("\xFF\xDA\x00", 3),
                                       QByteArray("\xFF\xDA\x00\x0C\x01", 5), QByteArray("\xFF\xD0", 2)}) {
            const QByteArray start = encodeJpeg(small);
            const qsizetype sos = start.indexOf(QByteArray("\xFF\xDA", 2));
            const QByteArray memory = start.left(sos) + tail + QByteArray("\xD9\xFF\xD9", 3);
            const QByteArray bytes = QByteArray::fromRawData(memory.constData(), sos + tail.size());
            const std::optional<ImageHeader> header = ImageHeader::probe(bytes, nullptr);
            QVERIFY(header);
            QVERIFY(header->truncated);
        }
        const QByteArray signatureOnly("\xFF\xD8\xFF", 3);
        QVERIFY(!ImageHeader::probe(signatureOnly, nullptr));
    }
};

QTEST_GUILESS_MAIN(TestImageLoader)
#include "tst_imageloader.moc"
