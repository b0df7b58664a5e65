#include "core/documents/MrzCheckDigit.h"
#include "core/documents/MrzDates.h"
#include "core/documents/MrzOcrCorrector.h"
#include "core/documents/MrzParser.h"
#include "core/documents/MrzWriter.h"

#include <QRandomGenerator>
#include <QTest>

#include <set>

using fg::MrzDocument;
using fg::MrzField;
using fg::MrzFormat;
using fg::MrzParser;
using fg::MrzProblem;
using fg::MrzProblemKind;
using fg::MrzResult;

Q_DECLARE_METATYPE(MrzField)
Q_DECLARE_METATYPE(MrzFormat)
Q_DECLARE_METATYPE(MrzProblemKind)

namespace {

// The specimens of ICAO Doc 9303 (8th edition), every check digit verified.
// Part 4, TD3 passport:
const QStringList kTd3 = {QStringLiteral("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<"),
                          QStringLiteral("L898902C36UTO7408122F1204159ZE184226B<<<<<10")};
// Part 5, TD1 card:
const QStringList kTd1 = {QStringLiteral("I<UTOD231458907<<<<<<<<<<<<<<<"), QStringLiteral("7408122F1204159UTO<<<<<<<<<<<6"),
                          QStringLiteral("ERIKSSON<<ANNA<MARIA<<<<<<<<<<")};
// Part 6, TD2 card:
const QStringList kTd2 = {QStringLiteral("I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<"),
                          QStringLiteral("D231458907UTO7408122F1204159<<<<<<<6")};
// Part 7, visas MRV-A and MRV-B:
const QStringList kMrva = {QStringLiteral("V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<"),
                           QStringLiteral("L8988901C4XXX4009078F96121096ZE184226B<<<<<<")};
const QStringList kMrvb = {QStringLiteral("V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<"),
                           QStringLiteral("L8988901C4XXX4009078F9612109<<<<<<<<")};
// TD1 with a 12-character document number (Part 5, 4.2.4): D23145890 in
// columns 6-14, < in column 15, then 734 and its check digit 9 (computed
// over D23145890734), then fillers; composite computed by hand.
const QStringList kTd1Long = {QStringLiteral("I<UTOD23145890<7349<<<<<<<<<<<"), QStringLiteral("7408122F1204159UTO<<<<<<<<<<<6"),
                              QStringLiteral("ERIKSSON<<ANNA<MARIA<<<<<<<<<<")};

// The passport, cards and long-number card are valid on this day; the visas
// (which expired in 1996) on the next.
const QDate kCardsValid(2010, 1, 1);
const QDate kVisasValid(1995, 1, 1);
const QDate kLongAfter(2026, 11, 27);

QString joined(const QStringList& lines)
{
    return lines.join(QLatin1Char('\n'));
}

// The zone with one character replaced (line and column from 1).
QString changed(const QStringList& lines, int line, int column, QChar c)
{
    QStringList out = lines;
    out[line - 1][column - 1] = c;
    return joined(out);
}

QString describe(const MrzResult& result)
{
    return result.summary().isEmpty() ? QStringLiteral("(no problems)") : result.summary();
}

// Every problem names its field, and says something.
void checkProblemsAreNamed(const MrzResult& result)
{
    for (const MrzProblem& problem : result.problems) {
        QVERIFY2(!problem.fieldName.isEmpty(), qPrintable(describe(result)));
        QVERIFY2(!problem.message.isEmpty(), qPrintable(describe(result)));
        for (const fg::MrzSuggestion& suggestion : problem.suggestions) {
            QCOMPARE(suggestion.replacement.size(), suggestion.original.size());
            QVERIFY(!suggestion.message.isEmpty());
        }
    }
}

std::set<MrzField> checkDigitFailures(const MrzResult& result)
{
    std::set<MrzField> out;
    for (const MrzProblem& problem : result.problems) {
        if (problem.kind == MrzProblemKind::CheckDigit)
            out.insert(problem.field);
    }
    return out;
}

// The text with a suggestion applied.
QString applied(const MrzResult& result, const fg::MrzSuggestion& suggestion)
{
    QStringList lines = result.lines;
    lines[suggestion.line - 1].replace(suggestion.column - 1, suggestion.original.size(), suggestion.replacement);
    return joined(lines);
}

} // namespace

