// Malformed-extract suite (DuckDB sqllogictest style): every folder tests/malformed/<case>/
// holds the CSV files that differ from the valid base extract tests/malformed/_base/ (a file
// `<name>.delete` removes <name>) and expected.txt. A case's manifest.csv may write `{rows}`
// and `{sha256}` in a `file` row for the values of that file in _base (what its producer
// wrote), so a case states only what it gets wrong and survives edits of _base. Each line of expected.txt is
//   ok                      the import must succeed (no errors)
//   fatal                   the import fails even with --quarantine (file-level error)
//   quarantine: FILE:LINE   with --quarantine this row is in the quarantine file
//   anything else           a substring of the diagnostics ("Fehler: persons.csv:3: column ...")
// For a failing case the runner checks that a database holding an earlier import is
// byte-for-byte unchanged, and with --quarantine that every rejected row is quarantined under
// the file and line its diagnostics name.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "contract/manifest.h"
#include "fileio/sha256.h"
#include "ingest/import.h"
#include "ingest/manifest_check.h"
#include "storage/extract_store.h"

namespace amip {
namespace {

namespace fs = std::filesystem;

fs::path SuiteDir() { return fs::path(AMIP_SOURCE_DIR) / "tests" / "malformed"; }

std::string ReadBytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::vector<std::string> CaseNames() {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(SuiteDir())) {
    const std::string name = entry.path().filename().string();
    if (entry.is_directory() && name[0] != '_') names.push_back(name);
  }
  std::sort(names.begin(), names.end());
  return names;
}

struct Expectation {
  bool ok = false;
  bool fatal = false;
  std::vector<std::string> substrings;
  std::vector<std::string> quarantined;  // "file,line," prefixes
};

Expectation ReadExpectation(const fs::path& file) {
  Expectation expectation;
  std::ifstream in(file);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    if (line == "ok") {
      expectation.ok = true;
    } else if (line == "fatal") {
      expectation.fatal = true;
    } else if (line.rfind("quarantine: ", 0) == 0) {
      std::string where = line.substr(12);
      where[where.rfind(':')] = ',';
      expectation.quarantined.push_back(where + ",");
    } else {
      expectation.substrings.push_back(line);
    }
  }
  return expectation;
}

// A case's manifest.csv with `{rows}` and `{sha256}` of each `file` row's _base file filled in.
std::string FillManifest(const std::string& text) {
  std::istringstream lines(text);
  std::string out;
  std::string line;
  while (std::getline(lines, line)) {
    const std::string prefix = std::string(contract::kKindFile) + ",";
    if (line.rfind(prefix, 0) == 0) {
      const std::string name = line.substr(prefix.size(), line.find(',', prefix.size()) -
                                                              prefix.size());
      const std::string base = ReadBytes(SuiteDir() / "_base" / name);
      for (const auto& [key, value] :
           {std::pair<std::string, std::string>{"{rows}", std::to_string(
                                                                ingest::CountDataRecords(base))},
            std::pair<std::string, std::string>{"{sha256}", fileio::Sha256Hex(base)}}) {
        const size_t at = line.find(key);
        if (at != std::string::npos) line.replace(at, key.size(), value);
      }
    }
    out += line + "\n";
  }
  return out;
}

// Base extract with the case's files laid over it.
fs::path BuildExtract(const std::string& name, const fs::path& work) {
  const fs::path dir = work / "extract";
  fs::create_directories(dir);
  for (const auto& entry : fs::directory_iterator(SuiteDir() / "_base")) {
    fs::copy_file(entry.path(), dir / entry.path().filename(),
                  fs::copy_options::overwrite_existing);
  }
  for (const auto& entry : fs::directory_iterator(SuiteDir() / name)) {
    const std::string file = entry.path().filename().string();
    if (file == "expected.txt") continue;
    if (entry.path().extension() == ".delete") {
      fs::remove(dir / entry.path().stem());
      continue;
    }
    if (file == contract::kManifestFile) {
      std::ofstream(dir / file, std::ios::binary) << FillManifest(ReadBytes(entry.path()));
      continue;
    }
    fs::copy_file(entry.path(), dir / file, fs::copy_options::overwrite_existing);
  }
  return dir;
}

std::string AllDiagnostics(const ingest::ImportReport& report) {
  std::string text;
  for (const core::Diagnostic& item : report.diagnostics.items()) text += item.ToString() + "\n";
  return text;
}

