#pragma once

#include "core/documents/emrtd/ActiveAuthenticationChip.h"
#include "core/documents/emrtd/ChipAuthenticationChip.h"
#include "core/documents/emrtd/SecurityInfos.h"
#include "tests/support/emrtd/SimulatedPassport.h"

#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/rsa.h>

#include <memory>
#include <optional>

namespace fg::test {

// How a simulated chip proves it is not a copy: the data group that goes
// into its LDS (signed with the others in EF.SOD) and the chip-side handler
// that answers the proof with the private key. Made before the chip, put on
// it once it exists (install).
struct CloneProof {
    int dataGroup = 0; // 14 (chip authentication) or 15 (active authentication)
    QByteArray bytes;
    std::function<void(SimulatedPassport& chip)> install;
};

// Chip authentication with ECDH on P-256 and AES-128 (DG14).
inline std::optional<CloneProof> chipAuthenticationProof(QString* error)
{
    const EvpKey key = adoptEvpKey(EVP_EC_gen("P-256"));
    if (!key) {
        *error = QStringLiteral("no P-256 key could be made");
        return std::nullopt;
    }
    ChipAuthenticationInfo info;
    info.agreement = ChipAuthenticationInfo::Agreement::Ecdh;
    info.cipher = SmCipher::Aes128;
    info.oid = ChipAuthenticationInfo::oidFor(info.agreement, info.cipher);
    std::optional<ChipAuthenticationChip> chip = ChipAuthenticationChip::create(info, key, error);
    if (!chip)
        return std::nullopt;
    auto shared = std::make_shared<ChipAuthenticationChip>(std::move(*chip));
    CloneProof proof{14, shared->dg14(), {}};
    proof.install = [shared](SimulatedPassport& passport) {
        const SimulatedPassport::Handler handler = [shared](const CommandApdu& command,
                                                            bool secureMessaging) -> std::optional<SimulatedPassport::Reply> {
            if (!secureMessaging || !shared->accepts(command))
                return std::nullopt; // PACE's MSE and GENERAL AUTHENTICATE
            QString why;
            ChipAuthenticationChip::Answer answer = shared->answer(command, &why);
            return SimulatedPassport::Reply{answer.response, std::move(answer.newKeys)};
        };
        passport.setHandler(0x22, handler);
        passport.setHandler(0x86, handler);
    };
    return proof;
}

// Active authentication with RSA 1024 and ISO/IEC 9796-2 (SHA-1) (DG15).
// `signingKey` other than DG15's: a clone that copied the files, not the key.
inline std::optional<CloneProof> activeAuthenticationProof(QString* error, bool cloned = false)
{
    const EvpKey key = adoptEvpKey(EVP_RSA_gen(1024));
    const EvpKey signing = cloned ? adoptEvpKey(EVP_RSA_gen(1024)) : key;
    if (!key || !signing) {
        *error = QStringLiteral("no RSA key could be made");
        return std::nullopt;
    }
    std::optional<ActiveAuthenticationChip> published = ActiveAuthenticationChip::create(key, QStringLiteral("SHA1"), error);
    std::optional<ActiveAuthenticationChip> chip =
        ActiveAuthenticationChip::create(signing, QStringLiteral("SHA1"), error);
    if (!published || !chip)
        return std::nullopt;
    auto shared = std::make_shared<ActiveAuthenticationChip>(std::move(*chip));
    CloneProof proof{15, published->dg15(), {}};
    proof.install = [shared](SimulatedPassport& passport) {
        passport.setHandler(0x88, [shared](const CommandApdu& command,
                                           bool secureMessaging) -> std::optional<SimulatedPassport::Reply> {
            if (!secureMessaging)
                return std::nullopt;
            QString why;
            return SimulatedPassport::Reply{shared->answer(command, &why), std::nullopt};
        });
    };
    return proof;
}

} // namespace fg::test
