#include "core/documents/emrtd/PaceEcdhMapping.h"
#include "core/documents/emrtd/PaceInfo.h"

#include "tests/emrtd/Doc9303Vectors.h"

#include <QTest>

#include <openssl/obj_mac.h>

using doc9303::hex;
using fg::PaceEcdhMapping;

class TestPaceEcdhMapping : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // Doc 9303 part 11 G.1, brainpoolP256r1, every intermediate value, from
    // the terminal's side and from the chip's.
    void doc9303()
    {
        QString error;
        auto terminal = PaceEcdhMapping::forCurve(NID_brainpoolP256r1, &error);
        auto chip = PaceEcdhMapping::forCurve(NID_brainpoolP256r1, &error);
        QVERIFY2(terminal && chip, qPrintable(error));
        QCOMPARE(terminal->fieldBytes(), 32);

        QCOMPARE(*terminal->setMappingKey(doc9303::kMapPrivateIfd, &error), doc9303::kMapPublicIfd);
        QCOMPARE(*chip->setMappingKey(doc9303::kMapPrivateIc, &error), doc9303::kMapPublicIc);
        QVERIFY2(terminal->mapGenerator(doc9303::kNonce, doc9303::kMapPublicIc, &error), qPrintable(error));
        QVERIFY2(chip->mapGenerator(doc9303::kNonce, doc9303::kMapPublicIfd, &error), qPrintable(error));
        QCOMPARE(terminal->sharedPointH(), doc9303::kSharedPointH);
        QCOMPARE(chip->sharedPointH(), doc9303::kSharedPointH);
        QCOMPARE(terminal->mappedGenerator(), doc9303::kMappedGenerator);
        QCOMPARE(chip->mappedGenerator(), doc9303::kMappedGenerator);

        QCOMPARE(*terminal->setAgreementKey(doc9303::kDhPrivateIfd, &error), doc9303::kDhPublicIfd);
        QCOMPARE(*chip->setAgreementKey(doc9303::kDhPrivateIc, &error), doc9303::kDhPublicIc);
        const auto terminalSecret = terminal->sharedSecret(doc9303::kDhPublicIc, &error);
        QVERIFY2(terminalSecret, qPrintable(error));
        QCOMPARE(terminalSecret->view().toByteArray(), doc9303::kPaceSharedSecret);
        const auto chipSecret = chip->sharedSecret(doc9303::kDhPublicIfd, &error);
        QVERIFY2(chipSecret, qPrintable(error));
        QCOMPARE(chipSecret->view().toByteArray(), doc9303::kPaceSharedSecret);
    }

    // Random keys on each standardized curve (Doc 9303 part 11, 9.5.1, ids
    // 8..18): both sides reach the same secret, of the field's size.
    void everyCurve_data()
    {
        QTest::addColumn<int>("parameterId");
        QTest::addColumn<int>("fieldBytes");
        const int sizes[] = {24, 24, 28, 28, 32, 32, 40, 48, 48, 64, 66};
        for (int id = 8; id <= 18; ++id)
            QTest::addRow("%d %s", id, qPrintable(fg::PaceInfo::domainParameterName(id))) << id << sizes[id - 8];
    }
    void everyCurve()
    {
        QFETCH(int, parameterId);
        QFETCH(int, fieldBytes);
        QString error;
        const auto info = fg::PaceInfo::fromOid(doc9303::kPaceOid, parameterId, &error);
        QVERIFY2(info && info->isSupported(), qPrintable(error));
        auto terminal = PaceEcdhMapping::forCurve(info->curveNid(), &error);
        auto chip = PaceEcdhMapping::forCurve(info->curveNid(), &error);
        QVERIFY2(terminal && chip, qPrintable(error));
        QCOMPARE(terminal->fieldBytes(), fieldBytes);
        const auto terminalMap = terminal->generateMappingKey(&error);
        const auto chipMap = chip->generateMappingKey(&error);
        QVERIFY2(terminalMap && chipMap, qPrintable(error));
        QCOMPARE(terminalMap->size(), 1 + 2 * fieldBytes);
        QVERIFY(*terminalMap != *chipMap);
        const QByteArray nonce(16, '\x42');
        QVERIFY2(terminal->mapGenerator(nonce, *chipMap, &error), qPrintable(error));
        QVERIFY2(chip->mapGenerator(nonce, *terminalMap, &error), qPrintable(error));
        QCOMPARE(terminal->mappedGenerator(), chip->mappedGenerator());
        const auto terminalKey = terminal->generateAgreementKey(&error);
        const auto chipKey = chip->generateAgreementKey(&error);
        QVERIFY2(terminalKey && chipKey, qPrintable(error));
        const auto a = terminal->sharedSecret(*chipKey, &error);
        const auto b = chip->sharedSecret(*terminalKey, &error);
        QVERIFY2(a && b, qPrintable(error));
        QCOMPARE(a->size(), fieldBytes);
        QCOMPARE(a->view(), b->view());
    }

    void refusesPoints_data()
    {
        QTest::addColumn<QByteArray>("point");
        QTest::addColumn<QString>("expected");
        QByteArray offCurve = doc9303::kMapPublicIc;
        offCurve[64] = static_cast<char>(offCurve[64] ^ 1);
        QByteArray compressed = QByteArray(1, '\x02') + doc9303::kMapPublicIc.mid(1, 32);
        QTest::newRow("off the curve") << offCurve << "PACE: the mapping public key received is not a point of the curve";
        QTest::newRow("compressed") << compressed
                                    << "PACE: the other side's mapping public key is 33 bytes, not an uncompressed point of 65 bytes";
        QTest::newRow("empty") << QByteArray() << "PACE: the other side's mapping public key is 0 bytes";
        QTest::newRow("x and y zero") << QByteArray(1, '\x04') + QByteArray(64, '\0')
                                      << "PACE: the mapping public key received is not a point of the curve";
        QTest::newRow("our own key") << doc9303::kMapPublicIfd << "PACE: the other side's mapping public key is our own";
    }
    void refusesPoints()
    {
        QFETCH(QByteArray, point);
        QFETCH(QString, expected);
        QString error;
        auto terminal = PaceEcdhMapping::forCurve(NID_brainpoolP256r1, &error);
        QVERIFY(terminal->setMappingKey(doc9303::kMapPrivateIfd, &error));
        QVERIFY(!terminal->mapGenerator(doc9303::kNonce, point, &error));
        QVERIFY2(error.startsWith(expected), qPrintable(error));
    }

    // Doc 9303 4.4.3.3.2: the terminal checks that the chip's ephemeral key
    // is not its own (a reflection).
    void refusesReflectedAgreementKey()
    {
        QString error;
        auto terminal = PaceEcdhMapping::forCurve(NID_brainpoolP256r1, &error);
        QVERIFY(terminal->setMappingKey(doc9303::kMapPrivateIfd, &error));
        QVERIFY(terminal->mapGenerator(doc9303::kNonce, doc9303::kMapPublicIc, &error));
        const auto ours = terminal->setAgreementKey(doc9303::kDhPrivateIfd, &error);
        QVERIFY(ours);
        QVERIFY(!terminal->sharedSecret(*ours, &error));
        QVERIFY2(error.contains(QStringLiteral("is our own")), qPrintable(error));
    }

    void refusesOutOfOrderAndBadKeys()
    {
        QString error;
        auto mapping = PaceEcdhMapping::forCurve(NID_brainpoolP256r1, &error);
        QVERIFY(!mapping->mapGenerator(doc9303::kNonce, doc9303::kMapPublicIc, &error));
        QCOMPARE(error, QStringLiteral("PACE: the generator is mapped before a mapping key was made"));
        QVERIFY(!mapping->generateAgreementKey(&error));
        QCOMPARE(error, QStringLiteral("PACE: an ephemeral key is made before the generator was mapped"));
        QVERIFY(!mapping->sharedSecret(doc9303::kDhPublicIc, &error));
        QVERIFY(!mapping->setMappingKey(QByteArray(32, '\0'), &error));
        QCOMPARE(error, QStringLiteral("PACE: a private key outside 1..n-1"));
        QVERIFY(!mapping->setMappingKey(QByteArray(32, '\xFF'), &error));
        QCOMPARE(error, QStringLiteral("PACE: a private key outside 1..n-1"));
        QVERIFY(!PaceEcdhMapping::forCurve(NID_sha256, &error));
        QVERIFY2(error.startsWith(QStringLiteral("PACE: the curve SHA256 is not available")), qPrintable(error));
        // The mapping key serves one mapping.
        QVERIFY(mapping->setMappingKey(doc9303::kMapPrivateIfd, &error));
        QVERIFY(mapping->mapGenerator(doc9303::kNonce, doc9303::kMapPublicIc, &error));
        QVERIFY(!mapping->mapGenerator(doc9303::kNonce, doc9303::kMapPublicIc, &error));
    }
};

QTEST_GUILESS_MAIN(TestPaceEcdhMapping)
#include "tst_paceecdhmapping.moc"
