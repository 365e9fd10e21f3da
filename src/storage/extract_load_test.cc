// LoadExtract's parallel, chunked reader: the result must not depend on the thread count or
// chunk size, must be in the documented order even when rows were inserted out of order and
// rowids have gaps (a replaced load), may skip optional tables, and names table, rowid and
// value of anything corrupt.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>

#include "storage/extract_store.h"
#include "storage/storage_test_util.h"

namespace amip::storage {
namespace {

namespace fs = std::filesystem;
using core::Date;
using core::Month;

fs::path Work(const std::string& name) { return testing_util::WorkDir("extract_load_test", name); }

// A random extract of one Jobcenter whose rows are deliberately not in load order.
contract::Extract RandomExtract(uint32_t seed, const std::string& jc_id, const std::string& ags,
                                int persons) {
  std::mt19937 random(seed);
  const auto pick = [&](int lo, int hi) {
    return std::uniform_int_distribution<int>(lo, hi)(random);
  };
  contract::Extract extract;
  extract.jobcenters = {{jc_id, "Jobcenter " + jc_id, contract::JcKind::kGe}};
  extract.municipalities = {{ags, "Ort " + ags, 0, 5000}};
  for (int idx = 0; idx < persons; ++idx) {
    contract::Person person;
    person.person_id = "P" + std::to_string(1000 + (idx * 7919) % 9000);  // unsorted ids
    person.sex = idx % 2 == 0 ? contract::Sex::kF : contract::Sex::kM;
    person.birth_date = Date::FromYmd(1960 + pick(0, 40), pick(1, 12), pick(1, 28));
    person.profillage = idx % 5 == 0 ? "MP" : "";
    extract.persons.push_back(person);
  }
  for (int bg = 0; bg < persons / 2 + 1; ++bg) {
    extract.bg_ids.push_back("BG-" + jc_id + "-" + std::to_string((bg * 31) % 97));
  }
  std::sort(extract.bg_ids.begin(), extract.bg_ids.end());
  extract.bg_ids.erase(std::unique(extract.bg_ids.begin(), extract.bg_ids.end()),
                       extract.bg_ids.end());
  const auto day = [&] { return Date::FromYmd(2019 + pick(0, 5), pick(1, 12), pick(1, 28)); };
  const auto end_of = [&](Date start) -> std::optional<Date> {
    if (pick(0, 3) == 0) return std::nullopt;
    return start + pick(0, 400);
  };
  for (int row = 0; row < persons * 3; ++row) {
    const core::PersonIdx person = pick(0, persons - 1);
    const Date start = day();
    contract::BenefitSpell spell{person,
                                 0,
                                 0,
                                 static_cast<core::BgIdx>(pick(0, static_cast<int>(
                                                                      extract.bg_ids.size()) -
                                                                      1)),
                                 contract::BgRole::kHead,
                                 pick(0, 4) == 0 ? contract::BenefitStatus::kNef
                                                 : contract::BenefitStatus::kElb,
                                 pick(0, 9) == 0,
                                 start,
                                 end_of(start)};
    extract.benefit_spells.push_back(spell);
    const Month from = Month::FromYm(2019 + pick(0, 5), pick(1, 12));
    extract.claims.push_back({person, from, from + pick(0, 20), core::Cents::FromCents(pick(0, 90000)),
                              core::Cents::FromCents(pick(0, 60000))});
    if (row % 2 == 0) {
      contract::EmploymentSpell job;
      job.person = person;
      job.kind = pick(0, 1) == 0 ? contract::EmploymentKind::kSvb : contract::EmploymentKind::kMinijob;
      job.start = day();
      job.end = end_of(job.start);
      if (pick(0, 1) == 0) job.hours_week = 19.5;
      if (pick(0, 1) == 0) job.gross_month = core::Cents::FromCents(pick(50000, 400000));
      extract.employment_spells.push_back(job);
      contract::MeasureSpell measure;
      measure.person = person;
      measure.instrument = pick(0, 1) == 0 ? "FBW" : "AGH";
      measure.start = day();
      measure.end = end_of(measure.start);
      measure.cost = core::Cents::FromCents(pick(0, 500000));
      extract.measure_spells.push_back(measure);
      extract.unemployment_spells.push_back({person, start, end_of(start)});
      extract.bg_housing.push_back({spell.bg, from, from + pick(0, 12),
                                    core::Cents::FromCents(pick(20000, 90000)),
                                    core::Cents::FromCents(pick(5000, 15000)), 55.5});
    }
  }
  return extract;
}

using testing_util::AsCsv;

// Two Jobcenters sharing persons, the first replaced by a newer version: rowids have gaps.
std::string ThreeLoads(const std::string& name) {
  const std::string db = (Work(name) / "a.sqlite").string();
  EXPECT_TRUE(SaveExtract(db, RandomExtract(1, "JC1", "01001000", 60), "h1", "t").ok());
  EXPECT_TRUE(SaveExtract(db, RandomExtract(2, "JC2", "01002000", 40), "h2", "t").ok());
  EXPECT_TRUE(SaveExtract(db, RandomExtract(3, "JC1", "01001000", 50), "h3", "t").ok());
  return db;
}

TEST(ExtractLoadTest, SameResultForAnyThreadCountAndChunkSize) {
  const std::string db = ThreeLoads("threads");
  auto serial = LoadExtract(db, {contract::TableSet::All(), 1, 1 << 19});
  ASSERT_TRUE(serial.ok()) << serial.status().ToString();
  const std::string expected = AsCsv(*serial, Work("threads_csv1"));
  for (const auto& [threads, chunk] : {std::pair{3, 7}, std::pair{2, 1}, std::pair{8, 64}}) {
    auto parallel = LoadExtract(db, {contract::TableSet::All(), threads, chunk});
    ASSERT_TRUE(parallel.ok()) << parallel.status().ToString();
    EXPECT_EQ(AsCsv(*parallel, Work("threads_csvN")), expected)
        << "threads " << threads << ", chunk " << chunk;
  }
}

TEST(ExtractLoadTest, RowsAreInDocumentedOrderAndNoneIsLost) {
  const std::string db = ThreeLoads("order");
  auto loaded = LoadExtract(db, {contract::TableSet::All(), 2, 5});
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  // JC1's newer version (50 persons) replaced the first; JC2 (40) stays. Persons overlap.
  EXPECT_EQ(loaded->benefit_spells.size(), 50u * 3 + 40u * 3);
  EXPECT_EQ(loaded->claims.size(), 50u * 3 + 40u * 3);
  EXPECT_EQ(loaded->employment_spells.size(), 75u + 60u);
  EXPECT_EQ(loaded->bg_housing.size(), 75u + 60u);
  EXPECT_TRUE(std::is_sorted(loaded->persons.begin(), loaded->persons.end(),
                             [](const auto& a, const auto& b) { return a.person_id < b.person_id; }));
  EXPECT_TRUE(std::is_sorted(loaded->bg_ids.begin(), loaded->bg_ids.end()));
  EXPECT_TRUE(std::is_sorted(
      loaded->benefit_spells.begin(), loaded->benefit_spells.end(), [](const auto& a, const auto& b) {
        return std::tie(a.person, a.start, a.end) < std::tie(b.person, b.start, b.end);
      }));
  EXPECT_TRUE(std::is_sorted(loaded->claims.begin(), loaded->claims.end(),
                             [](const auto& a, const auto& b) {
                               return std::tie(a.person, a.from, a.to) <
                                      std::tie(b.person, b.from, b.to);
                             }));
  for (const contract::BenefitSpell& spell : loaded->benefit_spells) {
    ASSERT_GE(spell.bg, 0);
    ASSERT_LT(static_cast<size_t>(spell.bg), loaded->bg_ids.size());
  }
}

TEST(ExtractLoadTest, SkippedTablesStayEmptyAndAreNamed) {
  const std::string db = ThreeLoads("subset");
  contract::TableSet tables = contract::TableSet::None();
  tables.claims = true;
  auto loaded = LoadExtract(db, {tables, 2, 16});
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  EXPECT_EQ(loaded->claims.size(), 50u * 3 + 40u * 3);
  EXPECT_EQ(loaded->benefit_spells.size(), 50u * 3 + 40u * 3);
  EXPECT_TRUE(loaded->employment_spells.empty());
  EXPECT_TRUE(loaded->bg_housing.empty());
  EXPECT_TRUE(loaded->bg_ids.empty());
  EXPECT_EQ(loaded->benefit_spells.front().bg, core::kNoIdx);
  contract::TableSet needed = contract::TableSet::None();
  needed.claims = needed.employment_spells = needed.bg_ids = true;
  EXPECT_EQ(loaded->tables.MissingOf(needed), "employment_spells, bg_ids");
  EXPECT_EQ(contract::TableSet::All().MissingOf(needed), "");
}

void Corrupt(const std::string& db, const std::string& sql) {
  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open(db.c_str(), &raw), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(raw, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(raw);
}

TEST(ExtractLoadTest, CorruptValueNamesTableRowidAndValue) {
  const std::string db = ThreeLoads("corrupt");
  Corrupt(db, "UPDATE claims SET from_month = '2024-13' WHERE rowid = (SELECT MAX(rowid) FROM claims)");
  auto loaded = LoadExtract(db, {contract::TableSet::All(), 2, 4});
  ASSERT_FALSE(loaded.ok());
  EXPECT_EQ(loaded.status().code(), core::StatusCode::kDataLoss);
  EXPECT_NE(loaded.status().message().find("claims rowid"), std::string::npos)
      << loaded.status().ToString();
  EXPECT_NE(loaded.status().message().find("'2024-13'"), std::string::npos);
}

TEST(ExtractLoadTest, UnknownPersonIsDataLoss) {
  const std::string db = ThreeLoads("person");
  Corrupt(db, "UPDATE employment_spells SET person_id = 'NOPE' WHERE rowid = (SELECT MIN(rowid) "
              "FROM employment_spells)");
  auto loaded = LoadExtract(db);
  ASSERT_FALSE(loaded.ok());
  EXPECT_EQ(loaded.status().code(), core::StatusCode::kDataLoss);
  EXPECT_NE(loaded.status().message().find("unknown person 'NOPE'"), std::string::npos)
      << loaded.status().ToString();
  EXPECT_NE(loaded.status().message().find("employment_spells rowid"), std::string::npos);
}

}  // namespace
}  // namespace amip::storage
