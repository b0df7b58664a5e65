// DocumentReaderFolder: a document reader's output folder; each new photo
// taken once it is completely written, with the MRZ written beside it, read
// into memory and then both files destroyed (issue 18); what was there before
// is destroyed unread and never announced; what is not a photo or a zone is
// left alone; an undecodable photo is destroyed and announced with its
// problem; a file that cannot be deleted is said, and not taken again.
#include "core/live/DocumentReaderFolder.h"

#include "tests/support/TestData.h"
#include "tests/support/UndeletableFolder.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <vector>

using namespace fg;

namespace {

using Deletion = DocumentReaderFiles::Deletion;
using Document = DocumentReaderFiles::Document;

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

const QString kZone = QStringLiteral("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n"
                                     "L898902C36UTO7408122F1204159ZE184226B<<<<<10");

// What the folder said, in the order it said it.
struct Heard {
    std::vector<Document> documents;
    std::vector<Deletion> deletions;

    explicit Heard(DocumentReaderFolder& folder)
    {
        QObject::connect(&folder, &DocumentReaderFolder::documentArrived,
                         [this](const Document& document) { documents.push_back(document); });
        QObject::connect(&folder, &DocumentReaderFolder::filesDeleted, [this](const QList<Deletion>& batch) {
            deletions.insert(deletions.end(), batch.cbegin(), batch.cend());
        });
    }

    const Deletion* of(const QString& path) const
    {
        for (const Deletion& deletion : deletions) {
            if (deletion.path == path)
                return &deletion;
        }
        return nullptr;
    }
};

} // namespace

