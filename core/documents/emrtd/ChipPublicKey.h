#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <openssl/types.h>

#include <memory>
#include <optional>

namespace fg {

// An OpenSSL key shared by the objects that use it (freed with the last).
using EvpKey = std::shared_ptr<EVP_PKEY>;
EvpKey adoptEvpKey(EVP_PKEY* key); // takes ownership; null stays null

// A public key a chip proves it holds the private key of (ICAO Doc 9303 part
// 11, 6.1 and 6.2): the SubjectPublicKeyInfo of DG15 (active authentication:
// RSA or EC) or of DG14's ChipAuthenticationPublicKeyInfo (chip
// authentication: EC with named or explicit domain parameters, or X9.42 DH).
//
// Refused, with the reason: bytes that are not one DER SubjectPublicKeyInfo,
// a DG15 that is not one 6F wrapping exactly one, a key type other than RSA,
// EC or DH, an RSA key under 1024 or over 8192 bits (kMinRsaBits,
// kMaxRsaBits), an EC key over 640 bits of field.
class ChipPublicKey {
public:
    static constexpr int kMinRsaBits = 1024;
    static constexpr int kMaxRsaBits = 8192;
    static constexpr int kMaxDhBits = 8192;
    static constexpr int kMaxEcBits = 640;
    static constexpr unsigned char kDg15Tag = 0x6F;

    enum class Type { Rsa, Ec, Dh };

    static std::optional<ChipPublicKey> fromSubjectPublicKeyInfo(QByteArrayView der, QString* error);
    static std::optional<ChipPublicKey> fromDg15(QByteArrayView dg15, QString* error);

    Type type() const { return m_type; }
    int bits() const { return m_bits; } // RSA and DH: the modulus; EC: the curve's order
    const EvpKey& key() const { return m_key; }
    // "RSA 2048", "ECDSA brainpoolP256r1", "NIST P-256", "DH 2048".
    QString description() const;
    // "brainpoolP256r1", "NIST P-256", "an explicit 256-bit curve"; empty for RSA and DH.
    QString curveName() const;

    // Encoders (the simulated chip's files, the tests): the DER
    // SubjectPublicKeyInfo of a key's public part, EC domain parameters named
    // (an OID) or explicit (TR-03111 ECParameters); DG15 is 6F { that }.
    static QByteArray encodeSubjectPublicKeyInfo(EVP_PKEY* key, bool explicitParameters = false);
    static QByteArray encodeDg15(EVP_PKEY* key);
    // A readable name of an OpenSSL EC group name: "prime256v1" -> "NIST P-256".
    static QString curveDisplayName(const QString& groupName);

private:
    ChipPublicKey() = default;

    EvpKey m_key;
    Type m_type = Type::Rsa;
    int m_bits = 0;
    QString m_curve;
};

} // namespace fg
