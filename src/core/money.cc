#include "core/money.h"

#include <cstdio>
#include <cstdlib>

namespace amip::core {

Result<Cents> Cents::Parse(std::string_view text) {
  if (text.empty()) return InvalidArgumentError("empty money amount");
  size_t pos = 0;
  bool negative = false;
  if (text[0] == '-') {
    negative = true;
    pos = 1;
  }
  int64_t euros = 0;
  size_t int_digits = 0;
  while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
    if (int_digits >= 15) return InvalidArgumentError("money amount too large");
    euros = euros * 10 + (text[pos] - '0');
    ++pos;
    ++int_digits;
  }
  if (int_digits == 0) return InvalidArgumentError("expected euros like 1316.50");
  int64_t cents = 0;
  if (pos < text.size()) {
    if (text[pos] == ',') return InvalidArgumentError("decimal comma; use '.' as decimal point");
    if (text[pos] != '.') return InvalidArgumentError("expected euros like 1316.50");
    ++pos;
    const size_t decimals = text.size() - pos;
    if (decimals == 0) return InvalidArgumentError("decimal point without digits");
    if (decimals > 2) return InvalidArgumentError("more than 2 decimals");
    for (size_t idx = 0; idx < decimals; ++idx) {
      const char digit = text[pos + idx];
      if (digit < '0' || digit > '9') return InvalidArgumentError("expected euros like 1316.50");
      cents = cents * 10 + (digit - '0');
    }
    if (decimals == 1) cents *= 10;
  }
  const int64_t total = euros * 100 + cents;
  return Cents(negative ? -total : total);
}

std::string Cents::ToString() const {
  const int64_t abs_value = cents_ < 0 ? -cents_ : cents_;
  char buf[40];
  std::snprintf(buf, sizeof buf, "%s%lld.%02lld", cents_ < 0 ? "-" : "",
                static_cast<long long>(abs_value / 100), static_cast<long long>(abs_value % 100));
  return buf;
}

std::string Cents::ToGermanString() const {
  const int64_t abs_value = cents_ < 0 ? -cents_ : cents_;
  std::string euros = std::to_string(abs_value / 100);
  std::string grouped;
  for (size_t idx = 0; idx < euros.size(); ++idx) {
    if (idx > 0 && (euros.size() - idx) % 3 == 0) grouped += '.';
    grouped += euros[idx];
  }
  char cents_buf[8];
  std::snprintf(cents_buf, sizeof cents_buf, ",%02lld", static_cast<long long>(abs_value % 100));
  return (cents_ < 0 ? "-" : "") + grouped + cents_buf + " €";
}

}  // namespace amip::core
