#include "indicators/lzb.h"

#include <gtest/gtest.h>

namespace amip::indicators {
namespace {

TEST(ElbIntervalsTest, DayPreciseRuleCountsOverlapsOnceAndOpenSpellsUpToTheDay) {
  const LzbDefinition lzb;  // 638 of 730 days, as law/indicators/langzeitleistungsbezug.yaml
  ElbIntervals elb;
  elb.Add(1000, 1400);
  elb.Add(1300, 1500);  // overlaps: days 1300..1400 count once
  EXPECT_EQ(elb.DaysUpTo(1500), 501);
  elb.Add(1600, ElbIntervals::kOpenEnd);
  // Window (day − 730, day]: at day 1736 it is 1007..1736 → 494 + 137 = 631 days.
  EXPECT_EQ(elb.DaysInWindow(1736, lzb), 631);
  EXPECT_FALSE(elb.IsLzb(1736, lzb));
  // A week later the window loses 7 old days and gains 7 new ones: still 631 (the gap
  // 1501..1599 keeps the person below 638).
  EXPECT_EQ(elb.DaysInWindow(1743, lzb), 631);
  // Far later only the open spell counts: the whole window.
  EXPECT_EQ(elb.DaysInWindow(5000, lzb), 730);
  EXPECT_TRUE(elb.IsLzb(5000, lzb));
  elb.Clear();
  EXPECT_EQ(elb.DaysUpTo(5000), 0);
}

TEST(ElbIntervalsTest, ThresholdIsReachedOnTheDayOfTheSixHundredThirtyEighthDay) {
  const LzbDefinition lzb;
  ElbIntervals elb;
  elb.Add(0, ElbIntervals::kOpenEnd);
  EXPECT_FALSE(elb.IsLzb(lzb.min_days - 2, lzb));  // days 0..636 = 637 days
  EXPECT_TRUE(elb.IsLzb(lzb.min_days - 1, lzb));   // 638 days
}

}  // namespace
}  // namespace amip::indicators
