// `facegate-cli --db URL user add NAME --role ROLE` as an operator's script
// runs it: the password on standard input, one JSON object on stdout, exit
// 0 / 1 (refused password, existing name) / 2 (usage, bad role, first user
// not an admin). The user it makes then signs in with the printed secret.
#include "core/security/AuditLog.h"
#include "core/security/Authenticator.h"
#include "core/security/Base32.h"
#include "core/security/KeyEncryptionKey.h"
#include "core/security/KeyStore.h"
#include "core/security/SecureBuffer.h"
#include "core/security/Totp.h"
#include "core/security/UserStore.h"
#include "core/storage/Database.h"
#include "tests/support/ManualClock.h"
#include "tests/support/TestDatabase.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

namespace {

const char* const kLogin = "tester";
const char* const kAdminPassword = "correct horse battery";
const char* const kOfficerPassword = "staple-gun-lantern-7";

struct Run {
    int status = -1;
    QJsonObject json;
    QString out;
    QString err;
};

class CliUser {
public:
    explicit CliUser(const fg::test::TestDatabase& target)
        : m_target(target)
        , m_keyFile(target.scratchDir() + QStringLiteral("/facegate.kek"))
    {
    }

    bool createKey(QString* error) { return fg::KeyEncryptionKey::createKeyFile(m_keyFile, error); }
    QString keyFile() const { return m_keyFile; }

    // stdin: written, then closed (nullptr: closed at once, nothing written).
    Run run(const QStringList& words, const char* stdinText) const
    {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), m_target.scratchDir()); // no default key file of the real user
        env.insert(QStringLiteral("USER"), QLatin1String(kLogin));
        env.remove(QStringLiteral("FACEGATE_KEY_FILE"));
        env.remove(QStringLiteral("FACEGATE_PASSPHRASE"));
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(FACEGATE_CLI),
                      QStringList{QStringLiteral("--db"), m_target.urlText(), QStringLiteral("user")} + words);
        if (!process.waitForStarted(30000))
            return {};
        if (stdinText)
            process.write(stdinText);
        process.closeWriteChannel();
        process.waitForFinished(120000);
        Run result;
        result.status = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
        result.out = QString::fromUtf8(process.readAllStandardOutput());
        result.err = QString::fromUtf8(process.readAllStandardError());
        result.json = QJsonDocument::fromJson(result.out.toUtf8()).object();
        return result;
    }

    Run add(const QString& name, const QString& role, const char* stdinText, const QStringList& more = {}) const
    {
        return run(QStringList{QStringLiteral("add"), name, QStringLiteral("--role"), role, QStringLiteral("--key-file"),
                               m_keyFile}
                       + more,
                   stdinText);
    }

private:
    const fg::test::TestDatabase& m_target;
    QString m_keyFile;
};

qint64 userCount(const fg::test::TestDatabase& target)
{
    QString error;
    const auto db = target.open(&error);
    if (!db)
        return -1;
    return db->scalar(QStringLiteral("SELECT COUNT(*) FROM users"), {}, QStringLiteral("count"), &error)
        .value_or(QVariant(-1))
        .toLongLong();
}

QString describe(const Run& run)
{
    return QStringLiteral("exit %1, stdout: %2, stderr: %3").arg(run.status).arg(run.out, run.err);
}

} // namespace

