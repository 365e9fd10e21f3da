// The per-file schema of the data contract (docs/data-contract.md): which files exist, which
// are required, which columns each has and which of them must be present in the header.
// Derived from contract::ContractTables() (contract/table_description.h); shared by the
// reader, the docs test and the fuzz target. Immutable.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace amip::ingest {

// Most columns a header may have. The contract has at most 9 per file; exports may carry extra
// columns (ignored with a warning), but a header beyond this is not an extract and is a file
// error, before any per-column work.
inline constexpr size_t kMaxHeaderColumns = 10000;

struct ColumnSpec {
  std::string_view name;
  bool required = true;  // must appear in the header (a value may still be optional)
};

struct FileSpec {
  std::string_view name;      // "persons.csv"
  bool required = true;       // the file must exist
  bool rows_required = false; // a header-only file is an error
  std::vector<ColumnSpec> columns;
};

// All contract files in reading order (referenced files before referencing ones).
const std::vector<FileSpec>& ContractFiles();
const FileSpec* FindFileSpec(std::string_view name);

}  // namespace amip::ingest
