#include "core/security/PasswordHasher.h"

#include "core/security/CryptoRandom.h"
#include "core/security/Scrypt.h"

#include <QStringList>

#include <openssl/crypto.h>

namespace fg {
namespace {

const QString kPrefix = QStringLiteral("$scrypt$");
const int kMinStoredSaltBytes = 8;
const int kMaxStoredSaltBytes = 64;

struct Parsed {
    ScryptParams params;
    QByteArray salt;
    QByteArray hash;
};

QString base64(const QByteArray& bytes)
{
    return QString::fromLatin1(bytes.toBase64(QByteArray::Base64Encoding | QByteArray::OmitTrailingEquals));
}

// Canonical unpadded base64 only: decoding and encoding again gives the text back.
std::optional<QByteArray> fromBase64(const QString& text)
{
    const QByteArray latin = text.toLatin1();
    const auto decoded = QByteArray::fromBase64Encoding(latin, QByteArray::Base64Encoding
                                                                   | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || base64(decoded.decoded) != text)
        return std::nullopt;
    return decoded.decoded;
}

// A decimal number without sign or leading zero.
std::optional<quint64> number(QStringView text, QStringView name)
{
    if (!text.startsWith(name) || text.size() <= name.size())
        return std::nullopt;
    const QStringView digits = text.sliced(name.size());
    if (digits.size() > 9 || (digits.size() > 1 && digits.front() == u'0'))
        return std::nullopt;
    for (const QChar c : digits) {
        if (c < u'0' || c > u'9')
            return std::nullopt;
    }
    return digits.toULongLong();
}

std::optional<Parsed> parse(const QString& stored)
{
    if (!stored.startsWith(kPrefix))
        return std::nullopt;
    const QStringList fields = stored.sliced(kPrefix.size()).split(u'$');
    if (fields.size() != 3)
        return std::nullopt;
    const QStringList params = fields[0].split(u',');
    if (params.size() != 3)
        return std::nullopt;
    const auto ln = number(params[0], u"ln=");
    const auto r = number(params[1], u"r=");
    const auto p = number(params[2], u"p=");
    if (!ln || !r || !p || *ln < 1 || *ln > 62)
        return std::nullopt;
    Parsed parsed;
    parsed.params = {quint64(1) << *ln, static_cast<quint32>(*r), static_cast<quint32>(*p)};
    QString ignored;
    if (!parsed.params.isValid(&ignored))
        return std::nullopt;
    const auto salt = fromBase64(fields[1]);
    const auto hash = fromBase64(fields[2]);
    if (!salt || salt->size() < kMinStoredSaltBytes || salt->size() > kMaxStoredSaltBytes || !hash
        || hash->size() != PasswordHasher::kHashBytes)
        return std::nullopt;
    parsed.salt = *salt;
    parsed.hash = *hash;
    return parsed;
}

} // namespace

std::optional<QString> PasswordHasher::hash(const SecureBuffer& password, QString* error, const ScryptParams& params)
{
    if (!params.isValid(error))
        return std::nullopt;
    const std::optional<QByteArray> salt = CryptoRandom::bytes(kSaltBytes, error);
    if (!salt)
        return std::nullopt;
    const std::optional<SecureBuffer> derived = Scrypt::derive(password.view(), *salt, params, kHashBytes, error);
    if (!derived)
        return std::nullopt;
    const QByteArray hashBytes = derived->view().toByteArray(); // not secret: this is what gets stored
    return kPrefix + QStringLiteral("ln=%1,r=%2,p=%3").arg(params.log2N()).arg(params.r).arg(params.p) + u'$'
        + base64(*salt) + u'$' + base64(hashBytes);
}

bool PasswordHasher::verify(const SecureBuffer& password, const QString& stored)
{
    const std::optional<Parsed> parsed = parse(stored);
    if (!parsed)
        return false;
    QString ignored;
    const std::optional<SecureBuffer> derived =
        Scrypt::derive(password.view(), parsed->salt, parsed->params, kHashBytes, &ignored);
    return derived && derived->size() == parsed->hash.size()
        && CRYPTO_memcmp(derived->data(), parsed->hash.constData(), static_cast<size_t>(kHashBytes)) == 0;
}

bool PasswordHasher::needsRehash(const QString& stored, const ScryptParams& target)
{
    const std::optional<Parsed> parsed = parse(stored);
    return !parsed || !(parsed->params == target) || parsed->salt.size() != kSaltBytes;
}

std::optional<ScryptParams> PasswordHasher::paramsOf(const QString& stored)
{
    const std::optional<Parsed> parsed = parse(stored);
    if (!parsed)
        return std::nullopt;
    return parsed->params;
}

} // namespace fg
