// Helpers shared by the storage tests (test-only, header-only): a scratch directory per test,
// a tiny two-person extract, file bytes, and an Extract rendered as its contract CSV files
// (the one exact way to compare two extracts field by field).
#pragma once

#include <gtest/gtest.h>
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

// An empty directory for one test, below the test temp dir and unique per process.
inline std::filesystem::path WorkDir(const std::string& suite, const std::string& name) {
  const std::filesystem::path dir = std::filesystem::path(testing::TempDir()) /
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

}  // namespace amip::storage::testing_util
