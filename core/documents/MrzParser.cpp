#include "core/documents/MrzParser.h"

#include "core/documents/MrzCheckDigit.h"
#include "core/documents/MrzDates.h"
#include "core/documents/MrzFieldRules.h"
#include "core/documents/MrzInput.h"
#include "core/documents/MrzLayout.h"
#include "core/documents/MrzOcrCorrector.h"

#include <QCoreApplication>

#include <algorithm>

namespace fg {
namespace {

constexpr int kMaxCharacterProblems = 10;

// "'*'", "a space", "U+00E9": a character as the officer can find it.
QString describeCharacter(QChar c)
{
    if (c == QLatin1Char(' '))
        return QCoreApplication::translate("fg::Mrz", "a space");
    if (c == QLatin1Char('\t'))
        return QCoreApplication::translate("fg::Mrz", "a tab");
    if (c.unicode() > 0x20 && c.unicode() < 0x7f)
        return QStringLiteral("'%1'").arg(c);
    return QStringLiteral("U+") + QString::number(c.unicode(), 16).toUpper().rightJustified(4, QLatin1Char('0'));
}

QString describeCheckCharacter(QChar c)
{
    if (c.isDigit() && c.unicode() < 0x80)
        return QString(c);
    if (c == QLatin1Char('<'))
        return QStringLiteral("<");
    return describeCharacter(c);
}

// One check digit: what it protects, where it stands, and where OCR swaps are
// worth trying when it fails.
struct Check {
    MrzField field;
    // The whole message when it fails, %1 the digit expected and %2 the
    // character found: "check digit of the document number is %1, the MRZ says %2".
    QString message;
    std::vector<MrzSpan> covered;
    MrzSpan digit;
    bool fillerAllowed = false;
    std::vector<MrzSpan> searchSpans; // on the digit's line
};

// The reading of one zone whose layout is known.
class Reading {
public:
    Reading(MrzFormat format, const QStringList& lines, const QDate& today)
        : m_layout(MrzLayout::of(format))
        , m_format(format)
        , m_today(today)
    {
        const int width = mrzLineLength(format);
        for (const QString& line : lines) {
            m_lengths.push_back(static_cast<int>(line.size()));
            m_lines.push_back(line.left(width).leftJustified(width, QLatin1Char('<')));
        }
        m_document.format = format;
    }

    MrzDocument run(std::vector<MrzProblem>* problems)
    {
        checkLengths();
        checkCharacters();
        readHeader();
        readDocumentNumber();
        readNationalityAndSex();
        m_document.birthDate = readDate(MrzField::BirthDate, &m_document.birthDateText, true);
        m_document.expiryDate = readDate(MrzField::ExpiryDate, &m_document.expiryDateText, false);
        m_document.birthDateCheckDigit =
            checkField(MrzField::BirthDate, MrzField::BirthDateCheckDigit,
                       QCoreApplication::translate("fg::Mrz", "check digit of the date of birth is %1, the MRZ says %2"));
        m_document.expiryDateCheckDigit =
            checkField(MrzField::ExpiryDate, MrzField::ExpiryDateCheckDigit,
                       QCoreApplication::translate("fg::Mrz", "check digit of the date of expiry is %1, the MRZ says %2"));
        readOptionalData();
        readComposite();
        checkDates();
        // In the order the officer reads the zone: line by line, left to right.
        std::stable_sort(m_problems.begin(), m_problems.end(), [](const MrzProblem& a, const MrzProblem& b) {
            return a.line != b.line ? a.line < b.line : a.column < b.column;
        });
        problems->insert(problems->end(), m_problems.begin(), m_problems.end());
        return m_document;
    }

private:
    QString text(const MrzSpan& span) const
    {
        return m_lines[static_cast<size_t>(span.line - 1)].mid(span.column - 1, span.length);
    }

    QChar at(const MrzSpan& span) const { return m_lines[static_cast<size_t>(span.line - 1)][span.column - 1]; }

    MrzSpan spanOf(MrzField field) const { return m_layout.span(field).value_or(MrzSpan{}); }

    // Every position present in the input and of the zone's set.
    bool readable(const MrzSpan& span) const
    {
        if (span.line < 1 || span.lastColumn() > m_lengths[static_cast<size_t>(span.line - 1)])
            return false;
        const QStringView part = QStringView(m_lines[static_cast<size_t>(span.line - 1)]).mid(span.column - 1, span.length);
        return std::all_of(part.begin(), part.end(), [](QChar c) { return MrzCheckDigit::isMrzCharacter(c); });
    }

