#include "synth/random.h"

#include <cmath>

namespace amip::synth {
namespace {

uint64_t SplitMix64(uint64_t& x) {
  uint64_t z = (x += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

uint64_t Rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

}  // namespace

Rng::Rng(uint64_t seed) {
  uint64_t x = seed;
  for (uint64_t& word : state_) word = SplitMix64(x);
}

Rng Rng::Fork(uint64_t stream) const {
  uint64_t x = state_[0] ^ Rotl(state_[2], 17) ^ (stream * 0xd1342543de82ef95ULL);
  Rng child;
  for (uint64_t& word : child.state_) word = SplitMix64(x);
  return child;
}

uint64_t Rng::Next() {
  const uint64_t result = Rotl(state_[1] * 5, 7) * 9;
  const uint64_t t = state_[1] << 17;
  state_[2] ^= state_[0];
  state_[3] ^= state_[1];
  state_[1] ^= state_[2];
  state_[0] ^= state_[3];
  state_[2] ^= t;
  state_[3] = Rotl(state_[3], 45);
  return result;
}

uint64_t Rng::Below(uint64_t n) {
  // 32 random bits times n, keep the high part: exact for n < 2^32, else a 64-bit fallback.
  if (n <= 0xffffffffULL) return ((Next() >> 32) * n) >> 32;
  return Next() % n;
}

double Rng::Normal() {
  double u1 = Uniform();
  if (u1 < 1e-300) u1 = 1e-300;
  const double u2 = Uniform();
  return std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2);
}

int64_t Rng::Poisson(double mean) {
  if (mean <= 0) return 0;
  if (mean > 60) {
    const double value = std::floor(mean + std::sqrt(mean) * Normal() + 0.5);
    return value < 0 ? 0 : static_cast<int64_t>(value);
  }
  const double limit = std::exp(-mean);
  double product = Uniform();
  int64_t count = 0;
  while (product > limit) {
    product *= Uniform();
    ++count;
  }
  return count;
}

int Rng::Choose(const double* weights, int count) {
  double total = 0;
  for (int idx = 0; idx < count; ++idx) total += weights[idx];
  double pick = Uniform() * total;
  for (int idx = 0; idx < count; ++idx) {
    if (pick < weights[idx]) return idx;
    pick -= weights[idx];
  }
  return count - 1;
}

}  // namespace amip::synth
