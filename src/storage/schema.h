// The SQLite schema of an amip database as numbered migrations (table schema_migrations
// records which ones ran). A new schema version is a new entry at the end; entries are never
// edited once released. Indexes are listed separately because a large import drops and
// rebuilds them around the bulk insert.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace amip::storage {

struct Migration {
  int version;
  std::string_view description;
  std::string_view sql;
};

const std::vector<Migration>& Migrations();

// CREATE INDEX statements for the data tables of the current schema, and their names.
const std::vector<std::string_view>& IndexStatements();
const std::vector<std::string_view>& IndexNames();

// "INSERT INTO <table> VALUES(?1, ..., ?n)" for a contract table, one parameter per stored
// column of its description plus load_id (contract/table_description.h).
std::string InsertStatement(std::string_view table);

// The data tables in write order; each has a load_id column.
const std::vector<std::string_view>& DataTables();

}  // namespace amip::storage
