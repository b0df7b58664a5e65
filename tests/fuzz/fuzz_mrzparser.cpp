// libFuzzer target for the MRZ parser (build with -DFACEGATE_FUZZ=ON and
// Clang; see CMakeLists.txt). The bytes are read as UTF-8 and as Latin-1, as
// a paste or a keyboard-wedge reader may deliver them, and the result is held
// to invariants beyond "does not crash":
//  - the lines read, joined again, are read the same;
//  - every problem names its field and says something; positions lie inside
//    the lines read, and each suggestion's original is the text found there;
//  - a document comes with as many lines as its format has;
//  - applying a suggestion for a check digit makes that check digit hold;
//  - a well-formed zone (no problem but perhaps expiry) is written back to
//    the same lines by MrzWriter, and those lines read again well formed.
#include "core/documents/MrzParser.h"
#include "core/documents/MrzWriter.h"

#include <QByteArray>
#include <QDate>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace {

const QDate kToday(2026, 11, 27);
// Before the specimens of the seed corpus expired.
const QDate kLongAgo(1995, 1, 1);

void require(bool condition, const char* what, const fg::MrzResult& result)
{
    if (condition)
        return;
    QString lines = result.lines.join(QLatin1Char('\n'));
    lines.replace(QChar(0), QStringLiteral("\\0"));
    std::fprintf(stderr, "invariant broken: %s\nlines:\n%s\nproblems:\n%s\n", what, lines.toUtf8().constData(),
                 result.summary().toUtf8().constData());
    std::abort();
}

QString applied(const QStringList& lines, const fg::MrzSuggestion& suggestion)
{
    QStringList out = lines;
    out[suggestion.line - 1].replace(suggestion.column - 1, suggestion.original.size(), suggestion.replacement);
    return out.join(QLatin1Char('\n'));
}

bool checkDigitFails(const fg::MrzResult& result, fg::MrzField field)
{
    for (const fg::MrzProblem& problem : result.problems) {
        if (problem.field == field && problem.kind == fg::MrzProblemKind::CheckDigit)
            return true;
    }
    return false;
}

void checkResult(const fg::MrzResult& result, const QDate& today)
{
    const qsizetype lineCount = result.lines.size();
    require(fg::MrzParser::parse(result.lines.join(QLatin1Char('\n')), today).lines == result.lines,
            "lines that read differently once joined", result);
    for (const fg::MrzProblem& problem : result.problems) {
        require(!problem.fieldName.isEmpty() && !problem.message.isEmpty(), "a problem without a name or a message", result);
        require(problem.line >= 0 && problem.line <= lineCount, "a problem on a line that was not read", result);
        require(problem.column >= 0 && problem.length >= 0, "a negative column or length", result);
        for (const fg::MrzSuggestion& suggestion : problem.suggestions) {
            require(suggestion.line >= 1 && suggestion.line <= lineCount, "a suggestion on a line that was not read", result);
            require(suggestion.original.size() == suggestion.replacement.size(), "a suggestion that changes the length", result);
            require(suggestion.original != suggestion.replacement, "a suggestion that changes nothing", result);
            const QString& line = result.lines[suggestion.line - 1];
            require(line.mid(suggestion.column - 1, suggestion.original.size()) == suggestion.original,
                    "a suggestion whose original is not in the line", result);
            if (problem.kind == fg::MrzProblemKind::CheckDigit) {
                const fg::MrzResult fixed = fg::MrzParser::parse(applied(result.lines, suggestion), today);
                require(!checkDigitFails(fixed, problem.field), "a suggestion that does not make its check digit hold", result);
            }
        }
    }
    if (result.document)
        require(lineCount == fg::mrzLineCount(result.document->format), "a document from a wrong number of lines", result);

    if (result.problems.empty())
        require(result.document.has_value() && result.isValid(), "no problems but no valid document", result);
    if (!result.isWellFormed())
        return;
    QString error;
    const auto written = fg::MrzWriter::write(*result.document, &error);
    require(written.has_value(), "a well-formed zone the writer refuses", result);
    require(*written == result.lines, "a well-formed zone written back differently", result);
    const fg::MrzResult again = fg::MrzParser::parse(written->join(QLatin1Char('\n')), today);
    require(again.isWellFormed() && again.problems.size() == result.problems.size(),
            "a well-formed zone that reads differently the second time", result);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    const QString utf8 = QString::fromUtf8(bytes);
    const QString latin1 = QString::fromLatin1(bytes);
    checkResult(fg::MrzParser::parse(utf8, kToday), kToday);
    if (latin1 != utf8)
        checkResult(fg::MrzParser::parse(latin1, kToday), kToday);
    checkResult(fg::MrzParser::parse(latin1, kLongAgo), kLongAgo);
    // No reference date at all: the dates stay unresolved, nothing else changes.
    const QDate none;
    checkResult(fg::MrzParser::parse(latin1, none), none);
    return 0;
}
