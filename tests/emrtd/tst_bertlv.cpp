#include "core/documents/emrtd/BerTlv.h"
#include "core/documents/emrtd/BerTlvDecoder.h"

#include <QTest>

using fg::BerTlv;
using fg::BerTlvDecoder;

namespace {

QByteArray hex(const char* text)
{
    return QByteArray::fromHex(QByteArray(text));
}

// EF.COM of the worked example in ICAO Doc 9303 part 11, appendix D.4: the
// 4 + 18 bytes read there through secure messaging, joined. The same bytes
// are in the tests of gmrtd (iso7816/secure_messaging_test.go) and of the
// independent reference icao_ref.py of javacard-express.
const QByteArray kEfCom = hex("60145F0104303130365F36063034303030305C026175");

// `depth` constructed objects nested in each other around a primitive one:
// depth + 1 levels.
QByteArray nested(int depth)
{
    QByteArray inner = hex("0400");
    for (int i = 0; i < depth; ++i)
        inner = BerTlv::constructed(0x30, {*BerTlvDecoder::decodeSingle(inner, nullptr)}).encode();
    return inner;
}

} // namespace

class TestBerTlv : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void decodesEfCom()
    {
        QString error;
        const auto com = BerTlvDecoder::decodeSingle(kEfCom, &error);
        QVERIFY2(com, qPrintable(error));
        QCOMPARE(com->tag(), BerTlv::Tag(0x60));
        QVERIFY(com->isConstructed());
        QCOMPARE(com->headerSize(), 2);
        QCOMPARE(com->children().size(), size_t(3));
        const BerTlv* version = com->child(0x5F01);
        QVERIFY(version);
        QVERIFY(!version->isConstructed());
        QCOMPARE(version->value(), QByteArray("0106"));
        QCOMPARE(version->offset(), 2);
        QCOMPARE(com->child(0x5F36)->value(), QByteArray("040000"));
        QCOMPARE(com->child(0x5C)->value(), hex("6175")); // DG1 and DG2 present
        QCOMPARE(com->child(0x5C)->offset(), 18);
        QVERIFY(!com->child(0x5F1F));
        QCOMPARE(com->encode(), kEfCom);
    }

    void findsByPath()
    {
        // The shape of DG2: 75 / 7F61 (biometric info group) / 02 count, 7F60
        // (biometric info) / A1 (header), 5F2E (the image).
        const BerTlv dg2 = BerTlv::constructed(
            0x75, {BerTlv::constructed(0x7F61, {BerTlv::primitive(0x02, hex("01")),
                                                 BerTlv::constructed(0x7F60, {BerTlv::constructed(0xA1, {}),
                                                                              BerTlv::primitive(0x5F2E, "face")})})});
        QString error;
        const auto decoded = BerTlvDecoder::decodeSingle(dg2.encode(), &error);
        QVERIFY2(decoded, qPrintable(error));
        const BerTlv* image = decoded->find({0x7F61, 0x7F60, 0x5F2E});
        QVERIFY(image);
        QCOMPARE(image->value(), QByteArray("face"));
        QVERIFY(!decoded->find({0x7F61, 0x7F2E}));
        QCOMPARE(decoded->find({0x7F61})->children(0x7F60).size(), size_t(1));
        QCOMPARE(decoded->find({0x7F61})->children(0x5F2E).size(), size_t(0));
        QCOMPARE(decoded->encode(), dg2.encode());
    }

    void lengthForms_data()
    {
        QTest::addColumn<int>("length");
        QTest::addColumn<QByteArray>("lengthBytes");
        QTest::newRow("0") << 0 << hex("00");
        QTest::newRow("127") << 127 << hex("7F");
        QTest::newRow("128") << 128 << hex("8180");
        QTest::newRow("255") << 255 << hex("81FF");
        QTest::newRow("256") << 256 << hex("820100");
        QTest::newRow("65535") << 65535 << hex("82FFFF");
        QTest::newRow("65536") << 65536 << hex("83010000");
        QTest::newRow("16777216") << 16777216 << hex("8401000000");
    }
    void lengthForms()
    {
        QFETCH(int, length);
        QFETCH(QByteArray, lengthBytes);
        QCOMPARE(BerTlv::encodeLength(length), lengthBytes);
        if (length > BerTlvDecoder::kMaxLength)
            return;
        const BerTlv object = BerTlv::primitive(0x5F2E, QByteArray(length, 'x'));
        const QByteArray encoded = object.encode();
        QCOMPARE(encoded.mid(2, lengthBytes.size()), lengthBytes);
        QString error;
        const auto decoded = BerTlvDecoder::decodeSingle(encoded, &error);
        QVERIFY2(decoded, qPrintable(error));
        QCOMPARE(decoded->value().size(), length);
        QCOMPARE(decoded->headerSize(), 2 + lengthBytes.size());
    }

    // BER allows a long form that is longer than needed; the encoder writes
    // the shortest one.
    void acceptsNonMinimalLengths()
    {
        QString error;
        const auto decoded = BerTlvDecoder::decodeSingle(hex("5F01830000020106"), &error);
        QVERIFY2(decoded, qPrintable(error));
        QCOMPARE(decoded->value(), hex("0106"));
        QCOMPARE(decoded->headerSize(), 6);
        QCOMPARE(decoded->encode(), hex("5F01020106"));
    }

    void tags_data()
    {
        QTest::addColumn<uint>("tag");
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<bool>("constructed");
        QTest::newRow("61") << 0x61u << hex("61") << true;
        QTest::newRow("04") << 0x04u << hex("04") << false;
        QTest::newRow("5F1F") << 0x5F1Fu << hex("5F1F") << false;
        // Doc 9303's LDS version tag breaks ISO 7816-4's rule that a second
        // tag byte is at least 1F; it is read as it is used.
        QTest::newRow("5F01") << 0x5F01u << hex("5F01") << false;
        QTest::newRow("7F61") << 0x7F61u << hex("7F61") << true;
        QTest::newRow("BF8101") << 0xBF8101u << hex("BF8101") << true;
        QTest::newRow("invalid: 0") << 0u << QByteArray() << false;
        QTest::newRow("invalid: 1F alone") << 0x1Fu << QByteArray() << false;
        QTest::newRow("invalid: 5F 81 (no last byte)") << 0x5F81u << QByteArray() << false;
        QTest::newRow("invalid: 61 01 (not a long tag)") << 0x6101u << QByteArray() << false;
        QTest::newRow("invalid: 5F8001 (leading zero)") << 0x5F8001u << QByteArray() << false;
        QTest::newRow("invalid: four bytes") << 0x5F818101u << QByteArray() << false;
    }
    void tags()
    {
        QFETCH(uint, tag);
        QFETCH(QByteArray, bytes);
        QFETCH(bool, constructed);
        QCOMPARE(BerTlv::encodeTag(tag), bytes);
        if (bytes.isEmpty()) {
            QVERIFY(BerTlv::primitive(tag, "x").encode().isEmpty());
            QVERIFY(BerTlv::constructed(0x30, {BerTlv::primitive(tag, "x")}).encode().isEmpty());
            return;
        }
        QCOMPARE(BerTlv::isConstructedTag(tag), constructed);
        QCOMPARE(BerTlv::tagName(tag), QString::fromLatin1(bytes.toHex().toUpper()));
        const QByteArray encoded = constructed ? BerTlv::constructed(tag, {}).encode() : BerTlv::primitive(tag, "x").encode();
        QString error;
        const auto decoded = BerTlvDecoder::decodeSingle(encoded, &error);
        QVERIFY2(decoded, qPrintable(error));
        QCOMPARE(decoded->tag(), BerTlv::Tag(tag));
        QCOMPARE(decoded->isConstructed(), constructed);
    }

    void decodesSequences()
    {
        QString error;
        const auto objects = BerTlvDecoder::decode(hex("8709016375432908C044F68E08BF8B92D635FF24F8"), &error);
        QVERIFY2(objects, qPrintable(error));
        QCOMPARE(objects->size(), size_t(2));
        QCOMPARE(objects->at(0).tag(), BerTlv::Tag(0x87));
        QCOMPARE(objects->at(1).tag(), BerTlv::Tag(0x8E));
        QCOMPARE(objects->at(1).offset(), 11);
        QCOMPARE(objects->at(1).value(), hex("BF8B92D635FF24F8"));
        const auto none = BerTlvDecoder::decode(QByteArray(), &error);
        QVERIFY(none && none->empty());
        // decodeFirst leaves what follows alone.
        const auto first = BerTlvDecoder::decodeFirst(kEfCom + hex("FFFFFF"), &error);
        QVERIFY2(first, qPrintable(error));
        QCOMPARE(first->encodedSize(), kEfCom.size());
    }

    void readsHeaderOfAPartialFile()
    {
        // The first bytes of a DG2 of 0x4F12 value bytes: enough to know its size.
        QString error;
        const auto header = BerTlvDecoder::readHeader(hex("75824F127F61"), &error);
        QVERIFY2(header, qPrintable(error));
        QCOMPARE(header->tag, BerTlv::Tag(0x75));
        QCOMPARE(header->headerSize, 4);
        QCOMPARE(header->length, 0x4F12);
        QCOMPARE(header->totalSize(), 0x4F16);
        QVERIFY(!BerTlvDecoder::readHeader(hex("7584"), &error));
        QVERIFY(!BerTlvDecoder::readHeader(hex("758501000000"), &error));
        QVERIFY(!BerTlvDecoder::readHeader(hex("75847FFFFFFF"), &error));
        QVERIFY2(error.contains(QStringLiteral("over the limit")), qPrintable(error));
    }

    // What a hostile or broken chip could send: each refused, the error
    // saying what and where.
    void refuses_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QString>("expected");
        // true: an object, then broken bytes that only decode() reads.
        QTest::addColumn<bool>("inSecondObject");
        QTest::newRow("three-byte tag cut off") << hex("0400BF81") << QStringLiteral("the tag starting at offset 2 is cut off") << true;
        QTest::newRow("padding byte 00") << hex("04010A00") << QStringLiteral("byte 00 at offset 3 where a tag should start") << true;
        QTest::newRow("indefinite length") << hex("6080040100000000") << QStringLiteral("indefinite length (80) of tag 60 at offset 1") << false;
        QTest::newRow("reserved length FF") << hex("04FF00") << QStringLiteral("reserved length byte FF of tag 04 at offset 1") << false;
        QTest::newRow("five length bytes") << hex("048500000000010A")
                                           << QStringLiteral("length of tag 04 at offset 1 takes 5 bytes, more than 4") << false;
        QTest::newRow("length past the end") << hex("5F2E820100AABB")
                                             << QStringLiteral("the value of tag 5F2E at offset 0 is 256 bytes long, but only 2 bytes are left in the data") << false;
        QTest::newRow("length over the maximum") << hex("5F2E84FFFFFFFF")
                                                 << QStringLiteral("length 4294967295 of tag 5F2E at offset 2 is over the limit of 4194304 bytes") << false;
        QTest::newRow("length just over the maximum") << hex("7584") + QByteArray::fromHex("00400001")
                                                      << QStringLiteral("length 4194305 of tag 75 at offset 1 is over the limit") << false;
        QTest::newRow("long length cut off") << hex("0482AB") << QStringLiteral("the 2-byte length of tag 04 at offset 1 is cut off") << false;
        QTest::newRow("no length") << hex("5F01") << QStringLiteral("the length of tag 5F01 (offset 0) is missing") << false;
        QTest::newRow("tag cut off") << hex("5F") << QStringLiteral("the tag starting at offset 0 is cut off") << false;
        QTest::newRow("tag of four bytes") << hex("5F81818101") << QStringLiteral("the tag at offset 0 is longer than 3 bytes") << false;
        QTest::newRow("tag with a leading zero") << hex("5F800100") << QStringLiteral("the tag at offset 0 has a leading zero in its number (byte 80 at offset 1)") << false;
        QTest::newRow("padding byte FF") << hex("FF") << QStringLiteral("byte FF at offset 0 where a tag should start") << false;
        QTest::newRow("child past its parent") << hex("6003040500000000")
                                               << QStringLiteral("the value of tag 04 at offset 2 is 5 bytes long, but only 1 byte is left in the object holding it") << false;
        QTest::newRow("child's length past its parent") << hex("600204820000")
                                                        << QStringLiteral("the 2-byte length of tag 04 at offset 3 is cut off") << false;
        QTest::newRow("trailing bytes") << kEfCom + hex("9000") << QStringLiteral("2 bytes after the data object of tag 60, from offset 22") << false;
        QTest::newRow("empty") << QByteArray() << QStringLiteral("no data object: the data is empty") << false;
        QTest::newRow("17 levels") << nested(BerTlvDecoder::kMaxDepth)
                                        << QStringLiteral("data objects nested deeper than 16 levels at offset 32") << false;
    }
    void refuses()
    {
        QFETCH(QByteArray, data);
        QFETCH(QString, expected);
        QFETCH(bool, inSecondObject);
        QString error;
        QVERIFY(!BerTlvDecoder::decodeSingle(data, &error));
        QVERIFY2(error.startsWith(QStringLiteral("BER-TLV: ")), qPrintable(error));
        QVERIFY2(error.contains(inSecondObject ? QStringLiteral("after the data object") : expected), qPrintable(error));
        // decode() reads the whole buffer, as one object or more.
        if (data.isEmpty() || expected.contains(QStringLiteral("after the data object")))
            return;
        QString whole;
        QVERIFY(!BerTlvDecoder::decode(data, &whole));
        QVERIFY2(whole.contains(expected), qPrintable(whole));
    }

    void depthAtTheLimitIsRead()
    {
        QString error;
        const auto decoded = BerTlvDecoder::decodeSingle(nested(BerTlvDecoder::kMaxDepth - 1), &error);
        QVERIFY2(decoded, qPrintable(error));
    }

    void refusesTooManyObjects()
    {
        QByteArray many;
        for (qsizetype i = 0; i <= BerTlvDecoder::kMaxObjects; ++i)
            many += hex("0400");
        QString error;
        QVERIFY(!BerTlvDecoder::decode(many, &error));
        QVERIFY2(error.contains(QStringLiteral("more than 100000 data objects (offset 200000)")), qPrintable(error));
        QVERIFY(BerTlvDecoder::decode(many.left(many.size() - 2), &error));
    }

    void nullErrorIsAllowed()
    {
        QVERIFY(!BerTlvDecoder::decodeSingle(hex("6080"), nullptr));
        QVERIFY(!BerTlvDecoder::readHeader(hex("60"), nullptr));
    }
};

QTEST_GUILESS_MAIN(TestBerTlv)
#include "tst_bertlv.moc"
