#pragma once

#include <QString>
#include <QStringList>
#include <QStringView>

#include <array>
#include <cstddef>
#include <optional>
#include <utility>

namespace fg {

// How an enum is written in the records (and so in the CHECK constraints,
// the audit log, the CLI and the API): one table per enum, every value in
// declaration order with its name, read both ways by the same three
// functions. A table that skips or reorders a value does not compile
// (listsEveryValueInOrder, checked where the table is written):
//
//     constexpr NameTable<Kind, 3> kKinds{{{Kind::Entry, "entry"}, {Kind::Exit, "exit"}, ...}};
//     static_assert(listsEveryValueInOrder(kKinds));
template <typename Enum, std::size_t N>
using NameTable = std::array<std::pair<Enum, const char*>, N>;

// The enum's values are 0, 1, ... N-1, each listed once, in that order.
template <typename Enum, std::size_t N>
constexpr bool listsEveryValueInOrder(const NameTable<Enum, N>& table)
{
    for (std::size_t i = 0; i < N; ++i) {
        if (static_cast<std::size_t>(table[i].first) != i || table[i].second == nullptr || table[i].second[0] == '\0')
            return false;
    }
    return true;
}

// The name of a value (empty for a value the table does not list).
template <typename Enum, std::size_t N>
QString nameIn(const NameTable<Enum, N>& table, Enum value)
{
    for (const auto& [candidate, name] : table) {
        if (candidate == value)
            return QString::fromLatin1(name);
    }
    return QString();
}

// The value of that name (exact, case included); nullopt for anything else.
template <typename Enum, std::size_t N>
std::optional<Enum> valueIn(const NameTable<Enum, N>& table, QStringView name)
{
    for (const auto& [value, text] : table) {
        if (name == QLatin1String(text))
            return value;
    }
    return std::nullopt;
}

// Every name, in the table's order.
template <typename Enum, std::size_t N>
QStringList namesIn(const NameTable<Enum, N>& table)
{
    QStringList names;
    names.reserve(qsizetype(N));
    for (const auto& entry : table)
        names.append(QString::fromLatin1(entry.second));
    return names;
}

} // namespace fg
