// Tests of the manifest reader and the whole-file checks: round trip with the writer's text,
// strict refusals naming line and value, record counting as the importer reads, and the hints
// without a manifest.
#include "ingest/manifest_check.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "fileio/sha256.h"

namespace amip::ingest {
namespace {

namespace fs = std::filesystem;

const std::string kHash = std::string(64, 'b');

std::string ManifestText(const std::string& file_rows) {
  return "kind,value,rows,sha256\nperiod_from,2023-01-01,,\nperiod_to,2024-06-30,,\n"
         "producer,Test,,\n" +
         file_rows;
}

TEST(ParseManifestTest, ReadsWhatTheWriterWrites) {
  contract::Manifest written{core::Date::FromYmd(2023, 1, 1), core::Date::FromYmd(2024, 6, 30),
                             "Test, \"A\"",
                             {{"claims.csv", 5, kHash}, {"persons.csv", 0, kHash}}};
  auto read = ParseManifest(contract::FormatManifest(written));
  ASSERT_TRUE(read.ok()) << read.status().ToString();
  EXPECT_EQ(read->period_from, written.period_from);
  EXPECT_EQ(read->period_to, written.period_to);
  EXPECT_EQ(read->producer, written.producer);
  ASSERT_EQ(read->files.size(), 2u);
  EXPECT_EQ(read->files[0].name, "claims.csv");
  EXPECT_EQ(read->files[0].rows, 5);
  EXPECT_EQ(read->files[1].sha256, kHash);
}

TEST(ParseManifestTest, RefusesWithLineAndValue) {
  const std::pair<std::string, std::string> cases[] = {
      {"kind,value,rows\n", "Kopfzeile 'kind,value,rows', erwartet 'kind,value,rows,sha256'"},
      {ManifestText("file,claims.csv,5," + kHash + "\nfile,claims.csv,5," + kHash + "\n"),
       "Zeile 6: Datei 'claims.csv' doppelt aufgeführt"},
      {ManifestText("file,claims.csv,-5," + kHash + "\n"),
       "Zeile 5: Spalte rows: Wert '-5' ist keine Zeilenzahl"},
      {ManifestText("file,claims.csv,5,ABC\n"), "Zeile 5: Spalte sha256: Wert 'ABC' ist kein SHA-256"},
      {ManifestText("size,claims.csv,5,\n"), "Zeile 5: unbekannte Art 'size'"},
      {ManifestText("period_to,2024-07-01,,\n"), "Zeile 5: 'period_to' doppelt angegeben"},
      {"kind,value,rows,sha256\nperiod_from,2023-01-01,,\nfile,claims.csv,5," + kHash + "\n",
       "'period_to' fehlt"},
      {ManifestText(""), "keine Datei aufgeführt"},
      {"kind,value,rows,sha256\nperiod_from,2023-13-01,,\n",
       "Zeile 2: period_from: Wert '2023-13-01' ist kein Datum"},
  };
  for (const auto& [text, message] : cases) {
    auto read = ParseManifest(text);
    ASSERT_FALSE(read.ok()) << text;
    EXPECT_EQ(read.status().code(), core::StatusCode::kInvalidArgument);
    EXPECT_NE(read.status().message().find(message), std::string::npos)
        << read.status().message();
  }
}

TEST(CountDataRecordsTest, CountsRecordsNotLines) {
  EXPECT_EQ(CountDataRecords(""), 0);
  EXPECT_EQ(CountDataRecords("a,b\n"), 0);
  EXPECT_EQ(CountDataRecords("a,b\n1,2\n3,4"), 2);  // last line without line end
  EXPECT_EQ(CountDataRecords("a,b\n1,\"x\ny\"\n3,4\r\n"), 2);  // quoted line break
}

TEST(CheckExtractFilesTest, WithoutManifestHintsAtCutFileAndSemicolons) {
  const fs::path dir =
      fs::path(testing::TempDir()) / ("amip_manifest_check_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::ofstream(dir / "claims.csv") << "person_id,from,to,llu,luh\nP1,2024-01,2024-01,1.00,0";
  std::ofstream(dir / "persons.csv") << "person_id;sex\nP1;f\n";
  std::ofstream(dir / "notes.csv") << "no final line end";
  const FileCheck check = CheckExtractFiles({{"claims.csv", (dir / "claims.csv").string()},
                                             {"notes.csv", (dir / "notes.csv").string()},
                                             {"persons.csv", (dir / "persons.csv").string()}},
                                            "");
  ASSERT_EQ(check.findings.size(), 2u);  // notes.csv is not a contract file: not checked
  EXPECT_EQ(check.findings[0].ToString().rfind("Warnung: claims.csv:2: die letzte Zeile endet", 0),
            0u);
  EXPECT_EQ(check.findings[1].ToString().rfind(
                "Fehler: persons.csv:1: die Kopfzeile ist eine einzige Spalte mit ';'", 0),
            0u);
  EXPECT_TRUE(check.rejected());
  EXPECT_FALSE(check.manifest.has_value());
}

TEST(CheckExtractFilesTest, AnInvalidManifestRejectsTheExtract) {
  const fs::path dir =
      fs::path(testing::TempDir()) / ("amip_manifest_bad_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::ofstream(dir / "manifest.csv") << "kind,value\n";
  const FileCheck check = CheckExtractFiles({}, (dir / "manifest.csv").string());
  ASSERT_EQ(check.findings.size(), 1u);
  EXPECT_EQ(check.findings[0].file, "manifest.csv");
  EXPECT_TRUE(check.rejected());
}

}  // namespace
}  // namespace amip::ingest
