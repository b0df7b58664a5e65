#include "core/capture/CameraSource.h"

#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using fg::CameraSource;
using fg::Frame;
using fg::FrameSource;

class TestCameraSource : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void indexMeansDeviceNode_data()
    {
        QTest::addColumn<QString>("device");
        QTest::addColumn<QString>("expectedPath");
        QTest::newRow("index") << QStringLiteral("0") << QStringLiteral("/dev/video0");
        QTest::newRow("index 12") << QStringLiteral(" 12 ") << QStringLiteral("/dev/video12");
        QTest::newRow("node") << QStringLiteral("/dev/video3") << QStringLiteral("/dev/video3");
    }

    void indexMeansDeviceNode()
    {
        QFETCH(QString, device);
        QFETCH(QString, expectedPath);
        const CameraSource source(device);
        QCOMPARE(source.devicePath(), expectedPath);
        QCOMPARE(source.description(), QStringLiteral("camera ") + expectedPath);
        QVERIFY(source.isLive());
    }

    void missingDeviceIsNamed()
    {
        CameraSource source(QStringLiteral("/dev/video99"));
        QString error;
        QVERIFY(!source.open(&error));
        QVERIFY2(error.contains(QStringLiteral("/dev/video99")), qPrintable(error));
        QVERIFY2(error.contains(QStringLiteral("not found")), qPrintable(error));
        QVERIFY(!source.isOpen());
        Frame frame;
        QCOMPARE(source.read(&frame, &error), FrameSource::ReadStatus::Lost);
    }

    void missingIndexIsNamed()
    {
        CameraSource source(QStringLiteral("99"));
        QString error;
        QVERIFY(!source.open(&error));
        QVERIFY2(error.contains(QStringLiteral("/dev/video99")), qPrintable(error));
    }

    void nonDevicePathIsNamed_data()
    {
        QTest::addColumn<bool>("makeFolder");
        QTest::newRow("regular file") << false;
        QTest::newRow("folder") << true;
    }

    void nonDevicePathIsNamed()
    {
        QFETCH(bool, makeFolder);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QString path = dir.path();
        if (!makeFolder) {
            path = dir.filePath(QStringLiteral("video0"));
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("not a camera");
        }
        CameraSource source(path);
        QString error;
        QVERIFY(!source.open(&error));
        QVERIFY2(error.contains(path), qPrintable(error));
        QVERIFY2(error.contains(QStringLiteral("not a video device")), qPrintable(error));
    }

    void characterDeviceThatIsNoCameraIsRefused()
    {
        // /dev/null is a character device anyone may open: the node check
        // passes and V4L2 must refuse it, with words naming it.
        CameraSource source(QStringLiteral("/dev/null"));
        QString error;
        QVERIFY(!source.open(&error));
        QVERIFY2(error.contains(QStringLiteral("/dev/null")), qPrintable(error));
    }

    void permissionProblemIsNamed()
    {
        // A character device we may not write: /dev/mem, /dev/kmsg or similar
        // when not root. Found at run time; the check is meaningless as root.
        if (::geteuid() == 0)
            QSKIP("running as root: every device node is accessible");
        QString found;
        for (const char* candidate : {"/dev/mem", "/dev/port", "/dev/kmem", "/dev/console", "/dev/vcs"}) {
            const QString path = QString::fromLatin1(candidate);
            QFile probe(path);
            if (QFileInfo::exists(path) && !probe.open(QIODevice::ReadWrite)) {
                found = path;
                break;
            }
        }
        if (found.isEmpty())
            QSKIP("no inaccessible character device on this machine to try");
        QString error;
        QVERIFY(!CameraSource::checkDeviceNode(found, &error));
        QVERIFY2(error.contains(found), qPrintable(error));
        QVERIFY2(error.contains(QStringLiteral("permission denied")), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestCameraSource)
#include "tst_camerasource.moc"
