// Helpers shared by the storage tests (test-only, header-only): a scratch directory per test,
// a tiny two-person extract, file bytes, and an Extract rendered as its contract CSV files
// (the one exact way to compare two extracts field by field), integrity_check.
#pragma once

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "contract/extract.h"
#include "contract/extract_writer.h"
#include "core/date.h"

namespace amip::storage::testing_util {

// An empty directory for one test, below `base` (default: the test temp dir), unique per
// process.
inline std::filesystem::path WorkDir(const std::string& suite, const std::string& name,
                                     const std::string& base = testing::TempDir()) {
  const std::filesystem::path dir = std::filesystem::path(base) /
                                    ("amip_" + suite + "_" + std::to_string(::getpid())) / name;
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

// One Jobcenter, one municipality, persons P2 and P1 (in that order), one BG, two spells.
inline contract::Extract TinyExtract(const std::string& jc_id, const std::string& ags) {
  using core::Date;
  contract::Extract extract;
  extract.jobcenters = {{jc_id, "Jobcenter " + jc_id, contract::JcKind::kGe}};
  extract.municipalities = {{ags, "Ort", 0, 1000}};
  contract::Person second;
  second.person_id = "P2";
  second.sex = contract::Sex::kM;
  second.birth_date = Date::FromYmd(1990, 1, 1);
  contract::Person first = second;
  first.person_id = "P1";
  first.sex = contract::Sex::kF;
  extract.persons = {second, first};
  extract.bg_ids = {"BG" + jc_id};
  extract.benefit_spells = {{1, 0, 0, 0, contract::BgRole::kHead, contract::BenefitStatus::kElb,
                             false, Date::FromYmd(2024, 1, 1), std::nullopt},
                            {0, 0, 0, 0, contract::BgRole::kPartner, contract::BenefitStatus::kNef,
                             false, Date::FromYmd(2024, 1, 1), Date::FromYmd(2024, 3, 31)}};
  return extract;
}

inline std::string ReadBytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// Every CSV file of `extract` written into `dir`, concatenated in name order.
inline std::string AsCsv(const contract::Extract& extract, const std::filesystem::path& dir) {
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  const core::Status written = contract::WriteExtractCsv(extract, dir.string());
  EXPECT_TRUE(written.ok()) << written.ToString();
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  std::string all;
  for (const std::filesystem::path& file : files) {
    all += "== " + file.filename().string() + "\n" + ReadBytes(file);
  }
  return all;
}

// The first row of PRAGMA integrity_check ("ok" for a sound database), read-only.
inline std::string IntegrityCheck(const std::string& db) {
  sqlite3* raw = nullptr;
  std::string result = "cannot open";
  if (sqlite3_open_v2(db.c_str(), &raw, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(raw, "PRAGMA integrity_check", -1, &stmt, nullptr) == SQLITE_OK &&
        sqlite3_step(stmt) == SQLITE_ROW) {
      result = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
    }
    sqlite3_finalize(stmt);
  }
  sqlite3_close(raw);
  return result;
}

// A compact text of the tables TinyExtract fills (cheaper than AsCsv in loops): two extracts
// of those tables are equal exactly when their fingerprints are.
inline std::string Fingerprint(const contract::Extract& extract) {
  std::string text;
  for (const contract::Jobcenter& jc : extract.jobcenters) text += "J" + jc.jc_id + jc.name + ";";
  for (const contract::Municipality& m : extract.municipalities) {
    text += "M" + m.ags + m.name + std::to_string(m.jc) + "/" + std::to_string(m.population) + ";";
  }
  for (const contract::Person& person : extract.persons) {
    text += "P" + person.person_id + std::string(contract::ToString(person.sex)) +
            person.birth_date.ToString() + ";";
  }
  for (const std::string& bg : extract.bg_ids) text += "G" + bg + ";";
  for (const contract::BenefitSpell& spell : extract.benefit_spells) {
    text += "B" + std::to_string(spell.person) + "/" + std::to_string(spell.jc) + "/" +
            std::to_string(spell.municipality) + "/" + std::to_string(spell.bg) + "/" +
            std::string(contract::ToString(spell.bg_role)) +
            std::string(contract::ToString(spell.status)) + spell.start.ToString() +
            (spell.end.has_value() ? spell.end->ToString() : "open") + ";";
  }
  text += "C" + std::to_string(extract.claims.size()) + "E" +
          std::to_string(extract.employment_spells.size()) + "S" +
          std::to_string(extract.stichtage.size());
  return text;
}

}  // namespace amip::storage::testing_util
