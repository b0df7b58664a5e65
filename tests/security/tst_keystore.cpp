// KeyStore: the key-encryption key of one database. A wrong key file or
// passphrase is refused with an error naming it and leaves the database as it
// was; the right one opens it again; every unwrap is an audit event naming
// who, which record and why.
#include "core/security/AuditLog.h"
#include "core/security/KeyEncryptionKey.h"
#include "core/security/KeyStore.h"
#include "core/security/SecureBuffer.h"
#include "core/storage/Database.h"
#include "tests/support/ManualClock.h"
#include "tests/support/TestAuditKey.h"
#include "tests/support/TestDatabase.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QScopeGuard>
#include <QSqlQuery>
#include <QTest>

#include <memory>

using namespace fg;

namespace {

// Light scrypt for the passphrase tests only (the real cost is ScryptParams::forKeys()).
const ScryptParams kTestParams{quint64(1) << 10, 8, 1};

SecureBuffer secret(const char* text)
{
    return SecureBuffer::copyOf(QByteArrayView(text));
}

// What a refused open must not change: on SQLite the file's bytes, on both
// back-ends the key table and the audit chain.
struct Fingerprint {
    QByteArray fileSha256;
    qint64 keks = -1;
    qint64 events = -1;
    QString headHash;

    bool operator==(const Fingerprint&) const = default;
};

} // namespace

class TestKeyStore : public QObject {
    Q_OBJECT

    std::unique_ptr<test::TestDatabase> m_target;
    test::ManualClock m_clock;

    QString scratch(const QString& name) const { return QDir(m_target->scratchDir()).filePath(name); }

    QString newKeyFile(const QString& name)
    {
        QString error;
        const QString path = scratch(name);
        if (!KeyEncryptionKey::createKeyFile(path, &error))
            qWarning("%s", qPrintable(error));
        return path;
    }

    // Opens the database, runs f(database, audit) and closes it again.
    template <typename F>
    void withDatabase(F&& f)
    {
        QString error;
        const std::unique_ptr<Database> database = m_target->open(&error);
        QVERIFY2(database, qPrintable(error));
        const AuditLog audit(*database, m_clock, fg::test::auditKey());
        f(*database, audit);
    }

    Fingerprint fingerprint()
    {
        Fingerprint print;
        if (m_target->isSqlite()) {
            QFile file(m_target->sqlitePath());
            if (file.open(QIODevice::ReadOnly))
                print.fileSha256 = QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
        }
        withDatabase([&](const Database& database, const AuditLog& audit) {
            QString error;
            const auto keks = database.scalar(QStringLiteral("SELECT COUNT(*) FROM keks"), {}, QStringLiteral("count keys"), &error);
            QVERIFY2(keks, qPrintable(error));
            print.keks = keks->toLongLong();
            const auto verification = audit.verify(&error);
            QVERIFY2(verification, qPrintable(error));
            QVERIFY2(verification->intact, qPrintable(verification->problem));
            print.events = verification->events;
            print.headHash = verification->headHash;
        });
        return print;
    }

    // The database as a key file (or passphrase) left it: registered, then closed.
    void registerKeyFile(const QString& keyFile)
    {
        withDatabase([&](const Database& database, const AuditLog& audit) {
            QString error;
            QVERIFY2(KeyStore::openWithKeyFile(database, audit, keyFile, QStringLiteral("test:setup"), &error), qPrintable(error));
        });
    }

    void registerPassphrase(const SecureBuffer& passphrase)
    {
        withDatabase([&](const Database& database, const AuditLog& audit) {
            QString error;
            QVERIFY2(KeyStore::openWithPassphrase(database, audit, passphrase, QStringLiteral("test:setup"), &error, kTestParams),
                     qPrintable(error));
        });
    }

    // A file of the SQLite database that closed cleanly: no WAL left to fold in later.
    void expectNoWal()
    {
        if (m_target->isSqlite())
            QVERIFY(!QFile::exists(m_target->sqlitePath() + QStringLiteral("-wal"))
                    || QFileInfo(m_target->sqlitePath() + QStringLiteral("-wal")).size() == 0);
    }

private Q_SLOTS:
    void init()
    {
        m_target = std::make_unique<test::TestDatabase>();
        FG_REQUIRE_DATABASE(*m_target);
    }

    void cleanup() { m_target.reset(); }

