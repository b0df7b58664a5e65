#include "core/config/Settings.h"
#include "tests/support/TestPaths.h"

#include <QFile>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using fg::Settings;

class TestSettings : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void defaultsAreValid()
    {
        const Settings settings = Settings::defaults();
        QCOMPARE(settings.usCitizenOrExemptRetentionSeconds(), 12 * 3600);
        QCOMPARE(settings.inScopeRetentionSeconds(), 14 * 24 * 3600);
        QCOMPARE(settings.purgeIntervalMinutes(), 10);
        QCOMPARE(settings.lockoutFailures(), 5);
        QCOMPARE(settings.sessionLockMinutes(), 5);
        QCOMPARE(settings.fmrTarget(), 1e-3);
        QCOMPARE(settings.queueOverdueHours(), 24);
        QCOMPARE(settings.queueClaimExpiryHours(), 8);
        QCOMPARE(settings.attestationHours(), 24);
        QVERIFY(settings.databaseUrl().startsWith("sqlite://"));
    }

    // The shipped file documents every key with its default, and reads back as the defaults.
    void shippedFileMatchesTheTable()
    {
        const QString path = QString::fromUtf8(fg::test::kSourceDir) + "/resources/facegate.ini";
        QString error;
        const auto shipped = Settings::load(path, &error);
        QVERIFY2(shipped, qPrintable(error));
        const QSettings raw(path, QSettings::IniFormat);
        for (const fg::SettingSpec& spec : Settings::table()) {
            QVERIFY2(raw.contains(spec.key), qPrintable("resources/facegate.ini lacks " + spec.key));
            QCOMPARE(shipped->text(spec.key), spec.defaultText);
        }
    }

    void refusesBadValues_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("13 hours") << "retention/usCitizenOrExemptHours" << "13" << "from 1 to 12";
        QTest::newRow("0 hours") << "retention/usCitizenOrExemptHours" << "0" << "from 1 to 12";
        QTest::newRow("15 days") << "retention/inScopeDays" << "15" << "from 1 to 14";
        QTest::newRow("days as words") << "retention/inScopeDays" << "two weeks" << "whole number";
        QTest::newRow("fmr") << "matching/fmr" << "0.001" << "1e-3";
        QTest::newRow("bpcer 0") << "presentationAttack/bpcer" << "0" << "between 0 and 1";
        QTest::newRow("bpcer percent") << "presentationAttack/bpcer" << "1%" << "between 0 and 1";
        QTest::newRow("endpoint http") << "matching/endpoint" << "http://matchd:8443" << "https";
        QTest::newRow("database") << "database/url" << "mysql://x/y" << "postgresql://";
        QTest::newRow("language") << "ui/language" << "de" << "en, es, fr";
        QTest::newRow("sslmode") << "database/sslmode" << "verify_full" << "verify-full";
        QTest::newRow("station kind") << "station/kind" << "arrival" << "entry, exit, checkpoint";
        QTest::newRow("lockout") << "security/lockoutFailures" << "0" << "from 1 to 100";
        QTest::newRow("session lock") << "security/sessionLockMinutes" << "241" << "from 1 to 240";
    }
    void refusesBadValues()
    {
        QFETCH(QString, key);
        QFETCH(QString, text);
        QFETCH(QString, mentions);
        QTemporaryDir dir;
        const QString path = dir.filePath("facegate.ini");
        {
            QSettings file(path, QSettings::IniFormat);
            file.setValue(key, text);
        }
        QString error;
        QVERIFY(!Settings::load(path, &error));
        QVERIFY2(error.contains(key) && error.contains(text) && error.contains(mentions) && error.contains(path),
                 qPrintable(error));
    }

    void readsGoodValues()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("facegate.ini");
        {
            QSettings file(path, QSettings::IniFormat);
            file.setValue("retention/usCitizenOrExemptHours", "6");
            file.setValue("retention/inScopeDays", "7");
            file.setValue("database/url", "postgresql://facegate@db:5432/records");
            file.setValue("quality/maxYaw", "25"); // checked by QualityLimits, passed over here
            file.setValue("service/attestationHours", "48");
            file.setValue("presentationAttack/bpcer", "5e-2");
        }
        QString error;
        const auto settings = Settings::load(path, &error);
        QVERIFY2(settings, qPrintable(error));
        QCOMPARE(settings->usCitizenOrExemptRetentionSeconds(), 6 * 3600);
        QCOMPARE(settings->inScopeRetentionSeconds(), 7 * 24 * 3600);
        QCOMPARE(settings->databaseUrl(), QString("postgresql://facegate@db:5432/records"));
        QCOMPARE(settings->attestationHours(), 48);
        QCOMPARE(settings->presentationAttackBpcer(), 0.05);
        QCOMPARE(Settings::defaults().presentationAttackBpcer(), 0.01);
    }

    // Issue 18: the database's TLS settings reach every user of
    // databaseUrl() as the URL's parameters; the URL's own ones win.
    void databaseTlsSettingsJoinTheUrl()
    {
        Settings settings = Settings::defaults();
        QString error;
        QVERIFY2(settings.set("database/url", "postgresql://facegate@db:5432/records", &error), qPrintable(error));
        QVERIFY2(settings.set("database/sslmode", "verify-ca", &error), qPrintable(error));
        QVERIFY2(settings.set("database/sslrootcert", "/etc/facegate/db ca.pem", &error), qPrintable(error));
        QVERIFY2(settings.set("database/sslcert", "/etc/facegate/station.pem", &error), qPrintable(error));
        QVERIFY2(settings.set("database/sslkey", "/etc/facegate/station.key", &error), qPrintable(error));
        QCOMPARE(settings.databaseUrl(),
                 QString("postgresql://facegate@db:5432/records?sslmode=verify-ca"
                         "&sslrootcert=/etc/facegate/db%20ca.pem&sslcert=/etc/facegate/station.pem"
                         "&sslkey=/etc/facegate/station.key"));
        QVERIFY2(settings.set("database/url", "postgresql://facegate@db/records?sslmode=verify-full", &error),
                 qPrintable(error));
        QCOMPARE(settings.databaseUrl(),
                 QString("postgresql://facegate@db/records?sslmode=verify-full"
                         "&sslrootcert=/etc/facegate/db%20ca.pem&sslcert=/etc/facegate/station.pem"
                         "&sslkey=/etc/facegate/station.key"));
        // SQLite has no connection to encrypt.
        QVERIFY2(settings.set("database/url", "sqlite:///var/lib/facegate/f.db", &error), qPrintable(error));
        QCOMPARE(settings.databaseUrl(), QString("sqlite:///var/lib/facegate/f.db"));
    }

    void refusesUnknownKeysAndMissingFiles()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("facegate.ini");
        {
            QSettings file(path, QSettings::IniFormat);
            file.setValue("retention/inScopeDay", "7"); // a typo must not be silently ignored
        }
        QString error;
        QVERIFY(!Settings::load(path, &error));
        QVERIFY2(error.contains("unknown setting retention/inScopeDay"), qPrintable(error));
        QVERIFY(!Settings::load(dir.filePath("absent.ini"), &error));
        QVERIFY2(error.contains("does not exist"), qPrintable(error));
    }

    // Every list key written as the documentation says, "a, b" unquoted (which
    // QSettings reads as a list of strings), reaches the code with all its items.
    void readsEveryListKeyWithSeveralEntries()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("facegate.ini");
        QByteArray text;
        QStringList listKeys;
        for (const fg::SettingSpec& spec : Settings::table()) {
            if (!spec.list)
                continue;
            listKeys << spec.key;
            text += "[" + spec.key.section('/', 0, 0).toUtf8() + "]\n" + spec.key.section('/', 1).toUtf8()
                + "=first-item:1, second item:2,third=3\n";
        }
        QVERIFY(listKeys.contains("service/revoked"));
        QVERIFY(listKeys.contains("service/roles"));
        QVERIFY(listKeys.contains("capture/sources"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(text);
        file.close();
        QString error;
        const std::optional<Settings> settings = Settings::load(path, &error);
        QVERIFY2(settings, qPrintable(error));
        for (const QString& key : std::as_const(listKeys))
            QCOMPARE(settings->list(key), (QStringList{"first-item:1", "second item:2", "third=3"}));
        QCOMPARE(settings->captureSources().size(), 3);

        // Quoted, the same list arrives as one string: split the same way.
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write("[service]\nroles=\"OU=partner:partner, OU=workstation:workstation\"\n");
        file.close();
        const std::optional<Settings> quoted = Settings::load(path, &error);
        QVERIFY2(quoted, qPrintable(error));
        QCOMPARE(quoted->list("service/roles"), (QStringList{"OU=partner:partner", "OU=workstation:workstation"}));
    }

    // A comma in a key that is not a list, or a value QSettings reads as
    // another type (@Rect, @Variant), is an error naming the key, never an
    // empty setting.
    void refusesListsAndOtherTypesWhereTextIsExpected_data()
    {
        QTest::addColumn<QByteArray>("ini");
        QTest::addColumn<QString>("key");
        QTest::newRow("comma in a path") << QByteArray("[models]\ndir=/srv/models,old\n") << "models/dir";
        QTest::newRow("rect in a list key") << QByteArray("[service]\nrevoked=@Rect(1 2 3 4)\n") << "service/revoked";
        QTest::newRow("bytes in a list key") << QByteArray("[capture]\nsources=@Variant(\\0\\0\\0\\x7f\\0\\0\\0\\0)\n")
                                             << "capture/sources";
    }

    void refusesListsAndOtherTypesWhereTextIsExpected()
    {
        QFETCH(QByteArray, ini);
        QFETCH(QString, key);
        QTemporaryDir dir;
        QFile file(dir.filePath("facegate.ini"));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(ini);
        file.close();
        QString error;
        QVERIFY(!Settings::load(file.fileName(), &error));
        QVERIFY2(error.contains(key), qPrintable(error));
    }

    void commandLineOverridesAreChecked()
    {
        Settings settings = Settings::defaults();
        QString error;
        QVERIFY2(settings.set("retention/inScopeDays", "3", &error), qPrintable(error));
        QCOMPARE(settings.inScopeRetentionSeconds(), 3 * 24 * 3600);
        QVERIFY(!settings.set("retention/inScopeDays", "30", &error));
        QCOMPARE(settings.inScopeRetentionSeconds(), 3 * 24 * 3600);
    }
};

QTEST_GUILESS_MAIN(TestSettings)
#include "tst_settings.moc"
