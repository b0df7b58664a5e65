#include "core/documents/Mrz.h"

#include <QCoreApplication>

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
    // Shown to the officer (MrzProblem::fieldName) and put into sentences.
    switch (field) {
    case MrzField::Input: return QCoreApplication::translate("fg::Mrz", "input");
    case MrzField::Line: return QCoreApplication::translate("fg::Mrz", "line length");
    case MrzField::DocumentCode: return QCoreApplication::translate("fg::Mrz", "document code");
    case MrzField::IssuingState: return QCoreApplication::translate("fg::Mrz", "issuing state");
    case MrzField::Name: return QCoreApplication::translate("fg::Mrz", "name");
    case MrzField::DocumentNumber: return QCoreApplication::translate("fg::Mrz", "document number");
    case MrzField::DocumentNumberCheckDigit: return QCoreApplication::translate("fg::Mrz", "document number check digit");
    case MrzField::Nationality: return QCoreApplication::translate("fg::Mrz", "nationality");
    case MrzField::BirthDate: return QCoreApplication::translate("fg::Mrz", "date of birth");
    case MrzField::BirthDateCheckDigit: return QCoreApplication::translate("fg::Mrz", "date of birth check digit");
    case MrzField::Sex: return QCoreApplication::translate("fg::Mrz", "sex");
    case MrzField::ExpiryDate: return QCoreApplication::translate("fg::Mrz", "date of expiry");
    case MrzField::ExpiryDateCheckDigit: return QCoreApplication::translate("fg::Mrz", "date of expiry check digit");
    case MrzField::OptionalData1:
        if (format == MrzFormat::TD3)
            return QCoreApplication::translate("fg::Mrz", "personal number");
        if (format == MrzFormat::TD1)
            return QCoreApplication::translate("fg::Mrz", "optional data (line 1)");
        return QCoreApplication::translate("fg::Mrz", "optional data");
    case MrzField::OptionalData1CheckDigit: return QCoreApplication::translate("fg::Mrz", "personal number check digit");
    case MrzField::OptionalData2: return QCoreApplication::translate("fg::Mrz", "optional data (line 2)");
    case MrzField::CompositeCheckDigit: return QCoreApplication::translate("fg::Mrz", "composite check digit");
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
