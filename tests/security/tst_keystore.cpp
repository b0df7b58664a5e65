// KeyStore: the key-encryption key of one database. A wrong key file or
// passphrase is refused with an error naming it and leaves the database as it
// was; the right one opens it again; every unwrap is an audit event naming
// who, which record and why.
#include "core/security/AesGcm.h"
#include "core/security/AuditLog.h"
#include "core/security/CryptoRandom.h"
#include "core/security/Envelope.h"
#include "core/security/KeyEncryptionKey.h"
#include "core/security/KeyStore.h"
#include "core/security/SecureBuffer.h"
#include "core/storage/Database.h"
#include "core/storage/Migrator.h"
#include "core/storage/Transaction.h"
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
            QVERIFY(!sealed->data.contains(photo));
            QVERIFY2(keep(database, *keys, *sealed, &error), qPrintable(error));

            const auto before = audit.verify(&error);
            QVERIFY2(before, qPrintable(error));
            const KeyAccess access{QStringLiteral("supervisor:amoreau"), QStringLiteral("review no-match")};
            const auto opened = keys->unseal(sealed->data, binding, access, &error);
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
            QVERIFY(!keys->unseal(sealed->data, other, access, &error));
            const auto after = audit.events(before->events + 2, 10, &error);
            QVERIFY2(after, qPrintable(error));
            QCOMPARE(after->size(), size_t(1));
            QCOMPARE(after->front().subject, other);
        });
    }

    // Crypto-shredding: the data opens only while its key row exists; a key
    // kept again under the same binding replaces the old one.
    void aDestroyedKeyOpensNothing()
    {
        const QString keyFile = newKeyFile(QStringLiteral("a.kek"));
        withDatabase([&](const Database& database, const AuditLog& audit) {
            QString error;
            const auto keys = KeyStore::openWithKeyFile(database, audit, keyFile, QStringLiteral("test:setup"), &error);
            QVERIFY2(keys, qPrintable(error));
            const QString binding = QStringLiteral("template:5b0c3f7e-2a44-4c1e-9d0a-3e2f1a6b7c8d");
            const KeyAccess access{QStringLiteral("test:reader"), QStringLiteral("check")};
            const auto first = keys->seal("first secret", binding, &error);
            QVERIFY2(first && keep(database, *keys, *first, &error), qPrintable(error));
            QVERIFY2(keys->unseal(first->data, binding, access, &error), qPrintable(error));

            const auto second = keys->seal("second secret", binding, &error);
            QVERIFY2(second && keep(database, *keys, *second, &error), qPrintable(error));
            const auto opened = keys->unseal(second->data, binding, access, &error);
            QVERIFY2(opened, qPrintable(error));
            QCOMPARE(*opened, QByteArray("second secret"));
            QVERIFY(!keys->unseal(first->data, binding, access, &error));
            QCOMPARE(error, fg::AesGcm::authenticationFailed());

            QVERIFY2(database.exec(QStringLiteral("DELETE FROM data_keys"), QStringLiteral("destroy"), &error),
                     qPrintable(error));
            QVERIFY(!keys->unseal(second->data, binding, access, &error));
            QVERIFY2(error.contains(binding) && error.contains(QStringLiteral("does not exist")), qPrintable(error));
        });
    }

    // A database of schema 6 kept each record's wrapped data key inside its
    // sealed blob; schema 7 moves the keys to data_keys, leaves the rows only
    // the data, and every record still opens.
    void recordsOfSchema6OpenAfterTheirKeysMoved()
    {
        const QString keyFile = newKeyFile(QStringLiteral("a.kek"));
        QString error;
        const auto kek = KeyEncryptionKey::fromKeyFile(keyFile, &error);
        QVERIFY2(kek, qPrintable(error));
        const QString photoId = QStringLiteral("2c1d6e0a-7b3f-4e5d-8a9c-0f1e2d3c4b5a");
        const QString binding = QStringLiteral("photo:") + photoId;
        const QByteArray photo("\xFF\xD8\xFF\xE0 a photo sealed by schema 6", 37);
        QByteArray legacy;
        {
            // The single blob of schemas 1 to 6: "FGE1" | L | kek id | wrapped DEK | data.
            const auto dataKey = fg::CryptoRandom::secret(32, &error);
            QVERIFY2(dataKey, qPrintable(error));
            const QByteArray header = QByteArray("FGE1") + char(kek->id().size()) + kek->id().toLatin1();
            const auto wrapped = fg::AesGcm::seal(kek->key(), dataKey->view(), header + binding.toUtf8(), &error);
            const auto data = fg::AesGcm::seal(*dataKey, photo, binding.toUtf8(), &error);
            QVERIFY2(wrapped && data, qPrintable(error));
            legacy = header + *wrapped + *data;
        }
        {
            DatabaseOptions schema6;
            schema6.migrateTo = 6;
            const std::unique_ptr<Database> database = m_target->open(&error, schema6);
            QVERIFY2(database, qPrintable(error));
            QCOMPARE(database->schemaVersion(), 6);
            QSqlQuery insert = database->query();
            insert.prepare(QStringLiteral("INSERT INTO keks (id, kind, check_value, created_at) VALUES (?, 'file', ?, 0)"));
            insert.addBindValue(kek->id());
            insert.addBindValue(kek->checkValue());
            QVERIFY2(database->exec(insert, QStringLiteral("register"), &error), qPrintable(error));
            insert.prepare(QStringLiteral("INSERT INTO photos (id, role, format, kek_id, sealed, retention_rule, "
                                          "verified_at, created_at) VALUES (?, 'capture', 'jpeg', ?, ?, 'non-us-citizen', 0, 0)"));
            insert.addBindValue(photoId);
            insert.addBindValue(kek->id());
            insert.addBindValue(legacy);
            QVERIFY2(database->exec(insert, QStringLiteral("store"), &error), qPrintable(error));
        }
        withDatabase([&](const Database& database, const AuditLog& audit) {
            QString why;
            QCOMPARE(database.schemaVersion(), Migrator::latestVersion());
            const auto data = database.scalar(QStringLiteral("SELECT sealed FROM photos WHERE id = ?"), {photoId},
                                              QStringLiteral("read"), &why);
            QVERIFY2(data, qPrintable(why));
            QVERIFY(data->toByteArray().startsWith("FGD1"));
            QCOMPARE(data->toByteArray().size(), legacy.size() - 5 - kek->id().size() - Envelope::kWrappedKeyBytes + 4);
            const auto key = database.scalar(QStringLiteral("SELECT wrapped FROM data_keys WHERE binding = ?"), {binding},
                                             QStringLiteral("read"), &why);
            QVERIFY2(key, qPrintable(why));
            QCOMPARE(key->toByteArray(), legacy.first(5 + kek->id().size() + Envelope::kWrappedKeyBytes));

            const auto keys = KeyStore::openWithKeyFile(database, audit, keyFile, QStringLiteral("test:setup"), &why);
            QVERIFY2(keys, qPrintable(why));
            const auto opened = keys->unseal(data->toByteArray(), binding,
                                             KeyAccess{QStringLiteral("test:reader"), QStringLiteral("check")}, &why);
            QVERIFY2(opened, qPrintable(why));
            QCOMPARE(*opened, photo);
        });
    }

private:
    static bool keep(const Database& database, const KeyStore& keys, const KeyStore::SealedRecord& sealed, QString* error)
    {
        fg::Transaction transaction(database);
        return transaction.begin(error) && keys.keep(sealed, error) && transaction.commit(error);
    }
};

QTEST_GUILESS_MAIN(TestKeyStore)
#include "tst_keystore.moc"
