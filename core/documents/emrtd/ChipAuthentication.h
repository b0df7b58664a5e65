#pragma once

#include "core/documents/emrtd/ChipPublicKey.h"
#include "core/documents/emrtd/ChipVerdict.h"
#include "core/documents/emrtd/CommandApdu.h"
#include "core/documents/emrtd/ResponseApdu.h"
#include "core/documents/emrtd/SecurityInfos.h"
#include "core/documents/emrtd/SessionKeys.h"

#include <QByteArray>
#include <QString>

#include <optional>
#include <vector>

namespace fg {

// The terminal's side of chip authentication (ICAO Doc 9303 part 11, 6.2;
// BSI TR-03110 part 3, 3.4.1 and B.1), without the card reader: an
// ephemeral key pair on the domain parameters of DG14's chip key, the
// static-ephemeral key agreement, and secure messaging restarted with
// session keys from the shared secret (EmrtdKdf of the CA cipher, SSC zero).
// Every command goes under the CURRENT secure messaging:
//   3DES: MSE:Set KAT (00 22 41 A6, 91 {ephemeral public key} [84 {keyId}]);
//   AES:  MSE:Set AT  (00 22 41 A4, 80 {CA OID} [84 {keyId}]), then
//         GENERAL AUTHENTICATE (00 86 00 00, 7C {80 {ephemeral public key}}, Le 00).
// The caller's loop:
//   while (auto command = ca.nextCommand()) { send sm.protect(*command);
//       if (!ca.handleAnswer(sm.unprotect(answer), &error)) -> ca.failed(error) }
//   sm = SecureMessaging(*ca.takeSessionKeys());
// then the next protected command (a READ BINARY): answered correctly under
// the new keys -> ca.passed(); a broken session -> ca.failed(its reason).
//
// create() picks the DG14 ChipAuthenticationInfo and public key that go
// together (same agreement and keyId; a lone key without an info is
// id-CA-*-3DES-CBC-CBC, as Doc 9303 allows for older chips). Refused, with
// the reason: no public key, a key that cannot be read, a key whose type
// differs from the info's agreement, keyIds that match nothing.
class ChipAuthentication {
public:
    static std::optional<ChipAuthentication> create(const SecurityInfos& dg14, QString* error);
    static std::optional<ChipAuthentication> create(const ChipAuthenticationInfo& info,
                                                    const ChipAuthenticationPublicKeyInfo& key, QString* error);

    // The command to send now, or nullopt when the exchange is over.
    std::optional<CommandApdu> nextCommand() const;
    // The plain answer to nextCommand(). False, with the reason, when the
    // chip refused (not 9000) or answered malformed data; the exchange is then over.
    bool handleAnswer(const ResponseApdu& answer, QString* error);
    bool isDone() const { return m_step == Step::Done; }
    // After the last answer: the keys for the new secure messaging (once).
    std::optional<SessionKeys> takeSessionKeys();

    const ChipAuthenticationInfo& info() const { return m_info; }
    const QByteArray& ephemeralPublicKey() const { return m_ephemeralPublic; }
    // "chip authentication (ECDH brainpoolP256r1, AES-128)"
    QString method() const;
    // The outcome once the first command under the new keys was answered (Passed) or not (Failed).
    CloneCheck passed() const;
    CloneCheck failed(const QString& why) const;

private:
    enum class Step { SetKat, SetAt, GeneralAuthenticate, Done, Failed };

    ChipAuthentication(ChipAuthenticationInfo info, ChipPublicKey key, EvpKey ephemeral, QByteArray ephemeralPublic);
    QByteArray keyIdObject() const;
    bool deriveKeys(QString* error);

    ChipAuthenticationInfo m_info;
    ChipPublicKey m_chipKey;
    EvpKey m_ephemeral;
    QByteArray m_ephemeralPublic;
    Step m_step = Step::SetKat;
    std::optional<SessionKeys> m_keys;
};

} // namespace fg
