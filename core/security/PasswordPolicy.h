#pragma once

#include <QString>

namespace fg {

class SecureBuffer;

// What a password must be before it is hashed (issue 3): at least 12
// characters (Unicode code points of its UTF-8 text, not bytes), at most 1024,
// valid UTF-8, and not containing the user name (ignoring case). The error
// names the rule that was broken, never the password.
class PasswordPolicy {
public:
    static constexpr int kDefaultMinimumLength = 12;
    static constexpr int kMaximumLength = 1024;

    explicit PasswordPolicy(int minimumLength = kDefaultMinimumLength);

    int minimumLength() const { return m_minimumLength; }

    // True when userName may use this password; otherwise false and *error
    // says which rule it breaks.
    bool check(const QString& userName, const SecureBuffer& password, QString* error) const;

    // The rules in one line, for prompts: "at least 12 characters, not containing the user name".
    QString describe() const;

private:
    int m_minimumLength;
};

} // namespace fg
