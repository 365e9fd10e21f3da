// Rng: the generator's own seedable pseudo-random source (xoshiro256** seeded through
// splitmix64, after Blackman & Vigna's published description) with hand-written transforms.
// std:: distributions are avoided on purpose: their output differs between standard
// libraries, and a seed must give byte-identical extracts everywhere. Thread-compatible.
#pragma once

#include <cstdint>

namespace amip::synth {

class Rng {
 public:
  explicit Rng(uint64_t seed);
  // A statistically independent stream for `stream` (e.g. one per Jobcenter).
  Rng Fork(uint64_t stream) const;

  uint64_t Next();
  // Uniform in [0, 1) with 53 random bits.
  double Uniform() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }
  // Uniform integer in [0, n); REQUIRES: n > 0. multiply-shift on 32 bits (bias < n / 2^32).
  uint64_t Below(uint64_t n);
  // Uniform integer in [lo, hi] inclusive.
  int64_t Between(int64_t lo, int64_t hi) {
    return lo + static_cast<int64_t>(Below(static_cast<uint64_t>(hi - lo + 1)));
  }
  bool Bernoulli(double p) { return Uniform() < p; }
  // Standard normal (Box–Muller, one value per call).
  double Normal();
  // Poisson count with mean `mean` (inversion for small means, normal approximation above 60).
  int64_t Poisson(double mean);
  // Index drawn from non-negative weights; REQUIRES: weights sum > 0.
  int Choose(const double* weights, int count);

 private:
  Rng() = default;
  uint64_t state_[4] = {0, 0, 0, 0};
};

}  // namespace amip::synth
