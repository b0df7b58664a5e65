// Key rotation (issue 18): a new key-encryption key rewraps every data key
// without decrypting a record, in audited batches; the old key is retired and
// its file destroyed; a rotation killed half-way resumes and leaves every
// record readable. Both back-ends.
#include "core/security/AuditLog.h"
#include "core/security/Envelope.h"
#include "core/security/KeyEncryptionKey.h"
#include "core/security/KeyStore.h"
#include "core/storage/Database.h"
#include "core/storage/SystemClock.h"
#include "core/storage/Transaction.h"
#include "tests/support/SoftHsmToken.h"
#include "tests/support/TestAuditKey.h"
#include "tests/support/TestDatabase.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

#include <memory>
#include <vector>

using namespace fg;

namespace {

const KeyAccess kCheck{QStringLiteral("test:auditor"), QStringLiteral("check the rotation")};

// A sealed record as the test keeps it: its binding, plaintext and data part.
struct Sealed {
    QString binding;
    QByteArray plaintext;
    QByteArray data;
};

} // namespace

class TestKeyRotation : public QObject {
    Q_OBJECT

    std::unique_ptr<test::TestDatabase> m_target;
    // The real clock: the command line the test runs writes audit events on it too.
    const SystemClock m_clock;

    QString path(const QString& name) const { return QDir(m_target->scratchDir()).filePath(name); }

    // `count` records sealed under the key of `keyFile`, kept in one transaction.
    std::vector<Sealed> seed(const QString& keyFile, int count)
    {
        std::vector<Sealed> records;
        QString error;
        const std::unique_ptr<Database> database = m_target->open(&error);
        if (!database) {
            qWarning("%s", qPrintable(error));
            return records;
        }
        const AuditLog audit(*database, m_clock, test::auditKey());
        const auto keys = KeyStore::openWithKeyFile(*database, audit, keyFile, QStringLiteral("test:setup"), &error);
        Transaction transaction(*database);
        if (!keys || !transaction.begin(&error)) {
            qWarning("%s", qPrintable(error));
            return records;
        }
        for (int i = 0; i < count; ++i) {
            Sealed record{QStringLiteral("template:seed-%1").arg(i, 6, 10, QLatin1Char('0')),
                          QStringLiteral("template %1 of the seed").arg(i).toUtf8(), {}};
            const auto sealed = keys->seal(record.plaintext, record.binding, &error);
            if (!sealed || !keys->keep(*sealed, &error)) {
                qWarning("%s", qPrintable(error));
                return {};
            }
            record.data = sealed->data;
            records.push_back(std::move(record));
        }
        if (!transaction.commit(&error))
            qWarning("%s", qPrintable(error));
        return records;
    }

    // How many data keys each KEK wraps, and whether `kekId` is retired.
    qint64 keysUnder(const Database& database, const QString& kekId)
    {
        QString error;
        const auto count = database.scalar(QStringLiteral("SELECT COUNT(*) FROM data_keys WHERE kek_id = ?"), {kekId},
                                           QStringLiteral("count"), &error);
        return count ? count->toLongLong() : -1;
    }

    // Every record opens under the key of `keyFile`.
    void everyRecordOpensWith(const QString& keyFile, const std::vector<Sealed>& records)
    {
        QString error;
        const std::unique_ptr<Database> database = m_target->open(&error);
        QVERIFY2(database, qPrintable(error));
        const AuditLog audit(*database, m_clock, test::auditKey());
        const auto keys = KeyStore::openWithKeyFile(*database, audit, keyFile, QStringLiteral("test:check"), &error);
        QVERIFY2(keys, qPrintable(error));
        // Opening audits each unwrap; a sample keeps the chain short.
        for (size_t i = 0; i < records.size(); i += std::max<size_t>(1, records.size() / 50)) {
            const auto opened = keys->unseal(records[i].data, records[i].binding, kCheck, &error);
            QVERIFY2(opened, qPrintable(records[i].binding + QStringLiteral(": ") + error));
            QCOMPARE(*opened, records[i].plaintext);
        }
        QCOMPARE(keysUnder(*database, keys->kekId()), qint64(records.size()));
        const auto verification = audit.verify(&error);
        QVERIFY2(verification && verification->intact, qPrintable(verification ? verification->problem : error));
    }

