// FileShredder: a file's bytes overwritten with random ones before it is
// unlinked (seen through a second hard link to the same inode), links and
// other files refused untouched, and a folder that refuses the unlink said
// with the file's name and why. KeyEncryptionKey::destroyKeyFile uses it.
#include "core/security/FileShredder.h"
#include "core/security/KeyEncryptionKey.h"

#include "tests/support/UndeletableFolder.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <unistd.h>

using fg::FileShredder;

namespace {

bool writeFile(const QString& path, const QByteArray& contents)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(contents) == contents.size();
}

QByteArray readFile(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// A photo-like file: a repeated pattern larger than one piece of random bytes.
QByteArray pattern(qsizetype size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    for (qsizetype i = 0; i < size; ++i)
        bytes[i] = char('A' + i % 23);
    return bytes;
}

} // namespace

class TestFileShredder : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void overwritesThenUnlinks()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("scan-0001.jpg"));
        const QByteArray original = pattern(200 * 1024 + 17);
        QVERIFY(writeFile(path, original));
        // A second name for the same bytes: what an unlink alone would leave.
        const QString witness = dir.filePath(QStringLiteral("witness"));
        QCOMPARE(::link(QFile::encodeName(path).constData(), QFile::encodeName(witness).constData()), 0);

        QString error;
        FileShredder::Outcome outcome;
        QVERIFY2(FileShredder::shred(path, QStringLiteral("document photo"), 0, &error, &outcome), qPrintable(error));
        QVERIFY(outcome.overwritten);
        QVERIFY(outcome.removed);
        QVERIFY(!QFile::exists(path));
        const QByteArray left = readFile(witness);
        QCOMPARE(left.size(), original.size());
        QVERIFY(left != original);
        QVERIFY(!left.contains(original.left(64))); // no piece of the pattern survives
    }

    void aSmallFileGetsAtLeastTheMinimum()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("k"));
        QVERIFY(writeFile(path, "ab"));
        const QString witness = dir.filePath(QStringLiteral("witness"));
        QCOMPARE(::link(QFile::encodeName(path).constData(), QFile::encodeName(witness).constData()), 0);
        QString error;
        QVERIFY2(FileShredder::shred(path, QStringLiteral("key file"), 32, &error), qPrintable(error));
        QCOMPARE(readFile(witness).size(), 32);
    }

    void refusesLinksAndMissingFilesUntouched()
    {
        QTemporaryDir dir;
        const QString target = dir.filePath(QStringLiteral("target"));
        QVERIFY(writeFile(target, "keep me"));
        const QString link = dir.filePath(QStringLiteral("link.jpg"));
        QVERIFY(QFile::link(target, link));
        QString error;
        FileShredder::Outcome outcome;
        QVERIFY(!FileShredder::shred(link, QStringLiteral("document photo"), 0, &error, &outcome));
        QVERIFY2(error.startsWith(QStringLiteral("cannot open document photo %1 to destroy it: ").arg(link)),
                 qPrintable(error));
        QVERIFY(!outcome.overwritten);
        QCOMPARE(readFile(target), QByteArray("keep me"));

        QVERIFY(!FileShredder::shred(dir.filePath(QStringLiteral("none")), QStringLiteral("key file"), 32, &error));
        QVERIFY2(error.contains(dir.filePath(QStringLiteral("none"))), qPrintable(error));
    }

    // A folder the account may not write into: the file's bytes are
    // destroyed all the same, and the error says that it stays, and why.
    void aFolderThatRefusesTheUnlinkIsSaid()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("scan-0002.jpg"));
        const QByteArray original = pattern(5000);
        QVERIFY(writeFile(path, original));
        fg::test::UndeletableFolder folder(dir.path());
        if (!folder.engaged())
            QSKIP(qPrintable(folder.why()));
        QString error;
        FileShredder::Outcome outcome;
        QVERIFY(!FileShredder::shred(path, QStringLiteral("document photo"), 0, &error, &outcome));
        folder.undo();
        QVERIFY(outcome.overwritten);
        QVERIFY(!outcome.removed);
        QVERIFY2(error.startsWith(QStringLiteral("cannot remove document photo %1: ").arg(path)), qPrintable(error));
        QVERIFY(QFile::exists(path));
        QVERIFY(readFile(path) != original);
    }

    // The key file's wording and minimum are as they were before the helper.
    void destroyKeyFileUsesIt()
    {
        QTemporaryDir dir;
        const QString keyFile = dir.filePath(QStringLiteral("old.kek"));
        QString error;
        QVERIFY2(fg::KeyEncryptionKey::createKeyFile(keyFile, &error), qPrintable(error));
        const QString witness = dir.filePath(QStringLiteral("witness"));
        QCOMPARE(::link(QFile::encodeName(keyFile).constData(), QFile::encodeName(witness).constData()), 0);
        const QByteArray before = readFile(keyFile);
        QVERIFY2(fg::KeyEncryptionKey::destroyKeyFile(keyFile, &error), qPrintable(error));
        QVERIFY(!QFile::exists(keyFile));
        const QByteArray after = readFile(witness);
        QCOMPARE(after.size(), before.size());
        QVERIFY(after != before);
        QVERIFY(!fg::KeyEncryptionKey::destroyKeyFile(keyFile, &error));
        QVERIFY2(error.startsWith(QStringLiteral("cannot open key file %1 to destroy it: ").arg(keyFile)),
                 qPrintable(error));
    }
};

QTEST_MAIN(TestFileShredder)
#include "tst_fileshredder.moc"
