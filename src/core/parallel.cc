#include "core/parallel.h"

#include <algorithm>
#include <atomic>
#include <thread>
#include <vector>

namespace amip::core {

int ThreadCount(int requested) {
  if (requested > 0) return requested;
  const unsigned cores = std::thread::hardware_concurrency();
  return cores == 0 ? 1 : static_cast<int>(cores);
}

void ParallelFor(size_t count, int threads, size_t block, const std::function<void(size_t)>& work) {
  block = std::max<size_t>(1, block);
  const size_t blocks = (count + block - 1) / block;
  const size_t workers = std::min<size_t>(static_cast<size_t>(std::max(1, threads)), blocks);
  std::atomic<size_t> next{0};
  const auto run = [&] {
    for (size_t at = next++; at < blocks; at = next++) {
      const size_t end = std::min(count, (at + 1) * block);
      for (size_t index = at * block; index < end; ++index) work(index);
    }
  };
  std::vector<std::thread> pool;
  for (size_t idx = 1; idx < workers; ++idx) pool.emplace_back(run);
  run();
  for (std::thread& thread : pool) thread.join();
}

}  // namespace amip::core
