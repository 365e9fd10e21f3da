// The one table description (contract/table_description.h) against the three places built
// from it: the reader's expected header (ingest/schema.cc), the writer's header
// (contract/extract_writer.cc) and the SQLite tables (storage/schema.cc).
#include "contract/table_description.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "contract/extract_writer.h"
#include "ingest/schema.h"
#include "storage/schema.h"
#include "storage/sqlite_db.h"

namespace amip::ingest {
namespace {

namespace fs = std::filesystem;
using contract::ColumnDescription;
using contract::TableDescription;

std::vector<std::string> DescribedNames(const TableDescription& table) {
  std::vector<std::string> names;
  for (const ColumnDescription& column : table.columns) names.emplace_back(column.name);
  return names;
}

// One row in every table, so that every file (also the optional ones) is written.
contract::Extract OneRowEach() {
  using core::Date;
  using core::Month;
  contract::Extract extract;
  extract.jobcenters.push_back({"JC1", "Jobcenter", contract::JcKind::kGe});
  extract.municipalities.push_back({"05978024", "Lünen", 0, 86000});
  contract::Person person;
  person.person_id = "P1";
  person.birth_date = Date::FromYmd(1990, 2, 28);
  extract.persons.push_back(person);
  extract.bg_ids.push_back("B1");
  extract.benefit_spells.push_back({0, 0, 0, 0, contract::BgRole::kHead,
                                    contract::BenefitStatus::kElb, false,
                                    Date::FromYmd(2024, 1, 15), std::nullopt});
  extract.claims.push_back({0, Month::FromYm(2024, 1), Month::FromYm(2024, 1),
                            core::Cents::FromCents(100), core::Cents::FromCents(0)});
  contract::EmploymentSpell job;
  job.person = 0;
  job.start = Date::FromYmd(2024, 3, 1);
  extract.employment_spells.push_back(job);
  extract.measure_spells.push_back({0, "mat", Date::FromYmd(2024, 2, 1), std::nullopt,
                                    core::Cents::FromCents(100), contract::Funding::kEgt});
  extract.unemployment_spells.push_back({0, Date::FromYmd(2024, 1, 15), std::nullopt});
  extract.bg_housing.push_back({0, Month::FromYm(2024, 1), Month::FromYm(2024, 1),
                                core::Cents::FromCents(40000), core::Cents::FromCents(8000), 50});
  extract.stichtage.push_back({Month::FromYm(2024, 1), Date::FromYmd(2024, 1, 15)});
  return extract;
}

std::vector<std::string> HeaderOf(const fs::path& path) {
  std::ifstream in(path);
  std::string line;
  std::getline(in, line);
  std::vector<std::string> names;
  size_t begin = 0;
  while (true) {
    const size_t comma = line.find(',', begin);
    names.push_back(line.substr(begin, comma - begin));
    if (comma == std::string::npos) break;
    begin = comma + 1;
  }
  return names;
}

class TableDescriptionTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("amip_table_description_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
};

TEST_F(TableDescriptionTest, ReaderExpectsTheDescribedColumns) {
  ASSERT_EQ(ContractFiles().size(), contract::ContractTables().size());
  for (const TableDescription& table : contract::ContractTables()) {
    const FileSpec* spec = FindFileSpec(table.file);
    ASSERT_NE(spec, nullptr) << table.file;
    EXPECT_EQ(spec->required, table.file_required) << table.file;
    EXPECT_EQ(spec->rows_required, table.rows_required) << table.file;
    std::vector<std::string> names;
    for (size_t idx = 0; idx < spec->columns.size(); ++idx) {
      names.emplace_back(spec->columns[idx].name);
      EXPECT_EQ(spec->columns[idx].required, table.columns[idx].header_required)
          << table.file << " " << spec->columns[idx].name;
    }
    EXPECT_EQ(names, DescribedNames(table)) << table.file;
  }
}

TEST_F(TableDescriptionTest, WriterWritesTheDescribedHeaders) {
  contract::WriteOptions options;
  options.force_profillage = true;
  ASSERT_TRUE(contract::WriteExtractCsv(OneRowEach(), dir_.string(), options).ok());
  for (const TableDescription& table : contract::ContractTables()) {
    EXPECT_EQ(HeaderOf(dir_ / table.file), DescribedNames(table)) << table.file;
  }
}

TEST_F(TableDescriptionTest, SqliteTablesHaveTheDescribedStoredColumns) {
  const std::string path = (dir_ / "schema.sqlite").string();
  core::Result<storage::Database> db =
      storage::Database::Open(path, storage::Database::Mode::kCreate);
  ASSERT_TRUE(db.ok()) << db.status().message();
  for (const storage::Migration& migration : storage::Migrations()) {
    ASSERT_TRUE(db->Exec(migration.sql).ok()) << migration.version;
  }
  ASSERT_EQ(storage::DataTables().size(), contract::ContractTables().size());
  for (const TableDescription& table : contract::ContractTables()) {
    // Expected: (name, type, notnull, pk) per stored column, load_id included.
    std::vector<std::string> expected;
    const auto load_id = [&] { expected.push_back("load_id INTEGER 1 0"); };
    if (!table.key_is_primary) load_id();
    for (const ColumnDescription& column : table.columns) {
      const bool primary = table.key_is_primary && table.key.front() == column.name;
      const bool not_null = !primary && column.presence != contract::Presence::kNullable;
      expected.push_back(std::string(column.stored) + " " +
                         std::string(contract::StoredType(column.type)) + " " +
                         (not_null ? "1" : "0") + " " + (primary ? "1" : "0"));
      if (primary) load_id();
    }
    core::Result<storage::Statement> info =
        db->Prepare("PRAGMA table_info(" + std::string(table.name) + ")");
    ASSERT_TRUE(info.ok());
    std::vector<std::string> actual;
    while (true) {
      core::Result<bool> row = info->Step();
      ASSERT_TRUE(row.ok());
      if (!*row) break;
      actual.push_back(std::string(info->Text(1)) + " " + std::string(info->Text(2)) + " " +
                       std::to_string(info->Int(3)) + " " + std::to_string(info->Int(5)));
    }
    EXPECT_EQ(actual, expected) << table.name;
    // The store's INSERT has one parameter per stored column.
    const std::string insert = storage::InsertStatement(table.name);
    EXPECT_TRUE(insert.ends_with(", ?" + std::to_string(actual.size()) + ")")) << insert;
  }
}

// Migration 1 is released: its text is what existing databases hold in sqlite_master, so
// building it from the description must give the same bytes forever (a new column is a new
// migration). FNV-1a of the text, recorded when the statements were still written out.
TEST_F(TableDescriptionTest, MigrationOneKeepsItsReleasedText) {
  const std::string_view sql = storage::Migrations().front().sql;
  uint64_t hash = 0xcbf29ce484222325ULL;
  for (const char c : sql) hash = (hash ^ static_cast<unsigned char>(c)) * 0x100000001b3ULL;
  EXPECT_EQ(sql.size(), 2121u);
  EXPECT_EQ(hash, 0x7e21a0cc57a15094ULL);
}

TEST_F(TableDescriptionTest, KeysAndReferencesNameDescribedColumns) {
  for (const TableDescription& table : contract::ContractTables()) {
    const std::vector<std::string> names = DescribedNames(table);
    for (std::string_view key : table.key) {
      EXPECT_NE(std::find(names.begin(), names.end(), key), names.end()) << table.name << key;
    }
    for (const ColumnDescription& column : table.columns) {
      if (column.references.empty() || column.references.find('.') == std::string_view::npos ||
          column.references.find('/') != std::string_view::npos) {
        continue;
      }
      const std::string_view target = column.references.substr(0, column.references.find('.'));
      const std::string_view target_column =
          column.references.substr(column.references.find('.') + 1);
      const TableDescription* referenced = contract::FindTable(target);
      ASSERT_NE(referenced, nullptr) << column.references;
      const std::vector<std::string> target_names = DescribedNames(*referenced);
      EXPECT_NE(std::find(target_names.begin(), target_names.end(), target_column),
                target_names.end())
          << column.references;
    }
  }
}

}  // namespace
}  // namespace amip::ingest
