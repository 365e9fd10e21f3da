#include "budget/effects.h"

#include <gtest/gtest.h>

namespace amip::budget {
namespace {

using core::Date;

TEST(EffectsTest, CountsIntegrationsWithinTheWindowAndSkipsCensoredParticipations) {
  contract::Extract extract;
  extract.persons.resize(4);
  auto measure = [&extract](int person, Date start, Date end) {
    contract::MeasureSpell spell;
    spell.person = person;
    spell.instrument = "mat";
    spell.start = start;
    spell.end = end;
    extract.measure_spells.push_back(spell);
  };
  auto job = [&extract](int person, Date start, contract::EmploymentKind kind) {
    contract::EmploymentSpell spell;
    spell.person = person;
    spell.start = start;
    spell.kind = kind;
    extract.employment_spells.push_back(spell);
  };
  measure(0, Date::FromYmd(2024, 1, 1), Date::FromYmd(2024, 3, 31));
  job(0, Date::FromYmd(2024, 9, 1), contract::EmploymentKind::kSvb);  // within 6 months
  measure(1, Date::FromYmd(2024, 1, 1), Date::FromYmd(2024, 3, 31));
  job(1, Date::FromYmd(2024, 10, 15), contract::EmploymentKind::kSvb);  // too late
  measure(2, Date::FromYmd(2024, 1, 1), Date::FromYmd(2024, 3, 31));
  job(2, Date::FromYmd(2024, 5, 1), contract::EmploymentKind::kMinijob);  // not an integration
  measure(3, Date::FromYmd(2024, 12, 1), Date::FromYmd(2024, 12, 31));  // window beyond the data
  extract.persons.resize(5);
  measure(4, Date::FromYmd(2024, 1, 1), Date::FromYmd(2024, 3, 31));
  job(4, Date::FromYmd(2024, 1, 1), contract::EmploymentKind::kSvb);  // subsidised below
  extract.employment_spells.back().subsidy = contract::Subsidy::kEgz;
  job(4, Date::FromYmd(2025, 1, 1), contract::EmploymentKind::kSvb);  // observation horizon
  const std::vector<ObservedEffect> effects = EstimateEffects(extract, {{"mat", {"mat"}}}, 6);
  ASSERT_EQ(effects.size(), 1u);
  EXPECT_EQ(effects[0].participations, 4);
  EXPECT_EQ(effects[0].followed, 1);
  EXPECT_DOUBLE_EQ(effects[0].rate, 0.25);
}

}  // namespace
}  // namespace amip::budget
