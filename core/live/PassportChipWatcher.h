#pragma once

#include "core/documents/reader/PassportChip.h"

#include <QDateTime>
#include <QObject>
#include <QString>
#include <QStringList>

#include <atomic>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

namespace fg {

class CscaStore;
class PcscContext;

// The passport on the PC/SC reader (issue 19). A thread of this object's own
// waits for a card (SCardGetStatusChange); once the officer has given the
// document's MRZ (readWith: typed, or the zone a reader wrote beside its
// photo) the chip in the reader is read with it, checked (PassportChip:
// PACE or BAC, the files, chip or active authentication, passive
// authentication against the trusted CSCAs, DG1 against the printed zone)
// and announced. The GUI thread never waits for the card, the chip or the
// trust list. A chip read successfully is not read again until the card
// leaves or another zone is given; a failed read is said (chipFailed) and
// tried again with the next card (a wrong MRZ is not: the officer types it
// again). Signals arrive on the thread that made this object.
class PassportChipWatcher : public QObject {
    Q_OBJECT
public:
    struct Options {
        QString reader;      // documents/chipReader: a reader's name, or "any" (the first reader with a card)
        QString cscaPath;    // documents/csca: folder or master list; empty: chips read but not verifiable
        int readTimeoutMs = 30000; // one chip's whole reading
        int pollMs = 500;          // how often the reader list is looked at again
        std::function<QDateTime()> now = [] { return QDateTime::currentDateTimeUtc(); };
    };

    // One chip read: the document, and its photo ready to show and keep
    // (DG2's JPEG as stored; a JPEG 2000 photo converted to JPEG).
    struct Reading {
        QString reader;
        ChipDocument document;
        QByteArray photo;
        QString photoFormat; // "jpeg", "jp2"...: the reference's format as kept
    };

    explicit PassportChipWatcher(Options options, QObject* parent = nullptr);
    ~PassportChipWatcher() override;

    void start();
    void stop();
    // The document's MRZ, as its lines (MrzInput's): the chip now in the
    // reader, or the next one, is read with it.
    void readWith(const QStringList& mrzLines);

Q_SIGNALS:
    void cardChanged(const QString& reader, bool present);
    void progress(const QString& file, qint64 bytes, qint64 total);
    void chipRead(const fg::PassportChipWatcher::Reading& reading);
    // failure: a ChipSession::Failure (WrongKey: ask for the MRZ again).
    void chipFailed(const QString& reader, const QString& reason, int failure);
    // The reader side is not usable (no pcscd, no such reader, the trust
    // list unreadable): said once per cause, and tried again.
    void problem(const QString& what);

private:
    void run();
    bool sleepFor(int ms); // false: stopping
    void say(const QString& what);
    void readCard(PcscContext& context, const QString& reader, const QStringList& zone);

    Options m_options;
    std::thread m_thread;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::atomic<bool> m_stopping{false};
    std::optional<QStringList> m_pending; // the zone to read the next chip with
    bool m_readThisCard = false;          // this card was read with the pending zone
    const PcscContext* m_context = nullptr; // while waiting: cancelled to wake the thread
    std::unique_ptr<CscaStore> m_store;
    QString m_lastProblem;
};

} // namespace fg

Q_DECLARE_METATYPE(fg::PassportChipWatcher::Reading)
