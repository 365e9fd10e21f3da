// Tests of ValidateExtract on in-memory files: header limits (issue 10 item 5).
#include "ingest/extract_reader.h"

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "ingest/schema.h"

namespace amip::ingest {
namespace {

namespace fs = std::filesystem;

fs::path BaseDir() { return fs::path(AMIP_SOURCE_DIR) / "tests" / "malformed" / "_base"; }

std::string ReadBytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// The valid base extract in memory, with `name` replaced by `content`.
std::vector<SourceFile> BaseWith(const std::string& name, std::string content) {
  std::vector<SourceFile> files;
  for (const auto& entry : fs::directory_iterator(BaseDir())) {
    const std::string file = entry.path().filename().string();
    files.push_back({file, file == name ? content : ReadBytes(entry.path()), ""});
  }
  return files;
}

ReadResult Validate(const std::vector<SourceFile>& files) {
  auto catalogue = contract::LoadInstrumentCatalogue();
  EXPECT_TRUE(catalogue.ok());
  return ValidateExtract(files, *catalogue);
}

std::string AllDiagnostics(const ReadResult& result) {
  std::string text;
  for (const core::Diagnostic& item : result.diagnostics.items()) text += item.ToString() + "\n";
  return text;
}

// The base persons.csv with the names `extra` appended to its header (and empty fields to
// its rows).
std::string PersonsWithExtraColumns(const std::vector<std::string>& extra) {
  std::string suffix;
  for (const std::string& name : extra) suffix += "," + name;
  const std::string empty_fields(extra.size(), ',');
  std::istringstream base(ReadBytes(BaseDir() / "persons.csv"));
  std::string out, line;
  bool header = true;
  while (std::getline(base, line)) {
    out += line + (header ? suffix : empty_fields) + "\n";
    header = false;
  }
  return out;
}

constexpr size_t kBaseColumns = 7;  // columns of tests/malformed/_base/persons.csv

TEST(ExtractReaderTest, HeaderWithAMillionColumnsIsRejectedQuicklyNamingTheCount) {
  std::vector<std::string> extra;
  for (int idx = 0; idx < 1000000; ++idx) extra.push_back("c" + std::to_string(idx));
  const std::vector<SourceFile> files = BaseWith("persons.csv", PersonsWithExtraColumns(extra));
  const auto start = std::chrono::steady_clock::now();
  const ReadResult result = Validate(files);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_TRUE(result.fatal);
  const std::string text = AllDiagnostics(result);
  EXPECT_NE(text.find("Fehler: persons.csv:1: value '1000007': die Kopfzeile hat 1000007 Spalten; "
                      "erlaubt sind höchstens " +
                      std::to_string(kMaxHeaderColumns)),
            std::string::npos)
      << text.substr(0, 2000);
  // Only the limit is reported, not a million "unknown column" warnings.
  EXPECT_LT(result.diagnostics.items().size(), 5u);
  // A smoke guard only (the real check is the message): linear work, far below 1 s without
  // sanitizers; generous for ASan on a loaded machine.
  EXPECT_LT(seconds, 10.0);
}

TEST(ExtractReaderTest, HeaderAtTheColumnLimitIsAccepted) {
  std::vector<std::string> extra;
  for (size_t idx = kBaseColumns; idx < kMaxHeaderColumns; ++idx) extra.push_back("c" + std::to_string(idx));
  const ReadResult result = Validate(BaseWith("persons.csv", PersonsWithExtraColumns(extra)));
  EXPECT_FALSE(result.fatal) << AllDiagnostics(result).substr(0, 2000);
  EXPECT_FALSE(result.diagnostics.has_errors()) << AllDiagnostics(result).substr(0, 2000);
}

TEST(ExtractReaderTest, DuplicateUnknownColumnFarApartIsFound) {
  // An unknown name at the 8th and at the 5000th column, unique names in between.
  std::vector<std::string> extra = {"zusatz"};
  while (extra.size() + kBaseColumns < 4999) extra.push_back("c" + std::to_string(extra.size()));
  extra.push_back("zusatz");
  ASSERT_LT(extra.size() + kBaseColumns, kMaxHeaderColumns);
  const ReadResult result = Validate(BaseWith("persons.csv", PersonsWithExtraColumns(extra)));
  EXPECT_TRUE(result.fatal);
  const std::string text = AllDiagnostics(result);
  EXPECT_NE(text.find("Fehler: persons.csv:1: column zusatz: value 'zusatz': duplicate column in "
                      "the header"),
            std::string::npos)
      << text.substr(0, 2000);
}

TEST(ExtractReaderTest, ManyUnknownColumnsGiveASummaryWarning) {
  std::vector<std::string> extra;
  for (int idx = 0; idx < 100; ++idx) extra.push_back("c" + std::to_string(idx));
  const ReadResult result = Validate(BaseWith("persons.csv", PersonsWithExtraColumns(extra)));
  EXPECT_FALSE(result.fatal);
  const std::string text = AllDiagnostics(result);
  EXPECT_NE(text.find("Warnung: persons.csv:1: column c0: value 'c0': unknown column ignored"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("80 weitere unbekannte Spalten ignoriert"), std::string::npos) << text;
  EXPECT_LT(result.diagnostics.items().size(), 30u);
}

}  // namespace
}  // namespace amip::ingest
