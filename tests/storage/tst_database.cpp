#include "core/storage/Database.h"
#include "core/storage/Migrator.h"
#include "core/storage/PostgresTls.h"
#include "core/storage/Transaction.h"
#include "tests/support/ManualClock.h"
#include "tests/support/TestDatabase.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

using fg::Database;
using fg::Migrator;
using fg::Transaction;
using fg::test::TestDatabase;

namespace {

QByteArray fileHash(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

// A connection outside FaceGate's Database, as a tamperer or another program would use.
class RawConnection {
public:
    explicit RawConnection(const TestDatabase& target)
        : m_name(QStringLiteral("raw-%1").arg(++s_count))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(target.isSqlite() ? "QSQLITE" : "QPSQL", m_name);
        if (target.isSqlite()) {
            db.setDatabaseName(target.sqlitePath());
        } else {
            db.setHostName(target.url().host());
            db.setPort(target.url().port());
            db.setUserName(target.url().user());
            db.setPassword(target.url().password());
            db.setDatabaseName(target.url().databaseName());
            db.setConnectOptions(fg::PostgresTls::connectOptions(target.url()));
        }
        db.open();
    }
    ~RawConnection()
    {
        QSqlDatabase::database(m_name, false).close();
        QSqlDatabase::removeDatabase(m_name);
    }
    bool exec(const QString& sql)
    {
        QSqlQuery query(QSqlDatabase::database(m_name, false));
        return query.exec(sql);
    }

private:
    static inline int s_count = 0;
    QString m_name;
};

} // namespace

