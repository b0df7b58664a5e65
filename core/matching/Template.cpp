#include "core/matching/Template.h"

#include <QCryptographicHash>
#include <QtEndian>

#include <cmath>
#include <cstring>

namespace fg {

namespace {

constexpr char kMagic[4] = {'F', 'G', 'T', 'P'};
constexpr quint16 kFormatVersion = 1;
constexpr qsizetype kChecksumSize = 8;
// magic + version + model-id length + dimension + checksum
constexpr qsizetype kFixedSize = 4 + 2 + 2 + 4 + kChecksumSize;
// A stored vector whose norm is this far from 1 was not made by Template().
constexpr double kUnitTolerance = 1e-3;

QByteArray checksumOf(const char* data, qsizetype size)
{
    return QCryptographicHash::hash(QByteArrayView(data, size), QCryptographicHash::Sha256)
        .left(kChecksumSize);
}

template <typename T>
void appendLittleEndian(QByteArray& out, T value)
{
    char bytes[sizeof(T)];
    qToLittleEndian(value, bytes);
    out.append(bytes, sizeof(T));
}

template <typename T>
T readLittleEndian(const char* p)
{
    return qFromLittleEndian<T>(p);
}

bool fail(QString* error, const QString& why)
{
    if (error)
        *error = why;
    return false;
}

} // namespace

Template::Template(QString modelId, std::vector<float> values)
    : m_modelId(std::move(modelId))
{
    if (values.size() != static_cast<std::size_t>(kDimension))
        return;
    double sumSquares = 0.0;
    for (float v : values)
        sumSquares += static_cast<double>(v) * static_cast<double>(v);
    if (!std::isfinite(sumSquares) || sumSquares <= 0.0)
        return;
    const double inverse = 1.0 / std::sqrt(sumSquares);
    for (float& v : values)
        v = static_cast<float>(static_cast<double>(v) * inverse);
    m_values = std::move(values);
}

QByteArray Template::serialize() const
{
    const QByteArray modelId = m_modelId.toUtf8();
    QByteArray out;
    out.reserve(kFixedSize + modelId.size() + kDimension * 4);
    out.append(kMagic, 4);
    appendLittleEndian<quint16>(out, kFormatVersion);
    appendLittleEndian<quint16>(out, static_cast<quint16>(modelId.size()));
    out.append(modelId);
    appendLittleEndian<quint32>(out, static_cast<quint32>(m_values.size()));
    for (float v : m_values) {
        quint32 bits = 0;
        std::memcpy(&bits, &v, sizeof bits);
        appendLittleEndian<quint32>(out, bits);
    }
    out.append(checksumOf(out.constData(), out.size()));
    return out;
}

std::optional<Template> Template::deserialize(const QByteArray& bytes,
                                              const QString& expectedModelId,
                                              QString* error)
{
    const char* p = bytes.constData();
    const qsizetype size = bytes.size();
    if (size < 4 || std::memcmp(p, kMagic, 4) != 0) {
        fail(error, QStringLiteral("not a face template (no FGTP signature)"));
        return std::nullopt;
    }
    if (size < kFixedSize) {
        fail(error, QStringLiteral("face template truncated: %1 bytes").arg(size));
        return std::nullopt;
    }
    const quint16 version = readLittleEndian<quint16>(p + 4);
    if (version != kFormatVersion) {
        fail(error, QStringLiteral("face template format version %1 is not supported (this program reads version %2)")
                        .arg(version)
                        .arg(kFormatVersion));
        return std::nullopt;
    }
    const qsizetype idLength = readLittleEndian<quint16>(p + 6);
    if (size < kFixedSize + idLength) {
        fail(error, QStringLiteral("face template truncated: %1 bytes").arg(size));
        return std::nullopt;
    }
    const quint32 dimension = readLittleEndian<quint32>(p + 8 + idLength);
    const qint64 expectedSize = kFixedSize + idLength + qint64(dimension) * 4;
    if (size != expectedSize) {
        fail(error, QStringLiteral("face template has the wrong size (%1 bytes, its header says %2): truncated or damaged")
                        .arg(size)
                        .arg(expectedSize));
        return std::nullopt;
    }
    const qsizetype body = size - kChecksumSize;
    if (checksumOf(p, body) != bytes.right(kChecksumSize)) {
        fail(error, QStringLiteral("face template is damaged (checksum mismatch)"));
        return std::nullopt;
    }
    if (dimension != static_cast<quint32>(kDimension)) {
        fail(error, QStringLiteral("face template has %1 values, expected %2").arg(dimension).arg(kDimension));
        return std::nullopt;
    }
    const QString modelId = QString::fromUtf8(p + 8, idLength);
    std::vector<float> values(kDimension);
    const char* floats = p + 12 + idLength;
    double sumSquares = 0.0;
    for (int i = 0; i < kDimension; ++i) {
        const quint32 bits = readLittleEndian<quint32>(floats + 4 * i);
        float v = 0.0f;
        std::memcpy(&v, &bits, sizeof v);
        if (!std::isfinite(v)) {
            fail(error, QStringLiteral("face template value %1 is not a finite number").arg(i));
            return std::nullopt;
        }
        values[static_cast<std::size_t>(i)] = v;
        sumSquares += static_cast<double>(v) * static_cast<double>(v);
    }
    if (std::abs(std::sqrt(sumSquares) - 1.0) > kUnitTolerance) {
        fail(error, QStringLiteral("face template is not unit length (norm %1)").arg(std::sqrt(sumSquares)));
        return std::nullopt;
    }
    if (!expectedModelId.isEmpty() && modelId != expectedModelId) {
        fail(error, QStringLiteral("face template was made by model \"%1\", this pipeline uses \"%2\"")
                        .arg(modelId, expectedModelId));
        return std::nullopt;
    }
    Template result;
    result.m_modelId = modelId;
    result.m_values = std::move(values);
    return result;
}

} // namespace fg
