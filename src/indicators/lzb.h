// The day-precise rule of Langzeitleistungsbezug (law/indicators/langzeitleistungsbezug.yaml,
// docs/kennzahlen.md): a person is LZB on day D when their ELB days among the
// lzb.window_days days ending at D reach lzb.min_days. ElbIntervals holds one person's ELB
// spells merged (overlapping spells counted once) with prefix sums, so a window count is two
// binary searches. The one implementation: the Kennzahlen kernel and the generator's
// calibration both use it. Value type, not thread-safe while being built.
#pragma once

#include <cstdint>
#include <vector>

#include "indicators/catalogue.h"

namespace amip::indicators {

class ElbIntervals {
 public:
  static constexpr int32_t kOpenEnd = 2000000000;  // end day of an open spell (no end date)
  void Clear();
  // Adds the ELB days begin..end (inclusive day numbers). REQUIRES: calls in order of begin.
  void Add(int32_t begin, int32_t end);
  // ELB days on or before `day`.
  int64_t DaysUpTo(int32_t day) const;
  // ELB days in the LZB window ending at `day`: (day − lzb.window_days, day].
  int32_t DaysInWindow(int32_t day, const LzbDefinition& lzb) const;
  // The day-precise LZB rule at `day` (the person is assumed ELB on that day).
  bool IsLzb(int32_t day, const LzbDefinition& lzb) const { return DaysInWindow(day, lzb) >= lzb.min_days; }

 private:
  std::vector<int32_t> begin_, end_;
  std::vector<int64_t> cumulative_;  // ELB days of intervals 0..i
};

}  // namespace amip::indicators
