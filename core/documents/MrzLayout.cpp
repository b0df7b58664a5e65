#include "core/documents/MrzLayout.h"

#include <utility>

namespace fg {
namespace {

using F = MrzField;
using E = MrzExpect;

// Line 2 of TD3, TD2 and both visas, up to the expiry check digit (column 28).
std::vector<MrzFieldSpec> lowerLineStart()
{
    return {
        {F::DocumentNumber, {2, 1, 9}, E::Any},
        {F::DocumentNumberCheckDigit, {2, 10, 1}, E::Digit},
        {F::Nationality, {2, 11, 3}, E::Letter},
        {F::BirthDate, {2, 14, 6}, E::Digit},
        {F::BirthDateCheckDigit, {2, 20, 1}, E::Digit},
        {F::Sex, {2, 21, 1}, E::Letter},
        {F::ExpiryDate, {2, 22, 6}, E::Digit},
        {F::ExpiryDateCheckDigit, {2, 28, 1}, E::Digit},
    };
}

std::vector<MrzFieldSpec> upperLine(int nameLength)
{
    return {
        {F::DocumentCode, {1, 1, 2}, E::Letter},
        {F::IssuingState, {1, 3, 3}, E::Letter},
        {F::Name, {1, 6, nameLength}, E::Letter},
    };
}

std::vector<MrzFieldSpec> join(std::vector<MrzFieldSpec> a, const std::vector<MrzFieldSpec>& b)
{
    a.insert(a.end(), b.begin(), b.end());
    return a;
}

} // namespace

MrzLayout::MrzLayout(MrzFormat format, std::vector<MrzFieldSpec> fields, std::vector<MrzSpan> composite)
    : m_format(format)
    , m_fields(std::move(fields))
    , m_composite(std::move(composite))
{
}

const MrzLayout& MrzLayout::of(MrzFormat format)
{
    // Part 4, 4.2.2: 2x44, the personal number with its own check digit.
    static const MrzLayout td3(MrzFormat::TD3,
        join(join(upperLine(39), lowerLineStart()), {
            {F::OptionalData1, {2, 29, 14}, E::Any},
            {F::OptionalData1CheckDigit, {2, 43, 1}, E::Digit},
            {F::CompositeCheckDigit, {2, 44, 1}, E::Digit},
        }),
        {{2, 1, 10}, {2, 14, 7}, {2, 22, 22}});
    // Part 6, 4.2.2: 2x36.
    static const MrzLayout td2(MrzFormat::TD2,
        join(join(upperLine(31), lowerLineStart()), {
            {F::OptionalData1, {2, 29, 7}, E::Any},
            {F::CompositeCheckDigit, {2, 36, 1}, E::Digit},
        }),
        {{2, 1, 10}, {2, 14, 7}, {2, 22, 14}});
    // Part 7, 4.2.2: MRV-A 2x44 and MRV-B 2x36, no composite check digit.
    static const MrzLayout mrva(MrzFormat::MRVA,
        join(join(upperLine(39), lowerLineStart()), {{F::OptionalData1, {2, 29, 16}, E::Any}}), {});
    static const MrzLayout mrvb(MrzFormat::MRVB,
        join(join(upperLine(31), lowerLineStart()), {{F::OptionalData1, {2, 29, 8}, E::Any}}), {});
    // Part 5, 4.2.2: 3x30, the name on the lowest line.
    static const MrzLayout td1(MrzFormat::TD1,
        {
            {F::DocumentCode, {1, 1, 2}, E::Letter},
            {F::IssuingState, {1, 3, 3}, E::Letter},
            {F::DocumentNumber, {1, 6, 9}, E::Any},
            {F::DocumentNumberCheckDigit, {1, 15, 1}, E::Digit},
            {F::OptionalData1, {1, 16, 15}, E::Any},
            {F::BirthDate, {2, 1, 6}, E::Digit},
            {F::BirthDateCheckDigit, {2, 7, 1}, E::Digit},
            {F::Sex, {2, 8, 1}, E::Letter},
            {F::ExpiryDate, {2, 9, 6}, E::Digit},
            {F::ExpiryDateCheckDigit, {2, 15, 1}, E::Digit},
            {F::Nationality, {2, 16, 3}, E::Letter},
            {F::OptionalData2, {2, 19, 11}, E::Any},
            {F::CompositeCheckDigit, {2, 30, 1}, E::Digit},
            {F::Name, {3, 1, 30}, E::Letter},
        },
        {{1, 6, 25}, {2, 1, 7}, {2, 9, 7}, {2, 19, 11}});

    switch (format) {
    case MrzFormat::TD1: return td1;
    case MrzFormat::TD2: return td2;
    case MrzFormat::TD3: return td3;
    case MrzFormat::MRVA: return mrva;
    case MrzFormat::MRVB: return mrvb;
    }
    return td3;
}

std::optional<MrzSpan> MrzLayout::span(MrzField field) const
{
    for (const MrzFieldSpec& spec : m_fields) {
        if (spec.field == field)
            return spec.span;
    }
    return std::nullopt;
}

const MrzFieldSpec* MrzLayout::fieldAt(int line, int column) const
{
    for (const MrzFieldSpec& spec : m_fields) {
        if (spec.span.line == line && column >= spec.span.column && column <= spec.span.lastColumn())
            return &spec;
    }
    return nullptr;
}

} // namespace fg
