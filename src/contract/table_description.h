// The one description of every data-contract table (docs/data-contract.md): its CSV file,
// its SQLite table, and its columns in order, each with its type, whether the header and the
// value must be present, its stored (SQLite) name and the table it references. The ingest
// header check (ingest/schema.cc), the CSV writer's headers (contract/extract_writer.cc) and
// the SQLite CREATE TABLE statements (storage/schema.cc) are built from it; a test keeps the
// reader, the writer and the database equal to it (ingest/table_description_test.cc).
// Adding a column: add it here (with the schema version that adds it), then give it meaning
// in the row struct (extract.h), the reader, the writer, the store and the load.
// Pure data, immutable.
#pragma once

#include <string_view>
#include <vector>

namespace amip::contract {

// How a value is written in CSV and stored in SQLite.
enum class ColumnType {
  kId,       // [A-Za-z0-9_.-]{1,64}; TEXT
  kText,     // any UTF-8 text; TEXT
  kCode,     // a code of a code list (extract.h); TEXT
  kDate,     // YYYY-MM-DD; TEXT
  kMonth,    // YYYY-MM; TEXT
  kInteger,  // INTEGER
  kBool,     // 0 or 1; INTEGER
  kMoney,    // euros with 2 decimals; stored as INTEGER cents
  kDecimal,  // a number with at most 2 decimals; REAL
};

// Whether a value may be empty, and what an empty value means.
enum class Presence {
  kRequired,  // never empty
  kDefault,   // empty has a meaning (unknown code, false, empty text); stored NOT NULL
  kNullable,  // empty = absent (an open end, unknown hours); stored NULL
};

struct ColumnDescription {
  std::string_view name;  // the CSV header name
  ColumnType type = ColumnType::kText;
  Presence presence = Presence::kRequired;
  bool header_required = true;  // must appear in the header (else an optional column)
  std::string_view stored;      // the SQLite column name
  std::string_view references;  // "table.column" this value refers to; empty if none
  // The storage schema version that added the column: migration 1 creates the columns of
  // version 1; a later column needs its own migration (ALTER TABLE ... ADD COLUMN).
  int schema_version = 1;
};

struct TableDescription {
  std::string_view name;              // the SQLite table and the file stem
  std::string_view file;              // "persons.csv"
  bool file_required = true;          // the file must exist
  bool rows_required = false;         // a header-only file is an error
  std::vector<std::string_view> key;  // columns that identify a row; empty if none
  // The key is the SQLite PRIMARY KEY, stored before load_id (jobcenters, municipalities);
  // otherwise load_id is the first stored column.
  bool key_is_primary = false;
  std::vector<ColumnDescription> columns;
};

// Every contract table in reading order (referenced tables before referencing ones); the
// same order is the write order of the database.
const std::vector<TableDescription>& ContractTables();
// nullptr if `name` (a table name, not a file name) is not a contract table.
const TableDescription* FindTable(std::string_view name);
// The SQLite type of a column ("TEXT", "INTEGER", "REAL").
std::string_view StoredType(ColumnType type);

}  // namespace amip::contract
