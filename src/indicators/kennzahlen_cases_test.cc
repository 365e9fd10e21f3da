// Runs every indicator case in tests/indicators/cases/*.yaml (one GoogleTest per file): a tiny
// extract written inline (persons with benefit, employment and measure spells and claims), the
// reporting months and options, and the expected rows. Adding a case never touches C++.
// Format: tests/indicators/README.md.
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <string>

#include "indicators/kennzahlen.h"

namespace amip::indicators {
namespace {

using core::Date;
using core::Month;

std::string SourceDir() {
  const char* env = std::getenv("AMIP_SOURCE_DIR");
  return env ? env : AMIP_SOURCE_DIR;
}

Date ParseDate(const YAML::Node& node) {
  auto parsed = Date::Parse(node.as<std::string>());
  EXPECT_TRUE(parsed.ok()) << node.as<std::string>();
  return parsed.ok() ? *parsed : Date();
}

std::optional<Date> ParseEnd(const YAML::Node& node) {
  if (!node || node.IsNull() || node.as<std::string>().empty()) return std::nullopt;
  return ParseDate(node);
}

Month ParseMonth(const YAML::Node& node) {
  auto parsed = Month::Parse(node.as<std::string>());
  EXPECT_TRUE(parsed.ok()) << node.as<std::string>();
  return parsed.ok() ? *parsed : Month();
}

struct Built {
  contract::Extract extract;
  std::map<std::string, core::JcIdx> jc_index;
  std::map<std::string, core::MunicipalityIdx> muni_index;
};

Built BuildExtract(const YAML::Node& root) {
  Built built;
  contract::Extract& extract = built.extract;
  for (const auto& node : root["jobcenters"]) {
    const std::string id = node.as<std::string>();
    built.jc_index[id] = static_cast<core::JcIdx>(extract.jobcenters.size());
    extract.jobcenters.push_back({id, "Jobcenter " + id, contract::JcKind::kGe});
  }
  if (root["municipalities"]) {
    for (const auto& node : root["municipalities"]) {
      const std::string ags = node["ags"].as<std::string>();
      built.muni_index[ags] = static_cast<core::MunicipalityIdx>(extract.municipalities.size());
      extract.municipalities.push_back({ags, node["name"].as<std::string>(),
                                        built.jc_index.at(node["jc"].as<std::string>()), 1000});
    }
  }
  if (root["stichtage"]) {
    for (const auto& node : root["stichtage"]) {
      extract.stichtage.push_back({ParseMonth(node["month"]), ParseDate(node["date"])});
    }
  }
  for (const auto& node : root["persons"]) {
    const int count = node["count"] ? node["count"].as<int>() : 1;
    for (int copy = 0; copy < count; ++copy) {
      const auto person = static_cast<core::PersonIdx>(extract.persons.size());
      contract::Person row;
      row.person_id = node["id"].as<std::string>() + (count > 1 ? "_" + std::to_string(copy) : "");
      row.sex = *contract::ParseSex(node["sex"] ? node["sex"].as<std::string>() : "f");
      row.birth_date = Date::FromYmd(1980, 1, 1);
      extract.persons.push_back(row);
      for (const auto& spell_node : node["benefit"]) {
        contract::BenefitSpell spell;
        spell.person = person;
        spell.jc = built.jc_index.at(spell_node["jc"].as<std::string>());
        spell.municipality = spell_node["muni"]
                                 ? built.muni_index.at(spell_node["muni"].as<std::string>())
                                 : core::kNoIdx;
        spell.status = *contract::ParseBenefitStatus(spell_node["status"].as<std::string>());
        spell.single_parent = spell_node["single_parent"] && spell_node["single_parent"].as<int>();
        spell.start = ParseDate(spell_node["start"]);
        spell.end = ParseEnd(spell_node["end"]);
        extract.benefit_spells.push_back(spell);
      }
      for (const auto& job_node : node["employment"]) {
        contract::EmploymentSpell job;
        job.person = person;
        job.kind = *contract::ParseEmploymentKind(job_node["kind"].as<std::string>());
        if (job_node["subsidy"]) {
          job.subsidy = *contract::ParseSubsidy(job_node["subsidy"].as<std::string>());
        }
        job.start = ParseDate(job_node["start"]);
        job.end = ParseEnd(job_node["end"]);
        extract.employment_spells.push_back(job);
      }
      for (const auto& measure_node : node["measures"]) {
        contract::MeasureSpell measure;
        measure.person = person;
        measure.instrument = measure_node["instrument"].as<std::string>();
        measure.start = ParseDate(measure_node["start"]);
        measure.end = ParseEnd(measure_node["end"]);
        extract.measure_spells.push_back(measure);
      }
      for (const auto& claim_node : node["claims"]) {
        contract::Claim claim;
        claim.person = person;
        claim.from = ParseMonth(claim_node["from"]);
        claim.to = ParseMonth(claim_node["to"]);
        claim.llu = *core::Cents::Parse(claim_node["llu"].as<std::string>());
        claim.luh = *core::Cents::Parse(claim_node["luh"].as<std::string>());
        extract.claims.push_back(claim);
      }
    }
  }
  return built;
}

void RunCase(const std::filesystem::path& path) {
  YAML::Node root = YAML::LoadFile(path.string());
  SCOPED_TRACE(root["name"].as<std::string>());
  Built built = BuildExtract(root);
  Options options;
  auto months = core::MonthRange::Parse(root["months"].as<std::string>());
  ASSERT_TRUE(months.ok()) << months.status().ToString();
  options.months = *months;
  if (root["coverage_start"]) options.coverage_start = ParseDate(root["coverage_start"]);
  if (root["coverage_end"]) options.coverage_end = ParseDate(root["coverage_end"]);
  if (const YAML::Node opts = root["options"]) {
    if (opts["lzb_method"]) {
      options.lzb_method =
          opts["lzb_method"].as<std::string>() == "months" ? LzbMethod::kMonths : LzbMethod::kDays;
    }
    if (opts["flow_averaging"]) {
      options.flow_averaging = opts["flow_averaging"].as<std::string>() == "simple"
                                   ? FlowAveraging::kSimple
                                   : FlowAveraging::kWeighted;
    }
    if (opts["bdi_followup_months"]) {
      options.bdi_followup_months = opts["bdi_followup_months"].as<int>();
    }
    if (opts["by_municipality"]) options.by_municipality = opts["by_municipality"].as<bool>();
  }
  auto computed = ComputeIndicators(built.extract, options);
  ASSERT_TRUE(computed.ok()) << computed.status().ToString();
  const double tolerance = root["tolerance"] ? root["tolerance"].as<double>() : 1e-6;
  int checked = 0;
  for (const auto& expect : root["expect"]) {
    const std::string jc = expect["jc"].as<std::string>();
    const Month month = ParseMonth(expect["month"]);
    auto id = ParseIndicatorId(expect["indicator"].as<std::string>());
    ASSERT_TRUE(id.ok()) << id.status().ToString();
    const std::string sex = expect["sex"] ? expect["sex"].as<std::string>() : "all";
    const core::MunicipalityIdx muni =
        expect["muni"] ? built.muni_index.at(expect["muni"].as<std::string>()) : core::kNoIdx;
    const IndicatorRow* found = nullptr;
    for (const IndicatorRow& row : computed->rows) {
      if (row.jc == built.jc_index.at(jc) && row.month == month && row.indicator == *id &&
          ToString(row.sex) == sex && row.municipality == muni) {
        found = &row;
      }
    }
    const std::string what = jc + " " + month.ToString() + " " + std::string(ToString(*id)) +
                             " " + sex;
    ASSERT_NE(found, nullptr) << "no row for " << what;
    if (expect["note_contains"]) {
      EXPECT_NE(found->note.find(expect["note_contains"].as<std::string>()), std::string::npos)
          << what << ": note '" << found->note << "'";
    } else {
      EXPECT_EQ(found->note, "") << what;
    }
    if (expect["numerator"]) {
      EXPECT_NEAR(found->numerator, expect["numerator"].as<double>(), tolerance) << what;
    }
    if (expect["denominator"]) {
      EXPECT_NEAR(found->denominator, expect["denominator"].as<double>(), tolerance) << what;
    }
    if (expect["value"]) {
      if (expect["value"].IsNull()) {
        EXPECT_FALSE(found->value.has_value()) << what;
      } else {
        ASSERT_TRUE(found->value.has_value()) << what;
        EXPECT_NEAR(*found->value, expect["value"].as<double>(), tolerance) << what;
      }
    }
    if (expect["version"]) {
      EXPECT_EQ(found->version, expect["version"].as<int>()) << what;
    }
    ++checked;
  }
  EXPECT_GT(checked, 0) << "case without expectations";
}

class CaseTest : public testing::Test {
 public:
  explicit CaseTest(std::filesystem::path path) : path_(std::move(path)) {}
  void TestBody() override { RunCase(path_); }

 private:
  std::filesystem::path path_;
};

const int kRegistered = [] {
  const std::filesystem::path dir = std::filesystem::path(SourceDir()) / "tests/indicators/cases";
  std::vector<std::filesystem::path> files;
  if (std::filesystem::exists(dir)) {
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
      if (entry.path().extension() == ".yaml") files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  for (const auto& file : files) {
    testing::RegisterTest("KennzahlenCase", file.stem().string().c_str(), nullptr, nullptr,
                          __FILE__, __LINE__, [file]() -> testing::Test* {
                            return new CaseTest(file);
                          });
  }
  return static_cast<int>(files.size());
}();

TEST(KennzahlenCaseFiles, Found) { EXPECT_GE(kRegistered, 17); }

}  // namespace
}  // namespace amip::indicators
