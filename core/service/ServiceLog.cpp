#include "core/service/ServiceLog.h"

#include <algorithm>
#include <utility>

namespace fg {

Q_LOGGING_CATEGORY(lcService, "fg.service")

QString logSafe(const QString& text, int maxChars)
{
    QString safe;
    safe.reserve(std::min<qsizetype>(text.size(), maxChars) + 8);
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (safe.size() >= maxChars) {
            safe += QStringLiteral("...");
            break;
        }
        const QChar c = text.at(i);
        if (c == u'\\')
            safe += QStringLiteral("\\\\");
        else if (c == u'\r')
            safe += QStringLiteral("\\r");
        else if (c == u'\n')
            safe += QStringLiteral("\\n");
        else if (c == u'\t')
            safe += QStringLiteral("\\t");
        else if (c.unicode() < 0x20 || c.unicode() == 0x7f || c.category() == QChar::Other_Control
                 || c.category() == QChar::Separator_Line || c.category() == QChar::Separator_Paragraph)
            safe += QStringLiteral("\\x%1").arg(c.unicode(), 2, 16, QLatin1Char('0'));
        else
            safe += c;
    }
    return safe;
}

bool LogThrottle::allow(const QString& kind, qint64 nowMs, qint64* suppressed, QStringList* summaries)
{
    // Bounded: a window of every kind seen; kinds are the service's own labels.
    for (auto it = m_windows.begin(); it != m_windows.end(); ++it) {
        if (it.key() != kind && it->suppressed > 0 && nowMs - it->startMs >= m_windowMs) {
            summaries->append(QStringLiteral("%1 similar lines suppressed (%2)").arg(it->suppressed).arg(it.key()));
            it->suppressed = 0;
        }
    }
    Window& window = m_windows[kind];
    *suppressed = 0;
    if (nowMs - window.startMs >= m_windowMs) {
        window.startMs = nowMs;
        window.written = 0;
    }
    if (window.written >= m_lines) {
        ++window.suppressed;
        return false;
    }
    ++window.written;
    *suppressed = std::exchange(window.suppressed, 0);
    return true;
}

} // namespace fg
