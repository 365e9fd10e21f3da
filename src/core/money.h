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

}  // namespace amip::core
