#include "core/security/AesGcm.h"
#include "core/security/Envelope.h"
#include "core/security/KeyEncryptionKey.h"

#include <QTest>

using fg::Envelope;
using fg::KeyEncryptionKey;

namespace {

// A KEK of 32 bytes counting up from `first`.
std::optional<KeyEncryptionKey> kekFrom(int first)
{
    QByteArray bytes;
    for (int i = 0; i < KeyEncryptionKey::kKeyBytes; ++i)
        bytes.append(char(first + i));
    QString error;
    return KeyEncryptionKey::fromKey(fg::SecureBuffer::fromBytes(std::move(bytes)), &error);
}

const QByteArray kBinding = "photo:0b5e7d62-5c4f-4d0e-9a43-2f0f4c1f2a11";
const QByteArray kOtherBinding = "photo:9d0c8a57-1d7e-4b64-8f3a-6c2b7e5d4f90";

// Offsets of the regions of a blob sealed by `kek`.
struct Layout {
    int header;     // magic, id length, id
    int wrappedKey; // start of the wrapped DEK
    int data;       // start of the data layer
};

Layout layoutOf(const KeyEncryptionKey& kek)
{
    const int header = Envelope::kMagicBytes + 1 + int(kek.id().size());
    return {header, header, header + Envelope::kWrappedKeyBytes};
}

} // namespace

