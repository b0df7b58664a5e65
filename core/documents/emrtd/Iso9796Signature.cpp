#include "core/documents/emrtd/Iso9796Signature.h"

#include "core/security/CryptoRandom.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>

namespace fg {
namespace {

bool fail(QString* error, const QString& why)
{
    if (error)
        *error = why;
    return false;
}

QString hashForIdentifier(int identifier)
{
    switch (identifier) {
    case 0x33: return QStringLiteral("SHA1");
    case 0x34: return QStringLiteral("SHA256");
    case 0x35: return QStringLiteral("SHA512");
    case 0x36: return QStringLiteral("SHA384");
    case 0x38: return QStringLiteral("SHA224");
    default: return QString();
    }
}

std::optional<QByteArray> digest(const QString& hashName, QByteArrayView a, QByteArrayView b, QString* error)
{
    EVP_MD* md = EVP_MD_fetch(nullptr, hashName.toLatin1().constData(), nullptr);
    if (!md) {
        fail(error, QStringLiteral("the hash %1 is not available").arg(hashName));
        return std::nullopt;
    }
    QByteArray out(EVP_MD_get_size(md), '\0');
    EVP_MD_CTX* context = EVP_MD_CTX_new();
    unsigned int size = 0;
    const bool ok = context && EVP_DigestInit_ex(context, md, nullptr)
        && EVP_DigestUpdate(context, a.data(), static_cast<size_t>(a.size()))
        && EVP_DigestUpdate(context, b.data(), static_cast<size_t>(b.size()))
        && EVP_DigestFinal_ex(context, reinterpret_cast<unsigned char*>(out.data()), &size);
    EVP_MD_CTX_free(context);
    EVP_MD_free(md);
    if (!ok || size != static_cast<unsigned int>(out.size())) {
        fail(error, QStringLiteral("hashing with %1 failed").arg(hashName));
        return std::nullopt;
    }
    return out;
}

} // namespace

int Iso9796Signature::hashIdentifier(const QString& hashName)
{
    for (int identifier : {0x33, 0x34, 0x35, 0x36, 0x38})
        if (hashForIdentifier(identifier) == hashName)
            return identifier;
    return 0;
}

QString Iso9796Signature::hashDisplayName(const QString& hashName)
{
    QString name = hashName;
    if (name.startsWith(QLatin1String("SHA")) && !name.contains(QLatin1Char('-')))
        name.insert(3, QLatin1Char('-'));
    return name;
}

std::optional<QByteArray> Iso9796Signature::represent(int size, QByteArrayView m2, const QString& hashName,
                                                      bool implicit, QString* error)
{
    const int identifier = hashIdentifier(hashName);
    if (identifier == 0 || (implicit && identifier != 0x33)) {
        fail(error, QStringLiteral("ISO/IEC 9796-2: no trailer for %1%2")
                        .arg(hashName, implicit ? QStringLiteral(" given implicitly") : QString()));
        return std::nullopt;
    }
    QString why;
    auto placeholder = digest(hashName, {}, {}, &why);
    if (!placeholder) {
        fail(error, QStringLiteral("ISO/IEC 9796-2: ") + why);
        return std::nullopt;
    }
    const int trailerBytes = implicit ? 1 : 2;
    const qsizetype m1Size = size - 1 - placeholder->size() - trailerBytes;
    if (m1Size < 1) {
        fail(error, QStringLiteral("ISO/IEC 9796-2: a %1-byte modulus leaves no room for M1").arg(size));
        return std::nullopt;
    }
    auto m1 = CryptoRandom::bytes(static_cast<int>(m1Size), &why);
    if (!m1) {
        fail(error, QStringLiteral("ISO/IEC 9796-2: ") + why);
        return std::nullopt;
    }
    const auto hash = digest(hashName, *m1, m2, &why);
    if (!hash) {
        fail(error, QStringLiteral("ISO/IEC 9796-2: ") + why);
        return std::nullopt;
    }
    QByteArray representative = QByteArray(1, '\x6A') + *m1 + *hash;
    if (implicit)
        representative += '\xBC';
    else
        representative += QByteArray(1, char(identifier)) + '\xCC';
    return representative;
}

std::optional<Iso9796Signature::Recovered> Iso9796Signature::recover(QByteArrayView j, QByteArrayView m2,
                                                                     QString* error)
{
    const auto byte = [&j](qsizetype i) { return static_cast<unsigned char>(j[i]); };
    if (j.size() < 4) {
        fail(error, QStringLiteral("a recovered message of %1 bytes").arg(j.size()));
        return std::nullopt;
    }
    if ((byte(0) & 0xC0) != 0x40) {
        fail(error, QStringLiteral("the recovered message does not start with the ISO/IEC 9796-2 header "
                                   "(first byte %1): the signature was not made with this key")
                        .arg(QString::number(byte(0), 16).toUpper().rightJustified(2, QLatin1Char('0'))));
        return std::nullopt;
    }
    if ((byte(0) & 0x20) == 0) {
        fail(error, QStringLiteral("the signature claims total message recovery; active authentication needs "
                                   "partial recovery (the challenge is not in the signature)"));
        return std::nullopt;
    }
    Recovered result;
    int trailerBytes = 1;
    const unsigned char last = byte(j.size() - 1);
    if (last == 0xBC) {
        result.implicitTrailer = true;
        result.hashName = QStringLiteral("SHA1");
    } else if (last == 0xCC) {
        trailerBytes = 2;
        result.hashName = hashForIdentifier(byte(j.size() - 2));
        if (result.hashName.isEmpty()) {
            fail(error, QStringLiteral("the signature names the hash identifier %1, which is not SHA-1/224/256/384/512")
                            .arg(QString::number(byte(j.size() - 2), 16).toUpper()));
            return std::nullopt;
        }
    } else {
        fail(error, QStringLiteral("the recovered message ends in %1, not an ISO/IEC 9796-2 trailer (BC or xxCC)")
                        .arg(QString::number(last, 16).toUpper().rightJustified(2, QLatin1Char('0'))));
        return std::nullopt;
    }
    // Padding: the header nibble A ends it at once; B starts a run of BB bytes ended by BA.
    qsizetype start = 1;
    if ((byte(0) & 0x0F) == 0x0B) {
        while (start < j.size() && byte(start) == 0xBB)
            ++start;
        if (start >= j.size() || byte(start) != 0xBA) {
            fail(error, QStringLiteral("the ISO/IEC 9796-2 padding is malformed"));
            return std::nullopt;
        }
        ++start;
    } else if ((byte(0) & 0x0F) != 0x0A) {
        fail(error, QStringLiteral("the ISO/IEC 9796-2 padding is malformed"));
        return std::nullopt;
    }
    QString why;
    const auto expectedHashSize = digest(result.hashName, {}, {}, &why);
    if (!expectedHashSize) {
        fail(error, why);
        return std::nullopt;
    }
    const qsizetype hashStart = j.size() - trailerBytes - expectedHashSize->size();
    if (hashStart - start < 1) {
        fail(error, QStringLiteral("the recovered message has no room for M1"));
        return std::nullopt;
    }
    result.m1 = j.sliced(start, hashStart - start).toByteArray();
    const auto hash = digest(result.hashName, result.m1, m2, &why);
    if (!hash) {
        fail(error, why);
        return std::nullopt;
    }
    if (CRYPTO_memcmp(hash->constData(), j.data() + hashStart, static_cast<size_t>(hash->size())) != 0) {
        fail(error, QStringLiteral("the %1 hash of M1 and the challenge differs from the one signed: the chip did not "
                                   "sign this challenge")
                        .arg(hashDisplayName(result.hashName)));
        return std::nullopt;
    }
    return result;
}

} // namespace fg
