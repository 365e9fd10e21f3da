#include "core/parallel.h"

#include <atomic>
#include <vector>

#include <gtest/gtest.h>

namespace amip::core {
namespace {

TEST(ParallelForTest, EveryIndexExactlyOnceForAnyThreadAndBlockCount) {
  for (size_t count : {0u, 1u, 7u, 1000u, 1001u}) {
    for (int threads : {1, 2, 3, 8}) {
      for (size_t block : {0u, 1u, 16u, 5000u}) {
        std::vector<std::atomic<int>> seen(count);
        ParallelFor(count, threads, block, [&](size_t index) { ++seen[index]; });
        for (size_t index = 0; index < count; ++index) {
          ASSERT_EQ(seen[index].load(), 1) << "count " << count << " threads " << threads << " block "
                                           << block << " index " << index;
        }
      }
    }
  }
}

TEST(ParallelForTest, ThreadCountZeroMeansAtLeastOne) {
  EXPECT_GE(ThreadCount(0), 1);
  EXPECT_EQ(ThreadCount(3), 3);
}

}  // namespace
}  // namespace amip::core
