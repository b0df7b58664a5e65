// The key-encryption key in a PKCS#11 token (SoftHSM2): made inside the
// token, never readable out of it, wrapping and unwrapping there; the key
// store registers it (keks.kind pkcs11) and names the token in the audit log;
// a rotation moves every data key from a key file into the token; a wrong
// PIN, a missing token or key, a PIN written into the URI are refused with
// errors naming them and never showing the PIN. On SQLite and PostgreSQL.
#include "core/security/AuditLog.h"
#include "core/security/Envelope.h"
#include "core/security/KeyEncryptionKey.h"
#include "core/security/KeyStore.h"
#include "core/security/Pkcs11Key.h"
#include "core/storage/Database.h"
#include "core/storage/Transaction.h"
#include "tests/support/ManualClock.h"
#include "tests/support/SoftHsmToken.h"
#include "tests/support/TestAuditKey.h"
#include "tests/support/TestDatabase.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <p11-kit/p11-kit.h>
#include <p11-kit/pkcs11.h>

#include <memory>

using namespace fg;

namespace {

const QByteArray kSecret = QByteArrayLiteral("0123456789abcdef0123456789abcdef");

// What an insider holding the PIN gets when asking the token for the key's
// bytes: the CK_RV of C_GetAttributeValue(CKA_VALUE) on the key labelled
// `label`, straight through the module (not through the code under test).
CK_RV readKeyValue(const QString& label, CK_ULONG* valueSize)
{
    CK_FUNCTION_LIST* module = p11_kit_module_load(test::SoftHsmToken::kModule, 0);
    if (!module || p11_kit_module_initialize(module) != CKR_OK)
        return CKR_GENERAL_ERROR;
    CK_RV rv = CKR_GENERAL_ERROR;
    CK_SLOT_ID slots[8];
    CK_ULONG count = 8;
    CK_SESSION_HANDLE session = CK_INVALID_HANDLE;
    if (module->C_GetSlotList(CK_TRUE, slots, &count) == CKR_OK && count > 0
        && module->C_OpenSession(slots[0], CKF_SERIAL_SESSION, nullptr, nullptr, &session) == CKR_OK) {
        QByteArray pin(test::SoftHsmToken::kUserPin);
        module->C_Login(session, CKU_USER, reinterpret_cast<CK_UTF8CHAR*>(pin.data()), CK_ULONG(pin.size()));
        QByteArray name = label.toUtf8();
        CK_ATTRIBUTE find{CKA_LABEL, name.data(), CK_ULONG(name.size())};
        CK_OBJECT_HANDLE key = CK_INVALID_HANDLE;
        CK_ULONG found = 0;
        if (module->C_FindObjectsInit(session, &find, 1) == CKR_OK) {
            module->C_FindObjects(session, &key, 1, &found);
            module->C_FindObjectsFinal(session);
        }
        if (found == 1) {
            CK_ATTRIBUTE value{CKA_VALUE, nullptr, 0};
            rv = module->C_GetAttributeValue(session, key, &value, 1);
            *valueSize = value.ulValueLen;
        }
        module->C_CloseSession(session);
    }
    p11_kit_module_finalize(module);
    p11_kit_module_release(module);
    return rv;
}

} // namespace

class TestPkcs11Key : public QObject {
    Q_OBJECT

    QTemporaryDir m_home;
    std::unique_ptr<test::SoftHsmToken> m_token;
    std::unique_ptr<test::TestDatabase> m_target;
    test::ManualClock m_clock;
    int m_keys = 0;

    // A fresh key label per test: the token outlives the test functions.
    QString nextLabel() { return QStringLiteral("kek-%1").arg(++m_keys); }

private Q_SLOTS:
    void initTestCase()
    {
        // No default key file may appear anywhere: HOME is a fresh folder.
        QVERIFY(m_home.isValid());
        qputenv("HOME", QFile::encodeName(m_home.path()));
        qunsetenv("FACEGATE_PKCS11_PIN");
        m_token = std::make_unique<test::SoftHsmToken>();
        QString error;
        QVERIFY2(m_token->init(QStringLiteral("FaceGate"), &error), qPrintable(error));
    }

    void init()
    {
        m_target = std::make_unique<test::TestDatabase>();
        FG_REQUIRE_DATABASE(*m_target);
    }

    void cleanup() { m_target.reset(); }

