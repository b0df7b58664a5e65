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

    // Issue 18: only the TLS parameters are known; anything else, an unknown
    // sslmode, a parameter given twice or empty is refused, naming it.
    void refusesBadParameters_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("mentions");
        const QString base = "postgresql://officer@db.port.example:5432/records";
        QTest::newRow("unknown sslmode") << base + "?sslmode=verify_full"
                                         << QStringList{"sslmode=verify_full", "verify-full", "verify-ca"};
        QTest::newRow("sslmode case") << base + "?sslmode=VERIFY-FULL" << QStringList{"VERIFY-FULL"};
        QTest::newRow("unknown parameter") << base + "?sslmode=verify-full&sslcompression=1"
                                           << QStringList{"sslcompression", "sslrootcert"};
        QTest::newRow("two unknown") << base + "?application_name=x&options=-c%20a%3Db"
                                     << QStringList{"application_name", "options"};
        QTest::newRow("typo") << base + "?sslrootcrt=/etc/ca.pem" << QStringList{"sslrootcrt"};
        QTest::newRow("twice") << base + "?sslmode=verify-full&sslmode=disable" << QStringList{"sslmode", "twice"};
        QTest::newRow("empty") << base + "?sslrootcert=" << QStringList{"sslrootcert", "empty"};
        QTest::newRow("semicolon in a path") << base + "?sslrootcert=/etc/a%3Bb/ca.pem"
                                             << QStringList{"sslrootcert", "/etc/a;b/ca.pem", ";"};
    }
    void refusesBadParameters()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, mentions);
        QString error;
        QVERIFY(!DatabaseUrl::parse(text, &error));
        for (const QString& word : std::as_const(mentions))
            QVERIFY2(error.contains(word), qPrintable(QString("no \"%1\" in: %2").arg(word, error)));
        QVERIFY2(error.contains("db.port.example"), qPrintable(error)); // says which URL
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
        QTest::newRow("unknown sslmode") << "postgresql://officer:Tr0ub4dor@db.port.example/records?sslmode=bogus";
        QTest::newRow("unknown parameter") << "postgresql://officer:Tr0ub4dor@db.port.example/records?bogus=1";
        QTest::newRow("password parameter") << "postgresql://officer@db.port.example/records?password=Tr0ub4dor";
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
