// SplitProportional and PerHeadShare against the definition (largest remainder, ties to the
// earlier part, via a stable sort), on many random totals and weights.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "benefits/household.h"

namespace amip::benefits {
namespace {

using core::Cents;

std::vector<Cents> ByDefinition(Cents total, const std::vector<Cents>& weights) {
  __extension__ using Int128 = __int128;
  std::vector<Cents> out(weights.size());
  int64_t sum = 0;
  for (Cents w : weights) sum += w.value();
  if (sum <= 0) return out;
  std::vector<std::pair<int64_t, size_t>> remainders;
  int64_t assigned = 0;
  for (size_t idx = 0; idx < weights.size(); ++idx) {
    const Int128 product = static_cast<Int128>(total.value()) * weights[idx].value();
    out[idx] = Cents::FromCents(static_cast<int64_t>(product / sum));
    remainders.emplace_back(static_cast<int64_t>(product % sum), idx);
    assigned += out[idx].value();
  }
  std::stable_sort(remainders.begin(), remainders.end(), [](auto a, auto b) { return a.first > b.first; });
  for (size_t idx = 0; assigned < total.value() && idx < remainders.size(); ++idx, ++assigned) {
    out[remainders[idx].second] += Cents::FromCents(1);
  }
  return out;
}

TEST(SplitTest, SplitProportionalIsTheLargestRemainderSplit) {
  std::mt19937_64 rng(11);
  for (int run = 0; run < 20000; ++run) {
    const size_t n = 1 + rng() % 20;  // also beyond the 16 remainders kept on the stack
    std::vector<Cents> weights(n);
    for (Cents& w : weights) w = Cents::FromCents(static_cast<int64_t>(rng() % (run % 3 == 0 ? 3 : 200000)));
    const Cents total = Cents::FromCents(static_cast<int64_t>(rng() % 500000) - (run % 10 == 0 ? 250000 : 0));
    ASSERT_EQ(SplitProportional(total, weights), ByDefinition(total, weights)) << "run " << run;
  }
}

TEST(SplitTest, PerHeadShareIsTheEqualWeightSplit) {
  std::mt19937_64 rng(12);
  for (int run = 0; run < 20000; ++run) {
    const int n = 1 + static_cast<int>(rng() % 12);
    const Cents total = Cents::FromCents(static_cast<int64_t>(rng() % 300000) - (run % 10 == 0 ? 150000 : 0));
    const std::vector<Cents> parts = ByDefinition(total, std::vector<Cents>(n, Cents::FromCents(1)));
    for (int idx = 0; idx < n; ++idx) ASSERT_EQ(PerHeadShare(total, n, idx), parts[idx]) << total.ToString();
  }
}

}  // namespace
}  // namespace amip::benefits
