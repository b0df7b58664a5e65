// Users (core/security/UserStore): first admin, roles, password policy,
// sealed TOTP secrets, audit events; on SQLite and on PostgreSQL.
#include "core/security/AuditLog.h"
#include "core/security/Authenticator.h"
#include "core/security/Totp.h"
#include "core/security/Base32.h"
#include "core/security/KeyEncryptionKey.h"
#include "core/security/KeyStore.h"
#include "core/security/PasswordPolicy.h"
#include "core/security/SecureBuffer.h"
#include "core/security/UserStore.h"
#include "core/storage/Database.h"
#include "tests/support/ManualClock.h"
#include "tests/support/TestAuditKey.h"
#include "tests/support/TestDatabase.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>
#include <QUrl>
#include <QUrlQuery>

using fg::AuditLog;
using fg::KeyStore;
using fg::Role;
using fg::SecureBuffer;
using fg::UserStore;
using Problem = fg::UserStore::Problem;

namespace {

SecureBuffer secret(const char* text)
{
    return SecureBuffer::fromBytes(QByteArray(text));
}

fg::ScryptParams lightParams()
{
    fg::ScryptParams params = fg::ScryptParams::forPasswords();
    params.n = 1024; // tests only: production hashes use ScryptParams::forPasswords()
    return params;
}

const char* const kAdminPassword = "correct horse battery";
const char* const kOfficerPassword = "staple-gun-lantern-7";

// A fresh database with its audit log, key store and user store.
struct Fixture {
    fg::test::TestDatabase target;
    fg::test::ManualClock clock;
    std::unique_ptr<fg::Database> db;
    std::unique_ptr<AuditLog> audit;
    std::unique_ptr<KeyStore> keys;
    std::unique_ptr<UserStore> users;

    bool open(QString* error, const fg::ScryptParams& params = lightParams())
    {
        fg::DatabaseOptions options;
        options.clock = &clock;
        db = target.open(error, options);
        if (!db)
            return false;
        audit = std::make_unique<AuditLog>(*db, clock, fg::test::auditKey());
        const QString keyFile = target.scratchDir() + QStringLiteral("/facegate.kek");
        if (!fg::KeyEncryptionKey::createKeyFile(keyFile, error))
            return false;
        keys = KeyStore::openWithKeyFile(*db, *audit, keyFile, QStringLiteral("cli:test"), error);
        users = std::make_unique<UserStore>(*db, *audit, params);
        return keys != nullptr;
    }

    std::optional<UserStore::Added> firstAdmin(QString* error)
    {
        return users->createFirstAdmin(QStringLiteral("admin"), QStringLiteral("Ada Admin"), secret(kAdminPassword),
                                       *keys, QStringLiteral("cli:test"), error);
    }

    qint64 userCount()
    {
        QString error;
        return db->scalar(QStringLiteral("SELECT COUNT(*) FROM users"), {}, QStringLiteral("count"), &error)
            .value_or(QVariant(-1))
            .toLongLong();
    }

    std::vector<fg::AuditEvent> events()
    {
        QString error;
        return audit->events(1, 1000, &error).value_or(std::vector<fg::AuditEvent>());
    }
};

#define OPEN_FIXTURE(fixture)                                                                                          \
    FG_REQUIRE_DATABASE((fixture).target);                                                                             \
    do {                                                                                                               \
        QString fgOpenError_;                                                                                          \
        QVERIFY2((fixture).open(&fgOpenError_), qPrintable(fgOpenError_));                                             \
    } while (false)

} // namespace

