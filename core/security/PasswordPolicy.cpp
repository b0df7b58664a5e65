#include "core/security/PasswordPolicy.h"

#include "core/security/SecureBuffer.h"

#include <QByteArrayView>
#include <QCoreApplication>

namespace fg {
namespace {

// Code points in UTF-8 text, or -1 when it is not valid UTF-8 (overlong forms,
// surrogates and values past U+10FFFF included). Reads the bytes in place: no
// copy of the password is made.
qsizetype codePoints(QByteArrayView text)
{
    qsizetype count = 0;
    qsizetype i = 0;
    while (i < text.size()) {
        const auto lead = static_cast<unsigned char>(text[i]);
        int extra = 0;
        char32_t value = 0;
        if (lead < 0x80) {
            value = lead;
        } else if (lead >= 0xC2 && lead <= 0xDF) {
            extra = 1;
            value = lead & 0x1Fu;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            extra = 2;
            value = lead & 0x0Fu;
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            extra = 3;
            value = lead & 0x07u;
        } else {
            return -1;
        }
        if (i + extra >= text.size())
            return -1; // cut short
        for (int k = 1; k <= extra; ++k) {
            const auto next = static_cast<unsigned char>(text[i + k]);
            if ((next & 0xC0u) != 0x80u)
                return -1;
            value = (value << 6) | (next & 0x3Fu);
        }
        if ((extra == 2 && (value < 0x800 || (value >= 0xD800 && value <= 0xDFFF)))
            || (extra == 3 && (value < 0x10000 || value > 0x10FFFF)))
            return -1;
        i += extra + 1;
        ++count;
    }
    return count;
}

char asciiLower(char c)
{
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

// Whether needle occurs in text, ASCII letters compared without case.
bool containsIgnoringCase(QByteArrayView text, QByteArrayView needle)
{
    if (needle.isEmpty() || needle.size() > text.size())
        return false;
    for (qsizetype start = 0; start + needle.size() <= text.size(); ++start) {
        qsizetype k = 0;
        while (k < needle.size() && asciiLower(text[start + k]) == asciiLower(needle[k]))
            ++k;
        if (k == needle.size())
            return true;
    }
    return false;
}

} // namespace

PasswordPolicy::PasswordPolicy(int minimumLength)
    : m_minimumLength(minimumLength > 0 ? minimumLength : kDefaultMinimumLength)
{
}

bool PasswordPolicy::check(const QString& userName, const SecureBuffer& password, QString* error) const
{
    const QByteArrayView text = password.view();
    const qsizetype length = codePoints(text);
    if (length < 0) {
        *error = QCoreApplication::translate("fg::PasswordPolicy", "the password is not valid UTF-8 text");
        return false;
    }
    if (length < m_minimumLength) {
        *error = QCoreApplication::translate("fg::PasswordPolicy",
                                             "the password is too short: it must have at least %1 characters (it has %2)")
                     .arg(m_minimumLength)
                     .arg(length);
        return false;
    }
    if (length > kMaximumLength) {
        *error = QCoreApplication::translate("fg::PasswordPolicy", "the password is too long: it may have at most %1 characters")
                     .arg(kMaximumLength);
        return false;
    }
    const QByteArray name = userName.trimmed().toUtf8();
    if (containsIgnoringCase(text, name)) {
        *error = QCoreApplication::translate("fg::PasswordPolicy", "the password must not contain the user name \"%1\"")
                     .arg(userName.trimmed());
        return false;
    }
    return true;
}

QString PasswordPolicy::describe() const
{
    return QCoreApplication::translate("fg::PasswordPolicy", "at least %1 characters, not containing the user name")
        .arg(m_minimumLength);
}

} // namespace fg
