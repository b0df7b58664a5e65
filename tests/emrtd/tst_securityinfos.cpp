#include "core/documents/emrtd/ChipPublicKey.h"
#include "core/documents/emrtd/SecurityInfos.h"

#include "tests/emrtd/CloneCheckRig.h"

#include <QTest>

using fg::ChipAuthenticationInfo;
using fg::ChipAuthenticationPublicKeyInfo;
using fg::ChipPublicKey;
using fg::SecurityInfos;
using fg::SmCipher;

namespace {

QByteArray hex(const char* text)
{
    return QByteArray::fromHex(QByteArray(text));
}

ChipAuthenticationInfo caInfo(SmCipher cipher, std::optional<int> keyId = std::nullopt)
{
    ChipAuthenticationInfo info;
    info.agreement = ChipAuthenticationInfo::Agreement::Ecdh;
    info.cipher = cipher;
    info.keyId = keyId;
    return info;
}

// 6E { 31 { securityInfos } } from the DER of each SecurityInfo.
QByteArray dg14Of(const QByteArray& infos)
{
    const QByteArray set = fg::BerTlv::primitive(0x31, infos).encode();
    return fg::BerTlv::primitive(0x6E, set).encode();
}

fg::BerTlv oid(const char* text)
{
    return fg::BerTlv::primitive(0x06, hex(text));
}

fg::BerTlv integer(const char* text)
{
    return fg::BerTlv::primitive(0x02, hex(text));
}

QByteArray sequence(std::vector<fg::BerTlv> fields)
{
    return fg::BerTlv::constructed(0x30, std::move(fields)).encode();
}

const char* const kCaEcdhAes128 = "04007F00070202030202";
const char* const kAa = "678108010105";
const char* const kEcdsaPlainSha256 = "04007F00070101040103";

} // namespace

