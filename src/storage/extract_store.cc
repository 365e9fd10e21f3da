#include "storage/extract_store.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <set>
#include <string_view>
#include <system_error>
#include <unordered_map>
#include <utility>

#include "storage/import_lock.h"
#include "storage/schema.h"
#include "storage/sqlite_db.h"
#include "storage/stored_values.h"

namespace amip::storage {
namespace {

using contract::Extract;
using detail::FileExists;
using detail::ForEachRow;
using detail::SchemaVersion;
using detail::StoredDate;
using detail::StoredMonth;

std::optional<std::string> OptionalDateText(const std::optional<core::Date>& date) {
  if (!date.has_value()) return std::nullopt;
  return date->ToString();
}

// Checks the schema before anything is written, even a PRAGMA: a newer one (schema_migrations
// or the header's user_version) or another program's SQLite file (tables, no
// schema_migrations) is refused.
core::Status CheckSchemaBeforeWrite(Database& db, const std::string& db_path) {
  AMIP_RETURN_IF_ERROR(detail::CheckUserVersion(db).WithContext(db_path));
  AMIP_ASSIGN_OR_RETURN(bool has_migrations, db.TableExists("schema_migrations"));
  if (has_migrations) {
    AMIP_ASSIGN_OR_RETURN(int64_t current,
                          db.QueryInt("SELECT COALESCE(MAX(version), 0) FROM schema_migrations"));
    return detail::CheckNotNewer(current).WithContext(db_path);
  }
  AMIP_ASSIGN_OR_RETURN(int64_t tables,
                        db.QueryInt("SELECT COUNT(*) FROM sqlite_master WHERE type='table'"));
  if (tables > 0) {
    return core::FailedPreconditionError(
        db_path + ": keine amip-Datenbank (" + std::to_string(tables) +
        " Tabelle(n), aber keine schema_migrations); amip schreibt nicht hinein, bitte eine "
        "andere Datei angeben");
  }
  return core::Status::Ok();
}

core::Status ApplyMigrations(Database& db) {
  AMIP_RETURN_IF_ERROR(
      db.Exec("CREATE TABLE IF NOT EXISTS schema_migrations(version INTEGER PRIMARY KEY, "
              "description TEXT NOT NULL, applied_at TEXT NOT NULL)"));
  AMIP_ASSIGN_OR_RETURN(int64_t current,
                        db.QueryInt("SELECT COALESCE(MAX(version), 0) FROM schema_migrations"));
  AMIP_RETURN_IF_ERROR(detail::CheckNotNewer(current));
  for (const Migration& migration : Migrations()) {
    if (migration.version <= current) continue;
    AMIP_RETURN_IF_ERROR(db.Exec(migration.sql));
    AMIP_ASSIGN_OR_RETURN(Statement insert,
                          db.Prepare("INSERT INTO schema_migrations VALUES(?1, ?2, "
                                     "strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))"));
    insert.Bind(1, static_cast<int64_t>(migration.version));
    insert.Bind(2, migration.description);
    AMIP_RETURN_IF_ERROR(insert.Run());
  }
  return db.Exec("PRAGMA user_version = " + std::to_string(kSchemaVersion));
}

core::Result<std::vector<std::string>> JobcentersOfLoad(Database& db, int64_t load_id) {
  AMIP_ASSIGN_OR_RETURN(Statement query,
                        db.Prepare("SELECT jc_id FROM jobcenters WHERE load_id=?1 ORDER BY jc_id"));
  query.Bind(1, load_id);
  std::vector<std::string> ids;
  while (true) {
    AMIP_ASSIGN_OR_RETURN(bool row, query.Step());
    if (!row) break;
    ids.emplace_back(query.Text(0));
  }
  return ids;
}

core::Status InsertRows(Database& db, int64_t load_id, const Extract& extract) {
  const auto person_id = [&](core::PersonIdx idx) -> std::string_view {
    return extract.persons[static_cast<size_t>(idx)].person_id;
  };
  {
    AMIP_ASSIGN_OR_RETURN(Statement insert,
                          db.Prepare(InsertStatement("jobcenters")));
    for (const contract::Jobcenter& jc : extract.jobcenters) {
      insert.Bind(1, jc.jc_id);
      insert.Bind(2, load_id);
      insert.Bind(3, jc.name);
      insert.Bind(4, contract::ToString(jc.kind));
      AMIP_RETURN_IF_ERROR(insert.Run());
    }
  }
  {
    AMIP_ASSIGN_OR_RETURN(Statement insert,
                          db.Prepare(InsertStatement("municipalities")));
    for (const contract::Municipality& municipality : extract.municipalities) {
      insert.Bind(1, municipality.ags);
      insert.Bind(2, load_id);
      insert.Bind(3, municipality.name);
      insert.Bind(4, extract.jobcenters[static_cast<size_t>(municipality.jc)].jc_id);
      insert.Bind(5, municipality.population);
      AMIP_RETURN_IF_ERROR(insert.Run());
    }
  }
  {
    AMIP_ASSIGN_OR_RETURN(Statement insert,
                          db.Prepare(InsertStatement("persons")));
    for (const contract::Person& person : extract.persons) {
      insert.Bind(1, load_id);
      insert.Bind(2, person.person_id);
      insert.Bind(3, contract::ToString(person.sex));
      insert.Bind(4, person.birth_date.ToString());
      insert.Bind(5, contract::ToString(person.nationality));
      insert.Bind(6, static_cast<int64_t>(person.severely_disabled ? 1 : 0));
      insert.Bind(7, contract::ToString(person.vocational_qualification));
      insert.Bind(8, person.profillage);
      AMIP_RETURN_IF_ERROR(insert.Run());
    }
  }
  {
    AMIP_ASSIGN_OR_RETURN(Statement insert,
                          db.Prepare(InsertStatement("benefit_spells")));
    for (const contract::BenefitSpell& spell : extract.benefit_spells) {
      insert.Bind(1, load_id);
      insert.Bind(2, person_id(spell.person));
      insert.Bind(3, extract.jobcenters[static_cast<size_t>(spell.jc)].jc_id);
      insert.Bind(4, extract.municipalities[static_cast<size_t>(spell.municipality)].ags);
      insert.Bind(5, extract.bg_ids[static_cast<size_t>(spell.bg)]);
      insert.Bind(6, contract::ToString(spell.bg_role));
      insert.Bind(7, contract::ToString(spell.status));
      insert.Bind(8, static_cast<int64_t>(spell.single_parent ? 1 : 0));
      insert.Bind(9, spell.start.ToString());
      insert.BindOptional(10, OptionalDateText(spell.end));
      AMIP_RETURN_IF_ERROR(insert.Run());
    }
  }
  {
    AMIP_ASSIGN_OR_RETURN(Statement insert,
                          db.Prepare(InsertStatement("claims")));
    for (const contract::Claim& claim : extract.claims) {
      insert.Bind(1, load_id);
      insert.Bind(2, person_id(claim.person));
      insert.Bind(3, claim.from.ToString());
      insert.Bind(4, claim.to.ToString());
      insert.Bind(5, claim.llu.value());
      insert.Bind(6, claim.luh.value());
      AMIP_RETURN_IF_ERROR(insert.Run());
    }
  }
  {
    AMIP_ASSIGN_OR_RETURN(Statement insert,
                          db.Prepare(InsertStatement("employment_spells")));
    for (const contract::EmploymentSpell& spell : extract.employment_spells) {
      insert.Bind(1, load_id);
      insert.Bind(2, person_id(spell.person));
      insert.Bind(3, contract::ToString(spell.kind));
      insert.Bind(4, contract::ToString(spell.subsidy));
      insert.Bind(5, spell.start.ToString());
      insert.BindOptional(6, OptionalDateText(spell.end));
      if (spell.hours_week.has_value()) {
        insert.Bind(7, *spell.hours_week);
      } else {
        insert.BindNull(7);
      }
      if (spell.gross_month.has_value()) {
        insert.Bind(8, spell.gross_month->value());
      } else {
        insert.BindNull(8);
      }
      AMIP_RETURN_IF_ERROR(insert.Run());
    }
  }
  {
    AMIP_ASSIGN_OR_RETURN(Statement insert,
                          db.Prepare(InsertStatement("measure_spells")));
    for (const contract::MeasureSpell& spell : extract.measure_spells) {
      insert.Bind(1, load_id);
      insert.Bind(2, person_id(spell.person));
      insert.Bind(3, spell.instrument);
      insert.Bind(4, spell.start.ToString());
      insert.BindOptional(5, OptionalDateText(spell.end));
      insert.Bind(6, spell.cost.value());
      insert.Bind(7, contract::ToString(spell.funding));
      AMIP_RETURN_IF_ERROR(insert.Run());
    }
  }
  {
    AMIP_ASSIGN_OR_RETURN(Statement insert,
                          db.Prepare(InsertStatement("unemployment_spells")));
    for (const contract::UnemploymentSpell& spell : extract.unemployment_spells) {
      insert.Bind(1, load_id);
      insert.Bind(2, person_id(spell.person));
      insert.Bind(3, spell.start.ToString());
      insert.BindOptional(4, OptionalDateText(spell.end));
      AMIP_RETURN_IF_ERROR(insert.Run());
    }
  }
  {
    AMIP_ASSIGN_OR_RETURN(Statement insert,
                          db.Prepare(InsertStatement("bg_housing")));
    for (const contract::BgHousing& housing : extract.bg_housing) {
      insert.Bind(1, load_id);
      insert.Bind(2, extract.bg_ids[static_cast<size_t>(housing.bg)]);
      insert.Bind(3, housing.from.ToString());
      insert.Bind(4, housing.to.ToString());
      insert.Bind(5, housing.rent_cold.value());
      insert.Bind(6, housing.heating.value());
      insert.Bind(7, housing.flat_size_sqm);
      AMIP_RETURN_IF_ERROR(insert.Run());
    }
  }
  {
    AMIP_ASSIGN_OR_RETURN(Statement insert,
                          db.Prepare(InsertStatement("stichtage")));
    for (const contract::Stichtag& stichtag : extract.stichtage) {
      insert.Bind(1, load_id);
      insert.Bind(2, stichtag.month.ToString());
      insert.Bind(3, stichtag.date.ToString());
      AMIP_RETURN_IF_ERROR(insert.Run());
    }
  }
  return core::Status::Ok();
}

int64_t RowCount(const Extract& extract) {
  return static_cast<int64_t>(extract.persons.size() + extract.benefit_spells.size() +
                              extract.claims.size() + extract.employment_spells.size() +
                              extract.measure_spells.size() +
                              extract.unemployment_spells.size() + extract.bg_housing.size());
}

// Everything of SaveExtract inside the open transaction.
// `consumable`, when given, is `extract` itself and is released after the insert, before
// the indexes are built (the peak memory of a national import).
core::Status SaveInTransaction(Database& db, const Extract& extract, Extract* consumable,
                               const std::string& content_hash, const std::string& source,
                               SaveOutcome* outcome) {
  AMIP_RETURN_IF_ERROR(ApplyMigrations(db));
  std::set<std::string> new_jcs;
  for (const contract::Jobcenter& jc : extract.jobcenters) new_jcs.insert(jc.jc_id);
  std::set<int64_t> affected;
  {
    AMIP_ASSIGN_OR_RETURN(Statement query,
                          db.Prepare("SELECT load_id FROM jobcenters WHERE jc_id=?1"));
    for (const std::string& jc_id : new_jcs) {
      query.Reset();
      query.Bind(1, jc_id);
      AMIP_ASSIGN_OR_RETURN(bool row, query.Step());
      if (row) affected.insert(query.Int(0));
    }
  }
  for (const int64_t load_id : affected) {
    AMIP_ASSIGN_OR_RETURN(std::vector<std::string> old_jcs, JobcentersOfLoad(db, load_id));
    for (const std::string& jc_id : old_jcs) {
      if (new_jcs.count(jc_id) == 0) {
        return core::FailedPreconditionError(
            "the database holds Jobcenter " + jc_id +
            " in the same earlier import as a Jobcenter of this extract; an import replaces "
            "whole earlier imports, so this extract must also contain " + jc_id +
            " (or use another database)");
      }
      outcome->replaced.push_back(jc_id);
    }
  }
  if (affected.size() == 1) {
    AMIP_ASSIGN_OR_RETURN(Statement query,
                          db.Prepare("SELECT content_hash FROM loads WHERE load_id=?1"));
    query.Bind(1, *affected.begin());
    AMIP_ASSIGN_OR_RETURN(bool row, query.Step());
    if (row && query.Text(0) == content_hash && outcome->replaced.size() == new_jcs.size()) {
      outcome->unchanged = true;
      outcome->load_id = *affected.begin();
      outcome->replaced.clear();
      return core::Status::Ok();
    }
  }
  {
    AMIP_ASSIGN_OR_RETURN(Statement query,
                          db.Prepare("SELECT load_id, jc_id FROM municipalities WHERE ags=?1"));
    for (const contract::Municipality& municipality : extract.municipalities) {
      query.Reset();
      query.Bind(1, municipality.ags);
      AMIP_ASSIGN_OR_RETURN(bool row, query.Step());
      if (row && affected.count(query.Int(0)) == 0) {
        return core::FailedPreconditionError(
            "municipality " + municipality.ags + " is already loaded for Jobcenter " +
            std::string(query.Text(1)) + " by another import");
      }
    }
  }
  for (const int64_t load_id : affected) {
    for (const std::string_view table : DataTables()) {
      AMIP_ASSIGN_OR_RETURN(
          Statement remove,
          db.Prepare("DELETE FROM " + std::string(table) + " WHERE load_id=?1"));
      remove.Bind(1, load_id);
      AMIP_RETURN_IF_ERROR(remove.Run());
    }
    AMIP_ASSIGN_OR_RETURN(Statement remove, db.Prepare("DELETE FROM loads WHERE load_id=?1"));
    remove.Bind(1, load_id);
    AMIP_RETURN_IF_ERROR(remove.Run());
  }
  int64_t remaining = 0;
  for (const std::string_view table : DataTables()) {
    AMIP_ASSIGN_OR_RETURN(int64_t rows,
                          db.QueryInt("SELECT COUNT(*) FROM " + std::string(table)));
    remaining += rows;
  }
  // A bulk insert is much faster without indexes; rebuild them when the new rows dominate.
  if (RowCount(extract) > remaining) {
    for (const std::string_view name : IndexNames()) {
      AMIP_RETURN_IF_ERROR(db.Exec("DROP INDEX IF EXISTS " + std::string(name)));
    }
  }
  int64_t load_id = 0;
  if (affected.empty()) {
    AMIP_ASSIGN_OR_RETURN(load_id, db.QueryInt("SELECT COALESCE(MAX(load_id), 0) + 1 FROM loads"));
  } else {
    load_id = *affected.begin();
  }
  {
    AMIP_ASSIGN_OR_RETURN(
        Statement insert,
        db.Prepare("INSERT INTO loads VALUES(?1, ?2, ?3, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))"));
    insert.Bind(1, load_id);
    insert.Bind(2, content_hash);
    insert.Bind(3, source);
    AMIP_RETURN_IF_ERROR(insert.Run());
  }
  AMIP_RETURN_IF_ERROR(InsertRows(db, load_id, extract));
  outcome->load_id = load_id;
  outcome->written = {
      {"jobcenters", static_cast<int64_t>(extract.jobcenters.size())},
      {"municipalities", static_cast<int64_t>(extract.municipalities.size())},
      {"persons", static_cast<int64_t>(extract.persons.size())},
      {"benefit_spells", static_cast<int64_t>(extract.benefit_spells.size())},
      {"claims", static_cast<int64_t>(extract.claims.size())},
      {"employment_spells", static_cast<int64_t>(extract.employment_spells.size())},
      {"measure_spells", static_cast<int64_t>(extract.measure_spells.size())},
      {"unemployment_spells", static_cast<int64_t>(extract.unemployment_spells.size())},
      {"bg_housing", static_cast<int64_t>(extract.bg_housing.size())},
      {"stichtage", static_cast<int64_t>(extract.stichtage.size())},
  };
  if (consumable != nullptr) *consumable = Extract();
  for (const std::string_view statement : IndexStatements()) {
    AMIP_RETURN_IF_ERROR(db.Exec(statement));
  }
  return core::Status::Ok();
}

core::Result<SaveOutcome> SaveToDatabase(Database& db, const Extract& extract,
                                         Extract* consumable, const std::string& content_hash,
                                         const std::string& source, const SaveOptions& options,
                                         const std::string& db_path) {
  AMIP_RETURN_IF_ERROR(CheckSchemaBeforeWrite(db, db_path));
  // Rollback journal (not WAL): a failed or rolled-back import leaves the database file
  // byte-for-byte unchanged, and synchronous=FULL makes the final COMMIT durable.
  AMIP_RETURN_IF_ERROR(db.Exec(
      "PRAGMA journal_mode=DELETE; PRAGMA synchronous=FULL; PRAGMA cache_size=-524288; "
      "PRAGMA temp_store=MEMORY"));
  // COMMIT waits for readers to finish (their SHARED locks), as long as for another import.
  db.SetBusyTimeout(options.lock_wait_ms);
  AMIP_RETURN_IF_ERROR(db.Exec("BEGIN IMMEDIATE"));
  SaveOutcome outcome;
  const core::Status status =
      SaveInTransaction(db, extract, consumable, content_hash, source, &outcome);
  if (!status.ok() || outcome.unchanged) {
    const core::Status rollback = db.Exec("ROLLBACK");
    if (!status.ok()) return status;
    AMIP_RETURN_IF_ERROR(rollback);
    return outcome;
  }
  if (options.before_step) {
    if (core::Status step = options.before_step("commit"); !step.ok()) {
      AMIP_RETURN_IF_ERROR(db.Exec("ROLLBACK"));
      return step;
    }
  }
  AMIP_RETURN_IF_ERROR(db.Exec("COMMIT"));
  return outcome;
}

core::Result<SaveOutcome> SaveExtractImpl(const std::string& db_path, const Extract& extract,
                                          Extract* consumable, const std::string& content_hash,
                                          const std::string& source, const SaveOptions& options);

}  // namespace

core::Result<SaveOutcome> SaveExtract(const std::string& db_path, const Extract& extract,
                                      const std::string& content_hash, const std::string& source,
                                      const SaveOptions& options) {
  return SaveExtractImpl(db_path, extract, nullptr, content_hash, source, options);
}

core::Result<SaveOutcome> SaveExtract(const std::string& db_path, Extract&& extract,
                                      const std::string& content_hash, const std::string& source,
                                      const SaveOptions& options) {
  return SaveExtractImpl(db_path, extract, &extract, content_hash, source, options);
}

namespace {

core::Status Step(const SaveOptions& options, std::string_view step) {
  return options.before_step ? options.before_step(step) : core::Status::Ok();
}

// Removes the temporary database `building` and its journal, which only the lock holder uses;
// fine if they do not exist.
core::Status RemoveTemporary(const std::string& building, const SaveOptions& options) {
  for (const std::string& path : {building, building + "-journal"}) {
    AMIP_RETURN_IF_ERROR(Step(options, "remove"));
    std::error_code error;
    std::filesystem::remove(path, error);
    if (error) {
      return core::UnavailableError("die Datei " + path + " eines früheren Imports kann nicht "
                                    "entfernt werden: " + error.message() +
                                    "; bitte von Hand löschen");
    }
  }
  return core::Status::Ok();
}

// Makes the committed database `building` visible as `db_path`. A hard link never replaces a
// file; on file systems without hard links a rename does (no amip import can have created
// `db_path` meanwhile: the lock). Then the directory is synced, so the new name survives a
// power loss as the committed content does (synchronous=FULL).
core::Status Publish(const std::string& building, const std::string& db_path,
                     const SaveOptions& options) {
  AMIP_RETURN_IF_ERROR(Step(options, "link"));
  if (::link(building.c_str(), db_path.c_str()) == 0) {
    // Keeping the temporary name does not undo the import; the next import removes it first.
    if (Step(options, "unlink").ok()) ::unlink(building.c_str());
  } else {
    const int error = errno;
    if (error == EEXIST) {
      return core::FailedPreconditionError(
          "die Datenbank " + db_path + " ist während des Imports von einem anderen Programm "
          "angelegt worden; sie bleibt unverändert, bitte erneut importieren");
    }
    if (error != EPERM && error != EOPNOTSUPP) {
      return core::UnavailableError("die neue Datenbank " + db_path +
                                    " kann nicht angelegt werden: " + std::strerror(error));
    }
    AMIP_RETURN_IF_ERROR(Step(options, "rename"));
    if (::rename(building.c_str(), db_path.c_str()) != 0) {
      return core::UnavailableError("die neue Datenbank " + db_path +
                                    " kann nicht angelegt werden: " + std::strerror(errno));
    }
  }
  std::string dir = std::filesystem::path(db_path).parent_path().string();
  if (dir.empty()) dir = ".";
  core::Status synced = Step(options, "sync-dir");
  if (synced.ok()) {
    const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0 || ::fsync(fd) != 0) synced = core::UnavailableError(std::strerror(errno));
    if (fd >= 0) ::close(fd);
  }
  if (!synced.ok()) {
    return core::UnavailableError("die Datenbank " + db_path + " ist geschrieben, aber das "
                                  "Verzeichnis " + dir + " nicht auf dem Datenträger gesichert (" +
                                  synced.message() + "); nach einem Stromausfall kann sie fehlen");
  }
  return core::Status::Ok();
}

// Concurrent imports into one database are serialised by the lock on DB.lock. An existing
// database is changed in place in one transaction and nothing is ever removed: after a failed
// write SQLite's journal restores it on the next open. A new database is built under a
// temporary name only the lock holder uses and appears under `db_path` complete and committed,
// so readers never see a half-created file and a failure removes only the temporary files.
core::Result<SaveOutcome> SaveExtractImpl(const std::string& db_path, const Extract& extract,
                                          Extract* consumable, const std::string& content_hash,
                                          const std::string& source, const SaveOptions& options) {
  AMIP_ASSIGN_OR_RETURN(detail::ImportLock lock,
                        detail::ImportLock::Acquire(db_path, options.lock_wait_ms));
  if (FileExists(db_path)) {
    AMIP_RETURN_IF_ERROR(Step(options, "open"));
    AMIP_ASSIGN_OR_RETURN(Database db,
                          Database::Open(db_path, Database::Mode::kReadWrite, options.vfs));
    return SaveToDatabase(db, extract, consumable, content_hash, source, options, db_path);
  }
  const std::string building = db_path + ".import-tmp";
  AMIP_RETURN_IF_ERROR(RemoveTemporary(building, options));
  core::Result<SaveOutcome> outcome = [&]() -> core::Result<SaveOutcome> {
    AMIP_RETURN_IF_ERROR(Step(options, "open"));
    core::Result<Database> db = Database::Open(building, Database::Mode::kCreate, options.vfs);
    if (!db.ok()) return db.status().WithContext("neue Datenbank " + db_path);
    return SaveToDatabase(*db, extract, consumable, content_hash, source, options, db_path);
  }();
  if (outcome.ok()) {
    if (core::Status published = Publish(building, db_path, options); !published.ok()) {
      outcome = published;
    }
  }
  if (!outcome.ok()) (void)RemoveTemporary(building, SaveOptions());
  return outcome;
}

}  // namespace

