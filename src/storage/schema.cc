#include "storage/schema.h"

namespace amip::storage {

const std::vector<Migration>& Migrations() {
  static const std::vector<Migration> kMigrations = {
      {1, "data contract v1: loads, extract tables",
       R"sql(
CREATE TABLE loads(
  load_id INTEGER PRIMARY KEY,
  content_hash TEXT NOT NULL,
  source TEXT NOT NULL,
  imported_at TEXT NOT NULL);
CREATE TABLE jobcenters(
  jc_id TEXT PRIMARY KEY,
  load_id INTEGER NOT NULL REFERENCES loads(load_id),
  name TEXT NOT NULL,
  kind TEXT NOT NULL);
CREATE TABLE municipalities(
  ags TEXT PRIMARY KEY,
  load_id INTEGER NOT NULL REFERENCES loads(load_id),
  name TEXT NOT NULL,
  jc_id TEXT NOT NULL,
  population INTEGER NOT NULL);
CREATE TABLE persons(
  load_id INTEGER NOT NULL,
  person_id TEXT NOT NULL,
  sex TEXT NOT NULL,
  birth_date TEXT NOT NULL,
  nationality TEXT NOT NULL,
  severely_disabled INTEGER NOT NULL,
  vocational_qualification TEXT NOT NULL,
  profillage TEXT NOT NULL);
CREATE TABLE benefit_spells(
  load_id INTEGER NOT NULL,
  person_id TEXT NOT NULL,
  jc_id TEXT NOT NULL,
  municipality TEXT NOT NULL,
  bg_id TEXT NOT NULL,
  bg_role TEXT NOT NULL,
  status TEXT NOT NULL,
  single_parent INTEGER NOT NULL,
  start_date TEXT NOT NULL,
  end_date TEXT);
CREATE TABLE claims(
  load_id INTEGER NOT NULL,
  person_id TEXT NOT NULL,
  from_month TEXT NOT NULL,
  to_month TEXT NOT NULL,
  llu_cents INTEGER NOT NULL,
  luh_cents INTEGER NOT NULL);
CREATE TABLE employment_spells(
  load_id INTEGER NOT NULL,
  person_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  subsidy TEXT NOT NULL,
  start_date TEXT NOT NULL,
  end_date TEXT,
  hours_week REAL,
  gross_month_cents INTEGER);
CREATE TABLE measure_spells(
  load_id INTEGER NOT NULL,
  person_id TEXT NOT NULL,
  instrument TEXT NOT NULL,
  start_date TEXT NOT NULL,
  end_date TEXT,
  cost_cents INTEGER NOT NULL,
  funding TEXT NOT NULL);
CREATE TABLE unemployment_spells(
  load_id INTEGER NOT NULL,
  person_id TEXT NOT NULL,
  start_date TEXT NOT NULL,
  end_date TEXT);
CREATE TABLE bg_housing(
  load_id INTEGER NOT NULL,
  bg_id TEXT NOT NULL,
  from_month TEXT NOT NULL,
  to_month TEXT NOT NULL,
  rent_cold_cents INTEGER NOT NULL,
  heating_cents INTEGER NOT NULL,
  flat_size_sqm REAL NOT NULL);
CREATE TABLE stichtage(
  load_id INTEGER NOT NULL,
  month TEXT NOT NULL,
  date TEXT NOT NULL);
)sql"},
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

const std::vector<std::string_view>& DataTables() {
  static const std::vector<std::string_view> kTables = {
      "jobcenters",     "municipalities",      "persons",    "benefit_spells",
      "claims",         "employment_spells",   "measure_spells", "unemployment_spells",
      "bg_housing",     "stichtage"};
  return kTables;
}

}  // namespace amip::storage