// Records of the quarantine file. Its `record` field holds rejected bytes unchanged (maybe
// invalid UTF-8), so only quoting is honoured here, not the strict reader's checks.
int64_t CountRecords(const std::string& text) {
  int64_t records = 0;
  bool quoted = false;
  for (const char c : text) {
    if (c == '"') quoted = !quoted;
    if (c == '\n' && !quoted) ++records;
  }
  return records - 1;  // header
}

class MalformedExtractTest : public testing::TestWithParam<std::string> {};

TEST_P(MalformedExtractTest, GivesItsMessageAndLeavesTheDatabaseUnchanged) {
  const std::string name = GetParam();
  const Expectation expected = ReadExpectation(SuiteDir() / name / "expected.txt");
  ASSERT_TRUE(expected.ok || !expected.substrings.empty()) << "expected.txt says nothing";
  const fs::path work =
      fs::path(testing::TempDir()) / ("amip_import_suite_" + std::to_string(::getpid())) / name;
  fs::remove_all(work);
  fs::create_directories(work);
  const fs::path extract = BuildExtract(name, work);
  const std::string db = (work / "amip.sqlite").string();

  auto base = ingest::ImportDirectory((SuiteDir() / "_base").string(), db, {});
  ASSERT_TRUE(base.ok()) << base.status().ToString();
  ASSERT_TRUE(base->accepted) << AllDiagnostics(*base);
  const std::string before = ReadBytes(db);

  auto report = ingest::ImportDirectory(extract.string(), db, {});
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  const std::string diagnostics = AllDiagnostics(*report);
  for (const std::string& substring : expected.substrings) {
    EXPECT_NE(diagnostics.find(substring), std::string::npos)
        << "missing: " << substring << "\nin:\n"
        << diagnostics;
  }
  if (expected.ok) {
    EXPECT_TRUE(report->accepted) << diagnostics;
    EXPECT_FALSE(report->diagnostics.has_errors()) << diagnostics;
    EXPECT_TRUE(storage::LoadExtract(db).ok());
    return;
  }
  EXPECT_FALSE(report->accepted);
  EXPECT_FALSE(report->written);
  EXPECT_EQ(ReadBytes(db), before) << "database changed by a rejected import";
  EXPECT_FALSE(fs::exists(db + "-journal"));

  const std::string quarantine_db = (work / "quarantine.sqlite").string();
  fs::copy_file(db, quarantine_db);
  ingest::ImportOptions options;
  options.quarantine_path = (work / "rejected.csv").string();
  auto quarantined = ingest::ImportDirectory(extract.string(), quarantine_db, options);
  ASSERT_TRUE(quarantined.ok()) << quarantined.status().ToString();
  if (expected.fatal) {
    EXPECT_FALSE(quarantined->accepted);
    EXPECT_EQ(ReadBytes(quarantine_db), before);
    return;
  }
  EXPECT_TRUE(quarantined->accepted) << AllDiagnostics(*quarantined);
  EXPECT_GT(quarantined->rejected_rows, 0);
  const std::string rejected = ReadBytes(options.quarantine_path);
  EXPECT_EQ(CountRecords(rejected), quarantined->rejected_rows) << rejected;
  // stderr and the quarantine file agree on lines: every row error names a quarantined record
  // by the same file and line (also for records with embedded line breaks).
  for (const core::Diagnostic& item : quarantined->diagnostics.items()) {
    if (item.severity != core::Severity::kError || item.line <= 0) continue;
    EXPECT_NE(rejected.find("\n" + item.file + "," + std::to_string(item.line) + ","),
              std::string::npos)
        << "diagnostic names no quarantined record: " << item.ToString() << "\nin:\n"
        << rejected;
  }
  for (const std::string& prefix : expected.quarantined) {
    EXPECT_NE(rejected.find("\n" + prefix), std::string::npos)
        << "not quarantined: " << prefix << "\nin:\n"
        << rejected;
  }
  EXPECT_TRUE(storage::LoadExtract(quarantine_db).ok());
}

INSTANTIATE_TEST_SUITE_P(Cases, MalformedExtractTest, testing::ValuesIn(CaseNames()),
                         [](const testing::TestParamInfo<std::string>& case_info) {
                           return case_info.param;
                         });

TEST(MalformedSuiteTest, HasAtLeast25FailingCases) {
  int failing = 0;
  for (const std::string& name : CaseNames()) {
    if (!ReadExpectation(SuiteDir() / name / "expected.txt").ok) ++failing;
  }
  EXPECT_GE(failing, 25);
}

}  // namespace
}  // namespace amip
