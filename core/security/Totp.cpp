#include "core/security/Totp.h"

#include "core/security/Base32.h"
#include "core/security/Hmac.h"

#include <QUrl>

#include <openssl/crypto.h>

namespace fg {
namespace {

Hmac::Digest digestOf(Totp::Algorithm algorithm)
{
    switch (algorithm) {
    case Totp::Algorithm::Sha1:
        return Hmac::Digest::Sha1;
    case Totp::Algorithm::Sha256:
        return Hmac::Digest::Sha256;
    case Totp::Algorithm::Sha512:
        return Hmac::Digest::Sha512;
    }
    return Hmac::Digest::Sha1;
}

bool validDigits(int digits)
{
    return digits >= Totp::kMinDigits && digits <= Totp::kMaxDigits;
}

// floor(a / b) for b > 0, also for times before 1970.
qint64 floorDiv(qint64 a, qint64 b)
{
    const qint64 q = a / b;
    return (a % b != 0 && a < 0) ? q - 1 : q;
}

bool isDigits(const QString& text)
{
    for (const QChar c : text) {
        if (c < u'0' || c > u'9')
            return false;
    }
    return true;
}

} // namespace

QString Totp::codeAt(QByteArrayView secret, qint64 step, int digits, Algorithm algorithm)
{
    if (!validDigits(digits))
        return QString();
    char counter[8];
    for (int i = 7; i >= 0; --i) {
        counter[i] = static_cast<char>(static_cast<quint64>(step) & 0xff);
        step = static_cast<qint64>(static_cast<quint64>(step) >> 8);
    }
    const QByteArray mac = Hmac::compute(digestOf(algorithm), secret, QByteArrayView(counter, 8));
    if (mac.isEmpty())
        return QString();
    // Dynamic truncation (RFC 4226, section 5.3).
    const int offset = mac.back() & 0x0f;
    const quint32 binary = (static_cast<quint32>(static_cast<unsigned char>(mac[offset]) & 0x7f) << 24)
        | (static_cast<quint32>(static_cast<unsigned char>(mac[offset + 1])) << 16)
        | (static_cast<quint32>(static_cast<unsigned char>(mac[offset + 2])) << 8)
        | static_cast<quint32>(static_cast<unsigned char>(mac[offset + 3]));
    quint32 modulus = 1;
    for (int i = 0; i < digits; ++i)
        modulus *= 10;
    return QStringLiteral("%1").arg(binary % modulus, digits, 10, QLatin1Char('0'));
}

QString Totp::code(QByteArrayView secret, qint64 unixSeconds, int digits, int periodSeconds, Algorithm algorithm)
{
    if (periodSeconds < 1)
        return QString();
    return codeAt(secret, floorDiv(unixSeconds, periodSeconds), digits, algorithm);
}

std::optional<qint64> Totp::verify(QByteArrayView secret, const QString& code, qint64 unixSeconds, int window,
                                   int digits, int periodSeconds, Algorithm algorithm)
{
    if (!validDigits(digits) || periodSeconds < 1 || window < 0 || window > kMaxWindow || code.size() != digits
        || !isDigits(code))
        return std::nullopt;
    const QByteArray typed = code.toLatin1();
    const qint64 now = floorDiv(unixSeconds, periodSeconds);
    std::optional<qint64> matched;
    // Every step of the window is computed and compared, match or not.
    for (qint64 step = now - window; step <= now + window; ++step) {
        const QByteArray expected = codeAt(secret, step, digits, algorithm).toLatin1();
        if (expected.size() == typed.size()
            && CRYPTO_memcmp(expected.constData(), typed.constData(), static_cast<size_t>(typed.size())) == 0)
            matched = step; // the latest matching step wins
    }
    return matched;
}

QString Totp::provisioningUri(const QString& issuer, const QString& account, QByteArrayView secret)
{
    const QString issuerText = QString::fromLatin1(QUrl::toPercentEncoding(issuer));
    const QString accountText = QString::fromLatin1(QUrl::toPercentEncoding(account));
    return QStringLiteral("otpauth://totp/%1:%2?secret=%3&issuer=%1&algorithm=SHA1&digits=6&period=30")
        .arg(issuerText, accountText, Base32::encode(secret));
}

} // namespace fg
