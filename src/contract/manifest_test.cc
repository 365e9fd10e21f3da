// Tests of the manifest layout and writer: the text form, the files a written extract lists
// and that the writer's rows and digests are those of the bytes on disk.
#include "contract/manifest.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "contract/extract_writer.h"
#include "fileio/sha256.h"

namespace amip::contract {
namespace {

namespace fs = std::filesystem;

std::string Slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

fs::path FreshDir(const std::string& name) {
  const fs::path dir = fs::path(testing::TempDir()) /
                       ("amip_manifest_" + std::to_string(::getpid())) / name;
  fs::remove_all(dir);
  return dir;
}

ManifestInfo Info() {
  return {core::Date::FromYmd(2023, 1, 1), core::Date::FromYmd(2024, 6, 30), "Test, \"A\""};
}

TEST(ManifestTest, FormatWritesPeriodProducerAndOneRowPerFile) {
  Manifest manifest{core::Date::FromYmd(2023, 1, 1), core::Date::FromYmd(2024, 6, 30),
                    "amip generate --profile p --seed 1",
                    {{"claims.csv", 5, std::string(64, 'a')}}};
  EXPECT_EQ(FormatManifest(manifest),
            "kind,value,rows,sha256\n"
            "period_from,2023-01-01,,\n"
            "period_to,2024-06-30,,\n"
            "producer,amip generate --profile p --seed 1,,\n"
            "file,claims.csv," "5," + std::string(64, 'a') + "\n");
  manifest.producer = "Test, \"A\"";
  EXPECT_NE(FormatManifest(manifest).find("producer,\"Test, \"\"A\"\"\",,\n"), std::string::npos);
}

TEST(ManifestTest, WriterListsEveryWrittenFileWithItsRowsAndDigest) {
  Extract extract;
  extract.jobcenters.push_back({"JC1", "Jobcenter Nord", JcKind::kZkt});
  extract.stichtage.push_back({core::Month::FromYm(2024, 1), core::Date::FromYmd(2024, 1, 12)});
  const fs::path dir = FreshDir("writer");
  ASSERT_TRUE(WriteExtractCsv(extract, dir.string(), {.manifest = Info()}).ok());
  const std::string text = Slurp(dir / kManifestFile);
  // 8 required files plus stichtage.csv; bg_housing.csv is not written, so not listed.
  EXPECT_EQ(WrittenFiles(extract).size(), 9u);
  EXPECT_EQ(text.find("bg_housing.csv"), std::string::npos);
  for (const ManifestFile& file : WrittenFiles(extract)) {
    const std::string row = "file," + file.name + "," + std::to_string(file.rows) + "," +
                            fileio::Sha256Hex(Slurp(dir / file.name)) + "\n";
    EXPECT_NE(text.find(row), std::string::npos) << row << "in:\n" << text;
  }
  EXPECT_NE(text.find("file,jobcenters.csv,1,"), std::string::npos);
  EXPECT_NE(text.find("file,persons.csv,0,"), std::string::npos);
}

TEST(ManifestTest, WritingWithoutManifestRemovesAStaleOne) {
  Extract extract;
  extract.jobcenters.push_back({"JC1", "Jobcenter Nord", JcKind::kZkt});
  const fs::path dir = FreshDir("stale");
  ASSERT_TRUE(WriteExtractCsv(extract, dir.string(), {.manifest = Info()}).ok());
  ASSERT_TRUE(fs::exists(dir / kManifestFile));
  ASSERT_TRUE(WriteExtractCsv(extract, dir.string()).ok());
  EXPECT_FALSE(fs::exists(dir / kManifestFile));
}

}  // namespace
}  // namespace amip::contract
