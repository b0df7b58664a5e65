#include "core/documents/MrzDates.h"

#include <QLocale>

namespace fg {
namespace {

bool sixDigits(const QString& text)
{
    if (text.size() != 6)
        return false;
    for (const QChar c : text) {
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return false;
    }
    return true;
}

int number(const QString& text, int from)
{
    return (text[from].unicode() - u'0') * 10 + (text[from + 1].unicode() - u'0');
}

} // namespace

std::optional<QDate> MrzDates::calendarDate(const QString& yymmdd, int year, QString* why)
{
    if (!sixDigits(yymmdd)) {
        *why = QStringLiteral("%1 is not six digits YYMMDD").arg(yymmdd);
        return std::nullopt;
    }
    const int month = number(yymmdd, 2);
    const int day = number(yymmdd, 4);
    if (month < 1 || month > 12) {
        *why = QStringLiteral("%1 is not a calendar date: there is no month %2").arg(yymmdd).arg(month);
        return std::nullopt;
    }
    const QDate date(year, month, day);
    if (!date.isValid()) {
        *why = QStringLiteral("%1 is not a calendar date: %2 %3 has no day %4")
                   .arg(yymmdd, QLocale::c().monthName(month))
                   .arg(year)
                   .arg(day);
        return std::nullopt;
    }
    return date;
}

std::optional<QDate> MrzDates::birthDate(const QString& yymmdd, const QDate& today, QString* why)
{
    if (!sixDigits(yymmdd))
        return calendarDate(yymmdd, 0, why);
    const int yy = number(yymmdd, 0);
    const int monthDay = number(yymmdd, 2) * 100 + number(yymmdd, 4);
    const int todayYy = today.year() % 100;
    const int todayMonthDay = today.month() * 100 + today.day();
    int year = today.year() - todayYy + yy;
    if (yy > todayYy || (yy == todayYy && monthDay > todayMonthDay))
        year -= 100;
    return calendarDate(yymmdd, year, why);
}

std::optional<QDate> MrzDates::expiryDate(const QString& yymmdd, const QDate& today, QString* why)
{
    if (!sixDigits(yymmdd))
        return calendarDate(yymmdd, 0, why);
    static_assert(kExpiryYearsBack + kExpiryYearsAhead + 1 == 100, "the window is one century");
    const int yy = number(yymmdd, 0);
    const int low = today.year() - kExpiryYearsBack;
    const int year = low + ((yy - low % 100) % 100 + 100) % 100;
    return calendarDate(yymmdd, year, why);
}

} // namespace fg
