#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <optional>

namespace fg {

// AES-CMAC (NIST SP 800-38B), the MAC of AES secure messaging and of PACE's
// authentication tokens (ICAO Doc 9303 part 11, 9.8.7.2), through OpenSSL
// 3's EVP_MAC; the key picks AES-128, -192 or -256 (16, 24 or 32 bytes, any
// other size is refused). compute() gives all 16 bytes; eMRTD uses the
// first 8 (kTruncatedBytes).
class AesCmac {
public:
    static constexpr int kBytes = 16;
    static constexpr int kTruncatedBytes = 8;

    static std::optional<QByteArray> compute(QByteArrayView key, QByteArrayView data, QString* error);
};

} // namespace fg
