#include "core/documents/emrtd/ActiveAuthentication.h"
#include "core/documents/emrtd/ActiveAuthenticationChip.h"
#include "core/documents/emrtd/CloneChecks.h"
#include "core/documents/emrtd/Iso9796Signature.h"

#include "tests/emrtd/CloneCheckRig.h"

#include <QCryptographicHash>
#include <QStringList>
#include <QTest>

#include <algorithm>

using fg::ActiveAuthentication;
using fg::ActiveAuthenticationChip;
using fg::ActiveAuthenticationInfo;
using fg::CloneCheck;
using fg::CommandApdu;
using fg::ResponseApdu;

namespace {

QByteArray hex(const char* text)
{
    return QByteArray::fromHex(QByteArray(text));
}

fg::EvpKey keyOf(const QString& kind)
{
    return kind.startsWith(QLatin1String("rsa")) ? rig::rsaKey(kind.mid(3).toUInt()) : rig::ecKey(qPrintable(kind));
}

std::optional<ActiveAuthenticationInfo> infoFor(const QString& kind, const QString& hash)
{
    if (kind.startsWith(QLatin1String("rsa")))
        return std::nullopt; // Doc 9303: no ActiveAuthenticationInfo for RSA
    return ActiveAuthenticationInfo{1, ActiveAuthenticationInfo::ecdsaPlainOid(hash)};
}

// The whole protocol under secure messaging: the terminal's INTERNAL
// AUTHENTICATE protected, passed as bytes to the chip, answered, the answer
// protected and passed back, then checked.
CloneCheck runOverSession(ActiveAuthentication& terminal, const ActiveAuthenticationChip& chip, fg::SmCipher cipher,
                          QString* error)
{
    rig::Session session(cipher);
    const auto command = terminal.command(error);
    if (!command)
        return {};
    QString chipError;
    const auto answer = rig::exchange(
        session, *command,
        [&chip, &chipError](const CommandApdu& plain) { return rig::ChipStep{chip.answer(plain, &chipError), {}}; },
        error);
    if (!answer)
        return {};
    return terminal.verify(*answer);
}

// A raw RSA private operation on a representative of our making.
QByteArray rawRsaSign(const fg::EvpKey& key, const QByteArray& representative)
{
    EVP_PKEY_CTX* context = EVP_PKEY_CTX_new_from_pkey(nullptr, key.get(), nullptr);
    QByteArray signature(EVP_PKEY_get_size(key.get()), '\0');
    size_t size = static_cast<size_t>(signature.size());
    const bool ok = context && EVP_PKEY_sign_init(context) > 0
        && EVP_PKEY_CTX_set_rsa_padding(context, RSA_NO_PADDING) > 0
        && EVP_PKEY_sign(context, reinterpret_cast<unsigned char*>(signature.data()), &size,
                         reinterpret_cast<const unsigned char*>(representative.constData()),
                         static_cast<size_t>(representative.size()))
            > 0;
    EVP_PKEY_CTX_free(context);
    return ok ? signature : QByteArray();
}

// Doc 9303 part 11 (8th edition), worked example "Active Authentication"
// (appendix F): RSA 1024, SHA-1, the implicit trailer. The example gives no
// key pair, only the values below. Found identical in three independent
// public implementations: zienit/icao-examples (Java, AATest.java, step by
// step), a Python eMRTD library's ISO 9796-2 verifier test ("Test vector F
// taken from ICAO 9303 p11 appendix F"), and a C++ reader's RSA self-test
// ("from icao p11 active authentication example").
const QByteArray kAaChallenge = QByteArray::fromHex("F173589974BF40C6");
const QByteArray kAaM1 = QByteArray::fromHex("9D2784A67F8E7C659973EA1AEA25D95B6C8F91E5002F369F0FBDCE8A3CEC1991"
                                             "B543F1696546C5524CF23A5303CD6C98599F40B79F377B5F3A1406B3B4D8F967"
                                             "84D23AA88DB7E1032A405E69325FA91A6E86F5C71AEA978264C4A207446DAD4E"
                                             "7292E2DCDA3024B47DA8");
const QByteArray kAaHash = QByteArray::fromHex("C063AA1E6D22FBD976AB0FE73D94D2D9C6D88127");
const QByteArray kAaF = QByteArray::fromHex("6A9D2784A67F8E7C659973EA1AEA25D95B6C8F91E5002F369F0FBDCE8A3CEC19"
                                            "91B543F1696546C5524CF23A5303CD6C98599F40B79F377B5F3A1406B3B4D8F9"
                                            "6784D23AA88DB7E1032A405E69325FA91A6E86F5C71AEA978264C4A207446DAD"
                                            "4E7292E2DCDA3024B47DA8C063AA1E6D22FBD976AB0FE73D94D2D9C6D88127BC");

} // namespace

