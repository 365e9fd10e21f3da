#include "core/money.h"

#include <gtest/gtest.h>

namespace amip::core {
namespace {

TEST(CentsTest, ParsesEuroAmounts) {
  EXPECT_EQ(Cents::Parse("1316.50")->value(), 131650);
  EXPECT_EQ(Cents::Parse("0.5")->value(), 50);
  EXPECT_EQ(Cents::Parse("7")->value(), 700);
  EXPECT_EQ(Cents::Parse("-3.05")->value(), -305);
}

TEST(CentsTest, RejectsBadAmounts) {
  EXPECT_EQ(Cents::Parse("1.505").status().message(), "more than 2 decimals");
  EXPECT_EQ(Cents::Parse("1,50").status().message(), "decimal comma; use '.' as decimal point");
  EXPECT_FALSE(Cents::Parse("").ok());
  EXPECT_FALSE(Cents::Parse("1.").ok());
  EXPECT_FALSE(Cents::Parse("+1").ok());
  EXPECT_FALSE(Cents::Parse("1e3").ok());
}

TEST(CentsTest, FormatsExactly) {
  EXPECT_EQ(Cents::FromCents(131650).ToString(), "1316.50");
  EXPECT_EQ(Cents::FromCents(-305).ToString(), "-3.05");
  EXPECT_EQ(Cents::FromCents(123456789).ToGermanString(), "1.234.567,89 €");
}

}  // namespace
}  // namespace amip::core
