#include "storage/stored_values.h"

#include <filesystem>
#include <system_error>

#include "storage/extract_store.h"

namespace amip::storage::detail {

bool FileExists(const std::string& path) {
  std::error_code error;
  return std::filesystem::exists(path, error);
}

core::Result<int> SchemaVersion(Database& db) {
  AMIP_ASSIGN_OR_RETURN(bool exists, db.TableExists("schema_migrations"));
  if (!exists) return core::FailedPreconditionError("not an amip database (no schema_migrations)");
  AMIP_ASSIGN_OR_RETURN(int64_t version,
                        db.QueryInt("SELECT COALESCE(MAX(version), 0) FROM schema_migrations"));
  AMIP_RETURN_IF_ERROR(CheckNotNewer(version));
  if (version < kSchemaVersion) {
    return core::FailedPreconditionError("database schema version " + std::to_string(version) +
                                         " is older than this amip; run `amip import` to migrate");
  }
  return static_cast<int>(version);
}

core::Status CheckNotNewer(int64_t version) {
  if (version > kSchemaVersion) {
    return core::FailedPreconditionError("database schema version " + std::to_string(version) +
                                         " is newer than this amip (" +
                                         std::to_string(kSchemaVersion) + ")");
  }
  return core::Status::Ok();
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