    void registersTheFirstKeyAndOpensWithItAgain()
    {
        const QString keyFile = newKeyFile(QStringLiteral("a.kek"));
        registerKeyFile(keyFile);
        const Fingerprint first = fingerprint();
        QCOMPARE(first.keks, qint64(1));
        withDatabase([&](const Database& database, const AuditLog& audit) {
            QString error;
            const auto keys = KeyStore::openWithKeyFile(database, audit, keyFile, QStringLiteral("officer:jdoe"), &error);
            QVERIFY2(keys, qPrintable(error));
            // Opening again registers nothing new; it is one key.open event.
            const auto events = audit.events(first.events + 1, 10, &error);
            QVERIFY2(events, qPrintable(error));
            QCOMPARE(events->size(), size_t(1));
            QCOMPARE(events->front().action, QStringLiteral("key.open"));
            QCOMPARE(events->front().actor, QStringLiteral("officer:jdoe"));
            QCOMPARE(events->front().subject, QStringLiteral("kek:") + keys->kekId());
        });
        QCOMPARE(fingerprint().keks, qint64(1));
    }

    void wrongKeyFileIsRefusedAndChangesNothing()
    {
        registerKeyFile(newKeyFile(QStringLiteral("right.kek")));
        const QString wrong = newKeyFile(QStringLiteral("wrong.kek"));
        expectNoWal();
        const Fingerprint before = fingerprint();
        withDatabase([&](const Database& database, const AuditLog& audit) {
            QString error;
            QVERIFY(!KeyStore::openWithKeyFile(database, audit, wrong, QStringLiteral("officer:jdoe"), &error));
            QVERIFY2(error.contains(wrong), qPrintable(error));
            QVERIFY2(error.contains(QStringLiteral("does not open")), qPrintable(error));
            QVERIFY2(error.contains(QStringLiteral("nothing was changed")), qPrintable(error));
        });
        QCOMPARE(fingerprint(), before);
    }

    void wrongPassphraseIsRefusedAndChangesNothing()
    {
        registerPassphrase(secret("correct horse battery staple"));
        expectNoWal();
        const Fingerprint before = fingerprint();
        withDatabase([&](const Database& database, const AuditLog& audit) {
            QString error;
            QVERIFY(!KeyStore::openWithPassphrase(database, audit, secret("correct horse battery stapler"),
                                                  QStringLiteral("officer:jdoe"), &error, kTestParams));
            QVERIFY2(error.contains(QStringLiteral("wrong passphrase")), qPrintable(error));
            QVERIFY2(error.contains(QStringLiteral("nothing was changed")), qPrintable(error));
            // The right one still opens, with the salt and cost stored on first use.
            QVERIFY2(KeyStore::openWithPassphrase(database, audit, secret("correct horse battery staple"),
                                                  QStringLiteral("officer:jdoe"), &error, ScryptParams::forKeys()),
                     qPrintable(error));
        });
        QCOMPARE(fingerprint().keks, before.keks);
    }

    void keyFileDoesNotOpenAPassphraseDatabase()
    {
        registerPassphrase(secret("a passphrase of some length"));
        const QString keyFile = newKeyFile(QStringLiteral("other.kek"));
        const Fingerprint before = fingerprint();
        withDatabase([&](const Database& database, const AuditLog& audit) {
            QString error;
            QVERIFY(!KeyStore::openWithKeyFile(database, audit, keyFile, QStringLiteral("officer:jdoe"), &error));
            QVERIFY2(error.contains(keyFile), qPrintable(error));
        });
        QCOMPARE(fingerprint(), before);
    }

    void emptyPassphraseIsRefused()
    {
        withDatabase([&](const Database& database, const AuditLog& audit) {
            QString error;
            QVERIFY(!KeyStore::openWithPassphrase(database, audit, SecureBuffer(), QStringLiteral("officer:jdoe"), &error,
                                                  kTestParams));
            QVERIFY2(error.contains(QStringLiteral("empty")), qPrintable(error));
        });
        QCOMPARE(fingerprint().keks, qint64(0));
    }

    void looseKeyFileIsRefusedAndChangesNothing()
    {
        const QString keyFile = newKeyFile(QStringLiteral("loose.kek"));
        registerKeyFile(keyFile);
        QVERIFY(QFile::setPermissions(keyFile, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther));
        const Fingerprint before = fingerprint();
        withDatabase([&](const Database& database, const AuditLog& audit) {
            QString error;
            QVERIFY(!KeyStore::openWithKeyFile(database, audit, keyFile, QStringLiteral("officer:jdoe"), &error));
            QVERIFY2(error.contains(keyFile), qPrintable(error));
        });
        QCOMPARE(fingerprint(), before);
    }

