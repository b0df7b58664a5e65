// RecentFolders (issue 16, point 8: file dialogs forgot the last folder):
// remembered per kind of file across instances, as a save dialog's starting
// point too, and forgotten when the folder is gone.
#include "ui/widgets/RecentFolders.h"

#include <QDir>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace fg;

class TestRecentFolders : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); } // not the user's own data folder

    void remembersEachKindAndForgetsWhatIsGone()
    {
        QTemporaryDir manifests;
        QTemporaryDir exports;
        RecentFolders::remember(QStringLiteral("manifest"), QDir(manifests.path()).filePath(QStringLiteral("ua901.csv")));
        RecentFolders::remember(QStringLiteral("export"), QDir(exports.path()).filePath(QStringLiteral("log.csv")));
        RecentFolders::remember(QStringLiteral("document"), QString()); // a cancelled dialog changes nothing
        QCOMPARE(RecentFolders::folder(QStringLiteral("manifest")), manifests.path());
        QCOMPARE(RecentFolders::folder(QStringLiteral("export")), exports.path());
        QCOMPARE(RecentFolders::inLastFolder(QStringLiteral("export"), QStringLiteral("queue-2026-12-04.pdf")),
                 QDir(exports.path()).filePath(QStringLiteral("queue-2026-12-04.pdf")));
        QCOMPARE(RecentFolders::inLastFolder(QStringLiteral("unknown"), QStringLiteral("a.pdf")), QStringLiteral("a.pdf"));
        exports.remove();
        QCOMPARE(RecentFolders::folder(QStringLiteral("export")), QString());
        QCOMPARE(RecentFolders::inLastFolder(QStringLiteral("export"), QStringLiteral("b.pdf")), QStringLiteral("b.pdf"));
    }
};

QTEST_MAIN(TestRecentFolders)
#include "tst_recentfolders.moc"
