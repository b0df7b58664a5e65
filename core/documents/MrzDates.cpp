#include "core/documents/MrzDates.h"

#include <QCoreApplication>

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

QString MrzDates::monthName(int month)
{
    switch (month) {
    case 1: return QCoreApplication::translate("fg::Mrz", "January");
    case 2: return QCoreApplication::translate("fg::Mrz", "February");
    case 3: return QCoreApplication::translate("fg::Mrz", "March");
    case 4: return QCoreApplication::translate("fg::Mrz", "April");
    case 5: return QCoreApplication::translate("fg::Mrz", "May");
    case 6: return QCoreApplication::translate("fg::Mrz", "June");
    case 7: return QCoreApplication::translate("fg::Mrz", "July");
    case 8: return QCoreApplication::translate("fg::Mrz", "August");
    case 9: return QCoreApplication::translate("fg::Mrz", "September");
    case 10: return QCoreApplication::translate("fg::Mrz", "October");
    case 11: return QCoreApplication::translate("fg::Mrz", "November");
    case 12: return QCoreApplication::translate("fg::Mrz", "December");
    default: return QString::number(month);
    }
}

std::optional<QDate> MrzDates::calendarDate(const QString& yymmdd, int year, bool birth, QString* why)
{
    if (!sixDigits(yymmdd)) {
        *why = (birth ? QCoreApplication::translate("fg::Mrz", "the date of birth %1 is not six digits YYMMDD")
                      : QCoreApplication::translate("fg::Mrz", "the date of expiry %1 is not six digits YYMMDD"))
                   .arg(yymmdd);
        return std::nullopt;
    }
    const int month = number(yymmdd, 2);
    const int day = number(yymmdd, 4);
    if (month < 1 || month > 12) {
        *why = (birth ? QCoreApplication::translate("fg::Mrz", "the date of birth %1 is not a calendar date: there is no month %2")
                      : QCoreApplication::translate("fg::Mrz", "the date of expiry %1 is not a calendar date: there is no month %2"))
                   .arg(yymmdd)
                   .arg(month);
        return std::nullopt;
    }
    const QDate date(year, month, day);
    if (!date.isValid()) {
        // "%2 %3": the month's name and the year ("February 1975").
        *why = (birth ? QCoreApplication::translate("fg::Mrz", "the date of birth %1 is not a calendar date: %2 %3 has no day %4")
                      : QCoreApplication::translate("fg::Mrz", "the date of expiry %1 is not a calendar date: %2 %3 has no day %4"))
                   .arg(yymmdd, monthName(month))
                   .arg(year)
                   .arg(day);
        return std::nullopt;
    }
    return date;
}

std::optional<QDate> MrzDates::birthDate(const QString& yymmdd, const QDate& today, QString* why)
{
    if (!sixDigits(yymmdd))
        return calendarDate(yymmdd, 0, true, why);
    const int yy = number(yymmdd, 0);
    const int monthDay = number(yymmdd, 2) * 100 + number(yymmdd, 4);
    const int todayYy = today.year() % 100;
    const int todayMonthDay = today.month() * 100 + today.day();
    int year = today.year() - todayYy + yy;
    if (yy > todayYy || (yy == todayYy && monthDay > todayMonthDay))
        year -= 100;
    return calendarDate(yymmdd, year, true, why);
}

std::optional<QDate> MrzDates::expiryDate(const QString& yymmdd, const QDate& today, QString* why)
{
    if (!sixDigits(yymmdd))
        return calendarDate(yymmdd, 0, false, why);
    static_assert(kExpiryYearsBack + kExpiryYearsAhead + 1 == 100, "the window is one century");
    const int yy = number(yymmdd, 0);
    const int low = today.year() - kExpiryYearsBack;
    const int year = low + ((yy - low % 100) % 100 + 100) % 100;
    return calendarDate(yymmdd, year, false, why);
}

} // namespace fg
