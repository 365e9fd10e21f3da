// Cents: integer money. Amounts are never doubles; euro strings are parsed strictly
// ("1316.50", at most two decimals) and formatted back exactly. Thread-compatible.
#pragma once

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/status.h"

namespace amip::core {

class Cents {
 public:
  constexpr Cents() = default;
  static constexpr Cents FromCents(int64_t cents) { return Cents(cents); }
  static constexpr Cents FromEuros(int64_t euros) { return Cents(euros * 100); }
  // Strict euro amount: optional '-', digits, optional '.' with 1–2 digits.
  // Rejects "1,50", "1.505", "", "+1", "1e3". Sign handling is the caller's rule.
  static Result<Cents> Parse(std::string_view text);

  int64_t value() const { return cents_; }
  double euros() const { return static_cast<double>(cents_) / 100.0; }
  std::string ToString() const;        // "1316.50", "-3.05"
  std::string ToGermanString() const;  // "1.316,50 €"

  Cents operator+(Cents other) const { return Cents(cents_ + other.cents_); }
  Cents operator-(Cents other) const { return Cents(cents_ - other.cents_); }
  Cents operator-() const { return Cents(-cents_); }
  Cents operator*(int64_t factor) const { return Cents(cents_ * factor); }
  Cents& operator+=(Cents other) { cents_ += other.cents_; return *this; }
  Cents& operator-=(Cents other) { cents_ -= other.cents_; return *this; }
  auto operator<=>(const Cents&) const = default;

 private:
  constexpr explicit Cents(int64_t cents) : cents_(cents) {}
  int64_t cents_ = 0;
};

// Checked money arithmetic: kOutOfRange when the exact result does not fit in int64 cents
// (about ±92 quadrillion euros), so a sum never wraps around into a wrong number. `what`
// names the quantity in the message ("Vorbindungen 2025").
Result<Cents> CheckedAdd(Cents lhs, Cents rhs, std::string_view what);
Result<Cents> CheckedMultiply(Cents amount, int64_t factor, std::string_view what);

// An exact sum of any number of Cents (a 128-bit accumulator: 2^64 rows at the int64
// maximum still fit); Total() is the checked conversion back to Cents at the end.
class CentsSum {
 public:
  void Add(Cents amount) { sum_ += amount.value(); }
  void Add(int64_t cents) { sum_ += cents; }
  CentsSum& operator+=(Cents amount) { Add(amount); return *this; }
  bool Fits() const;
  // kOutOfRange naming `what` and the euro amount when the sum does not fit in Cents.
  Result<Cents> Total(std::string_view what) const;

 private:
  __extension__ __int128 sum_ = 0;
};

}  // namespace amip::core
