// `facegate-cli --db URL user ...` as an operator's script runs it: passwords
// and codes on standard input, one JSON object on stdout, exit 0 / 1 (refused
// password, existing or unknown name, refused administrator, last admin) / 2
// (usage, bad role, first user not an admin, --admin missing). The first admin
// is added without --admin; everything after is done by an administrator who
// signs in with a password and a TOTP code, and whom the audit events name.
#include "core/security/AuditLog.h"
#include "core/security/Authenticator.h"
#include "core/security/Base32.h"
#include "core/security/KeyEncryptionKey.h"
#include "core/security/KeyStore.h"
#include "core/security/SecureBuffer.h"
#include "core/security/SystemAccount.h"
#include "core/security/Totp.h"
#include "core/security/UserStore.h"
#include "core/storage/Database.h"
#include "tests/support/ManualClock.h"
#include "tests/support/TestAuditKey.h"
#include "tests/support/TestDatabase.h"

#include <QDateTime>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>
#include <QThread>

#include <algorithm>
#include <memory>

namespace {

// What $USER claims for the CLI's runs: the audit ignores it (issue 18) and
// names the account the process runs as (systemAccountName()).
const char* const kClaimedLogin = "mallory";
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
        env.insert(QStringLiteral("USER"), QLatin1String(kClaimedLogin));
        env.insert(QStringLiteral("LOGNAME"), QLatin1String(kClaimedLogin));
        env.remove(QStringLiteral("FACEGATE_KEY_FILE"));
        env.remove(QStringLiteral("FACEGATE_PASSPHRASE"));
        // The tests' audit key, which the in-process AuditLog keys the chain with too.
        const QString auditKeyFile = m_target.scratchDir() + QStringLiteral("/audit.key");
        QString error;
        if (!QFileInfo::exists(auditKeyFile) && !fg::test::writeAuditKeyFile(auditKeyFile, &error))
            return {};
        env.insert(QStringLiteral("FACEGATE_AUDIT_KEY_FILE"), auditKeyFile);
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

// A user's authenticator app for the CLI, which signs in on the real clock.
// A code whose 30 s step is not after the last one accepted is refused as a
// replay, so each code is for the next step not used yet, and only for the
// current step or the next: one step of drift either way is accepted, so a
// step that ends while the CLI starts does no harm. When both are used, it
// waits for the next step (a test keeps to two sign-ins per administrator).
class Phone {
public:
    explicit Phone(QByteArray secret = {})
        : m_secret(std::move(secret))
    {
    }

    QString nextCode()
    {
        for (;;) {
            const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
            const qint64 current = nowMs / 30000;
            const qint64 step = std::max(m_lastStep + 1, current);
            if (step <= current + 1) {
                m_lastStep = step;
                return fg::Totp::codeAt(m_secret, step);
            }
            QThread::msleep(static_cast<unsigned long>(30000 - nowMs % 30000 + 50));
        }
    }

private:
    QByteArray m_secret;
    qint64 m_lastStep = 0;
};

fg::ScryptParams lightParams()
{
    fg::ScryptParams params = fg::ScryptParams::forPasswords();
    params.n = 1024; // tests only: production hashes use ScryptParams::forPasswords()
    return params;
}

fg::SecureBuffer secret(const char* text)
{
    return fg::SecureBuffer::fromBytes(QByteArray(text));
}

// A database whose users are made in the test's process (light password
// hashes, so the CLI's sign-ins are quick), the CLI run on it, and the users'
// own sign-ins at the test's clock.
struct Users {
    fg::test::TestDatabase target;
    CliUser cli{target};
    fg::test::ManualClock clock{QDateTime::currentDateTimeUtc()};
    std::unique_ptr<fg::Database> db;
    std::unique_ptr<fg::AuditLog> audit;
    std::unique_ptr<fg::KeyStore> keys;
    std::unique_ptr<fg::UserStore> store;
    std::unique_ptr<fg::Authenticator> auth;
    QMap<QString, QByteArray> secrets; // name -> TOTP secret
    QMap<QString, Phone> phones;       // name -> the authenticator used with the CLI