class TestMrzParser : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void checkDigits()
    {
        // DOMAIN.md: the specimen passport's line 2 has check digits 6, 2, 9, 1, 0.
        QCOMPARE(fg::MrzCheckDigit::compute(u"L898902C3"), 6);
        QCOMPARE(fg::MrzCheckDigit::compute(u"740812"), 2);
        QCOMPARE(fg::MrzCheckDigit::compute(u"120415"), 9);
        QCOMPARE(fg::MrzCheckDigit::compute(u"ZE184226B<<<<<"), 1);
        QCOMPARE(fg::MrzCheckDigit::compute(u"L898902C3674081221204159ZE184226B<<<<<1"), 0);
        QCOMPARE(fg::MrzCheckDigit::compute(u"<<<<<<"), 0);
        QCOMPARE(fg::MrzCheckDigit::compute(u""), 0);
        QCOMPARE(fg::MrzCheckDigit::characterValue(QLatin1Char('A')), 10);
        QCOMPARE(fg::MrzCheckDigit::characterValue(QLatin1Char('Z')), 35);
        QCOMPARE(fg::MrzCheckDigit::characterValue(QLatin1Char('<')), 0);
        QCOMPARE(fg::MrzCheckDigit::characterValue(QLatin1Char('a')), -1);
        QVERIFY(!fg::MrzCheckDigit::compute(u"L89*").has_value());
        // The long TD1 number of kTd1Long, and the 10-character number 1234567890.
        QCOMPARE(fg::MrzCheckDigit::compute(u"D23145890734"), 9);
        QCOMPARE(fg::MrzCheckDigit::compute(u"1234567890"), 7);
    }

    void specimensParseCleanly_data()
    {
        QTest::addColumn<QStringList>("lines");
        QTest::addColumn<QDate>("today");
        QTest::addColumn<MrzFormat>("format");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("number");
        QTest::addColumn<QString>("nationality");
        QTest::addColumn<QDate>("birth");
        QTest::addColumn<QDate>("expiry");
        QTest::addColumn<QString>("optional1");

        QTest::newRow("TD3") << kTd3 << kCardsValid << MrzFormat::TD3 << "P" << "L898902C3" << "UTO" << QDate(1974, 8, 12)
                             << QDate(2012, 4, 15) << "ZE184226B";
        QTest::newRow("TD1") << kTd1 << kCardsValid << MrzFormat::TD1 << "I" << "D23145890" << "UTO" << QDate(1974, 8, 12)
                             << QDate(2012, 4, 15) << "";
        QTest::newRow("TD2") << kTd2 << kCardsValid << MrzFormat::TD2 << "I" << "D23145890" << "UTO" << QDate(1974, 8, 12)
                             << QDate(2012, 4, 15) << "";
        QTest::newRow("MRV-A") << kMrva << kVisasValid << MrzFormat::MRVA << "V" << "L8988901C" << "XXX" << QDate(1940, 9, 7)
                               << QDate(1996, 12, 10) << "6ZE184226B";
        QTest::newRow("MRV-B") << kMrvb << kVisasValid << MrzFormat::MRVB << "V" << "L8988901C" << "XXX" << QDate(1940, 9, 7)
                               << QDate(1996, 12, 10) << "";
        QTest::newRow("TD1 long number") << kTd1Long << kCardsValid << MrzFormat::TD1 << "I" << "D23145890734" << "UTO"
                                         << QDate(1974, 8, 12) << QDate(2012, 4, 15) << "";
    }
    void specimensParseCleanly()
    {
        QFETCH(QStringList, lines);
        QFETCH(QDate, today);
        QFETCH(MrzFormat, format);
        QFETCH(QString, code);
        QFETCH(QString, number);
        QFETCH(QString, nationality);
        QFETCH(QDate, birth);
        QFETCH(QDate, expiry);
        QFETCH(QString, optional1);

        const MrzResult result = MrzParser::parse(joined(lines), today);
        QVERIFY2(result.problems.empty(), qPrintable(describe(result)));
        QVERIFY(result.isValid());
        QVERIFY(result.isWellFormed());
        QVERIFY(result.document);
        const MrzDocument& d = *result.document;
        QCOMPARE(d.format, format);
        QCOMPARE(d.documentCode, code);
        QCOMPARE(d.issuingState, QStringLiteral("UTO"));
        QCOMPARE(d.primaryIdentifier, QStringLiteral("ERIKSSON"));
        QCOMPARE(d.secondaryIdentifier, QStringLiteral("ANNA MARIA"));
        QCOMPARE(d.documentNumber, number);
        QCOMPARE(d.longDocumentNumber, number.size() > 9);
        QCOMPARE(d.nationality, nationality);
        QCOMPARE(d.birthDate, birth);
        QCOMPARE(d.sex, QLatin1Char('F'));
        QCOMPARE(d.expiryDate, expiry);
        QCOMPARE(d.optionalData1, optional1);
        QCOMPARE(d.optionalData2, QString());
        QCOMPARE(d.birthDateText, birth.toString(QStringLiteral("yyMMdd")));
        QCOMPARE(d.expiryDateText, expiry.toString(QStringLiteral("yyMMdd")));

        // Each check digit as found in the zone.
        QCOMPARE(d.documentNumberCheckDigit, QChar(u'0' + *fg::MrzCheckDigit::compute(number)));
        QCOMPARE(d.birthDateCheckDigit, QChar(u'0' + *fg::MrzCheckDigit::compute(d.birthDateText)));
        QCOMPARE(d.expiryDateCheckDigit, QChar(u'0' + *fg::MrzCheckDigit::compute(d.expiryDateText)));
        switch (format) {
        case MrzFormat::TD3:
            QCOMPARE(d.optionalData1CheckDigit, QLatin1Char('1'));
            QCOMPARE(d.compositeCheckDigit, QLatin1Char('0'));
            break;
        case MrzFormat::TD1:
        case MrzFormat::TD2:
            QVERIFY(d.optionalData1CheckDigit.isNull());
            QCOMPARE(d.compositeCheckDigit, QLatin1Char('6'));
            break;
        case MrzFormat::MRVA:
        case MrzFormat::MRVB:
            QVERIFY(d.optionalData1CheckDigit.isNull());
            QVERIFY(d.compositeCheckDigit.isNull());
            break;
        }

        // Written back, the document gives the same zone.
        QString error;
        const auto written = fg::MrzWriter::write(d, &error);
        QVERIFY2(written, qPrintable(error));
        QCOMPARE(*written, lines);
    }

    // The writer lays out a TD1 long number as Part 5 says; the parser reads it back.
    void writesLongDocumentNumber()
    {
        MrzDocument d;
        d.format = MrzFormat::TD1;
        d.documentCode = QStringLiteral("ID");
        d.issuingState = QStringLiteral("UTO");
        d.documentNumber = QStringLiteral("1234567890");
        d.birthDate = QDate(1986, 1, 1);
        d.sex = QLatin1Char('M');
        d.expiryDate = QDate(2030, 1, 1);
        d.nationality = QStringLiteral("UTO");
        d.primaryIdentifier = QStringLiteral("SPECIMEN");
        d.secondaryIdentifier = QStringLiteral("JANE");
        QString error;
        const auto lines = fg::MrzWriter::write(d, &error);
        QVERIFY2(lines, qPrintable(error));
        QCOMPARE(lines->at(0), QStringLiteral("IDUTO123456789<07<<<<<<<<<<<<<"));
        const MrzResult result = MrzParser::parse(joined(*lines), QDate(2020, 1, 1));
        QVERIFY2(result.problems.empty(), qPrintable(describe(result)));
        QCOMPARE(result.document->documentNumber, QStringLiteral("1234567890"));
        QCOMPARE(result.document->documentNumberCheckDigit, QLatin1Char('7'));

        // 9 + 14 characters and the check digit fill the optional data; one more does not fit.
        d.documentNumber = QStringLiteral("12345678901234567890123");
        QVERIFY2(fg::MrzWriter::write(d, &error), qPrintable(error));
        d.documentNumber += QLatin1Char('4');
        QVERIFY(!fg::MrzWriter::write(d, &error));
        QVERIFY2(error.contains(QStringLiteral("optional data")), qPrintable(error));
    }

    void brokenFields_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QDate>("today");
        QTest::addColumn<MrzField>("field");
        QTest::addColumn<MrzProblemKind>("kind");
        QTest::addColumn<QString>("mentions");

        using F = MrzField;
        using K = MrzProblemKind;
        struct Break {
            const char* name;
            int line;
            int column;
            char16_t c;
            F field;
            K kind;
            const char* mentions = "";
        };
        // Each variant changes one character. A change of value by a multiple
        // of 10 ('<' to 'A', '0' to 'A') escapes every check digit of Doc
        // 9303, weights 7, 3, 1 and all: the variants avoid those.
        // TD3 and MRV-A share line 1 and, up to column 28, line 2; so do TD2 and MRV-B.
        const std::vector<Break> commonLower = {
            {"document number", 2, 1, u'E', F::DocumentNumberCheckDigit, K::CheckDigit, "check digit of the document number"},
            {"document number check digit", 2, 10, u'8', F::DocumentNumberCheckDigit, K::CheckDigit, "the MRZ says 8"},
            {"nationality", 2, 12, u'7', F::Nationality, K::Field, "digit 7"},
            {"date of birth", 2, 19, u'9', F::BirthDateCheckDigit, K::CheckDigit, "check digit of the date of birth"},
            {"date of birth not a date", 2, 16, u'1', F::BirthDate, K::Date, "not a calendar date"},
            {"date of birth check digit", 2, 20, u'3', F::BirthDateCheckDigit, K::CheckDigit, "the MRZ says 3"},
            {"sex", 2, 21, u'Q', F::Sex, K::Field, "M, F, X or <"},
            {"date of expiry", 2, 26, u'3', F::ExpiryDateCheckDigit, K::CheckDigit, "check digit of the date of expiry"},
            {"date of expiry not a date", 2, 24, u'3', F::ExpiryDate, K::Date, "no month"},
            {"date of expiry check digit", 2, 28, u'7', F::ExpiryDateCheckDigit, K::CheckDigit, "the MRZ says 7"},
        };
        const std::vector<Break> upper = {
            {"issuing state", 1, 4, u'7', F::IssuingState, K::Field, "digit 7"},
            {"name", 1, 10, u'5', F::Name, K::Field, "digit 5"},
        };
        const auto rows = [&](const char* specimen, const QStringList& lines, const QDate& today, std::vector<Break> breaks) {
            for (const Break& b : breaks) {
                QCOMPARE_NE(lines[b.line - 1][b.column - 1], QChar(b.c));
                QTest::addRow("%s %s", specimen, b.name)
                    << changed(lines, b.line, b.column, QChar(b.c)) << today << b.field << b.kind << QString::fromUtf8(b.mentions);
            }
        };
        const auto join = [](std::vector<Break> a, const std::vector<Break>& b) {
            a.insert(a.end(), b.begin(), b.end());
            return a;
        };

        rows("TD3", kTd3, kCardsValid, join(join(upper, commonLower), {
            {"document code", 1, 1, u'X', F::DocumentCode, K::Field, "starts with P"},
            {"personal number", 2, 30, u'F', F::OptionalData1CheckDigit, K::CheckDigit, "check digit of the personal number"},
            {"personal number check digit", 2, 43, u'2', F::OptionalData1CheckDigit, K::CheckDigit, "the MRZ says 2"},
            {"composite check digit", 2, 44, u'1', F::CompositeCheckDigit, K::CheckDigit, "composite check digit is 0, the MRZ says 1"},
            {"illegal character", 2, 31, u'*', F::OptionalData1, K::Character, "line 2, column 31"},
        }));
        rows("MRV-A", kMrva, kVisasValid, join(join(upper, commonLower), {
            {"document code", 1, 2, u'1', F::DocumentCode, K::Field, "second character"},
            // No check digit covers a visa's optional data: only a character
            // outside the set can be found there.
            {"optional data", 2, 30, u'*', F::OptionalData1, K::Character, "(optional data)"},
        }));
        rows("TD2", kTd2, kCardsValid, join(join(upper, commonLower), {
            {"document code", 1, 1, u'P', F::DocumentCode, K::Field, "A, C or I"},
            // Only the composite covers a TD2's optional data; it says where to look.
            {"optional data", 2, 30, u'B', F::CompositeCheckDigit, K::CheckDigit, "optional data"},
            {"composite check digit", 2, 36, u'7', F::CompositeCheckDigit, K::CheckDigit, "composite check digit is 6, the MRZ says 7"},
        }));
        rows("MRV-B", kMrvb, kVisasValid, join(join(upper, commonLower), {
            {"document code", 1, 2, u'1', F::DocumentCode, K::Field, "second character"},
            {"optional data", 2, 30, u'*', F::OptionalData1, K::Character, "(optional data)"},
        }));
        rows("TD1", kTd1, kCardsValid, {
            {"document code", 1, 1, u'P', F::DocumentCode, K::Field, "A, C or I"},
            {"issuing state", 1, 4, u'7', F::IssuingState, K::Field, "digit 7"},
            {"document number", 1, 6, u'E', F::DocumentNumberCheckDigit, K::CheckDigit, "check digit of the document number"},
            {"document number check digit", 1, 15, u'8', F::DocumentNumberCheckDigit, K::CheckDigit, "the MRZ says 8"},
            {"optional data line 1", 1, 20, u'B', F::CompositeCheckDigit, K::CheckDigit, "optional data (line 1 or line 2)"},
            {"date of birth", 2, 6, u'3', F::BirthDateCheckDigit, K::CheckDigit, "check digit of the date of birth"},
            {"date of birth not a date", 2, 3, u'2', F::BirthDate, K::Date, "no month 28"},
            {"date of birth check digit", 2, 7, u'3', F::BirthDateCheckDigit, K::CheckDigit, "the MRZ says 3"},
            {"sex", 2, 8, u'Q', F::Sex, K::Field, "M, F, X or <"},
            {"date of expiry", 2, 14, u'6', F::ExpiryDateCheckDigit, K::CheckDigit, "check digit of the date of expiry"},
            {"date of expiry not a date", 2, 11, u'5', F::ExpiryDate, K::Date, "no month 54"},
            {"date of expiry check digit", 2, 15, u'8', F::ExpiryDateCheckDigit, K::CheckDigit, "the MRZ says 8"},
            {"nationality", 2, 16, u'0', F::Nationality, K::Field, "digit 0"},
            {"optional data line 2", 2, 20, u'B', F::CompositeCheckDigit, K::CheckDigit, "optional data (line 1 or line 2)"},
            {"composite check digit", 2, 30, u'7', F::CompositeCheckDigit, K::CheckDigit, "composite check digit is 6, the MRZ says 7"},
            {"name", 3, 3, u'1', F::Name, K::Field, "digit 1"},
        });
        rows("TD1 long number", kTd1Long, kCardsValid, {
            {"document number", 1, 6, u'E', F::DocumentNumberCheckDigit, K::CheckDigit, "check digit of the document number"},
            {"document number continuation", 1, 17, u'5', F::DocumentNumberCheckDigit, K::CheckDigit, "the MRZ says 9"},
            {"document number check digit", 1, 19, u'8', F::DocumentNumberCheckDigit, K::CheckDigit, "the MRZ says 8"},
            {"no continuation", 1, 16, u'<', F::DocumentNumberCheckDigit, K::CheckDigit, "continues in the optional data"},
        });
    }
    void brokenFields()
    {
        QFETCH(QString, text);
        QFETCH(QDate, today);
        QFETCH(MrzField, field);
        QFETCH(MrzProblemKind, kind);
        QFETCH(QString, mentions);

        const MrzResult result = MrzParser::parse(text, today);
        QVERIFY2(result.document, qPrintable(describe(result)));
        checkProblemsAreNamed(result);
        QVERIFY(!result.isValid());
        const MrzProblem* problem = result.problemAbout(field);
        QVERIFY2(problem, qPrintable(describe(result)));
        QCOMPARE(problem->kind, kind);
        QCOMPARE(problem->fieldName, fg::mrzFieldName(field, result.document->format));
        QVERIFY2(problem->message.contains(mentions), qPrintable(problem->message));
        QVERIFY(problem->line >= 1 && problem->column >= 1);

        // The right check digit is the one reported: no other field's check
        // fails (the composite may fail too, as it covers the field).
        std::set<MrzField> failures = checkDigitFailures(result);
        if (field != MrzField::CompositeCheckDigit)
            failures.erase(MrzField::CompositeCheckDigit);
        if (kind == MrzProblemKind::CheckDigit) {
            QVERIFY2(failures == std::set<MrzField>{field}, qPrintable(describe(result)));
        } else if (kind == MrzProblemKind::Date) {
            // Not a date: its own check digit fails as well, and no other.
            QCOMPARE(failures.size(), size_t(1));
        } else {
            // Fields no check digit covers, or characters no check digit can be computed over.
            QVERIFY2(failures.empty(), qPrintable(describe(result)));
        }
    }

    // With today long after the specimens, each is well formed but expired.
    void expired_data()
    {
        QTest::addColumn<QStringList>("lines");
        QTest::addColumn<QDate>("expiry");
        QTest::newRow("TD3") << kTd3 << QDate(2012, 4, 15);
        QTest::newRow("TD1") << kTd1 << QDate(2012, 4, 15);
        QTest::newRow("TD2") << kTd2 << QDate(2012, 4, 15);
        QTest::newRow("MRV-A") << kMrva << QDate(1996, 12, 10);
        QTest::newRow("MRV-B") << kMrvb << QDate(1996, 12, 10);
    }
    void expired()
    {
        QFETCH(QStringList, lines);
        QFETCH(QDate, expiry);
        const MrzResult result = MrzParser::parse(joined(lines), kLongAfter);
        QCOMPARE(result.problems.size(), size_t(1));
        const MrzProblem& problem = result.problems.front();
        QCOMPARE(problem.kind, MrzProblemKind::Expired);
        QCOMPARE(problem.field, MrzField::ExpiryDate);
        QVERIFY2(problem.message.contains(expiry.toString(Qt::ISODate)), qPrintable(problem.message));
        QVERIFY2(problem.message.contains(QStringLiteral("2026-11-27")), qPrintable(problem.message));
        QVERIFY(result.isWellFormed());
        QVERIFY(!result.isValid());
        QCOMPARE(result.document->expiryDate, expiry);
        // Valid through the day of expiry itself.
        QVERIFY(MrzParser::parse(joined(lines), expiry).isValid());
        QVERIFY(!MrzParser::parse(joined(lines), expiry.addDays(1)).isValid());
    }

    void ocrConfusions_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QDate>("today");
        QTest::addColumn<MrzField>("field");
        QTest::addColumn<QString>("replacement");
        QTest::addColumn<QString>("restores");

        QTest::newRow("TD3 document number O for 0") << changed(kTd3, 2, 6, u'O') << kCardsValid
                                                     << MrzField::DocumentNumberCheckDigit << "L898902C36" << joined(kTd3);
        QTest::newRow("TD3 date of birth and its check digit") << joined({kTd3[0], QStringLiteral("L898902C36UTO74O812ZF1204159ZE184226B<<<<<10")})
                                                               << kCardsValid << MrzField::BirthDateCheckDigit << "7408122"
                                                               << joined(kTd3);
        QTest::newRow("TD1 document number I for 1") << changed(kTd1, 1, 9, u'I') << kCardsValid
                                                     << MrzField::DocumentNumberCheckDigit << "D231458907" << joined(kTd1);
        QTest::newRow("TD2 document number Z for 2") << changed(kTd2, 2, 2, u'Z') << kCardsValid
                                                     << MrzField::DocumentNumberCheckDigit << "D231458907" << joined(kTd2);
        QTest::newRow("TD3 date of birth O for 0") << changed(kTd3, 2, 16, u'O') << kCardsValid << MrzField::BirthDate
                                                   << "740812" << joined(kTd3);
        QTest::newRow("TD3 date of birth, check digit") << changed(kTd3, 2, 16, u'O') << kCardsValid
                                                        << MrzField::BirthDateCheckDigit << "7408122" << joined(kTd3);
        QTest::newRow("TD3 date of expiry S for 5") << changed(kTd3, 2, 27, u'S') << kCardsValid << MrzField::ExpiryDate
                                                    << "120415" << joined(kTd3);
        QTest::newRow("MRV-A birth check digit B for 8") << changed(kMrva, 2, 20, u'B') << kVisasValid
                                                         << MrzField::BirthDateCheckDigit << "4009078" << joined(kMrva);
        QTest::newRow("TD3 composite O for 0") << changed(kTd3, 2, 44, u'O') << kCardsValid << MrzField::CompositeCheckDigit
                                               << "0" << joined(kTd3);
        QTest::newRow("TD3 personal number 8 for B") << changed(kTd3, 2, 37, u'8') << kCardsValid
                                                     << MrzField::OptionalData1CheckDigit << "ZE184226B<<<<<1" << joined(kTd3);
        QTest::newRow("TD2 nationality 0 for O") << changed(kTd2, 2, 13, u'0') << kCardsValid << MrzField::Nationality
                                                 << "UTO" << joined(kTd2);
        QTest::newRow("TD3 issuing state 0 for O") << changed(kTd3, 1, 5, u'0') << kCardsValid << MrzField::IssuingState
                                                   << "UTO" << joined(kTd3);
        QTest::newRow("TD3 name 5 for S") << changed(kTd3, 1, 10, u'5') << kCardsValid << MrzField::Name
                                          << "ERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<" << joined(kTd3);
        QTest::newRow("TD1 document code 1 for I") << changed(kTd1, 1, 1, u'1') << kCardsValid << MrzField::DocumentCode
                                                   << "I<" << joined(kTd1);
        QTest::newRow("TD2 optional data O for 0") << joined({kTd2[0], QStringLiteral("D231458907UTO7408122F1204159AB1O<<<0")})
                                                   << kCardsValid << MrzField::CompositeCheckDigit << "AB10<<<0"
                                                   << joined({kTd2[0], QStringLiteral("D231458907UTO7408122F1204159AB10<<<0")});
        QTest::newRow("TD1 long number Z for 2") << changed(kTd1Long, 1, 7, u'Z') << kCardsValid
                                                 << MrzField::DocumentNumberCheckDigit << "D23145890<7349"
                                                              << joined(kTd1Long);
    }
    void ocrConfusions()
    {
        QFETCH(QString, text);
        QFETCH(QDate, today);
        QFETCH(MrzField, field);
        QFETCH(QString, replacement);
        QFETCH(QString, restores);

        const MrzResult result = MrzParser::parse(text, today);
        checkProblemsAreNamed(result);
        const MrzProblem* problem = result.problemAbout(field);
        QVERIFY2(problem, qPrintable(describe(result)));
        QVERIFY2(!problem->suggestions.empty(), qPrintable(describe(result)));
        QVERIFY(problem->suggestions.size() <= size_t(fg::MrzOcrCorrector::kMaxSuggestions));
        bool found = false;
        for (const fg::MrzSuggestion& suggestion : problem->suggestions) {
            if (suggestion.replacement != replacement)
                continue;
            found = true;
            // The message shows the replacement without the fillers it ends with.
            QString shown = replacement;
            while (shown.size() > 1 && shown.endsWith(QLatin1Char('<')))
                shown.chop(1);
            QVERIFY2(suggestion.message.contains(QStringLiteral("did you mean ") + shown + QLatin1Char(' ')), qPrintable(suggestion.message));
            QCOMPARE(applied(result, suggestion), restores);
            QVERIFY(MrzParser::parse(applied(result, suggestion), today).isValid());
        }
        QVERIFY2(found, qPrintable(describe(result)));
    }

    void pastingForms_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QDate>("today");
        QTest::addColumn<MrzFormat>("format");

        QTest::newRow("TD3 LF") << joined(kTd3) << kCardsValid << MrzFormat::TD3;
        QTest::newRow("TD3 CRLF") << kTd3.join(QStringLiteral("\r\n")) << kCardsValid << MrzFormat::TD3;
        QTest::newRow("TD3 CR") << kTd3.join(QLatin1Char('\r')) << kCardsValid << MrzFormat::TD3;
        QTest::newRow("TD3 CRLF after the last line") << kTd3.join(QStringLiteral("\r\n")) + "\r\n" << kCardsValid << MrzFormat::TD3;
        QTest::newRow("TD3 one line of 88") << kTd3.join(QString()) << kCardsValid << MrzFormat::TD3;
        QTest::newRow("MRV-A one line of 88") << kMrva.join(QString()) << kVisasValid << MrzFormat::MRVA;
        QTest::newRow("TD2 one line of 72") << kTd2.join(QString()) << kCardsValid << MrzFormat::TD2;
        QTest::newRow("MRV-B one line of 72") << kMrvb.join(QString()) << kVisasValid << MrzFormat::MRVB;
        QTest::newRow("TD1 one line of 90") << kTd1.join(QString()) << kCardsValid << MrzFormat::TD1;
        QTest::newRow("TD1 one line, spaces between") << kTd1.join(QLatin1Char(' ')) << kCardsValid << MrzFormat::TD1;
        QTest::newRow("TD3 one line, tab between") << kTd3.join(QLatin1Char('\t')) << kCardsValid << MrzFormat::TD3;
        QTest::newRow("TD3 lower case") << joined(kTd3).toLower() << kCardsValid << MrzFormat::TD3;
        QTest::newRow("TD1 trailing spaces") << kTd1.join(QStringLiteral("   \n")) + "  " << kCardsValid << MrzFormat::TD1;
        QTest::newRow("TD2 surrounding blank lines") << "\n\n  \r\n" + joined(kTd2) + "\n\n\t\n" << kCardsValid << MrzFormat::TD2;
        QTest::newRow("TD1 blank line between") << kTd1.join(QStringLiteral("\n\n")) << kCardsValid << MrzFormat::TD1;
        QTest::newRow("TD3 indented") << "    " + kTd3.join(QStringLiteral("\n    ")) << kCardsValid << MrzFormat::TD3;
        QTest::newRow("TD3 line separator") << kTd3.join(QChar(0x2028)) << kCardsValid << MrzFormat::TD3;
    }
    void pastingForms()
    {
        QFETCH(QString, text);
        QFETCH(QDate, today);
        QFETCH(MrzFormat, format);
        const MrzResult result = MrzParser::parse(text, today);
        QVERIFY2(result.problems.empty(), qPrintable(describe(result)));
        QCOMPARE(result.document->format, format);
        QCOMPARE(result.document->primaryIdentifier, QStringLiteral("ERIKSSON"));
        QCOMPARE(static_cast<int>(result.lines.size()), fg::mrzLineCount(format));
    }

    void badInput_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("hasDocument");
        QTest::addColumn<QString>("fieldName");
        QTest::addColumn<QString>("mentions");

        QTest::newRow("empty") << "" << false << "input" << "empty";
        QTest::newRow("white space") << " \r\n\t \n " << false << "input" << "empty";
        QTest::newRow("one line of 44") << kTd3[1] << false << "line count" << "one line of 44 characters";
        QTest::newRow("one line of 87") << kTd3.join(QString()).left(87) << false << "line count" << "88, 72 or 90";
        QTest::newRow("four lines") << joined(kTd1 + QStringList{kTd1[0]}) << false << "line count" << "4 lines";
        QTest::newRow("two lines of 30") << joined(kTd1.mid(0, 2)) << false << "line count" << "TD1 card has 3 lines";
        QTest::newRow("too long") << QString(5000, QLatin1Char('<')) << false << "input" << "5000 characters";
        QTest::newRow("TD3 line 2 short") << joined({kTd3[0], kTd3[1].left(43)}) << true << "line 2 length" << "43 characters; a TD3 line has 44";
        QTest::newRow("TD3 line 1 long") << joined({kTd3[0] + "<", kTd3[1]}) << true << "line 1 length" << "45 characters";
        QTest::newRow("TD2 line 2 cut") << joined({kTd2[0], kTd2[1].left(20)}) << true << "line 2 length" << "a TD2 line has 36";
        QTest::newRow("TD1 of 44") << joined({kTd3[0], kTd3[1], kTd3[0]}) << true << "line 1 length" << "a TD1 line has 30";
        QTest::newRow("star in name") << changed(kTd3, 1, 12, u'*') << true << "name" << "line 1, column 12";
        QTest::newRow("space in number") << changed(kTd3, 2, 6, u' ') << true << "document number" << "a space";
        QTest::newRow("accent in name") << changed(kTd1, 3, 2, QChar(0xC9)) << true << "name" << "U+00C9";
        QTest::newRow("NUL in date") << changed(kTd3, 2, 15, QChar(0)) << true << "date of birth" << "U+0000";
        QTest::newRow("emoji") << joined({kTd3[0], QString::fromUtf8("L898902C36UTO7408122F1204159ZE184226B<<<<\xF0\x9F\x98\x80")})
                               << true << "personal number" << "U+D83D";
        QTest::newRow("all fillers TD3") << joined({"P" + QString(43, QLatin1Char('<')), QString(44, QLatin1Char('<'))}) << true
                                         << "issuing state" << "not given";
        QTest::newRow("all fillers TD1") << joined({QString(30, QLatin1Char('<')), QString(30, QLatin1Char('<')), QString(30, QLatin1Char('<'))})
                                         << true << "document code" << "A, C or I";
        QTest::newRow("TD3 number empty") << joined({kTd3[0], "<<<<<<<<<<UTO7408122F1204159ZE184226B<<<<<10"}) << true
                                          << "document number" << "empty";
        QTest::newRow("card code V") << changed(kTd2, 1, 2, u'V') << true << "document code" << "V may not follow";
        QTest::newRow("leap day in 2025") << joined({kTd3[0], "L898902C36UTO2502297F1204159ZE184226B<<<<<10"}) << true
                                          << "date of birth" << "February 1925 has no day 29";
        QTest::newRow("expiry before birth") << joined({kTd3[0], "L898902C36UTO0908122F0904150ZE184226B<<<<<10"}) << true
                                             << "date of expiry" << "before the date of birth";
        QTest::newRow("unknown birth day") << joined({kTd3[0], "L898902C36UTO7408<<2F1204159ZE184226B<<<<<10"}) << true
                                           << "date of birth" << "partly unknown";
        QTest::newRow("letter in check digit") << changed(kTd3, 2, 10, u'G') << true << "document number check digit"
                                               << "the MRZ says 'G'";
        QTest::newRow("filler check digit") << changed(kTd3, 2, 20, u'<') << true << "date of birth check digit"
                                            << "the MRZ says <";
        QTest::newRow("reader line, space at a cut") << kTd1[0].left(29) + " " + kTd1[1] + kTd1[2] << true << "line 1 length"
                                                      << "line 1 has 29 characters";
        QTest::newRow("many bad characters") << joined({QString(44, QLatin1Char('#')), QString(44, QLatin1Char('#'))}) << true
                                             << "characters" << "78 more characters";
    }
    void badInput()
    {
        QFETCH(QString, text);
        QFETCH(bool, hasDocument);
        QFETCH(QString, fieldName);
        QFETCH(QString, mentions);
        const MrzResult result = MrzParser::parse(text, kCardsValid);
        QVERIFY(!result.problems.empty());
        QVERIFY(!result.isValid());
        QCOMPARE(result.document.has_value(), hasDocument);
        checkProblemsAreNamed(result);
        bool found = false;
        for (const MrzProblem& problem : result.problems)
            found = found || (problem.fieldName == fieldName && problem.message.contains(mentions));
        QVERIFY2(found, qPrintable(describe(result)));
    }

    void personalNumberUnused()
    {
        // Part 4: an unused personal number's check digit may be < or 0.
        for (const char* line : {"L898902C36UTO7408122F1204159<<<<<<<<<<<<<<<8", "L898902C36UTO7408122F1204159<<<<<<<<<<<<<<08"}) {
            const QString text = joined({kTd3[0], QString::fromLatin1(line)});
            const MrzResult result = MrzParser::parse(text, kCardsValid);
            QVERIFY2(result.problems.empty(), qPrintable(describe(result)));
            QCOMPARE(*fg::MrzWriter::write(*result.document, nullptr), result.lines);
        }
    }

    void dates()
    {
        QString why;
        const auto birth = [&](const char* text, const QDate& today) {
            return fg::MrzDates::birthDate(QString::fromLatin1(text), today, &why).value_or(QDate());
        };
        const auto expiry = [&](const char* text, const QDate& today) {
            return fg::MrzDates::expiryDate(QString::fromLatin1(text), today, &why).value_or(QDate());
        };
        const QDate today(2026, 11, 27);
        QCOMPARE(birth("261127", today), QDate(2026, 11, 27));
        QCOMPARE(birth("261128", today), QDate(1926, 11, 28));
        QCOMPARE(birth("991231", today), QDate(1999, 12, 31));
        QCOMPARE(birth("000229", today), QDate(2000, 2, 29));
        QVERIFY(!birth("741332", today).isValid());
        QVERIFY2(why.contains(QStringLiteral("741332")) && why.contains(QStringLiteral("month 13")), qPrintable(why));
        QVERIFY(!birth("740832", today).isValid());
        QVERIFY2(why.contains(QStringLiteral("no day 32")), qPrintable(why));
        QVERIFY(!birth("7408", today).isValid());
        QVERIFY(!birth("250229", today).isValid());
        QCOMPARE(expiry("361231", today), QDate(2036, 12, 31));
        QCOMPARE(expiry("550101", today), QDate(2055, 1, 1));
        QCOMPARE(expiry("560101", today), QDate(1956, 1, 1));
        QCOMPARE(expiry("970101", today), QDate(1997, 1, 1));
        QCOMPARE(expiry("120415", today), QDate(2012, 4, 15));
        QCOMPARE(expiry("961210", QDate(1995, 1, 1)), QDate(1996, 12, 10));
    }

    void problemPositions()
    {
        // The brief's wording and positions for a failing check digit.
        const MrzResult result = MrzParser::parse(changed(kTd3, 2, 10, u'5'), kCardsValid);
        const MrzProblem* problem = result.problemAbout(MrzField::DocumentNumberCheckDigit);
        QVERIFY(problem);
        QCOMPARE(problem->message, QStringLiteral("check digit of the document number is 6, the MRZ says 5"));
        QCOMPARE(problem->fieldName, QStringLiteral("document number check digit"));
        QCOMPARE(problem->line, 2);
        QCOMPARE(problem->column, 10);
        QCOMPARE(problem->length, 1);

        const MrzResult td1 = MrzParser::parse(changed(kTd1Long, 1, 19, u'8'), kCardsValid);
        const MrzProblem* longNumber = td1.problemAbout(MrzField::DocumentNumberCheckDigit);
        QVERIFY(longNumber);
        QCOMPARE(longNumber->line, 1);
        QCOMPARE(longNumber->column, 19);
    }

    // Random damage to the specimens never crashes, and every problem is named.
    void randomDamage()
    {
        QRandomGenerator random(9303);
        const QList<QStringList> specimens = {kTd3, kTd1, kTd2, kMrva, kMrvb, kTd1Long};
        const QString alphabet = QStringLiteral("ABCOIBSZ0123456789<<<< \t\n*a\u00e9");
        for (int round = 0; round < 3000; ++round) {
            QString text = joined(specimens[random.bounded(static_cast<int>(specimens.size()))]);
            const int edits = 1 + random.bounded(4);
            for (int e = 0; e < edits && !text.isEmpty(); ++e) {
                const int at = random.bounded(static_cast<int>(text.size()));
                switch (random.bounded(3)) {
                case 0: text[at] = alphabet[random.bounded(static_cast<int>(alphabet.size()))]; break;
                case 1: text.remove(at, 1); break;
                default: text.insert(at, alphabet[random.bounded(static_cast<int>(alphabet.size()))]); break;
                }
            }
            const MrzResult result = MrzParser::parse(text, kCardsValid);
            checkProblemsAreNamed(result);
            // The lines read, joined again, are read the same.
            QCOMPARE(MrzParser::parse(joined(result.lines), kCardsValid).lines, result.lines);
            if (result.problems.empty()) {
                QVERIFY(result.document);
                QCOMPARE(*fg::MrzWriter::write(*result.document, nullptr), result.lines);
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestMrzParser)
#include "tst_mrzparser.moc"
