#include "core/security/Hmac.h"
#include "core/security/KeyEncryptionKey.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <unistd.h>

using fg::KeyEncryptionKey;
using fg::ScryptParams;
using fg::SecureBuffer;

namespace {

const QByteArray kKeyHex = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";

bool writeFile(const QString& path, const QByteArray& contents, mode_t mode)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(contents) != contents.size())
        return false;
    file.close();
    return ::chmod(QFile::encodeName(path).constData(), mode) == 0;
}

mode_t modeOf(const QString& path)
{
    struct stat status = {};
    if (::stat(QFile::encodeName(path).constData(), &status) != 0)
        return 0;
    return status.st_mode & 07777;
}

QByteArray readFile(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

SecureBuffer secret(const char* text)
{
    return SecureBuffer::fromBytes(QByteArray(text));
}

const ScryptParams kLight{1024, 8, 1}; // tests only: keys use ScryptParams::forKeys()
const QByteArray kSalt = "0123456789abcdef";

} // namespace

class TestKeyEncryptionKey : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void createdFileIsOwnerOnlyAndLoads()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString folder = dir.filePath("etc/facegate");
        const QString path = folder + "/kek.key";
        QString error;
        QVERIFY2(KeyEncryptionKey::createKeyFile(path, &error), qPrintable(error));
        QCOMPARE(modeOf(path), mode_t(0600));
        QCOMPARE(modeOf(folder), mode_t(0700));
        QCOMPARE(modeOf(dir.filePath("etc")), mode_t(0700));
        QVERIFY(QRegularExpression("^[0-9a-f]{64}\n$").match(QString::fromLatin1(readFile(path))).hasMatch());

        const auto kek = KeyEncryptionKey::fromKeyFile(path, &error);
        QVERIFY2(kek, qPrintable(error));
        QCOMPARE(kek->key().view(), QByteArrayView(QByteArray::fromHex(readFile(path).trimmed())));
        const auto again = KeyEncryptionKey::fromKeyFile(path, &error);
        QVERIFY2(again, qPrintable(error));
        QCOMPARE(again->id(), kek->id());
        QCOMPARE(again->checkValue(), kek->checkValue());
    }

    void createNeverOverwrites()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("kek.key");
        QString error;
        QVERIFY2(KeyEncryptionKey::createKeyFile(path, &error), qPrintable(error));
        const QByteArray first = readFile(path);
        QVERIFY(!KeyEncryptionKey::createKeyFile(path, &error));
        QVERIFY2(error.contains(path) && error.contains("already exists"), qPrintable(error));
        QCOMPARE(readFile(path), first);

        const QString other = dir.filePath("notes.txt");
        QVERIFY(writeFile(other, "not a key", 0644));
        QVERIFY(!KeyEncryptionKey::createKeyFile(other, &error));
        QCOMPARE(readFile(other), QByteArray("not a key"));
    }

    void twoCreatedKeysDiffer()
    {
        QTemporaryDir dir;
        QString error;
        QVERIFY2(KeyEncryptionKey::createKeyFile(dir.filePath("a.key"), &error), qPrintable(error));
        QVERIFY2(KeyEncryptionKey::createKeyFile(dir.filePath("b.key"), &error), qPrintable(error));
        const auto a = KeyEncryptionKey::fromKeyFile(dir.filePath("a.key"), &error);
        const auto b = KeyEncryptionKey::fromKeyFile(dir.filePath("b.key"), &error);
        QVERIFY2(a && b, qPrintable(error));
        QVERIFY(a->key().view() != b->key().view());
        QVERIFY(a->id() != b->id());
        QVERIFY(a->checkValue() != b->checkValue());
    }

    void acceptedFiles_data()
    {
        QTest::addColumn<QByteArray>("contents");
        QTest::addColumn<int>("mode");
        QTest::newRow("hex") << kKeyHex << 0600;
        QTest::newRow("hex, newline") << kKeyHex + "\n" << 0600;
        QTest::newRow("hex, CRLF") << kKeyHex + "\r\n" << 0600;
        QTest::newRow("upper-case hex") << kKeyHex.toUpper() << 0600;
        QTest::newRow("raw bytes") << QByteArray::fromHex(kKeyHex) << 0600;
        QTest::newRow("read-only") << kKeyHex + "\n" << 0400;
    }
    void acceptedFiles()
    {
        QFETCH(QByteArray, contents);
        QFETCH(int, mode);
        QTemporaryDir dir;
        const QString path = dir.filePath("kek.key");
        QVERIFY(writeFile(path, contents, mode_t(mode)));
        QString error;
        const auto kek = KeyEncryptionKey::fromKeyFile(path, &error);
        QVERIFY2(kek, qPrintable(error));
        QCOMPARE(kek->key().view(), QByteArrayView(QByteArray::fromHex(kKeyHex)));
    }

    void refusedFiles_data()
    {
        QTest::addColumn<QByteArray>("contents");
        QTest::addColumn<int>("mode");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("0644") << kKeyHex << 0644 << "has mode 0644; it must be readable by its owner only (chmod 600 ";
        QTest::newRow("0640") << kKeyHex << 0640 << "has mode 0640";
        QTest::newRow("0604") << kKeyHex << 0604 << "has mode 0604";
        QTest::newRow("0610") << kKeyHex << 0610 << "has mode 0610";
        QTest::newRow("62 hex digits") << kKeyHex.left(62) << 0600 << "64 hex digits";
        QTest::newRow("66 hex digits") << kKeyHex + "ab" << 0600 << "64 hex digits";
        QTest::newRow("not hex") << kKeyHex.left(63) + "g" << 0600 << "not a hex digit";
        QTest::newRow("spaces") << kKeyHex.left(62) + " 1" << 0600 << "not a hex digit";
        QTest::newRow("two newlines") << kKeyHex + "\n\n" << 0600 << "64 hex digits";
        QTest::newRow("31 raw bytes") << QByteArray(31, '\x01') << 0600 << "32 raw bytes";
        QTest::newRow("33 raw bytes") << QByteArray(33, '\x01') << 0600 << "32 raw bytes";
        QTest::newRow("empty") << QByteArray() << 0600 << "holds 0 bytes";
        QTest::newRow("large") << QByteArray(4096, 'a') << 0600 << "64 hex digits";
    }
    void refusedFiles()
    {
        QFETCH(QByteArray, contents);
        QFETCH(int, mode);
        QFETCH(QString, mentions);
        QTemporaryDir dir;
        const QString path = dir.filePath("kek.key");
        QVERIFY(writeFile(path, contents, mode_t(mode)));
        QString error;
        QVERIFY(!KeyEncryptionKey::fromKeyFile(path, &error));
        QVERIFY2(error.contains(mentions), qPrintable(error));
        QVERIFY2(error.contains(path), qPrintable(error));
    }

    // Issue 18: a key file that belongs to another account is refused, even
    // when this process can read it (root can read anyone's): whoever owns
    // the file can replace the key the records are sealed under.
    void aKeyFileOfAnotherAccountIsRefused()
    {
        if (::geteuid() != 0)
            QSKIP("giving a file to another account needs root (CI runs as root)");
        QTemporaryDir dir;
        QString error;
        const QString path = dir.filePath("other.key");
        QVERIFY2(KeyEncryptionKey::createKeyFile(path, &error), qPrintable(error));
        QVERIFY(KeyEncryptionKey::fromKeyFile(path, &error));
        QVERIFY(::chown(QFile::encodeName(path).constData(), 65534, 65534) == 0); // nobody
        QVERIFY(!KeyEncryptionKey::fromKeyFile(path, &error));
        QVERIFY2(error.contains(path) && error.contains(QLatin1String("65534")) && error.contains(QLatin1String("owner")),
                 qPrintable(error));
    }

    void missingFileOrFolderIsRefused()
    {
        QTemporaryDir dir;
        QString error;
        const QString missing = dir.filePath("missing.key");
        QVERIFY(!KeyEncryptionKey::fromKeyFile(missing, &error));
        QVERIFY2(error.contains(missing) && error.contains("No such file"), qPrintable(error));

        const QString folder = dir.filePath("folder");
        QVERIFY(QDir().mkdir(folder));
        QVERIFY(::chmod(QFile::encodeName(folder).constData(), 0700) == 0);
        QVERIFY(!KeyEncryptionKey::fromKeyFile(folder, &error));
        QVERIFY2(error.contains(folder) && error.contains("not a regular file"), qPrintable(error));
    }

    void passphraseDerivation()
    {
        QString error;
        const auto a = KeyEncryptionKey::fromPassphrase(secret("long passphrase"), kSalt, kLight, &error);
        const auto same = KeyEncryptionKey::fromPassphrase(secret("long passphrase"), kSalt, kLight, &error);
        const auto otherSalt =
            KeyEncryptionKey::fromPassphrase(secret("long passphrase"), "fedcba9876543210", kLight, &error);
        const auto otherPhrase = KeyEncryptionKey::fromPassphrase(secret("long passphrasE"), kSalt, kLight, &error);
        const auto otherParams =
            KeyEncryptionKey::fromPassphrase(secret("long passphrase"), kSalt, ScryptParams{2048, 8, 1}, &error);
        QVERIFY2(a && same && otherSalt && otherPhrase && otherParams, qPrintable(error));
        QCOMPARE(a->key().size(), KeyEncryptionKey::kKeyBytes);
        QCOMPARE(same->key().view(), a->key().view());
        QCOMPARE(same->id(), a->id());
        QVERIFY(otherSalt->key().view() != a->key().view());
        QVERIFY(otherPhrase->key().view() != a->key().view());
        QVERIFY(otherParams->key().view() != a->key().view());
        QVERIFY(otherSalt->id() != a->id());
        QVERIFY(otherPhrase->checkValue() != a->checkValue());
    }

    void passphraseWithTheKeyDefaults()
    {
        QString error;
        const auto a =
            KeyEncryptionKey::fromPassphrase(secret("long passphrase"), kSalt, ScryptParams::forKeys(), &error);
        QVERIFY2(a, qPrintable(error));
        const auto light = KeyEncryptionKey::fromPassphrase(secret("long passphrase"), kSalt, kLight, &error);
        QVERIFY2(light, qPrintable(error));
        QVERIFY(a->key().view() != light->key().view());
    }

    void passphraseRefusals()
    {
        QString error;
        QVERIFY(!KeyEncryptionKey::fromPassphrase(SecureBuffer(), kSalt, kLight, &error));
        QVERIFY2(error.contains("empty"), qPrintable(error));
        QVERIFY(!KeyEncryptionKey::fromPassphrase(secret("long passphrase"), "short salt", kLight, &error));
        QVERIFY2(error.contains("10 bytes") && error.contains("16"), qPrintable(error));
        QVERIFY(!KeyEncryptionKey::fromPassphrase(secret("long passphrase"), kSalt, ScryptParams{1000, 8, 1}, &error));
        QVERIFY2(error.contains("power of two"), qPrintable(error));
    }

    // checkValue and id are the documented HMACs of the key, and say nothing of it.
    void checkValueAndId()
    {
        QString error;
        const auto kek = KeyEncryptionKey::fromKey(SecureBuffer::copyOf(QByteArray::fromHex(kKeyHex)), &error);
        QVERIFY2(kek, qPrintable(error));
        const QByteArray key = QByteArray::fromHex(kKeyHex);
        QCOMPARE(kek->checkValue(), fg::Hmac::sha256(key, "FaceGate KEK check v1"));
        QCOMPARE(kek->id(), QString::fromLatin1(fg::Hmac::sha256(key, "FaceGate KEK id v1").toHex().left(16)));
        QVERIFY(QRegularExpression("^[0-9a-f]{16}$").match(kek->id()).hasMatch());
        QVERIFY(!kek->checkValue().contains(key));
        QVERIFY(kek->checkValue().toHex().left(16) != kek->id().toLatin1());

        const auto other = KeyEncryptionKey::generate(&error);
        QVERIFY2(other, qPrintable(error));
        QVERIFY(other->id() != kek->id());
        QVERIFY(other->checkValue() != kek->checkValue());
    }

    void fromKeyRefusesOtherSizes()
    {
        QString error;
        QVERIFY(!KeyEncryptionKey::fromKey(SecureBuffer(16), &error));
        QVERIFY2(error.contains("16 bytes"), qPrintable(error));
        QVERIFY(!KeyEncryptionKey::fromKey(SecureBuffer(), &error));
    }

    void movedKeyKeepsItsId()
    {
        QString error;
        auto kek = KeyEncryptionKey::generate(&error);
        QVERIFY2(kek, qPrintable(error));
        const QString id = kek->id();
        const KeyEncryptionKey moved = std::move(*kek);
        QCOMPARE(moved.id(), id);
        QCOMPARE(moved.key().size(), KeyEncryptionKey::kKeyBytes);
        QVERIFY(kek->key().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestKeyEncryptionKey)
#include "tst_keyencryptionkey.moc"
