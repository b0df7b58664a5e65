#include "core/security/Envelope.h"

#include "core/security/AesGcm.h"
#include "core/security/CryptoRandom.h"

#include <algorithm>

namespace fg {
namespace {

const int kDataKeyBytes = 32;

// The parts of a key part; views into it.
struct KeyParts {
    QByteArrayView header; // magic, id length, id
    QByteArrayView kekId;
    QByteArrayView wrappedKey;
};

bool isIdCharacter(char c)
{
    return c > ' ' && c < 127;
}

QByteArrayView magicOf(const char* magic)
{
    return QByteArrayView(magic, Envelope::kMagicBytes);
}

// Header and wrapped key of `blob`, which may go on (a legacy blob's data part).
std::optional<KeyParts> splitKey(QByteArrayView blob, bool exact, QString* error)
{
    const qsizetype fixed = Envelope::kMagicBytes + 1;
    if (blob.size() < fixed) {
        *error = QStringLiteral("truncated");
        return std::nullopt;
    }
    const QByteArrayView magic = blob.first(Envelope::kMagicBytes);
    if (magic != magicOf(Envelope::kKeyMagic) && magic != magicOf(Envelope::kLegacyKeyMagic)) {
        *error = QStringLiteral("not a FaceGate data key (no FGK1 header)");
        return std::nullopt;
    }
    const int idBytes = static_cast<unsigned char>(blob[Envelope::kMagicBytes]);
    const qsizetype size = fixed + idBytes + Envelope::kWrappedKeyBytes;
    if (blob.size() < size || (exact && blob.size() > size)) {
        *error = blob.size() < size ? QStringLiteral("truncated") : QStringLiteral("malformed data key (too long)");
        return std::nullopt;
    }
    KeyParts parts;
    parts.header = blob.first(fixed + idBytes);
    parts.kekId = blob.sliced(fixed, idBytes);
    if (idBytes == 0 || !std::all_of(parts.kekId.begin(), parts.kekId.end(), isIdCharacter)) {
        *error = QStringLiteral("malformed data key header (key id)");
        return std::nullopt;
    }
    parts.wrappedKey = blob.sliced(parts.header.size(), Envelope::kWrappedKeyBytes);
    return parts;
}

std::optional<QByteArrayView> dataOf(QByteArrayView data, QString* error)
{
    if (data.size() < Envelope::kMagicBytes + AesGcm::kOverheadBytes) {
        *error = QStringLiteral("truncated");
        return std::nullopt;
    }
    if (data.first(Envelope::kMagicBytes) != magicOf(Envelope::kDataMagic)) {
        *error = QStringLiteral("not FaceGate sealed data (no FGD1 header)");
        return std::nullopt;
    }
    return data.sliced(Envelope::kMagicBytes);
}

QByteArray wrapAad(QByteArrayView header, QByteArrayView binding)
{
    return header.toByteArray() + binding.toByteArray();
}

std::optional<QByteArray> headerFor(const KeyEncryptionKey& kek, QString* error)
{
    const QByteArray id = kek.id().toLatin1();
    if (id.isEmpty() || id.size() > 255 || !std::all_of(id.begin(), id.end(), isIdCharacter)) {
        *error = QStringLiteral("the key id \"%1\" cannot be recorded in an envelope").arg(kek.id());
        return std::nullopt;
    }
    QByteArray header = magicOf(Envelope::kKeyMagic).toByteArray();
    header.append(static_cast<char>(id.size()));
    header.append(id);
    return header;
}

std::optional<QByteArray> wrap(const KeyEncryptionKey& kek, const SecureBuffer& dataKey, QByteArrayView binding,
                               QString* error)
{
    const std::optional<QByteArray> header = headerFor(kek, error);
    if (!header)
        return std::nullopt;
    const std::optional<QByteArray> wrapped = kek.wrap(dataKey.view(), wrapAad(*header, binding), error);
    if (!wrapped)
        return std::nullopt;
    return *header + *wrapped;
}

// The DEK of a key part wrapped under `kek`.
std::optional<SecureBuffer> unwrap(const KeyEncryptionKey& kek, QByteArrayView key, QByteArrayView binding,
                                   QString* error)
{
    const std::optional<KeyParts> parts = splitKey(key, true, error);
    if (!parts)
        return std::nullopt;
    const QString id = QString::fromLatin1(parts->kekId);
    if (id != kek.id()) {
        *error = QStringLiteral("sealed with key %1, not with the key in use (%2)").arg(id, kek.id());
        return std::nullopt;
    }
    std::optional<SecureBuffer> dataKey =
        kek.unwrap(parts->wrappedKey, wrapAad(parts->header, binding), error);
    if (dataKey && dataKey->size() != kDataKeyBytes) { // cannot happen: the size is fixed by splitKey()
        *error = QStringLiteral("malformed data key");
        return std::nullopt;
    }
    return dataKey;
}

} // namespace

std::optional<Envelope::Sealed> Envelope::seal(const KeyEncryptionKey& kek, QByteArrayView plaintext,
                                               QByteArrayView binding, QString* error)
{
    const std::optional<SecureBuffer> dataKey = CryptoRandom::secret(kDataKeyBytes, error);
    if (!dataKey)
        return std::nullopt;
    std::optional<QByteArray> key = wrap(kek, *dataKey, binding, error);
    if (!key)
        return std::nullopt;
    const std::optional<QByteArray> data = AesGcm::seal(*dataKey, plaintext, binding, error);
    if (!data)
        return std::nullopt;
    return Sealed{std::move(*key), magicOf(kDataMagic).toByteArray() + *data};
}

std::optional<QByteArray> Envelope::open(const KeyEncryptionKey& kek, QByteArrayView key, QByteArrayView data,
                                         QByteArrayView binding, QString* error)
{
    const std::optional<QByteArrayView> sealed = dataOf(data, error);
    if (!sealed)
        return std::nullopt;
    const std::optional<SecureBuffer> dataKey = unwrap(kek, key, binding, error);
    if (!dataKey)
        return std::nullopt;
    return AesGcm::open(*dataKey, *sealed, binding, error);
}

std::optional<SecureBuffer> Envelope::openSecret(const KeyEncryptionKey& kek, QByteArrayView key, QByteArrayView data,
                                                 QByteArrayView binding, QString* error)
{
    const std::optional<QByteArrayView> sealed = dataOf(data, error);
    if (!sealed)
        return std::nullopt;
    const std::optional<SecureBuffer> dataKey = unwrap(kek, key, binding, error);
    if (!dataKey)
        return std::nullopt;
    return AesGcm::openSecret(*dataKey, *sealed, binding, error);
}

std::optional<QByteArray> Envelope::rewrap(const KeyEncryptionKey& from, const KeyEncryptionKey& to,
                                           QByteArrayView key, QByteArrayView binding, QString* error)
{
    const std::optional<SecureBuffer> dataKey = unwrap(from, key, binding, error);
    if (!dataKey)
        return std::nullopt;
    return wrap(to, *dataKey, binding, error);
}

QString Envelope::kekIdOf(QByteArrayView key)
{
    QString ignored;
    const std::optional<KeyParts> parts = splitKey(key, true, &ignored);
    return parts ? QString::fromLatin1(parts->kekId) : QString();
}

} // namespace fg