core::Result<InfoSummary> Info(const std::string& db_path) {
  if (!FileExists(db_path)) return core::NotFoundError("Datenbank nicht gefunden: " + db_path);
  AMIP_ASSIGN_OR_RETURN(std::vector<Database> snapshot, detail::OpenSnapshot(db_path, 1));
  Database& db = snapshot[0];  // one read transaction: every count is of the same commit
  InfoSummary summary;
  core::Result<int> version = SchemaVersion(db);
  if (!version.ok()) return version.status().WithContext(db_path);
  summary.schema_version = *version;
  AMIP_ASSIGN_OR_RETURN(summary.loads, db.QueryInt("SELECT COUNT(*) FROM loads"));
  for (const std::string_view table : DataTables()) {
    AMIP_ASSIGN_OR_RETURN(int64_t rows, db.QueryInt("SELECT COUNT(*) FROM " + std::string(table)));
    summary.tables.push_back({std::string(table), rows});
  }
  AMIP_ASSIGN_OR_RETURN(summary.jobcenters, db.QueryInt("SELECT COUNT(*) FROM jobcenters"));
  AMIP_ASSIGN_OR_RETURN(summary.municipalities,
                        db.QueryInt("SELECT COUNT(*) FROM municipalities"));
  AMIP_ASSIGN_OR_RETURN(summary.persons,
                        db.QueryInt("SELECT COUNT(DISTINCT person_id) FROM persons"));
  // The covered period is that of the benefit spells and claims (the core of an extract);
  // employment and measure spells may start long before or end (planned) after it. Claims
  // count from the first day of `from_month` to the last day of `to_month`.
  std::vector<std::pair<std::string, std::string>> bounds = {
      {"SELECT MIN(start_date), MAX(MAX(start_date), COALESCE(MAX(end_date), '')) FROM ",
       "benefit_spells"},
      {"SELECT MIN(from_month) || '-01', MAX(to_month) FROM ", "claims"}};
  for (const auto& [select, table] : bounds) {
    AMIP_ASSIGN_OR_RETURN(Statement query, db.Prepare(select + table));
    AMIP_ASSIGN_OR_RETURN(bool row, query.Step());
    if (!row || query.IsNull(0)) continue;
    AMIP_ASSIGN_OR_RETURN(core::Date first, StoredDate(query.Text(0)));
    core::Date last;
    if (table == "claims") {
      AMIP_ASSIGN_OR_RETURN(core::Month month, StoredMonth(query.Text(1)));
      last = month.LastDay();
    } else {
      AMIP_ASSIGN_OR_RETURN(last, StoredDate(query.Text(1)));
    }
    if (!summary.first_day.has_value() || first < *summary.first_day) summary.first_day = first;
    if (!summary.last_day.has_value() || last > *summary.last_day) summary.last_day = last;
  }
  if (summary.last_day.has_value()) {
    Extract count_days;  // only for CountDay()
    AMIP_ASSIGN_OR_RETURN(count_days.stichtage, detail::LoadStichtage(db));
    core::Month month = summary.last_day->ToMonth();
    core::Date day = count_days.CountDay(month);
    if (day > *summary.last_day) day = count_days.CountDay(month - 1);
    summary.last_count_day = day;
    const std::string day_text = day.ToString();
    AMIP_ASSIGN_OR_RETURN(Statement total,
                          db.Prepare("SELECT COUNT(DISTINCT person_id) FROM benefit_spells WHERE "
                                     "status='elb' AND start_date<=?1 AND (end_date IS NULL OR "
                                     "end_date>=?1)"));
    total.Bind(1, std::string_view(day_text));
    AMIP_ASSIGN_OR_RETURN(bool has_total, total.Step());
    if (has_total) summary.elb_last_count_day = total.Int(0);
  }
  AMIP_ASSIGN_OR_RETURN(
      Statement jobcenters,
      db.Prepare("SELECT j.jc_id, j.name, j.kind, (SELECT COUNT(*) FROM municipalities m WHERE "
                 "m.jc_id=j.jc_id), (SELECT COUNT(DISTINCT b.person_id) FROM benefit_spells b "
                 "WHERE b.jc_id=j.jc_id AND b.status='elb' AND b.start_date<=?1 AND "
                 "(b.end_date IS NULL OR b.end_date>=?1)) FROM jobcenters j ORDER BY j.jc_id"));
  const std::string day_text =
      summary.last_count_day.has_value() ? summary.last_count_day->ToString() : std::string();
  jobcenters.Bind(1, std::string_view(day_text));
  while (true) {
    AMIP_ASSIGN_OR_RETURN(bool row, jobcenters.Step());
    if (!row) break;
    summary.per_jobcenter.push_back({std::string(jobcenters.Text(0)),
                                     std::string(jobcenters.Text(1)),
                                     std::string(jobcenters.Text(2)), jobcenters.Int(3),
                                     jobcenters.Int(4)});
  }
  return summary;
}

}  // namespace amip::storage
