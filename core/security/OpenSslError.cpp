#include "core/security/OpenSslError.h"

#include <QStringList>

#include <openssl/err.h>

namespace fg {

QString openSslError(const QString& what)
{
    QStringList reasons;
    while (const unsigned long code = ERR_get_error()) {
        char text[256] = {};
        ERR_error_string_n(code, text, sizeof text);
        reasons << QString::fromLatin1(text);
    }
    if (reasons.isEmpty())
        reasons << QStringLiteral("unknown OpenSSL error");
    return what + QStringLiteral(": ") + reasons.join(QStringLiteral("; "));
}

} // namespace fg
