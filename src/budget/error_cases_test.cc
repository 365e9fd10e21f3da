// Runs every plan file under tests/budget/errors/: each must be rejected with the message
// named in its first line ("# expect: <substring>"), so adding a case needs no C++.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "budget/plan.h"
#include "budget/test_util.h"

namespace amip::budget {
namespace {

TEST(ErrorCasesTest, EveryBadPlanGetsItsSpecificError) {
  const std::filesystem::path dir = std::filesystem::path(AMIP_SOURCE_DIR) / "tests/budget/errors";
  int cases = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".yaml") continue;
    std::ifstream in(entry.path());
    std::stringstream text;
    text << in.rdbuf();
    const std::string content = text.str();
    const std::string marker = "# expect: ";
    ASSERT_EQ(content.rfind(marker, 0), 0u) << entry.path() << " lacks '# expect: '";
    const std::string expected = content.substr(marker.size(), content.find('\n') - marker.size());
    core::Result<Plan> plan = ParsePlan(content, entry.path().filename().string(), testing::Catalogue());
    ASSERT_FALSE(plan.ok()) << entry.path();
    EXPECT_EQ(plan.status().code(), core::StatusCode::kInvalidArgument) << entry.path();
    EXPECT_NE(plan.status().message().find(expected), std::string::npos)
        << entry.path() << "\n  expected: " << expected << "\n  got:      " << plan.status().message();
    ++cases;
  }
  EXPECT_GE(cases, 7);
}

}  // namespace
}  // namespace amip::budget
