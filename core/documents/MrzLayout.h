#pragma once

#include "core/documents/Mrz.h"

#include <optional>
#include <vector>

namespace fg {

// Positions as Doc 9303 counts them: line and column from 1.
struct MrzSpan {
    int line = 0;
    int column = 0;
    int length = 0;
    int lastColumn() const { return column + length - 1; }
};

// What a field should hold, for the OCR corrections: in a date or a check
// digit a letter O is almost surely a 0; in a name a 0 is almost surely an O.
enum class MrzExpect { Digit, Letter, Any };

struct MrzFieldSpec {
    MrzField field;
    MrzSpan span;
    MrzExpect expect;
};

// Where each field of a format lies (Doc 9303 Parts 4 to 7), and what the
// composite check digit covers.
class MrzLayout {
public:
    static const MrzLayout& of(MrzFormat format);

    MrzFormat format() const { return m_format; }
    const std::vector<MrzFieldSpec>& fields() const { return m_fields; }
    // The span of `field`; nullopt when the format has no such field.
    std::optional<MrzSpan> span(MrzField field) const;
    bool has(MrzField field) const { return span(field).has_value(); }
    // The field at a position, if any.
    const MrzFieldSpec* fieldAt(int line, int column) const;
    // The spans whose characters, one after the other, the composite check
    // digit protects; empty for the visas, which have none.
    const std::vector<MrzSpan>& compositeSpans() const { return m_composite; }

private:
    MrzLayout(MrzFormat format, std::vector<MrzFieldSpec> fields, std::vector<MrzSpan> composite);

    MrzFormat m_format;
    std::vector<MrzFieldSpec> m_fields;
    std::vector<MrzSpan> m_composite;
};

} // namespace fg
