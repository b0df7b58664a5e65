#pragma once

#include "core/documents/Mrz.h"

#include <QString>

#include <optional>
#include <vector>

namespace fg {

// What is wrong with one field, as found by MrzFieldRules; the parser adds
// where the field lies. The messages are whole sentences for the officer, in
// the interface's language (QCoreApplication::translate, context "fg::Mrz").
struct MrzFieldIssue {
    MrzSeverity severity = MrzSeverity::Error;
    QString message;
    int offset = 0;                    // into the field: the first character at fault
    std::optional<QString> correction; // the whole field with the OCR confusions undone
};

// The rules of Doc 9303 for the fields that no check digit protects (Part 3
// and the document code clauses of Parts 4 to 7). Each takes the field's
// text as it stands in the zone, fillers included, and only characters of
// the zone's set.
class MrzFieldRules {
public:
    // TD3: P and a letter or <; TD1/TD2: A, C or I and a letter other than V,
    // or <; visas: V and a letter or <.
    static std::optional<MrzFieldIssue> documentCode(const QString& code, MrzFormat format);
    // Issuing state and nationality (`field`): letters, filled at the end ("D<<").
    static std::optional<MrzFieldIssue> stateCode(const QString& code, MrzField field);
    // M, F, X or < (unspecified).
    static std::optional<MrzFieldIssue> sex(QChar c);
    // At least one character that is not a filler.
    static std::optional<MrzFieldIssue> documentNumber(const QString& number);
    // Letters and fillers; primary and secondary identifiers separated by
    // "<<", their parts by single fillers. Errors for a digit, an empty name
    // or a leading filler; warnings for a second "<<" or "<<<" inside.
    static std::vector<MrzFieldIssue> name(const QString& field);
    // The identifiers: "ERIKSSON<<ANNA<MARIA<<<" -> "ERIKSSON", "ANNA MARIA".
    static void splitName(const QString& field, QString* primary, QString* secondary);
    // Part 3: an unknown day, month and day, or whole date of birth is
    // written as fillers ("74<<<<"); *message says which part is unknown.
    static bool partlyUnknownDate(const QString& yymmdd, QString* message);
};

// The text without its trailing fillers.
QString mrzStripFiller(const QString& text);

} // namespace fg
