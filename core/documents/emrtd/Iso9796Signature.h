#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <optional>

namespace fg {

// ISO/IEC 9796-2 digital signature scheme 1 with partial message recovery,
// as active authentication uses it with RSA (ICAO Doc 9303 part 11, 6.1):
// the signed message is M = M1 || M2, M1 (chosen by the chip) recovered
// from the signature, M2 the terminal's challenge. The message
// representative, as long as the modulus (whole bytes), is
//     6A || M1 || H(M1 || M2) || trailer
// (header '01', the partial-recovery bit, the padding end nibble A), the
// trailer BC for SHA-1 given implicitly, or xx CC with the hash identifier
// of ISO/IEC 10118-3: 33 SHA-1, 34 SHA-256, 35 SHA-512, 36 SHA-384, 38 SHA-224.
// Only the representative is handled here; the RSA operation is the caller's.
class Iso9796Signature {
public:
    struct Recovered {
        QByteArray m1;
        QString hashName; // OpenSSL's: "SHA1", "SHA256"...
        bool implicitTrailer = false;
    };

    // The representative of M1 || m2 with `hashName` and the trailer BC
    // (implicit: SHA-1 only) or xxCC; M1 drawn at random to fill the size.
    static std::optional<QByteArray> represent(int size, QByteArrayView m2, const QString& hashName, bool implicit,
                                               QString* error);
    // Checks a representative J (s^e mod n, as many bytes as the modulus)
    // against M2: header, padding, trailer, and the hash of M1 || M2.
    // Refused, with the reason: a header that is not 01 with partial
    // recovery, an unknown trailer or hash identifier, no room for M1, a
    // hash that differs.
    static std::optional<Recovered> recover(QByteArrayView representative, QByteArrayView m2, QString* error);

    // The hash identifier of ISO/IEC 10118-3 for a hash, 0 when none.
    static int hashIdentifier(const QString& hashName);
    // "SHA-256" for "SHA256".
    static QString hashDisplayName(const QString& hashName);
};

} // namespace fg
