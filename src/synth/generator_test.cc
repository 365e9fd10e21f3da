#include "synth/generator.h"

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include "benefits/bg_household.h"
#include "contract/extract_writer.h"
#include "contract/instrument_catalogue.h"
#include "core/ids.h"
#include "law/law_snapshot.h"
#include "law/local_rules.h"
#include "synth/profile.h"
#include "synth/random.h"

namespace amip::synth {
namespace {

namespace fs = std::filesystem;

// kreis-unna-2025 at a tenth of its size (stock path, plan and count targets scaled by 0.1,
// count tolerances widened for the smaller sample): fast enough for Debug + sanitizers.
Profile SmallProfile() {
  auto loaded = LoadProfile("kreis-unna-2025");
  EXPECT_TRUE(loaded.ok()) << loaded.status().ToString();
  Profile profile = *loaded;
  profile.first_month = core::Month::FromYm(2017, 1);  // the full history: LZB needs the long stayers
  profile.last_month = core::Month::FromYm(2025, 6);
  for (PathPoint& point : profile.model.bg_path) point.value *= 0.1;
  for (MeasurePlan& plan : profile.model.measures) {
    plan.default_entries *= 0.1;
    for (PlanYear& year : plan.entries) year.entries *= 0.1;
  }
  std::vector<Target> kept;
  for (Target target : profile.targets) {
    if (target.quantity == "population" || target.quantity.rfind("sgb2_quote", 0) == 0 ||
        target.quantity.rfind("measure_", 0) == 0 || target.quantity.rfind("k2_town", 0) == 0 ||
        target.quantity.rfind("k2:", 0) == 0) {  // one town at a tenth: a few dozen integrations
      continue;  // depend on the full size or on the plan year 2025 (after the horizon)
    }
    if (target.tolerance_kind == ToleranceKind::kRelative) {
      if (target.quantity != "payment_per_bg") target.target *= 0.1;
      target.tolerance *= 2.5;
    } else if (target.tolerance_kind == ToleranceKind::kAbsolute) {
      target.tolerance *= 2.0;
    }
    kept.push_back(target);
  }
  profile.targets = kept;
  profile.amounts_year = 2024;
  return profile;
}

const GeneratedExtract& SmallExtract() {
  static const GeneratedExtract* generated = [] {
    auto result = Generate(SmallProfile(), 7);
    EXPECT_TRUE(result.ok()) << result.status().ToString();
    return new GeneratedExtract(std::move(result).value());
  }();
  return *generated;
}

std::map<std::string, std::string> WriteAndRead(const contract::Extract& extract,
                                                const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / ("amip_synth_test_" + name);
  fs::remove_all(dir);
  EXPECT_TRUE(contract::WriteExtractCsv(extract, dir.string()).ok());
  std::map<std::string, std::string> files;
  for (const auto& entry : fs::directory_iterator(dir)) {
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    files[entry.path().filename().string()] = text.str();
  }
  fs::remove_all(dir);
  return files;
}

TEST(RngTest, KnownSequenceForSeed) {
  // Golden values: the same on every platform and standard library.
  Rng rng(42);
  const uint64_t first = rng.Next();
  const uint64_t second = rng.Next();
  Rng again(42);
  EXPECT_EQ(again.Next(), first);
  EXPECT_EQ(again.Next(), second);
  EXPECT_NE(first, second);
  Rng other(43);
  EXPECT_NE(other.Next(), first);
}

TEST(RngTest, TransformsStayInRange) {
  Rng rng(1);
  double sum = 0;
  for (int draw = 0; draw < 10000; ++draw) {
    const double u = rng.Uniform();
    ASSERT_GE(u, 0.0);
    ASSERT_LT(u, 1.0);
    sum += u;
    ASSERT_LT(rng.Below(7), 7u);
    const int64_t value = rng.Between(-3, 3);
    ASSERT_GE(value, -3);
    ASSERT_LE(value, 3);
  }
  EXPECT_NEAR(sum / 10000, 0.5, 0.02);
  double poisson = 0;
  for (int draw = 0; draw < 2000; ++draw) poisson += static_cast<double>(rng.Poisson(4.0));
  EXPECT_NEAR(poisson / 2000, 4.0, 0.2);
}

TEST(ProfileTest, EmbeddedProfilesLoad) {
  for (const std::string name : {"kreis-unna-2025", "kreis-unna-2014", "national"}) {
    auto profile = LoadProfile(name);
    ASSERT_TRUE(profile.ok()) << name << ": " << profile.status().ToString();
    EXPECT_EQ(profile->name, name);
    EXPECT_FALSE(profile->targets.empty());
  }
}

TEST(ProfileTest, RejectsUnknownKeyWithLine) {
  const std::string yaml =
      "profile: x\ndescription: d\nfirst_month: 2020-01\nlast_month: 2021-12\n"
      "reference_month: 2021-06\nunemployment_month: 2021-06\namounts_year: 2021\n"
      "plan_year: 2021\nbogus: 1\n";
  auto profile = ParseProfile(yaml, "test.yaml");
  ASSERT_FALSE(profile.ok());
  EXPECT_EQ(profile.status().code(), core::StatusCode::kInvalidArgument);
  EXPECT_NE(profile.status().message().find("test.yaml:9:1"), std::string::npos)
      << profile.status().message();
  EXPECT_NE(profile.status().message().find("bogus"), std::string::npos);
}

TEST(ProfileTest, RejectsDuplicateKey) {
  auto profile = ParseProfile("profile: a\nprofile: b\n", "dup.yaml");
  ASSERT_FALSE(profile.ok());
  EXPECT_NE(profile.status().message().find("doppelter Schlüssel 'profile'"), std::string::npos);
}

TEST(ProfileTest, UnknownProfileNamesTheEmbeddedOnes) {
  auto profile = LoadProfile("no-such-profile");
  ASSERT_FALSE(profile.ok());
  EXPECT_EQ(profile.status().code(), core::StatusCode::kNotFound);
  EXPECT_NE(profile.status().message().find("kreis-unna-2025"), std::string::npos);
}

// Item 12 of issue 9: every claim is the benefits engine's result for the BG's month (the
// check of `amip bedarf --db --month`); with the former flat model amounts 3,42 % agreed.
TEST(GeneratorTest, ClaimsAreTheBenefitsEnginesResult) {
  const contract::Extract& extract = SmallExtract().extract;
  auto store = law::EmbeddedStore();
  auto local = law::EmbeddedLocalRules();
  ASSERT_TRUE(store.ok());
  ASSERT_TRUE(local.ok());
  for (const core::Month month : {core::Month::FromYm(2019, 3), core::Month::FromYm(2024, 9), core::Month::FromYm(2025, 6)}) {
    auto law = law::ResolveLaw(**store, month.FirstDay());
    ASSERT_TRUE(law.ok());
    const benefits::ClaimCheck check = benefits::CheckClaims(extract, month, *law, *local);
    EXPECT_GT(check.bgs, 1000) << month.ToString();
    EXPECT_EQ(check.no_housing, 0) << month.ToString();
    EXPECT_EQ(check.errors, 0) << check.first_error;
    EXPECT_EQ(check.not_in_need_with_claims, 0) << month.ToString();
    EXPECT_GE(check.AgreeShare(), 0.99) << month.ToString() << ": " << check.agree << " of " << check.computed
                                        << ", first mismatch " << check.first_mismatch;
  }
}

TEST(GeneratorTest, SmallProfilePassesCalibration) {
  const GeneratedExtract& generated = SmallExtract();
  ASSERT_FALSE(generated.calibration.empty());
  for (const CalibrationRow& row : generated.calibration) {
    EXPECT_TRUE(row.pass) << row.quantity << ": target " << row.target << ", generated "
                          << row.generated;
  }
}

TEST(GeneratorTest, SameSeedGivesIdenticalFiles) {
  auto again = Generate(SmallProfile(), 7);
  ASSERT_TRUE(again.ok());
  const auto first = WriteAndRead(SmallExtract().extract, "a");
  const auto second = WriteAndRead(again->extract, "b");
  ASSERT_EQ(first.size(), second.size());
  for (const auto& [name, content] : first) {
    EXPECT_TRUE(content == second.at(name)) << name << " differs between two runs";
  }
  EXPECT_EQ(first.count("bg_housing.csv"), 1u);
  EXPECT_EQ(first.count("unemployment_spells.csv"), 1u);
}

TEST(GeneratorTest, OtherSeedGivesOtherData) {
  auto other = Generate(SmallProfile(), 8);
  ASSERT_TRUE(other.ok());
  const auto first = WriteAndRead(SmallExtract().extract, "c");
  const auto second = WriteAndRead(other->extract, "d");
  EXPECT_NE(first.at("benefit_spells.csv"), second.at("benefit_spells.csv"));
  EXPECT_NE(first.at("claims.csv"), second.at("claims.csv"));
}

// The contract rules of docs/data-contract.md that an import enforces.
TEST(GeneratorTest, ExtractSatisfiesContractRules) {
  const contract::Extract& extract = SmallExtract().extract;
  const int32_t persons = static_cast<int32_t>(extract.persons.size());
  for (const auto& jc : extract.jobcenters) EXPECT_TRUE(core::IsValidId(jc.jc_id));
  for (const auto& mun : extract.municipalities) {
    EXPECT_EQ(mun.ags.size(), 8u);
    EXPECT_GE(mun.jc, 0);
  }
  for (const auto& person : extract.persons) ASSERT_TRUE(core::IsValidId(person.person_id));
  for (const auto& bg : extract.bg_ids) ASSERT_TRUE(core::IsValidId(bg));
  // Benefit spells: sorted by person and start, valid bounds, no overlap.
  std::vector<std::vector<std::pair<int32_t, int32_t>>> spells(static_cast<size_t>(persons));
  for (size_t row = 0; row < extract.benefit_spells.size(); ++row) {
    const auto& spell = extract.benefit_spells[row];
    ASSERT_GE(spell.person, 0);
    ASSERT_LT(spell.person, persons);
    ASSERT_LT(static_cast<size_t>(spell.bg), extract.bg_ids.size());
    ASSERT_LT(static_cast<size_t>(spell.municipality), extract.municipalities.size());
    ASSERT_LT(static_cast<size_t>(spell.jc), extract.jobcenters.size());
    const int32_t end = spell.end ? spell.end->days() : INT32_MAX;
    ASSERT_GE(end, spell.start.days()) << "row " << row;
    auto& list = spells[static_cast<size_t>(spell.person)];
    if (!list.empty()) {
      ASSERT_GT(spell.start.days(), list.back().second) << "overlap at benefit row " << row;
    }
    list.push_back({spell.start.days(), end});
  }
  // Claims: no overlap per person, every month covered by a spell of that person.
  std::vector<int32_t> last_claim(static_cast<size_t>(persons), -1);
  for (size_t row = 0; row < extract.claims.size(); ++row) {
    const auto& claim = extract.claims[row];
    ASSERT_LE(claim.from, claim.to);
    ASSERT_GE(claim.llu.value(), 0);
    ASSERT_GE(claim.luh.value(), 0);
    ASSERT_GT(claim.from.index(), last_claim[static_cast<size_t>(claim.person)]) << row;
    last_claim[static_cast<size_t>(claim.person)] = claim.to.index();
    for (core::Month month = claim.from; month <= claim.to; ++month) {
      bool covered = false;
      for (const auto& [start, end] : spells[static_cast<size_t>(claim.person)]) {
        covered = covered || (start <= month.LastDay().days() && end >= month.FirstDay().days());
      }
      ASSERT_TRUE(covered) << "claim row " << row << " month " << month.ToString();
    }
  }
  for (const auto& spell : extract.employment_spells) {
    ASSERT_TRUE(!spell.end || *spell.end >= spell.start);
    ASSERT_TRUE(!spell.gross_month || spell.gross_month->value() >= 0);
  }
  auto catalogue = contract::LoadInstrumentCatalogue();
  ASSERT_TRUE(catalogue.ok());
  for (const auto& spell : extract.measure_spells) {
    ASSERT_NE(catalogue->Find(spell.instrument), nullptr) << spell.instrument;
    ASSERT_TRUE(!spell.end || *spell.end >= spell.start);
    ASSERT_GE(spell.cost.value(), 0);
  }
  std::vector<int32_t> last_unemployment(static_cast<size_t>(persons), INT32_MIN);
  for (const auto& spell : extract.unemployment_spells) {
    ASSERT_TRUE(!spell.end || *spell.end >= spell.start);
    ASSERT_GT(spell.start.days(), last_unemployment[static_cast<size_t>(spell.person)]);
    last_unemployment[static_cast<size_t>(spell.person)] = spell.end ? spell.end->days() : INT32_MAX;
  }
  for (const auto& housing : extract.bg_housing) {
    ASSERT_LE(housing.from, housing.to);
    ASSERT_GT(housing.rent_cold.value(), 0);
    ASSERT_GT(housing.flat_size_sqm, 0);
  }
}

TEST(GeneratorTest, DynamicsAreThere) {
  const contract::Extract& extract = SmallExtract().extract;
  // Children becoming ELB at 15 (NEF spell followed by an ELB spell of the same person),
  // single parents, every employment kind and all subsidies used by the plan.
  int nef_to_elb = 0;
  for (size_t row = 1; row < extract.benefit_spells.size(); ++row) {
    const auto& before = extract.benefit_spells[row - 1];
    const auto& after = extract.benefit_spells[row];
    if (before.person == after.person && before.status == contract::BenefitStatus::kNef &&
        after.status == contract::BenefitStatus::kElb) {
      ++nef_to_elb;
    }
  }
  EXPECT_GT(nef_to_elb, 50);
  std::map<contract::EmploymentKind, int> kinds;
  std::map<contract::Subsidy, int> subsidies;
  for (const auto& spell : extract.employment_spells) {
    ++kinds[spell.kind];
    ++subsidies[spell.subsidy];
  }
  EXPECT_EQ(kinds.size(), 6u);
  EXPECT_GT(subsidies[contract::Subsidy::kEgz], 0);
  EXPECT_GT(subsidies[contract::Subsidy::kEsg], 0);
  EXPECT_GT(subsidies[contract::Subsidy::k16e], 0);
  std::map<std::string, int> roles;
  for (const auto& spell : extract.benefit_spells) {
    if (spell.single_parent) ++roles["single_parent"];
  }
  EXPECT_GT(roles["single_parent"], 100);
}

// A smaller copy of an embedded profile: stock path and plan scaled by `scale`, no targets.
Profile Scaled(const std::string& name, double scale) {
  auto loaded = LoadProfile(name);
  EXPECT_TRUE(loaded.ok()) << loaded.status().ToString();
  Profile profile = *loaded;
  for (PathPoint& point : profile.model.bg_path) point.value *= scale;
  for (MeasurePlan& plan : profile.model.measures) {
    plan.default_entries *= scale;
    for (PlanYear& year : plan.entries) year.entries *= scale;
  }
  profile.targets.clear();
  return profile;
}

// Issue 9 item 14: the Jobcenter Kreis Unna is a gemeinsame Einrichtung (§ 44b SGB II).
TEST(ProfileTest, KreisUnnaIsGemeinsameEinrichtung) {
  for (const std::string name : {"kreis-unna-2025", "kreis-unna-2014"}) {
    auto profile = LoadProfile(name);
    ASSERT_TRUE(profile.ok());
    ASSERT_EQ(profile->jobcenters.size(), 1u);
    EXPECT_EQ(profile->jobcenters[0].kind, contract::JcKind::kGe) << name;
  }
}

// Issue 9 item 14: the national profile has exactly zkt_count zkT (104 of 405), the rest gE.
TEST(GeneratorTest, GeneratedJobcentersHaveTheProfilesFormMix) {
  Profile profile = Scaled("national", 0.0002);  // ~600 BGs in all
  EXPECT_EQ(profile.generated.count, 405);
  EXPECT_EQ(profile.generated.zkt_count, 104);
  profile.generated.count = 40;
  profile.generated.zkt_count = 11;
  profile.first_month = core::Month::FromYm(2023, 1);
  auto generated = Generate(profile, 3);
  ASSERT_TRUE(generated.ok());
  int zkt = 0, ge = 0;
  for (const auto& jc : generated->extract.jobcenters) {
    (jc.kind == contract::JcKind::kZkt ? zkt : ge) += 1;
  }
  EXPECT_EQ(zkt, 11);
  EXPECT_EQ(ge, 29);
}

// The national profile re-tuned after item 12 (claims from the benefits engine): at 0.5 % of
// its stock and plan (≈ 14,700 BGs, 405 Jobcenters, 2018-06..2024-12) its scale-free targets
// K2 (21 ± 2) and the monthly entry and exit rates (2,5–4,0 %) pass. Failed before the
// re-tuning: K2 24,25 %, entry 4,16 %, exit 4,13 % (seed 1).
TEST(GeneratorTest, NationalAtHalfPercentMeetsItsRateTargets) {
  auto loaded = LoadProfile("national");
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  const std::vector<Target> targets = loaded->targets;
  Profile profile = Scaled("national", 0.005);
  for (const Target& target : targets) {
    if (target.quantity == "k2" || target.quantity == "entry_rate" || target.quantity == "exit_rate") {
      profile.targets.push_back(target);
    }
  }
  ASSERT_EQ(profile.targets.size(), 3u);
  auto generated = Generate(profile, 1);
  ASSERT_TRUE(generated.ok()) << generated.status().ToString();
  ASSERT_EQ(generated->calibration.size(), 3u);
  for (const CalibrationRow& row : generated->calibration) {
    EXPECT_TRUE(row.pass) << row.quantity << ": target " << row.target << ", generated "
                          << row.generated;
  }
}

// Issue 9 item 16: a Profillage for every person who was ELB (2014), for no child under 15
// and no NEF adult; none at all where the year no longer used them (2025).
TEST(GeneratorTest, ProfillageOnlyForElbAndOnlyIn2014) {
  Profile profile = Scaled("kreis-unna-2014", 0.05);
  profile.first_month = core::Month::FromYm(2010, 1);
  auto generated = Generate(profile, 2);
  ASSERT_TRUE(generated.ok());
  const contract::Extract& extract = generated->extract;
  std::vector<char> was_elb(extract.persons.size(), 0);
  for (const auto& spell : extract.benefit_spells) {
    if (spell.status == contract::BenefitStatus::kElb) was_elb[static_cast<size_t>(spell.person)] = 1;
  }
  int with = 0, elb = 0;
  for (size_t idx = 0; idx < extract.persons.size(); ++idx) {
    const bool has = !extract.persons[idx].profillage.empty();
    if (was_elb[idx]) ++elb;
    if (has) ++with;
    EXPECT_EQ(has, was_elb[idx] != 0) << extract.persons[idx].person_id;
    if (::testing::Test::HasFailure()) break;
  }
  EXPECT_GT(with, 1000);
  EXPECT_EQ(with, elb);
  for (const auto& person : SmallExtract().extract.persons) {
    ASSERT_TRUE(person.profillage.empty()) << person.person_id;
  }
}

// Issue 9 item 13: realised entries vary around the plan (measure_entry_sd), within ±10 %.
TEST(GeneratorTest, MeasureEntriesVaryAroundThePlan) {
  const Profile profile = SmallProfile();
  ASSERT_GT(profile.model.measure_entry_sd, 0);
  const MeasurePlan* mat = nullptr;
  for (const MeasurePlan& plan : profile.model.measures) {
    if (plan.instrument == "mat") mat = &plan;
  }
  ASSERT_NE(mat, nullptr);
  std::map<int, int> entries;
  for (const auto& spell : SmallExtract().extract.measure_spells) {
    if (spell.instrument == "mat") ++entries[spell.start.year()];
  }
  int differ = 0;
  for (int year = 2019; year <= 2024; ++year) {
    const double planned = mat->default_entries;
    EXPECT_NEAR(entries[year], planned, 0.1 * planned + 1) << year;
    if (std::fabs(entries[year] - planned) >= 1) ++differ;
  }
  EXPECT_GE(differ, 2);  // not a copy of the plan
}

}  // namespace
}  // namespace amip::synth
