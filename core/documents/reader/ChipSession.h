#pragma once

#include "core/documents/emrtd/CommandApdu.h"
#include "core/documents/emrtd/ResponseApdu.h"
#include "core/documents/emrtd/SecureMessaging.h"
#include "core/documents/emrtd/SessionKeys.h"
#include "core/documents/reader/CardTransmitter.h"

#include <QByteArray>
#include <QDeadlineTimer>
#include <QString>

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>

namespace fg {

class ChipAccessKey;
class PaceInfo;
class PcscCard;

// A session with an eMRTD chip (ICAO Doc 9303 parts 10 and 11) on a
// connected card: access control, then files read under secure messaging.
//
// open(): EF.CardAccess is read from the master file (absent or unreadable:
// no PACE), and EF.ATR/INFO (or the ATR's card capabilities) says whether
// the chip takes extended-length APDUs. PACE runs when EF.CardAccess offers
// a protocol PaceTerminal implements, then the LDS1 application is selected
// under secure messaging; a PACE failure that is not a wrong key falls back
// to BAC: the application selected in plain, then BAC. A wrong key is not
// retried (the chip counts failures).
//
// readFile(): SELECT, the first 8 bytes, the TLV header's length (refused
// over `maxBytes`, naming the file), then READ BINARY in chunks: up to 0xDF
// bytes (so that the protected answer fits a short APDU) or, on a chip with
// extended length, up to what it announces; B1 with DO'54' past offset 7FFF.
//
// Every exchange is bound by the deadline and the cancel flag of Options;
// a failure says what happened and Failure tells the kinds apart.
class ChipSession {
public:
    enum class Failure {
        None,
        WrongKey,     // the chip refused the access key (BAC 6300/6982, PACE 6300/63Cx)
        CardRemoved,  // the card left the reader
        Deadline,     // the chip did not answer in time
        Cancelled,    // the cancel flag was raised
        NotAPassport, // no LDS1 application
        FileNotFound, // 6A82
        AccessDenied, // 6982: the file needs more (extended access control)
        Malformed,    // a TLV header, a length, a file shorter than announced
        Protocol,     // access control or secure messaging failed
        Transport,    // PC/SC failed otherwise
    };

    struct Options {
        QDeadlineTimer deadline{QDeadlineTimer::Forever};
        const std::atomic<bool>* cancel = nullptr;
        bool tryPace = true;
    };
    // bytes read so far of `total`.
    using Progress = std::function<void(qsizetype bytes, qsizetype total)>;

    static constexpr int kShortChunk = 0xDF;
    static constexpr int kMaxExtendedChunk = 0xFF00;

    static std::unique_ptr<ChipSession> open(PcscCard& card, const ChipAccessKey& key, const Options& options,
                                             QString* error, Failure* failure = nullptr);
    ~ChipSession();
    ChipSession(const ChipSession&) = delete;
    ChipSession& operator=(const ChipSession&) = delete;

    // "PACE (ECDH generic mapping, AES-128, brainpoolP256r1)" or "BAC".
    const QString& accessControl() const { return m_accessControl; }
    // Why PACE was left for BAC, when it was.
    const QString& paceFallback() const { return m_paceFallback; }
    const QByteArray& cardAccess() const { return m_cardAccess; }
    bool extendedLength() const { return m_maxChunk > kShortChunk; }
    int maxChunk() const { return m_maxChunk; }

    // The whole elementary file `fileId` ("DG2", "EF.COM": `name` in errors).
    std::optional<QByteArray> readFile(std::uint16_t fileId, const QString& name, qsizetype maxBytes,
                                       const Progress& progress, QString* error);
    // One command under secure messaging, its answer unprotected (active and
    // chip authentication build on it).
    std::optional<ResponseApdu> transmit(const CommandApdu& command, QString* error);
    // Secure messaging goes on with these keys (after chip authentication).
    void restartSecureMessaging(SessionKeys keys);

    Failure lastFailure() const { return m_failure; }

private:
    ChipSession(PcscCard& card, Options options);

    bool establish(const ChipAccessKey& key, QString* error);
    bool runPace(const PaceInfo& info, const ChipAccessKey& key, QString* error);
    bool runBac(const ChipAccessKey& key, QString* error);
    bool selectApplication(QString* error);
    bool readCapabilities(QString* error);

    // One APDU: raw, plain, protected.
    std::optional<QByteArray> exchange(const QByteArray& command, QString* error);
    std::optional<ResponseApdu> plain(const CommandApdu& command, QString* error);
    std::optional<ResponseApdu> send(const CommandApdu& command, bool secure, QString* error);
    std::optional<QByteArray> read(std::uint16_t fileId, const QString& name, qsizetype maxBytes, bool secure,
                                   const Progress& progress, QString* error);
    std::optional<QByteArray> readChunk(qsizetype offset, int count, bool secure, const QString& name,
                                        QString* error);
    bool fail(Failure failure, const QString& why, QString* error);

    PcscCard& m_card;
    Options m_options;
    CardTransmitter m_transmitter;
    std::optional<SecureMessaging> m_sm;
    QString m_accessControl;
    QString m_paceFallback;
    QByteArray m_cardAccess;
    int m_maxChunk = kShortChunk;
    Failure m_failure = Failure::None;
    QString m_activity; // "reading DG2", for a deadline's message
};

} // namespace fg
