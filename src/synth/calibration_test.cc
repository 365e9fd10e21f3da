// Calibrate measures with the engines' binding definitions: LZB day-precise (638 of 730 days)
// and K2 integrations including the Vor-Vormonat rule, on a hand-made extract.
#include <gtest/gtest.h>

#include <cmath>

#include "synth/generator.h"

namespace amip::synth {
namespace {

using core::Date;
using core::Month;

contract::Extract HandMadeExtract() {
  contract::Extract extract;
  extract.jobcenters.push_back({"JC1", "Jobcenter", contract::JcKind::kGe});
  extract.municipalities.push_back({"05978024", "Lünen", 0, 1000});
  extract.bg_ids = {"B1", "B2", "B3", "B4", "B5"};
  const Date st = Date::FromYmd(2024, 9, 15);  // ST(2024-09)
  const Date starts[5] = {Date::FromYmd(2022, 9, 1), st - 637, st - 636, Date::FromYmd(2020, 1, 1),
                          Date::FromYmd(2024, 8, 1)};
  for (int idx = 0; idx < 5; ++idx) {
    contract::Person person;
    person.person_id = "P" + std::to_string(idx + 1);
    person.sex = contract::Sex::kM;
    person.birth_date = Date::FromYmd(1980, 1, 1);
    extract.persons.push_back(person);
    contract::BenefitSpell spell;
    spell.person = idx;
    spell.jc = 0;
    spell.municipality = 0;
    spell.bg = idx;
    spell.start = starts[idx];
    extract.benefit_spells.push_back(spell);
  }
  contract::EmploymentSpell job;
  job.person = 3;  // in stock at ST(2024-08), starts after it: integration in 2024-09
  job.start = Date::FromYmd(2024, 8, 16);
  extract.employment_spells.push_back(job);
  job.person = 4;  // first in stock at ST(2024-08), started in (ST(07), ST(08)]: Vor-Vormonat rule
  job.start = Date::FromYmd(2024, 8, 10);
  extract.employment_spells.push_back(job);
  job.person = 0;  // a minijob is no integration
  job.kind = contract::EmploymentKind::kMinijob;
  job.start = Date::FromYmd(2024, 9, 1);
  extract.employment_spells.push_back(job);
  return extract;
}

Target MakeTarget(const std::string& quantity, double value) {
  Target target;
  target.quantity = quantity;
  target.label = quantity;
  target.target = value;
  target.tolerance_kind = ToleranceKind::kAbsolute;
  target.tolerance = 0.01;
  return target;
}

TEST(CalibrateTest, UsesBindingDefinitions) {
  Profile profile;
  profile.reference_month = Month::FromYm(2024, 9);
  profile.unemployment_month = Month::FromYm(2024, 9);
  profile.amounts_year = 2024;
  profile.plan_year = 2024;
  // LZB: 730, 638 and 637 ELB days in the window -> persons 1 and 2 (and 4, since 2020).
  // K2: 2 integrations / average stock ((4 * 12 + 1) / 12) * 100. Aufstocker: three open jobs.
  profile.targets = {MakeTarget("elb", 5), MakeTarget("lzb", 3), MakeTarget("lzb_m", 3),
                     MakeTarget("k2", 2.0 / (49.0 / 12.0) * 100.0), MakeTarget("aufstocker", 3),
                     MakeTarget("no_such_quantity", 1)};
  const auto rows = Calibrate(HandMadeExtract(), profile);
  ASSERT_EQ(rows.size(), 6u);
  for (size_t idx = 0; idx + 1 < rows.size(); ++idx) {
    EXPECT_TRUE(rows[idx].pass) << rows[idx].quantity << ": generated " << rows[idx].generated;
  }
  EXPECT_FALSE(rows.back().pass);
  EXPECT_TRUE(std::isnan(rows.back().generated));
}

// Issue 9 item 13: Vorbindungen of the plan year = the part of each EGT participation begun
// before 1 January that falls into the year, the cost spread evenly over its days.
TEST(CalibrateTest, VorbindungenOfThePlanYear) {
  contract::Extract extract = HandMadeExtract();
  contract::MeasureSpell spell;
  spell.person = 0;
  spell.instrument = "fbw";
  spell.start = Date::FromYmd(2024, 7, 1);  // 184 days in 2024, 181 in 2025
  spell.end = Date::FromYmd(2025, 6, 30);
  spell.cost = core::Cents::FromEuros(3650);
  extract.measure_spells.push_back(spell);
  spell.instrument = "egz";
  spell.start = Date::FromYmd(2025, 1, 1);  // begun in the plan year: new business
  extract.measure_spells.push_back(spell);
  spell.instrument = "16a";
  spell.start = Date::FromYmd(2024, 1, 1);  // municipal funding: not in the EGT
  spell.funding = contract::Funding::kKommune;
  extract.measure_spells.push_back(spell);
  Profile profile;
  profile.reference_month = Month::FromYm(2024, 9);
  profile.unemployment_month = Month::FromYm(2024, 9);
  profile.amounts_year = 2024;
  profile.plan_year = 2025;
  profile.targets = {MakeTarget("vorbindungen", 3650.0 * 181 / 365 / 1e6),
                     MakeTarget("vorbindungen:fbw+reha", 3650.0 * 181 / 365 / 1e6)};
  profile.targets[0].tolerance = 1e-9;
  profile.targets[1].tolerance = 1e-9;
  const auto rows = Calibrate(extract, profile);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_TRUE(rows[0].pass) << rows[0].generated;
  EXPECT_TRUE(rows[1].pass) << rows[1].generated;
}

}  // namespace
}  // namespace amip::synth
