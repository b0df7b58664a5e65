#include "core/biometrics/QualityWords.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace fg {
namespace {

constexpr const char* kContext = "fg::QualityWords";

// The short words QualityAssessor's failing reasons start with, for lupdate
// (translated() looks them up by their text).
[[maybe_unused]] constexpr const char* kWords[] = {
    QT_TRANSLATE_NOOP("fg::QualityWords", "too far"),
    QT_TRANSLATE_NOOP("fg::QualityWords", "turn head"),
    QT_TRANSLATE_NOOP("fg::QualityWords", "look straight"),
    QT_TRANSLATE_NOOP("fg::QualityWords", "straighten head"),
    QT_TRANSLATE_NOOP("fg::QualityWords", "blurred"),
    QT_TRANSLATE_NOOP("fg::QualityWords", "too dark"),
    QT_TRANSLATE_NOOP("fg::QualityWords", "too bright"),
    QT_TRANSLATE_NOOP("fg::QualityWords", "eyes closed"),
};

} // namespace

QString QualityWords::of(const QString& reason)
{
    return reason.section(QLatin1Char(':'), 0, 0).section(QLatin1Char(','), 0, 0).trimmed();
}

QString QualityWords::translated(const QString& words)
{
    // "0 face(s) in view", "2 faces in view": the count is kept, the words translated.
    static const QRegularExpression faces(QStringLiteral("^(\\d+) face(?:s|\\(s\\)) in view$"));
    if (const QRegularExpressionMatch match = faces.match(words); match.hasMatch()) {
        // (the count in a variable: lupdate 6.4 hangs on a call as the fourth argument)
        const int count = match.captured(1).toInt();
        const QString shown = QCoreApplication::translate("fg::QualityWords", "%n face(s) in view", nullptr, count);
        // Without a translation (English): the words as they came, "2 faces in view".
        return shown == QStringLiteral("%1 face(s) in view").arg(count) ? words : shown;
    }
    return QCoreApplication::translate(kContext, words.toUtf8().constData());
}

} // namespace fg
