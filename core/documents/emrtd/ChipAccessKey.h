#pragma once

#include "core/security/SecureBuffer.h"

#include <QString>

#include <optional>

namespace fg {

struct MrzDocument;

// What opens the chip: the MRZ information (document number, date of birth
// and date of expiry, each followed by its check digit: ICAO Doc 9303 part
// 11, 9.7.2) for BAC and PACE, or the card access number (CAN) printed on
// the document for PACE only.
//
// The document number is used as the MRZ has it: padded with < to 9
// characters, or whole when longer (a TD1 number continued in the optional
// data, Doc 9303 part 11 appendix D.2). The check digits are computed here
// (Doc 9303 part 3, 4.9), which is what the issuer wrote into the chip.
// Refused: an empty number, a character outside A-Z 0-9 <, a date that is
// not six digits or <, a CAN that is empty or not digits only.
class ChipAccessKey {
public:
    enum class Kind { Mrz, Can };

    // Dates as the MRZ writes them: YYMMDD.
    static std::optional<ChipAccessKey> fromMrzFields(const QString& documentNumber, const QString& birthDate,
                                                      const QString& expiryDate, QString* error);
    static std::optional<ChipAccessKey> fromMrz(const MrzDocument& document, QString* error);
    static std::optional<ChipAccessKey> fromCan(const QString& can, QString* error);

    Kind kind() const { return m_kind; }
    // "L898902C<369080619406236" (MRZ), or the CAN's digits.
    const SecureBuffer& secret() const { return m_secret; }
    // BAC's Kseed: the first 16 bytes of SHA-1(MRZ information). Refused for a CAN.
    std::optional<SecureBuffer> bacKeySeed(QString* error) const;
    // PACE's f(pi): SHA-1(MRZ information), or the CAN's bytes (part 11, 9.7.3).
    std::optional<SecureBuffer> pacePassword(QString* error) const;
    // PACE's password reference in MSE:Set AT: 1 for the MRZ, 2 for the CAN.
    int paceKeyReference() const { return m_kind == Kind::Mrz ? 1 : 2; }

private:
    ChipAccessKey(Kind kind, SecureBuffer secret);

    Kind m_kind = Kind::Mrz;
    SecureBuffer m_secret;
};

} // namespace fg
