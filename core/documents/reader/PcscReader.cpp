#include "core/documents/reader/PcscReader.h"

#include <winscard.h>
#include <wintypes.h>

#include <QDeadlineTimer>

#include <algorithm>

#include <vector>

namespace fg {
namespace {

QString failure(const QString& what, LONG code)
{
    return QStringLiteral("%1: %2").arg(what, PcscContext::describe(code));
}

} // namespace

QString PcscContext::describe(long code)
{
    switch (code) {
    case LONG(SCARD_E_NO_SERVICE):
        return QStringLiteral("the smart card service (pcscd) is not running");
    case LONG(SCARD_E_NO_READERS_AVAILABLE):
        return QStringLiteral("no card reader is connected");
    case LONG(SCARD_E_UNKNOWN_READER):
    case LONG(SCARD_E_READER_UNAVAILABLE):
        return QStringLiteral("the card reader is gone");
    case LONG(SCARD_W_REMOVED_CARD):
    case LONG(SCARD_E_NO_SMARTCARD):
    case LONG(SCARD_E_NOT_TRANSACTED):
        return QStringLiteral("the card was removed");
    case LONG(SCARD_W_UNRESPONSIVE_CARD):
    case LONG(SCARD_W_UNPOWERED_CARD):
        return QStringLiteral("the card does not answer (not a chip, or placed badly)");
    case LONG(SCARD_E_CANCELLED):
        return QStringLiteral("cancelled");
    case LONG(SCARD_E_TIMEOUT):
        return QStringLiteral("timed out");
    case LONG(SCARD_E_SHARING_VIOLATION):
        return QStringLiteral("another program is using the card");
    case LONG(SCARD_F_COMM_ERROR):
        return QStringLiteral("the connection to the smart card service broke");
    default:
        return QStringLiteral("%1 (0x%2)").arg(QString::fromUtf8(pcsc_stringify_error(code))).arg(quint32(code), 8, 16, QLatin1Char('0'));
    }
}

PcscContext::PcscContext(long context) : m_context(context) {}

PcscContext::~PcscContext()
{
    SCardReleaseContext(m_context);
}

std::unique_ptr<PcscContext> PcscContext::establish(QString* error)
{
    SCARDCONTEXT context = 0;
    const LONG rv = SCardEstablishContext(SCARD_SCOPE_SYSTEM, nullptr, nullptr, &context);
    if (rv != SCARD_S_SUCCESS) {
        *error = failure(QStringLiteral("cannot reach the card readers"), rv);
        return nullptr;
    }
    return std::unique_ptr<PcscContext>(new PcscContext(context));
}

std::optional<QStringList> PcscContext::readers(QString* error) const
{
    DWORD size = 0;
    LONG rv = SCardListReaders(m_context, nullptr, nullptr, &size);
    if (rv == LONG(SCARD_E_NO_READERS_AVAILABLE))
        return QStringList();
    if (rv != SCARD_S_SUCCESS) {
        *error = failure(QStringLiteral("cannot list the card readers"), rv);
        return std::nullopt;
    }
    std::vector<char> names(size);
    rv = SCardListReaders(m_context, nullptr, names.data(), &size);
    if (rv == LONG(SCARD_E_NO_READERS_AVAILABLE))
        return QStringList();
    if (rv != SCARD_S_SUCCESS) {
        *error = failure(QStringLiteral("cannot list the card readers"), rv);
        return std::nullopt;
    }
    // A multi-string: names separated by NUL, ended by an empty one.
    QStringList result;
    for (size_t at = 0; at < names.size() && names[at] != '\0';) {
        const QString name = QString::fromUtf8(names.data() + at);
        result.append(name);
        at += qstrlen(names.data() + at) + 1;
    }
    return result;
}

std::optional<bool> PcscContext::waitFor(const QString& reader, bool present, int timeoutMs, QString* error) const
{
    const QByteArray name = reader.toUtf8();
    SCARD_READERSTATE state{};
    state.szReader = name.constData();
    state.dwCurrentState = SCARD_STATE_UNAWARE;
    QDeadlineTimer deadline(timeoutMs);
    for (;;) {
        const DWORD wait = DWORD(std::max<qint64>(0, deadline.remainingTime()));
        const LONG rv = SCardGetStatusChange(m_context, wait, &state, 1);
        if (rv == LONG(SCARD_E_TIMEOUT))
            return false;
        if (rv != SCARD_S_SUCCESS) {
            *error = failure(QStringLiteral("waiting for a card in %1").arg(reader), rv);
            return std::nullopt;
        }
        if (state.dwEventState & (SCARD_STATE_UNKNOWN | SCARD_STATE_UNAVAILABLE)) {
            *error = QStringLiteral("waiting for a card in %1: the card reader is gone").arg(reader);
            return std::nullopt;
        }
        const bool hasCard = state.dwEventState & SCARD_STATE_PRESENT;
        if (hasCard == present)
            return true;
        if (deadline.hasExpired())
            return false;
        state.dwCurrentState = state.dwEventState & ~DWORD(SCARD_STATE_CHANGED);
    }
}

std::optional<bool> PcscContext::waitForCard(const QString& reader, int timeoutMs, QString* error) const
{
    return waitFor(reader, true, timeoutMs, error);
}

std::optional<bool> PcscContext::waitForNoCard(const QString& reader, int timeoutMs, QString* error) const
{
    return waitFor(reader, false, timeoutMs, error);
}

void PcscContext::cancel() const
{
    SCardCancel(m_context);
}

std::unique_ptr<PcscCard> PcscContext::connect(const QString& reader, QString* error) const
{
    const QByteArray name = reader.toUtf8();
    SCARDHANDLE card = 0;
    DWORD protocol = 0;
    LONG rv = SCardConnect(m_context, name.constData(), SCARD_SHARE_EXCLUSIVE, SCARD_PROTOCOL_T0 | SCARD_PROTOCOL_T1,
                           &card, &protocol);
    if (rv != SCARD_S_SUCCESS) {
        *error = failure(QStringLiteral("cannot connect to the card in %1").arg(reader), rv);
        return nullptr;
    }
    BYTE atr[MAX_ATR_SIZE];
    DWORD atrSize = sizeof(atr);
    DWORD readerSize = 0;
    DWORD cardState = 0;
    rv = SCardStatus(card, nullptr, &readerSize, &cardState, &protocol, atr, &atrSize);
    if (rv != SCARD_S_SUCCESS) {
        SCardDisconnect(card, SCARD_LEAVE_CARD);
        *error = failure(QStringLiteral("cannot read the card in %1").arg(reader), rv);
        return nullptr;
    }
    return std::unique_ptr<PcscCard>(
        new PcscCard(card, protocol, reader, QByteArray(reinterpret_cast<const char*>(atr), qsizetype(atrSize))));
}

PcscCard::PcscCard(long card, unsigned long protocol, QString reader, QByteArray atr)
    : m_card(card)
    , m_protocol(protocol)
    , m_reader(std::move(reader))
    , m_atr(std::move(atr))
{
}

PcscCard::~PcscCard()
{
    // The chip's session ends with the connection: reset it for the next reader.
    SCardDisconnect(m_card, SCARD_RESET_CARD);
}

std::optional<QByteArray> PcscCard::transmit(QByteArrayView command, QString* error)
{
    // Nothing of this object is touched once SCardTransmit returns: a caller
    // that gave up on a card that never answers (CardTransmitter) may have
    // destroyed it by then (its SCardDisconnect waits for this exchange).
    const SCARD_IO_REQUEST* pci = m_protocol == SCARD_PROTOCOL_T0 ? SCARD_PCI_T0 : SCARD_PCI_T1;
    const QString reader = m_reader;
    const SCARDHANDLE card = m_card;
    ++m_apdus;
    QByteArray response(kMaxResponseBytes, Qt::Uninitialized);
    DWORD size = DWORD(response.size());
    const LONG rv = SCardTransmit(card, pci, reinterpret_cast<const BYTE*>(command.data()), DWORD(command.size()), nullptr,
                                  reinterpret_cast<BYTE*>(response.data()), &size);
    if (rv != SCARD_S_SUCCESS) {
        *error = failure(QStringLiteral("reading the card in %1").arg(reader), rv);
        return std::nullopt;
    }
    // "Success" without a status word: the card went away mid-exchange.
    if (size < 2) {
        *error = QStringLiteral("reading the card in %1: the card was removed").arg(reader);
        return std::nullopt;
    }
    response.truncate(qsizetype(size));
    return response;
}

} // namespace fg