    // The command line with the tests' audit key, at home in the scratch folder.
    void prepare(QProcess* process) const
    {
        const QString auditKeyFile = path(QStringLiteral("audit.key"));
        QString error;
        if (!QFileInfo::exists(auditKeyFile) && !test::writeAuditKeyFile(auditKeyFile, &error))
            qWarning("%s", qPrintable(error));
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), m_target->scratchDir());
        env.insert(QStringLiteral("FACEGATE_AUDIT_KEY_FILE"), auditKeyFile);
        env.remove(QStringLiteral("FACEGATE_KEY_FILE"));
        env.remove(QStringLiteral("FACEGATE_PASSPHRASE"));
        process->setProcessEnvironment(env);
    }
    QStringList rotateArguments(const QString& oldKey, const QString& newKey, int batch) const
    {
        return {QStringLiteral("--db"), m_target->urlText(), QStringLiteral("key"), QStringLiteral("rotate"),
                QStringLiteral("--key-file"), oldKey, QStringLiteral("--new-key-file"), newKey, QStringLiteral("--batch"),
                QString::number(batch)};
    }

private Q_SLOTS:
    void initTestCase() { qInfo("back-end: %s", qPrintable(test::TestDatabase::backendName())); }
    void init()
    {
        m_target = std::make_unique<test::TestDatabase>();
        QString why;
        if (!m_target->isReady(&why))
            QFAIL(qPrintable(why));
    }
    void cleanup() { m_target.reset(); }

    void rotationRewrapsEveryKeyAndRetiresTheOld()
    {
        const QString oldKey = path(QStringLiteral("old.kek"));
        const QString newKey = path(QStringLiteral("new.kek"));
        QString error;
        QVERIFY2(KeyEncryptionKey::createKeyFile(oldKey, &error) && KeyEncryptionKey::createKeyFile(newKey, &error),
                 qPrintable(error));
        const std::vector<Sealed> records = seed(oldKey, 300);
        QCOMPARE(records.size(), size_t(300));
        {
            const std::unique_ptr<Database> database = m_target->open(&error);
            QVERIFY2(database, qPrintable(error));
            const AuditLog audit(*database, m_clock, test::auditKey());
            const auto keys = KeyStore::openWithKeyFile(*database, audit, oldKey, QStringLiteral("test:admin"), &error);
            QVERIFY2(keys, qPrintable(error));
            const QString from = keys->kekId();
            // A workstation that still holds the old key.
            const auto stale = KeyStore::openWithKeyFile(*database, audit, oldKey, QStringLiteral("test:stale"), &error);
            QVERIFY2(stale, qPrintable(error));
            auto next = KeyEncryptionKey::fromKeyFile(newKey, &error);
            QVERIFY2(next, qPrintable(error));
            const QString to = next->id();
            const auto before = audit.verify(&error);
            QVERIFY2(before, qPrintable(error));
            std::vector<qint64> remaining;
            const auto report = keys->rotate(std::move(*next), QStringLiteral("test:admin"), 64,
                                             [&](const KeyStore::RotationProgress& done) { remaining.push_back(done.remaining); },
                                             &error);
            QVERIFY2(report, qPrintable(error));
            QCOMPARE(report->rewrapped, 300);
            QCOMPARE(report->before, 0);
            QCOMPARE(report->batches, 5);
            QCOMPARE(remaining, (std::vector<qint64>{236, 172, 108, 44, 0}));
            QCOMPARE(keys->kekId(), to);
            QCOMPARE(keysUnder(*database, from), 0);
            QVERIFY(KeyStore::retiredAt(*database, from, &error)->isValid());

            // The data parts were not touched: the same bytes open under the new key, in this store too.
            const auto opened = keys->unseal(records[7].data, records[7].binding, kCheck, &error);
            QVERIFY2(opened, qPrintable(error));
            QCOMPARE(*opened, records[7].plaintext);
            // The stale workstation opens nothing and keeps nothing more.
            QVERIFY(!stale->unseal(records[7].data, records[7].binding, kCheck, &error));
            QVERIFY2(error.contains(from) || error.contains(to), qPrintable(error));
            const auto late = stale->seal("late", QStringLiteral("template:late"), &error);
            QVERIFY2(late, qPrintable(error));
            Transaction transaction(*database);
            QVERIFY2(transaction.begin(&error), qPrintable(error));
            QVERIFY(!stale->keep(*late, &error));
            QVERIFY2(error.contains(QStringLiteral("retired")), qPrintable(error));
            transaction.rollback();

            const auto events = audit.events(before->events + 1, 100, &error);
            QVERIFY2(events, qPrintable(error));
            QStringList actions;
            for (const AuditEvent& event : *events)
                actions.append(event.action);
            QCOMPARE(actions.count(QStringLiteral("key.rotate")), 1);
            QCOMPARE(actions.count(QStringLiteral("key.rewrap")), 5);
            QCOMPARE(actions.count(QStringLiteral("key.retire")), 1);
            QCOMPARE(actions.count(QStringLiteral("key.unwrap")), 2);
        }
        // The old key file no longer opens the records; the new one opens every one.
        const std::unique_ptr<Database> database = m_target->open(&error);
        QVERIFY2(database, qPrintable(error));
        const AuditLog audit(*database, m_clock, test::auditKey());
        QVERIFY(!KeyStore::openWithKeyFile(*database, audit, oldKey, QStringLiteral("test:old"), &error));
        QVERIFY2(error.contains(QStringLiteral("retired")) && error.contains(oldKey), qPrintable(error));
        everyRecordOpensWith(newKey, records);
    }

    // The command line, killed (SIGKILL) after a few batches, then run again.
    void aRotationKilledHalfWayResumes()
    {
        const QString oldKey = path(QStringLiteral("old.kek"));
        const QString newKey = path(QStringLiteral("new.kek"));
        QString error;
        QVERIFY2(KeyEncryptionKey::createKeyFile(oldKey, &error), qPrintable(error));
        const std::vector<Sealed> records = seed(oldKey, 4000);
        QCOMPARE(records.size(), size_t(4000));
        const QString from = KeyEncryptionKey::fromKeyFile(oldKey, &error)->id();

        QProcess first;
        prepare(&first);
        first.start(QStringLiteral(FACEGATE_CLI), rotateArguments(oldKey, newKey, 10));
        QVERIFY2(first.waitForStarted(), qPrintable(first.errorString()));
        first.setReadChannel(QProcess::StandardError);
        QByteArray progress;
        while (progress.count("rewrapped") < 3 && first.state() == QProcess::Running) {
            first.waitForReadyRead(10000);
            progress += first.readAllStandardError();
        }
        QVERIFY2(first.state() == QProcess::Running, progress.constData());
        first.kill();
        QVERIFY(first.waitForFinished(10000));
        QCOMPARE(first.exitStatus(), QProcess::CrashExit);
        QString to;
        qint64 done = 0;
        {
            const std::unique_ptr<Database> database = m_target->open(&error);
            QVERIFY2(database, qPrintable(error));
            to = KeyEncryptionKey::fromKeyFile(newKey, &error)->id();
            done = keysUnder(*database, to);
            QVERIFY2(done >= 30 && done < 4000, qPrintable(QString::number(done)));
            QCOMPARE(keysUnder(*database, from) + done, 4000);
            QVERIFY(!KeyStore::retiredAt(*database, from, &error)->isValid());
            QVERIFY(QFileInfo::exists(oldKey));
        }

        QProcess second;
        prepare(&second);
        second.start(QStringLiteral(FACEGATE_CLI), rotateArguments(oldKey, newKey, 500));
        QVERIFY(second.waitForFinished(120000));
        const QByteArray err = second.readAllStandardError();
        QVERIFY2(second.exitStatus() == QProcess::NormalExit && second.exitCode() == 0, err.constData());
        const QJsonObject json = QJsonDocument::fromJson(second.readAllStandardOutput()).object();
        QCOMPARE(json.value(QStringLiteral("from")).toString(), from);
        QCOMPARE(json.value(QStringLiteral("to")).toString(), to);
        QCOMPARE(json.value(QStringLiteral("rewrapped_before")).toInteger(), done);
        QCOMPARE(json.value(QStringLiteral("rewrapped")).toInteger(), 4000 - done);
        QCOMPARE(json.value(QStringLiteral("destroyed")).toBool(), true);
        QVERIFY(!QFileInfo::exists(oldKey));
        everyRecordOpensWith(newKey, records);
    }

    // Issue 18: from a key file into a PKCS#11 token (SoftHSM2) and out of it
    // again, by the command line; each old key is destroyed (the file
    // overwritten and removed, the token's key destroyed in the token).
    void intoATokenAndOutOfItFromTheCommandLine()
    {
        test::SoftHsmToken token;
        QString error;
        QVERIFY2(token.init(QStringLiteral("FaceGate"), &error), qPrintable(error));
        const QString fileKey = path(QStringLiteral("file.kek"));
        const QString tokenKey = token.uri(QStringLiteral("rotated-kek"));
        const QString lastKey = path(QStringLiteral("last.kek"));
        QVERIFY2(KeyEncryptionKey::createKeyFile(fileKey, &error), qPrintable(error));
        const std::vector<Sealed> records = seed(fileKey, 120);
        QCOMPARE(records.size(), size_t(120));

        const auto rotate = [this](const QString& from, const QString& to) {
            QProcess cli;
            prepare(&cli);
            cli.start(QStringLiteral(FACEGATE_CLI), rotateArguments(from, to, 50));
            const bool finished = cli.waitForFinished(120000);
            const QByteArray err = cli.readAllStandardError();
            const QJsonObject json = QJsonDocument::fromJson(cli.readAllStandardOutput()).object();
            if (!finished || cli.exitStatus() != QProcess::NormalExit || cli.exitCode() != 0)
                qWarning("facegate-cli key rotate failed: %s", err.constData());
            return json;
        };
        QJsonObject json = rotate(fileKey, tokenKey);
        QCOMPARE(json.value(QStringLiteral("rewrapped")).toInteger(), 120);
        QCOMPARE(json.value(QStringLiteral("destroyed")).toBool(), true);
        QVERIFY(!QFileInfo::exists(fileKey));
        everyRecordOpensWith(tokenKey, records);
        {
            const std::unique_ptr<Database> database = m_target->open(&error);
            QVERIFY2(database, qPrintable(error));
            const auto kind = database->scalar(QStringLiteral("SELECT kind FROM keks WHERE retired_at IS NULL"), {},
                                               QStringLiteral("the key in use"), &error);
            QVERIFY2(kind, qPrintable(error));
            QCOMPARE(kind->toString(), QStringLiteral("pkcs11"));
        }

        json = rotate(tokenKey, lastKey);
        QCOMPARE(json.value(QStringLiteral("rewrapped")).toInteger(), 120);
        QCOMPARE(json.value(QStringLiteral("destroyed")).toBool(), true);
        // The old key is gone from the token, and its URI shows no PIN source.
        QCOMPARE(KeyEncryptionKey::exists(tokenKey, &error), std::optional<bool>(false));
        QVERIFY(!json.value(QStringLiteral("old_key_file")).toString().contains(QStringLiteral("pin-source")));
        everyRecordOpensWith(lastKey, records);
    }
};

QTEST_GUILESS_MAIN(TestKeyRotation)
#include "tst_keyrotation.moc"
