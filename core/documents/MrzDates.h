#pragma once

#include <QDate>
#include <QString>

#include <optional>

namespace fg {

// The zone writes dates as YYMMDD; these pick the century against a reference
// date (today, injected: never read from the clock here).
// When a date cannot be resolved, *why is a whole sentence for the officer
// naming the date ("the date of birth 741332 is not a calendar date: there is
// no month 13").
class MrzDates {
public:
    // A birth date is never after `today`: the century is the latest one that
    // does not put it there (on 2026-11-27, 261127 is 2026 and 261128 is 1926).
    static std::optional<QDate> birthDate(const QString& yymmdd, const QDate& today, QString* why);

    // An expiry date lies in [today's year - 70, today's year + 29]: no document
    // is issued for thirty years, so "97" on 2026-11-27 means 1997 (long
    // expired) and "36" means 2036. Any document valid today resolves to 20xx
    // until 2070, and a visa of the 1990s still reads as the 1990s.
    static std::optional<QDate> expiryDate(const QString& yymmdd, const QDate& today, QString* why);

    static constexpr int kExpiryYearsBack = 70;
    static constexpr int kExpiryYearsAhead = 29;

private:
    // Six digits, a month 1-12 and a day of that month in `year`; else *why,
    // a whole sentence about the date of birth or of expiry (`birth`), in the
    // interface's language.
    static std::optional<QDate> calendarDate(const QString& yymmdd, int year, bool birth, QString* why);
    static QString monthName(int month);
};

} // namespace fg
