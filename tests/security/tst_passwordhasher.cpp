#include "core/security/PasswordHasher.h"

#include <QRegularExpression>
#include <QTest>

using fg::PasswordHasher;
using fg::ScryptParams;
using fg::SecureBuffer;

Q_DECLARE_METATYPE(fg::ScryptParams)

namespace {

SecureBuffer secret(const QByteArray& text)
{
    return SecureBuffer::copyOf(text);
}

const ScryptParams kLight{1024, 8, 1}; // ln=10: tests only

} // namespace

class TestPasswordHasher : public QObject {
    Q_OBJECT

private:
    QString m_stored; // "correct horse" hashed with kLight

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        const auto stored = PasswordHasher::hash(secret("correct horse"), &error, kLight);
        QVERIFY2(stored, qPrintable(error));
        m_stored = *stored;
    }

    void format()
    {
        const QRegularExpression phc(
            QStringLiteral("^\\$scrypt\\$ln=10,r=8,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}$"));
        QVERIFY2(phc.match(m_stored).hasMatch(), qPrintable(m_stored));
    }

    void verifiesRightAndRefusesWrong_data()
    {
        QTest::addColumn<QByteArray>("password");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("right") << QByteArray("correct horse") << true;
        QTest::newRow("one letter changed") << QByteArray("correct horsE") << false;
        QTest::newRow("prefix") << QByteArray("correct hors") << false;
        QTest::newRow("longer") << QByteArray("correct horse ") << false;
        QTest::newRow("empty") << QByteArray() << false;
    }
    void verifiesRightAndRefusesWrong()
    {
        QFETCH(QByteArray, password);
        QFETCH(bool, accepted);
        QCOMPARE(PasswordHasher::verify(secret(password), m_stored), accepted);
    }

    void unicodeAndEmptyPasswords()
    {
        QString error;
        const QByteArray accented = QStringLiteral("Ünïcødé pässwörd").toUtf8();
        const auto stored = PasswordHasher::hash(secret(accented), &error, kLight);
        QVERIFY2(stored, qPrintable(error));
        QVERIFY(PasswordHasher::verify(secret(accented), *stored));
        QVERIFY(!PasswordHasher::verify(secret(QStringLiteral("Unicode password").toUtf8()), *stored));

        const auto empty = PasswordHasher::hash(SecureBuffer(), &error, kLight);
        QVERIFY2(empty, qPrintable(error));
        QVERIFY(PasswordHasher::verify(SecureBuffer(), *empty));
        QVERIFY(!PasswordHasher::verify(secret("x"), *empty));
    }

    void twoHashesOfOnePasswordDiffer()
    {
        QString error;
        const auto again = PasswordHasher::hash(secret("correct horse"), &error, kLight);
        QVERIFY2(again, qPrintable(error));
        QVERIFY(*again != m_stored);
        QVERIFY(again->section('$', 3, 3) != m_stored.section('$', 3, 3)); // salts
        QVERIFY(PasswordHasher::verify(secret("correct horse"), *again));
    }

    void paramsTravelWithTheHash_data()
    {
        QTest::addColumn<ScryptParams>("params");
        QTest::addColumn<QString>("text");
        QTest::newRow("ln=10") << kLight << "ln=10,r=8,p=1";
        QTest::newRow("ln=11 r=4 p=2") << ScryptParams{2048, 4, 2} << "ln=11,r=4,p=2";
        QTest::newRow("ln=12 r=1") << ScryptParams{4096, 1, 1} << "ln=12,r=1,p=1";
    }
    void paramsTravelWithTheHash()
    {
        QFETCH(ScryptParams, params);
        QFETCH(QString, text);
        QString error;
        const auto stored = PasswordHasher::hash(secret("pw"), &error, params);
        QVERIFY2(stored, qPrintable(error));
        QCOMPARE(stored->section('$', 2, 2), text);
        QCOMPARE(PasswordHasher::paramsOf(*stored), std::optional<ScryptParams>(params));
        QVERIFY(PasswordHasher::verify(secret("pw"), *stored));
        QVERIFY(PasswordHasher::needsRehash(*stored));
        QVERIFY(!PasswordHasher::needsRehash(*stored, params));
    }

    // With the production parameters (N = 2^17), once.
    void productionParameters()
    {
        QString error;
        const auto stored = PasswordHasher::hash(secret("correct horse"), &error);
        QVERIFY2(stored, qPrintable(error));
        QVERIFY2(stored->startsWith("$scrypt$ln=17,r=8,p=1$"), qPrintable(*stored));
        QVERIFY(PasswordHasher::verify(secret("correct horse"), *stored));
        QVERIFY(!PasswordHasher::verify(secret("correct horsE"), *stored));
        QVERIFY(!PasswordHasher::needsRehash(*stored));
        QVERIFY(!PasswordHasher::needsRehash(*stored, ScryptParams::forPasswords()));
        QVERIFY(PasswordHasher::needsRehash(m_stored)); // ln=10 is below the production cost
    }

    void refusesInvalidParams()
    {
        QString error;
        QVERIFY(!PasswordHasher::hash(secret("pw"), &error, ScryptParams{1000, 8, 1}));
        QVERIFY2(error.contains("power of two"), qPrintable(error));
    }

    // Each row is made from the valid stored hash by one change.
    void malformedStoredHashes_data()
    {
        QTest::addColumn<QString>("stored");
        const QString ok = m_stored;
        const QString salt = ok.section('$', 3, 3);
        const QString hash = ok.section('$', 4, 4);
        const auto with = [&](const QString& params, const QString& s, const QString& h) {
            return QStringLiteral("$scrypt$%1$%2$%3").arg(params, s, h);
        };
        QTest::newRow("empty") << QString();
        QTest::newRow("prefix only") << QStringLiteral("$scrypt$");
        QTest::newRow("other scheme") << QString(ok).replace("$scrypt$", "$argon2id$");
        QTest::newRow("upper-case scheme") << QString(ok).replace("$scrypt$", "$SCRYPT$");
        QTest::newRow("no hash") << QStringLiteral("$scrypt$ln=10,r=8,p=1$") + salt;
        QTest::newRow("extra field") << ok + "$AAAA";
        QTest::newRow("leading space") << " " + ok;
        QTest::newRow("trailing newline") << ok + "\n";
        QTest::newRow("ln=0") << with("ln=0,r=8,p=1", salt, hash);
        QTest::newRow("ln=63") << with("ln=63,r=8,p=1", salt, hash);
        QTest::newRow("ln=30 (too much memory)") << with("ln=30,r=8,p=1", salt, hash);
        QTest::newRow("ln=abc") << with("ln=abc,r=8,p=1", salt, hash);
        QTest::newRow("ln=010") << with("ln=010,r=8,p=1", salt, hash);
        QTest::newRow("ln=+10") << with("ln=+10,r=8,p=1", salt, hash);
        QTest::newRow("r=0") << with("ln=10,r=0,p=1", salt, hash);
        QTest::newRow("p=0") << with("ln=10,r=8,p=0", salt, hash);
        QTest::newRow("reordered") << with("r=8,ln=10,p=1", salt, hash);
        QTest::newRow("missing p") << with("ln=10,r=8", salt, hash);
        QTest::newRow("n instead of ln") << with("n=1024,r=8,p=1", salt, hash);
        QTest::newRow("salt not base64") << with("ln=10,r=8,p=1", salt.left(21) + "!", hash);
        QTest::newRow("salt padded") << with("ln=10,r=8,p=1", salt + "==", hash);
        QTest::newRow("salt too short") << with("ln=10,r=8,p=1", "AAAA", hash);
        QTest::newRow("empty salt") << with("ln=10,r=8,p=1", QString(), hash);
        QTest::newRow("hash shortened") << with("ln=10,r=8,p=1", salt, hash.left(41));
        QTest::newRow("hash lengthened") << with("ln=10,r=8,p=1", salt, hash + "AA");
        QTest::newRow("hash padded") << with("ln=10,r=8,p=1", salt, hash + "=");
    }
    void malformedStoredHashes()
    {
        QFETCH(QString, stored);
        QVERIFY(!PasswordHasher::verify(secret("correct horse"), stored));
        QVERIFY(!PasswordHasher::paramsOf(stored));
        QVERIFY(PasswordHasher::needsRehash(stored, kLight));
    }

    void changedHashOrSaltIsRefused()
    {
        const QString salt = m_stored.section('$', 3, 3);
        const QString hash = m_stored.section('$', 4, 4);
        const auto flip = [](QString text) {
            text[0] = text[0] == u'A' ? u'B' : u'A';
            return text;
        };
        QString changedHash = m_stored;
        changedHash.replace(hash, flip(hash));
        QString changedSalt = m_stored;
        changedSalt.replace(salt, flip(salt));
        QVERIFY(PasswordHasher::paramsOf(changedHash));
        QVERIFY(!PasswordHasher::verify(secret("correct horse"), changedHash));
        QVERIFY(PasswordHasher::paramsOf(changedSalt));
        QVERIFY(!PasswordHasher::verify(secret("correct horse"), changedSalt));
        // The same salt and hash under other parameters.
        QString changedParams = m_stored;
        changedParams.replace("ln=10", "ln=11");
        QVERIFY(!PasswordHasher::verify(secret("correct horse"), changedParams));
    }
};

QTEST_GUILESS_MAIN(TestPasswordHasher)
#include "tst_passwordhasher.moc"
