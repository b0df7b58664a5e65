#include "core/capture/ImageFolderSource.h"
#include "tests/capture/ManualCaptureClock.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <opencv2/imgcodecs.hpp>

#include <cmath>

using fg::Frame;
using fg::FrameSource;
using fg::ImageFolderSource;

namespace {

// A plain picture whose blue channel is `tag` (a gray one is 90 all over).
cv::Mat taggedImage(int tag, int type = CV_8UC3)
{
    if (type == CV_8UC3)
        return cv::Mat(48, 64, type, cv::Scalar(tag, 100, 150));
    return cv::Mat(48, 64, type, cv::Scalar::all(90));
}

int blueOf(const cv::Mat& image)
{
    return int(std::lround(cv::mean(image)[0]));
}

bool writeImage(const QString& path, const cv::Mat& image)
{
    return cv::imwrite(QFile::encodeName(path).toStdString(), image);
}

} // namespace

class TestImageFolderSource : public QObject {
    Q_OBJECT

private:
    // a.png(10) b.jpg(20) c_corrupt.jpg  d.BMP(40) e.png(gray) notes.txt zero.png
    static bool buildFolder(const QTemporaryDir& dir)
    {
        bool ok = writeImage(dir.filePath(QStringLiteral("a.png")), taggedImage(10))
                  && writeImage(dir.filePath(QStringLiteral("b.jpg")), taggedImage(20))
                  && writeImage(dir.filePath(QStringLiteral("d.BMP")), taggedImage(40))
                  && writeImage(dir.filePath(QStringLiteral("e.png")), taggedImage(0, CV_8UC1));
        QFile corrupt(dir.filePath(QStringLiteral("c_corrupt.jpg")));
        ok = ok && corrupt.open(QIODevice::WriteOnly);
        corrupt.write("\xFF\xD8\xFF\xE0 this is not really a JPEG");
        corrupt.close();
        QFile zero(dir.filePath(QStringLiteral("zero.png")));
        ok = ok && zero.open(QIODevice::WriteOnly);
        zero.close();
        QFile notes(dir.filePath(QStringLiteral("notes.txt")));
        ok = ok && notes.open(QIODevice::WriteOnly);
        notes.write("not an image");
        return ok;
    }

private Q_SLOTS:
    void readsImagesInNameOrderAndSkipsBrokenOnes()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(buildFolder(dir));
        ImageFolderSource source(dir.path());
        QVERIFY(!source.isLive());
        QString error;
        QVERIFY2(source.open(&error), qPrintable(error));
        QCOMPARE(source.files().size(), 6); // notes.txt is not listed

        QList<int> tags;
        Frame frame;
        FrameSource::ReadStatus status = FrameSource::ReadStatus::Frame;
        for (int i = 0; i < 20; ++i) {
            status = source.read(&frame, &error);
            if (status != FrameSource::ReadStatus::Frame)
                break;
            QCOMPARE(frame.index, qint64(tags.size()));
            QCOMPARE(frame.image.type(), CV_8UC3);
            tags.append(blueOf(frame.image));
        }
        QCOMPARE(status, FrameSource::ReadStatus::EndOfStream);
        QCOMPARE(tags.size(), 4);
        QCOMPARE(tags.at(0), 10);
        QVERIFY(qAbs(tags.at(1) - 20) <= 3); // JPEG is lossy
        QCOMPARE(tags.at(2), 40);
        QCOMPARE(tags.at(3), 90); // the gray picture, made BGR

