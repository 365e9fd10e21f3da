#include "benefits/law_cache.h"

#include <gtest/gtest.h>

namespace amip::benefits {
namespace {

TEST(LawCacheTest, ResolvesEachDateOnceAndKeepsTheSnapshot) {
  auto store = law::EmbeddedStore();
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  LawCache cache(**store);
  const core::Date date = core::Date::FromYmd(2024, 1, 1);
  auto first = cache.For(date);
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  auto again = cache.For(date);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(*first, *again);  // the same snapshot, not resolved again
  ASSERT_TRUE(cache.For(core::Date::FromYmd(2014, 1, 1)).ok());
  EXPECT_EQ(cache.size(), 2u);
  auto direct = law::ResolveLaw(**store, date);
  ASSERT_TRUE(direct.ok());
  EXPECT_EQ((*first)->sgb2.regelbedarfsstufe[1], direct->sgb2.regelbedarfsstufe[1]);
  EXPECT_EQ((*first)->date, date);
}

TEST(LawCacheTest, ADateOutsideTheCoverageIsTheSameErrorEachTime) {
  auto store = law::EmbeddedStore();
  ASSERT_TRUE(store.ok());
  LawCache cache(**store);
  const core::Date date = core::Date::FromYmd(2013, 12, 1);
  auto direct = law::ResolveLaw(**store, date);
  ASSERT_FALSE(direct.ok());
  for (int run = 0; run < 2; ++run) {
    auto cached = cache.For(date);
    ASSERT_FALSE(cached.ok());
    EXPECT_EQ(cached.status().code(), direct.status().code());
    EXPECT_EQ(cached.status().message(), direct.status().message());
  }
}

}  // namespace
}  // namespace amip::benefits
