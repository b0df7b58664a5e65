#include "core/security/ScryptParams.h"

#include <bit>

namespace fg {

int ScryptParams::log2N() const
{
    return n == 0 ? 0 : std::bit_width(n) - 1;
}

quint64 ScryptParams::memoryBytes() const
{
    // Only meaningful within the bounds isValid() checks: no overflow there.
    return quint64(128) * r * (n + 2 + p);
}

QString ScryptParams::toString() const
{
    const QString cost = std::has_single_bit(n) ? QStringLiteral("2^%1").arg(log2N()) : QString::number(n);
    return QStringLiteral("N=%1, r=%2, p=%3").arg(cost).arg(r).arg(p);
}

bool ScryptParams::isValid(QString* error) const
{
    if (r < 1 || r > kMaxR) {
        *error = QStringLiteral("scrypt r = %1 is out of range (1 to %2)").arg(r).arg(kMaxR);
        return false;
    }
    if (p < 1 || p > kMaxP) {
        *error = QStringLiteral("scrypt p = %1 is out of range (1 to %2)").arg(p).arg(kMaxP);
        return false;
    }
    if (n < 2 || !std::has_single_bit(n)) {
        *error = QStringLiteral("scrypt N = %1 is not a power of two of at least 2").arg(n);
        return false;
    }
    // RFC 7914: N < 2^(128 r / 8).
    if (16 * r < 64 && n >= (quint64(1) << (16 * r))) {
        *error = QStringLiteral("scrypt N = %1 is too large for r = %2 (N < 2^%3)").arg(n).arg(r).arg(16 * r);
        return false;
    }
    // Bound N first so memoryBytes() cannot overflow.
    if (n > kMaxMemoryBytes || memoryBytes() > kMaxMemoryBytes) {
        *error = QStringLiteral("scrypt %1 needs more than %2 MiB of memory")
                     .arg(toString())
                     .arg(kMaxMemoryBytes >> 20);
        return false;
    }
    return true;
}

} // namespace fg
