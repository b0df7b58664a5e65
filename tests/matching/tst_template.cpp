#include "core/matching/Template.h"
#include "tests/matching/RandomTemplates.h"

#include <QCryptographicHash>
#include <QtEndian>
#include <QtTest>

#include <cmath>
#include <cstring>
#include <limits>

using fg::Template;

namespace {

const QString kModel = QStringLiteral("arcface-r100-v1");

// Layout offsets for kModel (see Template::serialize()).
int floatsOffset() { return 4 + 2 + 2 + int(kModel.toUtf8().size()) + 4; }

// Recomputes the trailing 8-byte checksum so that a test reaches the check it targets.
QByteArray resealed(QByteArray bytes)
{
    bytes.chop(8);
    bytes.append(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).left(8));
    return bytes;
}

QByteArray withFloat(QByteArray bytes, int index, float value)
{
    quint32 bits = 0;
    std::memcpy(&bits, &value, sizeof bits);
    qToLittleEndian(bits, bytes.data() + floatsOffset() + 4 * index);
    return resealed(bytes);
}

} // namespace

class TestTemplate : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void constructorNormalises()
    {
        std::vector<float> v(Template::kDimension, 0.0f);
        v[0] = 3.0f;
        v[1] = 4.0f;
        const Template t(kModel, v);
        QVERIFY(!t.isNull());
        QCOMPARE(t.modelId(), kModel);
        QCOMPARE(t.values().size(), std::size_t(Template::kDimension));
        QCOMPARE(t.values()[0], 0.6f);
        QCOMPARE(t.values()[1], 0.8f);
    }

    void constructorRejectsBadInput_data()
    {
        QTest::addColumn<int>("size");
        QTest::addColumn<float>("fill");
        QTest::newRow("too short") << 511 << 1.0f;
        QTest::newRow("too long") << 513 << 1.0f;
        QTest::newRow("all zero") << 512 << 0.0f;
        QTest::newRow("nan") << 512 << std::numeric_limits<float>::quiet_NaN();
        QTest::newRow("infinite") << 512 << std::numeric_limits<float>::infinity();
    }
    void constructorRejectsBadInput()
    {
        QFETCH(int, size);
        QFETCH(float, fill);
        QVERIFY(Template(kModel, std::vector<float>(std::size_t(size), fill)).isNull());
    }

    void roundTrip()
    {
        fg::test::RandomTemplates random(7);
        const Template t = random.make(kModel);
        const QByteArray bytes = t.serialize();
        QCOMPARE(bytes.size(), floatsOffset() + 4 * Template::kDimension + 8);
        QVERIFY(bytes.startsWith("FGTP"));
        QString error;
        const std::optional<Template> back = Template::deserialize(bytes, kModel, &error);
        QVERIFY2(back, qPrintable(error));
        QCOMPARE(back->modelId(), kModel);
        QVERIFY(std::equal(back->values().begin(), back->values().end(), t.values().begin()));
        // Empty expected model id: any model accepted.
        QVERIFY(Template::deserialize(bytes, QString(), &error));
    }

    void refusals_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("expectedModel");
        QTest::addColumn<QString>("reason");

        fg::test::RandomTemplates random(11);
        const QByteArray good = random.make(kModel).serialize();

        QByteArray magic = good;
        magic[0] = 'X';
        QTest::newRow("wrong magic") << magic << kModel << "no FGTP signature";
        QTest::newRow("empty") << QByteArray() << kModel << "no FGTP signature";

        QByteArray version = good;
        qToLittleEndian<quint16>(2, version.data() + 4);
        QTest::newRow("unknown version") << resealed(version) << kModel << "version 2 is not supported";

        QTest::newRow("truncated") << good.left(good.size() - 100) << kModel << "wrong size";
        QTest::newRow("header only") << good.left(10) << kModel << "truncated";
        QTest::newRow("extra bytes") << good + QByteArray(4, '\0') << kModel << "wrong size";

        QByteArray flippedValue = good;
        flippedValue[floatsOffset() + 100] = char(flippedValue[floatsOffset() + 100] ^ 0x01);
        QTest::newRow("flipped value byte") << flippedValue << kModel << "damaged";

        QByteArray flippedId = good;
        flippedId[9] = char(flippedId[9] ^ 0x20);
        QTest::newRow("flipped model id byte") << flippedId << kModel << "damaged";

        QByteArray flippedSum = good;
        flippedSum[flippedSum.size() - 1] = char(flippedSum[flippedSum.size() - 1] ^ 0x80);
        QTest::newRow("flipped checksum byte") << flippedSum << kModel << "damaged";

        // 256 values, consistent size and checksum.
        QByteArray shortDim = good.left(floatsOffset() + 4 * 256);
        qToLittleEndian<quint32>(256, shortDim.data() + floatsOffset() - 4);
        shortDim.append(QByteArray(8, '\0'));
        QTest::newRow("dimension 256") << resealed(shortDim) << kModel << "256 values, expected 512";

        QTest::newRow("nan value") << withFloat(good, 3, std::numeric_limits<float>::quiet_NaN()) << kModel
                                   << "value 3 is not a finite number";
        QTest::newRow("infinite value") << withFloat(good, 5, std::numeric_limits<float>::infinity()) << kModel
                                        << "value 5 is not a finite number";
        QTest::newRow("not unit length") << withFloat(good, 0, 5.0f) << kModel << "not unit length";
        QTest::newRow("other model") << good << QStringLiteral("facenet-v2") << "made by model \"arcface-r100-v1\", "
                                                                                "this pipeline uses \"facenet-v2\"";
    }
    void refusals()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, expectedModel);
        QFETCH(QString, reason);
        QString error;
        QVERIFY(!Template::deserialize(bytes, expectedModel, &error));
        QVERIFY2(error.contains(reason), qPrintable(error));
    }

    void nullTemplateDoesNotRoundTrip()
    {
        QString error;
        QVERIFY(!Template::deserialize(Template().serialize(), QString(), &error));
        QVERIFY2(error.contains("0 values"), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestTemplate)
#include "tst_template.moc"
