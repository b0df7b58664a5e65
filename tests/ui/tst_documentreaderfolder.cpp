// DocumentReaderFolder: a document reader's output folder; each new photo
// announced once it is completely written, with the MRZ written beside it;
// what was there before, and what is not a photo, is not announced.
#include "core/live/DocumentReaderFolder.h"

#include "tests/support/TestData.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace fg;

namespace {

bool write(const QString& path, const QByteArray& bytes, QIODevice::OpenMode mode = QIODevice::WriteOnly)
{
    QFile file(path);
    return file.open(mode) && file.write(bytes) == bytes.size();
}

QByteArray photoBytes()
{
    QFile file(test::datasetPath(QStringLiteral("faces-dev/single/obama/01.jpg")));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestDocumentReaderFolder : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void announcesEachNewPhotoOnceWritten()
    {
        FG_REQUIRE_DATASETS();
        const QByteArray photo = photoBytes();
        QVERIFY(photo.size() > 1000);
        QTemporaryDir dir;
        QVERIFY(write(dir.filePath(QStringLiteral("earlier.jpg")), photo)); // an earlier traveler's
        DocumentReaderFolder folder;
        QString error;
        QVERIFY2(folder.watch(dir.path(), &error), qPrintable(error));
        QSignalSpy arrived(&folder, &DocumentReaderFolder::documentArrived);

        // The reader writes the zone, then the photo in two goes.
        const QString mrz = QStringLiteral("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n"
                                           "L898902C36UTO7408122F1204159ZE184226B<<<<<10");
        QVERIFY(write(dir.filePath(QStringLiteral("L898902C3.mrz")), mrz.toUtf8()));
        const QString path = dir.filePath(QStringLiteral("L898902C3.jpg"));
        QVERIFY(write(path, photo.left(photo.size() / 2)));
        QTest::qWait(DocumentReaderFolder::kSettleMs / 3);
        QVERIFY(write(path, photo.mid(photo.size() / 2), QIODevice::Append));
        QVERIFY(write(dir.filePath(QStringLiteral("notes.txt")), "not a photo"));
        QTRY_COMPARE_WITH_TIMEOUT(arrived.count(), 1, 10000);
        QCOMPARE(arrived.front().at(0).toString(), path);
        QCOMPARE(arrived.front().at(1).toString(), mrz);
        QCOMPARE(QFileInfo(path).size(), photo.size()); // announced whole

        // A photo without a zone beside it; nothing twice.
        QVERIFY(write(dir.filePath(QStringLiteral("second.png")), photo));
        QTRY_COMPARE_WITH_TIMEOUT(arrived.count(), 2, 10000);
        QCOMPARE(arrived.at(1).at(0).toString(), dir.filePath(QStringLiteral("second.png")));
        QVERIFY(arrived.at(1).at(1).toString().isEmpty());
        QTest::qWait(3 * DocumentReaderFolder::kSettleMs);
        QCOMPARE(arrived.count(), 2);
    }

    void aMissingFolderIsNamed()
    {
        DocumentReaderFolder folder;
        QString error;
        QVERIFY(!folder.watch(QStringLiteral("/nonexistent/reader-out"), &error));
        QVERIFY2(error.contains(QStringLiteral("/nonexistent/reader-out")), qPrintable(error));
    }
};

QTEST_MAIN(TestDocumentReaderFolder)
#include "tst_documentreaderfolder.moc"
