#include "storage/extract_store.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <string>

#include "storage/storage_test_util.h"

namespace amip::storage {
namespace {

namespace fs = std::filesystem;
using core::Date;
using testing_util::ReadBytes;
using testing_util::TinyExtract;

fs::path Work(const std::string& name) { return testing_util::WorkDir("storage_test", name); }

TEST(ExtractStoreTest, LoadSortsPersonsByIdAndRemapsRows) {
  const std::string db = (Work("sort") / "a.sqlite").string();
  ASSERT_TRUE(SaveExtract(db, TinyExtract("JC1", "01001000"), "h1", "test").ok());
  auto loaded = LoadExtract(db);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  ASSERT_EQ(loaded->persons.size(), 2u);
  EXPECT_EQ(loaded->persons[0].person_id, "P1");
  ASSERT_EQ(loaded->benefit_spells.size(), 2u);
  EXPECT_EQ(loaded->benefit_spells[0].person, 0);  // P1's spell first
  EXPECT_EQ(loaded->benefit_spells[0].status, contract::BenefitStatus::kElb);
  EXPECT_EQ(loaded->benefit_spells[1].end, Date::FromYmd(2024, 3, 31));
}

TEST(ExtractStoreTest, SameHashIsANoOpAndOtherJobcentersCoexist) {
  const std::string db = (Work("loads") / "a.sqlite").string();
  auto first = SaveExtract(db, TinyExtract("JC1", "01001000"), "h1", "test");
  ASSERT_TRUE(first.ok());
  EXPECT_FALSE(first->unchanged);
  const std::string bytes = ReadBytes(db);
  auto again = SaveExtract(db, TinyExtract("JC1", "01001000"), "h1", "test");
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again->unchanged);
  EXPECT_EQ(ReadBytes(db), bytes);
  auto other = SaveExtract(db, TinyExtract("JC2", "01002000"), "h2", "test");
  ASSERT_TRUE(other.ok());
  EXPECT_EQ(other->load_id, 2);
  auto info = Info(db);
  ASSERT_TRUE(info.ok());
  EXPECT_EQ(info->loads, 2);
  EXPECT_EQ(info->jobcenters, 2);
  EXPECT_EQ(info->persons, 2);  // P1 and P2 appear in both loads
  auto loaded = LoadExtract(db);
  ASSERT_TRUE(loaded.ok());
  EXPECT_EQ(loaded->persons.size(), 2u);
  EXPECT_EQ(loaded->benefit_spells.size(), 4u);
  EXPECT_EQ(loaded->bg_ids, (std::vector<std::string>{"BGJC1", "BGJC2"}));
}

TEST(ExtractStoreTest, MunicipalityOwnedByAnotherLoadIsRefused) {
  const std::string db = (Work("ags") / "a.sqlite").string();
  ASSERT_TRUE(SaveExtract(db, TinyExtract("JC1", "01001000"), "h1", "test").ok());
  const std::string bytes = ReadBytes(db);
  auto clash = SaveExtract(db, TinyExtract("JC2", "01001000"), "h2", "test");
  ASSERT_FALSE(clash.ok());
  EXPECT_EQ(clash.status().code(), core::StatusCode::kFailedPrecondition);
  EXPECT_EQ(ReadBytes(db), bytes);
}

TEST(ExtractStoreTest, NewerSchemaIsRefusedAndNotTouched) {
  const std::string db = (Work("schema") / "a.sqlite").string();
  ASSERT_TRUE(SaveExtract(db, TinyExtract("JC1", "01001000"), "h1", "test").ok());
  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open(db.c_str(), &raw), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(raw, "INSERT INTO schema_migrations VALUES(99, 'future', 'x')", nullptr,
                         nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(raw);
  const std::string bytes = ReadBytes(db);
  EXPECT_EQ(Info(db).status().code(), core::StatusCode::kFailedPrecondition);
  EXPECT_EQ(LoadExtract(db).status().code(), core::StatusCode::kFailedPrecondition);
  auto save = SaveExtract(db, TinyExtract("JC1", "01001000"), "h3", "test");
  EXPECT_EQ(save.status().code(), core::StatusCode::kFailedPrecondition);
  EXPECT_EQ(ReadBytes(db), bytes);
}

TEST(ExtractStoreTest, MissingDatabaseIsNotFoundAndNotCreated) {
  const fs::path dir = Work("missing");
  EXPECT_EQ(LoadExtract((dir / "x.sqlite").string()).status().code(), core::StatusCode::kNotFound);
  EXPECT_FALSE(fs::exists(dir / "x.sqlite"));
}

}  // namespace
}  // namespace amip::storage
