#pragma once

#include <QByteArrayView>
#include <QString>

#include <optional>

namespace fg {

// Time-based one-time passwords (RFC 6238 over RFC 4226 HOTP). Time is passed
// in (Unix seconds), never read here.
class Totp {
public:
    enum class Algorithm { Sha1, Sha256, Sha512 };

    static constexpr int kMinDigits = 6;
    static constexpr int kMaxDigits = 9;
    static constexpr int kMaxWindow = 10;

    // The code for the time step containing `unixSeconds`, zero-padded to
    // `digits`; empty if digits is not 6 to 9 or periodSeconds < 1.
    static QString code(QByteArrayView secret, qint64 unixSeconds, int digits = 6, int periodSeconds = 30,
                        Algorithm algorithm = Algorithm::Sha1);
    // The code for time step `step` (= floor(unixSeconds / periodSeconds)).
    static QString codeAt(QByteArrayView secret, qint64 step, int digits = 6, Algorithm algorithm = Algorithm::Sha1);
    // The time step whose code `code` is, searched within `window` steps
    // either side of now; the caller stores it and refuses a step not later
    // than the last one used (replay). Codes are compared in constant time;
    // anything but exactly `digits` ASCII digits matches nothing.
    static std::optional<qint64> verify(QByteArrayView secret, const QString& code, qint64 unixSeconds, int window = 1,
                                        int digits = 6, int periodSeconds = 30, Algorithm algorithm = Algorithm::Sha1);
    // "otpauth://totp/<issuer>:<account>?secret=<base32>&issuer=<issuer>&algorithm=SHA1&digits=6&period=30"
    // (the Key Uri Format of authenticator apps), for a QR code.
    static QString provisioningUri(const QString& issuer, const QString& account, QByteArrayView secret);
};

} // namespace fg
