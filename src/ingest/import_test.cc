#include "ingest/import.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "contract/extract_writer.h"
#include "storage/extract_store.h"

namespace amip::ingest {
namespace {

namespace fs = std::filesystem;
using core::Cents;
using core::Date;
using core::Month;

fs::path BaseDir() { return fs::path(AMIP_SOURCE_DIR) / "tests" / "malformed" / "_base"; }

fs::path Work(const std::string& name) {
  const fs::path dir = fs::path(testing::TempDir()) / ("amip_import_test_" + std::to_string(::getpid())) / name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

std::string ReadBytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// Two Jobcenters, every table and optional column filled, rows in LoadExtract's order.
contract::Extract SampleExtract() {
  contract::Extract extract;
  extract.jobcenters = {{"JC01", "Jobcenter Eins, \"Nord\"", contract::JcKind::kGe},
                        {"JC02", "Jobcenter Zwei", contract::JcKind::kZkt}};
  extract.municipalities = {{"05978004", "Bergkamen", 0, 48000},
                            {"05978024", "Lünen", 1, 85000}};
  contract::Person a{"A1", contract::Sex::kF, Date::FromYmd(1980, 1, 31),
                     contract::Nationality::kEu, true, contract::Qualification::kAcademic, "P3"};
  contract::Person b{"B2", contract::Sex::kX, Date::FromYmd(2010, 2, 28),
                     contract::Nationality::kUnknown, false, contract::Qualification::kUnknown, ""};
  extract.persons = {a, b};
  extract.bg_ids = {"BG.1", "BG_2"};
  extract.benefit_spells = {
      {0, 0, 0, 0, contract::BgRole::kHead, contract::BenefitStatus::kElb, true,
       Date::FromYmd(2020, 1, 1), Date::FromYmd(2020, 12, 31)},
      {0, 1, 1, 1, contract::BgRole::kHead, contract::BenefitStatus::kElb, false,
       Date::FromYmd(2021, 1, 1), std::nullopt},
      {1, 0, 0, 0, contract::BgRole::kChild, contract::BenefitStatus::kNef, false,
       Date::FromYmd(2020, 1, 1), std::nullopt}};
  extract.claims = {{0, Month::FromYm(2020, 1), Month::FromYm(2021, 3), Cents::FromCents(56300),
                     Cents::FromCents(45005)},
                    {1, Month::FromYm(2020, 1), Month::FromYm(2020, 1), Cents::FromCents(0),
                     Cents::FromCents(1)}};
  extract.employment_spells = {{0, contract::EmploymentKind::kSvb, contract::Subsidy::kEgz,
                                Date::FromYmd(2021, 2, 1), std::nullopt, 38.5,
                                Cents::FromCents(245000)},
                               {0, contract::EmploymentKind::kMinijob, contract::Subsidy::kNone,
                                Date::FromYmd(2021, 3, 1), Date::FromYmd(2021, 3, 1),
                                std::nullopt, std::nullopt}};
  extract.measure_spells = {{0, "fbw", Date::FromYmd(2020, 3, 1), Date::FromYmd(2020, 9, 30),
                             Cents::FromCents(850000), contract::Funding::kBa}};
  extract.unemployment_spells = {{0, Date::FromYmd(2020, 1, 1), Date::FromYmd(2021, 1, 31)}};
  extract.bg_housing = {{0, Month::FromYm(2020, 1), Month::FromYm(2020, 12), Cents::FromCents(45000),
                         Cents::FromCents(8000), 62.25}};
  extract.stichtage = {{Month::FromYm(2020, 5), Date::FromYmd(2020, 5, 14)}};
  return extract;
}

TEST(ImportTest, WrittenExtractRoundTripsThroughCsvAndSqlite) {
  const fs::path work = Work("round_trip");
  const contract::Extract original = SampleExtract();
  ASSERT_TRUE(contract::WriteExtractCsv(original, (work / "extract").string()).ok());
  const std::string db = (work / "amip.sqlite").string();
  auto report = ImportDirectory((work / "extract").string(), db, {});
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  ASSERT_TRUE(report->accepted);
  EXPECT_EQ(report->rejected_rows, 0);
  EXPECT_FALSE(report->diagnostics.has_errors());
  auto loaded = storage::LoadExtract(db);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  ASSERT_EQ(loaded->jobcenters.size(), 2u);
  EXPECT_EQ(loaded->jobcenters[0].name, original.jobcenters[0].name);
  EXPECT_EQ(loaded->jobcenters[1].kind, contract::JcKind::kZkt);
  ASSERT_EQ(loaded->municipalities.size(), 2u);
  EXPECT_EQ(loaded->municipalities[1].name, "Lünen");
  EXPECT_EQ(loaded->municipalities[1].jc, 1);
  ASSERT_EQ(loaded->persons.size(), 2u);
  EXPECT_EQ(loaded->persons[0].profillage, "P3");
  EXPECT_TRUE(loaded->persons[0].severely_disabled);
  EXPECT_EQ(loaded->persons[0].nationality, contract::Nationality::kEu);
  EXPECT_EQ(loaded->persons[1].vocational_qualification, contract::Qualification::kUnknown);
  EXPECT_EQ(loaded->persons[1].birth_date, Date::FromYmd(2010, 2, 28));
  EXPECT_EQ(loaded->bg_ids, original.bg_ids);
  ASSERT_EQ(loaded->benefit_spells.size(), 3u);
  for (size_t idx = 0; idx < 3; ++idx) {
    const contract::BenefitSpell& got = loaded->benefit_spells[idx];
    const contract::BenefitSpell& want = original.benefit_spells[idx];
    EXPECT_EQ(got.person, want.person);
    EXPECT_EQ(got.jc, want.jc);
    EXPECT_EQ(got.municipality, want.municipality);
    EXPECT_EQ(got.bg, want.bg);
    EXPECT_EQ(got.bg_role, want.bg_role);
    EXPECT_EQ(got.status, want.status);
    EXPECT_EQ(got.single_parent, want.single_parent);
    EXPECT_EQ(got.start, want.start);
    EXPECT_EQ(got.end, want.end);
  }
  ASSERT_EQ(loaded->claims.size(), 2u);
  EXPECT_EQ(loaded->claims[0].luh, Cents::FromCents(45005));
  EXPECT_EQ(loaded->claims[0].to, Month::FromYm(2021, 3));
  ASSERT_EQ(loaded->employment_spells.size(), 2u);
  EXPECT_EQ(loaded->employment_spells[0].hours_week, 38.5);
  EXPECT_EQ(loaded->employment_spells[0].gross_month, Cents::FromCents(245000));
  EXPECT_EQ(loaded->employment_spells[0].subsidy, contract::Subsidy::kEgz);
  EXPECT_FALSE(loaded->employment_spells[1].hours_week.has_value());
  EXPECT_FALSE(loaded->employment_spells[1].gross_month.has_value());
  ASSERT_EQ(loaded->measure_spells.size(), 1u);
  EXPECT_EQ(loaded->measure_spells[0].instrument, "fbw");
  EXPECT_EQ(loaded->measure_spells[0].cost, Cents::FromCents(850000));
  EXPECT_EQ(loaded->measure_spells[0].funding, contract::Funding::kBa);
  ASSERT_EQ(loaded->unemployment_spells.size(), 1u);
  EXPECT_EQ(loaded->unemployment_spells[0].end, Date::FromYmd(2021, 1, 31));
  ASSERT_EQ(loaded->bg_housing.size(), 1u);
  EXPECT_EQ(loaded->bg_housing[0].flat_size_sqm, 62.25);
  EXPECT_EQ(loaded->bg_housing[0].heating, Cents::FromCents(8000));
  ASSERT_EQ(loaded->stichtage.size(), 1u);
  EXPECT_EQ(loaded->CountDay(Month::FromYm(2020, 5)), Date::FromYmd(2020, 5, 14));
}

TEST(ImportTest, SameExtractTwiceLeavesTheDatabaseByteForByteUnchanged) {
  const fs::path work = Work("idempotent");
  const std::string db = (work / "amip.sqlite").string();
  auto first = ImportDirectory(BaseDir().string(), db, {});
  ASSERT_TRUE(first.ok() && first->accepted && first->written);
  const std::string before = ReadBytes(db);
  auto second = ImportDirectory(BaseDir().string(), db, {});
  ASSERT_TRUE(second.ok());
  EXPECT_TRUE(second->accepted);
  EXPECT_TRUE(second->unchanged);
  EXPECT_FALSE(second->written);
  EXPECT_EQ(ReadBytes(db), before);
}

// Copies the base extract to `dir`, replacing `file` with `content`.
void CopyBase(const fs::path& dir, const std::string& file = "", const std::string& content = "") {
  fs::create_directories(dir);
  for (const auto& entry : fs::directory_iterator(BaseDir())) {
    fs::copy_file(entry.path(), dir / entry.path().filename(),
                  fs::copy_options::overwrite_existing);
  }
  if (!file.empty()) std::ofstream(dir / file, std::ios::binary) << content;
}

TEST(ImportTest, NewerExtractOfTheSameJobcenterReplacesIt) {
  const fs::path work = Work("replace");
  const std::string db = (work / "amip.sqlite").string();
  ASSERT_TRUE(ImportDirectory(BaseDir().string(), db, {})->accepted);
  CopyBase(work / "newer", "claims.csv",
           "person_id,from,to,llu,luh\nP001,2023-01,2023-12,563.00,450.00\n");
  auto report = ImportDirectory((work / "newer").string(), db, {});
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_TRUE(report->written);
  EXPECT_EQ(report->replaced_jobcenters, std::vector<std::string>{"JC01"});
  auto info = storage::Info(db);
  ASSERT_TRUE(info.ok());
  EXPECT_EQ(info->loads, 1);
  for (const storage::TableCount& count : info->tables) {
    if (count.table == "claims") {
      EXPECT_EQ(count.rows, 1);
    }
    if (count.table == "persons") {
      EXPECT_EQ(count.rows, 4);
    }
  }
}

TEST(ImportTest, OtherJobcentersAreKeptAndPartialReplaceIsRefused) {
  const fs::path work = Work("two_jobcenters");
  const std::string db = (work / "amip.sqlite").string();
  ASSERT_TRUE(ImportDirectory(BaseDir().string(), db, {})->accepted);
  // A second Jobcenter with its own municipality; person P001 also appears there.
  const fs::path other = work / "jc02";
  fs::create_directories(other);
  for (const char* file : {"claims.csv", "employment_spells.csv", "measure_spells.csv"}) {
    fs::copy_file(BaseDir() / file, other / file);
  }
  std::ofstream(other / "jobcenters.csv") << "jc_id,name,kind\nJC02,Jobcenter Zwei,ge\n";
  std::ofstream(other / "municipalities.csv") << "ags,name,jc_id,population\n"
                                                 "05913000,Dortmund,JC02,600000\n";
  std::ofstream(other / "persons.csv") << "person_id,sex,birth_date\nP001,f,1985-03-12\n"
                                          "Q001,m,1970-01-01\n";
  std::ofstream(other / "benefit_spells.csv")
      << "person_id,jc_id,municipality,bg_id,bg_role,status,single_parent,start,end\n"
         "Q001,JC02,05913000,BGQ,head,elb,0,2024-01-01,\n";
  std::ofstream(other / "claims.csv") << "person_id,from,to,llu,luh\n";
  std::ofstream(other / "employment_spells.csv")
      << "person_id,kind,subsidy,start,end,hours_week,gross_month\n";
  std::ofstream(other / "measure_spells.csv") << "person_id,instrument,start,end,cost,funding\n";
  auto second = ImportDirectory(other.string(), db, {});
  ASSERT_TRUE(second.ok()) << second.status().ToString();
  ASSERT_TRUE(second->accepted) << second->diagnostics.items().front().ToString();
  auto info = storage::Info(db);
  ASSERT_TRUE(info.ok());
  EXPECT_EQ(info->jobcenters, 2);
  EXPECT_EQ(info->persons, 5);  // P001 counted once
  auto loaded = storage::LoadExtract(db);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  EXPECT_EQ(loaded->persons.size(), 5u);
  EXPECT_EQ(loaded->benefit_spells.size(), 6u);

  // One extract holding JC01 and JC02, then one with JC01 only: refused, database unchanged.
  CopyBase(work / "both", "jobcenters.csv",
           "jc_id,name,kind\nJC01,Jobcenter Beispielkreis,zkt\nJC02,Jobcenter Zwei,ge\n");
  std::ofstream(work / "both" / "municipalities.csv", std::ios::app)
      << "05913000,Dortmund,JC02,600000\n";
  auto both = ImportDirectory((work / "both").string(), db, {});
  ASSERT_TRUE(both.ok()) << both.status().ToString();
  EXPECT_TRUE(both->accepted);
  EXPECT_EQ(both->replaced_jobcenters.size(), 2u);
  const std::string before = ReadBytes(db);
  CopyBase(work / "only_jc01", "measure_spells.csv",
           "person_id,instrument,start,end,cost,funding\n");
  auto partial = ImportDirectory((work / "only_jc01").string(), db, {});
  ASSERT_FALSE(partial.ok());
  EXPECT_EQ(partial.status().code(), core::StatusCode::kFailedPrecondition);
  EXPECT_NE(partial.status().message().find("JC02"), std::string::npos);
  EXPECT_EQ(ReadBytes(db), before);
}

TEST(ImportTest, FailedFirstImportCreatesNoDatabase) {
  const fs::path work = Work("no_db");
  CopyBase(work / "bad", "claims.csv", "person_id,from,to,llu,luh\nP001,2023-01,2023-12,-1,0\n");
  const std::string db = (work / "amip.sqlite").string();
  auto report = ImportDirectory((work / "bad").string(), db, {});
  ASSERT_TRUE(report.ok());
  EXPECT_FALSE(report->accepted);
  EXPECT_FALSE(fs::exists(db));
}

TEST(ImportTest, InfoSummarisesTheBaseExtract) {
  const fs::path work = Work("info");
  const std::string db = (work / "amip.sqlite").string();
  ASSERT_TRUE(ImportDirectory(BaseDir().string(), db, {})->accepted);
  auto info = storage::Info(db);
  ASSERT_TRUE(info.ok()) << info.status().ToString();
  EXPECT_EQ(info->schema_version, storage::kSchemaVersion);
  EXPECT_EQ(info->jobcenters, 1);
  EXPECT_EQ(info->municipalities, 2);
  EXPECT_EQ(info->persons, 4);
  EXPECT_EQ(info->first_day, Date::FromYmd(2023, 1, 1));
  EXPECT_EQ(info->last_day, Date::FromYmd(2024, 6, 30));
  EXPECT_EQ(info->last_count_day, Date::FromYmd(2024, 6, 15));
  EXPECT_EQ(info->elb_last_count_day, 2);  // P001 and P004; P002 left on 2024-03-31
  ASSERT_EQ(info->per_jobcenter.size(), 1u);
  EXPECT_EQ(info->per_jobcenter[0].elb_last_count_day, 2);
  EXPECT_EQ(storage::Info((work / "missing.sqlite").string()).status().code(),
            core::StatusCode::kNotFound);
  EXPECT_FALSE(fs::exists(work / "missing.sqlite"));
}

TEST(ImportTest, QuarantineFileHoldsTheRejectedRowUnchanged) {
  const fs::path work = Work("quarantine");
  CopyBase(work / "bad", "measure_spells.csv",
           "person_id,instrument,start,end,cost,funding\n"
           "P001,mat,2023-03-01,2023-05-31,1200.00,egt\n"
           "P004,\"x,y\",2024-03-01,,1.00,ba\n");
  ImportOptions options;
  options.quarantine_path = (work / "rejected.csv").string();
  auto report = ImportDirectory((work / "bad").string(), (work / "amip.sqlite").string(), options);
  ASSERT_TRUE(report.ok());
  EXPECT_TRUE(report->accepted);
  EXPECT_EQ(report->rejected_rows, 1);
  EXPECT_EQ(ReadBytes(options.quarantine_path),
            "file,line,column,reason,record\n"
            "measure_spells.csv,3,instrument,\"unknown instrument code; allowed: fbw, "
            "fbw_abschluss, mat, mag, avgs, egz, esg, evl, agh, tam, eq, bae, fav, reha, vb, bgb, "
            "gb, 16a\",\"P004,\"\"x,y\"\",2024-03-01,,1.00,ba\"\n");
}

}  // namespace
}  // namespace amip::ingest
