#include "core/documents/MrzWriter.h"

#include "core/documents/MrzCheckDigit.h"
#include "core/documents/MrzLayout.h"

namespace fg {
namespace {

class Fields {
public:
    Fields(MrzFormat format, QString* error)
        : m_format(format)
        , m_error(error)
    {
    }

    bool ok() const { return m_ok; }

    // `value` with spaces as fillers, filled to `length`.
    QString field(const QString& value, int length, MrzField field)
    {
        QString out = value;
        out.replace(QLatin1Char(' '), QLatin1Char('<'));
        for (const QChar c : out) {
            if (!MrzCheckDigit::isMrzCharacter(c))
                return fail(QStringLiteral("the %1 holds '%2', which an MRZ cannot (A-Z, 0-9 and < only)")
                                .arg(mrzFieldName(field, m_format), QString(c)));
        }
        if (out.size() > length)
            return fail(QStringLiteral("the %1 has %2 characters; a %3 has room for %4")
                            .arg(mrzFieldName(field, m_format))
                            .arg(out.size())
                            .arg(mrzFormatName(m_format))
                            .arg(length));
        return out.leftJustified(length, QLatin1Char('<'));
    }

    QString date(const QDate& date, const QString& text, MrzField which)
    {
        return field(date.isValid() ? date.toString(QStringLiteral("yyMMdd")) : text, 6, which);
    }

    QString fail(const QString& why)
    {
        if (m_ok && m_error)
            *m_error = why;
        m_ok = false;
        return QString();
    }

private:
    MrzFormat m_format;
    QString* m_error;
    bool m_ok = true;
};

QChar digitOf(const QString& data)
{
    return QChar(u'0' + MrzCheckDigit::compute(data).value_or(0));
}

// The field followed by its check digit.
QString withDigit(const QString& field)
{
    return field + digitOf(field);
}

QString nameField(const MrzDocument& document)
{
    QString name = document.primaryIdentifier;
    if (!document.secondaryIdentifier.isEmpty())
        name += QStringLiteral("<<") + document.secondaryIdentifier;
    return name;
}

} // namespace

std::optional<QStringList> MrzWriter::write(const MrzDocument& document, QString* error)
{
    const MrzFormat format = document.format;
    const int width = mrzLineLength(format);
    Fields f(format, error);

    const QString code = f.field(document.documentCode, 2, MrzField::DocumentCode);
    const QString state = f.field(document.issuingState, 3, MrzField::IssuingState);
    const QString nationality = f.field(document.nationality, 3, MrzField::Nationality);
    const QString birth = f.date(document.birthDate, document.birthDateText, MrzField::BirthDate);
    const QString expiry = f.date(document.expiryDate, document.expiryDateText, MrzField::ExpiryDate);
    const QString sex = f.field(document.sex.isNull() ? QString() : QString(document.sex), 1, MrzField::Sex);

    QStringList lines;
    if (format == MrzFormat::TD1) {
        QString upper;
        if (document.documentNumber.size() > 9) {
            // Part 5, 4.2.4: nine characters, < in the check digit's place,
            // the rest and the check digit in the optional data.
            const QString number = f.field(document.documentNumber, static_cast<int>(document.documentNumber.size()),
                                           MrzField::DocumentNumber);
            if (number.left(9).contains(QLatin1Char('<')))
                f.fail(QStringLiteral("a document number of more than 9 characters cannot have a filler among its first 9"));
            QString continuation = number.mid(9) + digitOf(number);
            if (!document.optionalData1.isEmpty())
                continuation += QLatin1Char('<') + document.optionalData1;
            upper = number.left(9) + QLatin1Char('<') + f.field(continuation, 15, MrzField::OptionalData1);
        } else {
            upper = withDigit(f.field(document.documentNumber, 9, MrzField::DocumentNumber))
                + f.field(document.optionalData1, 15, MrzField::OptionalData1);
        }
        lines << code + state + upper;
        lines << withDigit(birth) + sex + withDigit(expiry) + nationality
                + f.field(document.optionalData2, 11, MrzField::OptionalData2) + QLatin1Char('<');
        lines << f.field(nameField(document), 30, MrzField::Name);
    } else {
        lines << code + state + f.field(nameField(document), width - 5, MrzField::Name);
        QString lower = withDigit(f.field(document.documentNumber, 9, MrzField::DocumentNumber)) + nationality
            + withDigit(birth) + sex + withDigit(expiry);
        switch (format) {
        case MrzFormat::TD3: {
            const QString personal = f.field(document.optionalData1, 14, MrzField::OptionalData1);
            // Part 4: an unused personal number's check digit may be < or 0; keep the one read.
            const bool unused = document.optionalData1.isEmpty();
            const QChar digit = unused ? (document.optionalData1CheckDigit == QLatin1Char('0') ? QLatin1Char('0') : QLatin1Char('<'))
                                       : digitOf(personal);
            lower += personal + digit + QLatin1Char('<');
            break;
        }
        case MrzFormat::TD2: lower += f.field(document.optionalData1, 7, MrzField::OptionalData1) + QLatin1Char('<'); break;
        case MrzFormat::MRVA: lower += f.field(document.optionalData1, 16, MrzField::OptionalData1); break;
        case MrzFormat::MRVB: lower += f.field(document.optionalData1, 8, MrzField::OptionalData1); break;
        case MrzFormat::TD1: break;
        }
        lines << lower;
    }
    if (!f.ok())
        return std::nullopt;

    // The composite check digit, last: it covers the others.
    const MrzLayout& layout = MrzLayout::of(format);
    if (const auto digit = layout.span(MrzField::CompositeCheckDigit)) {
        QString data;
        for (const MrzSpan& span : layout.compositeSpans())
            data += lines[span.line - 1].mid(span.column - 1, span.length);
        lines[digit->line - 1][digit->column - 1] = digitOf(data);
    }
    for (const QString& line : lines) {
        if (line.size() != width) {
            if (error)
                *error = QStringLiteral("internal: a %1 line of %2 characters").arg(mrzFormatName(format)).arg(line.size());
            return std::nullopt;
        }
    }
    return lines;
}

} // namespace fg