    bool readable(const std::vector<MrzSpan>& spans) const
    {
        return std::all_of(spans.begin(), spans.end(), [this](const MrzSpan& s) { return readable(s); });
    }

    MrzProblem& add(MrzField field, MrzProblemKind kind, const MrzSpan& span, const QString& message,
                    MrzSeverity severity = MrzSeverity::Error)
    {
        MrzProblem problem;
        problem.field = field;
        problem.kind = kind;
        problem.severity = severity;
        problem.fieldName = mrzFieldName(field, m_format);
        problem.line = span.line;
        problem.column = span.column;
        problem.length = span.length;
        problem.message = message;
        m_problems.push_back(problem);
        return m_problems.back();
    }

    // A suggestion replacing `span` (on one line) by `replacement`.
    static MrzSuggestion suggestion(const MrzSpan& span, const QString& original, const QString& replacement)
    {
        MrzSuggestion out;
        out.line = span.line;
        out.column = span.column;
        out.original = original;
        out.replacement = replacement;
        // Fillers that both end with say nothing: "ERIKSSON<<ANNA", not "ERIKSSON<<ANNA<<<<<<<<".
        qsizetype shown = replacement.size();
        while (shown > 1 && replacement[shown - 1] == QLatin1Char('<') && original[shown - 1] == QLatin1Char('<'))
            --shown;
        out.message = QCoreApplication::translate("fg::Mrz", "did you mean %1 instead of %2 (%3)?")
                          .arg(replacement.left(shown), original.left(shown),
                               MrzOcrCorrector::describeChanges(original, replacement, span.column));
        return out;
    }

    void addIssue(MrzField field, const MrzFieldIssue& issue)
    {
        const MrzSpan span = spanOf(field);
        MrzProblem& problem = add(field, MrzProblemKind::Field, span, issue.message, issue.severity);
        problem.column = span.column + issue.offset;
        problem.length = 1;
        if (issue.correction)
            problem.suggestions.push_back(suggestion(span, text(span), *issue.correction));
    }

    void checkLengths()
    {
        const int width = mrzLineLength(m_format);
        for (size_t i = 0; i < m_lengths.size(); ++i) {
            if (m_lengths[i] == width)
                continue;
            const int line = static_cast<int>(i) + 1;
            MrzProblem& problem = add(MrzField::Line, MrzProblemKind::Layout, MrzSpan{line, 0, 0},
                                      QCoreApplication::translate("fg::Mrz", "line %1 has %2 characters; a %3 line has %4")
                                          .arg(line)
                                          .arg(m_lengths[i])
                                          .arg(mrzFormatName(m_format))
                                          .arg(width));
            problem.fieldName = QCoreApplication::translate("fg::Mrz", "line %1 length").arg(line);
        }
    }

    void checkCharacters()
    {
        int found = 0;
        for (size_t i = 0; i < m_lines.size(); ++i) {
            const int line = static_cast<int>(i) + 1;
            const int present = std::min(m_lengths[i], mrzLineLength(m_format));
            for (int column = 1; column <= present; ++column) {
                const QChar c = m_lines[i][column - 1];
                if (MrzCheckDigit::isMrzCharacter(c))
                    continue;
                if (++found > kMaxCharacterProblems)
                    continue;
                const MrzFieldSpec* spec = m_layout.fieldAt(line, column);
                const MrzField field = spec ? spec->field : MrzField::Line;
                MrzProblem& problem = add(field, MrzProblemKind::Character, MrzSpan{line, column, 1},
                                          QCoreApplication::translate("fg::Mrz", "line %1, column %2 (%3): %4 is not an MRZ character "
                                                                                 "(A-Z, 0-9 and <)")
                                              .arg(line)
                                              .arg(column)
                                              .arg(mrzFieldName(field, m_format), describeCharacter(c)));
                if (c.isSpace())
                    problem.suggestions.push_back(suggestion(MrzSpan{line, column, 1}, QString(c), QStringLiteral("<")));
            }
        }
        if (found > kMaxCharacterProblems) {
            // (the count in a variable: lupdate 6.4 hangs on a call as the fourth argument)
            const int more = found - kMaxCharacterProblems;
            MrzProblem& problem =
                add(MrzField::Input, MrzProblemKind::Character, MrzSpan{},
                    QCoreApplication::translate("fg::Mrz", "%n more characters are outside A-Z, 0-9 and <", nullptr, more));
            problem.fieldName = QCoreApplication::translate("fg::Mrz", "characters");
        }
    }

