// `facegate-cli --db URL encounter add`, `stats` and `audit verify` as
// scripts use them (ARCHITECTURE.md): JSON on stdout, exit 0; 1 with a
// one-line reason for an unreadable photo or no face; 2 for bad usage. SQLite
// only; runs the face models on real photos.
#include "core/security/KeyEncryptionKey.h"
#include "core/storage/Database.h"
#include "core/storage/Migrator.h"
#include "tests/support/ImageFixtures.h"
#include "tests/support/TestData.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <opencv2/imgcodecs.hpp>

namespace fx = fg::test::fixtures;

namespace {

struct Run {
    int status = -1;
    QJsonObject json;
    QString err;
};

QString data(const char* relative) { return fg::test::datasetPath(QString::fromLatin1(relative)); }

} // namespace

class TestEncounterCommand : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_url;
    QString m_keyFile;
    QString m_config;

    Run cli(const QStringList& words) const
    {
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("FACEGATE_MODELS"), fg::test::modelsDir());
        environment.insert(QStringLiteral("FACEGATE_CONFIG"), m_config); // not the machine's /etc/facegate
        environment.remove(QStringLiteral("FACEGATE_KEY_FILE"));
        environment.remove(QStringLiteral("FACEGATE_PASSPHRASE"));
        environment.insert(QStringLiteral("HOME"), m_dir.path()); // never the real default key file
        process.setProcessEnvironment(environment);
        process.start(QStringLiteral(FACEGATE_CLI), QStringList{QStringLiteral("--db"), m_url} + words);
        process.waitForFinished(120000);
        Run run;
        run.status = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
        run.json = QJsonDocument::fromJson(process.readAllStandardOutput()).object();
        run.err = QString::fromUtf8(process.readAllStandardError());
        return run;
    }

    QStringList add(const QString& photo, const QString& citizenship) const
    {
        return {QStringLiteral("encounter"), QStringLiteral("add"), QStringLiteral("--photo"), photo,
                QStringLiteral("--citizenship"), citizenship, QStringLiteral("--key-file"), m_keyFile};
    }

