#pragma once

// The card side of vsmartcard-vpcd (PcscRig): a thread that connects to the
// driver's TCP port (connecting is inserting the card, closing is pulling it
// out) and answers its frames: 2-byte big-endian length + payload; a 1-byte
// payload is a power event (00 off, 01 on, 02 reset: no answer) or 04, "your
// ATR" (asked every 400 ms, also in the middle of a session); anything longer
// is a command APDU, answered by `respond` with data + SW1 SW2. An empty
// answer from `respond` pulls the card out in the middle of the exchange.
// TCP_QUICKACK before every read: vpcd writes the length and the payload
// apart, and without it each APDU waits ~40 ms for a delayed ACK.
#include <QByteArray>
#include <QDeadlineTimer>
#include <QThread>

#include <atomic>
#include <functional>
#include <thread>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

namespace fg::test {

class VirtualCard {
public:
    using Respond = std::function<QByteArray(const QByteArray& command)>;
    using PowerEvent = std::function<void(char event)>; // 0 off, 1 on, 2 reset

    static inline const QByteArray kAtr = QByteArray::fromHex("3B80800101");

    VirtualCard(Respond respond, PowerEvent power = {}) : m_respond(std::move(respond)), m_power(std::move(power)) {}
    VirtualCard(const VirtualCard&) = delete;
    VirtualCard& operator=(const VirtualCard&) = delete;
    ~VirtualCard() { remove(); }

    // Inserts the card into the slot of `port` (connects, retrying up to 5 s).
    bool insert(quint16 port)
    {
        QDeadlineTimer deadline(5000);
        while (!deadline.hasExpired()) {
            const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
            sockaddr_in address{};
            address.sin_family = AF_INET;
            address.sin_port = htons(port);
            address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
            if (::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)) == 0) {
                m_fd = fd;
                m_thread = std::thread([this] { serve(); });
                return true;
            }
            ::close(fd);
            QThread::msleep(20);
        }
        return false;
    }

    // Pulls the card out (closes the connection) and waits for the thread.
    void remove()
    {
        const int fd = m_fd.exchange(-1);
        if (fd >= 0)
            ::shutdown(fd, SHUT_RDWR);
        if (m_thread.joinable())
            m_thread.join();
        if (fd >= 0)
            ::close(fd);
    }

    int commands() const { return m_commands; }

private:
    static bool readAll(int fd, char* data, size_t size)
    {
        while (size > 0) {
            int quick = 1;
            ::setsockopt(fd, IPPROTO_TCP, TCP_QUICKACK, &quick, sizeof(quick));
            const ssize_t got = ::recv(fd, data, size, 0);
            if (got <= 0)
                return false;
            data += got;
            size -= size_t(got);
        }
        return true;
    }

    static bool send(int fd, const QByteArray& payload)
    {
        QByteArray frame(2, '\0');
        frame[0] = char((payload.size() >> 8) & 0xff);
        frame[1] = char(payload.size() & 0xff);
        frame += payload;
        return ::send(fd, frame.constData(), size_t(frame.size()), MSG_NOSIGNAL) == frame.size();
    }

    void serve()
    {
        const int fd = m_fd.load();
        for (;;) {
            unsigned char length[2];
            if (!readAll(fd, reinterpret_cast<char*>(length), 2))
                return;
            QByteArray payload((length[0] << 8) | length[1], Qt::Uninitialized);
            if (!readAll(fd, payload.data(), size_t(payload.size())))
                return;
            if (payload.size() == 1) {
                if (payload[0] == 0x04) {
                    if (!send(fd, kAtr))
                        return;
                } else if (m_power) {
                    m_power(payload[0]);
                }
                continue;
            }
            ++m_commands;
            const QByteArray response = m_respond(payload);
            if (response.isEmpty()) {
                ::shutdown(fd, SHUT_RDWR); // pulled out mid-exchange
                return;
            }
            if (!send(fd, response))
                return;
        }
    }

    Respond m_respond;
    PowerEvent m_power;
    std::atomic<int> m_fd{-1};
    std::atomic<int> m_commands{0};
    std::thread m_thread;
};

} // namespace fg::test
