#include "core/security/Envelope.h"

#include "core/security/AesGcm.h"
#include "core/security/CryptoRandom.h"

#include <algorithm>

namespace fg {
namespace {

const int kDataKeyBytes = 32;

// The parts of a blob; views into it.
struct Parts {
    QByteArrayView header; // magic, id length, id
    QByteArrayView kekId;
    QByteArrayView wrappedKey;
    QByteArrayView data;
};

bool isIdCharacter(char c)
{
    return c > ' ' && c < 127;
}

std::optional<Parts> split(QByteArrayView sealed, QString* error)
{
    const qsizetype fixed = Envelope::kMagicBytes + 1;
    if (sealed.size() < fixed) {
        *error = QStringLiteral("truncated");
        return std::nullopt;
    }
    if (sealed.first(Envelope::kMagicBytes) != QByteArrayView(Envelope::kMagic, Envelope::kMagicBytes)) {
        *error = QStringLiteral("not a FaceGate envelope (no FGE1 header)");
        return std::nullopt;
    }
    const int idBytes = static_cast<unsigned char>(sealed[Envelope::kMagicBytes]);
    if (sealed.size() < fixed + idBytes + Envelope::kWrappedKeyBytes + AesGcm::kOverheadBytes) {
        *error = QStringLiteral("truncated");
        return std::nullopt;
    }
    Parts parts;
    parts.header = sealed.first(fixed + idBytes);
    parts.kekId = sealed.sliced(fixed, idBytes);
    if (idBytes == 0 || !std::all_of(parts.kekId.begin(), parts.kekId.end(), isIdCharacter)) {
        *error = QStringLiteral("malformed envelope header (key id)");
        return std::nullopt;
    }
    parts.wrappedKey = sealed.sliced(parts.header.size(), Envelope::kWrappedKeyBytes);
    parts.data = sealed.sliced(parts.header.size() + Envelope::kWrappedKeyBytes);
    return parts;
}

QByteArray wrapAad(QByteArrayView header, QByteArrayView binding)
{
    return header.toByteArray() + binding.toByteArray();
}

// The DEK of a blob sealed under `kek`.
std::optional<SecureBuffer> unwrap(const KeyEncryptionKey& kek, const Parts& parts, QByteArrayView binding,
                                   QString* error)
{
    const QString id = QString::fromLatin1(parts.kekId);
    if (id != kek.id()) {
        *error = QStringLiteral("sealed with key %1, not with the key in use (%2)").arg(id, kek.id());
        return std::nullopt;
    }
    std::optional<SecureBuffer> dataKey =
        AesGcm::openSecret(kek.key(), parts.wrappedKey, wrapAad(parts.header, binding), error);
    if (dataKey && dataKey->size() != kDataKeyBytes) { // cannot happen: the size is fixed by split()
        *error = QStringLiteral("malformed envelope (data key)");
        return std::nullopt;
    }
    return dataKey;
}

} // namespace

std::optional<QByteArray> Envelope::seal(const KeyEncryptionKey& kek, QByteArrayView plaintext, QByteArrayView binding,
                                         QString* error)
{
    const QByteArray id = kek.id().toLatin1();
    if (id.isEmpty() || id.size() > 255 || !std::all_of(id.begin(), id.end(), isIdCharacter)) {
        *error = QStringLiteral("the key id \"%1\" cannot be recorded in an envelope").arg(kek.id());
        return std::nullopt;
    }
    QByteArray header = QByteArray(kMagic, kMagicBytes);
    header.append(static_cast<char>(id.size()));
    header.append(id);

    const std::optional<SecureBuffer> dataKey = CryptoRandom::secret(kDataKeyBytes, error);
    if (!dataKey)
        return std::nullopt;
    const std::optional<QByteArray> wrappedKey =
        AesGcm::seal(kek.key(), dataKey->view(), wrapAad(header, binding), error);
    if (!wrappedKey)
        return std::nullopt;
    const std::optional<QByteArray> data = AesGcm::seal(*dataKey, plaintext, binding, error);
    if (!data)
        return std::nullopt;
    return header + *wrappedKey + *data;
}

std::optional<QByteArray> Envelope::open(const KeyEncryptionKey& kek, QByteArrayView sealed, QByteArrayView binding,
                                         QString* error)
{
    const std::optional<Parts> parts = split(sealed, error);
    if (!parts)
        return std::nullopt;
    const std::optional<SecureBuffer> dataKey = unwrap(kek, *parts, binding, error);
    if (!dataKey)
        return std::nullopt;
    return AesGcm::open(*dataKey, parts->data, binding, error);
}

std::optional<SecureBuffer> Envelope::openSecret(const KeyEncryptionKey& kek, QByteArrayView sealed,
                                                 QByteArrayView binding, QString* error)
{
    const std::optional<Parts> parts = split(sealed, error);
    if (!parts)
        return std::nullopt;
    const std::optional<SecureBuffer> dataKey = unwrap(kek, *parts, binding, error);
    if (!dataKey)
        return std::nullopt;
    return AesGcm::openSecret(*dataKey, parts->data, binding, error);
}

QString Envelope::kekIdOf(QByteArrayView sealed)
{
    QString ignored;
    const std::optional<Parts> parts = split(sealed, &ignored);
    return parts ? QString::fromLatin1(parts->kekId) : QString();
}

} // namespace fg
