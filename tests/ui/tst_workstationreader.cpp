// Issue 18: the files a document reader writes into documents/readerFolder
// (a traveler's portrait and the machine-readable zone beside it) are
// personal data that no retention rule keeps on disk. On the workstation as
// app/facegate builds it (Workstation over Records, its records thread), the
// photo and its zone are destroyed once read into memory, files an earlier
// session left are destroyed at the watch, an undecodable photo is destroyed
// and the officer told, each deletion is the audit event
// "document.file.delete" (written on the records thread), and a deletion
// that fails is said to the officer with the file's name and why, logged,
// and loses nothing already read.
#include "core/config/Settings.h"
#include "core/security/AuditLog.h"
#include "core/storage/SystemClock.h"
#include "core/workflow/Records.h"
#include "core/workflow/RecordsThread.h"
#include "ui/desk/MainWindow.h"
#include "ui/session/Workstation.h"

#include "tests/support/TestData.h"
#include "tests/support/UndeletableFolder.h"
#include "tests/ui/ClipCamera.h"
#include "tests/ui/ClipFlight.h"
#include "tests/ui/TestRecords.h"
#include "tests/ui/WorkstationDriving.h"

#include <QFile>
#include <QJsonDocument>
#include <QLabel>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <tuple>
#include <vector>

using namespace fg;

