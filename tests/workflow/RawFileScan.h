#pragma once

#include <QByteArray>
#include <QString>

#include <functional>
#include <utility>
#include <vector>

namespace fg::test {

// Finds plaintext in a raw database file: every 64-byte window of the
// needles (photos, template floats) is indexed by a rolling hash, so a whole
// file is searched for any of them in one pass; a hash hit is confirmed
// byte for byte.
class WindowIndex {
public:
    static constexpr int kWindow = 64;
    // Windows of fewer than kMinDistinct different byte values (runs of zero
    // padding, fill) are left out: any file has those, a photo's compressed
    // data and a template's floats do not (about 50 of 64 bytes differ).
    static constexpr int kMinDistinct = 16;

    void add(const QByteArray& needle, const QString& name);
    // Call once after the last add().
    void seal();
    // "<needle name> (at byte N of the file)" for the first window of
    // haystack copied from a needle; empty when there is none.
    QString findIn(const QByteArray& haystack) const;

private:
    using Visit = std::function<void(qsizetype offset, quint64 hash)>;
    static void forEachWindow(const QByteArray& bytes, const Visit& visit);

    std::vector<std::pair<QByteArray, QString>> m_needles;
    std::vector<quint64> m_hashes;
};

// The offset of a JPEG's start as decoders read it (-1: none): SOI (FF D8),
// a marker (FF xx) whose segment length leads to the next marker (FF).
// Random ciphertext matches FF D8 FF by chance about once in 16 MB; this
// about once in 2^40 bytes.
qsizetype findJpegStart(const QByteArray& bytes);

} // namespace fg::test
