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

    // Issue 18: a URL that does not parse is quoted in its error, never with
    // its password (the error goes to logs, dialogs and the terminal).
    void refusalsNeverQuoteThePassword_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("no database") << "postgresql://officer:Tr0ub4dor@db.port.example:5432/";
        QTest::newRow("nested path") << "postgresql://officer:Tr0ub4dor@db.port.example/a/b";
        QTest::newRow("no host") << "postgresql://officer:Tr0ub4dor@/records";
        QTest::newRow("other scheme") << "mysql://officer:Tr0ub4dor@db.port.example/records";
        QTest::newRow("not strict") << "postgresql://officer:Tr0ub4dor@db port example/records";
        QTest::newRow("colon in password") << "postgres://officer:Tr0u:b4dor@/records";
    }
    void refusalsNeverQuoteThePassword()
    {
        QFETCH(QString, text);
        QString error;
        QVERIFY(!DatabaseUrl::parse(text, &error));
        QVERIFY2(!error.contains(QLatin1String("Tr0u")) && !error.contains(QLatin1String("b4dor")), qPrintable(error));
        QVERIFY2(error.contains(QLatin1String("officer")), qPrintable(error)); // still says which URL
    }
};

QTEST_GUILESS_MAIN(TestDatabaseUrl)
#include "tst_databaseurl.moc"
