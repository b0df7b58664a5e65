// Sign-in (core/security/Authenticator): password + TOTP code, replay, drift
// window, lockout, unknown and disabled users, audit events; at chosen
// instants of a manual clock, on SQLite and on PostgreSQL.
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
#include "tests/support/TestAuditKey.h"
#include "tests/support/TestDatabase.h"

#include <QJsonDocument>
#include <QTest>

using fg::AuditLog;
using fg::Authenticator;
using fg::KeyStore;
using fg::Role;
using fg::SecureBuffer;
using fg::UserStore;
using Status = fg::Authenticator::Result::Status;

namespace {

const char* const kPassword = "staple-gun-lantern-7";
const char* const kAdminPassword = "correct horse battery";

SecureBuffer secret(const char* text)
{
    return SecureBuffer::fromBytes(QByteArray(text));
}

fg::ScryptParams lightParams()
{
    fg::ScryptParams params = fg::ScryptParams::forPasswords();
    params.n = 1024; // tests only
    return params;
}

const char* statusName(Status status)
{
    switch (status) {
    case Status::SignedIn:
        return "SignedIn";
    case Status::Rejected:
        return "Rejected";
    case Status::LockedOut:
        return "LockedOut";
    case Status::Disabled:
        return "Disabled";
    case Status::Error:
        break;
    }
    return "Error";
}

// A database with an admin and the officer "olga", whose TOTP secret the test knows.
struct Fixture {
    fg::test::TestDatabase target;
    fg::test::ManualClock clock;
    std::unique_ptr<fg::Database> db;
    std::unique_ptr<AuditLog> audit;
    std::unique_ptr<KeyStore> keys;
    std::unique_ptr<UserStore> users;
    std::unique_ptr<Authenticator> auth;
    QByteArray totpSecret; // olga's, raw

    bool open(QString* error, fg::LockoutPolicy lockout = fg::LockoutPolicy())
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
        if (!keys)
            return false;
        users = std::make_unique<UserStore>(*db, *audit, lightParams());
        auth = std::make_unique<Authenticator>(*db, *audit, *keys, clock, lockout, lightParams());
        if (!users->createFirstAdmin(QStringLiteral("admin"), {}, secret(kAdminPassword), *keys,
                                     QStringLiteral("cli:test"), error))
            return false;
        const auto olga = users->add({QStringLiteral("olga"), Role::Officer, QStringLiteral("Olga O.")},
                                     secret(kPassword), *keys, QStringLiteral("cli:test"), error);
        if (!olga)
            return false;
        totpSecret = fg::Base32::decode(olga->totpSecret).value_or(QByteArray());
        return totpSecret.size() == UserStore::kTotpSecretBytes;
    }

    qint64 unixSeconds() const { return clock.nowMs() / 1000; }
    // The code olga's authenticator shows now, or `steps` 30-second steps away.
    QString code(int steps = 0) const { return fg::Totp::code(totpSecret, unixSeconds() + qint64(steps) * 30); }
    // A six-digit code that is not olga's at any step of the window.
    QString wrongCode() const
    {
        for (int candidate = 0;; ++candidate) {
            const QString text = QStringLiteral("%1").arg(candidate, 6, 10, QLatin1Char('0'));
            if (text != code(-1) && text != code(0) && text != code(1))
                return text;
        }
    }

    Authenticator::Result signIn(const char* password, const QString& totpCode, const QString& name = QStringLiteral("olga"))
    {
        return auth->signIn(name, secret(password), totpCode);
    }

    fg::UserAccount olga()
    {
        QString error;
        std::optional<fg::UserAccount> account;
        users->find(QStringLiteral("olga"), &account, &error);
        return account.value_or(fg::UserAccount());
    }

    std::vector<fg::AuditEvent> events()
    {
        QString error;
        return audit->events(1, 1000, &error).value_or(std::vector<fg::AuditEvent>());
    }
    fg::AuditEvent lastEvent(const QString& action)
    {
        const auto all = events();
        for (auto it = all.rbegin(); it != all.rend(); ++it) {
            if (it->action == action)
                return *it;
        }
        return {};
    }
    int count(const QString& action)
    {
        int n = 0;
        for (const fg::AuditEvent& event : events())
            n += event.action == action ? 1 : 0;
        return n;
    }
};

#define OPEN_FIXTURE(fixture, ...)                                                                                     \
    FG_REQUIRE_DATABASE((fixture).target);                                                                             \
    do {                                                                                                               \
        QString fgOpenError_;                                                                                          \
        QVERIFY2((fixture).open(&fgOpenError_ __VA_OPT__(, ) __VA_ARGS__), qPrintable(fgOpenError_));                  \
    } while (false)

