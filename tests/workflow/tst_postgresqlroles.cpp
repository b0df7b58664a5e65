// PostgreSQL's two roles (issue 18, installer/postgresql-roles.sql): the
// owner migrates; the programs run as a plain role. Under it the
// workstation's work still succeeds (the key, an encounter with its photo and
// template, a purge, the audit log), while dropping or disabling a trigger,
// TRUNCATE and deleting or editing audit events are refused: the audit log's
// triggers hold against the role the programs run as. PostgreSQL only; the
// server's test role needs CREATEROLE (installer/postgres-throwaway.sh).
#include "core/security/AuditLog.h"
#include "core/security/KeyEncryptionKey.h"
#include "core/security/KeyStore.h"
#include "core/storage/Database.h"
#include "core/storage/DatabaseUrl.h"
#include "core/workflow/EncounterStore.h"
#include "core/workflow/Purger.h"
#include "core/workflow/RetentionPolicy.h"
#include "tests/support/ManualClock.h"
#include "tests/support/ShredEventually.h"
#include "tests/support/TestAuditKey.h"
#include "tests/support/TestDatabase.h"
#include "tests/support/TestPaths.h"

#include <QCoreApplication>
#include <QProcess>
#include <QScopeGuard>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace fg;

namespace {

const QDateTime kVerifiedAt(QDate(2026, 11, 26), QTime(9, 0), Qt::UTC);

// A statement on the server named by FACEGATE_TEST_POSTGRESQL_URL, outside any FaceGate database.
bool serverExec(const QString& sql, QString* error)
{
    const std::optional<DatabaseUrl> url = DatabaseUrl::parse(qEnvironmentVariable("FACEGATE_TEST_POSTGRESQL_URL"), error);
    if (!url)
        return false;
    const QString name = QStringLiteral("roles-admin");
    bool ok = false;
    {
        QSqlDatabase admin = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        admin.setHostName(url->host());
        admin.setPort(url->port());
        admin.setUserName(url->user());
        admin.setPassword(url->password());
        admin.setDatabaseName(url->databaseName());
        if (!admin.open()) {
            *error = admin.lastError().text();
        } else {
            QSqlQuery query(admin);
            ok = query.exec(sql);
            if (!ok)
                *error = query.lastError().text();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

} // namespace

class TestPostgresqlRoles : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void plainRoleWorksButCannotRewriteTheAuditLog();
};

void TestPostgresqlRoles::plainRoleWorksButCannotRewriteTheAuditLog()
{
    QString error;
    const QString role = QStringLiteral("facegate_app_test_%1").arg(QCoreApplication::applicationPid());
    // Dropped last, after the test database (which holds its grants) is gone.
    bool roleMade = false;
    const auto dropRole = qScopeGuard([&] {
        QString ignored;
        if (roleMade)
            serverExec(QStringLiteral("DROP ROLE IF EXISTS %1").arg(role), &ignored);
    });
    test::TestDatabase target;
    FG_REQUIRE_DATABASE(target);
    QVERIFY(!target.isSqlite());
    test::ManualClock clock(kVerifiedAt);
    {
        const auto owner = target.open(&error); // the owner migrates
        QVERIFY2(owner, qPrintable(error));
        QVERIFY2(serverExec(QStringLiteral("CREATE ROLE %1 LOGIN").arg(role), &error),
                 qPrintable(QStringLiteral("the test server's role must have CREATEROLE: ") + error));
        roleMade = true;
    }

    QProcess psql;
    psql.start(QStringLiteral("psql"),
               {QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-v"), QStringLiteral("ON_ERROR_STOP=1"),
                QStringLiteral("-v"), QStringLiteral("owner=%1").arg(target.url().user()), QStringLiteral("-v"),
                QStringLiteral("app=%1").arg(role), QStringLiteral("-v"),
                QStringLiteral("db=%1").arg(target.url().databaseName()), QStringLiteral("-f"),
                QString::fromUtf8(test::kSourceDir) + QStringLiteral("/installer/postgresql-roles.sql"),
                target.urlText()});
    QVERIFY2(psql.waitForFinished(60000), "psql did not finish");
    QVERIFY2(psql.exitStatus() == QProcess::NormalExit && psql.exitCode() == 0,
             qPrintable(QString::fromUtf8(psql.readAllStandardError())));

    const std::optional<DatabaseUrl> appUrl =
        DatabaseUrl::parse(QStringLiteral("postgresql://%1@%2:%3/%4")
                               .arg(role, target.url().host())
                               .arg(target.url().port())
                               .arg(target.url().databaseName()),
                           &error);
    QVERIFY2(appUrl, qPrintable(error));
    DatabaseOptions options;
    options.clock = &clock;
    const std::unique_ptr<Database> app = Database::open(*appUrl, &error, options);
    QVERIFY2(app, qPrintable(error));
    QCOMPARE(app->scalar(QStringLiteral("SELECT current_user"), {}, QStringLiteral("who"), &error)->toString(), role);

    // The workstation's work, as the plain role.
    const AuditLog audit(*app, clock, test::auditKey());
    const QString keyFile = target.scratchDir() + QStringLiteral("/records.kek");
    QVERIFY2(KeyEncryptionKey::createKeyFile(keyFile, &error), qPrintable(error));
    const std::unique_ptr<KeyStore> keys = KeyStore::openWithKeyFile(*app, audit, keyFile, QStringLiteral("test:app"), &error);
    QVERIFY2(keys, qPrintable(error));
    const RetentionPolicy policy;
    Encounter encounter;
    encounter.kind = Encounter::Kind::Entry;
    encounter.mode = Encounter::Mode::Biometric;
    encounter.decision = Encounter::Decision::Match;
    encounter.citizenship = QStringLiteral("USA");
    encounter.score = 0.83;
    encounter.threshold = 0.41;
    encounter.officer = QStringLiteral("jdoe");
    encounter.verifiedAt = kVerifiedAt;
    BiometricSample sample;
    sample.photo = QByteArray(4096, 'p');
    sample.format = QStringLiteral("jpeg");
    sample.faceTemplate = Template(QStringLiteral("test-model"), std::vector<float>(Template::kDimension, 0.01f));
    const EncounterStore encounters(*app, *keys, audit, clock, policy);
    QVERIFY2(encounters.add(encounter, &sample, QStringLiteral("officer:jdoe"), &error), qPrintable(error));
    clock.advanceSeconds(13 * 3600); // past the U.S. citizen's 12 hours
    Purger purger(*app, audit, clock, policy);
    const std::optional<PurgeReport> report = purger.purge(&error);
    QVERIFY2(report, qPrintable(error));
    QCOMPARE(report->photosDeleted, 1);
    QCOMPARE(report->templatesDeleted, 1);
    // The plain role owns data_keys, so the purge shreds the deleted keys (VACUUM FULL).
    QString shredError = report->reclaimError;
    QVERIFY2(test::shredEventually(*app, report->reclaimed, &shredError), qPrintable(shredError));
    QCOMPARE(app->scalar(QStringLiteral("SELECT COUNT(*) FROM data_keys WHERE binding LIKE 'photo:%'"), {},
                         QStringLiteral("count"), &error)
                 ->toLongLong(),
             0);
    auto chain = audit.verify(&error);
    QVERIFY2(chain && chain->intact, qPrintable(chain ? chain->problem : error));
    const qint64 events = chain->events;

    // What the plain role cannot do to the audit log.
    const QStringList refused = {
        QStringLiteral("DROP TRIGGER audit_events_no_update ON audit_events"),
        QStringLiteral("DROP TRIGGER audit_head_one_step ON audit_head"),
        QStringLiteral("ALTER TABLE audit_events DISABLE TRIGGER ALL"),
        QStringLiteral("DROP TABLE audit_events"),
        QStringLiteral("TRUNCATE audit_events"),
        QStringLiteral("TRUNCATE audit_head"),
        QStringLiteral("DELETE FROM audit_events"),
        QStringLiteral("DELETE FROM audit_events WHERE seq = %1").arg(events),
        QStringLiteral("UPDATE audit_events SET actor = 'officer:mallory' WHERE seq = 1"),
        QStringLiteral("DELETE FROM audit_head"),
        QStringLiteral("UPDATE audit_head SET seq = seq - 1"),
        QStringLiteral("DELETE FROM audit_keys"),
        QStringLiteral("DROP FUNCTION facegate_audit_head_one_step() CASCADE"),
    };
    for (const QString& sql : refused) {
        QString why;
        QVERIFY2(!app->exec(sql, sql, &why), qPrintable(QStringLiteral("not refused: ") + sql));
    }
    chain = audit.verify(&error);
    QVERIFY2(chain && chain->intact, qPrintable(chain ? chain->problem : error));
    QCOMPARE(chain->events, events);
}

QTEST_GUILESS_MAIN(TestPostgresqlRoles)
#include "tst_postgresqlroles.moc"