class TestActiveAuthentication : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void command()
    {
        const fg::EvpKey key = rig::rsaKey(1024);
        QString error;
        auto terminal = ActiveAuthentication::fromDg15(fg::ChipPublicKey::encodeDg15(key.get()), std::nullopt, &error);
        QVERIFY2(terminal, qPrintable(error));
        terminal->useChallenge(hex("0011223344556677"));
        const auto apdu = terminal->command(&error);
        QVERIFY2(apdu, qPrintable(error));
        QCOMPARE(apdu->encode(), hex("00880000080011223344556677" "00"));
        // Without a fixed challenge: 8 fresh random bytes each time.
        auto fresh = ActiveAuthentication::fromDg15(fg::ChipPublicKey::encodeDg15(key.get()), std::nullopt, &error);
        const auto first = fresh->command(&error);
        const QByteArray firstChallenge = fresh->challenge();
        const auto second = fresh->command(&error);
        QCOMPARE(firstChallenge.size(), 8);
        QVERIFY(fresh->challenge() != firstChallenge);
        QCOMPARE(second->data(), fresh->challenge());
    }

    // Chip and terminal, each with its side of the key, through real secure messaging.
    void roundTrip_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("hash");
        QTest::addColumn<int>("cipher");
        QTest::addColumn<QString>("method");
        QTest::newRow("RSA 1024 SHA-1 (BC), 3DES") << "rsa1024" << "SHA1" << int(fg::SmCipher::TripleDes)
                                                  << "active authentication (RSA 1024, ISO/IEC 9796-2, SHA-1)";
        QTest::newRow("RSA 2048 SHA-1 (BC), AES") << "rsa2048" << "SHA1" << int(fg::SmCipher::Aes128)
                                                 << "active authentication (RSA 2048, ISO/IEC 9796-2, SHA-1)";
        QTest::newRow("RSA 2048 SHA-256 (34CC), AES") << "rsa2048" << "SHA256" << int(fg::SmCipher::Aes128)
                                                     << "active authentication (RSA 2048, ISO/IEC 9796-2, SHA-256)";
        QTest::newRow("RSA 1536 SHA-512 (35CC), 3DES") << "rsa1536" << "SHA512" << int(fg::SmCipher::TripleDes)
                                                      << "active authentication (RSA 1536, ISO/IEC 9796-2, SHA-512)";
        QTest::newRow("ECDSA P-256 SHA-256") << "prime256v1" << "SHA256" << int(fg::SmCipher::Aes128)
                                             << "active authentication (ECDSA NIST P-256, SHA-256)";
        QTest::newRow("ECDSA brainpoolP256r1 SHA-256") << "brainpoolP256r1" << "SHA256" << int(fg::SmCipher::TripleDes)
                                                       << "active authentication (ECDSA brainpoolP256r1, SHA-256)";
        QTest::newRow("ECDSA brainpoolP384r1 SHA-384") << "brainpoolP384r1" << "SHA384" << int(fg::SmCipher::Aes256)
                                                       << "active authentication (ECDSA brainpoolP384r1, SHA-384)";
    }
    void roundTrip()
    {
        QFETCH(QString, kind);
        QFETCH(QString, hash);
        QFETCH(int, cipher);
        QFETCH(QString, method);
        const fg::EvpKey key = keyOf(kind);
        QVERIFY(key);
        QString error;
        const auto chip = ActiveAuthenticationChip::create(key, hash, &error);
        QVERIFY2(chip, qPrintable(error));
        auto terminal = ActiveAuthentication::fromDg15(chip->dg15(), infoFor(kind, hash), &error);
        QVERIFY2(terminal, qPrintable(error));
        const CloneCheck check = runOverSession(*terminal, *chip, fg::SmCipher(cipher), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(CloneCheck::resultName(check.result), QStringLiteral("passed"));
        QCOMPARE(check.method, method);
        QVERIFY2(check.detail.contains(QLatin1String("DG15's private key")), qPrintable(check.detail));
    }

    // A chip that answers with another key than the one DG15 holds: a clone
    // with copied files and its own key.
    void wrongKey_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("hash");
        QTest::addColumn<QStringList>("expected"); // any of these: the clone's signature is random to our key
        const QStringList rsa = {QStringLiteral("ISO/IEC 9796-2"), QStringLiteral("refused the signature"),
                                 QStringLiteral("total message recovery"), QStringLiteral("did not sign this challenge")};
        QTest::newRow("RSA 1024") << "rsa1024" << "SHA1" << rsa;
        QTest::newRow("RSA 2048") << "rsa2048" << "SHA256" << rsa;
        QTest::newRow("P-256") << "prime256v1" << "SHA256" << QStringList{QStringLiteral("does not verify")};
        QTest::newRow("brainpoolP256r1") << "brainpoolP256r1" << "SHA256" << QStringList{QStringLiteral("does not verify")};
    }
    void wrongKey()
    {
        QFETCH(QString, kind);
        QFETCH(QString, hash);
        QFETCH(QStringList, expected);
        QString error;
        const auto genuine = ActiveAuthenticationChip::create(keyOf(kind), hash, &error);
        const auto clone = ActiveAuthenticationChip::create(keyOf(kind), hash, &error);
        QVERIFY2(genuine && clone, qPrintable(error));
        auto terminal = ActiveAuthentication::fromDg15(genuine->dg15(), infoFor(kind, hash), &error);
        QVERIFY2(terminal, qPrintable(error));
        for (int attempt = 0; attempt < 8; ++attempt) { // fresh challenges, fresh random answers
            const CloneCheck check = runOverSession(*terminal, *clone, fg::SmCipher::Aes128, &error);
            QCOMPARE(CloneCheck::resultName(check.result), QStringLiteral("failed"));
            QVERIFY2(check.detail.startsWith(QLatin1String("the chip did not prove it holds DG15's private key: ")),
                     qPrintable(check.detail));
            QVERIFY2(std::any_of(expected.cbegin(), expected.cend(),
                                 [&check](const QString& text) { return check.detail.contains(text); }),
                     qPrintable(check.detail));
        }
    }

    // The answer to one challenge replayed for another, a byte of the
    // signature altered, a signature cut short, a refusal.
    void tamperedAnswers_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("tamper");
        QTest::addColumn<QString>("expected");
        for (const char* kind : {"rsa1024", "brainpoolP256r1"}) {
            const bool rsa = QByteArray(kind).startsWith("rsa");
            QTest::addRow("%s replayed", kind) << kind << "replay"
                                               << (rsa ? "did not sign this challenge" : "does not verify");
            QTest::addRow("%s altered", kind) << kind << "alter" << (rsa ? "DG15's private key: " : "does not verify");
            QTest::addRow("%s cut short", kind) << kind << "cut" << (rsa ? "bytes for a 128-byte modulus" : "not 2 x 32");
            QTest::addRow("%s refused", kind) << kind << "refuse" << "INTERNAL AUTHENTICATE was refused (6982)";
            QTest::addRow("%s empty", kind) << kind << "empty" << "returned no signature";
        }
    }
    void tamperedAnswers()
    {
        QFETCH(QString, kind);
        QFETCH(QString, tamper);
        QFETCH(QString, expected);
        QString error;
        const QString hash = QStringLiteral("SHA256");
        const auto chip = ActiveAuthenticationChip::create(keyOf(kind), hash, &error);
        QVERIFY2(chip, qPrintable(error));
        auto terminal = ActiveAuthentication::fromDg15(chip->dg15(), infoFor(kind, hash), &error);
        QVERIFY2(terminal, qPrintable(error));
        terminal->useChallenge(hex("0102030405060708"));
        const auto command = terminal->command(&error);
        QVERIFY2(command, qPrintable(error));
        ResponseApdu answer = chip->answer(*command, &error);
        QVERIFY2(answer.isSuccess(), qPrintable(error));
        QByteArray signature = answer.data();
        if (tamper == QLatin1String("replay")) {
            terminal->useChallenge(hex("0102030405060709"));
            QVERIFY(terminal->command(&error));
        } else if (tamper == QLatin1String("alter")) {
            signature[signature.size() / 2] = char(signature[signature.size() / 2] ^ 0x01);
        } else if (tamper == QLatin1String("cut")) {
            signature.chop(1);
        }
        if (tamper == QLatin1String("refuse"))
            answer = ResponseApdu(QByteArray(), 0x6982);
        else if (tamper == QLatin1String("empty"))
            answer = ResponseApdu(QByteArray(), 0x9000);
        else
            answer = ResponseApdu(signature, 0x9000);
        const CloneCheck check = terminal->verify(answer);
        QCOMPARE(CloneCheck::resultName(check.result), QStringLiteral("failed"));
        QVERIFY2(check.detail.contains(expected), qPrintable(check.detail));
    }

    // Doc 9303 requires DG14's ActiveAuthenticationInfo for ECDSA; without
    // it SHA-256 is assumed (as JMRTD's verifier does), said in the detail,
    // and a chip hashing otherwise fails.
    void ecdsaWithoutInfo()
    {
        const fg::EvpKey key = rig::ecKey("prime256v1");
        QString error;
        const auto sha256Chip = ActiveAuthenticationChip::create(key, QStringLiteral("SHA256"), &error);
        auto terminal = ActiveAuthentication::fromDg15(sha256Chip->dg15(), std::nullopt, &error);
        QVERIFY2(terminal, qPrintable(error));
        CloneCheck check = runOverSession(*terminal, *sha256Chip, fg::SmCipher::Aes128, &error);
        QCOMPARE(check.result, CloneCheck::Result::Passed);
        QCOMPARE(check.method, QStringLiteral("active authentication (ECDSA NIST P-256, SHA-256)"));
        QVERIFY2(check.detail.contains(QLatin1String("SHA-256 assumed")), qPrintable(check.detail));

        const auto sha1Chip = ActiveAuthenticationChip::create(key, QStringLiteral("SHA1"), &error);
        check = runOverSession(*terminal, *sha1Chip, fg::SmCipher::Aes128, &error);
        QCOMPARE(check.result, CloneCheck::Result::Failed);
        QVERIFY2(check.detail.contains(QLatin1String("SHA-256 assumed")), qPrintable(check.detail));

        // With DG14's info naming SHA-1, the SHA-1 chip passes.
        terminal = ActiveAuthentication::fromDg15(sha1Chip->dg15(), infoFor(QStringLiteral("prime256v1"), "SHA1"), &error);
        QVERIFY2(terminal, qPrintable(error));
        check = runOverSession(*terminal, *sha1Chip, fg::SmCipher::Aes128, &error);
        QCOMPARE(check.result, CloneCheck::Result::Passed);
        QVERIFY(!check.detail.contains(QLatin1String("assumed")));
    }

    void refusesCreate_data()
    {
        QTest::addColumn<QByteArray>("dg15");
        QTest::addColumn<QByteArray>("aaAlgorithm");
        QTest::addColumn<QString>("expected");
        const QByteArray ec = fg::ChipPublicKey::encodeDg15(rig::ecKey("prime256v1").get());
        QTest::newRow("ecdsa-plain-RIPEMD160") << ec << hex("04007F00070101040106") << "not ecdsa-plain-SHA1..512";
        QTest::newRow("ecdsa-with-SHA256 (X9.62)") << ec << hex("2A8648CE3D040302") << "not ecdsa-plain-SHA1..512";
        QTest::newRow("malformed DG15") << hex("6F03300100") << QByteArray() << "active authentication: DG15";
    }
    void refusesCreate()
    {
        QFETCH(QByteArray, dg15);
        QFETCH(QByteArray, aaAlgorithm);
        QFETCH(QString, expected);
        std::optional<ActiveAuthenticationInfo> info;
        if (!aaAlgorithm.isEmpty())
            info = ActiveAuthenticationInfo{1, aaAlgorithm};
        QString error;
        QVERIFY(!ActiveAuthentication::fromDg15(dg15, info, &error));
        QVERIFY2(error.contains(expected), qPrintable(error));
    }

    // The chip refuses what is not INTERNAL AUTHENTICATE with 8 bytes.
    void chipRefuses()
    {
        QString error;
        const auto chip = ActiveAuthenticationChip::create(rig::rsaKey(1024), QStringLiteral("SHA1"), &error);
        QVERIFY2(chip, qPrintable(error));
        QCOMPARE(chip->answer(CommandApdu(0, 0x88, 0, 0, hex("01020304050607"), 256), &error).status(), 0x6700);
        QVERIFY2(error.contains(QLatin1String("7 bytes, not 8")), qPrintable(error));
        QCOMPARE(chip->answer(CommandApdu(0, 0x88, 1, 0, hex("0102030405060708"), 256), &error).status(), 0x6B00);
        QVERIFY(!ActiveAuthenticationChip::create(rig::rsaKey(1024), QStringLiteral("MD5"), &error));
        QVERIFY(!ActiveAuthenticationChip::create(rig::dhKey("dh_1024_160"), QStringLiteral("SHA1"), &error));
    }

    // The worked example's representative F: M1 and the hash recovered.
    void doc9303WorkedExample()
    {
        QCOMPARE(kAaF, QByteArray::fromHex("6A") + kAaM1 + kAaHash + QByteArray::fromHex("BC"));
        QCOMPARE(QCryptographicHash::hash(kAaM1 + kAaChallenge, QCryptographicHash::Sha1), kAaHash);
        QString error;
        const auto recovered = fg::Iso9796Signature::recover(kAaF, kAaChallenge, &error);
        QVERIFY2(recovered, qPrintable(error));
        QCOMPARE(recovered->m1, kAaM1);
        QCOMPARE(recovered->hashName, QStringLiteral("SHA1"));
        QVERIFY(recovered->implicitTrailer);
        // Another challenge: the hash no longer matches.
        QVERIFY(!fg::Iso9796Signature::recover(kAaF, QByteArray::fromHex("F173589974BF40C7"), &error));
        QVERIFY2(error.contains(QLatin1String("did not sign this challenge")), qPrintable(error));

        // The whole terminal side on the example's F, signed with a key of
        // our own (the example has none): s = F^d mod n, checked through
        // INTERNAL AUTHENTICATE's answer.
        const fg::EvpKey key = rig::rsaKey(1024);
        auto terminal = ActiveAuthentication::fromDg15(fg::ChipPublicKey::encodeDg15(key.get()), std::nullopt, &error);
        QVERIFY2(terminal, qPrintable(error));
        terminal->useChallenge(kAaChallenge);
        const auto command = terminal->command(&error);
        QCOMPARE(command->encode(), QByteArray::fromHex("0088000008F173589974BF40C600"));
        const QByteArray signature = rawRsaSign(key, kAaF);
        QCOMPARE(signature.size(), 128);
        const CloneCheck check = terminal->verify(ResponseApdu(signature, 0x9000));
        QCOMPARE(check.result, CloneCheck::Result::Passed);
        QCOMPARE(check.method, QStringLiteral("active authentication (RSA 1024, ISO/IEC 9796-2, SHA-1)"));
    }

    // ISO/IEC 9796-2's message representative, built here by hand with Qt's
    // own SHA-1 and SHA-256 (an implementation independent of the one tested).
    void iso9796Recovery()
    {
        const QByteArray m1 = QByteArray(106, '\x11');
        const QByteArray m2 = hex("F173589974BF40C6");
        const QByteArray sha1 = QCryptographicHash::hash(m1 + m2, QCryptographicHash::Sha1);
        const QByteArray j = hex("6A") + m1 + sha1 + hex("BC");
        QCOMPARE(j.size(), 128);
        QString error;
        auto recovered = fg::Iso9796Signature::recover(j, m2, &error);
        QVERIFY2(recovered, qPrintable(error));
        QCOMPARE(recovered->m1, m1);
        QCOMPARE(recovered->hashName, QStringLiteral("SHA1"));
        QVERIFY(recovered->implicitTrailer);

        const QByteArray m1b = QByteArray(93, '\x22');
        const QByteArray sha256 = QCryptographicHash::hash(m1b + m2, QCryptographicHash::Sha256);
        recovered = fg::Iso9796Signature::recover(hex("6A") + m1b + sha256 + hex("34CC"), m2, &error);
        QVERIFY2(recovered, qPrintable(error));
        QCOMPARE(recovered->hashName, QStringLiteral("SHA256"));
        QCOMPARE(recovered->m1, m1b);

        // Padding BB..BA before a shorter M1.
        const QByteArray shortM1 = QByteArray(100, '\x33');
        const QByteArray padded = hex("6BBBBBBBBBBA") + shortM1
            + QCryptographicHash::hash(shortM1 + m2, QCryptographicHash::Sha1) + hex("BC");
        recovered = fg::Iso9796Signature::recover(padded, m2, &error);
        QVERIFY2(recovered, qPrintable(error));
        QCOMPARE(recovered->m1, shortM1);

        // What must be refused.
        const struct {
            QByteArray j;
            const char* expected;
        } bad[] = {
            {hex("4A") + m1 + sha1 + hex("BC"), "total message recovery"},
            {hex("2A") + m1 + sha1 + hex("BC"), "header"},
            {hex("6A") + m1 + sha1 + hex("BD"), "not an ISO/IEC 9796-2 trailer"},
            {hex("6A") + m1.left(105) + sha1 + hex("31CC"), "hash identifier 31"},
            {hex("6C") + m1 + sha1 + hex("BC"), "padding"},
            {hex("6BBBBB") + m1.left(104) + sha1 + hex("BC"), "padding"},
            {hex("6A") + sha1 + hex("BC"), "no room for M1"},
            {hex("6A") + m1 + QByteArray(20, '\0') + hex("BC"), "did not sign this challenge"},
        };
        for (const auto& row : bad) {
            QVERIFY2(!fg::Iso9796Signature::recover(row.j, m2, &error), row.expected);
            QVERIFY2(error.contains(QLatin1String(row.expected)), qPrintable(error));
        }
    }

    // A representative of total recovery, or an unknown trailer, signed with
    // the right key, still fails: the key alone proves nothing about the challenge.
    void rsaWithBadRepresentative()
    {
        const fg::EvpKey key = rig::rsaKey(1024);
        QString error;
        auto terminal = ActiveAuthentication::fromDg15(fg::ChipPublicKey::encodeDg15(key.get()), std::nullopt, &error);
        terminal->useChallenge(hex("0102030405060708"));
        QVERIFY(terminal->command(&error));
        const QByteArray m1(106, '\x44');
        const QByteArray sha1 = QCryptographicHash::hash(m1 + terminal->challenge(), QCryptographicHash::Sha1);
        const QByteArray good = rawRsaSign(key, hex("6A") + m1 + sha1 + hex("BC"));
        QCOMPARE(terminal->verify(ResponseApdu(good, 0x9000)).result, CloneCheck::Result::Passed);
        const QByteArray total = rawRsaSign(key, hex("4A") + m1 + sha1 + hex("BC"));
        CloneCheck check = terminal->verify(ResponseApdu(total, 0x9000));
        QCOMPARE(check.result, CloneCheck::Result::Failed);
        QVERIFY2(check.detail.contains(QLatin1String("total message recovery")), qPrintable(check.detail));
        // A signature value not below the modulus.
        check = terminal->verify(ResponseApdu(QByteArray(128, '\xFF'), 0x9000));
        QCOMPARE(check.result, CloneCheck::Result::Failed);
        QVERIFY2(check.detail.contains(QLatin1String("refused the signature")), qPrintable(check.detail));
    }

    void notOffered()
    {
        const CloneCheck check = fg::cloneCheckNotOffered();
        QCOMPARE(CloneCheck::resultName(check.result), QStringLiteral("not-offered"));
        QVERIFY(check.detail.contains(QLatin1String("neither chip authentication")));
    }
};

QTEST_GUILESS_MAIN(TestActiveAuthentication)
#include "tst_activeauthentication.moc"
