#pragma once

#include <QHash>
#include <QLoggingCategory>
#include <QString>
#include <QStringList>

namespace fg {

// "fg.service": refused handshakes, refused requests, handler failures.
Q_DECLARE_LOGGING_CATEGORY(lcService)

// Text from a client (a reason quoting its words, a certificate's subject) made
// safe for one line of the log: control characters written as \r, \n, \t or
// \xNN, backslashes doubled, and cut after maxChars with "...".
QString logSafe(const QString& text, int maxChars = 200);

// How many lines of one kind the log takes: at most `lines` per window of
// `windowMs` (steady time); the rest are counted, and the first line of a
// later window says how many were suppressed. A client flooding refusals
// cannot fill the disk or bury the other lines.
class LogThrottle {
public:
    LogThrottle(int lines, qint64 windowMs) : m_lines(lines), m_windowMs(windowMs) {}

    // Whether a line of kind may be written at nowMs; *suppressed: the lines
    // of that kind dropped since the last one written (to say so in it);
    // *summaries: a line for each other kind whose window has ended with
    // lines dropped, to write first.
    bool allow(const QString& kind, qint64 nowMs, qint64* suppressed, QStringList* summaries);

private:
    struct Window {
        qint64 startMs = 0;
        int written = 0;
        qint64 suppressed = 0;
    };
    int m_lines;
    qint64 m_windowMs;
    QHash<QString, Window> m_windows;
};

} // namespace fg
