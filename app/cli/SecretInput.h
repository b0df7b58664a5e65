#pragma once

#include "app/cli/CliContext.h"
#include "core/security/SecureBuffer.h"

#include <QString>

#include <optional>

namespace fg::cli {

// The secrets a subcommand takes from standard input, never from its command
// line: passwords and authenticator codes, one a line, in the order the
// subcommand documents. A script writes them as lines (\n or \r\n); on a
// terminal each is asked on stderr, passwords without echo. Lines are read
// byte by byte, so nothing past the lines asked for is taken, into buffers
// that are wiped (SecureBuffer).
class SecretInput {
public:
    struct Line {
        QString prompt; // asked on a terminal: "Password of administrator ada: "
        QString what;   // named in errors: "password of administrator ada"
        QString hint;   // how to give it, after a missing line: "(it is never taken from the command line)"
        bool hidden = true; // no echo on a terminal
    };

    SecretInput();

    bool isTerminal() const { return m_terminal; }

    // The next line; nullopt after setting *status (2 when standard input has
    // ended, 1 when it cannot be read or the line is too long) and *error,
    // which names the line ("the first line of standard input").
    std::optional<SecureBuffer> read(const Line& line, ExitStatus* status, QString* error);
    // A password being chosen: on a terminal asked twice, and refused (1) when
    // the two differ.
    std::optional<SecureBuffer> readNewPassword(const Line& line, ExitStatus* status, QString* error);

    static constexpr qsizetype kMaxLineBytes = 4096;

private:
    bool m_terminal = false;
    int m_linesRead = 0;
};

} // namespace fg::cli
