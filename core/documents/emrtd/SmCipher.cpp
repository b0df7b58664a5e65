#include "core/documents/emrtd/SmCipher.h"

namespace fg {

int smCipherKeyBytes(SmCipher cipher)
{
    switch (cipher) {
    case SmCipher::TripleDes:
    case SmCipher::Aes128:
        return 16;
    case SmCipher::Aes192:
        return 24;
    case SmCipher::Aes256:
        return 32;
    }
    return 16;
}

int smCipherBlockBytes(SmCipher cipher)
{
    return cipher == SmCipher::TripleDes ? 8 : 16;
}

QString smCipherName(SmCipher cipher)
{
    switch (cipher) {
    case SmCipher::TripleDes:
        return QStringLiteral("3DES");
    case SmCipher::Aes128:
        return QStringLiteral("AES-128");
    case SmCipher::Aes192:
        return QStringLiteral("AES-192");
    case SmCipher::Aes256:
        return QStringLiteral("AES-256");
    }
    return QStringLiteral("?");
}

} // namespace fg
