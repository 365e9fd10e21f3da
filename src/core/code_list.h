// Code lists: closed sets of codes ("elb", "svb", "yoy_change") mapped to enums by a
// constexpr table of (code, value) pairs. One parser for every module, so an unknown code
// always gets the same message listing the allowed codes. Header-only; thread-safe.
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <utility>

#include "core/status.h"

namespace amip::core {

template <typename Enum, size_t N>
using CodeTable = std::array<std::pair<std::string_view, Enum>, N>;

// The value of `text` in `codes`, or kInvalidArgument "unknown code; allowed: a, b" (an empty
// code is listed as "(empty)"). The caller adds where the text came from and its value.
template <typename Enum, size_t N>
Result<Enum> ParseCode(std::string_view text, const CodeTable<Enum, N>& codes) {
  for (const auto& [code, value] : codes) {
    if (code == text) return value;
  }
  std::string allowed;
  for (const auto& [code, value] : codes) {
    if (!allowed.empty()) allowed += ", ";
    allowed += code.empty() ? "(empty)" : std::string(code);
  }
  return InvalidArgumentError("unknown code; allowed: " + allowed);
}

// The code of `value`. REQUIRES: `value` is in `codes`.
template <typename Enum, size_t N>
std::string_view CodeOf(Enum value, const CodeTable<Enum, N>& codes) {
  for (const auto& [code, candidate] : codes) {
    if (candidate == value) return code;
  }
  AMIP_ASSERT(false, "enum value without code");
  return codes[0].first;
}

}  // namespace amip::core