class TestUserCommand : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { qInfo("back-end: %s", qPrintable(fg::test::TestDatabase::backendName())); }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("words");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown role") << QStringList{"add", "olga", "--role", "wizard"} << "unknown role \"wizard\"";
        QTest::newRow("no role") << QStringList{"add", "olga"} << "--role is required";
        QTest::newRow("no name") << QStringList{"add", "--role", "admin"} << "usage";
        QTest::newRow("not add") << QStringList{"remove", "olga", "--role", "admin"} << "usage";
        QTest::newRow("bad name") << QStringList{"add", "Olga Smith", "--role", "admin"} << "not a valid user name";
        QTest::newRow("password on the command line")
            << QStringList{"add", "olga", "--role", "admin", "--password", kAdminPassword} << "password";
    }
    void usageErrors()
    {
        QFETCH(QStringList, words);
        QFETCH(QString, message);
        fg::test::TestDatabase target;
        FG_REQUIRE_DATABASE(target);
        const Run run = CliUser(target).run(words, kAdminPassword);
        QVERIFY2(run.status == 2, qPrintable(describe(run)));
        QVERIFY2(run.err.contains(message), qPrintable(describe(run)));
        QVERIFY(run.out.isEmpty());
        QCOMPARE(userCount(target), qint64(0));
    }

    void addsUsersAndTheySignIn()
    {
        fg::test::TestDatabase target;
        FG_REQUIRE_DATABASE(target);
        CliUser cli(target);
        QString error;
        QVERIFY2(cli.createKey(&error), qPrintable(error));

        // First run: only an admin.
        Run run = cli.add(QStringLiteral("olga"), QStringLiteral("officer"), "staple-gun-lantern-7\n");
        QVERIFY2(run.status == 2, qPrintable(describe(run)));
        QVERIFY2(run.err.contains(QStringLiteral("first user must be an admin")), qPrintable(describe(run)));
        QCOMPARE(userCount(target), qint64(0));

        // No password at all.
        run = cli.add(QStringLiteral("admin"), QStringLiteral("admin"), nullptr);
        QVERIFY2(run.status == 2, qPrintable(describe(run)));
        QVERIFY2(run.err.contains(QStringLiteral("standard input")), qPrintable(describe(run)));

        // A password the policy refuses.
        run = cli.add(QStringLiteral("admin"), QStringLiteral("admin"), "admin-password-1\n");
        QVERIFY2(run.status == 1, qPrintable(describe(run)));
        QVERIFY2(run.err.contains(QStringLiteral("user name")), qPrintable(describe(run)));
        QCOMPARE(userCount(target), qint64(0));

        run = cli.add(QStringLiteral("admin"), QStringLiteral("admin"), "correct horse battery\nignored second line\n",
                      {QStringLiteral("--display-name"), QStringLiteral("Ada Admin")});
        QVERIFY2(run.status == 0, qPrintable(describe(run)));
        QVERIFY(run.json.value(QStringLiteral("id")).toInteger() > 0);
        QCOMPARE(run.json.value(QStringLiteral("name")).toString(), QStringLiteral("admin"));
        QCOMPARE(run.json.value(QStringLiteral("role")).toString(), QStringLiteral("admin"));
        QCOMPARE(run.json.value(QStringLiteral("display_name")).toString(), QStringLiteral("Ada Admin"));
        QCOMPARE(run.json.value(QStringLiteral("first_admin")).toBool(), true);
        QCOMPARE(fg::Base32::decode(run.json.value(QStringLiteral("totp_secret")).toString()).value_or(QByteArray()).size(),
                 qsizetype(20));
        QVERIFY(run.json.value(QStringLiteral("totp_uri")).toString().startsWith(QStringLiteral("otpauth://totp/")));
        QVERIFY(!run.out.contains(QLatin1String(kAdminPassword)));

        // Then any role; the password line may end in \r\n.
        run = cli.add(QStringLiteral("olga"), QStringLiteral("checkpoint-officer"), "staple-gun-lantern-7\r\n");
        QVERIFY2(run.status == 0, qPrintable(describe(run)));
        QCOMPARE(run.json.value(QStringLiteral("role")).toString(), QStringLiteral("checkpoint-officer"));
        QCOMPARE(run.json.value(QStringLiteral("first_admin")).toBool(), false);
        const QByteArray olgaSecret =
            fg::Base32::decode(run.json.value(QStringLiteral("totp_secret")).toString()).value_or(QByteArray());

        // A name that exists.
        run = cli.add(QStringLiteral("olga"), QStringLiteral("supervisor"), "another long password\n");
        QVERIFY2(run.status == 1, qPrintable(describe(run)));
        QVERIFY2(run.err.contains(QStringLiteral("exists")), qPrintable(describe(run)));
        QCOMPARE(userCount(target), qint64(2));

        // olga signs in with the printed secret; the events name the operator.
        fg::test::ManualClock clock;
        const auto db = target.open(&error);
        QVERIFY2(db, qPrintable(error));
        const fg::AuditLog audit(*db, clock);
        const auto keys = fg::KeyStore::openWithKeyFile(*db, audit, cli.keyFile(), QStringLiteral("cli:test"), &error);
        QVERIFY2(keys, qPrintable(error));
        const fg::Authenticator auth(*db, audit, *keys, clock);
        const auto signedIn = auth.signIn(QStringLiteral("olga"), fg::SecureBuffer::fromBytes(QByteArray(kOfficerPassword)),
                                          fg::Totp::code(olgaSecret, clock.nowMs() / 1000));
        QVERIFY2(signedIn.signedIn(), qPrintable(signedIn.reason));
        QCOMPARE(signedIn.user->role, fg::Role::CheckpointOfficer);

        const auto events = audit.events(1, 1000, &error);
        QVERIFY2(events, qPrintable(error));
        QStringList added;
        for (const fg::AuditEvent& event : *events) {
            if (event.action == QLatin1String("user.add")) {
                QCOMPARE(event.actor, QStringLiteral("cli:") + QLatin1String(kLogin));
                added.append(event.subject);
            }
        }
        QCOMPARE(added, (QStringList{QStringLiteral("user:admin"), QStringLiteral("user:olga")}));
        const auto verification = audit.verify(&error);
        QVERIFY2(verification && verification->intact, qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestUserCommand)
#include "tst_usercommand.moc"
