#include "core/security/CryptoSelfTest.h"

#include "core/security/AesGcm.h"
#include "core/security/Hmac.h"
#include "core/security/Scrypt.h"
#include "core/security/SecureBuffer.h"
#include "core/security/Sha256.h"
#include "core/security/Totp.h"

#include <QByteArray>


namespace fg {
namespace {

QByteArray hex(const char* digits)
{
    return QByteArray::fromHex(digits);
}

bool sha256()
{
    return Sha256::hash("abc") == hex("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

bool aesGcm()
{
    const SecureBuffer key =
        SecureBuffer::copyOf(hex("feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308"));
    const QByteArray aad = hex("feedfacedeadbeeffeedfacedeadbeefabaddad2");
    const QByteArray plaintext = hex("d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72"
                                     "1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39");
    QByteArray sealed = hex("cafebabefacedbaddecaf888") // nonce
        + hex("522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa"
              "8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662") // ciphertext
        + hex("76fc6ece0f4e1768cddf8853bb2d551b"); // tag
    QString error;
    const std::optional<QByteArray> opened = AesGcm::open(key, sealed, aad, &error);
    if (!opened || *opened != plaintext)
        return false;
    sealed.back() = static_cast<char>(sealed.back() ^ 0x01);
    return !AesGcm::open(key, sealed, aad, &error);
}

bool hmacSha256()
{
    return Hmac::sha256("Jefe", "what do ya want for nothing?")
        == hex("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
}

bool scrypt()
{
    QString error;
    const std::optional<SecureBuffer> derived = Scrypt::derive("password", "NaCl", {1024, 8, 16}, 64, &error);
    return derived
        && derived->view()
        == QByteArrayView(hex("fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b373162"
                              "2eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640"));
}

bool totp()
{
    return Totp::code("12345678901234567890", 59, 8) == QStringLiteral("94287082");
}

} // namespace

bool CryptoSelfTest::run(QString* error)
{
    struct Test {
        const char* name;
        bool (*passes)();
    };
    static const Test kTests[] = {
        {"SHA-256 (FIPS 180-2 \"abc\")", &sha256},
        {"AES-256-GCM (GCM test case 16, with AAD)", &aesGcm},
        {"HMAC-SHA256 (RFC 4231 case 2)", &hmacSha256},
        {"scrypt (RFC 7914, N=1024, r=8, p=16)", &scrypt},
        {"TOTP (RFC 6238, SHA-1, T=59)", &totp},
    };
    for (const Test& test : kTests) {
        if (!test.passes()) {
            *error = QStringLiteral("crypto self-test failed: %1").arg(QString::fromLatin1(test.name));
            return false;
        }
    }
    return true;
}

} // namespace fg
