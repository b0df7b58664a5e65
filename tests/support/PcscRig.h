#pragma once

// A PC/SC stack of the test's own: a pcscd started by the test with the
// vsmartcard-vpcd reader driver, on a socket and ports no other test uses,
// so that a simulated chip (VirtualCard) is read through the real pcsc-lite.
// How (found by experiment on Debian 12, pcscd 1.9.9): pcscd ignores
// PCSCLITE_CSOCK_NAME, but takes its socket by systemd's socket activation
// (fd 3, LISTEN_FDS=1, LISTEN_PID=its pid); the clients of this process find
// it through PCSCLITE_CSOCK_NAME, read once, at the first SCard call: one rig
// per test process, started before any PC/SC call. vpcd listens on TCP port P
// (slot "FaceGate Test PCD 00 00") and P+1 (slot "... 00 01") on all
// interfaces; the card program connects to it. Needs pcscd and
// vsmartcard-vpcd (installer/setup.sh test); missing, start() fails naming
// them. Header-only, POSIX.
#include <QByteArray>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QString>
#include <QTemporaryDir>
#include <QThread>

#include <winscard.h>

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

namespace fg::test {

class PcscRig {
public:
    static constexpr char kPcscd[] = "/usr/sbin/pcscd";
    static constexpr char kVpcd[] = "/usr/lib/pcsc/drivers/serial/libifdvpcd.so";
    static constexpr char kReader[] = "FaceGate Test PCD 00 00";

    PcscRig() = default;
    PcscRig(const PcscRig&) = delete;
    PcscRig& operator=(const PcscRig&) = delete;
    ~PcscRig() { stop(); }

    bool start(QString* error)
    {
        for (const char* needed : {kPcscd, kVpcd}) {
            if (!QFileInfo::exists(QString::fromLatin1(needed))) {
                *error = QStringLiteral("%1 is missing: install pcscd and vsmartcard-vpcd (installer/setup.sh test does)")
                             .arg(QString::fromLatin1(needed));
                return false;
            }
        }
        if (!m_dir.isValid()) {
            *error = QStringLiteral("no temporary folder");
            return false;
        }
        m_port = freePortPair();
        if (m_port == 0) {
            *error = QStringLiteral("no free pair of TCP ports for vpcd");
            return false;
        }
        const QString conf = m_dir.filePath(QStringLiteral("reader.conf"));
        QFile file(conf);
        if (!file.open(QIODevice::WriteOnly)
            || file.write(QStringLiteral("FRIENDLYNAME \"FaceGate Test PCD\"\nDEVICENAME /dev/null:%1\nLIBPATH %2\n")
                              .arg(m_port)
                              .arg(QString::fromLatin1(kVpcd))
                              .toUtf8())
                < 0) {
            *error = QStringLiteral("cannot write %1").arg(conf);
            return false;
        }
        file.close();
        const QByteArray socketPath = QFile::encodeName(m_dir.filePath(QStringLiteral("pcscd.comm")));
        const int listening = listenOn(socketPath, error);
        if (listening < 0)
            return false;
        const QByteArray confPath = QFile::encodeName(conf);
        // pcscd's messages go to a log of the rig's, not into the test's output.
        const int log = ::open(QFile::encodeName(m_dir.filePath(QStringLiteral("pcscd.log"))).constData(),
                               O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
        m_pid = ::fork();
        if (m_pid == 0) {
            // The child: the socket on fd 3, inherited; exec pcscd at once.
            ::prctl(PR_SET_PDEATHSIG, SIGTERM);
            if (listening != 3 && ::dup2(listening, 3) < 0)
                ::_exit(127);
            ::fcntl(3, F_SETFD, 0); // dup2(3, 3) would leave FD_CLOEXEC set
            if (log >= 0) {
                ::dup2(log, 1);
                ::dup2(log, 2);
            }
            char pid[32] = "LISTEN_PID=";
            writeNumber(pid + 11, unsigned(::getpid()));
            char fds[] = "LISTEN_FDS=1";
            char* environment[] = {pid, fds, nullptr};
            ::execle(kPcscd, "pcscd", "--foreground", "--config", confPath.constData(), static_cast<char*>(nullptr),
                     environment);
            ::_exit(127);
        }
        ::close(listening);
        if (log >= 0)
            ::close(log);
        if (m_pid < 0) {
            *error = QStringLiteral("cannot start pcscd: %1").arg(qt_error_string(errno));
            return false;
        }
        // This process's PC/SC calls go to this pcscd (read at the first call).
        ::setenv("PCSCLITE_CSOCK_NAME", socketPath.constData(), 1);
        return waitForReader(error);
    }

    void stop()
    {
        if (m_pid > 0) {
            ::kill(m_pid, SIGTERM);
            int status = 0;
            ::waitpid(m_pid, &status, 0);
            m_pid = -1;
        }
    }

    quint16 cardPort() const { return m_port; } // the first slot's
    QString logFile() const { return m_dir.filePath(QStringLiteral("pcscd.log")); }
    static QString reader() { return QString::fromLatin1(kReader); }

private:
    static void writeNumber(char* out, unsigned value)
    {
        char digits[16];
        int n = 0;
        do {
            digits[n++] = char('0' + value % 10);
            value /= 10;
        } while (value > 0);
        while (n > 0)
            *out++ = digits[--n];
        *out = '\0';
    }

    static bool canBind(quint16 port)
    {
        const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_port = htons(port);
        address.sin_addr.s_addr = htonl(INADDR_ANY);
        const bool free = ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)) == 0;
        ::close(fd);
        return free;
    }

