#pragma once

// A software eMRTD chip (ICAO Doc 9303 parts 10 and 11) for the tests,
// answering over vsmartcard-vpcd (VirtualCard) or directly (respond()).
//
// It holds an LdsFiles and the MRZ access key, and answers like a passport:
//  - SELECT: the LDS1 application by AID A0000002471001 (00 A4 04 0C), the
//    master file 3F00, an EF by file id (00 A4 02 0C): EF.CardAccess 011C
//    and EF.ATR/INFO 2F01 in the master file, EF.COM, EF.SOD and the data
//    groups in the application;
//  - READ BINARY B0 (offset in P1 P2 up to 7FFF, or a short file identifier
//    in P1 with bit 8 set and the offset in P2) and B1 (the offset in DO'54',
//    the answer in DO'53');
//  - BAC (GET CHALLENGE 84, EXTERNAL AUTHENTICATE 82) with BacChip, and PACE
//    (MSE:Set AT 22 C1 A4, GENERAL AUTHENTICATE 86) with PaceChip when the
//    options offer it (EF.CardAccess then holds its PACEInfo; BAC works too,
//    as on real passports);
//  - after access control, everything under secure messaging
//    (SecureMessagingChip); the LDS files are refused (6982) without it; a
//    plain command ends the session; a protected command that fails its
//    checks gets 6988 in plain and ends the session.
// Status words per ISO 7816-4: 6A82 no such file, 6B00 offset beyond the
// file, 6700 wrong length (also an extended-length APDU sent to a chip that
// has none), 6986 no current EF, 6982 security status not satisfied, 6300
// authentication failed (a wrong MRZ), 6D00 unknown instruction, 6E00 class.
//
// Faults for the reader's error paths: pulled out after N bytes of a file
// were sent (respond() answers nothing: VirtualCard then drops the
// connection from its own thread), or silent (respond() blocks until the
// chip is removed or release()d).
//
// Commands it does not know can be plugged in with setHandler(): active and
// chip authentication, for instance.
#include "core/documents/emrtd/BacChip.h"
#include "core/documents/emrtd/ChipAccessKey.h"
#include "core/documents/emrtd/CommandApdu.h"
#include "core/documents/emrtd/LdsFiles.h"
#include "core/documents/emrtd/PaceChip.h"
#include "core/documents/emrtd/PaceInfo.h"
#include "core/documents/emrtd/ResponseApdu.h"
#include "core/documents/emrtd/SecureMessagingChip.h"
#include "core/documents/emrtd/SessionKeys.h"

#include <QByteArray>
#include <QString>

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>

namespace fg::test {

class VirtualCard;

class SimulatedPassport {
public:
    enum class AccessControl { Bac, Pace };

    struct Fault {
        enum class Kind { None, PulledOut, Silent };
        Kind kind = Kind::None;
        // Strikes at the first READ BINARY of this file once `afterBytes` of
        // it were sent.
        std::uint16_t fileId = LdsFiles::dataGroupId(2);
        int afterBytes = 0;
    };

    struct Options {
        AccessControl accessControl = AccessControl::Bac;
        // PACE's protocol (the OID's content bytes) and standardized domain
        // parameters; the default is id-PACE-ECDH-GM-AES-CBC-CMAC-128 on
        // brainpoolP256r1.
        QByteArray paceOid = kPaceEcdhGmAes128;
        int paceParameterId = 13;
        // Extended-length APDUs (announced in EF.ATR/INFO); else short only.
        bool extendedLength = false;
        Fault fault;
    };

    static inline const QByteArray kPaceEcdhGm3Des = QByteArray::fromHex("04007F00070202040201");
    static inline const QByteArray kPaceEcdhGmAes128 = QByteArray::fromHex("04007F00070202040202");
    static inline const QByteArray kPaceEcdhGmAes192 = QByteArray::fromHex("04007F00070202040203");
    static inline const QByteArray kPaceEcdhGmAes256 = QByteArray::fromHex("04007F00070202040204");
    static inline const QByteArray kLds1Aid = QByteArray::fromHex("A0000002471001");
    static constexpr std::uint16_t kAtrInfoId = 0x2F01;

