#include "core/documents/reader/CardTransmitter.h"

#include "core/documents/reader/PcscReader.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <utility>

namespace fg {
namespace {

std::atomic<int> g_abandoned{0};

} // namespace

int CardTransmitter::abandonedExchanges()
{
    return g_abandoned.load();
}

struct CardTransmitter::Shared {
    std::mutex mutex;
    std::condition_variable wake;
    PcscCard* card = nullptr;
    QByteArray request;
    bool pending = false; // a request waits for the worker, or is being sent
    bool stop = false;
    bool abandoned = false; // the caller stopped waiting for the pending request
    std::optional<QByteArray> response;
    QString error;
};

CardTransmitter::CardTransmitter(PcscCard& card)
    : m_shared(std::make_shared<Shared>())
{
    m_shared->card = &card;
}

CardTransmitter::~CardTransmitter()
{
    if (!m_worker.joinable())
        return;
    {
        const std::lock_guard lock(m_shared->mutex);
        m_shared->stop = true;
    }
    m_shared->wake.notify_all();
    if (m_stuck)
        m_worker.detach(); // it ends when the reader gives up; it holds its own state
    else
        m_worker.join();
}

void CardTransmitter::serve(std::shared_ptr<Shared> shared)
{
    std::unique_lock lock(shared->mutex);
    for (;;) {
        shared->wake.wait(lock, [&] { return shared->pending || shared->stop; });
        if (!shared->pending)
            return;
        const QByteArray request = shared->request;
        PcscCard* card = shared->card;
        lock.unlock();
        QString error;
        std::optional<QByteArray> response = card->transmit(request, &error);
        lock.lock();
        shared->response = std::move(response);
        shared->error = error;
        shared->pending = false;
        if (shared->abandoned) {
            shared->abandoned = false;
            --g_abandoned;
        }
        shared->wake.notify_all();
        if (shared->stop)
            return;
    }
}

CardTransmitter::Result CardTransmitter::transmit(QByteArrayView command, const QDeadlineTimer& deadline,
                                                  QByteArray* response, QString* error)
{
    if (m_stuck) {
        *error = QStringLiteral("the card is still busy with an exchange it never answered");
        return Result::Failed;
    }
    if (!m_worker.joinable())
        m_worker = std::thread(serve, m_shared);
    std::unique_lock lock(m_shared->mutex);
    m_shared->request = command.toByteArray();
    m_shared->response.reset();
    m_shared->pending = true;
    m_shared->wake.notify_all();
    const auto answered = [this] { return !m_shared->pending; };
    if (deadline.isForever()) {
        m_shared->wake.wait(lock, answered);
    } else if (!m_shared->wake.wait_until(lock, deadline.deadline<std::chrono::steady_clock>(), answered)) {
        m_stuck = true;
        m_shared->abandoned = true;
        ++g_abandoned;
        return Result::TimedOut;
    }
    if (!m_shared->response) {
        *error = m_shared->error;
        return Result::Failed;
    }
    *response = std::move(*m_shared->response);
    return Result::Answered;
}

} // namespace fg
