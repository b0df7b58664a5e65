// GalleryManifest: a flight's traveler manifest read and checked before any
// photo is enrolled; every refusal names the file, and the line of a bad row.
#include "core/matching/GalleryManifest.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using fg::GalleryEntry;
using fg::GalleryManifest;

class TestGalleryManifest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_files = 0;

    QString write(const QByteArray& text, const QString& folder = {})
    {
        QDir dir(m_dir.path());
        if (!folder.isEmpty() && (!dir.mkpath(folder) || !dir.cd(folder)))
            return {};
        const QString path = dir.filePath(QStringLiteral("manifest-%1.csv").arg(++m_files));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size())
            return {};
        return path;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void entriesInFileOrder()
    {
        // Columns in any order, extra columns ignored, fields trimmed, a quoted
        // name with a comma, optional columns left empty.
        const QString path = write("seat,photo_path,traveler_id,name,citizenship,document_no\n"
                                   "12A,photos/a.jpg,T1,\"Doe, Jane\",FRA,X1\n"
                                   "\n"
                                   "12B, photos/b.png ,T2 ,,,\n"
                                   "12C,/abs/c.jpg,T3\n",
                                   QStringLiteral("flight"));
        QVERIFY(!path.isEmpty());
        QString error;
        const std::optional<GalleryManifest> manifest = GalleryManifest::readFile(path, &error);
        QVERIFY2(manifest, qPrintable(error));
        QCOMPARE(manifest->path(), path);
        QCOMPARE(manifest->size(), 3);
        const GalleryEntry& a = manifest->entries()[0];
        QCOMPARE(a.travelerId, QStringLiteral("T1"));
        QCOMPARE(a.name, QStringLiteral("Doe, Jane"));
        QCOMPARE(a.citizenship, QStringLiteral("FRA"));
        QCOMPARE(a.documentNumber, QStringLiteral("X1"));
        const GalleryEntry& b = manifest->entries()[1];
        QCOMPARE(b.travelerId, QStringLiteral("T2"));
        QVERIFY(b.name.isEmpty() && b.citizenship.isEmpty() && b.documentNumber.isEmpty());
        QCOMPARE(manifest->entries()[2].name, QString()); // short row: optional fields absent
        QCOMPARE(manifest->lineOf(0), 2);
        QCOMPARE(manifest->lineOf(1), 4);
        QCOMPARE(manifest->lineOf(2), 5);
    }

    // Photo paths are relative to the manifest's folder, not to the working directory.
    void photoPathsRelativeToTheManifest()
    {
        const QString path = write("traveler_id,photo_path\nT1,photos/a.jpg\nT2,../b.jpg\nT3,/abs/c.jpg\n",
                                   QStringLiteral("flights/AF123"));
        QString error;
        const std::optional<GalleryManifest> manifest = GalleryManifest::readFile(path, &error);
        QVERIFY2(manifest, qPrintable(error));
        const QDir folder(m_dir.filePath(QStringLiteral("flights/AF123")));
        const QStringList expected{folder.absoluteFilePath(QStringLiteral("photos/a.jpg")),
                                   QDir::cleanPath(folder.absoluteFilePath(QStringLiteral("../b.jpg"))),
                                   QStringLiteral("/abs/c.jpg")};
        QStringList cleaned;
        for (const QString& photo : manifest->photoPaths())
            cleaned << QDir::cleanPath(photo);
        QCOMPARE(cleaned, expected);
        for (const QString& photo : manifest->photoPaths())
            QVERIFY2(QDir::isAbsolutePath(photo), qPrintable(photo));
        QCOMPARE(manifest->entries()[0].photoPath, manifest->photoPaths()[0]);
    }

    void headerOnlyIsAnEmptyManifest()
    {
        QString error;
        const QString path = write("traveler_id,photo_path\n");
        const std::optional<GalleryManifest> manifest = GalleryManifest::readFile(path, &error);
        QVERIFY2(manifest, qPrintable(error));
        QVERIFY(manifest->isEmpty());
    }

    void refusals_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("reason"); // after "<path>"
        QTest::newRow("empty file") << QByteArray() << ": empty CSV file (a header row is expected)";
        QTest::newRow("no traveler_id") << QByteArray("id,photo_path\nT1,a.jpg\n")
                                        << ": the header must name traveler_id and photo_path (read: id,photo_path)";
        QTest::newRow("no photo_path") << QByteArray("traveler_id,photo\nT1,a.jpg\n")
                                       << ": the header must name traveler_id and photo_path (read: traveler_id,photo)";
        QTest::newRow("header case") << QByteArray("Traveler_ID,Photo_Path\nT1,a.jpg\n")
                                     << ": the header must name traveler_id and photo_path";
        QTest::newRow("empty traveler_id") << QByteArray("traveler_id,photo_path\nT1,a.jpg\n,b.jpg\n")
                                           << ":3: traveler_id and photo_path must not be empty";
        QTest::newRow("blank traveler_id") << QByteArray("traveler_id,photo_path\nT1,a.jpg\nT2,b.jpg\n   ,c.jpg\n")
                                           << ":4: traveler_id and photo_path must not be empty";
        QTest::newRow("empty photo_path") << QByteArray("traveler_id,photo_path,name\n\nT1,,Jane\n")
                                          << ":3: traveler_id and photo_path must not be empty";
        QTest::newRow("short row") << QByteArray("traveler_id,name,photo_path\nT1,Jane,a.jpg\nT2,John\n")
                                   << ":3: traveler_id and photo_path must not be empty";
        QTest::newRow("unclosed quote") << QByteArray("traveler_id,photo_path\nT1,\"a.jpg\n")
                                        << ":2: a quoted field is not closed";
    }
    void refusals()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, reason);
        const QString path = write(text);
        QString error;
        QVERIFY(!GalleryManifest::readFile(path, &error));
        QCOMPARE(error.left(path.size()), path);
        QVERIFY2(error.mid(path.size()).startsWith(reason), qPrintable(error));
    }

    void missingFile()
    {
        const QString path = m_dir.filePath(QStringLiteral("absent.csv"));
        QString error;
        QVERIFY(!GalleryManifest::readFile(path, &error));
        QVERIFY2(error.startsWith(path + QStringLiteral(": ")), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestGalleryManifest)
#include "tst_gallerymanifest.moc"
