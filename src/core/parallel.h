// Runs independent pieces of work on a few threads. The result does not depend on the
// thread count: each index is done exactly once, the caller writes to its own slot.
#pragma once

#include <cstddef>
#include <functional>

namespace amip::core {

// The number of threads to use for `requested` (0 = one per core, at least 1).
int ThreadCount(int requested);

// Calls work(index) for every index in [0, count) on up to `threads` threads (the calling
// thread is one of them), handing out contiguous blocks of `block` indices. Returns when all
// are done. `work` must not throw and must only touch state of its own index.
void ParallelFor(size_t count, int threads, size_t block, const std::function<void(size_t)>& work);

}  // namespace amip::core
