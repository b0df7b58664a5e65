#pragma once

#include "core/security/SecureBuffer.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <memory>
#include <optional>

namespace fg {

// The elliptic-curve arithmetic of PACE with generic mapping (ICAO Doc 9303
// part 11, 4.4.3.3.1), the same on the terminal's side and the chip's:
//  1. a mapping key pair on the curve's generator G: PK_map = SK_map * G;
//  2. with the other side's PK_map and the decrypted nonce s:
//     H = SK_map * PK_map(other), the mapped generator G~ = s * G + H;
//  3. an ephemeral key pair on G~: PK_DH = SK_DH * G~;
//  4. the shared secret K = x(SK_DH * PK_DH(other)), as many bytes as the
//     field.
// Points are encoded uncompressed (04 || x || y). Keys are drawn from
// OpenSSL's CSPRNG in 1..n-1, or given (the known-answer tests). Private
// scalars live in OpenSSL's secure BIGNUMs, cleared when freed; the scalar
// multiplications by secret scalars take OpenSSL's constant-time ladder.
//
// Refused: a curve OpenSSL lacks; a public key from the other side that is
// not an uncompressed point of the curve, or is the point at infinity, or
// equals our own (Doc 9303, 4.4.3.3.2: PK_DH,IC must differ from PK_DH,IFD);
// an H or a G~ at infinity; a given private key outside 1..n-1; the steps
// out of order.
class PaceEcdhMapping {
public:
    static std::optional<PaceEcdhMapping> forCurve(int curveNid, QString* error);
    ~PaceEcdhMapping();
    PaceEcdhMapping(PaceEcdhMapping&&) noexcept;
    PaceEcdhMapping& operator=(PaceEcdhMapping&&) noexcept;

    int fieldBytes() const;

    // Step 1: our PK_map.
    std::optional<QByteArray> generateMappingKey(QString* error);
    std::optional<QByteArray> setMappingKey(QByteArrayView privateKey, QString* error);
    // Step 2.
    bool mapGenerator(QByteArrayView nonce, QByteArrayView peerMappingKey, QString* error);
    QByteArray sharedPointH() const;     // empty before step 2
    QByteArray mappedGenerator() const;  // empty before step 2
    // Step 3: our PK_DH on G~.
    std::optional<QByteArray> generateAgreementKey(QString* error);
    std::optional<QByteArray> setAgreementKey(QByteArrayView privateKey, QString* error);
    // Step 4.
    std::optional<SecureBuffer> sharedSecret(QByteArrayView peerAgreementKey, QString* error);

private:
    struct State;
    explicit PaceEcdhMapping(std::unique_ptr<State> state);

    std::unique_ptr<State> m_state;
};

} // namespace fg