class TestUserStore : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { qInfo("back-end: %s", qPrintable(fg::test::TestDatabase::backendName())); }

    void firstAdminOnlyOnAnEmptyDatabase()
    {
        Fixture f;
        OPEN_FIXTURE(f);
        QString error;
        QCOMPARE(f.users->hasUsers(&error), std::optional<bool>(false));

        // The first user of a database must be an admin.
        Problem problem = Problem::None;
        QVERIFY(!f.users->add({QStringLiteral("olga"), Role::Officer, {}}, secret(kOfficerPassword), *f.keys,
                              QStringLiteral("cli:test"), &error, &problem));
        QCOMPARE(problem, Problem::FirstMustBeAdmin);
        QVERIFY2(error.contains(QStringLiteral("admin")), qPrintable(error));
        QCOMPARE(f.userCount(), 0);

        const auto admin = f.firstAdmin(&error);
        QVERIFY2(admin, qPrintable(error));
        QCOMPARE(admin->account.role, Role::Admin);
        QCOMPARE(admin->account.name, QStringLiteral("admin"));
        QCOMPARE(admin->account.displayName, QStringLiteral("Ada Admin"));
        QVERIFY(admin->account.id > 0);
        QCOMPARE(f.users->hasUsers(&error), std::optional<bool>(true));

        // Once there is a user, there is no second "first admin".
        QVERIFY(!f.users->createFirstAdmin(QStringLiteral("mallory"), {}, secret("another long password"), *f.keys,
                                           QStringLiteral("cli:test"), &error, &problem));
        QCOMPARE(problem, Problem::NotFirstUser);
        QCOMPARE(f.userCount(), 1);
    }

    void addsEveryRole_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<Role>("role");
        QTest::addColumn<QString>("roleName");
        QTest::newRow("officer") << "olga" << Role::Officer << "officer";
        QTest::newRow("checkpoint-officer") << "carl" << Role::CheckpointOfficer << "checkpoint-officer";
        QTest::newRow("supervisor") << "sue" << Role::Supervisor << "supervisor";
        QTest::newRow("auditor") << "audrey" << Role::Auditor << "auditor";
        QTest::newRow("admin") << "second.admin" << Role::Admin << "admin";
    }
    void addsEveryRole()
    {
        QFETCH(QString, name);
        QFETCH(Role, role);
        QFETCH(QString, roleName);
        QCOMPARE(fg::roleName(role), roleName);
        QCOMPARE(fg::roleFromName(roleName), std::optional<Role>(role));

        Fixture f;
        OPEN_FIXTURE(f);
        QString error;
        QVERIFY2(f.firstAdmin(&error), qPrintable(error));
        f.clock.advanceSeconds(60);
        const auto added = f.users->add({name, role, QStringLiteral("Display Name")}, secret(kOfficerPassword), *f.keys,
                                        QStringLiteral("officer:admin"), &error);
        QVERIFY2(added, qPrintable(error));

        std::optional<fg::UserAccount> found;
        QVERIFY2(f.users->find(name, &found, &error), qPrintable(error));
        QVERIFY(found);
        QCOMPARE(found->id, added->account.id);
        QCOMPARE(found->role, role);
        QCOMPARE(found->displayName, QStringLiteral("Display Name"));
        QCOMPARE(found->createdBy, QStringLiteral("officer:admin"));
        QCOMPARE(found->createdAt, f.clock.now());
        QVERIFY(!found->disabled);
        QCOMPARE(found->failedAttempts, 0);
        QVERIFY(!found->lockedUntil.isValid());
        // The row's role is the CHECK constraint's name.
        QCOMPARE(f.db->scalar(QStringLiteral("SELECT role FROM users WHERE name = ?"), {name}, QStringLiteral("role"),
                              &error)
                     .value_or(QVariant())
                     .toString(),
                 roleName);
        const auto all = f.users->list(&error);
        QVERIFY2(all, qPrintable(error));
        QCOMPARE(all->size(), size_t(2));
    }

    void unknownRoleNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("empty") << "";
        QTest::newRow("capitalised") << "Officer";
        QTest::newRow("space") << "checkpoint officer";
        QTest::newRow("other") << "root";
    }
    void unknownRoleNames()
    {
        QFETCH(QString, name);
        QVERIFY(!fg::roleFromName(name));
    }

    void totpSecretIsFreshSealedAndShownOnce()
    {
        Fixture f;
        OPEN_FIXTURE(f);
        QString error;
        const auto admin = f.firstAdmin(&error);
        QVERIFY2(admin, qPrintable(error));
        const auto officer = f.users->add({QStringLiteral("olga"), Role::Officer, {}}, secret(kOfficerPassword),
                                          *f.keys, QStringLiteral("cli:test"), &error);
        QVERIFY2(officer, qPrintable(error));

        const std::optional<QByteArray> raw = fg::Base32::decode(officer->totpSecret);
        QVERIFY(raw);
        QCOMPARE(raw->size(), UserStore::kTotpSecretBytes);
        QVERIFY(officer->totpSecret != admin->totpSecret);

        const QUrl uri(officer->totpUri);
        QCOMPARE(uri.scheme(), QStringLiteral("otpauth"));
        QCOMPARE(uri.host(), QStringLiteral("totp"));
        QVERIFY2(uri.path().contains(QStringLiteral("olga")), qPrintable(officer->totpUri));
        const QUrlQuery query(uri);
        QCOMPARE(fg::Base32::decode(query.queryItemValue(QStringLiteral("secret"))), raw);
        QCOMPARE(query.queryItemValue(QStringLiteral("issuer")), UserStore::totpIssuer());

        // Sealed with the key, bound to this user: it opens as olga's, not as the admin's.
        QSqlQuery row = f.db->query();
        row.prepare(QStringLiteral("SELECT totp_sealed FROM users WHERE name = 'olga'"));
        QVERIFY(f.db->exec(row, QStringLiteral("read"), &error) && row.next());
        const QByteArray sealed = row.value(0).toByteArray();
        row.finish();
        const fg::KeyAccess access{QStringLiteral("cli:test"), QStringLiteral("test")};
        const auto opened = f.keys->unsealSecret(sealed, UserStore::totpBinding(QStringLiteral("olga")), access, &error);
        QVERIFY2(opened, qPrintable(error));
        QCOMPARE(opened->view(), QByteArrayView(*raw));
        QVERIFY(!f.keys->unsealSecret(sealed, UserStore::totpBinding(QStringLiteral("admin")), access, &error));
    }

    void storedRowHoldsNeitherPasswordNorSecret()
    {
        Fixture f;
        OPEN_FIXTURE(f);
        QString error;
        QVERIFY2(f.firstAdmin(&error), qPrintable(error));
        const auto officer = f.users->add({QStringLiteral("olga"), Role::Officer, QStringLiteral("Olga O.")},
                                          secret(kOfficerPassword), *f.keys, QStringLiteral("cli:test"), &error);
        QVERIFY2(officer, qPrintable(error));
        const QByteArray raw = fg::Base32::decode(officer->totpSecret).value_or(QByteArray());
        QVERIFY(!raw.isEmpty());
        const QList<QByteArray> forbidden = {QByteArray(kOfficerPassword), QByteArray(kAdminPassword),
                                             officer->totpSecret.toLatin1(), officer->totpSecret.toLower().toLatin1(),
                                             raw, raw.toHex(), raw.toBase64()};

        // Every column of every user, as stored.
        QSqlQuery rows = f.db->query();
        rows.prepare(QStringLiteral("SELECT * FROM users"));
        QVERIFY(f.db->exec(rows, QStringLiteral("read the users"), &error));
        int seen = 0;
        while (rows.next()) {
            ++seen;
            const QSqlRecord record = rows.record();
            for (int column = 0; column < record.count(); ++column) {
                const QByteArray value = rows.value(column).toByteArray();
                for (const QByteArray& bad : forbidden)
                    QVERIFY2(!value.contains(bad), qPrintable(QStringLiteral("column %1").arg(record.fieldName(column))));
            }
            QVERIFY(rows.value(QStringLiteral("password_hash")).toString().startsWith(QStringLiteral("$scrypt$")));
        }
        QCOMPARE(seen, 2);
        rows.finish();

        // Nor the audit log.
        for (const fg::AuditEvent& event : f.events()) {
            const QByteArray details = QJsonDocument(event.details).toJson();
            for (const QByteArray& bad : forbidden)
                QVERIFY2(!details.contains(bad), qPrintable(event.action));
        }

        // Nor the SQLite file and its write-ahead log, byte for byte.
        if (f.target.isSqlite()) {
            QByteArray bytes;
            for (const QString& path : {f.target.sqlitePath(), f.target.sqlitePath() + QStringLiteral("-wal")}) {
                QFile file(path);
                if (file.open(QIODevice::ReadOnly))
                    bytes += file.readAll();
            }
            QVERIFY(bytes.size() > 0);
            for (const QByteArray& bad : forbidden)
                QVERIFY(!bytes.contains(bad));
        }
    }

    void passwordPolicy_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("password");
        QTest::addColumn<QString>("rule"); // empty: accepted
        QTest::newRow("empty") << "olga" << QByteArray() << "at least 12 characters";
        QTest::newRow("11 characters") << "olga" << QByteArray("abcdefghijk") << "at least 12 characters";
        QTest::newRow("12 characters") << "olga" << QByteArray("abcdefghijkl") << "";
        QTest::newRow("11 two-byte characters (22 bytes)")
            << "olga" << QString(11, QChar(0x00E9)).toUtf8() << "at least 12 characters";
        QTest::newRow("12 two-byte characters") << "olga" << QString(12, QChar(0x00E9)).toUtf8() << "";
        QTest::newRow("contains the name") << "olga" << QByteArray("my name is olga!!") << "user name";
        QTest::newRow("contains the name, other case") << "olga" << QByteArray("my name is OLGA!!") << "user name";
        QTest::newRow("is the name, padded") << "olga.smith" << QByteArray("olga.smith12") << "user name";
        QTest::newRow("name's letters apart") << "olga" << QByteArray("o l g a and more") << "";
        QTest::newRow("not UTF-8") << "olga" << QByteArray("abcdefghijkl\xff") << "UTF-8";
        QTest::newRow("cut UTF-8 sequence") << "olga" << QByteArray("abcdefghijkl\xc3") << "UTF-8";
        QTest::newRow("too long") << "olga" << QByteArray(1025, 'x') << "at most 1024";
        QTest::newRow("1024 characters") << "olga" << QByteArray(1024, 'x') << "";
    }
    void passwordPolicy()
    {
        QFETCH(QString, name);
        QFETCH(QByteArray, password);
        QFETCH(QString, rule);
        const fg::PasswordPolicy policy;
        QString error;
        const bool accepted = policy.check(name, SecureBuffer::fromBytes(QByteArray(password)), &error);
        QCOMPARE(accepted, rule.isEmpty());
        if (!accepted) {
            QVERIFY2(error.contains(rule), qPrintable(error));
            QVERIFY2(!error.contains(QString::fromUtf8(password)) || password.isEmpty(), qPrintable(error));
        }
    }

    void refusedPasswordWritesNothing()
    {
        Fixture f;
        OPEN_FIXTURE(f);
        QString error;
        QVERIFY2(f.firstAdmin(&error), qPrintable(error));
        const qsizetype eventsBefore = qsizetype(f.events().size());
        Problem problem = Problem::None;
        QVERIFY(!f.users->add({QStringLiteral("olga"), Role::Officer, {}}, secret("olga-password-1"), *f.keys,
                              QStringLiteral("cli:test"), &error, &problem));
        QCOMPARE(problem, Problem::WeakPassword);
        QVERIFY2(error.contains(QStringLiteral("user name")), qPrintable(error));
        QVERIFY(!f.users->add({QStringLiteral("olga"), Role::Officer, {}}, secret("short"), *f.keys,
                              QStringLiteral("cli:test"), &error, &problem));
        QCOMPARE(problem, Problem::WeakPassword);
        QVERIFY2(error.contains(QStringLiteral("at least 12 characters")), qPrintable(error));
        QCOMPARE(f.userCount(), 1);
        QCOMPARE(qsizetype(f.events().size()), eventsBefore);
    }

    void duplicateNameIsRefused()
    {
        Fixture f;
        OPEN_FIXTURE(f);
        QString error;
        QVERIFY2(f.firstAdmin(&error), qPrintable(error));
        QVERIFY2(f.users->add({QStringLiteral("olga"), Role::Officer, {}}, secret(kOfficerPassword), *f.keys,
                              QStringLiteral("cli:test"), &error),
                 qPrintable(error));
        Problem problem = Problem::None;
        QVERIFY(!f.users->add({QStringLiteral("olga"), Role::Supervisor, {}}, secret("a different password"), *f.keys,
                              QStringLiteral("cli:test"), &error, &problem));
        QCOMPARE(problem, Problem::NameTaken);
        QVERIFY2(error.contains(QStringLiteral("\"olga\" exists")), qPrintable(error));
        QCOMPARE(f.userCount(), 2);
        std::optional<fg::UserAccount> olga;
        QVERIFY(f.users->find(QStringLiteral("olga"), &olga, &error));
        QVERIFY(olga);
        QCOMPARE(olga->role, Role::Officer);
    }

    void userNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("valid");
        QTest::newRow("plain") << "olga" << true;
        QTest::newRow("dotted, digits") << "olga.smith-2_b" << true;
        QTest::newRow("two characters") << "ab" << true;
        QTest::newRow("64 characters") << QString(64, QLatin1Char('a')) << true;
        QTest::newRow("one character") << "a" << false;
        QTest::newRow("65 characters") << QString(65, QLatin1Char('a')) << false;
        QTest::newRow("empty") << "" << false;
        QTest::newRow("upper case") << "Olga" << false;
        QTest::newRow("digit first") << "7olga" << false;
        QTest::newRow("space") << "olga smith" << false;
        QTest::newRow("colon") << "olga:x" << false;
        QTest::newRow("non-ASCII") << QString::fromUtf8("jos\xc3\xa9") << false;
    }
    void userNames()
    {
        QFETCH(QString, name);
        QFETCH(bool, valid);
        QString error;
        QCOMPARE(UserStore::isValidName(name, &error), valid);
        if (!valid)
            QVERIFY2(error.contains(QStringLiteral("not a valid user name")), qPrintable(error));
    }

    void invalidNameIsRefused()
    {
        Fixture f;
        OPEN_FIXTURE(f);
        QString error;
        Problem problem = Problem::None;
        QVERIFY(!f.users->createFirstAdmin(QStringLiteral("Root Admin"), {}, secret(kAdminPassword), *f.keys,
                                           QStringLiteral("cli:test"), &error, &problem));
        QCOMPARE(problem, Problem::InvalidName);
        QCOMPARE(f.userCount(), 0);
    }

    void disableAndEnable()
    {
        Fixture f;
        OPEN_FIXTURE(f);
        QString error;
        QVERIFY2(f.firstAdmin(&error), qPrintable(error));
        // The only administrator cannot be disabled: nobody could sign in to undo it.
        Problem problem = Problem::None;
        QVERIFY(!f.users->setDisabled(QStringLiteral("admin"), true, QStringLiteral("cli:test"), &error, &problem));
        QCOMPARE(problem, Problem::LastAdmin);
        QVERIFY2(error.contains(QStringLiteral("last administrator")), qPrintable(error));
        QVERIFY2(f.users->add({QStringLiteral("bea"), Role::Admin, {}}, secret(kOfficerPassword), *f.keys,
                              QStringLiteral("officer:admin"), &error),
                 qPrintable(error));
        QVERIFY2(f.users->setDisabled(QStringLiteral("admin"), true, QStringLiteral("cli:test"), &error),
                 qPrintable(error));
        std::optional<fg::UserAccount> admin;
        QVERIFY(f.users->find(QStringLiteral("admin"), &admin, &error) && admin);
        QVERIFY(admin->disabled);
        QVERIFY(!f.users->setDisabled(QStringLiteral("bea"), true, QStringLiteral("cli:test"), &error, &problem));
        QCOMPARE(problem, Problem::LastAdmin);
        QVERIFY2(f.users->setDisabled(QStringLiteral("admin"), false, QStringLiteral("cli:test"), &error),
                 qPrintable(error));
        QVERIFY(f.users->find(QStringLiteral("admin"), &admin, &error) && admin);
        QVERIFY(!admin->disabled);
        QVERIFY(!f.users->setDisabled(QStringLiteral("nobody"), true, QStringLiteral("cli:test"), &error, &problem));
        QCOMPARE(problem, Problem::NoSuchUser);
        QVERIFY2(error.contains(QStringLiteral("nobody")), qPrintable(error));
        QVERIFY(f.users->find(QStringLiteral("nobody"), &admin, &error));
        QVERIFY(!admin);
    }

    // What an administrator does for a user (issue 16): unlock after failed
    // sign-ins, a new role, a temporary password the user must replace, a new
    // second factor for a lost phone; each audited with the administrator.
    void administrationActsAndIsAudited()
    {
        Fixture f;
        OPEN_FIXTURE(f);
        QString error;
        QVERIFY2(f.firstAdmin(&error), qPrintable(error));
        const std::optional<UserStore::Added> sue = f.users->add({QStringLiteral("sue"), Role::Officer, {}},
                                                                 secret(kOfficerPassword), *f.keys,
                                                                 QStringLiteral("officer:admin"), &error);
        QVERIFY2(sue, qPrintable(error));
        const fg::Authenticator auth(*f.db, *f.audit, *f.keys, f.clock, fg::LockoutPolicy(), lightParams());
        const auto signIn = [&](const char* password, const QString& base32) {
            f.clock.advanceSeconds(30); // a fresh code each time (replays are refused)
            const QByteArray key = fg::Base32::decode(base32).value_or(QByteArray());
            return auth.signIn(QStringLiteral("sue"), secret(password), fg::Totp::code(key, f.clock.nowMs() / 1000));
        };
        const QString admin = QStringLiteral("officer:admin");

        // Locked after five wrong passwords; unlocked by the administrator.
        for (int i = 0; i < 5; ++i)
            signIn("wrong password here", sue->totpSecret);
        QCOMPARE(signIn(kOfficerPassword, sue->totpSecret).status, fg::Authenticator::Result::Status::LockedOut);
        QVERIFY2(f.users->unlock(QStringLiteral("sue"), admin, &error), qPrintable(error));
        QVERIFY(signIn(kOfficerPassword, sue->totpSecret).signedIn());

        // A new role; the last administrator keeps theirs.
        QVERIFY2(f.users->setRole(QStringLiteral("sue"), Role::Supervisor, admin, &error), qPrintable(error));
        std::optional<fg::UserAccount> account;
        QVERIFY(f.users->find(QStringLiteral("sue"), &account, &error) && account);
        QCOMPARE(account->role, Role::Supervisor);
        Problem problem = Problem::None;
        QVERIFY(!f.users->setRole(QStringLiteral("admin"), Role::Auditor, admin, &error, &problem));
        QCOMPARE(problem, Problem::LastAdmin);

        // A temporary password: the old one stops, the new one signs in with a
        // change required; the same again is refused, her own clears it.
        const char* const temporary = "temporary-pass-4711";
        QVERIFY(!f.users->resetPassword(QStringLiteral("sue"), secret("short"), admin, &error, &problem));
        QCOMPARE(problem, Problem::WeakPassword);
        QVERIFY2(f.users->resetPassword(QStringLiteral("sue"), secret(temporary), admin, &error), qPrintable(error));
        QVERIFY(!signIn(kOfficerPassword, sue->totpSecret).signedIn());
        fg::Authenticator::Result result = signIn(temporary, sue->totpSecret);
        QVERIFY2(result.signedIn(), qPrintable(result.reason));
        QVERIFY(result.user->passwordChangeRequired);
        QVERIFY(!f.users->changePassword(QStringLiteral("sue"), secret(temporary), &error, &problem));
        QCOMPARE(problem, Problem::SamePassword);
        QVERIFY2(f.users->changePassword(QStringLiteral("sue"), secret("her-own-new-phrase"), &error), qPrintable(error));
        result = signIn("her-own-new-phrase", sue->totpSecret);
        QVERIFY2(result.signedIn(), qPrintable(result.reason));
        QVERIFY(!result.user->passwordChangeRequired);

        // A new phone: the old key's codes stop at once, the new key's work.
        const std::optional<UserStore::Added> enrolment = f.users->resetTotp(QStringLiteral("sue"), *f.keys, admin, &error);
        QVERIFY2(enrolment, qPrintable(error));
        QVERIFY(enrolment->totpSecret != sue->totpSecret);
        QVERIFY(enrolment->totpUri.startsWith(QStringLiteral("otpauth://totp/FaceGate:sue")));
        QVERIFY(!signIn("her-own-new-phrase", sue->totpSecret).signedIn());
        QVERIFY(signIn("her-own-new-phrase", enrolment->totpSecret).signedIn());
        QVERIFY(!f.users->resetTotp(QStringLiteral("nobody"), *f.keys, admin, &error, &problem));
        QCOMPARE(problem, Problem::NoSuchUser);

        QMap<QString, QString> actors; // action -> actor
        for (const fg::AuditEvent& event : f.events()) {
            if (event.subject == QLatin1String("user:sue"))
                actors.insert(event.action, event.actor);
            if (event.action == QLatin1String("user.set-role")) {
                QCOMPARE(event.details.value(QStringLiteral("from")).toString(), QStringLiteral("officer"));
                QCOMPARE(event.details.value(QStringLiteral("to")).toString(), QStringLiteral("supervisor"));
            }
            QVERIFY(!event.details.contains(QStringLiteral("password")));
        }
        for (const char* action : {"user.unlock", "user.set-role", "user.reset-password", "user.reset-totp"})
            QCOMPARE(actors.value(QLatin1String(action)), admin);
        QCOMPARE(actors.value(QStringLiteral("user.change-password")), QStringLiteral("officer:sue"));
        const auto verification = f.audit->verify(&error);
        QVERIFY2(verification && verification->intact, qPrintable(error));
    }

    void auditEventsAreWrittenAndChained()
    {
        Fixture f;
        OPEN_FIXTURE(f);
        QString error;
        QVERIFY2(f.firstAdmin(&error), qPrintable(error));
        f.clock.advanceSeconds(5);
        QVERIFY2(f.users->add({QStringLiteral("sue"), Role::Supervisor, {}}, secret(kOfficerPassword), *f.keys,
                              QStringLiteral("officer:admin"), &error),
                 qPrintable(error));
        QVERIFY2(f.users->setDisabled(QStringLiteral("sue"), true, QStringLiteral("officer:admin"), &error),
                 qPrintable(error));

        std::vector<fg::AuditEvent> adds;
        bool sawDisable = false;
        for (const fg::AuditEvent& event : f.events()) {
            if (event.action == QLatin1String("user.add"))
                adds.push_back(event);
            sawDisable = sawDisable
                || (event.action == QLatin1String("user.disable") && event.subject == QLatin1String("user:sue"));
        }
        QVERIFY(sawDisable);
        QCOMPARE(adds.size(), size_t(2));
        QCOMPARE(adds[0].actor, QStringLiteral("cli:test"));
        QCOMPARE(adds[0].subject, QStringLiteral("user:admin"));
        QCOMPARE(adds[0].details.value(QStringLiteral("role")).toString(), QStringLiteral("admin"));
        QCOMPARE(adds[0].details.value(QStringLiteral("first_admin")).toBool(), true);
        QCOMPARE(adds[1].actor, QStringLiteral("officer:admin"));
        QCOMPARE(adds[1].subject, QStringLiteral("user:sue"));
        QCOMPARE(adds[1].details.value(QStringLiteral("role")).toString(), QStringLiteral("supervisor"));
        QCOMPARE(adds[1].details.value(QStringLiteral("first_admin")).toBool(), false);
        QCOMPARE(adds[1].at, f.clock.now());

        const auto verification = f.audit->verify(&error);
        QVERIFY2(verification, qPrintable(error));
        QVERIFY2(verification->intact, qPrintable(verification->problem));
    }

    // How a change came (the CLI's login) is written beside its actor, into
    // every event the store writes; a store without it writes none.
    void viaIsWrittenBesideTheActor()
    {
        Fixture f;
        OPEN_FIXTURE(f);
        QString error;
        QVERIFY2(f.firstAdmin(&error), qPrintable(error));
        f.users->setVia(QStringLiteral("cli:root"));
        QVERIFY2(f.users->add({QStringLiteral("sue"), Role::Officer, {}}, secret(kOfficerPassword), *f.keys,
                              QStringLiteral("officer:admin"), &error),
                 qPrintable(error));
        QVERIFY2(f.users->setRole(QStringLiteral("sue"), Role::Supervisor, QStringLiteral("officer:admin"), &error),
                 qPrintable(error));

        QMap<QString, QString> via; // "action subject" -> details.via
        for (const fg::AuditEvent& event : f.events())
            if (event.action.startsWith(QLatin1String("user.")))
                via.insert(event.action + QLatin1Char(' ') + event.subject,
                           event.details.value(QStringLiteral("via")).toString());
        QCOMPARE(via.value(QStringLiteral("user.add user:admin"), QStringLiteral("absent")), QString());
        QCOMPARE(via.value(QStringLiteral("user.add user:sue")), QStringLiteral("cli:root"));
        QCOMPARE(via.value(QStringLiteral("user.set-role user:sue")), QStringLiteral("cli:root"));
        const auto verification = f.audit->verify(&error);
        QVERIFY2(verification && verification->intact, qPrintable(error));
    }

    void productionHashIsScryptForPasswords()
    {
        const fg::ScryptParams defaults = fg::ScryptParams::forPasswords();
        QCOMPARE(defaults.n, quint64(1) << 17);
        Fixture f;
        FG_REQUIRE_DATABASE(f.target);
        QString error;
        QVERIFY2(f.open(&error, defaults), qPrintable(error));
        QCOMPARE(UserStore(*f.db, *f.audit).hashParams().n, defaults.n);
        QVERIFY2(f.firstAdmin(&error), qPrintable(error));
        const QString hash = f.db->scalar(QStringLiteral("SELECT password_hash FROM users"), {},
                                          QStringLiteral("hash"), &error)
                                 .value_or(QVariant())
                                 .toString();
        QVERIFY2(hash.startsWith(QStringLiteral("$scrypt$ln=17,")), qPrintable(hash));
    }
};

QTEST_GUILESS_MAIN(TestUserStore)
#include "tst_userstore.moc"
