#include "contract/extract_writer.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace amip::contract {
namespace {

namespace fs = std::filesystem;

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

Extract TinyExtract() {
  Extract extract;
  extract.jobcenters.push_back({"JC1", "Jobcenter \"Nord\", Kreis A", JcKind::kZkt});
  extract.municipalities.push_back({"05978024", "Lünen", 0, 86000});
  Person person;
  person.person_id = "P1";
  person.sex = Sex::kF;
  person.birth_date = core::Date::FromYmd(1990, 2, 28);
  person.vocational_qualification = Qualification::kNone;
  extract.persons.push_back(person);
  extract.bg_ids.push_back("B1");
  extract.benefit_spells.push_back({0, 0, 0, 0, BgRole::kHead, BenefitStatus::kElb, true,
                                    core::Date::FromYmd(2024, 1, 15), std::nullopt});
  extract.claims.push_back({0, core::Month::FromYm(2024, 1), core::Month::FromYm(2024, 12),
                            core::Cents::FromCents(131650), core::Cents::FromCents(5)});
  EmploymentSpell job;
  job.person = 0;
  job.kind = EmploymentKind::kMinijob;
  job.start = core::Date::FromYmd(2024, 3, 1);
  job.end = core::Date::FromYmd(2024, 6, 30);
  job.hours_week = 7.5;
  job.gross_month = core::Cents::FromEuros(538);
  extract.employment_spells.push_back(job);
  extract.measure_spells.push_back({0, "mat", core::Date::FromYmd(2024, 2, 1),
                                    core::Date::FromYmd(2024, 4, 30),
                                    core::Cents::FromCents(195000), Funding::kEgt});
  extract.unemployment_spells.push_back({0, core::Date::FromYmd(2024, 1, 15), std::nullopt});
  extract.bg_housing.push_back({0, core::Month::FromYm(2024, 1), core::Month::FromYm(2024, 12),
                                core::Cents::FromCents(41000), core::Cents::FromCents(9020), 45.5});
  return extract;
}

TEST(ExtractWriterTest, WritesContractFilesWithExactFormatting) {
  const fs::path dir =
      fs::temp_directory_path() / ("amip_extract_writer_test_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  ASSERT_TRUE(WriteExtractCsv(TinyExtract(), dir.string()).ok());
  const std::pair<const char*, const char*> expected[] = {
      {"jobcenters.csv", "jc_id,name,kind\nJC1,\"Jobcenter \"\"Nord\"\", Kreis A\",zkt\n"},
      {"municipalities.csv", "ags,name,jc_id,population\n05978024,Lünen,JC1,86000\n"},
      {"persons.csv",
       "person_id,sex,birth_date,nationality,severely_disabled,vocational_qualification\n"
       "P1,f,1990-02-28,,0,none\n"},
      {"benefit_spells.csv",
       "person_id,jc_id,municipality,bg_id,bg_role,status,single_parent,start,end\n"
       "P1,JC1,05978024,B1,head,elb,1,2024-01-15,\n"},
      {"claims.csv", "person_id,from,to,llu,luh\nP1,2024-01,2024-12,1316.50,0.05\n"},
      {"employment_spells.csv",
       "person_id,kind,subsidy,start,end,hours_week,gross_month\n"
       "P1,minijob,none,2024-03-01,2024-06-30,7.5,538.00\n"},
      {"measure_spells.csv",
       "person_id,instrument,start,end,cost,funding\nP1,mat,2024-02-01,2024-04-30,1950.00,egt\n"},
      {"unemployment_spells.csv", "person_id,start,end\nP1,2024-01-15,\n"},
      {"bg_housing.csv",
       "bg_id,from,to,rent_cold,heating,flat_size_sqm\nB1,2024-01,2024-12,410.00,90.20,45.5\n"},
  };
  for (const auto& [file, content] : expected) EXPECT_EQ(ReadFile(dir / file), content) << file;
  EXPECT_FALSE(fs::exists(dir / "stichtage.csv"));
  fs::remove_all(dir);
}

TEST(ExtractWriterTest, ProfillageColumnOnlyWhenUsed) {
  Extract extract = TinyExtract();
  extract.persons[0].profillage = "foerderprofil";
  const fs::path dir =
      fs::temp_directory_path() / ("amip_extract_writer_test_profil_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  ASSERT_TRUE(WriteExtractCsv(extract, dir.string()).ok());
  EXPECT_EQ(ReadFile(dir / "persons.csv"),
            "person_id,sex,birth_date,nationality,severely_disabled,vocational_qualification,"
            "profillage\nP1,f,1990-02-28,,0,none,foerderprofil\n");
  fs::remove_all(dir);
}

TEST(ExtractWriterTest, FormatDecimal2) {
  EXPECT_EQ(FormatDecimal2(38.5), "38.5");
  EXPECT_EQ(FormatDecimal2(20), "20");
  EXPECT_EQ(FormatDecimal2(61.25), "61.25");
  EXPECT_EQ(FormatDecimal2(0.05), "0.05");
  EXPECT_EQ(FormatDecimal2(-1.5), "-1.5");
}

// Issue 10 item 6: writing into a directory with an earlier extract must not leave that
// extract's optional files behind (they would be imported with the new one); files that are
// not the contract's stay, and no temporary file is left.
TEST(ExtractWriterTest, RemovesOptionalFilesOfAnEarlierExtractOnly) {
  const fs::path dir =
      fs::temp_directory_path() / ("amip_extract_writer_test_stale_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  Extract earlier = TinyExtract();
  earlier.stichtage.push_back({core::Month::FromYm(2024, 1), core::Date::FromYmd(2024, 1, 15)});
  ASSERT_TRUE(WriteExtractCsv(earlier, dir.string()).ok());
  ASSERT_TRUE(fs::exists(dir / "stichtage.csv"));
  std::ofstream(dir / "notes.txt") << "kept";
  Extract later = TinyExtract();
  later.bg_housing.clear();
  ASSERT_TRUE(WriteExtractCsv(later, dir.string()).ok());
  EXPECT_FALSE(fs::exists(dir / "stichtage.csv"));
  EXPECT_FALSE(fs::exists(dir / "bg_housing.csv"));
  EXPECT_EQ(ReadFile(dir / "notes.txt"), "kept");
  size_t entries = 0;
  for (const auto& entry : fs::directory_iterator(dir)) {
    ++entries;
    EXPECT_EQ(entry.path().filename().string().find("amip-tmp"), std::string::npos);
  }
  EXPECT_EQ(entries, 9u);  // the 8 required files and notes.txt
  fs::remove_all(dir);
}

TEST(ExtractWriterTest, UnwritableDirectoryIsAnError) {
  const core::Status status = WriteExtractCsv(TinyExtract(), "/proc/amip-cannot-write-here");
  EXPECT_FALSE(status.ok());
}

}  // namespace
}  // namespace amip::contract