    void makesTheKeyInsideTheTokenAndWrapsThere()
    {
        const QString uri = m_token->uri(nextLabel());
        QString error;
        QCOMPARE(KeyEncryptionKey::exists(uri, &error), std::optional<bool>(false));
        QVERIFY2(KeyEncryptionKey::create(uri, &error), qPrintable(error));
        QCOMPARE(KeyEncryptionKey::exists(uri, &error), std::optional<bool>(true));
        QVERIFY(!KeyEncryptionKey::create(uri, &error));
        QVERIFY2(error.contains(QStringLiteral("exists already")), qPrintable(error));

        std::optional<KeyEncryptionKey> kek = KeyEncryptionKey::open(uri, &error);
        QVERIFY2(kek, qPrintable(error));
        QVERIFY(kek->token());
        QVERIFY(kek->key().isEmpty()); // FaceGate holds no key bytes
        QCOMPARE(kek->id().size(), 16);
        QCOMPARE(kek->checkValue().size(), 16);
        QVERIFY2(kek->token()->description().contains(QStringLiteral("token FaceGate")), qPrintable(kek->token()->description()));

        // Named and checked the same at every open, by the token.
        const std::optional<KeyEncryptionKey> again = KeyEncryptionKey::open(uri, &error);
        QVERIFY2(again, qPrintable(error));
        QCOMPARE(again->id(), kek->id());
        QCOMPARE(again->checkValue(), kek->checkValue());

        const std::optional<QByteArray> wrapped = kek->wrap(kSecret, "aad", &error);
        QVERIFY2(wrapped, qPrintable(error));
        QCOMPARE(wrapped->size(), 12 + kSecret.size() + 16);
        QVERIFY(!wrapped->contains(kSecret));
        const std::optional<SecureBuffer> unwrapped = again->unwrap(*wrapped, "aad", &error);
        QVERIFY2(unwrapped, qPrintable(error));
        QCOMPARE(unwrapped->view(), QByteArrayView(kSecret));
        QVERIFY(!again->unwrap(*wrapped, "other aad", &error));
        QByteArray altered = *wrapped;
        altered[20] = char(altered[20] ^ 1);
        QVERIFY(!again->unwrap(altered, "aad", &error));

        // An envelope sealed in the token opens there, and nowhere else.
        const std::optional<Envelope::Sealed> sealed = Envelope::seal(*kek, "a photo", "photo:1", &error);
        QVERIFY2(sealed, qPrintable(error));
        const std::optional<QByteArray> opened = Envelope::open(*again, sealed->key, sealed->data, "photo:1", &error);
        QVERIFY2(opened, qPrintable(error));
        QCOMPARE(*opened, QByteArray("a photo"));
        const std::optional<KeyEncryptionKey> software = KeyEncryptionKey::generate(&error);
        QVERIFY(!Envelope::open(*software, sealed->key, sealed->data, "photo:1", &error));
    }

    // An insider with the PIN asks the token for the key's bytes: refused.
    void theKeyCannotBeReadOutOfTheToken()
    {
        const QString label = nextLabel();
        QString error;
        QVERIFY2(KeyEncryptionKey::create(m_token->uri(label), &error), qPrintable(error));
        CK_ULONG size = 0;
        const CK_RV rv = readKeyValue(label, &size);
        QVERIFY2(rv == CKR_ATTRIBUTE_SENSITIVE, qPrintable(QStringLiteral("C_GetAttributeValue(CKA_VALUE) gave 0x%1")
                                                              .arg(rv, 0, 16)));
    }

    void refusesWithAClearError_data()
    {
        QTest::addColumn<QString>("uri");
        QTest::addColumn<QByteArray>("environmentPin");
        QTest::addColumn<QString>("expected");
        const QString module = QString::fromLatin1(test::SoftHsmToken::kModule);
        const QString pinFile = m_token->pinFile();
        const QString wrongPin = QDir(m_token->folder()).filePath(QStringLiteral("wrong.pin"));
        QString error;
        QVERIFY2(test::SoftHsmToken::writeFile(wrongPin, "0000\n", &error), qPrintable(error));
        const QString base = QStringLiteral("pkcs11:token=FaceGate;object=absent?module-path=%1").arg(module);
        QTest::newRow("wrong PIN") << base + QStringLiteral("&pin-source=file:") + wrongPin << QByteArray()
                                   << QStringLiteral("refused the user PIN");
        QTest::newRow("no PIN") << base << QByteArray() << QStringLiteral("needs the user PIN");
        QTest::newRow("PIN in the URI") << base + QStringLiteral("&pin-value=%1").arg(test::SoftHsmToken::kUserPin)
                                        << QByteArray() << QStringLiteral("holds the PIN (pin-value)");
        QTest::newRow("unknown token")
            << QStringLiteral("pkcs11:token=Elsewhere;object=kek?module-path=%1&pin-source=file:%2").arg(module, pinFile)
            << QByteArray() << QStringLiteral("no PKCS#11 token matches pkcs11:token=Elsewhere;object=kek (tokens present: FaceGate)");
        QTest::newRow("no such key") << base + QStringLiteral("&pin-source=file:") + pinFile << QByteArray()
                                     << QStringLiteral("there is no key absent in token FaceGate");
        QTest::newRow("no key named")
            << QStringLiteral("pkcs11:token=FaceGate?module-path=%1&pin-source=file:%2").arg(module, pinFile) << QByteArray()
            << QStringLiteral("names no key");
        QTest::newRow("no module") << QStringLiteral("pkcs11:token=FaceGate;object=kek?module-path=/nonexistent/module.so")
                                   << QByteArray() << QStringLiteral("cannot load the PKCS#11 module /nonexistent/module.so");
        QTest::newRow("malformed") << QStringLiteral("pkcs11:token=%zz") << QByteArray() << QStringLiteral("is malformed");
        QTest::newRow("public key") << QStringLiteral("pkcs11:token=FaceGate;object=kek;type=public?module-path=%1").arg(module)
                                    << QByteArray() << QStringLiteral("not a secret key");
        QTest::newRow("wrong PIN from the environment") << base << QByteArray("1111") << QStringLiteral("refused the user PIN");
    }

