#pragma once

// What the clone-check tests share: keys made with OpenSSL, a pair of secure
// messaging sessions (terminal and chip) with the same keys, and the
// exchange of one command as bytes between them, exactly as over a card.

#include "core/documents/emrtd/ChipPublicKey.h"
#include "core/documents/emrtd/CommandApdu.h"
#include "core/documents/emrtd/ResponseApdu.h"
#include "core/documents/emrtd/SecureMessaging.h"
#include "core/documents/emrtd/SecureMessagingChip.h"
#include "core/documents/emrtd/SessionKeys.h"

#include <QByteArray>
#include <QString>

#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/params.h>
#include <openssl/rsa.h>

#include <functional>
#include <optional>

namespace rig {

inline fg::EvpKey rsaKey(unsigned int bits)
{
    return fg::adoptEvpKey(EVP_RSA_gen(bits));
}

inline fg::EvpKey ecKey(const char* curve)
{
    return fg::adoptEvpKey(EVP_EC_gen(curve));
}

// An X9.42 DH key on a named group of RFC 5114 ("dh_1024_160", "dh_2048_224"...).
inline fg::EvpKey dhKey(const char* group)
{
    EVP_PKEY_CTX* context = EVP_PKEY_CTX_new_from_name(nullptr, "DHX", nullptr);
    EVP_PKEY* key = nullptr;
    OSSL_PARAM params[] = {
        OSSL_PARAM_construct_utf8_string(OSSL_PKEY_PARAM_GROUP_NAME, const_cast<char*>(group), 0),
        OSSL_PARAM_construct_end(),
    };
    if (context && EVP_PKEY_keygen_init(context) > 0 && EVP_PKEY_CTX_set_params(context, params) > 0)
        EVP_PKEY_generate(context, &key);
    EVP_PKEY_CTX_free(context);
    return fg::adoptEvpKey(key);
}

// Session keys as BAC or PACE would leave them (fixed bytes: both sides hold the same).
inline fg::SessionKeys sessionKeys(fg::SmCipher cipher)
{
    fg::SessionKeys keys;
    keys.cipher = cipher;
    keys.encryption = fg::SecureBuffer::copyOf(QByteArray(fg::smCipherKeyBytes(cipher), '\x4A'));
    keys.mac = fg::SecureBuffer::copyOf(QByteArray(fg::smCipherKeyBytes(cipher), '\x5B'));
    keys.ssc = QByteArray(fg::smCipherBlockBytes(cipher), '\0');
    keys.ssc.back() = '\x07';
    return keys;
}

// A terminal and a chip in one secure-messaging session.
struct Session {
    explicit Session(fg::SmCipher cipher)
        : terminal(sessionKeys(cipher))
        , chip(sessionKeys(cipher))
    {
    }
    fg::SecureMessaging terminal;
    fg::SecureMessagingChip chip;
};

// What the chip does with a plain command: its plain answer. `afterSend`
// runs once the protected answer is on its way (the chip swaps keys there).
struct ChipStep {
    fg::ResponseApdu response;
    std::function<void()> afterSend;
};

// One command: protected by the terminal, sent as bytes, read by the chip,
// answered, the answer protected with the chip's current keys and sent as
// bytes, read by the terminal. nullopt, with the reason, when a side
// refuses (a broken session).
inline std::optional<fg::ResponseApdu> exchange(Session& session, const fg::CommandApdu& command,
                                                const std::function<ChipStep(const fg::CommandApdu&)>& chip,
                                                QString* error)
{
    const auto protectedCommand = session.terminal.protect(command, error);
    if (!protectedCommand)
        return std::nullopt;
    const QByteArray commandBytes = protectedCommand->encode();
    const auto plain = session.chip.unprotectCommand(commandBytes, error);
    QByteArray responseBytes;
    if (!plain) {
        responseBytes = QByteArray::fromHex("6988"); // a real chip drops the session, answering in clear
    } else {
        ChipStep step = chip(*plain);
        const auto protectedResponse = session.chip.protectResponse(step.response, error);
        if (!protectedResponse)
            return std::nullopt;
        responseBytes = *protectedResponse;
        if (step.afterSend)
            step.afterSend();
    }
    return session.terminal.unprotect(responseBytes, error);
}

// READ BINARY of 4 bytes answered with "ABCD": the command that proves the keys.
inline fg::CommandApdu readBinary()
{
    return fg::CommandApdu(0x00, 0xB0, 0x00, 0x00, QByteArray(), 4);
}

inline ChipStep answerReadBinary(const fg::CommandApdu&)
{
    return {fg::ResponseApdu(QByteArrayLiteral("ABCD"), 0x9000), {}};
}

} // namespace rig
