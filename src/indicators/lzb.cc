#include "indicators/lzb.h"

#include <algorithm>

namespace amip::indicators {

void ElbIntervals::Clear() {
  begin_.clear();
  end_.clear();
  cumulative_.clear();
}

void ElbIntervals::Add(int32_t begin, int32_t end) {
  if (!end_.empty() && int64_t{begin} <= int64_t{end_.back()} + 1) {
    const int32_t grown = std::max(end_.back(), end);
    cumulative_.back() += grown - end_.back();
    end_.back() = grown;
    return;
  }
  begin_.push_back(begin);
  end_.push_back(end);
  cumulative_.push_back((cumulative_.empty() ? 0 : cumulative_.back()) + (end - begin + 1));
}

int64_t ElbIntervals::DaysUpTo(int32_t day) const {
  auto it = std::upper_bound(begin_.begin(), begin_.end(), day);
  if (it == begin_.begin()) return 0;
  const size_t i = static_cast<size_t>(it - begin_.begin()) - 1;
  const int64_t before = i == 0 ? 0 : cumulative_[i - 1];
  return before + (std::min(end_[i], day) - begin_[i] + 1);
}

int32_t ElbIntervals::DaysInWindow(int32_t day, const LzbDefinition& lzb) const {
  return static_cast<int32_t>(DaysUpTo(day) - DaysUpTo(day - lzb.window_days));
}

}  // namespace amip::indicators
