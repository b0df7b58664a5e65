#include "app/cli/SecretInput.h"

#include <QByteArray>

#include <cstdio>

#include <termios.h>
#include <unistd.h>

namespace fg::cli {
namespace {

// Turns the terminal's echo off for as long as it lives.
class EchoOff {
public:
    EchoOff()
    {
        if (::tcgetattr(STDIN_FILENO, &m_saved) != 0)
            return;
        termios quiet = m_saved;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        m_active = ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet) == 0;
    }
    ~EchoOff()
    {
        if (m_active)
            ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &m_saved);
    }
    EchoOff(const EchoOff&) = delete;
    EchoOff& operator=(const EchoOff&) = delete;

private:
    termios m_saved{};
    bool m_active = false;
};

enum class LineResult { Line, EndOfInput, TooLong, Failed };

// One line of standard input, without its end (\n or \r\n), read byte by
// byte into a buffer allocated once, so no stray copy of it is left behind;
// the buffer is wiped when the SecureBuffer takes it.
LineResult readSecretLine(std::optional<SecureBuffer>* line)
{
    QByteArray bytes(SecretInput::kMaxLineBytes, '\0');
    qsizetype size = 0;
    bool sawAnything = false;
    LineResult result = LineResult::Line;
    for (;;) {
        char c = 0;
        const ssize_t got = ::read(STDIN_FILENO, &c, 1);
        if (got < 0) {
            result = LineResult::Failed;
            break;
        }
        if (got == 0) {
            if (!sawAnything)
                result = LineResult::EndOfInput;
            break;
        }
        sawAnything = true;
        if (c == '\n')
            break;
        if (size == SecretInput::kMaxLineBytes) {
            result = LineResult::TooLong;
            break;
        }
        bytes[size++] = c;
    }
    if (size > 0 && bytes[size - 1] == '\r')
        --size;
    if (result != LineResult::Line) {
        SecureBuffer wiped = SecureBuffer::fromBytes(std::move(bytes));
        return result;
    }
    bytes.truncate(size);
    *line = SecureBuffer::fromBytes(std::move(bytes));
    return result;
}

QString ordinal(int line)
{
    switch (line) {
    case 1:
        return QStringLiteral("first");
    case 2:
        return QStringLiteral("second");
    case 3:
        return QStringLiteral("third");
    default:
        return QStringLiteral("%1th").arg(line);
    }
}

} // namespace

SecretInput::SecretInput()
    : m_terminal(::isatty(STDIN_FILENO) == 1)
{
}

std::optional<SecureBuffer> SecretInput::read(const Line& line, ExitStatus* status, QString* error)
{
    *status = kProcessingError;
    const int number = ++m_linesRead;
    std::optional<SecureBuffer> text;
    LineResult result = LineResult::Failed;
    if (!m_terminal) {
        result = readSecretLine(&text);
    } else {
        std::fputs(qPrintable(line.prompt), stderr);
        std::fflush(stderr);
        if (line.hidden) {
            const EchoOff echoOff;
            result = readSecretLine(&text);
            std::fputs("\n", stderr);
        } else {
            result = readSecretLine(&text);
        }
    }
    switch (result) {
    case LineResult::Line:
        return text;
    case LineResult::EndOfInput:
        *status = kUsageError;
        *error = m_terminal ? QStringLiteral("no %1 was given").arg(line.what)
                            : QStringLiteral("no %1: write it as the %2 line of standard input")
                                  .arg(line.what, ordinal(number));
        if (!line.hint.isEmpty())
            *error += QLatin1Char(' ') + line.hint;
        return std::nullopt;
    case LineResult::TooLong:
        *error = QStringLiteral("the %1 (line %2 of standard input) is longer than %3 bytes")
                     .arg(line.what)
                     .arg(number)
                     .arg(kMaxLineBytes);
        return std::nullopt;
    case LineResult::Failed:
        break;
    }
    *error = QStringLiteral("the %1 could not be read from standard input").arg(line.what);
    return std::nullopt;
}

std::optional<SecureBuffer> SecretInput::readNewPassword(const Line& line, ExitStatus* status, QString* error)
{
    std::optional<SecureBuffer> first = read(line, status, error);
    if (!first || !m_terminal)
        return first;
    Line again = line;
    again.prompt = QStringLiteral("The same password again: ");
    const std::optional<SecureBuffer> second = read(again, status, error);
    if (!second)
        return std::nullopt;
    if (first->view() != second->view()) {
        *status = kProcessingError;
        *error = QStringLiteral("the two passwords differ; nothing was changed");
        return std::nullopt;
    }
    return first;
}

} // namespace fg::cli
