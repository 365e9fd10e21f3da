#include "storage/stored_values.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <system_error>
#include <thread>
#include <utility>

#include "storage/extract_store.h"

namespace amip::storage::detail {

bool FileExists(const std::string& path) {
  std::error_code error;
  return std::filesystem::exists(path, error);
}

// A hot journal (an import that failed or was killed while changing the database) can only be
// rolled back by a read-write connection; SQLite does it on the first read.
core::Status RestoreFromJournal(const std::string& db_path) {
  core::Result<Database> writer = Database::Open(db_path, Database::Mode::kReadWrite);
  core::Status restored =
      writer.ok() ? writer->Exec("SELECT COUNT(*) FROM sqlite_master") : writer.status();
  if (!restored.ok()) {
    return core::UnavailableError(
        "die Datenbank " + db_path + " hat ein unvollständiges Journal (" + db_path +
        "-journal) eines abgebrochenen Imports und lässt sich nicht zum Schreiben öffnen, um "
        "den alten Stand wiederherzustellen: " + restored.message());
  }
  return core::Status::Ok();
}

core::Result<std::vector<Database>> OpenSnapshot(const std::string& db_path, int count) {
  std::vector<Database> readers;
  for (int i = 0; i < std::max(1, count); ++i) {
    AMIP_ASSIGN_OR_RETURN(Database db, Database::Open(db_path, Database::Mode::kReadOnly));
    db.SetBusyTimeout(0);
    readers.push_back(std::move(db));
  }
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::minutes(10);
  while (true) {
    core::Status begun = core::Status::Ok();
    size_t open = 0;
    for (; open < readers.size() && begun.ok(); ++open) {
      begun = readers[open].Exec("BEGIN; SELECT COUNT(*) FROM sqlite_master");
    }
    if (begun.ok()) break;
    const int code = readers[open - 1].ExtendedErrorCode();
    for (size_t i = 0; i < open; ++i) (void)readers[i].Exec("ROLLBACK");
    if (code == SQLITE_READONLY_ROLLBACK) {
      AMIP_RETURN_IF_ERROR(RestoreFromJournal(db_path));
      continue;
    }
    if (begun.code() != core::StatusCode::kUnavailable) return begun;
    if (std::chrono::steady_clock::now() >= deadline) {
      return core::UnavailableError("die Datenbank " + db_path +
                                    " wird seit 10 Minuten geschrieben; bitte danach erneut "
                                    "versuchen");
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  for (Database& db : readers) db.SetBusyTimeout(5000);
  return readers;
}

core::Result<int> SchemaVersion(Database& db) {
  AMIP_RETURN_IF_ERROR(CheckUserVersion(db));
  AMIP_ASSIGN_OR_RETURN(bool exists, db.TableExists("schema_migrations"));
  if (!exists) {
    return core::FailedPreconditionError(
        "keine amip-Datenbank (die Tabelle schema_migrations fehlt)");
  }
  AMIP_ASSIGN_OR_RETURN(int64_t version,
                        db.QueryInt("SELECT COALESCE(MAX(version), 0) FROM schema_migrations"));
  AMIP_RETURN_IF_ERROR(CheckNotNewer(version));
  if (version < kSchemaVersion) {
    return core::FailedPreconditionError(
        "das Schema der Datenbank (Version " + std::to_string(version) +
        ") ist älter als dieses amip; `amip import` bringt sie auf den neuen Stand");
  }
  return static_cast<int>(version);
}

namespace {

// `where` says which record holds `version`: "in schema_migrations", "laut PRAGMA user_version".
core::Status RefuseIfNewer(int64_t version, const std::string& where) {
  if (version <= kSchemaVersion) return core::Status::Ok();
  return core::FailedPreconditionError(
      "das Schema der Datenbank (Version " + std::to_string(version) + " " + where +
      ") ist neuer als dieses amip (Version " + std::to_string(kSchemaVersion) +
      "); sie wird nicht verändert, bitte ein neueres amip verwenden");
}

}  // namespace

core::Status CheckNotNewer(int64_t version) {
  return RefuseIfNewer(version, "in schema_migrations");
}

core::Status CheckUserVersion(Database& db) {
  AMIP_ASSIGN_OR_RETURN(int64_t version, db.QueryInt("PRAGMA user_version"));
  return RefuseIfNewer(version, "laut PRAGMA user_version");
}

core::Result<core::Cents> StoredCents(const Statement& row, int index, std::string_view column) {
  if (row.Type(index) != SQLITE_INTEGER) {
    return core::DataLossError("die Datenbank enthält in " + std::string(column) +
                               " keinen ganzzahligen Cent-Betrag: '" +
                               std::string(row.Text(index)) + "'");
  }
  return core::Cents::FromCents(row.Int(index));
}

core::Result<std::vector<contract::Stichtag>> LoadStichtage(Database& db) {
  std::vector<contract::Stichtag> stichtage;
  AMIP_RETURN_IF_ERROR(ForEachRow(
      db, "SELECT month, date FROM stichtage ORDER BY month, load_id", [&](const Statement& row) {
        contract::Stichtag stichtag;
        AMIP_ASSIGN_OR_RETURN(stichtag.month, StoredMonth(row.Text(0)));
        AMIP_ASSIGN_OR_RETURN(stichtag.date, StoredDate(row.Text(1)));
        if (stichtage.empty() || stichtage.back().month != stichtag.month) {
          stichtage.push_back(stichtag);
        }
        return core::Status::Ok();
      }));
  return stichtage;
}

core::Result<core::Date> StoredDate(std::string_view text) {
  core::Result<core::Date> date = core::Date::Parse(text);
  if (!date.ok()) {
    return core::DataLossError("database holds invalid date '" + std::string(text) + "'");
  }
  return *date;
}

core::Result<core::Month> StoredMonth(std::string_view text) {
  core::Result<core::Month> month = core::Month::Parse(text);
  if (!month.ok()) {
    return core::DataLossError("database holds invalid month '" + std::string(text) + "'");
  }
  return *month;
}

core::Result<std::optional<core::Date>> StoredOptionalDate(const Statement& row, int column) {
  if (row.IsNull(column)) return std::optional<core::Date>();
  AMIP_ASSIGN_OR_RETURN(core::Date date, StoredDate(row.Text(column)));
  return std::optional<core::Date>(date);
}

}  // namespace amip::storage::detail
