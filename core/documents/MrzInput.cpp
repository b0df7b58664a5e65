#include "core/documents/MrzInput.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <cstdlib>

namespace fg {
namespace {

MrzProblem inputProblem(const QString& fieldName, const QString& message)
{
    MrzProblem problem;
    problem.field = MrzField::Input;
    problem.kind = MrzProblemKind::Layout;
    problem.fieldName = fieldName;
    problem.message = message;
    return problem;
}

bool isLineBreak(QChar c)
{
    switch (c.unicode()) {
    case u'\n':
    case u'\r':
    case u'\v':
    case u'\f':
    case 0x85:   // next line
    case 0x2028: // line separator
    case 0x2029: // paragraph separator
        return true;
    default:
        return false;
    }
}

QString upperAscii(const QString& text)
{
    QString out = text;
    for (QChar& c : out) {
        if (c >= QLatin1Char('a') && c <= QLatin1Char('z'))
            c = QChar(c.unicode() - u'a' + u'A');
    }
    return out;
}

QStringList splitLines(const QString& text)
{
    QStringList lines;
    QString current;
    for (const QChar c : text) {
        if (isLineBreak(c)) {
            lines << current;
            current.clear();
        } else {
            current += c;
        }
    }
    lines << current;
    QStringList kept;
    for (const QString& line : lines) {
        const QString trimmed = line.trimmed();
        if (!trimmed.isEmpty())
            kept << trimmed;
    }
    return kept;
}

// One reader line with its separators lost: 88, 72 or 90 characters.
QStringList cutReaderLine(const QString& line)
{
    int width = 0;
    switch (line.size()) {
    case 88: width = 44; break;
    case 72: width = 36; break;
    case 90: width = 30; break;
    default: return {};
    }
    // Each part trimmed like any line, so that the lines read are read the
    // same again once joined; a part of nothing but white space is no line.
    QStringList parts;
    for (qsizetype at = 0; at < line.size(); at += width) {
        const QString part = line.mid(at, width).trimmed();
        if (part.isEmpty())
            return {};
        parts << part;
    }
    return parts;
}

// One line of two or three equal parts separated by white space.
QStringList splitAtSpaces(const QString& line)
{
    static const QRegularExpression kSpaces(QStringLiteral("\\s+"));
    const QStringList parts = line.split(kSpaces, Qt::SkipEmptyParts);
    if (parts.size() < 2 || parts.size() > 3)
        return {};
    const qsizetype width = parts.front().size();
    for (const QString& part : parts) {
        if (part.size() != width)
            return {};
    }
    const bool fits = (parts.size() == 3 && width == 30) || (parts.size() == 2 && (width == 36 || width == 44));
    return fits ? parts : QStringList();
}

} // namespace

MrzInput MrzInput::read(const QString& text)
{
    MrzInput input;
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty()) {
        input.problems.push_back(inputProblem(mrzFieldName(MrzField::Input), QCoreApplication::translate("fg::Mrz", "the MRZ is empty")));
        return input;
    }
    if (trimmed.size() > kMaxInputLength) {
        input.problems.push_back(inputProblem(
            mrzFieldName(MrzField::Input),
            QCoreApplication::translate("fg::Mrz", "the text is %1 characters long; an MRZ has at most 90").arg(trimmed.size())));
        return input;
    }

    QStringList lines = splitLines(upperAscii(trimmed));
    if (lines.size() == 1) {
        QStringList parts = splitAtSpaces(lines.front());
        if (parts.isEmpty())
            parts = cutReaderLine(lines.front());
        if (!parts.isEmpty())
            lines = parts;
    }
    input.lines = lines;

    const QString lineCount = QCoreApplication::translate("fg::Mrz", "line count");
    if (lines.size() == 1) {
        input.problems.push_back(inputProblem(
            lineCount, QCoreApplication::translate("fg::Mrz", "one line of %1 characters; an MRZ has 2 lines of 44 characters "
                                                              "(passport, visa MRV-A), 2 of 36 (TD2 card, visa MRV-B) or 3 "
                                                              "of 30 (TD1 card); a reader's single line has 88, 72 or 90")
                           .arg(lines.front().size())));
        return input;
    }
    if (lines.size() > 3) {
        input.problems.push_back(inputProblem(
            lineCount, QCoreApplication::translate("fg::Mrz", "%1 lines; an MRZ has 2 lines of 44 characters (passport, visa "
                                                              "MRV-A), 2 of 36 (TD2 card, visa MRV-B) or 3 of 30 (TD1 card); "
                                                              "a reader's single line has 88, 72 or 90")
                           .arg(lines.size())));
        return input;
    }
    if (lines.size() == 3) {
        input.format = MrzFormat::TD1;
        return input;
    }

    const int a = static_cast<int>(lines[0].size());
    const int b = static_cast<int>(lines[1].size());
    if (a == 30 && b == 30) {
        input.problems.push_back(inputProblem(
            lineCount,
            QCoreApplication::translate("fg::Mrz", "2 lines of 30 characters: a TD1 card has 3 lines of 30, one is missing")));
        return input;
    }
    // The width the two lines are nearer to; a tie goes to the passport.
    const bool wide = std::abs(a - 44) + std::abs(b - 44) <= std::abs(a - 36) + std::abs(b - 36);
    const bool visa = lines[0].startsWith(QLatin1Char('V'));
    if (wide)
        input.format = visa ? MrzFormat::MRVA : MrzFormat::TD3;
    else
        input.format = visa ? MrzFormat::MRVB : MrzFormat::TD2;
    return input;
}

} // namespace fg