    void refusesWithAClearError()
    {
        QFETCH(QString, uri);
        QFETCH(QByteArray, environmentPin);
        QFETCH(QString, expected);
        if (!environmentPin.isEmpty())
            qputenv("FACEGATE_PKCS11_PIN", environmentPin);
        const auto unset = qScopeGuard([] { qunsetenv("FACEGATE_PKCS11_PIN"); });
        QString error;
        QVERIFY(!KeyEncryptionKey::open(uri, &error));
        QVERIFY2(error.contains(expected), qPrintable(error));
        QVERIFY2(!error.contains(QLatin1String(test::SoftHsmToken::kUserPin)) && !error.contains(QLatin1String("0000"))
                     && !error.contains(QLatin1String("1111")),
                 qPrintable(error));
    }

    void thePinMayComeFromTheEnvironment()
    {
        const QString label = nextLabel();
        QString error;
        QVERIFY2(KeyEncryptionKey::create(m_token->uri(label), &error), qPrintable(error));
        qputenv("FACEGATE_PKCS11_PIN", test::SoftHsmToken::kUserPin);
        const auto unset = qScopeGuard([] { qunsetenv("FACEGATE_PKCS11_PIN"); });
        const QString uri = QStringLiteral("pkcs11:token=FaceGate;object=%1?module-path=%2").arg(label, test::SoftHsmToken::kModule);
        QVERIFY2(KeyEncryptionKey::open(uri, &error), qPrintable(error));
    }

    // The key store on an empty database: the key is made in the token,
    // registered as pkcs11, its token named in key.open; records seal and
    // open; no key file appears.
    void keyStoreKeepsItsKeyInTheToken()
    {
        const QString uri = m_token->uri(nextLabel());
        QString error;
        QString kekId;
        QByteArray data;
        {
            const std::unique_ptr<Database> database = m_target->open(&error);
            QVERIFY2(database, qPrintable(error));
            const AuditLog audit(*database, m_clock, test::auditKey());
            const std::unique_ptr<KeyStore> keys = KeyStore::openWithKeyFile(*database, audit, uri, QStringLiteral("test:token"), &error);
            QVERIFY2(keys, qPrintable(error));
            QVERIFY(keys->kek().token());
            kekId = keys->kekId();
            const auto kind = database->scalar(QStringLiteral("SELECT kind FROM keks WHERE id = ?"), {kekId},
                                               QStringLiteral("the key's kind"), &error);
            QVERIFY2(kind, qPrintable(error));
            QCOMPARE(kind->toString(), QStringLiteral("pkcs11"));
            const auto details = database->scalar(
                QStringLiteral("SELECT details FROM audit_events WHERE action = 'key.open' ORDER BY seq DESC LIMIT 1"), {},
                QStringLiteral("the key.open event"), &error);
            QVERIFY2(details, qPrintable(error));
            QVERIFY2(details->toString().contains(QStringLiteral("token FaceGate")), qPrintable(details->toString()));
            QVERIFY2(!details->toString().contains(QStringLiteral("pin-source")), qPrintable(details->toString()));

            const std::optional<KeyStore::SealedRecord> record = keys->seal("the traveler's photo", QStringLiteral("photo:t1"), &error);
            QVERIFY2(record, qPrintable(error));
            Transaction transaction(*database);
            QVERIFY2(transaction.begin(&error) && keys->keep(*record, &error) && transaction.commit(&error), qPrintable(error));
            data = record->data;
        }
        // A second start opens with the same key in the token.
        const std::unique_ptr<Database> database = m_target->open(&error);
        QVERIFY2(database, qPrintable(error));
        const AuditLog audit(*database, m_clock, test::auditKey());
        const std::unique_ptr<KeyStore> keys = KeyStore::openWithKeyFile(*database, audit, uri, QStringLiteral("test:token"), &error);
        QVERIFY2(keys, qPrintable(error));
        QCOMPARE(keys->kekId(), kekId);
        const std::optional<QByteArray> opened =
            keys->unseal(data, QStringLiteral("photo:t1"), KeyAccess{QStringLiteral("test:token"), QStringLiteral("check")}, &error);
        QVERIFY2(opened, qPrintable(error));
        QCOMPARE(*opened, QByteArray("the traveler's photo"));
        QVERIFY2(!QFileInfo::exists(KeyStore::defaultKeyFile()), qPrintable(KeyStore::defaultKeyFile()));

        // Another key of the token does not open this database, and is not made.
        const QString other = m_token->uri(nextLabel());
        QVERIFY(!KeyStore::openWithKeyFile(*database, audit, other, QStringLiteral("test:token"), &error));
        QVERIFY2(error.contains(QStringLiteral("does not exist")), qPrintable(error));
        QCOMPARE(KeyEncryptionKey::exists(other, &error), std::optional<bool>(false));
    }

