#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QStringList>

#include <atomic>
#include <memory>
#include <optional>

namespace fg {

class PcscCard;

// A PC/SC context (pcsc-lite's pcscd): the readers, waiting for a card, and
// connecting to it. Blocking calls: use it on a worker thread, never the GUI
// thread; cancel() (any thread) ends a wait. Errors name the reader and the
// PC/SC code in words ("the card was removed", "no reader is connected").
class PcscContext {
public:
    static std::unique_ptr<PcscContext> establish(QString* error);
    ~PcscContext();
    PcscContext(const PcscContext&) = delete;
    PcscContext& operator=(const PcscContext&) = delete;

    std::optional<QStringList> readers(QString* error) const;
    // Waits until `reader` holds a card (true), the timeout passes (false, no
    // error) or the wait fails or is cancelled (nullopt, *error says which).
    std::optional<bool> waitForCard(const QString& reader, int timeoutMs, QString* error) const;
    // Until `reader` is empty (after a card was pulled out): the same results.
    std::optional<bool> waitForNoCard(const QString& reader, int timeoutMs, QString* error) const;
    std::unique_ptr<PcscCard> connect(const QString& reader, QString* error) const;
    void cancel() const;

    // PC/SC's code in words.
    static QString describe(long code);

private:
    explicit PcscContext(long context);
    std::optional<bool> waitFor(const QString& reader, bool present, int timeoutMs, QString* error) const;

    long m_context;
};

// A card in a reader, connected with T=0 or T=1. transmit() sends one command
// APDU and returns the response with its status word; a response shorter
// than the status word (vpcd answers a card that went away mid-exchange with
// "success" and no bytes, or a truncated answer) is an error: the card was
// removed. Responses are limited to kMaxResponseBytes (extended length).
class PcscCard {
public:
    static constexpr int kMaxResponseBytes = 65536 + 2;

    ~PcscCard();
    PcscCard(const PcscCard&) = delete;
    PcscCard& operator=(const PcscCard&) = delete;

    std::optional<QByteArray> transmit(QByteArrayView command, QString* error);
    QString reader() const { return m_reader; }
    QByteArray atr() const { return m_atr; }
    int apduCount() const { return m_apdus; }

private:
    friend class PcscContext;
    PcscCard(long card, unsigned long protocol, QString reader, QByteArray atr);

    long m_card;
    unsigned long m_protocol;
    QString m_reader;
    QByteArray m_atr;
    std::atomic<int> m_apdus{0}; // incremented on CardTransmitter's thread
};

} // namespace fg
