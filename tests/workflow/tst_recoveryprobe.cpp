// The recovery probe (issues 3 and 18): once the retention purge or an
// opt-out deleted a record, nothing of it is left to read in the database's
// files as an attacker holding the disk reads them: no 32-byte fragment of a
// purged SQLite blob, no data key of a deleted record that still opens under
// the workstation's KEK (SQLite and PostgreSQL).
#include "core/security/AesGcm.h"
#include "core/security/Envelope.h"
#include "tests/support/ShredEventually.h"
#include "tests/support/TestData.h"
#include "tests/workflow/RetentionRecords.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlQuery>
#include <QTest>

#include <bitset>
#include <string_view>
#include <unordered_set>

using fg::Database;
using fg::Purger;
using fg::RetentionPolicy;
using fg::test::TestDatabase;
using namespace fg::test::retention;

namespace {

QByteArray readFile(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// The SQLite main file and its WAL, as bytes on disk.
QByteArray sqliteFiles(const TestDatabase& target)
{
    return readFile(target.sqlitePath()) + readFile(target.sqlitePath() + QStringLiteral("-wal"));
}

// How many 32-byte windows of the file bytes are also found in one of the
// blobs, at any offset: a leftover fragment of n >= 32 bytes counts n - 31.
// (Stricter than looking for a few 64-byte windows.) Windows of the blobs
// with fewer than 8 distinct byte values (a JPEG's runs of zeros) are left
// out: the file has zeroed pages of its own.
qsizetype leftoverWindows(const QByteArray& haystack, const std::vector<QByteArray>& blobs)
{
    constexpr qsizetype kWindow = 32;
    std::unordered_set<std::string_view> windows;
    for (const QByteArray& blob : blobs) {
        for (qsizetype at = 0; at + kWindow <= blob.size(); ++at) {
            const std::string_view window(blob.constData() + at, size_t(kWindow));
            std::bitset<256> seen;
            for (const char byte : window)
                seen.set(static_cast<unsigned char>(byte));
            if (seen.count() >= 8)
                windows.insert(window);
        }
    }
    qsizetype found = 0;
    for (qsizetype at = 0; at + kWindow <= haystack.size(); ++at)
        found += windows.count(std::string_view(haystack.constData() + at, size_t(kWindow))) ? 1 : 0;
    return found;
}

// Every file of the records as an attacker holding the disk (or a copy of
// it) reads them: SQLite's file, WAL and journal; on PostgreSQL every file of
// the database's folder (heap, TOAST, indexes, free-space maps), after a
// CHECKPOINT wrote the shared buffers out. nullopt with *why when the files
// cannot be read from here (a server elsewhere, a role that may not ask).
std::optional<std::vector<std::pair<QString, QByteArray>>> dataFiles(const TestDatabase& target, QString* why)
{
    std::vector<std::pair<QString, QByteArray>> files;
    if (target.isSqlite()) {
        for (const QString& suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-journal")})
            files.emplace_back(target.sqlitePath() + suffix, readFile(target.sqlitePath() + suffix));
        return files;
    }
    const std::unique_ptr<Database> superuser = target.openAsSuperuser(why);
    if (!superuser || !superuser->exec(QStringLiteral("CHECKPOINT"), QStringLiteral("checkpoint"), why))
        return std::nullopt;
    const auto folder = superuser->scalar(
        QStringLiteral("SELECT current_setting('data_directory') || '/' || pg_relation_filepath('photos')"), {},
        QStringLiteral("find the database's files"), why);
    if (!folder)
        return std::nullopt;
    const QDir directory = QFileInfo(folder->toString()).dir();
    if (!directory.exists()) {
        *why = QStringLiteral("%1 is not on this machine").arg(directory.path());
        return std::nullopt;
    }
    for (const QFileInfo& file : directory.entryInfoList(QDir::Files))
        files.emplace_back(file.filePath(), readFile(file.filePath()));
    return files;
}

// The bindings among `bindings` whose data key still opens from the bytes of
// `files` under `keys`' KEK: the recovery probe. A data key is stored as one
// value of 81 bytes (Envelope's key part, below any TOAST or overflow
// threshold), so every copy of it, live or dead, starts with its header
// ("FGK1" or "FGE1", the id's length, the KEK's id): each place the KEK's id
// appears is tried as a key part under every binding.
QStringList keysThatOpen(const std::vector<std::pair<QString, QByteArray>>& files, const fg::KeyEncryptionKey& kek,
                         const QStringList& bindings, QStringList* where)
{
    const QByteArray id = kek.id().toLatin1();
    const qsizetype keyBytes = fg::Envelope::kMagicBytes + 1 + id.size() + fg::Envelope::kWrappedKeyBytes;
    QStringList opened;
    for (const auto& [path, bytes] : files) {
        for (qsizetype at = bytes.indexOf(id); at >= 0; at = bytes.indexOf(id, at + 1)) {
            const qsizetype start = at - fg::Envelope::kMagicBytes - 1;
            if (start < 0 || start + keyBytes > bytes.size())
                continue;
            const QByteArrayView header = QByteArrayView(bytes).sliced(start, keyBytes - fg::Envelope::kWrappedKeyBytes);
            const QByteArrayView wrapped = QByteArrayView(bytes).sliced(start + header.size(), fg::Envelope::kWrappedKeyBytes);
            for (const QString& binding : bindings) {
                // AES-GCM itself, not the code under test, says whether it opens.
                QString ignored;
                if (fg::AesGcm::openSecret(kek.key(), wrapped, header.toByteArray() + binding.toUtf8(), &ignored)) {
                    opened.append(binding);
                    where->append(QStringLiteral("%1 at %2").arg(path).arg(start));
                }
            }
        }
    }
    opened.removeDuplicates();
    return opened;
}

} // namespace

class TestRecoveryProbe : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { qInfo("back-end: %s", qPrintable(TestDatabase::backendName())); }
    void bytesLeaveTheSqliteFiles();
    void noDeletedRecordOpensFromTheFiles();
};

void TestRecoveryProbe::bytesLeaveTheSqliteFiles()
{
    TestDatabase target;
    FG_REQUIRE_DATABASE(target);
    if (!target.isSqlite())
        QSKIP("the files of a PostgreSQL server are not the workstation's: VACUUM frees the rows there");
    Records records(target);
    QString error;
    QVERIFY2(records.open(&error), qPrintable(error));
    // Real photos (overflow pages) that fall due, interleaved with ones that stay.
    FG_REQUIRE_DATASETS();
    std::vector<QByteArray> jpegs;
    for (const char* name : {"faces-dev/single/kit_harington/02.jpg", "faces-dev/single/kit_harington/01.jpg"}) {
        QByteArray bytes = readFile(fg::test::datasetPath(QString::fromLatin1(name)));
        QVERIFY2(bytes.startsWith("\xFF\xD8\xFF"), name);
        jpegs.push_back(bytes);
    }
    std::vector<Seeded> doomed;
    std::vector<Seeded> kept;
    for (int i = 0; i < 6; ++i) {
        const auto citizen = records.add(QStringLiteral("USA"), false, kVerifiedAt.addSecs(i), &error, jpegs[size_t(i) % 2]);
        QVERIFY2(citizen, qPrintable(error));
        doomed.push_back(*citizen);
        const auto visitor = records.add(QStringLiteral("ITA"), false, kVerifiedAt.addSecs(i), &error, randomBytes(50 * 1024 + 8 * i));
        QVERIFY2(visitor, qPrintable(error));
        kept.push_back(*visitor);
    }
    // The blobs as stored, read before the purge; the scan finds every one of them now.
    std::vector<QByteArray> doomedBlobs;
    std::vector<QByteArray> keptBlobs;
    for (const Seeded& seeded : doomed) {
        for (const QString& table : {QStringLiteral("photos"), QStringLiteral("templates")}) {
            const auto stored = records.database->scalar(QStringLiteral("SELECT sealed FROM %1 WHERE encounter_id = ?").arg(table),
                                                         {seeded.encounterId}, QStringLiteral("read a sealed record"), &error);
            QVERIFY2(stored, qPrintable(error));
            doomedBlobs.push_back(stored->toByteArray());
        }
        QCOMPARE(doomedBlobs[doomedBlobs.size() - 2], seeded.sealedPhoto);
    }
    for (const Seeded& seeded : kept)
        keptBlobs.push_back(seeded.sealedPhoto);
    const QByteArray before = sqliteFiles(target);
    // (Most of each: a blob spread over overflow pages is cut by their 4-byte headers.)
    for (const QByteArray& blob : doomedBlobs)
        QVERIFY(leftoverWindows(before, {blob}) >= blob.size() * 9 / 10);

    records.clock.set(kVerifiedAt.addSecs(13 * kHour));
    const auto report = records.purge(&error);
    QVERIFY2(report, qPrintable(error));
    QCOMPARE(report->photosDeleted, 6);
    QCOMPARE(report->templatesDeleted, 6);
    QVERIFY2(report->reclaimed, qPrintable(report->reclaimError));
    QCOMPARE(QFileInfo(target.sqlitePath() + QStringLiteral("-wal")).size(), 0);

    // The plaintext never was in the files (sealed), nor is it now.
    for (const QByteArray& jpeg : jpegs) {
        QCOMPARE(leftoverWindows(before, {jpeg}), 0);
        QCOMPARE(leftoverWindows(sqliteFiles(target), {jpeg}), 0);
    }
    // Not a fragment of 32 bytes of what was purged, in the file or its WAL; the kept ones all there.
    QCOMPARE(leftoverWindows(sqliteFiles(target), doomedBlobs), 0);
    for (const QByteArray& blob : keptBlobs)
        QVERIFY(leftoverWindows(sqliteFiles(target), {blob}) >= blob.size() * 9 / 10);
    records.close();
    QCOMPARE(leftoverWindows(sqliteFiles(target), doomedBlobs), 0);
    QVERIFY2(records.open(&error), qPrintable(error));
    QVERIFY2(records.database->integrityCheck(&error), qPrintable(error));
}

// The recovery probe (issue 18): after a purge and an opt-out, the database's
// files are scanned for any data key of a deleted record that still opens
// under the KEK the workstation holds; the bindings are those an attacker
// reads in table deletions. None may open. The records that stay are found
// by the same scan: the probe sees a key where there is one.
void TestRecoveryProbe::noDeletedRecordOpensFromTheFiles()
{
    TestDatabase target;
    FG_REQUIRE_DATABASE(target);
    Records records(target);
    QString error;
    QVERIFY2(records.open(&error), qPrintable(error));
    std::vector<Seeded> kept;
    for (int i = 0; i < 4; ++i) {
        // Photos big enough for TOAST (PostgreSQL) and overflow pages (SQLite).
        const auto citizen = records.add(QStringLiteral("USA"), false, kVerifiedAt.addSecs(i), &error, randomBytes(24 * 1024));
        QVERIFY2(citizen, qPrintable(error));
        const auto visitor = records.add(QStringLiteral("FRA"), false, kVerifiedAt.addSecs(i), &error, randomBytes(24 * 1024));
        QVERIFY2(visitor, qPrintable(error));
        kept.push_back(*visitor);
    }
    // A traveler who opts out after the capture: deleted at once, not by the purge.
    const auto optedOut = records.add(QStringLiteral("FRA"), false, kVerifiedAt, &error, randomBytes(24 * 1024));
    QVERIFY2(optedOut, qPrintable(error));
    const fg::EncounterStore encounters(*records.database, *records.keys, *records.audit, records.clock, RetentionPolicy());
    int withdrawn = 0;
    QVERIFY2(encounters.withdrawBiometrics(optedOut->encounterId, QStringLiteral("officer:jdoe"), &error, &withdrawn),
             qPrintable(error));
    QCOMPARE(withdrawn, 2);
    // As the workstation does after an opt-out, on its records thread.
    QVERIFY2(Purger::reclaim(*records.database, &error), qPrintable(error));

    const auto kek = fg::KeyEncryptionKey::fromKeyFile(target.scratchDir() + QStringLiteral("/records.kek"), &error);
    QVERIFY2(kek, qPrintable(error));
    {
        // At once after the opt-out, before any purge.
        const auto files = dataFiles(target, &error);
        if (!files)
            QSKIP(qPrintable(QStringLiteral("the database's files cannot be read here: %1").arg(error)));
        QStringList where;
        const QStringList recovered = keysThatOpen(*files, *kek,
                                                   {QStringLiteral("photo:") + optedOut->photoId,
                                                    QStringLiteral("template:") + optedOut->templateId},
                                                   &where);
        QVERIFY2(recovered.isEmpty(), qPrintable(QStringLiteral("the opted-out traveler's records open again: %1 (%2)")
                                                     .arg(recovered.join(QStringLiteral(", ")), where.join(QStringLiteral("; ")))));
    }

    records.clock.set(kVerifiedAt.addSecs(13 * kHour));
    const auto report = records.purge(&error);
    QVERIFY2(report, qPrintable(error));
    QCOMPARE(report->photosDeleted, 4);
    QString why = report->reclaimError;
    QVERIFY2(fg::test::shredEventually(*records.database, report->reclaimed, &why), qPrintable(why));

    QStringList deleted;
    {
        QSqlQuery rows = records.database->query();
        rows.prepare(QStringLiteral("SELECT what, record_id FROM deletions"));
        QVERIFY2(records.database->exec(rows, QStringLiteral("read the deletions"), &error), qPrintable(error));
        while (rows.next())
            deleted.append(rows.value(0).toString() + QLatin1Char(':') + rows.value(1).toString());
    }
    QCOMPARE(deleted.size(), 4 * 2 + 2);
    QStringList live;
    for (const Seeded& seeded : kept)
        live << QStringLiteral("photo:") + seeded.photoId << QStringLiteral("template:") + seeded.templateId;

    const auto files = dataFiles(target, &error);
    if (!files)
        QSKIP(qPrintable(QStringLiteral("the database's files cannot be read here: %1").arg(error)));
    qint64 scanned = 0;
    for (const auto& file : *files)
        scanned += file.second.size();
    QStringList where;
    const QStringList recovered = keysThatOpen(*files, *kek, deleted, &where);
    QVERIFY2(recovered.isEmpty(), qPrintable(QStringLiteral("%1 deleted records open again: %2 (%3)")
                                                 .arg(recovered.size())
                                                 .arg(recovered.join(QStringLiteral(", ")), where.join(QStringLiteral("; ")))));
    where.clear();
    const QStringList found = keysThatOpen(*files, *kek, live, &where);
    QCOMPARE(found.size(), live.size());
    qInfo("scanned %lld bytes in %d files: %d deleted records, none opens; %d live records found",
          scanned, int(files->size()), int(deleted.size()), int(found.size()));
}

QTEST_GUILESS_MAIN(TestRecoveryProbe)
#include "tst_recoveryprobe.moc"
