#include "core/status.h"

#include <gtest/gtest.h>

#include "core/ids.h"

namespace amip::core {
namespace {

Result<int> Half(int value) {
  if (value % 2 != 0) return InvalidArgumentError("odd value " + std::to_string(value));
  return value / 2;
}

Result<int> Quarter(int value) {
  AMIP_ASSIGN_OR_RETURN(int half, Half(value));
  AMIP_ASSIGN_OR_RETURN(int quarter, Half(half));
  return quarter;
}

TEST(StatusTest, PropagatesThroughMacros) {
  EXPECT_EQ(*Quarter(8), 2);
  Result<int> bad = Quarter(6);
  EXPECT_EQ(bad.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(bad.status().ToString(), "INVALID_ARGUMENT: odd value 3");
  EXPECT_EQ(bad.status().WithContext("x.csv:3").message(), "x.csv:3: odd value 3");
}

TEST(IdsTest, AcceptsOnlyContractIds) {
  EXPECT_TRUE(IsValidId("P-000123_a.b"));
  EXPECT_FALSE(IsValidId(""));
  EXPECT_FALSE(IsValidId("a b"));
  EXPECT_FALSE(IsValidId(std::string(65, 'a')));
  EXPECT_FALSE(IsValidId("ä"));
}

}  // namespace
}  // namespace amip::core
