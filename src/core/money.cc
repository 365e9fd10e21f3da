#include "core/money.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <limits>

namespace amip::core {

namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Why `text` is not a strict euro amount, in words a Jobcenter administrator can act on:
// the usual ways of writing money that the contract does not allow are named.
Status WhyNotAnAmount(std::string_view text) {
  const std::string_view example = "; erlaubt ist z. B. 1316.50";
  auto error = [&](std::string_view what) {
    return InvalidArgumentError(std::string(what) + std::string(example));
  };
  if (text.empty()) return InvalidArgumentError("leerer Betrag");
  if (text.find("\xe2\x82\xac") != std::string_view::npos ||
      text.find("EUR") != std::string_view::npos || text.find("eur") != std::string_view::npos ||
      text.find('$') != std::string_view::npos) {
    return error("Währungszeichen im Betrag: nur die Zahl angeben");
  }
  if (text.find_first_of(" \t") != std::string_view::npos ||
      text.find("\xc2\xa0") != std::string_view::npos) {
    return error("Leerzeichen im Betrag");
  }
  if (text[0] == '+') return error("Vorzeichen '+' im Betrag");
  const size_t dots = static_cast<size_t>(std::count(text.begin(), text.end(), '.'));
  const size_t commas = static_cast<size_t>(std::count(text.begin(), text.end(), ','));
  if ((dots > 0 && commas > 0) || dots > 1 || commas > 1) {
    return error("Tausendertrennzeichen im Betrag: ohne Gruppierung schreiben, mit Punkt als "
                 "Dezimaltrennzeichen");
  }
  const size_t separator = text.find_first_of(".,");
  const std::string_view whole =
      text.substr(text[0] == '-' ? 1 : 0, separator == std::string_view::npos
                                               ? std::string_view::npos
                                               : separator - (text[0] == '-' ? 1 : 0));
  const std::string_view decimals =
      separator == std::string_view::npos ? std::string_view() : text.substr(separator + 1);
  const bool digits_only = !whole.empty() && std::all_of(whole.begin(), whole.end(), IsDigit) &&
                           std::all_of(decimals.begin(), decimals.end(), IsDigit);
  if (!digits_only) return error("kein Euro-Betrag");
  if (whole.size() > 15) return error("Betrag zu groß (mehr als 15 Stellen vor dem Komma)");
  if (commas == 1) return error("Komma statt Punkt als Dezimaltrennzeichen");
  if (decimals.empty()) return error("Dezimalpunkt ohne Nachkommastellen");
  if (decimals.size() == 3) {
    return error("mehr als 2 Nachkommastellen (ist der Punkt ein Tausendertrennzeichen? dann "
                 "ohne ihn schreiben)");
  }
  return error("mehr als 2 Nachkommastellen");
}

}  // namespace

Result<Cents> Cents::Parse(std::string_view text) {
  size_t pos = 0;
  bool negative = false;
  if (!text.empty() && text[0] == '-') {
    negative = true;
    pos = 1;
  }
  int64_t euros = 0;
  size_t int_digits = 0;
  while (pos < text.size() && IsDigit(text[pos])) {
    if (int_digits >= 15) return WhyNotAnAmount(text);
    euros = euros * 10 + (text[pos] - '0');
    ++pos;
    ++int_digits;
  }
  if (int_digits == 0) return WhyNotAnAmount(text);
  int64_t cents = 0;
  if (pos < text.size()) {
    if (text[pos] != '.') return WhyNotAnAmount(text);
    ++pos;
    const size_t decimals = text.size() - pos;
    if (decimals == 0 || decimals > 2) return WhyNotAnAmount(text);
    for (size_t idx = 0; idx < decimals; ++idx) {
      const char digit = text[pos + idx];
      if (!IsDigit(digit)) return WhyNotAnAmount(text);
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

namespace {

Status Overflow(std::string_view what, std::string_view detail) {
  return OutOfRangeError(std::string(what) + ": Geldbetrag zu groß (" + std::string(detail) +
                         "; höchstens ±92.233.720.368.547.758,07 €): Summe nicht berechnet");
}

}  // namespace

Result<Cents> CheckedAdd(Cents lhs, Cents rhs, std::string_view what) {
  int64_t sum = 0;
  if (__builtin_add_overflow(lhs.value(), rhs.value(), &sum)) {
    return Overflow(what, lhs.ToString() + " + " + rhs.ToString());
  }
  return Cents::FromCents(sum);
}

Result<Cents> CheckedMultiply(Cents amount, int64_t factor, std::string_view what) {
  int64_t product = 0;
  if (__builtin_mul_overflow(amount.value(), factor, &product)) {
    return Overflow(what, amount.ToString() + " × " + std::to_string(factor));
  }
  return Cents::FromCents(product);
}

bool CentsSum::Fits() const {
  return sum_ >= std::numeric_limits<int64_t>::min() && sum_ <= std::numeric_limits<int64_t>::max();
}

Result<Cents> CentsSum::Total(std::string_view what) const {
  if (!Fits()) return Overflow(what, "Summe über 64 Bit");
  return Cents::FromCents(static_cast<int64_t>(sum_));
}

}  // namespace amip::core