    void missingKeyFileIsNamed()
    {
        const QString absent = scratch(QStringLiteral("absent.kek"));
        withDatabase([&](const Database& database, const AuditLog& audit) {
            QString error;
            QVERIFY(!KeyStore::openWithKeyFile(database, audit, absent, QStringLiteral("officer:jdoe"), &error));
            QVERIFY2(error.contains(absent), qPrintable(error));
        });
        QCOMPARE(fingerprint().keks, qint64(0));
    }

    void defaultKeyFileIsMadeOnlyForANewDatabase()
    {
        // defaultKeyFile() lives under $HOME: a home of the test's own.
        const QByteArray savedHome = qgetenv("HOME");
        qputenv("HOME", scratch(QStringLiteral("home")).toUtf8());
        const auto restoreHome = qScopeGuard([&] { qputenv("HOME", savedHome); });
        const QString keyFile = KeyStore::defaultKeyFile();
        QVERIFY(keyFile.startsWith(scratch(QStringLiteral("home"))));
        QVERIFY(!QFile::exists(keyFile));

        withDatabase([&](const Database& database, const AuditLog& audit) {
            QString error;
            QVERIFY2(KeyStore::openDefaultKeyFile(database, audit, QStringLiteral("test:setup"), &error), qPrintable(error));
        });
        QVERIFY(QFile::exists(keyFile));
        QCOMPARE(QFileInfo(keyFile).permissions() & ~(QFile::ReadUser | QFile::WriteUser),
                 QFile::ReadOwner | QFile::WriteOwner);

        // The key file gone, the sealed database is refused, and no new key is made for it.
        QVERIFY(QFile::rename(keyFile, keyFile + QStringLiteral(".moved")));
        const Fingerprint before = fingerprint();
        withDatabase([&](const Database& database, const AuditLog& audit) {
            QString error;
            QVERIFY(!KeyStore::openDefaultKeyFile(database, audit, QStringLiteral("officer:jdoe"), &error));
            QVERIFY2(error.contains(keyFile) && error.contains(QStringLiteral("does not exist")), qPrintable(error));
        });
        QVERIFY(!QFile::exists(keyFile));
        QCOMPARE(fingerprint(), before);
    }

    void everyUnwrapIsAnAuditEvent()
    {
        const QString keyFile = newKeyFile(QStringLiteral("a.kek"));
        withDatabase([&](const Database& database, const AuditLog& audit) {
            QString error;
            const auto keys = KeyStore::openWithKeyFile(database, audit, keyFile, QStringLiteral("test:setup"), &error);
            QVERIFY2(keys, qPrintable(error));
            const QByteArray photo("\xFF\xD8\xFF\xE0 not really a photo", 24);
            const QString binding = QStringLiteral("photo:0d4c6f0e-1b1f-4f55-9b1e-6a1c2f3e4d5a");
            const auto sealed = keys->seal(photo, binding, &error);
            QVERIFY2(sealed, qPrintable(error));
            QVERIFY(!sealed->contains(photo));

            const auto before = audit.verify(&error);
            QVERIFY2(before, qPrintable(error));
            const KeyAccess access{QStringLiteral("supervisor:amoreau"), QStringLiteral("review no-match")};
            const auto opened = keys->unseal(*sealed, binding, access, &error);
            QVERIFY2(opened, qPrintable(error));
            QCOMPARE(*opened, photo);

            const auto events = audit.events(before->events + 1, 10, &error);
            QVERIFY2(events, qPrintable(error));
            QCOMPARE(events->size(), size_t(1));
            const AuditEvent& unwrap = events->front();
            QCOMPARE(unwrap.action, QStringLiteral("key.unwrap"));
            QCOMPARE(unwrap.actor, access.actor);
            QCOMPARE(unwrap.subject, binding);
            QCOMPARE(unwrap.details.value(QStringLiteral("purpose")).toString(), access.purpose);
            QCOMPARE(unwrap.details.value(QStringLiteral("kek")).toString(), keys->kekId());

            // Under another record's id the envelope does not open (and the attempt is audited too).
            const QString other = QStringLiteral("photo:7f9a2b1c-0000-4000-8000-000000000000");
            QVERIFY(!keys->unseal(*sealed, other, access, &error));
            const auto after = audit.events(before->events + 2, 10, &error);
            QVERIFY2(after, qPrintable(error));
            QCOMPARE(after->size(), size_t(1));
            QCOMPARE(after->front().subject, other);
        });
    }
};

QTEST_GUILESS_MAIN(TestKeyStore)
#include "tst_keystore.moc"