// Evaluates `result` once (it may be a sign-in).
#define COMPARE_STATUS(result, expected)                                                                               \
    do {                                                                                                               \
        const Authenticator::Result fgResult_ = (result);                                                              \
        QVERIFY2(fgResult_.status == (expected), qPrintable(QStringLiteral("status %1 (%2), expected %3")              \
                                                                .arg(QLatin1String(statusName(fgResult_.status)),      \
                                                                     fgResult_.reason,                                 \
                                                                     QLatin1String(statusName(expected)))));           \
    } while (false)

} // namespace

class TestAuthenticator : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { qInfo("back-end: %s", qPrintable(fg::test::TestDatabase::backendName())); }

    void signsInWithPasswordAndCode()
    {
        Fixture f;
        OPEN_FIXTURE(f);
        f.clock.advanceSeconds(3600);
        const auto result = f.signIn(kPassword, f.code());
        COMPARE_STATUS(result, Status::SignedIn);
        QVERIFY(result.user);
        QCOMPARE(result.user->name, QStringLiteral("olga"));
        QCOMPARE(result.user->role, Role::Officer);
        QCOMPARE(result.user->displayName, QStringLiteral("Olga O."));

        const fg::AuditEvent signIn = f.lastEvent(QStringLiteral("auth.sign-in"));
        QCOMPARE(signIn.actor, QStringLiteral("auth:olga"));
        QCOMPARE(signIn.subject, QStringLiteral("user:olga"));
        QCOMPARE(signIn.at, f.clock.now());
        // The secret was opened through the key store, for this purpose.
        const fg::AuditEvent unwrap = f.lastEvent(QStringLiteral("key.unwrap"));
        QCOMPARE(unwrap.subject, UserStore::totpBinding(QStringLiteral("olga")));
        QCOMPARE(unwrap.details.value(QStringLiteral("purpose")).toString(), QStringLiteral("sign-in"));
        QVERIFY(unwrap.seq < signIn.seq);

        // The step is remembered for replay checks.
        QString error;
        const qint64 step = f.db->scalar(QStringLiteral("SELECT totp_last_step FROM users WHERE name = 'olga'"), {},
                                         QStringLiteral("step"), &error)
                                .value_or(QVariant())
                                .toLongLong();
        QCOMPARE(step, f.unixSeconds() / 30);
    }

    void codeWithSpacesIsAccepted()
    {
        Fixture f;
        OPEN_FIXTURE(f);
        const QString code = f.code();
        COMPARE_STATUS(f.signIn(kPassword, code.left(3) + QStringLiteral(" ") + code.mid(3)), Status::SignedIn);
    }

    void wrongPasswordIsRejected()
    {
        Fixture f;
        OPEN_FIXTURE(f);
        const int unwrapsBefore = f.count(QStringLiteral("key.unwrap"));
        const auto result = f.signIn("staple-gun-lantern-8", f.code());
        COMPARE_STATUS(result, Status::Rejected);
        QCOMPARE(result.reason, Authenticator::wrongCredentials());
        QVERIFY(!result.user);
        const fg::AuditEvent failure = f.lastEvent(QStringLiteral("auth.failure"));
        QCOMPARE(failure.details.value(QStringLiteral("reason")).toString(), QStringLiteral("password"));
        QCOMPARE(failure.details.value(QStringLiteral("failed_attempts")).toInt(), 1);
        // A wrong password does not open the second factor.
        QCOMPARE(f.count(QStringLiteral("key.unwrap")), unwrapsBefore);
        QCOMPARE(f.olga().failedAttempts, 1);
    }

    void wrongCodeIsRejected()
    {
        Fixture f;
        OPEN_FIXTURE(f);
        const auto result = f.signIn(kPassword, f.wrongCode());
        COMPARE_STATUS(result, Status::Rejected);
        QCOMPARE(result.reason, Authenticator::wrongCredentials());
        QCOMPARE(f.lastEvent(QStringLiteral("auth.failure")).details.value(QStringLiteral("reason")).toString(),
                 QStringLiteral("code"));
        QCOMPARE(f.olga().failedAttempts, 1);
    }

    void malformedCodes_data()
    {
        QTest::addColumn<QString>("code");
        QTest::newRow("empty") << "";
        QTest::newRow("five digits") << "12345";
        QTest::newRow("seven digits") << "1234567";
        QTest::newRow("letters") << "abcdef";
        QTest::newRow("letter inside") << "12a456";
        QTest::newRow("sign") << "-12345";
    }
    void malformedCodes()
    {
        QFETCH(QString, code);
        Fixture f;
        OPEN_FIXTURE(f);
        const auto result = f.signIn(kPassword, code);
        COMPARE_STATUS(result, Status::Rejected);
        QCOMPARE(result.reason, Authenticator::wrongCredentials());
    }

    void replayedCodeIsRefused()
    {
        Fixture f;
        OPEN_FIXTURE(f);
        const QString code = f.code();
        COMPARE_STATUS(f.signIn(kPassword, code), Status::SignedIn);
        // The same code again, in the same step and in the next.
        auto again = f.signIn(kPassword, code);
        COMPARE_STATUS(again, Status::Rejected);
        QCOMPARE(again.reason, Authenticator::wrongCredentials());
        QCOMPARE(f.lastEvent(QStringLiteral("auth.failure")).details.value(QStringLiteral("reason")).toString(),
                 QStringLiteral("replayed-code"));
        f.clock.advanceSeconds(30);
        COMPARE_STATUS(f.signIn(kPassword, code), Status::Rejected);
        // The previous step's code is inside the window, but not after the accepted one.
        COMPARE_STATUS(f.signIn(kPassword, f.code(-1)), Status::Rejected);
        QCOMPARE(f.lastEvent(QStringLiteral("auth.failure")).details.value(QStringLiteral("reason")).toString(),
                 QStringLiteral("replayed-code"));
        // The current code is new.
        COMPARE_STATUS(f.signIn(kPassword, f.code()), Status::SignedIn);
    }

    void driftWindow_data()
    {
        QTest::addColumn<int>("steps");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("2 steps behind") << -2 << false;
        QTest::newRow("1 step behind") << -1 << true;
        QTest::newRow("now") << 0 << true;
        QTest::newRow("1 step ahead") << 1 << true;
        QTest::newRow("2 steps ahead") << 2 << false;
        QTest::newRow("10 steps ahead") << 10 << false;
    }
    void driftWindow()
    {
        QFETCH(int, steps);
        QFETCH(bool, accepted);
        Fixture f;
        OPEN_FIXTURE(f);
        // Anywhere inside the step, not only at its start.
        f.clock.advanceSeconds(17);
        COMPARE_STATUS(f.signIn(kPassword, f.code(steps)), accepted ? Status::SignedIn : Status::Rejected);
    }

    void locksAfterFiveFailuresAndReleases()
    {
        Fixture f;
        OPEN_FIXTURE(f);
        QCOMPARE(f.auth->lockout().maxFailures(), 5);
        QCOMPARE(f.auth->lockout().lockMinutes(), 15);
        for (int failure = 1; failure <= 4; ++failure) {
            f.clock.advanceSeconds(10);
            COMPARE_STATUS(f.signIn(failure % 2 ? "wrong password 123" : kPassword, f.wrongCode()), Status::Rejected);
            QCOMPARE(f.olga().failedAttempts, failure);
        }
        QCOMPARE(f.count(QStringLiteral("auth.locked")), 0);
        f.clock.advanceSeconds(10);
        const QDateTime lockedAt = f.clock.now();
        const auto fifth = f.signIn("wrong password 123", f.code());
        COMPARE_STATUS(fifth, Status::LockedOut);
        QCOMPARE(fifth.lockedUntil, lockedAt.addSecs(15 * 60));
        QVERIFY2(fifth.reason.startsWith(Authenticator::wrongCredentials()), qPrintable(fifth.reason));
        QCOMPARE(f.olga().lockedUntil, lockedAt.addSecs(15 * 60));
        const fg::AuditEvent locked = f.lastEvent(QStringLiteral("auth.locked"));
        QCOMPARE(locked.subject, QStringLiteral("user:olga"));
        QCOMPARE(locked.details.value(QStringLiteral("failed_attempts")).toInt(), 5);

        // While locked, even the right password and code are refused, and not counted.
        f.clock.advanceSeconds(60);
        const auto refused = f.signIn(kPassword, f.code());
        COMPARE_STATUS(refused, Status::LockedOut);
        QCOMPARE(refused.lockedUntil, lockedAt.addSecs(15 * 60));
        QVERIFY2(refused.reason.contains(QStringLiteral("locked")), qPrintable(refused.reason));
        QCOMPARE(f.lastEvent(QStringLiteral("auth.failure")).details.value(QStringLiteral("reason")).toString(),
                 QStringLiteral("locked"));
        QCOMPARE(f.olga().failedAttempts, 5);
        f.clock.set(lockedAt.addSecs(15 * 60 - 1));
        COMPARE_STATUS(f.signIn(kPassword, f.code()), Status::LockedOut);

        // The lock ends on time; a sign-in then resets the count.
        f.clock.set(lockedAt.addSecs(15 * 60));
        const auto released = f.signIn(kPassword, f.code());
        COMPARE_STATUS(released, Status::SignedIn);
        QCOMPARE(f.olga().failedAttempts, 0);
        QVERIFY(!f.olga().lockedUntil.isValid());
        QCOMPARE(f.count(QStringLiteral("auth.locked")), 1);
    }

    void countingRestartsAfterTheLock()
    {
        Fixture f;
        OPEN_FIXTURE(f);
        for (int failure = 0; failure < 5; ++failure)
            f.signIn("wrong password 123", f.code());
        QVERIFY(f.olga().lockedUntil.isValid());
        f.clock.advanceSeconds(15 * 60);
        // One failure after the lock is the first of a new count, not a sixth.
        COMPARE_STATUS(f.signIn("wrong password 123", f.code()), Status::Rejected);
        QCOMPARE(f.olga().failedAttempts, 1);
        QVERIFY(!f.olga().lockedUntil.isValid());
    }

    void successResetsTheCount()
    {
        Fixture f;
        OPEN_FIXTURE(f);
        for (int failure = 0; failure < 4; ++failure)
            COMPARE_STATUS(f.signIn("wrong password 123", f.code()), Status::Rejected);
        COMPARE_STATUS(f.signIn(kPassword, f.code()), Status::SignedIn);
        QCOMPARE(f.olga().failedAttempts, 0);
        f.clock.advanceSeconds(30);
        for (int failure = 0; failure < 4; ++failure)
            COMPARE_STATUS(f.signIn("wrong password 123", f.code()), Status::Rejected);
        QCOMPARE(f.olga().failedAttempts, 4);
        COMPARE_STATUS(f.signIn(kPassword, f.code()), Status::SignedIn);
    }

    void configuredLockout()
    {
        QString error;
        const auto policy = fg::LockoutPolicy::create(2, 1, &error);
        QVERIFY2(policy, qPrintable(error));
        Fixture f;
        OPEN_FIXTURE(f, *policy);
        COMPARE_STATUS(f.signIn("wrong password 123", f.code()), Status::Rejected);
        const QDateTime lockedAt = f.clock.now();
        const auto second = f.signIn("wrong password 123", f.code());
        COMPARE_STATUS(second, Status::LockedOut);
        QCOMPARE(second.lockedUntil, lockedAt.addSecs(60));
        f.clock.advanceSeconds(60);
        COMPARE_STATUS(f.signIn(kPassword, f.code()), Status::SignedIn);
    }

    void lockoutPolicyBounds_data()
    {
        QTest::addColumn<int>("failures");
        QTest::addColumn<int>("minutes");
        QTest::addColumn<bool>("valid");
        QTest::newRow("defaults") << 5 << 15 << true;
        QTest::newRow("smallest") << 1 << 1 << true;
        QTest::newRow("largest") << 100 << 1440 << true;
        QTest::newRow("no failures") << 0 << 15 << false;
        QTest::newRow("too many failures") << 101 << 15 << false;
        QTest::newRow("no lock time") << 5 << 0 << false;
        QTest::newRow("longer than a day") << 5 << 1441 << false;
        QTest::newRow("negative") << -5 << 15 << false;
    }
    void lockoutPolicyBounds()
    {
        QFETCH(int, failures);
        QFETCH(int, minutes);
        QFETCH(bool, valid);
        QString error;
        const auto policy = fg::LockoutPolicy::create(failures, minutes, &error);
        QCOMPARE(policy.has_value(), valid);
        if (valid) {
            QCOMPARE(policy->maxFailures(), failures);
            QCOMPARE(policy->lockMs(), qint64(minutes) * 60000);
        } else {
            QVERIFY2(error.contains(QString::number(failures < 1 || failures > 100 ? failures : minutes)),
                     qPrintable(error));
        }
    }

    void unknownUserIsRejectedAlike()
    {
        Fixture f;
        OPEN_FIXTURE(f);
        const int unwrapsBefore = f.count(QStringLiteral("key.unwrap"));
        for (int attempt = 0; attempt < 2; ++attempt) { // the first makes the dummy hash, the second verifies it
            const auto result = f.signIn(kPassword, f.code(), QStringLiteral("nobody"));
            COMPARE_STATUS(result, Status::Rejected);
            QCOMPARE(result.reason, Authenticator::wrongCredentials());
        }
        const fg::AuditEvent failure = f.lastEvent(QStringLiteral("auth.failure"));
        QCOMPARE(failure.actor, QStringLiteral("auth:nobody"));
        QCOMPARE(failure.subject, QStringLiteral("user:nobody"));
        QCOMPARE(failure.details.value(QStringLiteral("reason")).toString(), QStringLiteral("unknown-user"));
        QCOMPARE(f.count(QStringLiteral("auth.failure")), 2);
        QCOMPARE(f.count(QStringLiteral("key.unwrap")), unwrapsBefore);
        // Another user's failures do not touch olga.
        QCOMPARE(f.olga().failedAttempts, 0);
    }

    void nameIgnoresCaseAndSurroundingSpace()
    {
        Fixture f;
        OPEN_FIXTURE(f);
        const auto result = f.signIn(kPassword, f.code(), QStringLiteral(" Olga "));
        COMPARE_STATUS(result, Status::SignedIn);
        QCOMPARE(result.user->name, QStringLiteral("olga"));
    }

    void disabledUserIsRefused()
    {
        Fixture f;
        OPEN_FIXTURE(f);
        QString error;
        QVERIFY2(f.users->setDisabled(QStringLiteral("olga"), true, QStringLiteral("officer:admin"), &error),
                 qPrintable(error));
        const auto right = f.signIn(kPassword, f.code());
        COMPARE_STATUS(right, Status::Disabled);
        QVERIFY(!right.user);
        QVERIFY2(right.reason.contains(QStringLiteral("disabled")), qPrintable(right.reason));
        QCOMPARE(f.lastEvent(QStringLiteral("auth.failure")).details.value(QStringLiteral("reason")).toString(),
                 QStringLiteral("disabled"));
        // Without the password, nothing says the account is disabled.
        const auto wrong = f.signIn("wrong password 123", f.code());
        COMPARE_STATUS(wrong, Status::Rejected);
        QCOMPARE(wrong.reason, Authenticator::wrongCredentials());

        QVERIFY2(f.users->setDisabled(QStringLiteral("olga"), false, QStringLiteral("officer:admin"), &error),
                 qPrintable(error));
        COMPARE_STATUS(f.signIn(kPassword, f.code()), Status::SignedIn);
    }

    void databaseFailureIsAnError()
    {
        Fixture f;
        OPEN_FIXTURE(f);
        QString error;
        QVERIFY2(f.db->exec(QStringLiteral("ALTER TABLE users RENAME TO users_moved"), QStringLiteral("move"), &error),
                 qPrintable(error));
        const auto result = f.signIn(kPassword, f.code());
        COMPARE_STATUS(result, Status::Error);
        QVERIFY(!result.user);
        QVERIFY2(result.reason.contains(QStringLiteral("could not be checked")), qPrintable(result.reason));
    }

    void auditChainHoldsEveryAttempt()
    {
        Fixture f;
        OPEN_FIXTURE(f);
        COMPARE_STATUS(f.signIn("wrong password 123", f.code()), Status::Rejected);
        COMPARE_STATUS(f.signIn(kPassword, f.wrongCode()), Status::Rejected);
        COMPARE_STATUS(f.signIn(kPassword, f.code(), QStringLiteral("nobody")), Status::Rejected);
        COMPARE_STATUS(f.signIn(kPassword, f.code()), Status::SignedIn);
        QCOMPARE(f.count(QStringLiteral("auth.failure")), 3);
        QCOMPARE(f.count(QStringLiteral("auth.sign-in")), 1);
        // No password, code or secret in any event.
        const QByteArray base32 = fg::Base32::encode(f.totpSecret).toLatin1();
        for (const fg::AuditEvent& event : f.events()) {
            const QByteArray details = QJsonDocument(event.details).toJson();
            QVERIFY(!details.contains(kPassword));
            QVERIFY(!details.contains("wrong password 123"));
            QVERIFY(!details.contains(base32));
            QVERIFY(!details.contains(f.code().toLatin1()));
        }
        QString error;
        const auto verification = f.audit->verify(&error);
        QVERIFY2(verification, qPrintable(error));
        QVERIFY2(verification->intact, qPrintable(verification->problem));
    }
};

QTEST_GUILESS_MAIN(TestAuthenticator)
#include "tst_authenticator.moc"
