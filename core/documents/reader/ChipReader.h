#pragma once

#include "core/documents/emrtd/LdsFiles.h"
#include "core/documents/reader/ChipSession.h"

#include <QByteArrayView>
#include <QDeadlineTimer>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>
#include <optional>
#include <vector>

namespace fg {

class ChipAccessKey;
class PcscCard;

// What was read from a chip: the files, and how.
struct ChipReading {
    LdsFiles files;
    QString accessControl; // "PACE (ECDH generic mapping, AES-128, brainpoolP256r1)", "BAC"
    int apdus = 0;         // command APDUs sent to the card
    qint64 elapsedMs = 0;
    QStringList notes;     // "DG3 (fingerprints) was not read: it needs extended access control"
};

// Reads an ePassport's LDS1 files from a connected card (ChipSession):
// EF.COM, then EF.SOD, DG1, DG2, and DG14, DG15, DG11, DG12 when EF.COM
// lists them. DG3 and DG4 need extended access control (terminal
// authentication): they are skipped, with a note saying so. Every file must
// begin with its own tag (DG2: 75). Nothing half-read is returned: any
// failure gives nullopt and an error naming the file and what happened:
// "the chip refused the access key: check the document number, date of birth
// and expiry date", "the card was removed while DG2 was being read (12,288 of
// 20,480 bytes)", "DG2 has a malformed TLV header: ...", "the chip did not
// answer in the time allowed while DG2 was being read (...)".
//
// Blocking: call it on a worker thread. A chip that stops answering gives a
// deadline error when Options::deadline passes (see CardTransmitter: the
// PcscCard must then be kept until CardTransmitter::abandonedExchanges() is
// 0, i.e. until the reader gives up on the silent card).
class ChipReader {
public:
    // The file being read ("DG2"), its bytes read so far, its size.
    using Progress = std::function<void(const QString& file, qsizetype bytes, qsizetype total)>;
    struct Options {
        QDeadlineTimer deadline{QDeadlineTimer::Forever};
        Progress progress;
        const std::atomic<bool>* cancel = nullptr;
        // Run once the files are read, in the same session (chip or active
        // authentication, PassportChip). False with *error: the reading fails
        // (the session's lastFailure() says how).
        std::function<bool(ChipSession& session, const ChipReading& reading, QString* error)> whileOpen;
    };

    static constexpr qsizetype kMaxPhotoFileBytes = 1024 * 1024; // DG2 .. DG7
    static constexpr qsizetype kMaxOtherFileBytes = 64 * 1024;

    static std::optional<ChipReading> read(PcscCard& card, const ChipAccessKey& key, const Options& options,
                                           QString* error, ChipSession::Failure* failure = nullptr);

    // The data groups EF.COM's tag list (5C) names, in its order.
    static std::optional<std::vector<int>> dataGroupsOfCom(QByteArrayView com, QString* error);
    // The tag a data group's file starts with (DG1 61, DG2 75 ... DG16 70); 0 for another number.
    static int dataGroupTag(int number);
};

} // namespace fg