        const QStringList warnings = source.takeWarnings();
        QCOMPARE(warnings.size(), 2);
        QVERIFY2(warnings.at(0).contains(QStringLiteral("c_corrupt.jpg")), qPrintable(warnings.at(0)));
        QVERIFY2(warnings.at(1).contains(QStringLiteral("zero.png")), qPrintable(warnings.at(1)));
        QVERIFY2(warnings.at(1).contains(QStringLiteral("empty")), qPrintable(warnings.at(1)));
        QVERIFY(source.takeWarnings().isEmpty()); // taken once
        QCOMPARE(source.skipped().size(), 2);
    }

    void loopWrapsAndKeepsCounting()
    {
        QTemporaryDir dir;
        QVERIFY(buildFolder(dir));
        ImageFolderSource source(dir.path(), ImageFolderSource::Options{true, false, 10.0});
        QString error;
        QVERIFY(source.open(&error));
        Frame frame;
        QList<int> tags;
        for (int i = 0; i < 9; ++i) {
            QCOMPARE(source.read(&frame, &error), FrameSource::ReadStatus::Frame);
            QCOMPARE(frame.index, qint64(i));
            tags.append(blueOf(frame.image));
        }
        QCOMPARE(tags.at(4), tags.at(0));
        QCOMPARE(tags.at(8), tags.at(0));
        QCOMPARE(tags.at(6), tags.at(2));
    }

    void pacingFollowsTheFrameRate()
    {
        QTemporaryDir dir;
        QVERIFY(buildFolder(dir));
        auto clock = std::make_shared<fg::test::ManualCaptureClock>();
        ImageFolderSource source(dir.path(), ImageFolderSource::Options{false, true, 4.0}, clock);
        QString error;
        QVERIFY(source.open(&error));
        Frame frame;
        QList<qint64> stamps;
        while (source.read(&frame, &error) == FrameSource::ReadStatus::Frame && stamps.size() < 10)
            stamps.append(frame.timestampMs);
        QCOMPARE(stamps.size(), 4);
        for (int i = 1; i < stamps.size(); ++i)
            QCOMPARE(stamps.at(i) - stamps.at(i - 1), qint64(250));
    }

    // Issue 20: the desk's replayed camera drifted to 23 fps on a busy machine
    // because each frame waited a whole period from the last one's late wake-up.
    void pacingHoldsTheRateWhenWakingLate()
    {
        QTemporaryDir dir;
        QVERIFY(buildFolder(dir));
        auto clock = std::make_shared<fg::test::ManualCaptureClock>();
        clock->setOversleepMs(5);
        ImageFolderSource source(dir.path(), ImageFolderSource::Options{true, true, 25.0}, clock);
        QString error;
        QVERIFY(source.open(&error));
        Frame frame;
        QList<qint64> stamps;
        while (stamps.size() < 51 && source.read(&frame, &error) == FrameSource::ReadStatus::Frame)
            stamps.append(frame.timestampMs);
        QCOMPARE(stamps.size(), 51);
        const qint64 span = stamps.last() - stamps.first();
        QVERIFY2(span >= 2000 && span <= 2005, qPrintable(QString::number(span))); // 50 periods of 40 ms
    }

    void folderOfBrokenImagesEndsWithReason()
    {
        QTemporaryDir dir;
        QFile broken(dir.filePath(QStringLiteral("x.png")));
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write("garbage");
        broken.close();
        ImageFolderSource source(dir.path(), ImageFolderSource::Options{true, false, 10.0});
        QString error;
        QVERIFY(source.open(&error));
        Frame frame;
        QCOMPARE(source.read(&frame, &error), FrameSource::ReadStatus::EndOfStream);
        QVERIFY2(error.contains(dir.path()) && error.contains(QStringLiteral("none")), qPrintable(error));
        QCOMPARE(source.takeWarnings().size(), 1);
    }

    void badFoldersAreNamed_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("expectedWords");
        QTest::newRow("missing") << QStringLiteral("missing") << QStringLiteral("does not exist");
        QTest::newRow("a file") << QStringLiteral("file") << QStringLiteral("is not a folder");
        QTest::newRow("no images") << QStringLiteral("empty") << QStringLiteral("holds no jpg");
    }

    void badFoldersAreNamed()
    {
        QFETCH(QString, kind);
        QFETCH(QString, expectedWords);
        QTemporaryDir dir;
        QString path = dir.filePath(QStringLiteral("sub"));
        if (kind == QLatin1String("file")) {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
        } else if (kind == QLatin1String("empty")) {
            QVERIFY(QDir().mkpath(path));
        }
        ImageFolderSource source(path);
        QString error;
        QVERIFY(!source.open(&error));
        QVERIFY2(error.contains(path), qPrintable(error));
        QVERIFY2(error.contains(expectedWords), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestImageFolderSource)
#include "tst_imagefoldersource.moc"