class TestDocumentReaderFolder : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void takesEachNewPhotoOnceWrittenAndDestroysItsFiles()
    {
        FG_REQUIRE_DATASETS();
        const QByteArray photo = photoBytes();
        QVERIFY(photo.size() > 1000);
        QTemporaryDir dir;
        DocumentReaderFolder folder;
        Heard heard(folder);
        QString error;
        QVERIFY2(folder.watch(dir.path(), &error), qPrintable(error));

        // The reader writes the zone, then the photo in two goes.
        const QString zonePath = dir.filePath(QStringLiteral("L898902C3.mrz"));
        QVERIFY(write(zonePath, kZone.toUtf8()));
        const QString path = dir.filePath(QStringLiteral("L898902C3.jpg"));
        QVERIFY(write(path, photo.left(photo.size() / 2)));
        QTest::qWait(DocumentReaderFolder::kSettleMs / 3);
        QVERIFY(write(path, photo.mid(photo.size() / 2), QIODevice::Append));
        QVERIFY(write(dir.filePath(QStringLiteral("notes.txt")), "not a photo"));
        QTRY_COMPARE_WITH_TIMEOUT(heard.documents.size(), size_t(1), 10000);
        const Document& first = heard.documents.front();
        QCOMPARE(first.photoPath, path);
        QCOMPARE(first.photo, photo); // taken whole
        QCOMPARE(first.mrzText, kZone);
        QVERIFY2(first.problem.isEmpty(), qPrintable(first.problem));
        // Both files destroyed before it was announced, and said so.
        QVERIFY(!QFile::exists(path));
        QVERIFY(!QFile::exists(zonePath));
        QCOMPARE(first.deletions.size(), 2);
        QCOMPARE(heard.deletions.size(), size_t(2));
        const Deletion* photoDeletion = heard.of(path);
        const Deletion* zoneDeletion = heard.of(zonePath);
        QVERIFY(photoDeletion && zoneDeletion);
        QVERIFY2(photoDeletion->deleted && zoneDeletion->deleted, qPrintable(photoDeletion->error + zoneDeletion->error));
        QCOMPARE(photoDeletion->kind, QStringLiteral("photo"));
        QCOMPARE(photoDeletion->bytes, qint64(photo.size()));
        QCOMPARE(photoDeletion->reason, DocumentReaderFiles::Reason::Imported);
        QCOMPARE(zoneDeletion->kind, QStringLiteral("zone"));
        QCOMPARE(zoneDeletion->bytes, qint64(kZone.toUtf8().size()));
        QVERIFY(QFile::exists(dir.filePath(QStringLiteral("notes.txt")))); // not the reader's: left alone

        // A photo without a zone beside it; the same name again is a new traveler.
        QVERIFY(write(dir.filePath(QStringLiteral("second.png")), photo));
        QTRY_COMPARE_WITH_TIMEOUT(heard.documents.size(), size_t(2), 10000);
        QCOMPARE(heard.documents.at(1).photoPath, dir.filePath(QStringLiteral("second.png")));
        QVERIFY(heard.documents.at(1).mrzText.isEmpty());
        QVERIFY(write(path, photo));
        QTRY_COMPARE_WITH_TIMEOUT(heard.documents.size(), size_t(3), 10000);
        QCOMPARE(heard.documents.at(2).photoPath, path);
        QVERIFY(heard.documents.at(2).mrzText.isEmpty()); // the earlier zone is gone with its photo
        QVERIFY(!QFile::exists(path));
    }

    void filesThereBeforeTheWatchAreDestroyedUnread()
    {
        FG_REQUIRE_DATASETS();
        const QByteArray photo = photoBytes();
        QTemporaryDir dir;
        const QStringList stale{dir.filePath(QStringLiteral("earlier.jpg")), dir.filePath(QStringLiteral("earlier.txt")),
                                dir.filePath(QStringLiteral("orphan.mrz"))};
        QVERIFY(write(stale.at(0), photo));
        QVERIFY(write(stale.at(1), kZone.toUtf8()));
        QVERIFY(write(stale.at(2), kZone.toUtf8()));
        QVERIFY(write(dir.filePath(QStringLiteral("notes.txt")), "no photo of that name"));
        DocumentReaderFolder folder;
        Heard heard(folder);
        QString error;
        QVERIFY2(folder.watch(dir.path(), &error), qPrintable(error));

        QTRY_COMPARE_WITH_TIMEOUT(heard.deletions.size(), size_t(3), 10000);
        for (const QString& path : stale) {
            const Deletion* deletion = heard.of(path);
            QVERIFY2(deletion, qPrintable(path));
            QVERIFY2(deletion->deleted, qPrintable(deletion->error));
            QCOMPARE(deletion->reason, DocumentReaderFiles::Reason::Stale);
            QVERIFY(!QFile::exists(path));
        }
        QCOMPARE(heard.of(stale.at(0))->kind, QStringLiteral("photo"));
        QCOMPARE(heard.of(stale.at(0))->bytes, qint64(photo.size()));
        QCOMPARE(heard.of(stale.at(2))->kind, QStringLiteral("zone"));
        QVERIFY(QFile::exists(dir.filePath(QStringLiteral("notes.txt"))));
        // Never announced: a photo that comes now is the first one.
        QVERIFY(write(dir.filePath(QStringLiteral("now.jpg")), photo));
        QTRY_COMPARE_WITH_TIMEOUT(heard.documents.size(), size_t(1), 10000);
        QCOMPARE(heard.documents.front().photoPath, dir.filePath(QStringLiteral("now.jpg")));
    }

    void anUndecodablePhotoIsDestroyedAndAnnouncedWithItsProblem()
    {
        QTemporaryDir dir;
        DocumentReaderFolder folder;
        Heard heard(folder);
        QString error;
        QVERIFY2(folder.watch(dir.path(), &error), qPrintable(error));
        const QString path = dir.filePath(QStringLiteral("broken.jpg"));
        QVERIFY(write(dir.filePath(QStringLiteral("broken.mrz")), kZone.toUtf8()));
        QVERIFY(write(path, QByteArray("not a JPEG at all ").repeated(50)));
        QTRY_COMPARE_WITH_TIMEOUT(heard.documents.size(), size_t(1), 10000);
        const Document& document = heard.documents.front();
        QVERIFY(document.photo.isEmpty()); // nothing of it goes further
        QVERIFY2(document.problem.contains(QStringLiteral("broken.jpg")), qPrintable(document.problem));
        QVERIFY(!QFile::exists(path));
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("broken.mrz"))));
        QCOMPARE(heard.deletions.size(), size_t(2));
        for (const Deletion& deletion : heard.deletions) {
            QVERIFY(deletion.deleted);
            QCOMPARE(deletion.reason, DocumentReaderFiles::Reason::Undecodable);
        }
    }

    // A folder that refuses the unlink: the photo is taken all the same, the
    // deletion is said with the file and why, and the file left is not
    // taken again (its bytes are noise now) until it is gone.
    void aFileThatCannotBeDeletedIsSaidAndNotTakenAgain()
    {
        FG_REQUIRE_DATASETS();
        const QByteArray photo = photoBytes();
        QTemporaryDir dir;
        DocumentReaderFolder folder;
        Heard heard(folder);
        QString error;
        QVERIFY2(folder.watch(dir.path(), &error), qPrintable(error));
        const QString path = dir.filePath(QStringLiteral("scan-7.jpg"));
        QVERIFY(write(path, photo));
        // Before the event loop runs again, so before the photo settles.
        test::UndeletableFolder readOnly(dir.path());
        if (!readOnly.engaged())
            QSKIP(qPrintable(readOnly.why()));
        QTRY_COMPARE_WITH_TIMEOUT(heard.documents.size(), size_t(1), 10000);
        QCOMPARE(heard.documents.front().photo, photo);
        const Deletion* deletion = heard.of(path);
        QVERIFY(deletion);
        QVERIFY(!deletion->deleted);
        QVERIFY(deletion->overwritten);
        QVERIFY2(deletion->error.startsWith(QStringLiteral("cannot remove document photo %1: ").arg(path)),
                 qPrintable(deletion->error));
        readOnly.undo();
        QVERIFY(QFile::exists(path));
        // Touched again (the directory changes), still not taken a second time.
        QVERIFY(write(dir.filePath(QStringLiteral("notes.txt")), "a change in the folder"));
        QVERIFY(write(path, "x", QIODevice::Append));
        // Long enough for it to settle, had it been taken for new (it would
        // then come first: the file work is done in order).
        QTest::qWait(3 * DocumentReaderFolder::kSettleMs);
        QVERIFY(write(dir.filePath(QStringLiteral("next.jpg")), photo));
        QTRY_COMPARE_WITH_TIMEOUT(heard.documents.size(), size_t(2), 10000);
        QCOMPARE(heard.documents.at(1).photoPath, dir.filePath(QStringLiteral("next.jpg")));
        QVERIFY(QFile::exists(path));
    }

    void anAuditRecordHoldsNoZoneContents()
    {
        Deletion deletion;
        deletion.path = QStringLiteral("/var/lib/reader/scan-0001.mrz");
        deletion.kind = QStringLiteral("zone");
        deletion.bytes = 89;
        deletion.reason = DocumentReaderFiles::Reason::Stale;
        deletion.deleted = false;
        deletion.overwritten = true;
        deletion.error = QStringLiteral("cannot remove machine-readable zone file /var/lib/reader/scan-0001.mrz: "
                                        "Permission denied");
        const QJsonObject details = DocumentReaderFiles::auditDetails(deletion);
        QCOMPARE(details.value(QStringLiteral("file")).toString(), QStringLiteral("scan-0001.mrz"));
        QCOMPARE(details.value(QStringLiteral("folder")).toString(), QStringLiteral("/var/lib/reader"));
        QCOMPARE(details.value(QStringLiteral("kind")).toString(), QStringLiteral("zone"));
        QCOMPARE(details.value(QStringLiteral("bytes")).toInteger(), qint64(89));
        QCOMPARE(details.value(QStringLiteral("reason")).toString(), QStringLiteral("stale"));
        QCOMPARE(details.value(QStringLiteral("deleted")).toBool(), false);
        QCOMPARE(details.value(QStringLiteral("overwritten")).toBool(), true);
        QCOMPARE(details.value(QStringLiteral("error")).toString(), deletion.error);
        QCOMPARE(details.size(), 8);
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