class TestDatabaseOpen : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { qInfo("back-end: %s", qPrintable(TestDatabase::backendName())); }

    void createsTheLatestSchema()
    {
        TestDatabase target;
        FG_REQUIRE_DATABASE(target);
        fg::test::ManualClock clock;
        fg::DatabaseOptions options;
        options.clock = &clock;
        QString error;
        auto db = target.open(&error, options);
        QVERIFY2(db, qPrintable(error));
        QCOMPARE(db->schemaVersion(), Migrator::latestVersion());
        const auto applied = db->scalar("SELECT applied_at FROM schema_migrations WHERE version = 1", {}, "read", &error);
        QVERIFY2(applied, qPrintable(error));
        QCOMPARE(applied->toLongLong(), clock.nowMs());
        const auto application = db->scalar("SELECT value FROM facegate_meta WHERE key = 'application'", {}, "read", &error);
        QVERIFY2(application, qPrintable(error));
        QCOMPARE(application->toString(), QString("FaceGate"));
        QVERIFY2(db->integrityCheck(&error), qPrintable(error));
    }

    void sqliteIsDurable()
    {
        TestDatabase target;
        FG_REQUIRE_DATABASE(target);
        if (!target.isSqlite())
            QSKIP("SQLite pragmas; PostgreSQL is durable by its own configuration");
        QString error;
        auto db = target.open(&error);
        QVERIFY2(db, qPrintable(error));
        const auto mode = db->scalar("PRAGMA journal_mode", {}, "read", &error);
        QVERIFY2(mode, qPrintable(error));
        QCOMPARE(mode->toString(), QString("wal"));
        QCOMPARE(db->scalar("PRAGMA synchronous", {}, "read", &error)->toInt(), 2); // FULL
        QCOMPARE(db->scalar("PRAGMA secure_delete", {}, "read", &error)->toInt(), 1);
        QCOMPARE(db->scalar("PRAGMA foreign_keys", {}, "read", &error)->toInt(), 1);
        // A new database, its WAL and shared memory are for their owner only.
        for (const QString& file : {target.sqlitePath(), target.sqlitePath() + "-wal", target.sqlitePath() + "-shm"}) {
            QVERIFY2(QFile::exists(file), qPrintable(file));
            QCOMPARE(QFile::permissions(file) & ~(QFile::ReadUser | QFile::WriteUser), QFile::ReadOwner | QFile::WriteOwner);
        }
    }

    void reopensWithoutMigratingAgain()
    {
        TestDatabase target;
        FG_REQUIRE_DATABASE(target);
        QString error;
        { QVERIFY2(target.open(&error), qPrintable(error)); }
        auto db = target.open(&error);
        QVERIFY2(db, qPrintable(error));
        // One row per migration, each once (their numbers need not be contiguous while one is being written).
        QCOMPARE(db->scalar("SELECT COUNT(*) FROM schema_migrations", {}, "count", &error)->toInt(),
                 int(Migrator::migrations().size()));
        QCOMPARE(db->scalar("SELECT MAX(version) FROM schema_migrations", {}, "max", &error)->toInt(),
                 Migrator::latestVersion());
    }

    void refusesANewerSchemaUntouched()
    {
        TestDatabase target;
        FG_REQUIRE_DATABASE(target);
        QString error;
        {
            auto db = target.open(&error);
            QVERIFY2(db, qPrintable(error));
            QVERIFY2(db->exec("UPDATE facegate_meta SET value = '99' WHERE key = 'schema_version'", "bump", &error),
                     qPrintable(error));
            QVERIFY2(db->reclaim("facegate_meta", &error), qPrintable(error));
        }
        const QByteArray before = target.isSqlite() ? fileHash(target.sqlitePath()) : QByteArray();
        QVERIFY(!target.open(&error));
        QVERIFY2(error.contains("schema version 99") && error.contains("upgrade FaceGate"), qPrintable(error));
        if (target.isSqlite()) {
            QCOMPARE(fileHash(target.sqlitePath()), before);
            // A reader of a WAL database may leave an empty -wal file, never pages.
            QCOMPARE(QFileInfo(target.sqlitePath() + "-wal").size(), 0);
        }
    }

    void refusesAForeignDatabaseUntouched()
    {
        TestDatabase target;
        FG_REQUIRE_DATABASE(target);
        {
            RawConnection raw(target);
            QVERIFY(raw.exec("CREATE TABLE invoices (id INTEGER PRIMARY KEY, amount INTEGER)"));
            QVERIFY(raw.exec("INSERT INTO invoices (id, amount) VALUES (1, 250)"));
        }
        const QByteArray before = target.isSqlite() ? fileHash(target.sqlitePath()) : QByteArray();
        QString error;
        QVERIFY(!target.open(&error));
        QVERIFY2(error.contains("not a FaceGate database") && error.contains("invoices"), qPrintable(error));
        if (target.isSqlite()) {
            QCOMPARE(fileHash(target.sqlitePath()), before);
            QVERIFY(!QFile::exists(target.sqlitePath() + "-wal"));
        } else {
            auto probe = Database::open(target.url(), &error, {.readOnly = true});
            QVERIFY(!probe); // still foreign: nothing was created in it
        }
    }

    void refusesFilesThatAreNotDatabases_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("text") << QByteArray("name,citizenship\nAda,GBR\n").repeated(300) << "not a FaceGate database";
        QTest::newRow("jpeg") << QByteArray("\xFF\xD8\xFF\xE0", 4) + QByteArray(5000, 'x') << "not a FaceGate database";
        QTest::newRow("empty") << QByteArray() << "empty file";
    }
    void refusesFilesThatAreNotDatabases()
    {
        if (TestDatabase::backendName() != QLatin1String("sqlite"))
            QSKIP("files are an SQLite matter");
        QFETCH(QByteArray, content);
        QFETCH(QString, mentions);
        TestDatabase target;
        FG_REQUIRE_DATABASE(target);
        {
            QFile file(target.sqlitePath());
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(content);
        }
        QString error;
        QVERIFY(!target.open(&error));
        QVERIFY2(error.contains(mentions) && error.contains(target.sqlitePath()), qPrintable(error));
        QFile file(target.sqlitePath());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), content);
        QVERIFY(!QFile::exists(target.sqlitePath() + "-wal"));
    }

    void refusesAMissingFileReadOnly()
    {
        if (TestDatabase::backendName() != QLatin1String("sqlite"))
            QSKIP("files are an SQLite matter");
        TestDatabase target;
        QString error;
        QVERIFY(!Database::open(target.url(), &error, {.readOnly = true}));
        QVERIFY2(error.contains("does not exist"), qPrintable(error));
        QVERIFY(!QFile::exists(target.sqlitePath()));
    }

    void rollsBackWhatWasNotCommitted()
    {
        TestDatabase target;
        FG_REQUIRE_DATABASE(target);
        QString error;
        auto db = target.open(&error);
        QVERIFY2(db, qPrintable(error));
        const QString insert = "INSERT INTO travelers (citizenship, created_at) VALUES ('FRA', 1)";
        {
            Transaction transaction(*db);
            QVERIFY2(transaction.begin(&error), qPrintable(error));
            QVERIFY2(db->exec(insert, "insert", &error), qPrintable(error));
        }
        QCOMPARE(db->scalar("SELECT COUNT(*) FROM travelers", {}, "count", &error)->toInt(), 0);
        {
            Transaction transaction(*db);
            QVERIFY2(transaction.begin(&error), qPrintable(error));
            QVERIFY2(db->exec(insert, "insert", &error), qPrintable(error));
            QVERIFY2(transaction.commit(&error), qPrintable(error));
        }
        QCOMPARE(db->scalar("SELECT COUNT(*) FROM travelers", {}, "count", &error)->toInt(), 1);
    }

    void returningGivesTheNewId()
    {
        TestDatabase target;
        FG_REQUIRE_DATABASE(target);
        QString error;
        auto db = target.open(&error);
        QVERIFY2(db, qPrintable(error));
        QSqlQuery insert = db->query();
        insert.prepare("INSERT INTO travelers (citizenship, created_at) VALUES (?, ?) RETURNING id");
        insert.addBindValue("USA");
        insert.addBindValue(1);
        QVERIFY2(db->exec(insert, "insert", &error), qPrintable(error));
        QVERIFY(insert.next());
        const qint64 first = insert.value(0).toLongLong();
        insert.finish();
        insert.addBindValue("CAN");
        insert.addBindValue(2);
        QVERIFY2(db->exec(insert, "insert", &error), qPrintable(error));
        QVERIFY(insert.next());
        QCOMPARE(insert.value(0).toLongLong(), first + 1);
    }

    void blobsRoundTrip()
    {
        TestDatabase target;
        FG_REQUIRE_DATABASE(target);
        QString error;
        auto db = target.open(&error);
        QVERIFY2(db, qPrintable(error));
        QByteArray bytes;
        for (int i = 0; i < 70000; ++i)
            bytes.append(char(i * 7));
        QSqlQuery insert = db->query();
        insert.prepare("INSERT INTO keks (id, kind, check_value, created_at) VALUES ('k', 'file', ?, 0)");
        insert.addBindValue(bytes);
        QVERIFY2(db->exec(insert, "insert", &error), qPrintable(error));
        QCOMPARE(db->scalar("SELECT check_value FROM keks WHERE id = 'k'", {}, "read", &error)->toByteArray(), bytes);
    }

    void auditEventsAreAppendOnly()
    {
        TestDatabase target;
        FG_REQUIRE_DATABASE(target);
        QString error;
        auto db = target.open(&error);
        QVERIFY2(db, qPrintable(error));
        QVERIFY2(db->exec("INSERT INTO audit_events (seq, at, actor, action, prev_hash, hash) VALUES (1, 0, 'a', 'b', '', 'h')",
                          "insert", &error),
                 qPrintable(error));
        QVERIFY(!db->exec("UPDATE audit_events SET actor = 'x'", "update", &error));
        QVERIFY2(error.contains("append-only"), qPrintable(error));
        QVERIFY(!db->exec("DELETE FROM audit_events", "delete", &error));
        QVERIFY2(error.contains("append-only"), qPrintable(error));
        QCOMPARE(db->scalar("SELECT actor FROM audit_events", {}, "read", &error)->toString(), QString("a"));
    }

    void splitsStatements()
    {
        const QString sql = "-- comment\nCREATE TABLE a (x INTEGER);\n\nCREATE TRIGGER t BEFORE DELETE ON a\nBEGIN\n"
                            "    SELECT RAISE(ABORT, 'no');\nEND;\nCREATE FUNCTION f() RETURNS trigger AS $$\nBEGIN\n"
                            "    RAISE EXCEPTION 'no';\nEND;\n$$ LANGUAGE plpgsql;\nSELECT 1;";
        const QStringList statements = Migrator::statements(sql);
        QCOMPARE(statements.size(), 4);
        QVERIFY(statements[1].startsWith("CREATE TRIGGER") && statements[1].endsWith("END;"));
        QVERIFY(statements[2].startsWith("CREATE FUNCTION") && statements[2].endsWith("plpgsql;"));
    }
};

QTEST_GUILESS_MAIN(TestDatabaseOpen)
#include "tst_database.moc"
