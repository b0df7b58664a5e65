#pragma once

#include <QChar>
#include <QDate>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace fg {

// The machine-readable zone layouts of ICAO Doc 9303: TD3 passports (2x44,
// Part 4), TD1 cards (3x30, Part 5), TD2 cards (2x36, Part 6) and the visas
// MRV-A (2x44) and MRV-B (2x36) (Part 7).
enum class MrzFormat { TD1, TD2, TD3, MRVA, MRVB };

QString mrzFormatName(MrzFormat format); // "TD3", "MRV-A", ...
int mrzLineCount(MrzFormat format);      // 2 or 3
int mrzLineLength(MrzFormat format);     // 30, 36 or 44

// What a problem is about: a field of the zone, one of its check digits, or
// the input as a whole.
enum class MrzField {
    Input,  // the text as a whole: empty, too long, a line count no layout has
    Line,   // one line: its length
    DocumentCode,
    IssuingState,
    Name,
    DocumentNumber,
    DocumentNumberCheckDigit,
    Nationality,
    BirthDate,
    BirthDateCheckDigit,
    Sex,
    ExpiryDate,
    ExpiryDateCheckDigit,
    OptionalData1,            // TD3: personal number; TD1: upper line; others: line 2
    OptionalData1CheckDigit,  // TD3 only
    OptionalData2,            // TD1 only: middle line
    CompositeCheckDigit,      // TD1, TD2, TD3
};

// "document number check digit", "date of birth", "optional data (line 2)"...:
// words for the officer, in the interface's language (context "fg::Mrz", like
// every message of the parser); never an identifier to store or compare.
QString mrzFieldName(MrzField field, std::optional<MrzFormat> format = std::nullopt);

enum class MrzProblemKind {
    Layout,      // line count, line length, empty or oversized input
    Character,   // a character outside A-Z, 0-9 and <
    Field,       // a field that breaks its rule (a digit in a name, sex 'Q')
    CheckDigit,  // a check digit that does not match what it protects
    Date,        // not a calendar date, or dates that contradict each other
    Expired,     // well formed, but the expiry date is before today
};

enum class MrzSeverity { Error, Warning };

// A proposed correction: replace `original` (at line/column, 1-based, as the
// zone counts its positions) with `replacement` (same length).
struct MrzSuggestion {
    int line = 0;
    int column = 0;
    QString original;
    QString replacement;
    QString message; // "did you mean L898902C36 instead of L8989O2C36 (0 for O at column 6)?"
};

struct MrzProblem {
    MrzField field = MrzField::Input;
    MrzProblemKind kind = MrzProblemKind::Layout;
    MrzSeverity severity = MrzSeverity::Error;
    QString fieldName; // as shown to the officer: "line 2 length", "date of birth"
    int line = 0;      // 1-based; 0 when about the whole input
    int column = 0;    // 1-based first position; 0 when about a whole line or the input
    int length = 0;    // positions covered from column
    QString message;   // names what was expected and what was found
    std::vector<MrzSuggestion> suggestions;
};

// The zone's data, as far as it could be read. Text fields lose their filler
// ('<'); names turn inner fillers into spaces; the check digits are the
// characters found in the zone.
struct MrzDocument {
    MrzFormat format = MrzFormat::TD3;
    QString documentCode;        // "P", "I", "ID", "AC", "V"
    QString issuingState;        // "UTO", "D"
    QString primaryIdentifier;   // "ERIKSSON"
    QString secondaryIdentifier; // "ANNA MARIA"
    QString documentNumber;      // TD1: may continue in the optional data (Part 5, 4.2.4)
    QChar documentNumberCheckDigit;
    QString nationality;
    QString birthDateText;       // YYMMDD as in the zone; '<' for an unknown part
    QDate birthDate;             // invalid when unknown or malformed
    QChar birthDateCheckDigit;
    QChar sex;                   // 'M', 'F', 'X' or '<' (unspecified)
    QString expiryDateText;
    QDate expiryDate;
    QChar expiryDateCheckDigit;
    QString optionalData1;       // see MrzField::OptionalData1
    QChar optionalData1CheckDigit; // TD3 only, else null
    QString optionalData2;       // TD1 only
    QChar compositeCheckDigit;   // TD1, TD2 and TD3, else null
    bool longDocumentNumber = false; // a TD1 number of more than 9 characters
};

struct MrzResult {
    // Present when the layout was recognised, even with problems in its fields.
    std::optional<MrzDocument> document;
    std::vector<MrzProblem> problems;
    // The lines as read: split, trimmed, upper-cased (not padded or cut to
    // the format's width). Joined by '\n' they read the same again.
    QStringList lines;

    bool hasErrors() const;
    // A document whose zone is correct in every respect (it may still be expired).
    bool isWellFormed() const;
    // A well-formed document that has not expired and has no warnings either.
    bool isValid() const { return document.has_value() && problems.empty(); }
    // The first problem about `field`, or nullptr.
    const MrzProblem* problemAbout(MrzField field) const;
    // One line per problem, for logs and the command line.
    QString summary() const;
};

} // namespace fg
