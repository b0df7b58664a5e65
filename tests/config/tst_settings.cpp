#include "core/config/Settings.h"
#include "tests/support/TestPaths.h"

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
        QTest::newRow("endpoint http") << "matching/endpoint" << "http://matchd:8443" << "https";
        QTest::newRow("database") << "database/url" << "mysql://x/y" << "postgresql://";
        QTest::newRow("language") << "ui/language" << "de" << "en, es, fr";
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
        }
        QString error;
        const auto settings = Settings::load(path, &error);
        QVERIFY2(settings, qPrintable(error));
        QCOMPARE(settings->usCitizenOrExemptRetentionSeconds(), 6 * 3600);
        QCOMPARE(settings->inScopeRetentionSeconds(), 7 * 24 * 3600);
        QCOMPARE(settings->databaseUrl(), QString("postgresql://facegate@db:5432/records"));
        QCOMPARE(settings->attestationHours(), 48);
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
