// Calendar value types: Date (a civil day) and Month (a civil month), modelled on
// abseil's CivilDay/CivilMonth. Both are small integers with arithmetic, ISO formatting
// and strict parsing. Valid range: years 1800..9999. Thread-compatible value types.
#pragma once

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/status.h"

namespace amip::core {

class Month;

// A civil day, stored as days since 1970-01-01.
class Date {
 public:
  constexpr Date() = default;
  // REQUIRES: IsValidYmd(year, month, day).
  static Date FromYmd(int year, int month, int day);
  static constexpr Date FromDays(int32_t days_since_epoch) { return Date(days_since_epoch); }
  // Strict "YYYY-MM-DD"; the error names the reason ("month 13 out of range").
  static Result<Date> Parse(std::string_view text);
  static bool IsValidYmd(int year, int month, int day);
  static int DaysInMonth(int year, int month);
  static bool IsLeapYear(int year);

  int32_t days() const { return days_; }
  int year() const;
  int month() const;
  int day() const;
  Month ToMonth() const;
  std::string ToString() const;  // "2024-03-15"

  Date operator+(int32_t n) const { return Date(days_ + n); }
  Date operator-(int32_t n) const { return Date(days_ - n); }
  int32_t operator-(Date other) const { return days_ - other.days_; }
  Date& operator+=(int32_t n) { days_ += n; return *this; }
  auto operator<=>(const Date&) const = default;

  static constexpr Date Min() { return Date(-62091); }    // 1800-01-01
  static constexpr Date Max() { return Date(2932896); }   // 9999-12-31

 private:
  constexpr explicit Date(int32_t days) : days_(days) {}
  int32_t days_ = 0;
};

// A civil month, stored as year * 12 + (month - 1).
class Month {
 public:
  constexpr Month() = default;
  // REQUIRES: 1 <= month <= 12.
  static Month FromYm(int year, int month);
  static constexpr Month FromIndex(int32_t index) { return Month(index); }
  // Strict "YYYY-MM".
  static Result<Month> Parse(std::string_view text);

  int32_t index() const { return index_; }
  int year() const { return index_ / 12; }
  int month() const { return index_ % 12 + 1; }
  Date FirstDay() const;
  Date LastDay() const;
  Date Day(int day) const;  // REQUIRES: valid day of this month
  int DaysInMonth() const;
  std::string ToString() const;  // "2024-03"

  Month operator+(int32_t n) const { return Month(index_ + n); }
  Month operator-(int32_t n) const { return Month(index_ - n); }
  int32_t operator-(Month other) const { return index_ - other.index_; }
  Month& operator++() { ++index_; return *this; }
  auto operator<=>(const Month&) const = default;

 private:
  constexpr explicit Month(int32_t index) : index_(index) {}
  int32_t index_ = 0;
};

// An inclusive range of months "2024-01..2025-06" (a single month "2024-05" is allowed).
struct MonthRange {
  Month first;
  Month last;
  static Result<MonthRange> Parse(std::string_view text);
  int32_t size() const { return last - first + 1; }
};

}  // namespace amip::core
