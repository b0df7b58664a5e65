#include "core/documents/MrzFieldRules.h"

#include "core/documents/MrzOcrCorrector.h"

#include <QCoreApplication>

namespace fg {
namespace {

bool isLetter(QChar c)
{
    return c >= QLatin1Char('A') && c <= QLatin1Char('Z');
}

bool isDigit(QChar c)
{
    return c >= QLatin1Char('0') && c <= QLatin1Char('9');
}

bool allDigits(const QString& text)
{
    for (const QChar c : text) {
        if (!isDigit(c))
            return false;
    }
    return true;
}

MrzFieldIssue issue(const QString& message, int offset, std::optional<QString> correction = std::nullopt)
{
    MrzFieldIssue out;
    out.message = message;
    out.offset = offset;
    out.correction = std::move(correction);
    return out;
}

QString quoted(QChar c)
{
    return c == QLatin1Char('<') ? QStringLiteral("<") : QStringLiteral("'%1'").arg(c);
}

} // namespace

QString mrzStripFiller(const QString& text)
{
    qsizetype end = text.size();
    while (end > 0 && text[end - 1] == QLatin1Char('<'))
        --end;
    return text.left(end);
}

std::optional<MrzFieldIssue> MrzFieldRules::documentCode(const QString& code, MrzFormat format)
{
    if (code.size() != 2)
        return issue(QCoreApplication::translate("fg::Mrz", "the document code is missing"), 0);
    const QChar first = code[0];
    const QChar second = code[1];
    const auto letterFix = MrzOcrCorrector::fixSuspicious(code, MrzExpect::Letter);
    switch (format) {
    case MrzFormat::TD3:
        if (first != QLatin1Char('P'))
            return issue(QCoreApplication::translate("fg::Mrz", "a passport's (TD3) document code starts with P, the MRZ has %1").arg(quoted(first)), 0);
        break;
    case MrzFormat::MRVA:
    case MrzFormat::MRVB:
        if (first != QLatin1Char('V'))
            return issue(QCoreApplication::translate("fg::Mrz", "a visa's document code starts with V, the MRZ has %1").arg(quoted(first)), 0);
        break;
    case MrzFormat::TD1:
    case MrzFormat::TD2:
        if (first != QLatin1Char('A') && first != QLatin1Char('C') && first != QLatin1Char('I')) {
            return issue(QCoreApplication::translate("fg::Mrz", "a %1 card's document code starts with A, C or I, the MRZ has %2")
                             .arg(mrzFormatName(format), quoted(first)),
                         0, letterFix);
        }
        if (second == QLatin1Char('V'))
            return issue(QCoreApplication::translate("fg::Mrz", "V may not follow %1 in a card's document code (Doc 9303 keeps it for visas)").arg(first), 1);
        break;
    }
    if (!isLetter(second) && second != QLatin1Char('<')) {
        return issue(QCoreApplication::translate("fg::Mrz", "the second character of the document code is a letter or <, the MRZ has %1").arg(quoted(second)),
                     1, letterFix);
    }
    return std::nullopt;
}

std::optional<MrzFieldIssue> MrzFieldRules::stateCode(const QString& code, MrzField field)
{
    const bool issuing = field == MrzField::IssuingState;
    const QString letters = mrzStripFiller(code);
    if (letters.isEmpty()) {
        return issue(issuing ? QCoreApplication::translate("fg::Mrz", "the issuing state is not given (only fillers)")
                             : QCoreApplication::translate("fg::Mrz", "the nationality is not given (only fillers)"),
                     0);
    }
    for (int i = 0; i < letters.size(); ++i) {
        const QChar c = letters[i];
        if (isDigit(c)) {
            const QString message = issuing
                ? QCoreApplication::translate("fg::Mrz", "the issuing state %1 holds the digit %2; a state code is letters (e.g. UTO, D<<)")
                : QCoreApplication::translate("fg::Mrz", "the nationality %1 holds the digit %2; a state code is letters (e.g. UTO, D<<)");
            return issue(message.arg(code, QString(c)), i, MrzOcrCorrector::fixSuspicious(code, MrzExpect::Letter));
        }
        if (c == QLatin1Char('<')) {
            const QString message = issuing
                ? QCoreApplication::translate("fg::Mrz", "the issuing state %1 has a filler before a letter; a state code is "
                                                         "letters filled at the end with <")
                : QCoreApplication::translate("fg::Mrz", "the nationality %1 has a filler before a letter; a state code is "
                                                         "letters filled at the end with <");
            return issue(message.arg(code), i);
        }
    }
    return std::nullopt;
}

std::optional<MrzFieldIssue> MrzFieldRules::sex(QChar c)
{
    if (c == QLatin1Char('M') || c == QLatin1Char('F') || c == QLatin1Char('X') || c == QLatin1Char('<'))
        return std::nullopt;
    return issue(QCoreApplication::translate("fg::Mrz", "the sex is M, F, X or < (unspecified), the MRZ has %1").arg(quoted(c)), 0);
}

std::optional<MrzFieldIssue> MrzFieldRules::documentNumber(const QString& number)
{
    if (mrzStripFiller(number).isEmpty())
        return issue(QCoreApplication::translate("fg::Mrz", "the document number is empty (only fillers)"), 0);
    return std::nullopt;
}

std::vector<MrzFieldIssue> MrzFieldRules::name(const QString& field)
{
    std::vector<MrzFieldIssue> issues;
    const QString name = mrzStripFiller(field);
    if (name.isEmpty()) {
        issues.push_back(issue(QCoreApplication::translate("fg::Mrz", "the name is empty (only fillers)"), 0));
        return issues;
    }
    for (int i = 0; i < name.size(); ++i) {
        if (isDigit(name[i])) {
            const auto fix = MrzOcrCorrector::fixSuspicious(field, MrzExpect::Letter);
            issues.push_back(issue(QCoreApplication::translate("fg::Mrz", "the name %1 holds the digit %2; a name is letters and fillers")
                                       .arg(name, QString(name[i])),
                                   i, fix));
            break;
        }
    }
    if (name.startsWith(QLatin1Char('<')))
        issues.push_back(issue(QCoreApplication::translate("fg::Mrz", "the name starts with a filler; it starts with the primary identifier"), 0));
    const qsizetype separator = name.indexOf(QStringLiteral("<<"));
    if (separator > 0) {
        const qsizetype triple = name.indexOf(QStringLiteral("<<<"));
        const qsizetype second = name.indexOf(QStringLiteral("<<"), separator + 2);
        if (triple >= 0) {
            MrzFieldIssue warning = issue(QCoreApplication::translate("fg::Mrz", "the name has three or more fillers in a row before its end"),
                                          static_cast<int>(triple));
            warning.severity = MrzSeverity::Warning;
            issues.push_back(warning);
        } else if (second >= 0) {
            MrzFieldIssue warning = issue(QCoreApplication::translate("fg::Mrz", "the name has more than one << separator; only the primary "
                                                                                 "and secondary identifiers are separated by <<"),
                                          static_cast<int>(second));
            warning.severity = MrzSeverity::Warning;
            issues.push_back(warning);
        }
    }
    return issues;
}

void MrzFieldRules::splitName(const QString& field, QString* primary, QString* secondary)
{
    const QString name = mrzStripFiller(field);
    const qsizetype separator = name.indexOf(QStringLiteral("<<"));
    QString first = separator < 0 ? name : name.left(separator);
    QString rest = separator < 0 ? QString() : name.mid(separator + 2);
    *primary = first.replace(QLatin1Char('<'), QLatin1Char(' '));
    *secondary = rest.replace(QLatin1Char('<'), QLatin1Char(' '));
}

bool MrzFieldRules::partlyUnknownDate(const QString& yymmdd, QString* message)
{
    if (yymmdd == QStringLiteral("<<<<<<")) {
        *message = QCoreApplication::translate("fg::Mrz", "the date of birth %1 is partly unknown (the whole date written as fillers)")
                       .arg(yymmdd);
        return true;
    }
    if (yymmdd.size() == 6 && allDigits(yymmdd.left(2)) && yymmdd.mid(2) == QStringLiteral("<<<<")) {
        *message = QCoreApplication::translate("fg::Mrz", "the date of birth %1 is partly unknown (month and day written as fillers)")
                       .arg(yymmdd);
        return true;
    }
    if (yymmdd.size() == 6 && allDigits(yymmdd.left(4)) && yymmdd.mid(4) == QStringLiteral("<<")) {
        *message = QCoreApplication::translate("fg::Mrz", "the date of birth %1 is partly unknown (day written as fillers)").arg(yymmdd);
        return true;
    }
    return false;
}

} // namespace fg
