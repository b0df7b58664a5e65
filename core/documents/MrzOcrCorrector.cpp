#include "core/documents/MrzOcrCorrector.h"

#include <QCoreApplication>
#include <QStringList>

#include <algorithm>

namespace fg {
namespace {

bool isDigit(QChar c)
{
    return c >= QLatin1Char('0') && c <= QLatin1Char('9');
}

bool isLetter(QChar c)
{
    return c >= QLatin1Char('A') && c <= QLatin1Char('Z');
}

} // namespace

QChar MrzOcrCorrector::confusedWith(QChar c)
{
    switch (c.unicode()) {
    case u'O': return QLatin1Char('0');
    case u'0': return QLatin1Char('O');
    case u'I': return QLatin1Char('1');
    case u'1': return QLatin1Char('I');
    case u'B': return QLatin1Char('8');
    case u'8': return QLatin1Char('B');
    case u'S': return QLatin1Char('5');
    case u'5': return QLatin1Char('S');
    case u'Z': return QLatin1Char('2');
    case u'2': return QLatin1Char('Z');
    default: return QChar();
    }
}

bool MrzOcrCorrector::suspicious(QChar c, MrzExpect expect)
{
    switch (expect) {
    case MrzExpect::Digit: return isLetter(c);
    case MrzExpect::Letter: return isDigit(c);
    case MrzExpect::Any: return false;
    }
    return false;
}

QChar MrzOcrCorrector::alternative(QChar c, MrzExpect expect)
{
    if (expect != MrzExpect::Any && !suspicious(c, expect))
        return QChar();
    return confusedWith(c);
}

std::optional<QString> MrzOcrCorrector::fixSuspicious(const QString& text, MrzExpect expect)
{
    QString fixed = text;
    bool changed = false;
    for (QChar& c : fixed) {
        if (!suspicious(c, expect))
            continue;
        const QChar partner = confusedWith(c);
        if (partner.isNull())
            return std::nullopt;
        c = partner;
        changed = true;
    }
    if (!changed)
        return std::nullopt;
    return fixed;
}

std::vector<QString> MrzOcrCorrector::search(const QString& text, std::vector<Position> positions,
                                             const std::function<bool(const QString&)>& accept)
{
    // Keep the positions that have something to try, suspicious ones first.
    std::vector<Position> candidates;
    for (const Position& p : positions) {
        if (p.index >= 0 && p.index < text.size() && !alternative(text[p.index], p.expect).isNull())
            candidates.push_back(p);
    }
    std::stable_partition(candidates.begin(), candidates.end(),
                          [&](const Position& p) { return suspicious(text[p.index], p.expect); });
    if (candidates.size() > static_cast<size_t>(kMaxPositions))
        candidates.resize(kMaxPositions);

    const int n = static_cast<int>(candidates.size());
    std::vector<QString> found;
    for (int size = 1; size <= std::min(kMaxSubstitutions, n) && found.empty(); ++size) {
        // Subsets of `size` candidates in lexicographic order of their indices.
        std::vector<int> pick(static_cast<size_t>(size));
        for (int i = 0; i < size; ++i)
            pick[static_cast<size_t>(i)] = i;
        while (true) {
            QString variant = text;
            for (const int i : pick) {
                const Position& p = candidates[static_cast<size_t>(i)];
                variant[p.index] = alternative(text[p.index], p.expect);
            }
            if (accept(variant)) {
                found.push_back(variant);
                if (found.size() >= static_cast<size_t>(kMaxSuggestions))
                    return found;
            }
            int k = size - 1;
            while (k >= 0 && pick[static_cast<size_t>(k)] == n - size + k)
                --k;
            if (k < 0)
                break;
            ++pick[static_cast<size_t>(k)];
            for (int j = k + 1; j < size; ++j)
                pick[static_cast<size_t>(j)] = pick[static_cast<size_t>(j - 1)] + 1;
        }
    }
    return found;
}

QString MrzOcrCorrector::describeChanges(const QString& from, const QString& to, int firstColumn)
{
    QStringList changes;
    const qsizetype n = std::min(from.size(), to.size());
    for (qsizetype i = 0; i < n; ++i) {
        if (from[i] != to[i]) {
            // "0 for O at column 6": one change, listed in a suggestion shown to the officer.
            changes << QCoreApplication::translate("fg::Mrz", "%1 for %2 at column %3")
                           .arg(to[i])
                           .arg(from[i])
                           .arg(firstColumn + static_cast<int>(i));
        }
    }
    return changes.join(QStringLiteral(", "));
}

} // namespace fg