namespace {

const QString kActor = QStringLiteral("test:workstation");

bool write(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

QByteArray readAll(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QByteArray portrait()
{
    return readAll(test::datasetPath(QStringLiteral("faces-dev/single/alex_lacamoire/01.jpg")));
}

// The records, their thread and a workstation (not started) on the replayed
// clip, watching a reader folder of its own, as app/facegate puts them together.
struct ReaderStation {
    QTemporaryDir dir;
    QTemporaryDir reader;
    SystemClock clock;
    std::unique_ptr<Records> records;
    std::unique_ptr<RecordsThread> recordsThread;
    std::unique_ptr<Workstation> workstation;

    bool open(QString* error)
    {
        const std::optional<Settings> settings = test::recordsSettings(dir, error);
        if (!settings)
            return false;
        records = Records::open(*settings, clock, QStringLiteral("test:setup"), error);
        if (!records)
            return false;
        recordsThread = RecordsThread::open(*settings, clock, QStringLiteral("test:records"), error);
        if (!recordsThread)
            return false;
        Workstation::Options options;
        options.cameras = {test::clipCamera()};
        options.actor = kActor;
        options.documentReaderFolder = reader.path();
        workstation = std::make_unique<Workstation>(*records, *recordsThread, clock, options);
        return true;
    }

    void watch() { workstation->watchDocumentReader(*recordsThread); }
    QString path(const QString& name) const { return reader.filePath(name); }

    // What the reference state says, whole (the status bar's words and the details).
    QString referenceWords() const
    {
        return workstation->window().findChild<QLabel*>(QStringLiteral("referenceState"))->toolTip();
    }
    QString notice() const { return workstation->window().findChild<QLabel*>(QStringLiteral("notice"))->text(); }

    // The audit log's deletion records of reader files, oldest first.
    std::vector<AuditEvent> deletions() const
    {
        QString error;
        std::vector<AuditEvent> found;
        const auto events = records->audit().events(1, 10000, &error);
        if (!events) {
            qWarning("the audit log cannot be read: %s", qPrintable(error));
            return found;
        }
        for (const AuditEvent& event : *events) {
            if (event.action == QLatin1String("document.file.delete"))
                found.push_back(event);
        }
        return found;
    }
};

const AuditEvent* eventFor(const std::vector<AuditEvent>& events, const QString& fileName)
{
    for (const AuditEvent& event : events) {
        if (event.subject == QStringLiteral("document_reader:") + fileName)
            return &event;
    }
    return nullptr;
}

} // namespace

class TestWorkstationReader : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void anImportedPhotoAndItsZoneAreDestroyedAndRecorded()
    {
        FG_REQUIRE_DATASETS();
        QString error;
        ReaderStation station;
        QVERIFY2(station.open(&error), qPrintable(error));
        station.watch();

        const QByteArray photo = portrait();
        QVERIFY(photo.size() > 1000);
        const QByteArray zone = test::kSpecimenPassportMrz.toUtf8();
        QVERIFY(write(station.path(QStringLiteral("scan-0001.mrz")), zone));
        QVERIFY(write(station.path(QStringLiteral("scan-0001.jpg")), photo));
        QTRY_VERIFY_WITH_TIMEOUT(station.referenceWords().contains(QStringLiteral("1:1")), test::kGenerousMs);
        QCOMPARE(station.referenceWords(), QStringLiteral("Document photo ANNA MARIA ERIKSSON · 1:1"));
        // Held in memory, to show and keep beside the capture: the file is gone.
        QCOMPARE(station.workstation->inspection().documentHolder()->photo, photo);

        // Gone from the folder once read.
        QTRY_VERIFY_WITH_TIMEOUT(!QFile::exists(station.path(QStringLiteral("scan-0001.jpg"))), 10000);
        QVERIFY(!QFile::exists(station.path(QStringLiteral("scan-0001.mrz"))));
        // Recorded, one event a file, on the records thread.
        QTRY_COMPARE_WITH_TIMEOUT(station.deletions().size(), size_t(2), 10000);
        const std::vector<AuditEvent> events = station.deletions();
        const AuditEvent* photoEvent = eventFor(events, QStringLiteral("scan-0001.jpg"));
        const AuditEvent* zoneEvent = eventFor(events, QStringLiteral("scan-0001.mrz"));
        QVERIFY(photoEvent && zoneEvent);
        for (const auto& [event, kind, bytes] : {std::tuple{photoEvent, QStringLiteral("photo"), qint64(photo.size())},
                                                 std::tuple{zoneEvent, QStringLiteral("zone"), qint64(zone.size())}}) {
            QCOMPARE(event->actor, kActor);
            QCOMPARE(event->details.value(QStringLiteral("kind")).toString(), kind);
            QCOMPARE(event->details.value(QStringLiteral("bytes")).toInteger(), bytes);
            QCOMPARE(event->details.value(QStringLiteral("reason")).toString(), QStringLiteral("imported"));
            QCOMPARE(event->details.value(QStringLiteral("deleted")).toBool(), true);
            // Nothing of the zone's contents: no name, no document number.
            const QByteArray details = QJsonDocument(event->details).toJson(QJsonDocument::Compact);
            QVERIFY2(!details.contains("ERIKSSON") && !details.contains("L898902C3"), details.constData());
        }
    }

    void filesLeftByAnEarlierSessionAreDestroyedAtTheWatch()
    {
        FG_REQUIRE_DATASETS();
        QString error;
        ReaderStation station;
        QVERIFY2(station.open(&error), qPrintable(error));
        const QByteArray photo = portrait();
        QVERIFY(write(station.path(QStringLiteral("earlier.jpg")), photo));
        QVERIFY(write(station.path(QStringLiteral("earlier.mrz")), test::kSpecimenPassportMrz.toUtf8()));
        QVERIFY(write(station.path(QStringLiteral("orphan.mrz")), test::kSpecimenPassportMrz.toUtf8()));
        QVERIFY(write(station.path(QStringLiteral("notes.txt")), "not a zone: no photo of that name"));
        station.watch();

        QTRY_VERIFY_WITH_TIMEOUT(!QFile::exists(station.path(QStringLiteral("earlier.jpg"))), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(!QFile::exists(station.path(QStringLiteral("earlier.mrz"))), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(!QFile::exists(station.path(QStringLiteral("orphan.mrz"))), 10000);
        QVERIFY(QFile::exists(station.path(QStringLiteral("notes.txt"))));
        QTRY_COMPARE_WITH_TIMEOUT(station.deletions().size(), size_t(3), 10000);
        for (const AuditEvent& event : station.deletions()) {
            QCOMPARE(event.details.value(QStringLiteral("reason")).toString(), QStringLiteral("stale"));
            QCOMPARE(event.details.value(QStringLiteral("deleted")).toBool(), true);
            QCOMPARE(event.actor, kActor); // nobody has signed in yet
        }
        const AuditEvent* earlier = eventFor(station.deletions(), QStringLiteral("earlier.jpg"));
        QVERIFY(earlier);
        QCOMPARE(earlier->details.value(QStringLiteral("bytes")).toInteger(), qint64(photo.size()));
        QCOMPARE(station.workstation->inspection().mode(), Inspection::Mode::None); // never imported
    }

    void anUndecodablePhotoIsDestroyedAndTheOfficerTold()
    {
        FG_REQUIRE_DATASETS();
        QString error;
        ReaderStation station;
        QVERIFY2(station.open(&error), qPrintable(error));
        station.watch();
        QVERIFY(write(station.path(QStringLiteral("broken.mrz")), test::kSpecimenPassportMrz.toUtf8()));
        QVERIFY(write(station.path(QStringLiteral("broken.jpg")), QByteArray("a reader's half-written file ").repeated(40)));

        QTRY_VERIFY2_WITH_TIMEOUT(station.referenceWords().contains(QStringLiteral("broken.jpg"))
                                      && station.referenceWords().contains(QStringLiteral("deleted")),
                                  qPrintable(station.referenceWords()), 30000);
        QVERIFY(!QFile::exists(station.path(QStringLiteral("broken.jpg"))));
        QVERIFY(!QFile::exists(station.path(QStringLiteral("broken.mrz"))));
        QTRY_COMPARE_WITH_TIMEOUT(station.deletions().size(), size_t(2), 10000);
        for (const AuditEvent& event : station.deletions()) {
            QCOMPARE(event.details.value(QStringLiteral("reason")).toString(), QStringLiteral("undecodable"));
            QCOMPARE(event.details.value(QStringLiteral("deleted")).toBool(), true);
        }
        QCOMPARE(station.workstation->inspection().mode(), Inspection::Mode::None);
    }

    // A folder the workstation may not delete from (mounted read-only,
    // another account's): the photo is still the reference, the officer is
    // told which file stays and why, the log says so, and so does the record.
    void aDeletionThatFailsIsSaidAndLosesNothing()
    {
        FG_REQUIRE_DATASETS();
        QString error;
        ReaderStation station;
        QVERIFY2(station.open(&error), qPrintable(error));
        station.watch();
        const QByteArray photo = portrait();
        QVERIFY(write(station.path(QStringLiteral("scan-0003.mrz")), test::kSpecimenPassportMrz.toUtf8()));
        QVERIFY(write(station.path(QStringLiteral("scan-0003.jpg")), photo));
        // Before the event loop runs again, so before the photo settles.
        test::UndeletableFolder readOnly(station.reader.path());
        if (!readOnly.engaged())
            QSKIP(qPrintable(readOnly.why()));
        for (const QString& name : {QStringLiteral("scan-0003\\.jpg"), QStringLiteral("scan-0003\\.mrz")})
            QTest::ignoreMessage(QtWarningMsg,
                                 QRegularExpression(QStringLiteral("^facegate: the document reader's file .*/%1 was not "
                                                                   "deleted: cannot remove ")
                                                        .arg(name)));

        QTRY_VERIFY_WITH_TIMEOUT(station.notice().contains(QStringLiteral("scan-0003.jpg")), 10000);
        QVERIFY2(station.notice().contains(QStringLiteral("cannot remove document photo")), qPrintable(station.notice()));
        QVERIFY2(station.notice().contains(QStringLiteral("scan-0003.mrz")), qPrintable(station.notice()));
        // Nothing lost: what was read is the reference.
        QTRY_VERIFY_WITH_TIMEOUT(station.referenceWords().contains(QStringLiteral("1:1")), test::kGenerousMs);
        QCOMPARE(station.referenceWords(), QStringLiteral("Document photo ANNA MARIA ERIKSSON · 1:1"));
        QCOMPARE(station.workstation->inspection().documentHolder()->photo, photo);
        // Recorded as not deleted, with why.
        QTRY_COMPARE_WITH_TIMEOUT(station.deletions().size(), size_t(2), 10000);
        for (const AuditEvent& event : station.deletions()) {
            QCOMPARE(event.details.value(QStringLiteral("deleted")).toBool(), false);
            QVERIFY(event.details.value(QStringLiteral("error")).toString().contains(QStringLiteral("cannot remove")));
            QCOMPARE(event.details.value(QStringLiteral("overwritten")).toBool(), true);
        }
        readOnly.undo();
        // Left in the folder, its bytes destroyed all the same.
        QVERIFY(QFile::exists(station.path(QStringLiteral("scan-0003.jpg"))));
        QVERIFY(readAll(station.path(QStringLiteral("scan-0003.jpg"))) != photo);
    }
};

QTEST_MAIN(TestWorkstationReader)
#include "tst_workstationreader.moc"