    // A database sealed under a key file moves into the token: every data key
    // rewrapped by the token, the file's key retired; the records open with
    // the token's key. Destroying the token's key then leaves them unopenable.
    void rotatesFromAKeyFileIntoTheToken()
    {
        QTemporaryDir keys;
        const QString keyFile = keys.filePath(QStringLiteral("old.kek"));
        const QString uri = m_token->uri(nextLabel());
        QString error;
        QVERIFY2(KeyEncryptionKey::createKeyFile(keyFile, &error), qPrintable(error));
        const std::unique_ptr<Database> database = m_target->open(&error);
        QVERIFY2(database, qPrintable(error));
        const AuditLog audit(*database, m_clock, test::auditKey());
        std::unique_ptr<KeyStore> store = KeyStore::openWithKeyFile(*database, audit, keyFile, QStringLiteral("test:rotate"), &error);
        QVERIFY2(store, qPrintable(error));
        const QString oldId = store->kekId();
        QList<QByteArray> data;
        {
            Transaction transaction(*database);
            QVERIFY2(transaction.begin(&error), qPrintable(error));
            for (int i = 0; i < 5; ++i) {
                const auto record = store->seal(QByteArray("photo ") + QByteArray::number(i), QStringLiteral("photo:r%1").arg(i), &error);
                QVERIFY2(record && store->keep(*record, &error), qPrintable(error));
                data.append(record->data);
            }
            QVERIFY2(transaction.commit(&error), qPrintable(error));
        }
        QVERIFY2(KeyEncryptionKey::create(uri, &error), qPrintable(error));
        std::optional<KeyEncryptionKey> next = KeyEncryptionKey::open(uri, &error);
        QVERIFY2(next, qPrintable(error));
        const auto report = store->rotate(std::move(*next), QStringLiteral("test:rotate"), 2, {}, &error);
        QVERIFY2(report, qPrintable(error));
        QCOMPARE(report->rewrapped, qint64(5));
        const auto retired = KeyStore::retiredAt(*database, oldId, &error);
        QVERIFY2(retired && retired->isValid(), qPrintable(error));
        store.reset();

        // Open again from the token alone.
        std::unique_ptr<KeyStore> fromToken = KeyStore::openWithKeyFile(*database, audit, uri, QStringLiteral("test:rotate"), &error);
        QVERIFY2(fromToken, qPrintable(error));
        const auto kind = database->scalar(QStringLiteral("SELECT kind FROM keks WHERE id = ?"), {fromToken->kekId()},
                                           QStringLiteral("the key's kind"), &error);
        QVERIFY2(kind && kind->toString() == QStringLiteral("pkcs11"), qPrintable(error));
        const KeyAccess access{QStringLiteral("test:rotate"), QStringLiteral("check")};
        for (int i = 0; i < data.size(); ++i) {
            const auto opened = fromToken->unseal(data[i], QStringLiteral("photo:r%1").arg(i), access, &error);
            QVERIFY2(opened, qPrintable(error));
            QCOMPARE(*opened, QByteArray("photo ") + QByteArray::number(i));
        }
        fromToken.reset();

        QVERIFY2(KeyEncryptionKey::destroy(uri, &error), qPrintable(error));
        QVERIFY(!KeyStore::openWithKeyFile(*database, audit, uri, QStringLiteral("test:rotate"), &error));
        QVERIFY2(error.contains(QStringLiteral("does not exist")), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestPkcs11Key)
#include "tst_pkcs11key.moc"
