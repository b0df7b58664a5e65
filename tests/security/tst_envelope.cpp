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

// The two parts of a seal end to end, so that one offset names any byte.
QByteArray joined(const std::optional<Envelope::Sealed>& sealed)
{
    return sealed ? sealed->key + sealed->data : QByteArray();
}

// Opens parts laid end to end, cut where a key part of `kek` ends.
std::optional<QByteArray> openJoined(const KeyEncryptionKey& kek, QByteArrayView blob, QByteArrayView binding,
                                     QString* error)
{
    const int cut = std::min<int>(int(blob.size()), layoutOf(kek).data);
    return Envelope::open(kek, blob.first(cut), blob.sliced(cut), binding, error);
}

std::optional<fg::SecureBuffer> openSecretJoined(const KeyEncryptionKey& kek, QByteArrayView blob, QByteArrayView binding,
                                                 QString* error)
{
    const int cut = std::min<int>(int(blob.size()), layoutOf(kek).data);
    return Envelope::openSecret(kek, blob.first(cut), blob.sliced(cut), binding, error);
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
        QCOMPARE(sealed->key.size(), layout.data);
        QCOMPARE(sealed->data.size(), Envelope::kMagicBytes + fg::AesGcm::kOverheadBytes + plaintext.size());
        QVERIFY(sealed->key.startsWith("FGK1"));
        QVERIFY(sealed->data.startsWith("FGD1"));
        QCOMPARE(int(uchar(sealed->key.at(4))), int(kek->id().size()));
        QCOMPARE(Envelope::kekIdOf(sealed->key), kek->id());

        const auto opened = Envelope::open(*kek, sealed->key, sealed->data, kBinding, &error);
        QVERIFY2(opened, qPrintable(error));
        QCOMPARE(*opened, plaintext);
        const auto secret = Envelope::openSecret(*kek, sealed->key, sealed->data, kBinding, &error);
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
        QTest::newRow("data magic") << "data" << 0;
        QTest::newRow("data nonce") << "data" << 4;
        QTest::newRow("ciphertext") << "data" << 4 + 12 + 3;
        QTest::newRow("tag") << "data" << 4 + 12 + 20 + 15;
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
        QByteArray changed = joined(sealed);
        changed[start + offset] = char(changed[start + offset] ^ 0x01);
        QVERIFY(!openJoined(*kek, changed, kBinding, &error));
        QVERIFY(!error.isEmpty());
        QVERIFY(!openSecretJoined(*kek, changed, kBinding, &error));
    }

    void everyChangedByteIsRefused()
    {
        const auto kek = kekFrom(1);
        QVERIFY(kek);
        QString error;
        const QByteArray sealed = joined(Envelope::seal(*kek, "abc", kBinding, &error));
        QVERIFY2(!sealed.isEmpty(), qPrintable(error));
        for (int i = 0; i < sealed.size(); ++i) {
            QByteArray changed = sealed;
            changed[i] = char(changed[i] ^ 0x80);
            QVERIFY2(!openJoined(*kek, changed, kBinding, &error), qPrintable(QString::number(i)));
        }
    }

    void blobOfAnotherRecordIsRefused()
    {
        const auto kek = kekFrom(1);
        QVERIFY(kek);
        QString error;
        const auto sealed = Envelope::seal(*kek, "photo bytes", kBinding, &error);
        QVERIFY2(sealed, qPrintable(error));
        QVERIFY(!Envelope::open(*kek, sealed->key, sealed->data, kOtherBinding, &error));
        QCOMPARE(error, fg::AesGcm::authenticationFailed());
        QVERIFY(!Envelope::open(*kek, sealed->key, sealed->data, QByteArrayView(), &error));
        QVERIFY(!Envelope::openSecret(*kek, sealed->key, sealed->data, kOtherBinding, &error));
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
        QVERIFY(!Envelope::open(*other, sealed->key, sealed->data, kBinding, &error));
        QVERIFY2(error.contains(kek->id()) && error.contains(other->id()), qPrintable(error));

        // With the header claiming the other key, the wrapped key still does not open.
        QByteArray relabelled = sealed->key;
        relabelled.replace(5, kek->id().size(), other->id().toLatin1());
        QCOMPARE(Envelope::kekIdOf(relabelled), other->id());
        QVERIFY(!Envelope::open(*other, relabelled, sealed->data, kBinding, &error));
        QCOMPARE(error, fg::AesGcm::authenticationFailed());
        QVERIFY(!Envelope::open(*kek, relabelled, sealed->data, kBinding, &error));
    }

    // Fresh DEK and nonces each time: no part of two seals repeats.
    void sealsOfTheSameTextDiffer()
    {
        const auto kek = kekFrom(1);
        QVERIFY(kek);
        QString error;
        const QByteArray a = joined(Envelope::seal(*kek, "same text", kBinding, &error));
        const QByteArray b = joined(Envelope::seal(*kek, "same text", kBinding, &error));
        QVERIFY2(!a.isEmpty() && !b.isEmpty(), qPrintable(error));
        const Layout layout = layoutOf(*kek);
        QCOMPARE(a.first(layout.header), b.first(layout.header));
        QVERIFY(a.mid(layout.wrappedKey, Envelope::kWrappedKeyBytes) != b.mid(layout.wrappedKey, Envelope::kWrappedKeyBytes));
        QVERIFY(a.mid(layout.data + Envelope::kMagicBytes) != b.mid(layout.data + Envelope::kMagicBytes));
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
        QVERIFY(!Envelope::open(*kek, a->key, b->data, kBinding, &error));
        QCOMPARE(error, fg::AesGcm::authenticationFailed());
    }

    void sealedDoesNotContainThePlaintext()
    {
        const auto kek = kekFrom(1);
        QVERIFY(kek);
        const QByteArray plaintext = QByteArray("TRAVELER-PHOTO-MARKER-").repeated(10);
        QString error;
        const QByteArray sealed = joined(Envelope::seal(*kek, plaintext, kBinding, &error));
        QVERIFY2(!sealed.isEmpty(), qPrintable(error));
        QVERIFY(!sealed.contains("TRAVELER"));
        QVERIFY(!sealed.contains("MARKER"));
        QVERIFY(!sealed.contains(kBinding));
    }

    void truncatedIsRefused()
    {
        const auto kek = kekFrom(1);
        QVERIFY(kek);
        QString error;
        const auto sealed = Envelope::seal(*kek, "abc", kBinding, &error);
        QVERIFY2(sealed, qPrintable(error));
        for (qsizetype length = 0; length < sealed->key.size(); ++length) {
            const QByteArrayView cut = QByteArrayView(sealed->key).first(length);
            QVERIFY2(!Envelope::open(*kek, cut, sealed->data, kBinding, &error), qPrintable(QString::number(length)));
            QCOMPARE(error, QStringLiteral("truncated"));
            QVERIFY(!Envelope::openSecret(*kek, cut, sealed->data, kBinding, &error));
            QVERIFY(Envelope::kekIdOf(cut).isEmpty());
        }
        QVERIFY(!Envelope::open(*kek, sealed->key + 'x', sealed->data, kBinding, &error));
        QVERIFY(Envelope::kekIdOf(sealed->key + 'x').isEmpty());
        const qsizetype minimum = Envelope::kMagicBytes + fg::AesGcm::kOverheadBytes;
        for (qsizetype length = 0; length < sealed->data.size(); ++length) {
            const QByteArrayView cut = QByteArrayView(sealed->data).first(length);
            QVERIFY2(!Envelope::open(*kek, sealed->key, cut, kBinding, &error), qPrintable(QString::number(length)));
            if (length < minimum)
                QCOMPARE(error, QStringLiteral("truncated"));
        }
    }

    // A new KEK wraps the same data key: the data part opens under it, not under the old one.
    void rewrapMovesTheKeyToAnotherKek()
    {
        const auto kek = kekFrom(1);
        const auto next = kekFrom(101);
        QVERIFY(kek && next);
        QString error;
        const auto sealed = Envelope::seal(*kek, "photo bytes", kBinding, &error);
        QVERIFY2(sealed, qPrintable(error));
        const auto rewrapped = Envelope::rewrap(*kek, *next, sealed->key, kBinding, &error);
        QVERIFY2(rewrapped, qPrintable(error));
        QCOMPARE(Envelope::kekIdOf(*rewrapped), next->id());
        const auto opened = Envelope::open(*next, *rewrapped, sealed->data, kBinding, &error);
        QVERIFY2(opened, qPrintable(error));
        QCOMPARE(*opened, QByteArray("photo bytes"));
        QVERIFY(!Envelope::open(*kek, *rewrapped, sealed->data, kBinding, &error));
        QVERIFY(!Envelope::rewrap(*kek, *next, sealed->key, kOtherBinding, &error));
        QVERIFY(!Envelope::rewrap(*next, *kek, sealed->key, kBinding, &error));
    }

    void malformedHeaders_data()
    {
        QTest::addColumn<QByteArray>("blob");
        QTest::addColumn<QString>("mentions");
        const QByteArray body(Envelope::kWrappedKeyBytes, 'x');
        QTest::newRow("other magic") << QByteArray("FGK2\x02id") + body << "FGK1";
        QTest::newRow("lower-case magic") << QByteArray("fgk1\x02id") + body << "FGK1";
        QTest::newRow("data magic") << QByteArray("FGD1\x02id") + body << "FGK1";
        QTest::newRow("empty id") << QByteArray("FGK1\x00", 5) + body << "key id";
        QTest::newRow("id with a space") << QByteArray("FGK1\x02i ") + body << "key id";
        QTest::newRow("id longer than the key") << QByteArray("FGK1\xff") + body << "truncated";
        QTest::newRow("not a key") << QByteArray(200, '\0') << "FGK1";
    }
    void malformedHeaders()
    {
        QFETCH(QByteArray, blob);
        QFETCH(QString, mentions);
        const auto kek = kekFrom(1);
        QVERIFY(kek);
        QString error;
        const auto sealed = Envelope::seal(*kek, "abc", kBinding, &error);
        QVERIFY2(sealed, qPrintable(error));
        QVERIFY(!Envelope::open(*kek, blob, sealed->data, kBinding, &error));
        QVERIFY2(error.contains(mentions), qPrintable(error));
        QVERIFY(Envelope::kekIdOf(blob).isEmpty());
        // Nor does a data part without its header.
        QVERIFY(!Envelope::open(*kek, sealed->key, sealed->data.mid(Envelope::kMagicBytes), kBinding, &error));
    }
};

QTEST_GUILESS_MAIN(TestEnvelope)
#include "tst_envelope.moc"