    static quint16 freePortPair()
    {
        for (int attempt = 0; attempt < 50; ++attempt) {
            const quint16 port = quint16(36000 + 2 * QRandomGenerator::global()->bounded(1500));
            if (canBind(port) && canBind(port + 1))
                return port;
        }
        return 0;
    }

    static int listenOn(const QByteArray& path, QString* error)
    {
        const int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_un address{};
        address.sun_family = AF_UNIX;
        if (fd < 0 || path.size() >= qsizetype(sizeof(address.sun_path))) {
            *error = QStringLiteral("cannot make the socket %1").arg(QString::fromLocal8Bit(path));
            if (fd >= 0)
                ::close(fd);
            return -1;
        }
        std::memcpy(address.sun_path, path.constData(), size_t(path.size()));
        if (::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)) != 0 || ::listen(fd, 16) != 0) {
            *error = QStringLiteral("cannot listen on %1: %2").arg(QString::fromLocal8Bit(path), qt_error_string(errno));
            ::close(fd);
            return -1;
        }
        return fd;
    }

    // Until pcscd lists the rig's reader (vpcd could not bind: no reader).
    bool waitForReader(QString* error)
    {
        QDeadlineTimer deadline(10000);
        while (!deadline.hasExpired()) {
            SCARDCONTEXT context = 0;
            if (SCardEstablishContext(SCARD_SCOPE_SYSTEM, nullptr, nullptr, &context) == SCARD_S_SUCCESS) {
                char names[1024];
                DWORD size = sizeof(names);
                const LONG rv = SCardListReaders(context, nullptr, names, &size);
                SCardReleaseContext(context);
                for (DWORD at = 0; rv == SCARD_S_SUCCESS && at < size && names[at] != '\0';
                     at += DWORD(qstrlen(names + at) + 1)) {
                    if (qstrcmp(names + at, kReader) == 0)
                        return true;
                }
            }
            int status = 0;
            if (::waitpid(m_pid, &status, WNOHANG) == m_pid) {
                m_pid = -1;
                *error = QStringLiteral("pcscd stopped at once (status %1)").arg(status);
                return false;
            }
            QThread::msleep(20);
        }
        *error = QStringLiteral("pcscd did not list the reader \"%1\" within 10 s (vpcd port %2)")
                     .arg(QString::fromLatin1(kReader))
                     .arg(m_port);
        return false;
    }

    QTemporaryDir m_dir;
    quint16 m_port = 0;
    pid_t m_pid = -1;
};

} // namespace fg::test
