#include "storage/schema.h"

#include <string>

#include "contract/table_description.h"
#include "core/status.h"

namespace amip::storage {

namespace {

// The CREATE TABLE statement of a contract table in schema version 1, from its description:
// load_id first (or after the key that is the PRIMARY KEY), then the stored columns in order. The
// text is the one migration 1 always had, byte for byte (sqlite_master keeps it).
std::string CreateTable(const contract::TableDescription& table) {
  std::string sql = "CREATE TABLE " + std::string(table.name) + "(";
  const char* separator = "\n  ";
  const auto add = [&](std::string_view definition) {
    sql += separator;
    sql += definition;
    separator = ",\n  ";
  };
  if (!table.key_is_primary) add("load_id INTEGER NOT NULL");
  for (const contract::ColumnDescription& column : table.columns) {
    if (column.schema_version != 1) continue;  // added by a later migration
    std::string definition =
        std::string(column.stored) + " " + std::string(contract::StoredType(column.type));
    const bool primary =
        table.key_is_primary && table.key.size() == 1 && table.key[0] == column.name;
    if (primary) {
      definition += " PRIMARY KEY";
    } else if (column.presence != contract::Presence::kNullable) {
      definition += " NOT NULL";
    }
    add(definition);
    if (primary) add("load_id INTEGER NOT NULL REFERENCES loads(load_id)");
  }
  return sql + ");\n";
}

std::string SchemaVersion1() {
  std::string sql = R"sql(
CREATE TABLE loads(
  load_id INTEGER PRIMARY KEY,
  content_hash TEXT NOT NULL,
  source TEXT NOT NULL,
  imported_at TEXT NOT NULL);
)sql";
  for (const contract::TableDescription& table : contract::ContractTables()) {
    sql += CreateTable(table);
  }
  return sql;
}

}  // namespace

// The data tables' statements are built from contract::ContractTables(); a column added
// later needs a new migration (ALTER TABLE ... ADD COLUMN) here, and migration 1 must keep
// building the text it always had (TableDescriptionTest checks it against the database).
const std::vector<Migration>& Migrations() {
  static const std::string kVersion1 = SchemaVersion1();
  static const std::vector<Migration> kMigrations = {
      {1, "data contract v1: loads, extract tables", kVersion1},
  };
  return kMigrations;
}

// Deleting a replaced load scans the tables (replacing is rare); only lookups by person, by
// Jobcenter and by day are indexed.
const std::vector<std::string_view>& IndexStatements() {
  static const std::vector<std::string_view> kIndexes = {
      "CREATE INDEX IF NOT EXISTS persons_person ON persons(person_id)",
      "CREATE INDEX IF NOT EXISTS benefit_spells_person ON benefit_spells(person_id, start_date)",
      "CREATE INDEX IF NOT EXISTS benefit_spells_jc ON benefit_spells(jc_id, start_date)",
      "CREATE INDEX IF NOT EXISTS claims_person ON claims(person_id, from_month)",
      "CREATE INDEX IF NOT EXISTS employment_spells_person ON employment_spells(person_id, "
      "start_date)",
      "CREATE INDEX IF NOT EXISTS measure_spells_person ON measure_spells(person_id, start_date)",
      "CREATE INDEX IF NOT EXISTS unemployment_spells_person ON unemployment_spells(person_id, "
      "start_date)",
  };
  return kIndexes;
}

const std::vector<std::string_view>& IndexNames() {
  static const std::vector<std::string_view> kNames = [] {
    std::vector<std::string_view> names;
    for (std::string_view statement : IndexStatements()) {
      const std::string_view prefix = "CREATE INDEX IF NOT EXISTS ";
      statement.remove_prefix(prefix.size());
      names.push_back(statement.substr(0, statement.find(' ')));
    }
    return names;
  }();
  return kNames;
}

std::string InsertStatement(std::string_view table) {
  const contract::TableDescription* described = contract::FindTable(table);
  AMIP_ASSERT(described != nullptr, "every stored table is described in table_description.cc");
  std::string sql = "INSERT INTO " + std::string(table) + " VALUES(?1";
  for (size_t column = 0; column < described->columns.size(); ++column) {
    sql += ", ?" + std::to_string(column + 2);
  }
  return sql + ")";
}

const std::vector<std::string_view>& DataTables() {
  static const std::vector<std::string_view> kTables = [] {
    std::vector<std::string_view> names;
    for (const contract::TableDescription& table : contract::ContractTables()) {
      names.push_back(table.name);
    }
    return names;
  }();
  return kTables;
}

}  // namespace amip::storage
