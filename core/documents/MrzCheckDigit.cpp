#include "core/documents/MrzCheckDigit.h"

namespace fg {

bool MrzCheckDigit::isMrzCharacter(QChar c)
{
    return characterValue(c) >= 0;
}

int MrzCheckDigit::characterValue(QChar c)
{
    const char16_t u = c.unicode();
    if (u >= u'0' && u <= u'9')
        return u - u'0';
    if (u >= u'A' && u <= u'Z')
        return u - u'A' + 10;
    if (u == u'<')
        return 0;
    return -1;
}

std::optional<int> MrzCheckDigit::compute(QStringView text)
{
    static constexpr int kWeights[] = {7, 3, 1};
    int sum = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const int value = characterValue(text[i]);
        if (value < 0)
            return std::nullopt;
        sum = (sum + value * kWeights[i % 3]) % 10;
    }
    return sum;
}

} // namespace fg
