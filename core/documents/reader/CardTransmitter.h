#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QDeadlineTimer>
#include <QString>

#include <memory>
#include <thread>

namespace fg {

class PcscCard;

// PcscCard::transmit() with a deadline. A card that stops answering leaves
// SCardTransmit blocked for as long as the reader's driver waits: pcsc-lite's
// client polls its socket without a timeout, SCardCancel only ends
// SCardGetStatusChange, SCardDisconnect waits for the context's lock the
// transmit holds, and vsmartcard-vpcd receives from its card without a
// timeout (a CCID reader gives up after the card's waiting time). So the
// exchange runs on a worker thread of this class, and the caller waits for
// it until the deadline: past it, transmit() answers TimedOut at once and
// the exchange is abandoned (the worker finishes it whenever the reader
// does, then ends). Every later transmit() fails: the card is stuck.
//
// The PcscCard must outlive an abandoned exchange: destroying it waits for
// the reader anyway (SCardDisconnect needs the lock the transmit holds), but
// PcscCard::transmit still touches the object once SCardTransmit returns, so
// destroy a card only when abandonedExchanges() is back to 0.
class CardTransmitter {
public:
    enum class Result { Answered, Failed, TimedOut };

    explicit CardTransmitter(PcscCard& card);
    ~CardTransmitter();
    CardTransmitter(const CardTransmitter&) = delete;
    CardTransmitter& operator=(const CardTransmitter&) = delete;

    // Answered: *response holds the response APDU (with its status word);
    // Failed: *error says what PC/SC said; TimedOut: no answer by `deadline`.
    Result transmit(QByteArrayView command, const QDeadlineTimer& deadline, QByteArray* response, QString* error);
    bool isStuck() const { return m_stuck; }
    // Exchanges given up at their deadline whose transmit has not returned
    // yet, in the whole process.
    static int abandonedExchanges();

private:
    struct Shared;
    static void serve(std::shared_ptr<Shared> shared);

    std::shared_ptr<Shared> m_shared;
    std::thread m_worker;
    bool m_stuck = false;
};

} // namespace fg
