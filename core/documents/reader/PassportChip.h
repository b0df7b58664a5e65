#pragma once

#include "core/documents/Mrz.h"
#include "core/documents/emrtd/ChipVerdict.h"
#include "core/documents/emrtd/FaceImage.h"
#include "core/documents/reader/ChipReader.h"
#include "core/documents/reader/ChipSession.h"

#include <QDateTime>
#include <QJsonObject>
#include <QStringList>

#include <optional>

namespace fg {

class ChipAccessKey;
class CscaStore;
class PcscCard;

// Everything one reading of a passport's chip tells: the files read and how
// (ChipReading), DG1's zone, DG2's photo, what passive authentication and the
// clone check concluded, and the chip's zone against the printed one. What
// facegate-cli document read prints and what the desk shows and keeps.
struct ChipDocument {
    enum class PrintedZone {
        NotCompared, // no printed zone was given
        Agrees,
        Differs, // the data page does not say what the chip says: an alert
    };

    ChipReading reading;
    QStringList chipMrz;               // DG1's lines (empty: DG1 unreadable)
    std::optional<MrzDocument> holder; // DG1 parsed (its problems in holderProblems)
    QStringList holderProblems;
    std::optional<FaceImage> photo;    // DG2's first face image
    QString photoProblem;              // why there is none
    ChipVerdict signature;             // passive authentication alone
    CloneCheck cloneCheck;
    PrintedZone printedZone = PrintedZone::NotCompared;
    QString printedZoneWords;          // "the document number differs: chip X, data page Y"

    // The verdict the officer acts on: passive authentication's, made
    // NOT genuine by a clone check that failed or a data page that differs
    // from the chip (the summary says which).
    ChipVerdict verdict() const;
    QString outcomeName() const { return ChipVerdict::outcomeName(verdict().outcome); }
    // One paragraph for the officer: the verdict, the clone check, the zone.
    QString words() const;
    // For the records and the audit log: the verdict, each check, the clone
    // check, the access control, the files read; no name, no number, no photo.
    QJsonObject report() const;
};

class PassportChip {
public:
    struct Options {
        QDeadlineTimer deadline{QDeadlineTimer::Forever};
        ChipReader::Progress progress;
        const std::atomic<bool>* cancel = nullptr;
    };

    // Opens the chip with `key` (PACE or BAC), reads its files, runs chip or
    // active authentication when the chip offers one, passive authentication
    // against `store` (nullptr: not verifiable) at `at`, and compares DG1
    // with `printedMrz` (the data page's lines; empty: not compared). Nullopt
    // with *error (and *failure) when the chip could not be read: nothing
    // half-read is returned. A chip read but not genuine is a ChipDocument.
    static std::optional<ChipDocument> read(PcscCard& card, const ChipAccessKey& key, const CscaStore* store,
                                            const QDateTime& at, const QStringList& printedMrz, const Options& options,
                                            QString* error, ChipSession::Failure* failure = nullptr);

    // The rest of read() on files already read (tests, document verify).
    static ChipDocument examine(ChipReading reading, CloneCheck cloneCheck, const CscaStore* store, const QDateTime& at,
                                const QStringList& printedMrz);
};

} // namespace fg