    bool open(QString* error)
    {
        if (!target.isReady(error) || !cli.createKey(error))
            return false;
        fg::DatabaseOptions options;
        options.clock = &clock;
        db = target.open(error, options);
        if (!db)
            return false;
        audit = std::make_unique<fg::AuditLog>(*db, clock, fg::test::auditKey());
        keys = fg::KeyStore::openWithKeyFile(*db, *audit, cli.keyFile(), QStringLiteral("cli:test"), error);
        if (!keys)
            return false;
        store = std::make_unique<fg::UserStore>(*db, *audit, lightParams());
        auth = std::make_unique<fg::Authenticator>(*db, *audit, *keys, clock, fg::LockoutPolicy(), lightParams());
        return true;
    }

    // The first user is the first admin ("cli:test"); the others are added by ada.
    bool add(const QString& name, fg::Role role, const char* password, QString* error)
    {
        std::optional<fg::UserStore::Added> added;
        const std::optional<bool> any = store->hasUsers(error);
        if (!any)
            return false;
        if (*any)
            added = store->add({name, role, {}}, secret(password), *keys, QStringLiteral("officer:ada"), error);
        else
            added = store->createFirstAdmin(name, {}, secret(password), *keys, QStringLiteral("cli:test"), error);
        if (!added)
            return false;
        secrets.insert(name, fg::Base32::decode(added->totpSecret).value_or(QByteArray()));
        phones.insert(name, Phone(secrets.value(name)));
        return true;
    }

    // `facegate-cli --db URL user WORDS... --admin ADMIN --code CODE` with the
    // admin's password on standard input.
    Run asAdmin(const QString& admin, const char* password, const QStringList& words)
    {
        return asAdmin(admin, password, phones[admin].nextCode(), words);
    }
    Run asAdmin(const QString& admin, const char* password, const QString& code, const QStringList& words) const
    {
        const QByteArray input = QByteArray(password) + '\n';
        return cli.run(words + QStringList{QStringLiteral("--admin"), admin, QStringLiteral("--code"), code,
                                           QStringLiteral("--key-file"), cli.keyFile()},
                       input.constData());
    }

    // A code that is none of the user's codes around now.
    QString wrongCode(const QString& name) const
    {
        const qint64 current = QDateTime::currentSecsSinceEpoch() / 30;
        for (int candidate = 0;; ++candidate) {
            const QString code = QStringLiteral("%1").arg(candidate, 6, 10, QLatin1Char('0'));
            bool used = false;
            for (qint64 step = current - 2; step <= current + 2; ++step)
                used = used || fg::Totp::codeAt(secrets.value(name), step) == code;
            if (!used)
                return code;
        }
    }

    // A user's own sign-in at the test's clock, 30 s after the last (a fresh code).
    fg::Authenticator::Result signIn(const QString& name, const char* password, const QByteArray& totpSecret)
    {
        clock.advanceSeconds(30);
        return auth->signIn(name, secret(password), fg::Totp::code(totpSecret, clock.nowMs() / 1000));
    }
    fg::Authenticator::Result signIn(const QString& name, const char* password)
    {
        return signIn(name, password, secrets.value(name));
    }

    std::optional<fg::UserAccount> account(const QString& name) const
    {
        QString error;
        std::optional<fg::UserAccount> found;
        if (!store->find(name, &found, &error))
            qWarning("%s", qPrintable(error));
        return found;
    }