    void readHeader()
    {
        const MrzSpan codeSpan = spanOf(MrzField::DocumentCode);
        m_document.documentCode = mrzStripFiller(text(codeSpan));
        if (readable(codeSpan)) {
            if (const auto issue = MrzFieldRules::documentCode(text(codeSpan), m_format))
                addIssue(MrzField::DocumentCode, *issue);
        }

        const MrzSpan stateSpan = spanOf(MrzField::IssuingState);
        m_document.issuingState = mrzStripFiller(text(stateSpan));
        if (readable(stateSpan)) {
            if (const auto issue = MrzFieldRules::stateCode(text(stateSpan), MrzField::IssuingState))
                addIssue(MrzField::IssuingState, *issue);
        }

        const MrzSpan nameSpan = spanOf(MrzField::Name);
        MrzFieldRules::splitName(text(nameSpan), &m_document.primaryIdentifier, &m_document.secondaryIdentifier);
        if (readable(nameSpan)) {
            for (const MrzFieldIssue& issue : MrzFieldRules::name(text(nameSpan)))
                addIssue(MrzField::Name, issue);
        }
    }

    void readNationalityAndSex()
    {
        const MrzSpan nationality = spanOf(MrzField::Nationality);
        m_document.nationality = mrzStripFiller(text(nationality));
        if (readable(nationality)) {
            if (const auto issue = MrzFieldRules::stateCode(text(nationality), MrzField::Nationality))
                addIssue(MrzField::Nationality, *issue);
        }
        const MrzSpan sex = spanOf(MrzField::Sex);
        m_document.sex = at(sex);
        if (readable(sex)) {
            if (const auto issue = MrzFieldRules::sex(at(sex)))
                addIssue(MrzField::Sex, *issue);
        }
    }

    // The number and its check digit; on a TD1 card a number of more than 9
    // characters puts < in the check digit's place and continues in the
    // optional data, up to its first filler, the last character before which
    // is the check digit (Part 5, 4.2.4).
    void readDocumentNumber()
    {
        const MrzSpan numberSpan = spanOf(MrzField::DocumentNumber);
        const MrzSpan digitSpan = spanOf(MrzField::DocumentNumberCheckDigit);
        const QString number = text(numberSpan);
        m_document.documentNumber = mrzStripFiller(number);
        m_document.documentNumberCheckDigit = at(digitSpan);
        if (readable(numberSpan)) {
            if (const auto issue = MrzFieldRules::documentNumber(number)) {
                addIssue(MrzField::DocumentNumber, *issue);
                m_fieldAtFault = true;
                return;
            }
        }

        Check check{MrzField::DocumentNumberCheckDigit,
                    QCoreApplication::translate("fg::Mrz", "check digit of the document number is %1, the MRZ says %2"),
                    {numberSpan},
                    digitSpan,
                    false,
                    {numberSpan}};
        if (m_format == MrzFormat::TD1 && at(digitSpan) == QLatin1Char('<') && readable(digitSpan)) {
            const MrzSpan optional = spanOf(MrzField::OptionalData1);
            if (!readable(optional))
                return;
            const QString rest = text(optional);
            const int extension = static_cast<int>(rest.indexOf(QLatin1Char('<')) < 0 ? rest.size() : rest.indexOf(QLatin1Char('<')));
            if (number.contains(QLatin1Char('<')) || extension < 2) {
                const QString message = number.contains(QLatin1Char('<'))
                    ? QCoreApplication::translate("fg::Mrz", "the document number check digit is <, which means the number "
                                                             "continues in the optional data (Part 5, 4.2.4), but the number "
                                                             "does not fill columns 6 to 14")
                    : QCoreApplication::translate("fg::Mrz", "the document number check digit is <, which means the number "
                                                             "continues in the optional data (Part 5, 4.2.4), but the optional "
                                                             "data does not continue it with at least one character and a check digit");
                MrzProblem& problem =
                    add(MrzField::DocumentNumberCheckDigit, MrzProblemKind::CheckDigit, digitSpan, message);
                // Perhaps a short number whose check digit was lost.
                if (const auto expected = MrzCheckDigit::compute(number))
                    problem.suggestions.push_back(suggestion(digitSpan, QStringLiteral("<"), QString::number(*expected)));
                m_fieldAtFault = true;
                return;
            }
            const MrzSpan continuation{1, optional.column, extension - 1};
            m_document.longDocumentNumber = true;
            m_document.documentNumber = number + text(continuation);
            m_document.optionalData1 = mrzStripFiller(rest.mid(extension + 1));
            check.covered = {numberSpan, continuation};
            check.digit = MrzSpan{1, optional.column + extension - 1, 1};
            check.searchSpans = {numberSpan, continuation};
            m_document.documentNumberCheckDigit = at(check.digit);
        }
        verify(check);
    }

