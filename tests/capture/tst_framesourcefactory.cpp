#include "core/capture/FrameSourceFactory.h"
#include "tests/support/TestData.h"

#include <QTemporaryDir>
#include <QTest>

using fg::FrameSource;
using fg::FrameSourceFactory;
using Kind = fg::FrameSourceFactory::Kind;

Q_DECLARE_METATYPE(fg::FrameSourceFactory::Kind)

class TestFrameSourceFactory : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void parsesSpecs_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<Kind>("kind");
        QTest::addColumn<QString>("target");
        QTest::newRow("index") << QStringLiteral("0") << Kind::Camera << QStringLiteral("0");
        QTest::newRow("index, spaces") << QStringLiteral(" 2 ") << Kind::Camera << QStringLiteral("2");
        QTest::newRow("node") << QStringLiteral("/dev/video1") << Kind::Camera << QStringLiteral("/dev/video1");
        QTest::newRow("v4l2 index") << QStringLiteral("v4l2:3") << Kind::Camera << QStringLiteral("3");
        QTest::newRow("v4l2 node") << QStringLiteral("v4l2:/dev/video4") << Kind::Camera << QStringLiteral("/dev/video4");
        QTest::newRow("rtsp") << QStringLiteral("rtsp://10.0.0.5:554/stream1") << Kind::Stream
                              << QStringLiteral("rtsp://10.0.0.5:554/stream1");
        QTest::newRow("RTSP upper case") << QStringLiteral("RTSP://cam.local/live") << Kind::Stream
                                         << QStringLiteral("RTSP://cam.local/live");
        QTest::newRow("http") << QStringLiteral("http://127.0.0.1:8080/video.mjpg") << Kind::Stream
                              << QStringLiteral("http://127.0.0.1:8080/video.mjpg");
        QTest::newRow("https") << QStringLiteral("https://cam.example/x") << Kind::Stream
                               << QStringLiteral("https://cam.example/x");
        QTest::newRow("file") << QStringLiteral("/data/clip.mp4") << Kind::VideoFile << QStringLiteral("/data/clip.mp4");
        QTest::newRow("missing file") << QStringLiteral("nothing-here.avi") << Kind::VideoFile
                                      << QStringLiteral("nothing-here.avi");
        QTest::newRow("file URL") << QStringLiteral("file:///data/clip.mp4") << Kind::VideoFile
                                  << QStringLiteral("/data/clip.mp4");
    }

    void parsesSpecs()
    {
        QFETCH(QString, spec);
        QFETCH(Kind, kind);
        QFETCH(QString, target);
        QString error;
        const auto parsed = FrameSourceFactory::parse(spec, &error);
        QVERIFY2(parsed.has_value(), qPrintable(error));
        QCOMPARE(parsed->kind, kind);
        QCOMPARE(parsed->target, target);
    }

    void secretsStayOut()
    {
        QCOMPARE(FrameSourceFactory::withoutSecrets(QStringLiteral("rtsp://admin:s3cret@10.1.2.3:554/lane2?token=abc")),
                 QStringLiteral("rtsp://10.1.2.3:554/lane2"));
        QCOMPARE(FrameSourceFactory::withoutSecrets(QStringLiteral("https://cam.port.example/mjpeg")),
                 QStringLiteral("https://cam.port.example/mjpeg"));
        QCOMPARE(FrameSourceFactory::withoutSecrets(QStringLiteral("/dev/video0")), QStringLiteral("/dev/video0"));
        QCOMPARE(FrameSourceFactory::withoutSecrets(QStringLiteral("/data/clips/gate-b12.mp4")),
                 QStringLiteral("/data/clips/gate-b12.mp4"));
    }

    void existingFolderIsImageFolder()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QString error;
        const auto parsed = FrameSourceFactory::parse(dir.path(), &error);
        QVERIFY(parsed.has_value());
        QCOMPARE(parsed->kind, Kind::ImageFolder);
        auto source = FrameSourceFactory::create(dir.path(), {}, &error);
        QVERIFY(source);
        QVERIFY(dynamic_cast<fg::ImageFolderSource*>(source.get()));
    }

    void refusesBadSpecs_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<QString>("expectedWords");
        QTest::newRow("empty") << QString() << QStringLiteral("no frame source");
        QTest::newRow("blank") << QStringLiteral("   ") << QStringLiteral("no frame source");
        QTest::newRow("ftp") << QStringLiteral("ftp://host/clip.mp4") << QStringLiteral("'ftp' is not supported");
        QTest::newRow("v4l2 junk") << QStringLiteral("v4l2:front") << QStringLiteral("v4l2:front");
        QTest::newRow("rtsp no host") << QStringLiteral("rtsp:///x") << QStringLiteral("no host");
    }

    void refusesBadSpecs()
    {
        QFETCH(QString, spec);
        QFETCH(QString, expectedWords);
        QString error;
        QVERIFY(!FrameSourceFactory::parse(spec, &error).has_value());
        QVERIFY2(error.contains(expectedWords), qPrintable(error));
        error.clear();
        QVERIFY(!FrameSourceFactory::create(spec, {}, &error));
        QVERIFY2(error.contains(expectedWords), qPrintable(error));
    }

    void createsTheRightClasses()
    {
        QString error;
        FrameSourceFactory::Options options;
        auto camera = FrameSourceFactory::create(QStringLiteral("v4l2:7"), options, &error);
        QVERIFY(camera);
        auto* wrapped = dynamic_cast<fg::ReconnectingSource*>(camera.get());
        QVERIFY(wrapped); // live sources reconnect by default
        QVERIFY(dynamic_cast<fg::CameraSource*>(wrapped->inner()));
        QCOMPARE(camera->description(), QStringLiteral("camera /dev/video7"));

        options.reconnectLive = false;
        auto stream = FrameSourceFactory::create(QStringLiteral("rtsp://127.0.0.1:1/x"), options, &error);
        QVERIFY(dynamic_cast<fg::StreamSource*>(stream.get()));
        QVERIFY(stream->isLive());

        auto file = FrameSourceFactory::create(QStringLiteral("/no/such/clip.mp4"), options, &error);
        QVERIFY(dynamic_cast<fg::VideoFileSource*>(file.get()));
        QVERIFY(!file->isLive());
        // The file's absence is reported when it is opened, naming it.
        QVERIFY(!file->open(&error));
        QVERIFY2(error.contains(QStringLiteral("/no/such/clip.mp4")), qPrintable(error));
    }

    void createdVideoFileReplays()
    {
        FG_REQUIRE_DATASETS();
        const QString clip = fg::test::datasetPath(QStringLiteral("faces-dev/video/short_hamilton_clip.mp4"));
        QString error;
        auto source = FrameSourceFactory::create(clip, {}, &error);
        QVERIFY2(source, qPrintable(error));
        QVERIFY2(source->open(&error), qPrintable(error));
        fg::Frame frame;
        QCOMPARE(source->read(&frame, &error), FrameSource::ReadStatus::Frame);
        QCOMPARE(frame.image.cols, 640);
    }
};

QTEST_GUILESS_MAIN(TestFrameSourceFactory)
#include "tst_framesourcefactory.moc"
