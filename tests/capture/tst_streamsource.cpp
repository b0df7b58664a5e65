#include "core/capture/ReconnectingSource.h"
#include "core/capture/StreamSource.h"
#include "tests/capture/MjpegServer.h"
#include "tests/capture/RtspServer.h"
#include "tests/support/TestData.h"

#include <QDeadlineTimer>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTest>

#include <opencv2/imgcodecs.hpp>

#include <cmath>

using fg::CaptureState;
using fg::Frame;
using fg::FrameSource;
using fg::ReconnectingSource;
using fg::StreamSource;
using fg::test::MjpegServer;
using fg::test::RtspServer;

namespace {

constexpr int kWidth = 320;
constexpr int kHeight = 240;
constexpr int kFrames = 6;

// Plain pictures of gray 40, 70, 100, ...: a decoded frame must be one of them.
std::vector<QByteArray> makeJpegs()
{
    std::vector<QByteArray> out;
    for (int i = 0; i < kFrames; ++i) {
        const cv::Mat image(kHeight, kWidth, CV_8UC3, cv::Scalar::all(40 + 30 * i));
        std::vector<uchar> bytes;
        cv::imencode(".jpg", image, bytes);
        out.emplace_back(reinterpret_cast<const char*>(bytes.data()), qsizetype(bytes.size()));
    }
    return out;
}

bool isOneOfOurPictures(const cv::Mat& image)
{
    const double gray = cv::mean(image)[1];
    for (int i = 0; i < kFrames; ++i) {
        if (std::abs(gray - (40 + 30 * i)) < 4.0)
            return true;
    }
    return false;
}

// A loopback port with nothing listening (taken from the kernel, then freed).
quint16 closedPort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    const quint16 port = probe.serverPort();
    probe.close();
    return port;
}

QString mjpegUrl(quint16 port)
{
    return QStringLiteral("http://127.0.0.1:%1/live.mjpg").arg(port);
}

StreamSource::Options generousTimeouts()
{
    return StreamSource::Options{15000, 5000};
}

} // namespace