    // The check digit that follows `field`; returns the character found.
    QChar checkField(MrzField field, MrzField digitField, const QString& message)
    {
        const MrzSpan span = spanOf(field);
        const MrzSpan digit = spanOf(digitField);
        verify(Check{digitField, message, {span}, digit, false, {span}});
        return at(digit);
    }

    void readOptionalData()
    {
        const MrzSpan first = spanOf(MrzField::OptionalData1);
        if (!m_document.longDocumentNumber)
            m_document.optionalData1 = mrzStripFiller(text(first));
        if (m_layout.has(MrzField::OptionalData2))
            m_document.optionalData2 = mrzStripFiller(text(spanOf(MrzField::OptionalData2)));
        if (m_layout.has(MrzField::OptionalData1CheckDigit)) {
            // Part 4: when the personal number is all fillers its check digit may be < (or 0).
            const MrzSpan digit = spanOf(MrzField::OptionalData1CheckDigit);
            const bool empty = mrzStripFiller(text(first)).isEmpty();
            verify(Check{MrzField::OptionalData1CheckDigit,
                         QCoreApplication::translate("fg::Mrz", "check digit of the personal number is %1, the MRZ says %2"),
                         {first},
                         digit,
                         empty,
                         {first}});
            m_document.optionalData1CheckDigit = at(digit);
        }
    }

    void readComposite()
    {
        if (!m_layout.has(MrzField::CompositeCheckDigit))
            return;
        const MrzSpan digit = spanOf(MrzField::CompositeCheckDigit);
        m_document.compositeCheckDigit = at(digit);
        // Where a misreading can hide from every other check digit: the
        // optional data that only the composite protects, on its own line.
        std::vector<MrzSpan> search;
        if (!m_fieldAtFault) {
            for (const MrzField field : {MrzField::OptionalData1, MrzField::OptionalData2}) {
                const auto span = m_layout.span(field);
                if (span && span->line == digit.line && !m_layout.has(MrzField::OptionalData1CheckDigit))
                    search.push_back(*span);
            }
        }
        QString message;
        if (m_fieldAtFault) {
            message = QCoreApplication::translate("fg::Mrz", "composite check digit is %1, the MRZ says %2 (it covers a field "
                                                             "found at fault above)");
        } else if (m_format == MrzFormat::TD1) {
            message = QCoreApplication::translate("fg::Mrz", "composite check digit is %1, the MRZ says %2; the other check "
                                                             "digits hold, so the optional data (line 1 or line 2) or this "
                                                             "digit is misread");
        } else if (m_format == MrzFormat::TD2) {
            message = QCoreApplication::translate("fg::Mrz", "composite check digit is %1, the MRZ says %2; the other check "
                                                             "digits hold, so the optional data or this digit is misread");
        } else {
            message = QCoreApplication::translate("fg::Mrz", "composite check digit is %1, the MRZ says %2; the other check "
                                                             "digits hold, so this digit is misread");
        }
        verify(Check{MrzField::CompositeCheckDigit, message, m_layout.compositeSpans(), digit, false, search});
    }

    // The check digit over `covered`, line `line` replaced by `lineText`.
    std::optional<int> compute(const std::vector<MrzSpan>& covered, int line, const QString& lineText) const
    {
        QString data;
        for (const MrzSpan& span : covered) {
            const QString& source = span.line == line ? lineText : m_lines[static_cast<size_t>(span.line - 1)];
            data += source.mid(span.column - 1, span.length);
        }
        return MrzCheckDigit::compute(data);
    }

    static bool matches(QChar found, int expected) { return found.unicode() == u'0' + expected; }

    void verify(const Check& check)
    {
        if (!readable(check.covered) || !readable(check.digit))
            return; // the characters or the length are reported already
        const QString& line = m_lines[static_cast<size_t>(check.digit.line - 1)];
        const int expected = compute(check.covered, check.digit.line, line).value_or(0);
        const QChar found = at(check.digit);
        if (matches(found, expected) || (check.fillerAllowed && found == QLatin1Char('<')))
            return;

        const QString message = check.message.arg(expected).arg(describeCheckCharacter(found));
        MrzProblem& problem = add(check.field, MrzProblemKind::CheckDigit, check.digit, message);
        if (check.field != MrzField::CompositeCheckDigit)
            m_fieldAtFault = true;

        // OCR swaps in the protected characters and in the digit itself.
        std::vector<MrzOcrCorrector::Position> positions;
        int first = check.digit.column;
        for (const MrzSpan& span : check.searchSpans) {
            for (int column = span.column; column <= span.lastColumn(); ++column) {
                const MrzFieldSpec* spec = m_layout.fieldAt(span.line, column);
                positions.push_back({column - 1, spec ? spec->expect : MrzExpect::Any});
                first = std::min(first, column);
            }
        }
        positions.push_back({check.digit.column - 1, MrzExpect::Digit});
        const auto accept = [&](const QString& variant) {
            const auto digit = compute(check.covered, check.digit.line, variant);
            return digit && matches(variant[check.digit.column - 1], *digit);
        };
        const MrzSpan segment{check.digit.line, first, check.digit.column - first + 1};
        for (const QString& variant : MrzOcrCorrector::search(line, positions, accept))
            problem.suggestions.push_back(suggestion(segment, line.mid(first - 1, segment.length), variant.mid(first - 1, segment.length)));
    }

