#include "core/date.h"

#include <gtest/gtest.h>

namespace amip::core {
namespace {

TEST(DateTest, RoundTripsIsoStrings) {
  for (const char* text : {"1970-01-01", "2024-02-29", "1800-01-01", "9999-12-31", "2014-01-15"}) {
    Result<Date> date = Date::Parse(text);
    ASSERT_TRUE(date.ok()) << text;
    EXPECT_EQ(date->ToString(), text);
  }
}

TEST(DateTest, EpochAndDifferences) {
  EXPECT_EQ(Date::FromYmd(1970, 1, 1).days(), 0);
  EXPECT_EQ(Date::FromYmd(2024, 3, 1) - Date::FromYmd(2024, 2, 1), 29);
  EXPECT_EQ(Date::FromYmd(2023, 3, 1) - Date::FromYmd(2023, 2, 1), 28);
  EXPECT_EQ(Date::Min().ToString(), "1800-01-01");
  EXPECT_EQ(Date::Max().ToString(), "9999-12-31");
}

TEST(DateTest, RejectsMalformedDates) {
  EXPECT_EQ(Date::Parse("2023-02-29").status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(Date::Parse("2023-13-01").status().message(), "month out of range 01..12");
  EXPECT_FALSE(Date::Parse("2023-1-01").ok());
  EXPECT_FALSE(Date::Parse("01.02.2023").ok());
  EXPECT_FALSE(Date::Parse("").ok());
}

TEST(MonthTest, ArithmeticAndFormatting) {
  const Month jan = Month::FromYm(2025, 1);
  EXPECT_EQ((jan - 1).ToString(), "2024-12");
  EXPECT_EQ((jan + 13).ToString(), "2026-02");
  EXPECT_EQ(Month::FromYm(2024, 2).DaysInMonth(), 29);
  EXPECT_EQ(Month::FromYm(2024, 2).LastDay().ToString(), "2024-02-29");
  EXPECT_EQ(Date::FromYmd(2024, 7, 31).ToMonth(), Month::FromYm(2024, 7));
}

TEST(MonthRangeTest, ParsesRangesAndSingles) {
  Result<MonthRange> range = MonthRange::Parse("2024-01..2025-06");
  ASSERT_TRUE(range.ok());
  EXPECT_EQ(range->size(), 18);
  EXPECT_EQ(MonthRange::Parse("2024-05")->size(), 1);
  EXPECT_FALSE(MonthRange::Parse("2025-06..2024-01").ok());
}

}  // namespace
}  // namespace amip::core
