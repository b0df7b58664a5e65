#include "core/documents/Mrz.h"

namespace fg {

QString mrzFormatName(MrzFormat format)
{
    switch (format) {
    case MrzFormat::TD1: return QStringLiteral("TD1");
    case MrzFormat::TD2: return QStringLiteral("TD2");
    case MrzFormat::TD3: return QStringLiteral("TD3");
    case MrzFormat::MRVA: return QStringLiteral("MRV-A");
    case MrzFormat::MRVB: return QStringLiteral("MRV-B");
    }
    return QString();
}

int mrzLineCount(MrzFormat format)
{
    return format == MrzFormat::TD1 ? 3 : 2;
}

int mrzLineLength(MrzFormat format)
{
    switch (format) {
    case MrzFormat::TD1: return 30;
    case MrzFormat::TD2:
    case MrzFormat::MRVB: return 36;
    case MrzFormat::TD3:
    case MrzFormat::MRVA: return 44;
    }
    return 0;
}

QString mrzFieldName(MrzField field, std::optional<MrzFormat> format)
{
    switch (field) {
    case MrzField::Input: return QStringLiteral("input");
    case MrzField::Line: return QStringLiteral("line length");
    case MrzField::DocumentCode: return QStringLiteral("document code");
    case MrzField::IssuingState: return QStringLiteral("issuing state");
    case MrzField::Name: return QStringLiteral("name");
    case MrzField::DocumentNumber: return QStringLiteral("document number");
    case MrzField::DocumentNumberCheckDigit: return QStringLiteral("document number check digit");
    case MrzField::Nationality: return QStringLiteral("nationality");
    case MrzField::BirthDate: return QStringLiteral("date of birth");
    case MrzField::BirthDateCheckDigit: return QStringLiteral("date of birth check digit");
    case MrzField::Sex: return QStringLiteral("sex");
    case MrzField::ExpiryDate: return QStringLiteral("date of expiry");
    case MrzField::ExpiryDateCheckDigit: return QStringLiteral("date of expiry check digit");
    case MrzField::OptionalData1:
        if (format == MrzFormat::TD3)
            return QStringLiteral("personal number");
        if (format == MrzFormat::TD1)
            return QStringLiteral("optional data (line 1)");
        return QStringLiteral("optional data");
    case MrzField::OptionalData1CheckDigit: return QStringLiteral("personal number check digit");
    case MrzField::OptionalData2: return QStringLiteral("optional data (line 2)");
    case MrzField::CompositeCheckDigit: return QStringLiteral("composite check digit");
    }
    return QString();
}

bool MrzResult::hasErrors() const
{
    for (const MrzProblem& problem : problems) {
        if (problem.severity == MrzSeverity::Error)
            return true;
    }
    return false;
}

bool MrzResult::isWellFormed() const
{
    if (!document)
        return false;
    for (const MrzProblem& problem : problems) {
        if (problem.kind != MrzProblemKind::Expired)
            return false;
    }
    return true;
}

const MrzProblem* MrzResult::problemAbout(MrzField field) const
{
    for (const MrzProblem& problem : problems) {
        if (problem.field == field)
            return &problem;
    }
    return nullptr;
}

QString MrzResult::summary() const
{
    QStringList out;
    for (const MrzProblem& problem : problems) {
        QString where;
        if (problem.line > 0 && problem.column > 0)
            where = QStringLiteral(" (line %1, column %2)").arg(problem.line).arg(problem.column);
        else if (problem.line > 0)
            where = QStringLiteral(" (line %1)").arg(problem.line);
        const QString severity = problem.severity == MrzSeverity::Error ? QStringLiteral("error") : QStringLiteral("warning");
        QString text = QStringLiteral("%1: %2%3: %4").arg(severity, problem.fieldName, where, problem.message);
        for (const MrzSuggestion& suggestion : problem.suggestions)
            text += QStringLiteral("; ") + suggestion.message;
        out << text;
    }
    return out.join(QLatin1Char('\n'));
}

} // namespace fg
