// Runs every household case under tests/law/<programme>/<YYYY-MM-DD>/<case>.yaml as one
// GoogleTest (DuckDB sqllogictest style): adding a case never touches C++. Each case
// either lists expected outputs (compared within its tolerance) or an expected error
// message substring.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "benefits/evaluate.h"
#include "benefits/household.h"
#include "law/law_snapshot.h"
#include "law/local_rules.h"

namespace amip::benefits {
namespace {

namespace fs = std::filesystem;

fs::path CasesRoot() {
  const char* env = std::getenv("AMIP_SOURCE_DIR");
  return fs::path(env != nullptr ? env : AMIP_SOURCE_DIR) / "tests" / "law";
}

class CaseTest : public testing::Test {
 public:
  explicit CaseTest(fs::path path) : path_(std::move(path)) {}
  void TestBody() override {
    std::ifstream in(path_);
    std::stringstream text;
    text << in.rdbuf();
    auto parsed = ParseHouseholdCase(text.str(), path_.string());
    std::string error;
    core::Result<Evaluation> evaluation = core::InternalError("not run");
    const HouseholdCase* hcase = parsed.ok() ? &*parsed : nullptr;
    if (!parsed.ok()) {
      error = parsed.status().message();
    } else {
      EXPECT_EQ(path_.parent_path().filename().string(), hcase->household.datum.ToString())
          << "folder name must be the case's period";
      auto store = law::EmbeddedStore();
      ASSERT_TRUE(store.ok()) << store.status().ToString();
      auto local = law::EmbeddedLocalRules();
      ASSERT_TRUE(local.ok()) << local.status().ToString();
      auto law = law::ResolveLaw(**store, hcase->household.datum);
      if (!law.ok()) {
        error = law.status().message();
      } else {
        evaluation = Evaluate(hcase->household, *law, *local, {}, nullptr);
        if (!evaluation.ok()) error = evaluation.status().message();
      }
    }
    std::string expect_error = hcase != nullptr ? hcase->expect_error : "";
    if (hcase == nullptr) {
      // The parser rejected the file; its expected message is read from the raw text.
      const std::string raw = text.str();
      const std::string marker = "expect_error: \"";
      const size_t pos = raw.find(marker);
      ASSERT_NE(pos, std::string::npos) << "case file rejected: " << error;
      const size_t start = pos + marker.size();
      expect_error = raw.substr(start, raw.find('"', start) - start);
    }
    if (!expect_error.empty()) {
      EXPECT_NE(error.find(expect_error), std::string::npos)
          << "expected error containing '" << expect_error << "', got '" << error << "'";
      return;
    }
    ASSERT_TRUE(error.empty()) << error;
    ASSERT_FALSE(hcase->expected.empty() && hcase->expected_text.empty()) << "case has no outputs";
    const FlatOutputs outputs = Flatten(*evaluation);
    {  // The result does not depend on whether a trace is kept (the trace is built from it).
      auto law = law::ResolveLaw(**law::EmbeddedStore(), hcase->household.datum);
      Trace trace(&*law);
      auto traced = Evaluate(hcase->household, *law, *law::EmbeddedLocalRules(), {}, &trace);
      ASSERT_TRUE(traced.ok()) << traced.status().ToString();
      const FlatOutputs with_trace = Flatten(*traced);
      EXPECT_EQ(with_trace.amounts, outputs.amounts);
      EXPECT_EQ(with_trace.texts, outputs.texts);
      EXPECT_FALSE(trace.steps().empty());
    }
    for (const auto& [key, expected] : hcase->expected) {
      auto it = outputs.amounts.find(key);
      ASSERT_NE(it, outputs.amounts.end()) << "unknown output key '" << key << "'";
      EXPECT_LE(std::fabs(it->second.euros() - expected.euros()), hcase->tolerance + 1e-9)
          << key << ": expected " << expected.ToString() << ", computed " << it->second.ToString();
    }
    for (const auto& [key, expected] : hcase->expected_text) {
      auto it = outputs.texts.find(key);
      ASSERT_NE(it, outputs.texts.end()) << "unknown text output key '" << key << "'";
      EXPECT_EQ(it->second, expected) << key;
    }
  }

 private:
  fs::path path_;
};

// Files named *_bad_*.yaml with an unknown key are expected to be rejected by the parser;
// the runner checks the specific message below.
TEST(CaseParserTest, UnknownKeyIsRejectedWithItsName) {
  auto parsed = ParseHouseholdCase(
      "name: x\nperiod: 2024-01-01\ninputs:\n  wohnung: {bruttokaltmiete_m: 400}\n"
      "  personen:\n    - {id: p1, alter: 30, haarfarbe: rot}\n",
      "t.yaml");
  ASSERT_FALSE(parsed.ok());
  EXPECT_NE(parsed.status().message().find("t.yaml:6:"), std::string::npos) << parsed.status().message();
  EXPECT_NE(parsed.status().message().find("unbekannter Schlüssel 'haarfarbe' in person"), std::string::npos);
}

TEST(CaseParserTest, NegativeRentIsRejected) {
  auto parsed = ParseHouseholdCase(
      "name: x\nperiod: 2024-01-01\ninputs:\n  wohnung: {bruttokaltmiete_m: -400}\n"
      "  personen:\n    - {id: p1, alter: 30}\n",
      "t.yaml");
  ASSERT_FALSE(parsed.ok());
  EXPECT_NE(parsed.status().message().find("bruttokaltmiete_m darf nicht negativ sein (-400)"),
            std::string::npos)
      << parsed.status().message();
}

int RegisterCases() {
  const fs::path root = CasesRoot();
  if (!fs::is_directory(root)) return 0;
  std::vector<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (entry.path().extension() == ".yaml") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  for (const fs::path& file : files) {
    const std::string rel = fs::relative(file, root).string();
    std::string name = rel;
    for (char& c : name) {
      if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
    }
    testing::RegisterTest("LawCase", name.c_str(), nullptr, rel.c_str(), __FILE__, __LINE__,
                          [file]() -> testing::Test* { return new CaseTest(file); });
  }
  return static_cast<int>(files.size());
}

const int kRegistered = RegisterCases();

}  // namespace
}  // namespace amip::benefits
