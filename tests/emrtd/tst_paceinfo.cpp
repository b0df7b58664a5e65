#include "core/documents/emrtd/PaceInfo.h"

#include "tests/emrtd/Doc9303Vectors.h"

#include <QTest>

#include <openssl/obj_mac.h>

using doc9303::hex;
using fg::PaceInfo;
using fg::SmCipher;

Q_DECLARE_METATYPE(fg::SmCipher)
Q_DECLARE_METATYPE(fg::PaceInfo::Mapping)
Q_DECLARE_METATYPE(fg::PaceInfo::Agreement)

class TestPaceInfo : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // The PACE object identifiers of Doc 9303 part 11, 9.2.1 (as BSI TR-03110
    // defines them), 0.4.0.127.0.7.2.2.4.<mapping>.<cipher>.
    void identifiers_data()
    {
        QTest::addColumn<QByteArray>("oid");
        QTest::addColumn<PaceInfo::Mapping>("mapping");
        QTest::addColumn<PaceInfo::Agreement>("agreement");
        QTest::addColumn<SmCipher>("cipher");
        QTest::addColumn<QString>("name");
        QTest::newRow("G.1") << doc9303::kPaceOid << PaceInfo::Mapping::Generic << PaceInfo::Agreement::Ecdh
                             << SmCipher::Aes128 << "id-PACE-ECDH-GM-AES-CBC-CMAC-128";
        QTest::newRow("DH-GM 3DES") << hex("04007F00070202040101") << PaceInfo::Mapping::Generic << PaceInfo::Agreement::Dh
                                    << SmCipher::TripleDes << "id-PACE-DH-GM-3DES-CBC-CBC";
        QTest::newRow("ECDH-GM 3DES") << hex("04007F00070202040201") << PaceInfo::Mapping::Generic
                                      << PaceInfo::Agreement::Ecdh << SmCipher::TripleDes << "id-PACE-ECDH-GM-3DES-CBC-CBC";
        QTest::newRow("ECDH-GM AES-256") << hex("04007F00070202040204") << PaceInfo::Mapping::Generic
                                         << PaceInfo::Agreement::Ecdh << SmCipher::Aes256 << "id-PACE-ECDH-GM-AES-CBC-CMAC-256";
        QTest::newRow("ECDH-IM AES-192") << hex("04007F00070202040403") << PaceInfo::Mapping::Integrated
                                         << PaceInfo::Agreement::Ecdh << SmCipher::Aes192 << "id-PACE-ECDH-IM-AES-CBC-CMAC-192";
        QTest::newRow("ECDH-CAM AES-128") << hex("04007F00070202040602") << PaceInfo::Mapping::ChipAuthentication
                                          << PaceInfo::Agreement::Ecdh << SmCipher::Aes128 << "id-PACE-ECDH-CAM-AES-CBC-CMAC-128";
    }
    void identifiers()
    {
        QFETCH(QByteArray, oid);
        QFETCH(PaceInfo::Mapping, mapping);
        QFETCH(PaceInfo::Agreement, agreement);
        QFETCH(SmCipher, cipher);
        QFETCH(QString, name);
        QString error;
        const auto info = PaceInfo::fromOid(oid, 13, &error);
        QVERIFY2(info, qPrintable(error));
        QCOMPARE(info->mapping(), mapping);
        QCOMPARE(info->agreement(), agreement);
        QCOMPARE(info->cipher(), cipher);
        QCOMPARE(info->name(), name);
        QCOMPARE(info->oid(), oid);
        QCOMPARE(info->isSupported(), mapping == PaceInfo::Mapping::Generic && agreement == PaceInfo::Agreement::Ecdh);
    }

    void refusesIdentifiers()
    {
        QString error;
        QVERIFY(!PaceInfo::fromOid(hex("04007F000702020302"), 13, &error)); // chip authentication
        QCOMPARE(error, QStringLiteral("PACE: 04007F000702020302 is not a PACE protocol identifier"));
        QVERIFY(!PaceInfo::fromOid(hex("04007F00070202040502"), 13, &error));
        QCOMPARE(error, QStringLiteral("PACE: 04007F00070202040502: no PACE mapping 5 in Doc 9303"));
        QVERIFY(!PaceInfo::fromOid(hex("04007F00070202040205"), 13, &error));
        QCOMPARE(error, QStringLiteral("PACE: 04007F00070202040205: no PACE cipher 5 in Doc 9303"));
        QVERIFY(!PaceInfo::fromOid(hex("04007F00070202040601"), 13, &error));
        QCOMPARE(error, QStringLiteral("PACE: 04007F00070202040601: PACE-CAM has no 3DES variant"));
    }

    // Doc 9303 part 11 G.1's EF.CardAccess: one PACEInfo, ECDH-GM AES-128 on
    // brainpoolP256r1 (gmrtd's pace_test.go; a TypeScript reader's test).
    void cardAccessOfG1()
    {
        QString error;
        const auto infos = PaceInfo::fromCardAccess(doc9303::kCardAccess, &error);
        QVERIFY2(infos, qPrintable(error));
        QCOMPARE(infos->size(), size_t(1));
        const PaceInfo& info = infos->front();
        QCOMPARE(info.oid(), doc9303::kPaceOid);
        QCOMPARE(info.parameterId(), std::optional<int>(13));
        QCOMPARE(info.curveNid(), NID_brainpoolP256r1);
        QCOMPARE(PaceInfo::domainParameterName(13), QStringLiteral("brainpoolP256r1"));
        QVERIFY(info.isSupported());
    }

    // An EF.CardAccess with PACE-GM and PACE-CAM on brainpoolP384r1 (16), from
    // gmrtd's pace_test.go (TestSelectPaceConfig), and one with a chip
    // authentication SecurityInfo first, which is skipped.
    void cardAccessWithSeveral()
    {
        QString error;
        const auto infos = PaceInfo::fromCardAccess(
            hex("31283012060a04007f000702020402040201020201103012060a04007f00070202040604020102020110"), &error);
        QVERIFY2(infos, qPrintable(error));
        QCOMPARE(infos->size(), size_t(2));
        QCOMPARE(infos->at(0).name(), QStringLiteral("id-PACE-ECDH-GM-AES-CBC-CMAC-256"));
        QCOMPARE(infos->at(0).curveNid(), NID_brainpoolP384r1);
        QCOMPARE(infos->at(1).name(), QStringLiteral("id-PACE-ECDH-CAM-AES-CBC-CMAC-256"));
        QVERIFY(!infos->at(1).isSupported());

        const auto mixed = PaceInfo::fromCardAccess(hex("3125300F060A04007F0007020203020202010130" "12060A04007F0007020204020202010202010C"), &error);
        QVERIFY2(mixed, qPrintable(error));
        QCOMPARE(mixed->size(), size_t(1));
        QCOMPARE(mixed->front().curveNid(), NID_X9_62_prime256v1);
    }

    void refusesCardAccess_data()
    {
        QTest::addColumn<QByteArray>("file");
        QTest::addColumn<QString>("expected");
        QTest::newRow("not BER-TLV") << hex("3180") << "PACE: EF.CardAccess is malformed: BER-TLV: indefinite length";
        QTest::newRow("not a SET") << hex("3000") << "PACE: EF.CardAccess starts with tag 30, not a SET (31)";
        QTest::newRow("version 1") << hex("3111300F060A04007F00070202040202020101")
                                   << "PACE: a PACEInfo at offset 2 has no version 2";
        QTest::newRow("no version") << hex("310E300C060A04007F00070202040202") << "PACE: a PACEInfo at offset 2 has no version 2";
        QTest::newRow("negative parameter") << hex("3114301206" "0A04007F00070202040202020102020180")
                                            << "PACE: a PACEInfo at offset 2 has a malformed parameterId";
    }
    void refusesCardAccess()
    {
        QFETCH(QByteArray, file);
        QFETCH(QString, expected);
        QString error;
        QVERIFY(!PaceInfo::fromCardAccess(file, &error));
        QVERIFY2(error.startsWith(expected), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestPaceInfo)
#include "tst_paceinfo.moc"
