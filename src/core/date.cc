#include "core/date.h"

#include <cstdio>

namespace amip::core {
namespace {

// Howard Hinnant's public-domain civil-calendar algorithms (days_from_civil / civil_from_days).
int32_t DaysFromCivil(int year, int month, int day) {
  year -= month <= 2;
  const int era = (year >= 0 ? year : year - 399) / 400;
  const int yoe = year - era * 400;
  const int doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

struct Ymd {
  int year;
  int month;
  int day;
};

Ymd CivilFromDays(int32_t days) {
  days += 719468;
  const int era = (days >= 0 ? days : days - 146096) / 146097;
  const int doe = days - era * 146097;
  const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int mp = (5 * doy + 2) / 153;
  const int day = doy - (153 * mp + 2) / 5 + 1;
  const int month = mp < 10 ? mp + 3 : mp - 9;
  return {yoe + era * 400 + (month <= 2), month, day};
}

bool ParseDigits(std::string_view text, size_t pos, size_t count, int* out) {
  int value = 0;
  for (size_t idx = pos; idx < pos + count; ++idx) {
    if (text[idx] < '0' || text[idx] > '9') return false;
    value = value * 10 + (text[idx] - '0');
  }
  *out = value;
  return true;
}

}  // namespace

bool Date::IsLeapYear(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int Date::DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2 && IsLeapYear(year)) return 29;
  return kDays[month - 1];
}

bool Date::IsValidYmd(int year, int month, int day) {
  return year >= 1800 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 &&
         day <= DaysInMonth(year, month);
}

Date Date::FromYmd(int year, int month, int day) {
  AMIP_ASSERT(IsValidYmd(year, month, day), "invalid calendar date");
  return Date(DaysFromCivil(year, month, day));
}

Result<Date> Date::Parse(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') {
    return InvalidArgumentError("expected a date YYYY-MM-DD");
  }
  int year = 0, month = 0, day = 0;
  if (!ParseDigits(text, 0, 4, &year) || !ParseDigits(text, 5, 2, &month) ||
      !ParseDigits(text, 8, 2, &day)) {
    return InvalidArgumentError("expected a date YYYY-MM-DD");
  }
  if (year < 1800) return InvalidArgumentError("year before 1800");
  if (month < 1 || month > 12) return InvalidArgumentError("month out of range 01..12");
  if (day < 1 || day > DaysInMonth(year, month)) {
    return InvalidArgumentError("day does not exist in that month");
  }
  return Date(DaysFromCivil(year, month, day));
}

int Date::year() const { return CivilFromDays(days_).year; }
int Date::month() const { return CivilFromDays(days_).month; }
int Date::day() const { return CivilFromDays(days_).day; }
Month Date::ToMonth() const {
  const Ymd ymd = CivilFromDays(days_);
  return Month::FromYm(ymd.year, ymd.month);
}

std::string Date::ToString() const {
  const Ymd ymd = CivilFromDays(days_);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", ymd.year, ymd.month, ymd.day);
  return buf;
}

Month Month::FromYm(int year, int month) {
  AMIP_ASSERT(month >= 1 && month <= 12, "month out of range");
  return Month(year * 12 + month - 1);
}

Result<Month> Month::Parse(std::string_view text) {
  if (text.size() != 7 || text[4] != '-') return InvalidArgumentError("expected a month YYYY-MM");
  int year = 0, month = 0;
  if (!ParseDigits(text, 0, 4, &year) || !ParseDigits(text, 5, 2, &month)) {
    return InvalidArgumentError("expected a month YYYY-MM");
  }
  if (year < 1800) return InvalidArgumentError("year before 1800");
  if (month < 1 || month > 12) return InvalidArgumentError("month out of range 01..12");
  return Month(year * 12 + month - 1);
}

Date Month::FirstDay() const { return Date::FromYmd(year(), month(), 1); }
Date Month::LastDay() const { return Date::FromYmd(year(), month(), DaysInMonth()); }
Date Month::Day(int day) const { return Date::FromYmd(year(), month(), day); }
int Month::DaysInMonth() const { return Date::DaysInMonth(year(), month()); }

std::string Month::ToString() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d", year(), month());
  return buf;
}

Result<MonthRange> MonthRange::Parse(std::string_view text) {
  const size_t dots = text.find("..");
  if (dots == std::string_view::npos) {
    AMIP_ASSIGN_OR_RETURN(Month single, Month::Parse(text));
    return MonthRange{single, single};
  }
  AMIP_ASSIGN_OR_RETURN(Month first, Month::Parse(text.substr(0, dots)));
  AMIP_ASSIGN_OR_RETURN(Month last, Month::Parse(text.substr(dots + 2)));
  if (last < first) return InvalidArgumentError("month range ends before it starts");
  return MonthRange{first, last};
}

}  // namespace amip::core
