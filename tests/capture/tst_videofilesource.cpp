#include "core/capture/VideoFileSource.h"
#include "tests/capture/ManualCaptureClock.h"
#include "tests/support/TestData.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using fg::Frame;
using fg::FrameSource;
using fg::VideoFileSource;

class TestVideoFileSource : public QObject {
    Q_OBJECT

private:
    static QString clipPath() { return fg::test::datasetPath(QStringLiteral("faces-dev/video/short_hamilton_clip.mp4")); }

private Q_SLOTS:
    void replaysWholeClipThenEnds()
    {
        FG_REQUIRE_DATASETS();
        VideoFileSource source(clipPath());
        QVERIFY(!source.isLive());
        QVERIFY(source.description().contains(clipPath()));
        QString error;
        QVERIFY2(source.open(&error), qPrintable(error));
        QCOMPARE(source.frameSize(), cv::Size(640, 360));
        QVERIFY(source.framesPerSecond() > 29.0 && source.framesPerSecond() < 31.0);

        qint64 count = 0;
        qint64 lastTimestamp = -1;
        Frame frame;
        FrameSource::ReadStatus status = FrameSource::ReadStatus::Frame;
        // Bounded: the clip declares 275 frames.
        for (int i = 0; i < 1000; ++i) {
            error.clear();
            status = source.read(&frame, &error);
            if (status != FrameSource::ReadStatus::Frame)
                break;
            QCOMPARE(frame.index, count);
            QCOMPARE(frame.image.cols, 640);
            QCOMPARE(frame.image.rows, 360);
            QCOMPARE(frame.image.type(), CV_8UC3);
            QVERIFY(frame.timestampMs >= lastTimestamp);
            lastTimestamp = frame.timestampMs;
            ++count;
        }
        QCOMPARE(status, FrameSource::ReadStatus::EndOfStream);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        // "About 275": allow a few frames of decoder slack either way.
        QVERIFY2(count >= 270 && count <= 280, qPrintable(QString::number(count)));
        // Stays at the end.
        QCOMPARE(source.read(&frame, &error), FrameSource::ReadStatus::EndOfStream);
    }

    void loopWrapsToFirstFrame()
    {
        FG_REQUIRE_DATASETS();
        VideoFileSource first(clipPath());
        QString error;
        QVERIFY2(first.open(&error), qPrintable(error));
        Frame firstFrame;
        QCOMPARE(first.read(&firstFrame, &error), FrameSource::ReadStatus::Frame);

        VideoFileSource source(clipPath(), VideoFileSource::Options{false, true});
        QVERIFY2(source.open(&error), qPrintable(error));
        Frame frame;
        const qint64 wanted = 2 * 275 + 10;
        for (qint64 i = 0; i < wanted; ++i) {
            QCOMPARE(source.read(&frame, &error), FrameSource::ReadStatus::Frame);
            QCOMPARE(frame.index, i);
        }
        // Find the wrap: some frame after the first pass equals frame 0 again.
        VideoFileSource again(clipPath(), VideoFileSource::Options{false, true});
        QVERIFY(again.open(&error));
        int wrapIndex = -1;
        for (int i = 0; i < 300 && wrapIndex < 0; ++i) {
            QCOMPARE(again.read(&frame, &error), FrameSource::ReadStatus::Frame);
            if (i > 0 && cv::norm(frame.image, firstFrame.image, cv::NORM_INF) == 0.0)
                wrapIndex = i;
        }
        // The first frame comes back once the whole clip has been played.
        QVERIFY2(wrapIndex >= 270, qPrintable(QString::number(wrapIndex)));
    }

    void realTimePacesToFileRate()
    {
        FG_REQUIRE_DATASETS();
        auto clock = std::make_shared<fg::test::ManualCaptureClock>();
        VideoFileSource source(clipPath(), VideoFileSource::Options{true, false}, clock);
        QString error;
        QVERIFY2(source.open(&error), qPrintable(error));
        Frame frame;
        QList<qint64> stamps;
        for (int i = 0; i < 31; ++i) {
            QCOMPARE(source.read(&frame, &error), FrameSource::ReadStatus::Frame);
            stamps.append(frame.timestampMs);
        }
        // 30 frame periods at 29.97 fps on the manual clock: 1001 ms.
        QCOMPARE(stamps.last() - stamps.first(), qint64(1001));
        // As fast as possible: no wait at all.
        auto fastClock = std::make_shared<fg::test::ManualCaptureClock>();
        VideoFileSource fast(clipPath(), VideoFileSource::Options{}, fastClock);
        QVERIFY(fast.open(&error));
        for (int i = 0; i < 10; ++i)
            QCOMPARE(fast.read(&frame, &error), FrameSource::ReadStatus::Frame);
        QVERIFY(fastClock->sleeps().isEmpty());
    }

    void badFilesAreNamed_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("fileName");
        QTest::addColumn<QString>("expectedWords");
        QTest::newRow("missing") << QByteArray() << QStringLiteral("absent.mp4") << QStringLiteral("does not exist");
        QTest::newRow("empty") << QByteArray("") << QStringLiteral("empty.mp4") << QStringLiteral("empty");
        QTest::newRow("garbage") << QByteArray(4096, 'x') << QStringLiteral("garbage.mp4") << QStringLiteral("cannot decode");
    }

    void badFilesAreNamed()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, fileName);
        QFETCH(QString, expectedWords);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(fileName);
        if (fileName != QLatin1String("absent.mp4")) {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(content);
        }
        VideoFileSource source(path);
        QString error;
        QVERIFY(!source.open(&error));
        QVERIFY2(error.contains(path), qPrintable(error));
        QVERIFY2(error.contains(expectedWords), qPrintable(error));
        QVERIFY(!source.isOpen());
    }

    void truncatedClipIsRefusedOrEndsCleanly()
    {
        FG_REQUIRE_DATASETS();
        QFile clip(clipPath());
        QVERIFY(clip.open(QIODevice::ReadOnly));
        const QByteArray head = clip.read(clip.size() / 3);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("truncated.mp4"));
        QFile out(path);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(head);
        out.close();
        VideoFileSource source(path);
        QString error;
        if (!source.open(&error)) {
            QVERIFY2(error.contains(path), qPrintable(error));
            return;
        }
        Frame frame;
        int frames = 0;
        FrameSource::ReadStatus status = FrameSource::ReadStatus::Frame;
        for (int i = 0; i < 1000 && status == FrameSource::ReadStatus::Frame; ++i) {
            status = source.read(&frame, &error);
            frames += status == FrameSource::ReadStatus::Frame ? 1 : 0;
        }
        QCOMPARE(status, FrameSource::ReadStatus::EndOfStream);
        QVERIFY(frames < 275);
    }

    void readBeforeOpenIsRefused()
    {
        VideoFileSource source(QStringLiteral("/nonexistent/clip.mp4"));
        Frame frame;
        QString error;
        QCOMPARE(source.read(&frame, &error), FrameSource::ReadStatus::EndOfStream);
        QVERIFY2(error.contains(QStringLiteral("not open")), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestVideoFileSource)
#include "tst_videofilesource.moc"