    // The audit events of one action, in order.
    std::vector<fg::AuditEvent> events(const QString& action) const
    {
        QString error;
        const auto all = audit->events(1, 100000, &error);
        std::vector<fg::AuditEvent> found;
        for (const fg::AuditEvent& event : all.value_or(std::vector<fg::AuditEvent>()))
            if (event.action == action || action.isEmpty())
                found.push_back(event);
        return found;
    }
    qint64 userChanges() const
    {
        const std::vector<fg::AuditEvent> all = events({});
        return std::count_if(all.begin(), all.end(), [](const fg::AuditEvent& event) {
            return event.action.startsWith(QLatin1String("user."));
        });
    }
};

#define OPEN_USERS(users)                                                       \
    do {                                                                        \
        QString fgError_;                                                       \
        if (!(users).open(&fgError_))                                           \
            QFAIL(qPrintable(fgError_));                                        \
    } while (false)

#define ADD_USER(users, name, role, password)                                   \
    do {                                                                        \
        QString fgError_;                                                       \
        if (!(users).add(QStringLiteral(name), role, password, &fgError_))      \
            QFAIL(qPrintable(fgError_));                                        \
    } while (false)

// The change's audit event: the administrator as actor, the CLI's login as "via".
#define VERIFY_BY_ADMIN(event, admin)                                                                \
    do {                                                                                             \
        QCOMPARE((event).actor, QStringLiteral("officer:" admin));                                  \
        QCOMPARE((event).details.value(QStringLiteral("via")).toString(),                           \
                 QStringLiteral("cli:") + fg::systemAccountName());                                 \
    } while (false)

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
        QTest::newRow("unknown subcommand") << QStringList{"remove", "olga"} << "usage";
        QTest::newRow("list without admin") << QStringList{"list"} << "--admin NAME";
        QTest::newRow("disable without admin") << QStringList{"disable", "olga"} << "--admin NAME";
        QTest::newRow("disable without name") << QStringList{"disable", "--admin", "ada"} << "usage";
        QTest::newRow("list with a name") << QStringList{"list", "olga", "--admin", "ada"} << "usage";
        QTest::newRow("set-role without role")
            << QStringList{"set-role", "olga", "--admin", "ada"} << "--role is required";
        QTest::newRow("set-role unknown role")
            << QStringList{"set-role", "olga", "--role", "wizard", "--admin", "ada"} << "unknown role \"wizard\"";
        QTest::newRow("role with disable")
            << QStringList{"disable", "olga", "--role", "admin", "--admin", "ada"} << "--role goes with";
        QTest::newRow("bad admin name") << QStringList{"list", "--admin", "Ada Admin"} << "not a valid user name";
        QTest::newRow("code without admin")
            << QStringList{"add", "olga", "--role", "admin", "--code", "123456"} << "goes with --admin";
        QTest::newRow("code not six digits") << QStringList{"list", "--admin", "ada", "--code", "12a456"} << "6 digits";
        QTest::newRow("now with admin")
            << QStringList{"list", "--admin", "ada", "--code", "123456", "--now", "2026-12-01T00:00:00Z"}
            << "real clock";
        QTest::newRow("admin on a database without users")
            << QStringList{"list", "--admin", "ada", "--code", "123456"} << "no users yet";
    }
    void usageErrors()
    {
        QFETCH(QStringList, words);
        QFETCH(QString, message);
        // One empty database for every row (each makes nothing): a PostgreSQL
        // database takes a second or two to make.
        if (!m_empty)
            m_empty = std::make_unique<fg::test::TestDatabase>();
        const fg::test::TestDatabase& target = *m_empty;
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
        QCOMPARE(run.json.value(QStringLiteral("by")).toString(), QStringLiteral("cli:") + fg::systemAccountName());
        QVERIFY(!run.out.contains(QLatin1String(kAdminPassword)));
        Phone adminPhone(
            fg::Base32::decode(run.json.value(QStringLiteral("totp_secret")).toString()).value_or(QByteArray()));

        // Then users are added by an administrator, never by the database's operator alone.
        run = cli.add(QStringLiteral("olga"), QStringLiteral("checkpoint-officer"), "staple-gun-lantern-7\n");
        QVERIFY2(run.status == 2, qPrintable(describe(run)));
        QVERIFY2(run.err.contains(QStringLiteral("this database has users: name the administrator who adds this one "
                                                 "(--admin NAME)")),
                 qPrintable(describe(run)));
        QCOMPARE(userCount(target), qint64(1));

        // Any role; with --code, the new password is the second line, which may end in \r\n.
        run = cli.add(QStringLiteral("olga"), QStringLiteral("checkpoint-officer"),
                      "correct horse battery\nstaple-gun-lantern-7\r\n",
                      {QStringLiteral("--admin"), QStringLiteral("admin"), QStringLiteral("--code"),
                       adminPhone.nextCode()});
        QVERIFY2(run.status == 0, qPrintable(describe(run)));
        QCOMPARE(run.json.value(QStringLiteral("role")).toString(), QStringLiteral("checkpoint-officer"));
        QCOMPARE(run.json.value(QStringLiteral("first_admin")).toBool(), false);
        QCOMPARE(run.json.value(QStringLiteral("by")).toString(), QStringLiteral("officer:admin"));
        const QByteArray olgaSecret =
            fg::Base32::decode(run.json.value(QStringLiteral("totp_secret")).toString()).value_or(QByteArray());

        // A name that exists; without --code the code is the second line and
        // the new password the third.
        const QByteArray lines = QByteArray(kAdminPassword) + '\n' + adminPhone.nextCode().toLatin1()
            + "\nanother long password\n";
        run = cli.add(QStringLiteral("olga"), QStringLiteral("supervisor"), lines.constData(),
                      {QStringLiteral("--admin"), QStringLiteral("admin")});
        QVERIFY2(run.status == 1, qPrintable(describe(run)));
        QVERIFY2(run.err.contains(QStringLiteral("exists")), qPrintable(describe(run)));
        QCOMPARE(userCount(target), qint64(2));

        // olga signs in with the printed secret; the events name the operator.
        fg::test::ManualClock clock{QDateTime::currentDateTimeUtc()}; // after the CLI's events, on the real clock
        const auto db = target.open(&error);
        QVERIFY2(db, qPrintable(error));
        const fg::AuditLog audit(*db, clock, fg::test::auditKey());
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
        int adminSignIns = 0;
        for (const fg::AuditEvent& event : *events) {
            if (event.action == QLatin1String("user.add"))
                added.append(event.subject + QLatin1Char(' ') + event.actor + QLatin1Char(' ')
                             + event.details.value(QStringLiteral("via")).toString());
            if (event.action == QLatin1String("auth.sign-in") && event.subject == QLatin1String("user:admin"))
                ++adminSignIns;
        }
        // The first admin by the operator; olga by the administrator, through the operator's CLI.
        const QString operatorActor = QStringLiteral("cli:") + fg::systemAccountName();
        QVERIFY(!operatorActor.contains(QLatin1String(kClaimedLogin)));
        QCOMPARE(added, (QStringList{QStringLiteral("user:admin %1 ").arg(operatorActor),
                                     QStringLiteral("user:olga officer:admin %1").arg(operatorActor)}));
        QCOMPARE(adminSignIns, 2);
        const auto verification = audit.verify(&error);
        QVERIFY2(verification && verification->intact, qPrintable(error));
    }

    // Every account and its state; never a password hash or a TOTP secret.
    void listShowsUsersAndNoSecret()
    {
        Users users;
        OPEN_USERS(users);
        ADD_USER(users, "ada", fg::Role::Admin, kAdminPassword);
        ADD_USER(users, "olga", fg::Role::Officer, kOfficerPassword);
        for (int i = 0; i < 5; ++i)
            users.signIn(QStringLiteral("olga"), "wrong password here");

        const Run run = users.asAdmin(QStringLiteral("ada"), kAdminPassword, {QStringLiteral("list")});
        QVERIFY2(run.status == 0, qPrintable(describe(run)));
        const QJsonArray rows = run.json.value(QStringLiteral("users")).toArray();
        QCOMPARE(rows.size(), qsizetype(2));
        const QJsonObject ada = rows[0].toObject();
        const QJsonObject olga = rows[1].toObject();
        QCOMPARE(ada.keys(), (QStringList{"created_at", "created_by", "disabled", "display_name", "failed_attempts",
                                          "locked_until", "name", "password_change_required", "role"}));
        QCOMPARE(olga.keys(), ada.keys());
        QCOMPARE(ada.value(QStringLiteral("name")).toString(), QStringLiteral("ada"));
        QCOMPARE(ada.value(QStringLiteral("role")).toString(), QStringLiteral("admin"));
        QCOMPARE(ada.value(QStringLiteral("created_by")).toString(), QStringLiteral("cli:test"));
        QVERIFY(ada.value(QStringLiteral("locked_until")).isNull());
        QCOMPARE(ada.value(QStringLiteral("failed_attempts")).toInt(), 0);
        QCOMPARE(olga.value(QStringLiteral("name")).toString(), QStringLiteral("olga"));
        QCOMPARE(olga.value(QStringLiteral("role")).toString(), QStringLiteral("officer"));
        QCOMPARE(olga.value(QStringLiteral("created_by")).toString(), QStringLiteral("officer:ada"));
        QCOMPARE(olga.value(QStringLiteral("disabled")).toBool(), false);
        QCOMPARE(olga.value(QStringLiteral("password_change_required")).toBool(), false);
        QCOMPARE(olga.value(QStringLiteral("failed_attempts")).toInt(), 5);
        const QDateTime lockedUntil =
            QDateTime::fromString(olga.value(QStringLiteral("locked_until")).toString(), Qt::ISODate);
        QVERIFY2(lockedUntil.isValid() && lockedUntil.timeSpec() == Qt::UTC, qPrintable(describe(run)));
        QCOMPARE(lockedUntil.toSecsSinceEpoch(), users.account(QStringLiteral("olga"))->lockedUntil.toSecsSinceEpoch());
        const QDateTime createdAt =
            QDateTime::fromString(olga.value(QStringLiteral("created_at")).toString(), Qt::ISODate);
        QVERIFY2(createdAt.isValid() && createdAt.timeSpec() == Qt::UTC, qPrintable(describe(run)));

        for (const QByteArray& key : users.secrets)
            QVERIFY(!run.out.contains(fg::Base32::encode(key)));
        QVERIFY(!run.out.contains(QLatin1String("scrypt")));
        QVERIFY(!run.out.contains(QLatin1String("totp")));
        QVERIFY(!run.out.contains(QLatin1String("hash")));
    }

    // A disabled user cannot sign in until enabled again; both name the administrator.
    void disableAndEnable()
    {
        Users users;
        OPEN_USERS(users);
        ADD_USER(users, "ada", fg::Role::Admin, kAdminPassword);
        ADD_USER(users, "olga", fg::Role::Officer, kOfficerPassword);

        Run run = users.asAdmin("ada", kAdminPassword, {"disable", "olga"});
        QVERIFY2(run.status == 0, qPrintable(describe(run)));
        QCOMPARE(run.json.value(QStringLiteral("action")).toString(), QStringLiteral("disable"));
        QCOMPARE(run.json.value(QStringLiteral("name")).toString(), QStringLiteral("olga"));
        QCOMPARE(run.json.value(QStringLiteral("by")).toString(), QStringLiteral("officer:ada"));
        QCOMPARE(run.json.value(QStringLiteral("disabled")).toBool(), true);
        fg::Authenticator::Result result = users.signIn(QStringLiteral("olga"), kOfficerPassword);
        QCOMPARE(result.status, fg::Authenticator::Result::Status::Disabled);

        run = users.asAdmin(QStringLiteral("ada"), kAdminPassword, {QStringLiteral("enable"), QStringLiteral("olga")});
        QVERIFY2(run.status == 0, qPrintable(describe(run)));
        QCOMPARE(run.json.value(QStringLiteral("disabled")).toBool(), false);
        result = users.signIn(QStringLiteral("olga"), kOfficerPassword);
        QVERIFY2(result.signedIn(), qPrintable(result.reason));

        const auto disables = users.events(QStringLiteral("user.disable"));
        const auto enables = users.events(QStringLiteral("user.enable"));
        QCOMPARE(disables.size(), size_t(1));
        QCOMPARE(enables.size(), size_t(1));
        QCOMPARE(disables[0].subject, QStringLiteral("user:olga"));
        VERIFY_BY_ADMIN(disables[0], "ada");
        VERIFY_BY_ADMIN(enables[0], "ada");
        // The administrator's own sign-ins are audited as the workstation's are.
        const auto signIns = users.events(QStringLiteral("auth.sign-in"));
        const auto byAda = [](const fg::AuditEvent& event) { return event.subject == QLatin1String("user:ada"); };
        QCOMPARE(qint64(std::count_if(signIns.begin(), signIns.end(), byAda)), qint64(2));
    }

    void unlockAfterFailedSignIns()
    {
        Users users;
        OPEN_USERS(users);
        ADD_USER(users, "ada", fg::Role::Admin, kAdminPassword);
        ADD_USER(users, "olga", fg::Role::Officer, kOfficerPassword);
        for (int i = 0; i < 5; ++i)
            users.signIn(QStringLiteral("olga"), "wrong password here");
        QCOMPARE(users.signIn(QStringLiteral("olga"), kOfficerPassword).status,
                 fg::Authenticator::Result::Status::LockedOut);

        const Run run = users.asAdmin("ada", kAdminPassword, {"unlock", "olga"});
        QVERIFY2(run.status == 0, qPrintable(describe(run)));
        QCOMPARE(run.json.value(QStringLiteral("action")).toString(), QStringLiteral("unlock"));
        QCOMPARE(run.json.value(QStringLiteral("failed_attempts")).toInt(), 0);
        QCOMPARE(users.account(QStringLiteral("olga"))->failedAttempts, 0);
        const fg::Authenticator::Result result = users.signIn(QStringLiteral("olga"), kOfficerPassword);
        QVERIFY2(result.signedIn(), qPrintable(result.reason));

        const auto unlocks = users.events(QStringLiteral("user.unlock"));
        QCOMPARE(unlocks.size(), size_t(1));
        VERIFY_BY_ADMIN(unlocks[0], "ada");
    }

    void setRole()
    {
        Users users;
        OPEN_USERS(users);
        ADD_USER(users, "ada", fg::Role::Admin, kAdminPassword);
        ADD_USER(users, "olga", fg::Role::Officer, kOfficerPassword);

        Run run = users.asAdmin(QStringLiteral("ada"), kAdminPassword,
                                {QStringLiteral("set-role"), QStringLiteral("olga"), QStringLiteral("--role"),
                                 QStringLiteral("supervisor")});
        QVERIFY2(run.status == 0, qPrintable(describe(run)));
        QCOMPARE(run.json.value(QStringLiteral("previous_role")).toString(), QStringLiteral("officer"));
        QCOMPARE(run.json.value(QStringLiteral("role")).toString(), QStringLiteral("supervisor"));
        QCOMPARE(users.account(QStringLiteral("olga"))->role, fg::Role::Supervisor);
        const fg::Authenticator::Result result = users.signIn(QStringLiteral("olga"), kOfficerPassword);
        QVERIFY2(result.signedIn(), qPrintable(result.reason));
        QCOMPARE(result.user->role, fg::Role::Supervisor);

        // Nobody of that name: named, after the sign-in.
        run = users.asAdmin(QStringLiteral("ada"), kAdminPassword,
                            {QStringLiteral("set-role"), QStringLiteral("nobody"), QStringLiteral("--role"),
                             QStringLiteral("officer")});
        QVERIFY2(run.status == 1, qPrintable(describe(run)));
        QVERIFY2(run.err.contains(QStringLiteral("\"nobody\"")), qPrintable(describe(run)));
        QVERIFY(run.out.isEmpty());

        const auto changes = users.events(QStringLiteral("user.set-role"));
        QCOMPARE(changes.size(), size_t(1));
        VERIFY_BY_ADMIN(changes[0], "ada");
        QCOMPARE(changes[0].details.value(QStringLiteral("to")).toString(), QStringLiteral("supervisor"));
    }

    // A lost phone: the old key's codes stop at once, the new one's work.
    void resetTotp()
    {
        Users users;
        OPEN_USERS(users);
        ADD_USER(users, "ada", fg::Role::Admin, kAdminPassword);
        ADD_USER(users, "olga", fg::Role::Officer, kOfficerPassword);

        const Run run = users.asAdmin(QStringLiteral("ada"), kAdminPassword,
                                      {QStringLiteral("reset-totp"), QStringLiteral("olga")});
        QVERIFY2(run.status == 0, qPrintable(describe(run)));
        const QByteArray newSecret =
            fg::Base32::decode(run.json.value(QStringLiteral("totp_secret")).toString()).value_or(QByteArray());
        QCOMPARE(newSecret.size(), qsizetype(20));
        QVERIFY(newSecret != users.secrets.value(QStringLiteral("olga")));
        const QString uri = run.json.value(QStringLiteral("totp_uri")).toString();
        QVERIFY(uri.startsWith(QLatin1String("otpauth://totp/FaceGate:olga")));

        fg::Authenticator::Result result = users.signIn(QStringLiteral("olga"), kOfficerPassword);
        QCOMPARE(result.status, fg::Authenticator::Result::Status::Rejected);
        result = users.signIn(QStringLiteral("olga"), kOfficerPassword, newSecret);
        QVERIFY2(result.signedIn(), qPrintable(result.reason));

        const auto resets = users.events(QStringLiteral("user.reset-totp"));
        QCOMPARE(resets.size(), size_t(1));
        VERIFY_BY_ADMIN(resets[0], "ada");
    }

    // Who may not administer: a wrong password, an officer, an admin with a
    // temporary password, a disabled admin. Each is refused, and nothing changes.
    void refusedAdministratorsChangeNothing()
    {
        Users users;
        OPEN_USERS(users);
        ADD_USER(users, "ada", fg::Role::Admin, kAdminPassword);
        ADD_USER(users, "olga", fg::Role::Officer, kOfficerPassword);
        ADD_USER(users, "bob", fg::Role::Admin, kAdminPassword);
        ADD_USER(users, "cyd", fg::Role::Admin, kAdminPassword);
        QString error;
        QVERIFY2(users.store->resetPassword(QStringLiteral("bob"), secret("temporary-pass-4711"),
                                            QStringLiteral("officer:ada"), &error),
                 qPrintable(error));
        QVERIFY2(users.store->setDisabled(QStringLiteral("cyd"), true, QStringLiteral("officer:ada"), &error),
                 qPrintable(error));
        const qint64 changesBefore = users.userChanges();
        const QStringList disableOlga{QStringLiteral("disable"), QStringLiteral("olga")};

        // The wrong password: the answer does not say which factor was wrong.
        Run run = users.asAdmin(QStringLiteral("ada"), "not the password at all", disableOlga);
        QVERIFY2(run.status == 1, qPrintable(describe(run)));
        QVERIFY2(run.err.contains(fg::Authenticator::wrongCredentials()), qPrintable(describe(run)));
        QVERIFY(run.out.isEmpty());
        // The right password with a wrong code: the same answer.
        run = users.asAdmin(QStringLiteral("ada"), kAdminPassword, users.wrongCode(QStringLiteral("ada")), disableOlga);
        QVERIFY2(run.status == 1, qPrintable(describe(run)));
        QVERIFY2(run.err.contains(fg::Authenticator::wrongCredentials()), qPrintable(describe(run)));

        run = users.asAdmin(QStringLiteral("olga"), kOfficerPassword, disableOlga);
        QVERIFY2(run.status == 1, qPrintable(describe(run)));
        QVERIFY2(run.err.contains(QStringLiteral("olga is not an administrator")), qPrintable(describe(run)));

        run = users.asAdmin(QStringLiteral("bob"), "temporary-pass-4711", disableOlga);
        QVERIFY2(run.status == 1, qPrintable(describe(run)));
        QVERIFY2(run.err.contains(QStringLiteral("change your password at the workstation first")),
                 qPrintable(describe(run)));

        run = users.asAdmin(QStringLiteral("cyd"), kAdminPassword, disableOlga);
        QVERIFY2(run.status == 1, qPrintable(describe(run)));
        QVERIFY2(run.err.contains(QStringLiteral("disabled")), qPrintable(describe(run)));

        // No code at all, or not a code: usage, before any sign-in.
        run = users.cli.run(disableOlga + QStringList{QStringLiteral("--admin"), QStringLiteral("ada"),
                                                      QStringLiteral("--key-file"), users.cli.keyFile()},
                            "correct horse battery\n");
        QVERIFY2(run.status == 2, qPrintable(describe(run)));
        QVERIFY2(run.err.contains(QStringLiteral("no authenticator code")), qPrintable(describe(run)));
        run = users.cli.run(disableOlga + QStringList{QStringLiteral("--admin"), QStringLiteral("ada"),
                                                      QStringLiteral("--key-file"), users.cli.keyFile()},
                            "correct horse battery\nsoon\n");
        QVERIFY2(run.status == 2, qPrintable(describe(run)));
        QVERIFY2(run.err.contains(QStringLiteral("6 digits")), qPrintable(describe(run)));

        QCOMPARE(users.userChanges(), changesBefore);
        QVERIFY(!users.account(QStringLiteral("olga"))->disabled);
        // ada's failures were counted as at the workstation; olga's sign-in was audited.
        QCOMPARE(users.account(QStringLiteral("ada"))->failedAttempts, 2);
        QCOMPARE(users.events(QStringLiteral("auth.sign-in")).size(), size_t(2)); // olga and bob
    }

    // The last administrator who can sign in is neither disabled nor demoted.
    void lastAdministratorStays()
    {
        Users users;
        OPEN_USERS(users);
        ADD_USER(users, "ada", fg::Role::Admin, kAdminPassword);
        ADD_USER(users, "olga", fg::Role::Officer, kOfficerPassword);

        Run run = users.asAdmin("ada", kAdminPassword, {"disable", "ada"});
        QVERIFY2(run.status == 1, qPrintable(describe(run)));
        QVERIFY2(run.err.contains(QStringLiteral("ada is the last administrator")), qPrintable(describe(run)));
        run = users.asAdmin(QStringLiteral("ada"), kAdminPassword,
                            {QStringLiteral("set-role"), QStringLiteral("ada"), QStringLiteral("--role"),
                             QStringLiteral("officer")});
        QVERIFY2(run.status == 1, qPrintable(describe(run)));
        QVERIFY2(run.err.contains(QStringLiteral("last administrator")), qPrintable(describe(run)));

        const std::optional<fg::UserAccount> ada = users.account(QStringLiteral("ada"));
        QVERIFY(ada && !ada->disabled && ada->role == fg::Role::Admin);
        QCOMPARE(users.userChanges(), qint64(2)); // the two user.add of the set-up
    }

private:
    std::unique_ptr<fg::test::TestDatabase> m_empty; // usageErrors' database
};

QTEST_GUILESS_MAIN(TestUserCommand)
#include "tst_usercommand.moc"
