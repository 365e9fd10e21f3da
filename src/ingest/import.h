// Import: reads a Jobcenter extract directory (data contract v1, docs/data-contract.md),
// validates every file and every cross-file rule in memory, and only then writes the database
// (storage::SaveExtract) in one transaction. All-or-nothing by default; with a quarantine file
// the valid rows are loaded and every rejected row is written there unchanged with its reasons.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "contract/extract.h"
#include "core/diagnostics.h"
#include "core/status.h"
#include "storage/extract_store.h"

namespace amip::ingest {

struct ImportOptions {
  // Empty: all-or-nothing. Otherwise the CSV file that receives every rejected row.
  std::string quarantine_path;
  // Validate only; never open the database.
  bool check_only = false;
};

struct ImportReport {
  std::vector<storage::TableCount> rows;  // accepted rows per contract file
  int64_t rejected_rows = 0;
  core::Diagnostics diagnostics;  // errors and warnings with file, line, column, value, reason
  // The errors of whole files (missing, unreadable, bad header, no rows), also in diagnostics;
  // any of them rejects the import, also with quarantine.
  std::vector<core::Diagnostic> file_errors;
  bool accepted = false;  // valid (or quarantined) and, unless check_only, saved or unchanged
  bool written = false;           // the database was changed
  bool unchanged = false;         // the same extract was already loaded (idempotent no-op)
  std::vector<std::string> replaced_jobcenters;
};

// One rejected row, kept unchanged for the quarantine file.
struct RejectedRow {
  std::string file;
  int64_t line = 0;
  std::string raw;                   // the record exactly as in the file, without its line end
  std::vector<std::string> columns;  // the column of each reason ("" = whole row)
  std::vector<std::string> reasons;
};

// The result of reading and validating a directory, before anything is written.
struct ReadResult {
  contract::Extract extract;  // the accepted rows
  core::Diagnostics diagnostics;
  int64_t rejected_rows = 0;
  std::vector<RejectedRow> rejected;  // in file order, then line order
  std::vector<storage::TableCount> rows;  // accepted rows per file
  bool fatal = false;  // a file-level error (missing file/column, bad header): nothing loadable
  std::vector<core::Diagnostic> file_errors;  // those file-level errors (also in diagnostics)
  std::string content_hash;  // of the files read, for idempotent re-imports
};

// Reads and validates `dir` without touching any database.
core::Result<ReadResult> ReadExtractDirectory(const std::string& dir);

// Validates `dir` and, if allowed by the options, writes it to `db_path`. Returns an error
// Status only for failures outside the data (unreadable directory, SQLite failure); rejected
// data is reported in ImportReport (written == false, diagnostics has errors).
core::Result<ImportReport> ImportDirectory(const std::string& dir, const std::string& db_path,
                                           const ImportOptions& options);

}  // namespace amip::ingest
