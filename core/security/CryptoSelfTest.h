#pragma once

#include <QString>

namespace fg {

// Known-answer tests of the crypto FaceGate relies on, run at start-up:
// SHA-256 ("abc", FIPS 180-2), AES-256-GCM (GCM spec test case 16, with AAD;
// and a changed tag refused), HMAC-SHA256 (RFC 4231 case 2), scrypt (RFC 7914,
// "password"/"NaCl", N=1024, r=8, p=16), TOTP (RFC 6238, SHA-1, T=59, 8 digits).
// The error names the test that failed.
class CryptoSelfTest {
public:
    static bool run(QString* error);
};

} // namespace fg