    QDate readDate(MrzField field, QString* textOut, bool birth)
    {
        const MrzSpan span = spanOf(field);
        const QString yymmdd = text(span);
        *textOut = yymmdd;
        if (!readable(span))
            return QDate();
        QString unknown;
        if (birth && MrzFieldRules::partlyUnknownDate(yymmdd, &unknown)) {
            add(field, MrzProblemKind::Date, span, unknown, MrzSeverity::Warning);
            return QDate();
        }
        for (int i = 0; i < yymmdd.size(); ++i) {
            const QChar c = yymmdd[i];
            if (c >= QLatin1Char('0') && c <= QLatin1Char('9'))
                continue;
            MrzFieldIssue issue;
            issue.message = (birth ? QCoreApplication::translate("fg::Mrz", "the date of birth %1 holds %2 at column %3; a "
                                                                            "date is six digits YYMMDD")
                                   : QCoreApplication::translate("fg::Mrz", "the date of expiry %1 holds %2 at column %3; a "
                                                                            "date is six digits YYMMDD"))
                                .arg(yymmdd, describeCheckCharacter(c))
                                .arg(span.column + i);
            issue.offset = i;
            issue.correction = MrzOcrCorrector::fixSuspicious(yymmdd, MrzExpect::Digit);
            addIssue(field, issue);
            return QDate();
        }
        if (!m_today.isValid())
            return QDate();
        QString why;
        const auto date = birth ? MrzDates::birthDate(yymmdd, m_today, &why) : MrzDates::expiryDate(yymmdd, m_today, &why);
        if (!date) {
            add(field, MrzProblemKind::Date, span, why); // a whole sentence naming the date
            return QDate();
        }
        return *date;
    }

    void checkDates()
    {
        const MrzSpan expiry = spanOf(MrzField::ExpiryDate);
        const QDate& expires = m_document.expiryDate;
        if (expires.isValid() && m_document.birthDate.isValid() && expires < m_document.birthDate) {
            add(MrzField::ExpiryDate, MrzProblemKind::Date, expiry,
                QCoreApplication::translate("fg::Mrz", "the date of expiry %1 is before the date of birth %2")
                    .arg(expires.toString(Qt::ISODate), m_document.birthDate.toString(Qt::ISODate)),
                MrzSeverity::Warning);
        }
        if (expires.isValid() && expires < m_today) {
            add(MrzField::ExpiryDate, MrzProblemKind::Expired, expiry,
                QCoreApplication::translate("fg::Mrz", "the document expired on %1 (today is %2)")
                    .arg(expires.toString(Qt::ISODate), m_today.toString(Qt::ISODate)));
        }
    }

    const MrzLayout& m_layout;
    MrzFormat m_format;
    QDate m_today;
    std::vector<QString> m_lines;  // cut or filled with '<' to the format's width
    std::vector<int> m_lengths;    // as read
    std::vector<MrzProblem> m_problems;
    MrzDocument m_document;
    bool m_fieldAtFault = false; // a check digit other than the composite failed, or the number is empty
};

} // namespace

MrzResult MrzParser::parse(const QString& text, const QDate& today)
{
    MrzInput input = MrzInput::read(text);
    MrzResult result;
    result.lines = input.lines;
    result.problems = std::move(input.problems);
    if (!input.format)
        return result;
    if (!today.isValid()) {
        MrzProblem problem;
        problem.fieldName = QCoreApplication::translate("fg::Mrz", "reference date");
        problem.message = QCoreApplication::translate("fg::Mrz", "today's date is not valid: the dates are not resolved and "
                                                                 "expiry is not checked");
        result.problems.push_back(problem);
    }
    Reading reading(*input.format, input.lines, today);
    result.document = reading.run(&result.problems);
    return result;
}

} // namespace fg