    // What a handler answers: the response (protected by the chip when the
    // command was), and the keys secure messaging continues with after it
    // (chip authentication restarts it).
    struct Reply {
        ResponseApdu response;
        std::optional<SessionKeys> nextKeys;
    };
    // Gets the command as unprotected, and whether it came under secure
    // messaging; nullopt leaves the command to the chip's own handling.
    using Handler = std::function<std::optional<Reply>(const CommandApdu& command, bool secureMessaging)>;

    // Refused: a PACE protocol PaceChip does not implement.
    static std::unique_ptr<SimulatedPassport> create(LdsFiles files, ChipAccessKey key, Options options,
                                                     QString* error);
    ~SimulatedPassport();
    SimulatedPassport(const SimulatedPassport&) = delete;
    SimulatedPassport& operator=(const SimulatedPassport&) = delete;

    // One command APDU in, the response APDU out (empty: the card is pulled
    // out). Not reentrant: one exchange at a time, as a card.
    QByteArray respond(const QByteArray& command);
    // Power off, on or reset (VirtualCard's events): the session is forgotten.
    void reset();

    // Into vpcd's slot at `port` (VirtualCard), and out again.
    bool insert(quint16 port);
    void remove();
    // A silent chip answers again (with nothing: it is pulled out).
    void release();

    void setHandler(std::uint8_t ins, Handler handler);

    // The files as the chip serves them (EF.CardAccess included).
    const LdsFiles& files() const { return m_files; }
    int apduCount() const { return m_apdus; }
    // Why the last command was refused, in words (for the tests).
    QString lastRefusal() const;
    bool secureMessagingActive() const;

    // SET { PACEInfo { oid, 2, parameterId } }.
    static QByteArray cardAccessFor(const QByteArray& paceOid, int parameterId);
    // 7F66 { 02 max command bytes, 02 max response bytes }.
    static QByteArray atrInfo(int maxCommand, int maxResponse);

private:
    SimulatedPassport(LdsFiles files, ChipAccessKey key, Options options, std::optional<PaceInfo> pace);

    struct File {
        const QByteArray* bytes = nullptr;
        bool needsSecureMessaging = false;
    };
    std::optional<File> file(std::uint16_t id) const;
    std::optional<std::uint16_t> fileIdForSfi(std::uint8_t sfi) const;

    Reply handle(const CommandApdu& command, bool secureMessaging);
    Reply select(const CommandApdu& command, bool secureMessaging);
    Reply readBinary(const CommandApdu& command, bool secureMessaging);
    Reply getChallenge(const CommandApdu& command);
    Reply externalAuthenticate(const CommandApdu& command);
    Reply setAuthenticationTemplate(const CommandApdu& command);
    Reply generalAuthenticate(const CommandApdu& command);
    Reply refuse(std::uint16_t status, const QString& why);
    // Whether the fault strikes now, before `count` bytes of `id` are sent.
    bool faultStrikes(std::uint16_t id) const;
    int protectedResponseSize(int dataBytes) const;

    LdsFiles m_files;
    ChipAccessKey m_key;
    Options m_options;
    std::optional<PaceInfo> m_paceInfo;
    QByteArray m_atrInfo;

    bool m_applicationSelected = false;
    std::optional<std::uint16_t> m_currentFile;
    std::optional<BacChip> m_bac;
    bool m_challengeIssued = false;
    std::optional<PaceChip> m_pace;
    int m_paceStep = 0;
    std::optional<SecureMessagingChip> m_sm;
    std::map<std::uint8_t, Handler> m_handlers;

    int m_faultFileSent = 0;
    bool m_pulled = false;
    std::atomic<int> m_apdus{0};

    mutable std::mutex m_mutex; // m_released, m_lastRefusal
    std::condition_variable m_wake;
    bool m_released = false;
    QString m_lastRefusal;

    std::unique_ptr<VirtualCard> m_card;
};

} // namespace fg::test
