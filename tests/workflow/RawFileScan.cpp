#include "tests/workflow/RawFileScan.h"

#include <algorithm>

namespace fg::test {

void WindowIndex::add(const QByteArray& needle, const QString& name)
{
    m_needles.push_back({needle, name});
    const auto* p = reinterpret_cast<const uchar*>(needle.constData());
    int counts[256] = {};
    int distinct = 0;
    forEachWindow(needle, [&](qsizetype offset, quint64 hash) {
        if (offset == 0) {
            for (int i = 0; i < kWindow; ++i)
                distinct += counts[p[i]]++ == 0;
        } else {
            distinct -= --counts[p[offset - 1]] == 0;
            distinct += counts[p[offset + kWindow - 1]]++ == 0;
        }
        if (distinct >= kMinDistinct)
            m_hashes.push_back(hash);
    });
}

void WindowIndex::seal()
{
    std::sort(m_hashes.begin(), m_hashes.end());
}

QString WindowIndex::findIn(const QByteArray& haystack) const
{
    QString found;
    forEachWindow(haystack, [&](qsizetype offset, quint64 hash) {
        if (!found.isEmpty() || !std::binary_search(m_hashes.begin(), m_hashes.end(), hash))
            return;
        const QByteArrayView window(haystack.constData() + offset, kWindow);
        for (const auto& [needle, name] : m_needles) {
            if (needle.indexOf(window) >= 0) {
                found = QStringLiteral("%1 (at byte %2 of the file)").arg(name).arg(offset);
                return;
            }
        }
    });
    return found;
}

void WindowIndex::forEachWindow(const QByteArray& bytes, const Visit& visit)
{
    if (bytes.size() < kWindow)
        return;
    constexpr quint64 kBase = 0x100000001b3ULL;
    quint64 top = 1; // kBase^(kWindow-1)
    for (int i = 1; i < kWindow; ++i)
        top *= kBase;
    const auto* p = reinterpret_cast<const uchar*>(bytes.constData());
    quint64 hash = 0;
    for (int i = 0; i < kWindow; ++i)
        hash = hash * kBase + p[i];
    visit(0, hash);
    for (qsizetype i = kWindow; i < bytes.size(); ++i) {
        hash = (hash - p[i - kWindow] * top) * kBase + p[i];
        visit(i - kWindow + 1, hash);
    }
}

qsizetype findJpegStart(const QByteArray& bytes)
{
    const auto* p = reinterpret_cast<const uchar*>(bytes.constData());
    for (qsizetype i = 0; i + 4 < bytes.size(); ++i) {
        if (p[i] != 0xFF || p[i + 1] != 0xD8 || p[i + 2] != 0xFF)
            continue;
        const uchar marker = p[i + 3];
        if (marker < 0xC0 || marker == 0xFF || marker == 0xD8)
            continue;
        if (i + 6 > bytes.size())
            return i;
        const qsizetype length = (qsizetype(p[i + 4]) << 8) | p[i + 5];
        if (length >= 2 && (i + 4 + length >= bytes.size() || p[i + 4 + length] == 0xFF))
            return i;
    }
    return -1;
}

} // namespace fg::test