class TestEnvelope : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_data()
    {
        QTest::addColumn<QByteArray>("plaintext");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("totp secret") << QByteArray("12345678901234567890");
        QTest::newRow("photo-sized") << QByteArray(300 * 1024, '\x7f');
    }
    void roundTrip()
    {
        QFETCH(QByteArray, plaintext);
        const auto kek = kekFrom(1);
        QVERIFY(kek);
        QString error;
        const auto sealed = Envelope::seal(*kek, plaintext, kBinding, &error);
        QVERIFY2(sealed, qPrintable(error));
        const Layout layout = layoutOf(*kek);
        QCOMPARE(sealed->size(), layout.data + fg::AesGcm::kOverheadBytes + plaintext.size());
        QVERIFY(sealed->startsWith("FGE1"));
        QCOMPARE(int(uchar(sealed->at(4))), int(kek->id().size()));
        QCOMPARE(Envelope::kekIdOf(*sealed), kek->id());

        const auto opened = Envelope::open(*kek, *sealed, kBinding, &error);
        QVERIFY2(opened, qPrintable(error));
        QCOMPARE(*opened, plaintext);
        const auto secret = Envelope::openSecret(*kek, *sealed, kBinding, &error);
        QVERIFY2(secret, qPrintable(error));
        QCOMPARE(secret->view(), QByteArrayView(plaintext));
    }

    void changedRegionIsRefused_data()
    {
        QTest::addColumn<QString>("region");
        QTest::addColumn<int>("offset"); // from the start of the region
        QTest::newRow("magic") << "header" << 0;
        QTest::newRow("id length") << "header" << 4;
        QTest::newRow("id") << "header" << 7;
        QTest::newRow("wrapped key nonce") << "wrappedKey" << 3;
        QTest::newRow("wrapped key") << "wrappedKey" << 12 + 5;
        QTest::newRow("wrapped key tag") << "wrappedKey" << 12 + 32 + 15;
        QTest::newRow("data nonce") << "data" << 0;
        QTest::newRow("ciphertext") << "data" << 12 + 3;
        QTest::newRow("tag") << "data" << 12 + 20 + 15;
    }
    void changedRegionIsRefused()
    {
        QFETCH(QString, region);
        QFETCH(int, offset);
        const auto kek = kekFrom(1);
        QVERIFY(kek);
        QString error;
        const auto sealed = Envelope::seal(*kek, "twenty bytes of text", kBinding, &error);
        QVERIFY2(sealed, qPrintable(error));
        const Layout layout = layoutOf(*kek);
        const int start = region == "header" ? 0 : region == "wrappedKey" ? layout.wrappedKey : layout.data;
        QByteArray changed = *sealed;
        changed[start + offset] = char(changed[start + offset] ^ 0x01);
        QVERIFY(!Envelope::open(*kek, changed, kBinding, &error));
        QVERIFY(!error.isEmpty());
        QVERIFY(!Envelope::openSecret(*kek, changed, kBinding, &error));
    }

    void everyChangedByteIsRefused()
    {
        const auto kek = kekFrom(1);
        QVERIFY(kek);
        QString error;
        const auto sealed = Envelope::seal(*kek, "abc", kBinding, &error);
        QVERIFY2(sealed, qPrintable(error));
        for (int i = 0; i < sealed->size(); ++i) {
            QByteArray changed = *sealed;
            changed[i] = char(changed[i] ^ 0x80);
            QVERIFY2(!Envelope::open(*kek, changed, kBinding, &error), qPrintable(QString::number(i)));
        }
    }

    void blobOfAnotherRecordIsRefused()
    {
        const auto kek = kekFrom(1);
        QVERIFY(kek);
        QString error;
        const auto sealed = Envelope::seal(*kek, "photo bytes", kBinding, &error);
        QVERIFY2(sealed, qPrintable(error));
        QVERIFY(!Envelope::open(*kek, *sealed, kOtherBinding, &error));
        QCOMPARE(error, fg::AesGcm::authenticationFailed());
        QVERIFY(!Envelope::open(*kek, *sealed, QByteArrayView(), &error));
        QVERIFY(!Envelope::openSecret(*kek, *sealed, kOtherBinding, &error));
    }

    void wrongKekIsRefused()
    {
        const auto kek = kekFrom(1);
        const auto other = kekFrom(101);
        QVERIFY(kek && other);
        QVERIFY(kek->id() != other->id());
        QString error;
        const auto sealed = Envelope::seal(*kek, "photo bytes", kBinding, &error);
        QVERIFY2(sealed, qPrintable(error));
        QVERIFY(!Envelope::open(*other, *sealed, kBinding, &error));
        QVERIFY2(error.contains(kek->id()) && error.contains(other->id()), qPrintable(error));

        // With the header claiming the other key, the wrapped key still does not open.
        QByteArray relabelled = *sealed;
        relabelled.replace(5, kek->id().size(), other->id().toLatin1());
        QCOMPARE(Envelope::kekIdOf(relabelled), other->id());
        QVERIFY(!Envelope::open(*other, relabelled, kBinding, &error));
        QCOMPARE(error, fg::AesGcm::authenticationFailed());
        QVERIFY(!Envelope::open(*kek, relabelled, kBinding, &error));
    }

    // Fresh DEK and nonces each time: no part of two seals repeats.
    void sealsOfTheSameTextDiffer()
    {
        const auto kek = kekFrom(1);
        QVERIFY(kek);
        QString error;
        const auto a = Envelope::seal(*kek, "same text", kBinding, &error);
        const auto b = Envelope::seal(*kek, "same text", kBinding, &error);
        QVERIFY2(a && b, qPrintable(error));
        const Layout layout = layoutOf(*kek);
        QCOMPARE(a->first(layout.header), b->first(layout.header));
        QVERIFY(a->mid(layout.wrappedKey, Envelope::kWrappedKeyBytes)
                != b->mid(layout.wrappedKey, Envelope::kWrappedKeyBytes));
        QVERIFY(a->mid(layout.data) != b->mid(layout.data));
    }

    // Two blobs of one record: the data layer of one does not open under the other's key.
    void swappedDataLayerIsRefused()
    {
        const auto kek = kekFrom(1);
        QVERIFY(kek);
        QString error;
        const auto a = Envelope::seal(*kek, "first version", kBinding, &error);
        const auto b = Envelope::seal(*kek, "other version", kBinding, &error);
        QVERIFY2(a && b, qPrintable(error));
        const int data = layoutOf(*kek).data;
        const QByteArray mixed = a->first(data) + b->mid(data);
        QVERIFY(!Envelope::open(*kek, mixed, kBinding, &error));
        QCOMPARE(error, fg::AesGcm::authenticationFailed());
    }

    void sealedDoesNotContainThePlaintext()
    {
        const auto kek = kekFrom(1);
        QVERIFY(kek);
        const QByteArray plaintext = QByteArray("TRAVELER-PHOTO-MARKER-").repeated(10);
        QString error;
        const auto sealed = Envelope::seal(*kek, plaintext, kBinding, &error);
        QVERIFY2(sealed, qPrintable(error));
        QVERIFY(!sealed->contains("TRAVELER"));
        QVERIFY(!sealed->contains("MARKER"));
        QVERIFY(!sealed->contains(kBinding));
    }

    void truncatedIsRefused()
    {
        const auto kek = kekFrom(1);
        QVERIFY(kek);
        QString error;
        const auto sealed = Envelope::seal(*kek, "abc", kBinding, &error);
        QVERIFY2(sealed, qPrintable(error));
        const int minimum = layoutOf(*kek).data + fg::AesGcm::kOverheadBytes;
        for (int length = 0; length < minimum; ++length) {
            const QByteArrayView cut = QByteArrayView(*sealed).first(length);
            QVERIFY2(!Envelope::open(*kek, cut, kBinding, &error), qPrintable(QString::number(length)));
            QCOMPARE(error, QStringLiteral("truncated"));
            QVERIFY(!Envelope::openSecret(*kek, cut, kBinding, &error));
            QVERIFY(Envelope::kekIdOf(cut).isEmpty());
        }
        for (qsizetype length = minimum; length < sealed->size(); ++length)
            QVERIFY(!Envelope::open(*kek, QByteArrayView(*sealed).first(length), kBinding, &error));
    }

    void malformedHeaders_data()
    {
        QTest::addColumn<QByteArray>("blob");
        QTest::addColumn<QString>("mentions");
        const QByteArray body(Envelope::kWrappedKeyBytes + fg::AesGcm::kOverheadBytes, 'x');
        QTest::newRow("other magic") << QByteArray("FGE2\x02id") + body << "FGE1";
        QTest::newRow("lower-case magic") << QByteArray("fge1\x02id") + body << "FGE1";
        QTest::newRow("empty id") << QByteArray("FGE1\x00", 5) + body << "key id";
        QTest::newRow("id with a space") << QByteArray("FGE1\x02i ") + body << "key id";
        QTest::newRow("id longer than the blob") << QByteArray("FGE1\xff") + body << "truncated";
        QTest::newRow("not an envelope") << QByteArray(200, '\0') << "FGE1";
    }
    void malformedHeaders()
    {
        QFETCH(QByteArray, blob);
        QFETCH(QString, mentions);
        const auto kek = kekFrom(1);
        QVERIFY(kek);
        QString error;
        QVERIFY(!Envelope::open(*kek, blob, kBinding, &error));
        QVERIFY2(error.contains(mentions), qPrintable(error));
        QVERIFY(Envelope::kekIdOf(blob).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestEnvelope)
#include "tst_envelope.moc"
