#include "core/storage/DatabaseUrl.h"

#include <QDir>
#include <QTest>

using fg::DatabaseUrl;

class TestDatabaseUrl : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void parsesSqlite_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("path");
        QTest::newRow("absolute") << "sqlite:///var/lib/facegate/records.db" << "/var/lib/facegate/records.db";
        QTest::newRow("relative") << "sqlite:records.db" << QDir::current().absoluteFilePath("records.db");
        QTest::newRow("dots cleaned") << "sqlite:///tmp/a/../b.db" << "/tmp/b.db";
    }
    void parsesSqlite()
    {
        QFETCH(QString, text);
        QFETCH(QString, path);
        QString error;
        const auto url = DatabaseUrl::parse(text, &error);
        QVERIFY2(url, qPrintable(error));
        QVERIFY(url->isSqlite());
        QCOMPARE(url->sqlitePath(), path);
    }

    void parsesPostgres()
    {
        QString error;
        const auto url = DatabaseUrl::parse("postgresql://officer:s3cret@db.port.example:6543/records", &error);
        QVERIFY2(url, qPrintable(error));
        QCOMPARE(url->backend(), DatabaseUrl::Backend::PostgreSql);
        QCOMPARE(url->host(), QString("db.port.example"));
        QCOMPARE(url->port(), 6543);
        QCOMPARE(url->user(), QString("officer"));
        QCOMPARE(url->password(), QString("s3cret"));
        QCOMPARE(url->databaseName(), QString("records"));
        QVERIFY(!url->toDisplayString().contains("s3cret"));
        const auto defaultPort = DatabaseUrl::parse("postgresql://u@localhost/records", &error);
        QVERIFY2(defaultPort, qPrintable(error));
        QCOMPARE(defaultPort->port(), 5432);
    }

    void refusesMalformed_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("empty") << "" << "neither";
        QTest::newRow("plain path") << "/tmp/x.db" << "neither";
        QTest::newRow("mysql") << "mysql://u@h/db" << "neither";
        QTest::newRow("sqlite no file") << "sqlite://" << "names no file";
        QTest::newRow("pg no host") << "postgresql:///db" << "no host";
        QTest::newRow("pg no database") << "postgresql://u@host:5432/" << "names no database";
        QTest::newRow("pg nested path") << "postgresql://u@host/a/b" << "names no database";
    }
    void refusesMalformed()
    {
        QFETCH(QString, text);
        QFETCH(QString, mentions);
        QString error;
        QVERIFY(!DatabaseUrl::parse(text, &error));
        QVERIFY2(error.contains(mentions), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestDatabaseUrl)
#include "tst_databaseurl.moc"
