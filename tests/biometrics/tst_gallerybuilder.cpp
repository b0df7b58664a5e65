// GalleryBuilder on the real faces-dev photos: a flight's manifest becomes a
// gallery in which every person enrolled; a row whose photo is broken is
// listed with its reason instead of stopping the flight; progress is reported
// and a cancel stops the enrolment early.
#include "core/biometrics/GalleryBuilder.h"
#include "core/biometrics/ImageLoader.h"
#include "core/matching/CsvReader.h"
#include "tests/support/ImageFixtures.h"
#include "tests/support/TestData.h"

#include <QDir>
#include <QFile>
#include <QSet>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

#include <opencv2/imgcodecs.hpp>

#include <mutex>

using namespace fg;
namespace fx = fg::test::fixtures;

namespace {

struct ManifestRow {
    QString travelerId;
    QString photo; // as written in the manifest
};

bool writeManifest(const QString& path, const std::vector<ManifestRow>& rows)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    file.write("traveler_id,photo_path,name,citizenship,document_no\n");
    int n = 0;
    for (const ManifestRow& row : rows)
        file.write(QStringLiteral("%1,\"%2\",\"%1, test\",USA,X%3\n").arg(row.travelerId, row.photo).arg(++n).toUtf8());
    return file.error() == QFileDevice::NoError;
}

} // namespace

class TestGalleryBuilder : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    FacePipeline::Options m_options;
    std::vector<ManifestRow> m_people; // every photo of faces-dev/single, by identity
    QSet<QString> m_identities;
    int m_threads = 2;