class TestStreamSource : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void readsFramesThenLosesTheStream()
    {
        MjpegServer server(makeJpegs(), 40);
        const quint16 port = server.start();
        QVERIFY(port != 0);
        StreamSource source(mjpegUrl(port), generousTimeouts());
        QVERIFY(source.isLive());
        QString error;
        QVERIFY2(source.open(&error), qPrintable(error));
        Frame frame;
        for (int i = 0; i < 10; ++i) {
            QCOMPARE(source.read(&frame, &error), FrameSource::ReadStatus::Frame);
            QCOMPARE(frame.image.cols, kWidth);
            QCOMPARE(frame.image.rows, kHeight);
            QCOMPARE(frame.image.type(), CV_8UC3);
            QCOMPARE(frame.index, qint64(i));
            QVERIFY(isOneOfOurPictures(frame.image));
        }

        server.stop();
        // Frames already buffered may still come; bounded by the read timeout.
        FrameSource::ReadStatus status = FrameSource::ReadStatus::Frame;
        for (int i = 0; i < 500 && status == FrameSource::ReadStatus::Frame; ++i) {
            error.clear();
            status = source.read(&frame, &error);
        }
        QCOMPARE(status, FrameSource::ReadStatus::Lost);
        QVERIFY2(error.contains(mjpegUrl(port)), qPrintable(error));
        QVERIFY2(error.contains(QStringLiteral("lost")), qPrintable(error));
    }

    void reconnectsWhenTheServerComesBack()
    {
        MjpegServer server(makeJpegs(), 40);
        const quint16 port = server.start();
        QVERIFY(port != 0);
        ReconnectingSource source(std::make_unique<StreamSource>(mjpegUrl(port), generousTimeouts()),
                                  ReconnectingSource::Policy{50, 400, 2.0, 0});
        QString error;
        QVERIFY2(source.open(&error), qPrintable(error));
        QCOMPARE(source.state(), CaptureState::Live);
        Frame frame;
        for (int i = 0; i < 5; ++i)
            QCOMPARE(source.read(&frame, &error), FrameSource::ReadStatus::Frame);
        const qint64 lastIndexBefore = frame.index;

        server.stop();
        FrameSource::ReadStatus status = FrameSource::ReadStatus::Frame;
        for (int i = 0; i < 500 && status == FrameSource::ReadStatus::Frame; ++i)
            status = source.read(&frame, &error);
        QCOMPARE(status, FrameSource::ReadStatus::Lost);
        QCOMPARE(source.state(), CaptureState::Reconnecting);
        QVERIFY(source.recoversFromLoss());

        // With the server down, attempts fail with words naming the refusal.
        error.clear();
        QCOMPARE(source.read(&frame, &error), FrameSource::ReadStatus::Lost);
        QVERIFY2(error.contains(QStringLiteral("refused")), qPrintable(error));
        QVERIFY2(error.contains(mjpegUrl(port)), qPrintable(error));
        QVERIFY(source.failedAttempts() >= 1);
        QCOMPARE(source.state(), CaptureState::Reconnecting);

        QCOMPARE(server.start(port), port);
        QDeadlineTimer deadline(60000);
        status = FrameSource::ReadStatus::Lost;
        while (status != FrameSource::ReadStatus::Frame && !deadline.hasExpired())
            status = source.read(&frame, &error);
        QCOMPARE(status, FrameSource::ReadStatus::Frame);
        QCOMPARE(source.state(), CaptureState::Live);
        QCOMPARE(source.failedAttempts(), 0);
        QVERIFY(frame.index > lastIndexBefore); // indices keep increasing
        QVERIFY(isOneOfOurPictures(frame.image));
    }

    void readsFramesOverRtspThenLosesIt()
    {
        FG_REQUIRE_DATASETS();
        const QString ffmpeg = QStandardPaths::findExecutable(QStringLiteral("ffmpeg"));
        if (ffmpeg.isEmpty())
            QSKIP("the ffmpeg program is not installed: the test RTSP server needs it to make RTP packets");
        RtspServer server(ffmpeg, fg::test::datasetPath(QStringLiteral("faces-dev/video/short_hamilton_clip.mp4")));
        QString why;
        const quint16 port = server.start(&why);
        QVERIFY2(port != 0, qPrintable(why));
        const QString url = QStringLiteral("rtsp://127.0.0.1:%1/clip").arg(port);
        StreamSource source(url, generousTimeouts());
        QString error;
        QVERIFY2(source.open(&error), qPrintable(error));
        Frame frame;
        for (int i = 0; i < 10; ++i) {
            QCOMPARE(source.read(&frame, &error), FrameSource::ReadStatus::Frame);
            QCOMPARE(frame.image.cols, 640);
            QCOMPARE(frame.image.rows, 360);
            QCOMPARE(frame.image.type(), CV_8UC3);
            QVERIFY(cv::mean(frame.image)[1] > 5.0); // a picture, not a black frame
        }
        server.stop();
        FrameSource::ReadStatus status = FrameSource::ReadStatus::Frame;
        for (int i = 0; i < 500 && status == FrameSource::ReadStatus::Frame; ++i) {
            error.clear();
            status = source.read(&frame, &error);
        }
        QCOMPARE(status, FrameSource::ReadStatus::Lost);
        QVERIFY2(error.contains(url) && error.contains(QStringLiteral("lost")), qPrintable(error));
    }

    void refusedConnectionIsNamed_data()
    {
        QTest::addColumn<QString>("scheme");
        QTest::newRow("rtsp") << QStringLiteral("rtsp");
        QTest::newRow("http") << QStringLiteral("http");
    }

    void refusedConnectionIsNamed()
    {
        QFETCH(QString, scheme);
        const quint16 port = closedPort();
        QVERIFY(port != 0);
        const QString url = QStringLiteral("%1://127.0.0.1:%2/live").arg(scheme).arg(port);
        StreamSource source(url, generousTimeouts());
        QString error;
        QVERIFY(!source.open(&error));
        QVERIFY2(error.contains(url), qPrintable(error));
        QVERIFY2(error.contains(QStringLiteral("connection refused")), qPrintable(error));
        QVERIFY(!source.isOpen());
    }

    void silentServerTimesOut()
    {
        MjpegServer server(makeJpegs(), 40);
        const quint16 port = server.start(0, true);
        QVERIFY(port != 0);
        StreamSource source(mjpegUrl(port), StreamSource::Options{1500, 1500});
        QString error;
        QVERIFY(!source.open(&error));
        QVERIFY2(error.contains(mjpegUrl(port)), qPrintable(error));
        QVERIFY2(error.contains(QStringLiteral("1500 ms")), qPrintable(error));
    }

    void passwordNeverShown()
    {
        const quint16 port = closedPort();
        const QString url = QStringLiteral("rtsp://officer:s3cret@127.0.0.1:%1/cam").arg(port);
        StreamSource source(url, generousTimeouts());
        QVERIFY(!source.description().contains(QStringLiteral("s3cret")));
        QVERIFY(source.description().contains(QStringLiteral("officer@127.0.0.1")));
        QString error;
        QVERIFY(!source.open(&error));
        QVERIFY(!error.isEmpty());
        QVERIFY2(!error.contains(QStringLiteral("s3cret")), qPrintable(error));
    }

    void unsupportedUrlsAreRefused_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("expectedWords");
        QTest::newRow("ftp") << QStringLiteral("ftp://127.0.0.1/x") << QStringLiteral("not supported");
        QTest::newRow("no host") << QStringLiteral("rtsp:///stream") << QStringLiteral("no host");
    }

    void unsupportedUrlsAreRefused()
    {
        QFETCH(QString, url);
        QFETCH(QString, expectedWords);
        StreamSource source(url);
        QString error;
        QVERIFY(!source.open(&error));
        QVERIFY2(error.contains(expectedWords), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestStreamSource)
#include "tst_streamsource.moc"