private Q_SLOTS:
    void initTestCase()
    {
        FG_REQUIRE_DATASETS();
        QVERIFY(m_dir.isValid());
        m_url = QStringLiteral("sqlite://") + m_dir.filePath(QStringLiteral("records.db"));
        m_keyFile = m_dir.filePath(QStringLiteral("records.kek"));
        QString error;
        QVERIFY2(fg::KeyEncryptionKey::createKeyFile(m_keyFile, &error), qPrintable(error));
        m_config = m_dir.filePath(QStringLiteral("facegate.ini"));
        QFile config(m_config);
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write("[retention]\nusCitizenOrExemptHours=12\ninScopeDays=14\n");
    }

    void addsAnEncounter()
    {
        const QString photo = data("faces-dev/single/obama/06-480p.jpg");
        const Run run = cli(add(photo, QStringLiteral("USA"))
                            + QStringList{QStringLiteral("--verified-at"), QStringLiteral("2026-11-26T09:00:00+02:00"),
                                          QStringLiteral("--kind"), QStringLiteral("exit")});
        QVERIFY2(run.status == 0, qPrintable(run.err));
        QVERIFY(run.json.value(QStringLiteral("id")).toInteger() > 0);
        QVERIFY(run.json.value(QStringLiteral("decision")).isNull()); // none recorded by default
        QVERIFY(!run.json.value(QStringLiteral("photo_id")).toString().isEmpty());
        QVERIFY(!run.json.value(QStringLiteral("template_id")).toString().isEmpty());
        QCOMPARE(run.json.value(QStringLiteral("photo_format")).toString(), QStringLiteral("jpeg"));
        QCOMPARE(run.json.value(QStringLiteral("kind")).toString(), QStringLiteral("exit"));
        QCOMPARE(run.json.value(QStringLiteral("retention_rule")).toString(), QStringLiteral("us-citizen-or-exempt-12h"));
        QCOMPARE(QDateTime::fromString(run.json.value(QStringLiteral("purge_due_at")).toString(), Qt::ISODateWithMs),
                 QDateTime(QDate(2026, 11, 26), QTime(19, 0), Qt::UTC)); // 07:00Z + 12 h
        QVERIFY(run.json.value(QStringLiteral("queue_item_id")).isNull());

        const Run noMatch = cli(add(data("faces-dev/single/kit_harington/02.jpg"), QStringLiteral("FRA"))
                                + QStringList{QStringLiteral("--decision"), QStringLiteral("no-match")});
        QVERIFY2(noMatch.status == 0, qPrintable(noMatch.err));
        QCOMPARE(noMatch.json.value(QStringLiteral("decision")).toString(), QStringLiteral("no-match"));
        QCOMPARE(noMatch.json.value(QStringLiteral("retention_rule")).toString(), QStringLiteral("in-scope-14d"));
        QVERIFY(noMatch.json.value(QStringLiteral("queue_item_id")).toInteger() > 0);
        const QDateTime verified = QDateTime::fromString(noMatch.json.value(QStringLiteral("verified_at")).toString(),
                                                         Qt::ISODateWithMs);
        QVERIFY(qAbs(verified.secsTo(QDateTime::currentDateTimeUtc())) < 300); // default: now
        QCOMPARE(QDateTime::fromString(noMatch.json.value(QStringLiteral("purge_due_at")).toString(), Qt::ISODateWithMs),
                 verified.addDays(14));

        // stats and audit verify read without the key.
        const Run stats = cli({QStringLiteral("stats")});
        QVERIFY2(stats.status == 0, qPrintable(stats.err));
        QCOMPARE(stats.json.value(QStringLiteral("backend")).toString(), QStringLiteral("sqlite"));
        QCOMPARE(stats.json.value(QStringLiteral("schema_version")).toInt(), fg::Migrator::latestVersion());
        const QJsonObject encounters = stats.json.value(QStringLiteral("encounters")).toObject();
        QCOMPARE(encounters.value(QStringLiteral("total")).toInteger(), 2);
        QCOMPARE(encounters[QStringLiteral("by_decision")][QStringLiteral("no-match")].toInteger(), 1);
        QCOMPARE(encounters[QStringLiteral("by_decision")][QStringLiteral("none")].toInteger(), 1);
        QCOMPARE(encounters[QStringLiteral("by_decision")][QStringLiteral("match")].toInteger(), 0);
        QCOMPARE(encounters[QStringLiteral("by_kind")][QStringLiteral("exit")].toInteger(), 1);
        QCOMPARE(encounters[QStringLiteral("by_kind")][QStringLiteral("entry")].toInteger(), 1);
        QCOMPARE(encounters[QStringLiteral("by_mode")][QStringLiteral("biometric")].toInteger(), 2);
        for (const QString& table : {QStringLiteral("photos"), QStringLiteral("templates")}) {
            const QJsonObject counts = stats.json.value(table).toObject();
            QCOMPARE(counts.value(QStringLiteral("total")).toInteger(), 2);
            QCOMPARE(counts[QStringLiteral("by_rule")][QStringLiteral("us-citizen-or-exempt-12h")].toInteger(), 1);
            QCOMPARE(counts[QStringLiteral("by_rule")][QStringLiteral("in-scope-14d")].toInteger(), 1);
        }
        QCOMPARE(stats.json.value(QStringLiteral("next_purge_due")).toString(),
                 run.json.value(QStringLiteral("purge_due_at")).toString()); // the U.S. citizen's, in 2026-11-26T19:00Z
        QCOMPARE(stats.json[QStringLiteral("queue_items")][QStringLiteral("by_state")][QStringLiteral("open")].toInteger(), 1);
        QCOMPARE(stats.json[QStringLiteral("deletions")][QStringLiteral("total")].toInteger(), 0);
        QCOMPARE(stats.json[QStringLiteral("users")][QStringLiteral("total")].toInteger(), 0);
        // key.register, key.open, encounter.add, key.open, encounter.add.
        QCOMPARE(stats.json.value(QStringLiteral("audit_events")).toInteger(), 5);

        const Run audit = cli({QStringLiteral("audit"), QStringLiteral("verify")});
        QVERIFY2(audit.status == 0, qPrintable(audit.err));
        QCOMPARE(audit.json.value(QStringLiteral("intact")).toBool(), true);
        QCOMPARE(audit.json.value(QStringLiteral("events")).toInteger(), 5);
    }

    void benchRecords()
    {
        QProcess process;
        process.start(QStringLiteral(FACEGATE_CLI),
                      {QStringLiteral("bench"), QStringLiteral("records"), QStringLiteral("--count"), QStringLiteral("5"),
                       QStringLiteral("--photo"), data("faces-dev/single/rose_leslie/01.jpg")});
        QVERIFY(process.waitForFinished(60000));
        const QString err = QString::fromUtf8(process.readAllStandardError());
        QVERIFY2(process.exitCode() == 0, qPrintable(err));
        const QJsonObject json = QJsonDocument::fromJson(process.readAllStandardOutput()).object();
        QCOMPARE(json.value(QStringLiteral("backend")).toString(), QStringLiteral("sqlite"));
        QCOMPARE(json.value(QStringLiteral("count")).toInteger(), 5);
        QCOMPARE(json.value(QStringLiteral("photo_bytes")).toInteger(),
                 QFileInfo(data("faces-dev/single/rose_leslie/01.jpg")).size());
        QVERIFY(json.value(QStringLiteral("encounters_per_second")).toDouble() > 0);
        QVERIFY(json.value(QStringLiteral("sqlite_file_bytes")).toInteger() + json.value(QStringLiteral("sqlite_wal_bytes")).toInteger()
                > 5 * json.value(QStringLiteral("photo_bytes")).toInteger()); // the photos were written
    }

    void refusals_data()
    {
        QTest::addColumn<QStringList>("extra");  // words after the valid ones
        QTest::addColumn<QString>("photo");      // empty: a real face photo
        QTest::addColumn<QString>("citizenship");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("named");      // words the stderr line must contain

        const QString face = data("faces-dev/single/obama/08-small.jpg");
        QTest::newRow("time without a zone")
            << QStringList{QStringLiteral("--verified-at"), QStringLiteral("2026-11-26T09:00:00")} << face << "USA" << 2
            << "2026-11-26T09:00:00";
        QTest::newRow("not a time") << QStringList{QStringLiteral("--verified-at"), QStringLiteral("yesterday")} << face
                                    << "USA" << 2 << "yesterday";
        // Issue 18: it would keep a U.S. citizen's photo until 2099.
        QTest::newRow("verified in the future")
            << QStringList{QStringLiteral("--verified-at"), QStringLiteral("2099-01-01T00:00:00Z")} << face << "USA" << 1
            << "in the future";
        for (const char* code : {"usa", "US", "USAA", "U1A", "D<<", ""})
            QTest::newRow(qPrintable(QStringLiteral("citizenship \"%1\"").arg(QLatin1String(code))))
                << QStringList{} << face << QString::fromLatin1(code) << 2
                << QStringLiteral("\"%1\"").arg(QLatin1String(code));
        QTest::newRow("unknown decision") << QStringList{QStringLiteral("--decision"), QStringLiteral("maybe")} << face
                                          << "USA" << 2 << "maybe";
        QTest::newRow("decision no-face is not for the command line")
            << QStringList{QStringLiteral("--decision"), QStringLiteral("no-face")} << face << "USA" << 2 << "no-face";
        QTest::newRow("unknown kind") << QStringList{QStringLiteral("--kind"), QStringLiteral("transit")} << face << "USA"
                                      << 2 << "transit";
        QTest::newRow("corrupt photo") << QStringList{} << fx::truncatedJpeg(cv::imread(face.toStdString()), m_dir.path())
                                       << "USA" << 1 << "truncated.jpg";
        QTest::newRow("not an image") << QStringList{} << fx::textNamedJpeg(m_dir.path()) << "USA" << 1 << ".jpg";
        QTest::newRow("missing photo") << QStringList{} << m_dir.filePath(QStringLiteral("absent.jpg")) << "USA" << 1
                                       << "absent.jpg";
        QTest::newRow("no face") << QStringList{} << fx::noFacePhoto(m_dir.path()) << "USA" << 1 << "no face in";
    }

    void refusals()
    {
        QFETCH(QStringList, extra);
        QFETCH(QString, photo);
        QFETCH(QString, citizenship);
        QFETCH(int, status);
        QFETCH(QString, named);
        const Run before = cli({QStringLiteral("stats")});
        QVERIFY2(before.status == 0, qPrintable(before.err));
        const Run run = cli(add(photo, citizenship) + extra);
        QCOMPARE(run.status, status);
        QVERIFY2(run.err.contains(named), qPrintable(run.err));
        QCOMPARE(run.err.count(QLatin1Char('\n')), 1); // one line
        QVERIFY(run.json.isEmpty());
        // Nothing was written.
        const Run after = cli({QStringLiteral("stats")});
        QCOMPARE(after.json.value(QStringLiteral("encounters")), before.json.value(QStringLiteral("encounters")));
        QCOMPARE(after.json.value(QStringLiteral("photos")), before.json.value(QStringLiteral("photos")));
    }
};

QTEST_GUILESS_MAIN(TestEncounterCommand)
#include "tst_encountercommand.moc"
