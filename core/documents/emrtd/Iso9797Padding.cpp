#include "core/documents/emrtd/Iso9797Padding.h"

namespace fg {

QByteArray Iso9797Padding::pad(QByteArrayView data, int blockSize)
{
    QByteArray padded = data.toByteArray();
    padded.append('\x80');
    while (padded.size() % blockSize != 0)
        padded.append('\0');
    return padded;
}

std::optional<QByteArray> Iso9797Padding::unpad(QByteArrayView data, int blockSize, QString* error)
{
    const auto refuse = [error](const QString& why) {
        if (error)
            *error = QStringLiteral("ISO 9797-1 padding: ") + why;
        return std::nullopt;
    };
    if (data.isEmpty() || data.size() % blockSize != 0)
        return refuse(QStringLiteral("%1 bytes are not whole blocks of %2").arg(data.size()).arg(blockSize));
    qsizetype marker = data.size() - 1;
    while (marker >= 0 && data[marker] == '\0')
        --marker;
    if (marker < 0 || data[marker] != '\x80')
        return refuse(QStringLiteral("no 80 byte ends the data"));
    if (data.size() - marker > blockSize)
        return refuse(QStringLiteral("%1 bytes of padding, more than a block").arg(data.size() - marker));
    return data.first(marker).toByteArray();
}

} // namespace fg
