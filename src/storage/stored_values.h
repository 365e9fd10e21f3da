// Reading values back from an amip database (internal to storage/): the stored text forms of
// dates, months and codes parsed strictly, so a corrupted file gives kDataLoss naming the
// value instead of a wrong number; plus the schema-version check every reader runs first.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "contract/extract.h"
#include "core/date.h"
#include "core/money.h"
#include "core/status.h"
#include "storage/sqlite_db.h"

namespace amip::storage::detail {

bool FileExists(const std::string& path);

// `count` (>= 1) read-only connections to an existing database that all see one committed
// state: each holds a read transaction (a SHARED lock) until it is closed or commits. A
// connection must never wait for its lock while another one holds its own: an import that is
// committing (SQLite's PENDING lock) waits for those, and both would wait for each other. So
// on a busy database every lock is released and the whole set retried, for up to 10 minutes
// (then kUnavailable).
core::Result<std::vector<Database>> OpenSnapshot(const std::string& db_path, int count);

// The schema version of an existing database; kFailedPrecondition if it is not an amip
// database or its version differs from kSchemaVersion (older ones are migrated by import).
core::Result<int> SchemaVersion(Database& db);
// kFailedPrecondition if `version` is newer than this build's kSchemaVersion.
core::Status CheckNotNewer(int64_t version);
// kFailedPrecondition if the file header's PRAGMA user_version (which import sets to the
// schema version) is newer than this build's; 0 (databases before issue 10) passes.
core::Status CheckUserVersion(Database& db);

// The count days of table stichtage, one per month in month order (the lowest load wins).
core::Result<std::vector<contract::Stichtag>> LoadStichtage(Database& db);

core::Result<core::Date> StoredDate(std::string_view text);
core::Result<core::Month> StoredMonth(std::string_view text);
// An integer cents column: text, a fraction or a blob (a hand-edited database) is kDataLoss
// naming `column` and the value, never read as 0. REQUIRES: the value is not NULL.
core::Result<core::Cents> StoredCents(const Statement& row, int index, std::string_view column);
// NULL = open end.
core::Result<std::optional<core::Date>> StoredOptionalDate(const Statement& row, int column);

template <typename Enum>
core::Status ParseStored(std::string_view text, core::Result<Enum> (*parse)(std::string_view),
                         Enum* out) {
  core::Result<Enum> value = parse(text);
  if (!value.ok()) {
    return core::DataLossError("database holds invalid code '" + std::string(text) + "'");
  }
  *out = *value;
  return core::Status::Ok();
}

// Runs `sql` and calls fn(const Statement&) -> core::Status for each row; stops at an error.
template <typename Fn>
core::Status ForEachRow(Database& db, const std::string& sql, Fn&& fn) {
  AMIP_ASSIGN_OR_RETURN(Statement query, db.Prepare(sql));
  while (true) {
    AMIP_ASSIGN_OR_RETURN(bool row, query.Step());
    if (!row) return core::Status::Ok();
    AMIP_RETURN_IF_ERROR(fn(query));
  }
}

}  // namespace amip::storage::detail