private Q_SLOTS:
    void initTestCase()
    {
        FG_REQUIRE_DATASETS();
        QVERIFY(m_dir.isValid());
        m_options.modelDirectory = fg::test::modelsDir();
        m_threads = std::max(2, QThread::idealThreadCount());

        // The photos as labels.csv lists them, written relative to the manifest's folder.
        QString error;
        const QString labelsPath = fg::test::datasetPath("faces-dev/labels.csv");
        const std::optional<CsvReader> labels = CsvReader::readFile(labelsPath, &error);
        QVERIFY2(labels, qPrintable(error));
        const int path = labels->column("path"), identity = labels->column("identity");
        QVERIFY(path >= 0 && identity >= 0);
        const QDir manifestDir(m_dir.path());
        for (const QStringList& row : labels->rows()) {
            if (!row[path].startsWith(QStringLiteral("single/")))
                continue;
            const QString photo = fg::test::datasetPath(QStringLiteral("faces-dev/") + row[path]);
            QVERIFY2(QFile::exists(photo), qPrintable(photo));
            m_people.push_back({row[identity], manifestDir.relativeFilePath(photo)});
            m_identities.insert(row[identity]);
        }
        QCOMPARE(m_people.size(), size_t(22));
        QCOMPARE(m_identities.size(), 7);
    }

    void everyPersonEnrolsAndBrokenRowsAreListed()
    {
        const cv::Mat face = cv::imread(fg::test::datasetPath("faces-dev/single/obama/08-small.jpg").toStdString());
        QVERIFY(!face.empty());
        const QString truncated = fx::truncatedJpeg(face, m_dir.path());
        const QString noFace = fx::noFacePhoto(m_dir.path());
        std::vector<ManifestRow> rows = m_people;
        rows.push_back({QStringLiteral("BROKEN"), QFileInfo(truncated).fileName()});
        rows.push_back({QStringLiteral("NOBODY"), QFileInfo(noFace).fileName()});
        rows.push_back({QStringLiteral("MISSING"), QStringLiteral("does/not/exist.jpg")});
        const QString manifest = m_dir.filePath(QStringLiteral("flight.csv"));
        QVERIFY(writeManifest(manifest, rows));

        std::mutex mutex;
        std::vector<qsizetype> seen;
        qsizetype seenTotal = -1;
        QString error;
        const std::optional<GalleryBuild> built = GalleryBuilder::build(
            manifest, m_options, m_threads, &error, [&](qsizetype done, qsizetype total) {
                const std::lock_guard<std::mutex> lock(mutex);
                seen.push_back(done);
                seenTotal = total;
            });
        QVERIFY2(built, qPrintable(error));

        // Progress: one call per row, counting up to the total.
        QCOMPARE(seenTotal, qsizetype(rows.size()));
        QCOMPARE(seen.size(), rows.size());
        for (size_t i = 0; i < seen.size(); ++i)
            QCOMPARE(seen[i], qsizetype(i + 1));

        QCOMPARE(built->manifestRows, qsizetype(rows.size()));
        QCOMPARE(built->gallery.size(), qsizetype(m_people.size()));
        QVERIFY(!built->gallery.modelId().isEmpty());
        QSet<QString> enrolled;
        for (qsizetype i = 0; i < built->gallery.size(); ++i) {
            const GalleryEntry& entry = built->gallery.entry(i);
            enrolled.insert(entry.travelerId);
            QVERIFY2(QFileInfo(entry.photoPath).isAbsolute() && QFile::exists(entry.photoPath),
                     qPrintable(entry.photoPath));
            QCOMPARE(entry.name, entry.travelerId + QStringLiteral(", test"));
            QCOMPARE(entry.citizenship, QStringLiteral("USA"));
        }
        QCOMPARE(enrolled, m_identities);

        // The broken rows, in manifest order, each with its line and reason.
        QCOMPARE(built->failed.size(), size_t(3));
        const struct {
            const char* id;
            const char* reason;
        } expected[] = {{"BROKEN", "truncated"}, {"NOBODY", "no face found"}, {"MISSING", "no such file"}};
        for (size_t i = 0; i < 3; ++i) {
            const GalleryFailure& failure = built->failed[i];
            QCOMPARE(failure.entry.travelerId, QString::fromLatin1(expected[i].id));
            QCOMPARE(failure.line, int(m_people.size() + i + 2)); // after the header and the 22 people
            QVERIFY2(failure.reason.contains(QString::fromLatin1(expected[i].reason)), qPrintable(failure.reason));
            QVERIFY2(failure.reason.contains(failure.entry.photoPath), qPrintable(failure.reason));
        }

        // The gallery answers 1:N: another photo of a traveler finds that traveler first.
        QString probeError;
        const std::unique_ptr<FacePipeline> pipeline = FacePipeline::create(m_options, &probeError);
        QVERIFY2(pipeline, qPrintable(probeError));
        const QString probePath = fg::test::datasetPath("faces-dev/single/biden/02.jpg");
        const std::optional<cv::Mat> probe = ImageLoader().loadFile(probePath, &probeError);
        QVERIFY2(probe, qPrintable(probeError));
        const std::optional<Enrolment> enrolment = pipeline->enrol(*probe, &probeError);
        QVERIFY2(enrolment, qPrintable(probeError));
        const auto candidates = built->gallery.identify(enrolment->faceTemplate, 1, &probeError);
        QVERIFY2(candidates && candidates->size() == 1, qPrintable(probeError));
        QCOMPARE(candidates->front().travelerId, QStringLiteral("biden"));
    }

    void cancelStopsEarly()
    {
        const QString manifest = m_dir.filePath(QStringLiteral("cancelled.csv"));
        QVERIFY(writeManifest(manifest, m_people));
        std::atomic<bool> cancel{false};
        std::atomic<qsizetype> lastDone{0};
        QString error;
        const std::optional<GalleryBuild> built = GalleryBuilder::build(
            manifest, m_options, m_threads, &error,
            [&](qsizetype done, qsizetype) {
                lastDone = done;
                cancel = true; // the officer cancels after the first photo
            },
            &cancel);
        QVERIFY(!built);
        QVERIFY2(error.contains(QStringLiteral("cancelled")), qPrintable(error));
        // Each worker finishes at most the photo it had started.
        QVERIFY2(lastDone >= 1 && lastDone <= m_threads, qPrintable(QString::number(lastDone)));
        QVERIFY(lastDone < qsizetype(m_people.size()));

        // Cancelled before it starts: no pipeline is even created.
        error.clear();
        QVERIFY(!GalleryBuilder::build(manifest, m_options, m_threads, &error, {}, &cancel));
        QVERIFY2(error.contains(QStringLiteral("cancelled")), qPrintable(error));
    }

    void manifestErrorsComeFirst()
    {
        // A bad manifest is refused before any model is loaded, naming file and line.
        const QString manifest = m_dir.filePath(QStringLiteral("bad.csv"));
        QVERIFY(writeManifest(manifest, {m_people[0], {QString(), m_people[1].photo}}));
        FacePipeline::Options noModels = m_options;
        noModels.modelDirectory = m_dir.filePath(QStringLiteral("no-models"));
        QString error;
        QVERIFY(!GalleryBuilder::build(manifest, noModels, 1, &error));
        QCOMPARE(error, manifest + QStringLiteral(":3: traveler_id and photo_path must not be empty"));

        // A manifest of which no photo enrols gives no gallery.
        QVERIFY(writeManifest(manifest, {{QStringLiteral("T1"), QStringLiteral("absent.jpg")}}));
        QVERIFY(!GalleryBuilder::build(manifest, m_options, 1, &error));
        QCOMPARE(error, manifest + QStringLiteral(": no photo of the manifest enrolled"));
    }
};

QTEST_GUILESS_MAIN(TestGalleryBuilder)
#include "tst_gallerybuilder.moc"