class TestSecurityInfos : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void roundTripNamedCurve_data()
    {
        QTest::addColumn<int>("cipher");
        QTest::addColumn<QString>("name");
        QTest::newRow("3DES") << int(SmCipher::TripleDes) << "id-CA-ECDH-3DES-CBC-CBC";
        QTest::newRow("AES-128") << int(SmCipher::Aes128) << "id-CA-ECDH-AES-CBC-CMAC-128";
        QTest::newRow("AES-192") << int(SmCipher::Aes192) << "id-CA-ECDH-AES-CBC-CMAC-192";
        QTest::newRow("AES-256") << int(SmCipher::Aes256) << "id-CA-ECDH-AES-CBC-CMAC-256";
    }
    void roundTripNamedCurve()
    {
        QFETCH(int, cipher);
        QFETCH(QString, name);
        const fg::EvpKey key = rig::ecKey("brainpoolP256r1");
        QVERIFY(key);
        const QByteArray dg14 = SecurityInfos::encodeDg14(caInfo(SmCipher(cipher), 1), key.get(), false,
                                                          fg::ActiveAuthenticationInfo::ecdsaPlainOid("SHA256"));
        QVERIFY(!dg14.isEmpty());
        QString error;
        const auto infos = SecurityInfos::fromDg14(dg14, &error);
        QVERIFY2(infos, qPrintable(error));
        QCOMPARE(infos->chipAuthentication.size(), size_t(1));
        const ChipAuthenticationInfo& info = infos->chipAuthentication.front();
        QCOMPARE(info.name(), name);
        QCOMPARE(int(info.cipher), cipher);
        QCOMPARE(info.version, 1);
        QCOMPARE(info.keyId, std::optional<int>(1));
        QCOMPARE(infos->chipAuthenticationKeys.size(), size_t(1));
        QCOMPARE(infos->chipAuthenticationKeys.front().keyId, std::optional<int>(1));
        const auto publicKey = ChipPublicKey::fromSubjectPublicKeyInfo(
            infos->chipAuthenticationKeys.front().subjectPublicKeyInfo, &error);
        QVERIFY2(publicKey, qPrintable(error));
        QCOMPARE(publicKey->type(), ChipPublicKey::Type::Ec);
        QCOMPARE(publicKey->curveName(), QStringLiteral("brainpoolP256r1"));
        QCOMPARE(EVP_PKEY_eq(publicKey->key().get(), key.get()), 1);
        QVERIFY(infos->activeAuthentication);
        QCOMPARE(infos->activeAuthentication->hashName(), QStringLiteral("SHA256"));
        // ecdsa-plain-SHA256 is 0.4.0.127.0.7.1.1.4.1.3
        QCOMPARE(infos->activeAuthentication->signatureAlgorithm, hex("04007F00070101040103"));
    }

    // TR-03111's explicit ECParameters (what many passports carry): the
    // curve is still recognized by name, and the key is the same.
    void explicitDomainParameters()
    {
        const fg::EvpKey key = rig::ecKey("brainpoolP256r1");
        const QByteArray dg14 = SecurityInfos::encodeDg14(caInfo(SmCipher::Aes128), key.get(), true);
        const QByteArray named = SecurityInfos::encodeDg14(caInfo(SmCipher::Aes128), key.get(), false);
        QVERIFY(dg14.size() > named.size() + 100); // p, a, b, G, n, h written out
        QString error;
        const auto infos = SecurityInfos::fromDg14(dg14, &error);
        QVERIFY2(infos, qPrintable(error));
        const auto publicKey = ChipPublicKey::fromSubjectPublicKeyInfo(
            infos->chipAuthenticationKeys.front().subjectPublicKeyInfo, &error);
        QVERIFY2(publicKey, qPrintable(error));
        QCOMPARE(publicKey->type(), ChipPublicKey::Type::Ec);
        QCOMPARE(publicKey->bits(), 256);
        QCOMPARE(publicKey->curveName(), QStringLiteral("brainpoolP256r1")); // OpenSSL matches the parameters
        QCOMPARE(EVP_PKEY_eq(publicKey->key().get(), key.get()), 1);
        QVERIFY(!infos->chipAuthentication.front().keyId);
    }

    void dhKey()
    {
        const fg::EvpKey key = rig::dhKey("dh_1024_160");
        QVERIFY(key);
        ChipAuthenticationInfo info = caInfo(SmCipher::TripleDes);
        info.agreement = ChipAuthenticationInfo::Agreement::Dh;
        QString error;
        const auto infos = SecurityInfos::fromDg14(SecurityInfos::encodeDg14(info, key.get()), &error);
        QVERIFY2(infos, qPrintable(error));
        QCOMPARE(infos->chipAuthentication.front().name(), QStringLiteral("id-CA-DH-3DES-CBC-CBC"));
        QCOMPARE(infos->chipAuthenticationKeys.front().agreement, ChipAuthenticationInfo::Agreement::Dh);
        const auto publicKey = ChipPublicKey::fromSubjectPublicKeyInfo(
            infos->chipAuthenticationKeys.front().subjectPublicKeyInfo, &error);
        QVERIFY2(publicKey, qPrintable(error));
        QCOMPARE(publicKey->type(), ChipPublicKey::Type::Dh);
        QCOMPARE(publicKey->description(), QStringLiteral("DH 1024"));
    }

    // A PACEInfo (as DG14 may repeat EF.CardAccess), a terminal
    // authentication info and an unknown protocol are skipped.
    void skipsOtherInfos()
    {
        const QByteArray pace = sequence({oid("04007F0007020204020A"), integer("02"), integer("0D")});
        const QByteArray ta = sequence({oid("04007F0007020202"), integer("01")});
        const QByteArray unknown = sequence({oid("2A0304"), fg::BerTlv::primitive(0x05, {})});
        const QByteArray ca = sequence({oid(kCaEcdhAes128), integer("01"), integer("02")});
        QString error;
        const auto infos = SecurityInfos::fromDg14(dg14Of(pace + ta + unknown + ca), &error);
        QVERIFY2(infos, qPrintable(error));
        QCOMPARE(infos->skipped, 3);
        QCOMPARE(infos->chipAuthentication.size(), size_t(1));
        QCOMPARE(infos->chipAuthentication.front().keyId, std::optional<int>(2));
        QVERIFY(!infos->offersChipAuthentication()); // no public key
        QVERIFY(!infos->activeAuthentication);
    }

    void refusesMalformedDg14_data()
    {
        QTest::addColumn<QByteArray>("dg14");
        QTest::addColumn<QString>("expected");
        const QByteArray ca = sequence({oid(kCaEcdhAes128), integer("01"), integer("02")});
        QTest::newRow("empty") << QByteArray() << "DG14: malformed";
        QTest::newRow("DG15's tag") << fg::BerTlv::primitive(0x6F, hex("3100")).encode() << "not 6E";
        QTest::newRow("no SET") << fg::BerTlv::primitive(0x6E, hex("3000")).encode() << "exactly one SET";
        QTest::newRow("length past the end") << hex("6E0A3108300606") << "DG14: malformed";
        QTest::newRow("trailing bytes") << dg14Of(ca) + hex("00") << "DG14: malformed";
        QTest::newRow("not a SecurityInfo") << dg14Of(hex("020101")) << "not a SecurityInfo";
        QTest::newRow("OID alone") << dg14Of(sequence({oid(kCaEcdhAes128)})) << "not a SecurityInfo";
        QTest::newRow("CA version 2") << dg14Of(sequence({oid(kCaEcdhAes128), integer("02")})) << "no version 1";
        QTest::newRow("CA version not an INTEGER")
            << dg14Of(sequence({oid(kCaEcdhAes128), fg::BerTlv::primitive(0x04, hex("01"))})) << "no version 1";
        QTest::newRow("CA unknown cipher") << dg14Of(sequence({oid("04007F00070202030209"), integer("01")}))
                                           << "unknown cipher";
        QTest::newRow("CA unknown agreement") << dg14Of(sequence({oid("04007F00070202030302"), integer("01")}))
                                              << "unknown protocol";
        QTest::newRow("CA negative keyId") << dg14Of(sequence({oid(kCaEcdhAes128), integer("01"), integer("FF")}))
                                           << "malformed keyId";
        QTest::newRow("CA keyId of 5 bytes")
            << dg14Of(sequence({oid(kCaEcdhAes128), integer("01"), integer("0102030405")})) << "malformed keyId";
        QTest::newRow("CA empty keyId") << dg14Of(sequence({oid(kCaEcdhAes128), integer("01"), integer("")}))
                                        << "malformed keyId";
        QTest::newRow("CA too many fields")
            << dg14Of(sequence({oid(kCaEcdhAes128), integer("01"), integer("01"), integer("01")})) << "at most 3";
        QTest::newRow("PK without SEQUENCE")
            << dg14Of(sequence({oid("04007F000702020102"), fg::BerTlv::primitive(0x04, hex("01"))}))
            << "SubjectPublicKeyInfo";
        QTest::newRow("PK malformed keyId")
            << dg14Of(sequence({oid("04007F000702020102"), fg::BerTlv::constructed(0x30, {}), integer("80")}))
            << "malformed keyId";
        QTest::newRow("AA version 2") << dg14Of(sequence({oid(kAa), integer("02"), oid(kEcdsaPlainSha256)}))
                                      << "ActiveAuthenticationInfo";
        QTest::newRow("AA without algorithm") << dg14Of(sequence({oid(kAa), integer("01")}))
                                              << "ActiveAuthenticationInfo";
        QTest::newRow("AA twice") << dg14Of(sequence({oid(kAa), integer("01"), oid(kEcdsaPlainSha256)})
                                            + sequence({oid(kAa), integer("01"), oid(kEcdsaPlainSha256)}))
                                  << "a second ActiveAuthenticationInfo";
        QByteArray many;
        for (int i = 0; i <= SecurityInfos::kMaxInfos; ++i)
            many += ca;
        QTest::newRow("too many infos") << dg14Of(many) << "at most 64";
    }
    void refusesMalformedDg14()
    {
        QFETCH(QByteArray, dg14);
        QFETCH(QString, expected);
        QString error;
        QVERIFY(!SecurityInfos::fromDg14(dg14, &error));
        QVERIFY2(error.contains(expected), qPrintable(error));
        QVERIFY2(error.startsWith(QLatin1String("DG14: ")), qPrintable(error));
    }

    void dg15RoundTrip_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("description");
        QTest::newRow("RSA 1024") << "rsa1024" << "RSA 1024";
        QTest::newRow("RSA 2048") << "rsa2048" << "RSA 2048";
        QTest::newRow("P-256") << "prime256v1" << "EC NIST P-256";
        QTest::newRow("brainpoolP256r1") << "brainpoolP256r1" << "EC brainpoolP256r1";
    }
    void dg15RoundTrip()
    {
        QFETCH(QString, kind);
        QFETCH(QString, description);
        const fg::EvpKey key = kind.startsWith(QLatin1String("rsa")) ? rig::rsaKey(kind.mid(3).toUInt())
                                                                     : rig::ecKey(qPrintable(kind));
        QVERIFY(key);
        const QByteArray dg15 = ChipPublicKey::encodeDg15(key.get());
        QCOMPARE(dg15.front(), '\x6F');
        QString error;
        const auto publicKey = ChipPublicKey::fromDg15(dg15, &error);
        QVERIFY2(publicKey, qPrintable(error));
        QCOMPARE(publicKey->description(), description);
        QCOMPARE(EVP_PKEY_eq(publicKey->key().get(), key.get()), 1);
    }

    // Every single-byte change and every truncation of a DG14 with explicit
    // parameters and of a DG15: parsed or refused with a reason, never a
    // crash (the sanitizer build and the fuzz target see the same code).
    void survivesMutations()
    {
        const fg::EvpKey ec = rig::ecKey("brainpoolP256r1");
        const QByteArray dg14 = SecurityInfos::encodeDg14(caInfo(SmCipher::Aes128, 1), ec.get(), true,
                                                          fg::ActiveAuthenticationInfo::ecdsaPlainOid("SHA256"));
        const QByteArray dg15 = ChipPublicKey::encodeDg15(rig::rsaKey(1024).get());
        int refused = 0;
        int parsed = 0;
        const auto check = [&](const QByteArray& bytes, bool isDg14) {
            QString error;
            bool ok = false;
            if (isDg14) {
                const auto infos = SecurityInfos::fromDg14(bytes, &error);
                ok = infos.has_value();
                if (infos)
                    for (const auto& key : infos->chipAuthenticationKeys)
                        ChipPublicKey::fromSubjectPublicKeyInfo(key.subjectPublicKeyInfo, &error);
            } else {
                ok = ChipPublicKey::fromDg15(bytes, &error).has_value();
            }
            if (ok) {
                ++parsed;
            } else {
                ++refused;
                QVERIFY(!error.isEmpty());
            }
        };
        for (const bool isDg14 : {true, false}) {
            const QByteArray& file = isDg14 ? dg14 : dg15;
            for (qsizetype i = 0; i < file.size(); ++i) {
                for (const char mask : {'\x01', '\x80', '\xFF'}) {
                    QByteArray mutated = file;
                    mutated[i] = char(mutated[i] ^ mask);
                    check(mutated, isDg14);
                }
                check(file.left(i), isDg14);
            }
        }
        QVERIFY(refused > 0);
        QVERIFY(parsed > 0); // a changed key byte or keyId still parses
    }

    void refusesMalformedDg15_data()
    {
        QTest::addColumn<QByteArray>("dg15");
        QTest::addColumn<QString>("expected");
        const QByteArray spki = ChipPublicKey::encodeSubjectPublicKeyInfo(rig::ecKey("prime256v1").get());
        const QByteArray small = ChipPublicKey::encodeSubjectPublicKeyInfo(rig::rsaKey(512).get());
        const QByteArray dh = ChipPublicKey::encodeSubjectPublicKeyInfo(rig::dhKey("dh_1024_160").get());
        QTest::newRow("empty") << QByteArray() << "DG15 is malformed";
        QTest::newRow("DG14's tag") << fg::BerTlv::primitive(0x6E, spki).encode() << "not 6F";
        QTest::newRow("not a key") << fg::BerTlv::primitive(0x6F, hex("300302010A")).encode()
                                   << "not a readable SubjectPublicKeyInfo";
        QTest::newRow("bytes after the key") << fg::BerTlv::primitive(0x6F, spki + hex("0500")).encode()
                                             << "follow the SubjectPublicKeyInfo";
        QTest::newRow("cut short") << fg::BerTlv::primitive(0x6F, spki.left(spki.size() - 5)).encode()
                                   << "DG15 is malformed";
        QTest::newRow("RSA 512") << fg::BerTlv::primitive(0x6F, small).encode() << "an RSA key of 512 bits";
        QTest::newRow("DH") << fg::BerTlv::primitive(0x6F, dh).encode() << "cannot sign";
        QTest::newRow("trailing bytes") << fg::BerTlv::primitive(0x6F, spki).encode() + hex("9000")
                                        << "DG15 is malformed";
    }
    void refusesMalformedDg15()
    {
        QFETCH(QByteArray, dg15);
        QFETCH(QString, expected);
        QString error;
        QVERIFY(!ChipPublicKey::fromDg15(dg15, &error));
        QVERIFY2(error.contains(expected), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestSecurityInfos)
#include "tst_securityinfos.moc"
