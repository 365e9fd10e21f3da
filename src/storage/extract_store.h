// ExtractStore: the SQLite database that holds imported Jobcenter extracts (data contract v1).
// The only place with SQL in src/. The schema is versioned (table schema_migrations); every
// write happens in ONE transaction, so a database is never seen half-written. Ownership: an
// import is a "load" that owns the Jobcenters named in its jobcenters.csv and every row of its
// extract; a newer load of the same Jobcenters replaces the old one atomically
// (docs/import.md). Functions open and close the database themselves; any number of threads
// and processes may call them on one file at once (imports are serialised, readers see one commit).
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "contract/extract.h"
#include "core/date.h"
#include "core/status.h"

namespace amip::storage {

// The schema version this build writes; older databases are migrated on the next import.
inline constexpr int kSchemaVersion = 1;

struct TableCount {
  std::string table;  // "persons", "benefit_spells", ...
  int64_t rows = 0;
};

struct SaveOutcome {
  bool unchanged = false;             // same content already loaded: nothing written
  int64_t load_id = 0;
  std::vector<std::string> replaced;  // jc_ids whose earlier rows were replaced
  std::vector<TableCount> written;    // rows written per table
};

struct SaveOptions {
  // The SQLite VFS to open the database with (a name registered with sqlite3_vfs_register);
  // empty = SQLite's default. The fault-injection test registers a failing one.
  std::string vfs;
  // How long to wait while another import of the same database runs (lock file DB.lock);
  // then kUnavailable, database unchanged.
  int lock_wait_ms = 30 * 60 * 1000;
  // Test hook, called before each step: "open" (the database), "commit", and the file steps
  // outside SQLite ("remove" a temporary file, "link"/"rename" a new database into place,
  // "unlink" its temporary name, "sync-dir"). A non-OK status makes that step fail.
  std::function<core::Status(std::string_view step)> before_step;
};

// Writes `extract` as one load, replacing every earlier load that shares a Jobcenter with it.
// `content_hash` identifies the source files: a load with the same Jobcenters and hash is left
// untouched (idempotent import, database file unchanged). Fails with kFailedPrecondition if an
// earlier load covers more Jobcenters than this one (it cannot be replaced partially) or if a
// municipality is already owned by another load; the database is then unchanged.
// The database file is created only when the write succeeds, complete and committed (it is
// built as DB.import-tmp). Imports into one database run one after the other (lock file
// DB.lock; see SaveOptions::lock_wait_ms); an import never removes the database or its journal.
core::Result<SaveOutcome> SaveExtract(const std::string& db_path, const contract::Extract& extract,
                                      const std::string& content_hash, const std::string& source,
                                      const SaveOptions& options = {});
// The same, releasing `extract` after its rows are inserted and before the indexes are built
// (lower peak memory for national extracts). `extract` is empty afterwards.
core::Result<SaveOutcome> SaveExtract(const std::string& db_path, contract::Extract&& extract,
                                      const std::string& content_hash, const std::string& source,
                                      const SaveOptions& options = {});

struct LoadOptions {
  // Optional parts to read; the rest stay empty and Extract::tables says so. An engine that
  // reads only some tables (indicators::RequiredTables()) loads faster and in less memory.
  contract::TableSet tables = contract::TableSet::All();
  int threads = 0;  // reader threads, one read-only connection each; 0 = one per core
  int64_t chunk_rows = 1 << 19;  // rowids per unit of work (tests use small chunks)
};

// Every Jobcenter in the database as one Extract. Deterministic order, independent of the
// thread count: jobcenters by jc_id, municipalities by ags, persons by person_id, bg_ids by
// bg_id, spells and claims by (person, start, end, ...) and then by insertion order. A person
// present in several loads appears once (lowest load_id wins). Invalid stored values give
// kDataLoss naming the table, rowid and value.
core::Result<contract::Extract> LoadExtract(const std::string& db_path,
                                            const LoadOptions& options = {});

struct JobcenterInfo {
  std::string jc_id;
  std::string name;
  std::string kind;
  int64_t municipalities = 0;
  int64_t elb_last_count_day = 0;
};

struct InfoSummary {
  int schema_version = 0;
  int64_t loads = 0;
  std::vector<TableCount> tables;  // rows per table
  std::optional<core::Date> first_day;  // earliest day of any benefit spell or claim
  std::optional<core::Date> last_day;   // latest day of any benefit spell or claim
  std::optional<core::Date> last_count_day;  // Stichtag of the last month with Stichtag <= last_day
  int64_t jobcenters = 0;
  int64_t municipalities = 0;
  int64_t persons = 0;  // distinct person_id
  int64_t elb_last_count_day = 0;  // distinct persons with an elb spell covering last_count_day
  std::vector<JobcenterInfo> per_jobcenter;
};

// What is loaded; kNotFound if the file does not exist (it is never created here).
core::Result<InfoSummary> Info(const std::string& db_path);

}  // namespace amip::storage
