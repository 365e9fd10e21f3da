#include "budget/controlling.h"

#include <gtest/gtest.h>

#include <limits>

#include "budget/test_util.h"

namespace amip::budget {
namespace {

using core::Cents;
using core::Date;

// Plan: 100 MAG entries a month at 1,000 € each, paid in the entry month; budget 1.2 Mio.
constexpr char kPlan[] = R"(jahr: 2025
eingliederungsbudget: {zuteilung: 1200000.00}
instrumente:
  - {instrument: mag, eintritte: 1200, kosten_je_eintritt: 1000.00, dauer_monate: 1}
controlling: {schwelle_prozent: 5}
)";

contract::Extract EntriesPerMonth(int per_month) {
  contract::Extract extract;
  extract.persons.resize(static_cast<size_t>(per_month) * 12);
  for (int month = 1; month <= 12; ++month) {
    const core::Month m = core::Month::FromYm(2025, month);
    for (int idx = 0; idx < per_month; ++idx) {
      contract::MeasureSpell spell;
      spell.person = (month - 1) * per_month + idx;
      spell.instrument = "mag";
      spell.start = m.FirstDay();
      spell.end = m.LastDay();
      spell.cost = Cents::FromEuros(1000);
      spell.funding = contract::Funding::kEgt;
      extract.measure_spells.push_back(spell);
    }
  }
  return extract;
}

// Issue 10 item 6: Ist costs whose sum does not fit in int64 cents are kOutOfRange, never a
// wrapped Hochrechnung; 91 participations at (2^63 - 1) / 92 cents and the plan still fit, with
// 92 the Hochrechnung (Ist + plan) does not, with 93 the Ist costs alone do not.
TEST(ControllingTest, CostsThatDoNotFitAreAnErrorNotAWrappedNumber) {
  const Plan plan = testing::ParseOrDie(kPlan);
  contract::Extract extract = EntriesPerMonth(1);
  extract.measure_spells.resize(1);
  extract.measure_spells[0].cost = Cents::FromCents(std::numeric_limits<int64_t>::max() / 92);
  for (int idx = 1; idx < 91; ++idx) extract.measure_spells.push_back(extract.measure_spells[0]);
  core::Result<ControllingReport> fits = ComputeControlling(extract, plan, core::Month::FromYm(2025, 1));
  ASSERT_TRUE(fits.ok()) << fits.status().message();
  extract.measure_spells.push_back(extract.measure_spells[0]);
  core::Result<ControllingReport> projection = ComputeControlling(extract, plan, core::Month::FromYm(2025, 1));
  ASSERT_FALSE(projection.ok());
  EXPECT_NE(projection.status().message().find("Hochrechnung 2025-01"), std::string::npos)
      << projection.status().message();
  extract.measure_spells.push_back(extract.measure_spells[0]);
  core::Result<ControllingReport> overflow = ComputeControlling(extract, plan, core::Month::FromYm(2025, 1));
  ASSERT_FALSE(overflow.ok());
  EXPECT_EQ(overflow.status().code(), core::StatusCode::kOutOfRange);
  EXPECT_NE(overflow.status().message().find("Ist-Ausgaben und Bindungen 2025"), std::string::npos)
      << overflow.status().message();
}

TEST(ControllingTest, OnPlanNeverWarns) {
  const Plan plan = testing::ParseOrDie(kPlan);
  core::Result<ControllingReport> report =
      ComputeControlling(EntriesPerMonth(100), plan, core::Month::FromYm(2025, 12));
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_FALSE(report->first_warning_month.has_value());
  for (const MonthProjection& projection : report->projections) {
    EXPECT_EQ(projection.projection, Cents::FromEuros(1200000)) << projection.month;
  }
}

// Entries 20 % above plan: after month M the projection is 120,000 × M + 100,000 × (12 − M)
// = 1.2 Mio + 20,000 × M, i.e. M × 1.67 % above budget. March is exactly 5 % (not more), so
// the first warning is April.
TEST(ControllingTest, EntriesTwentyPercentAbovePlanWarnInApril) {
  const Plan plan = testing::ParseOrDie(kPlan);
  core::Result<ControllingReport> report =
      ComputeControlling(EntriesPerMonth(120), plan, core::Month::FromYm(2025, 12));
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  ASSERT_TRUE(report->first_warning_month.has_value());
  EXPECT_EQ(*report->first_warning_month, 4);
  EXPECT_EQ(report->projections[2].projection, Cents::FromEuros(1260000));
  EXPECT_FALSE(report->projections[2].warning);
  EXPECT_EQ(report->projections[3].projection, Cents::FromEuros(1280000));
  EXPECT_EQ(report->projections[3].gap, Cents::FromEuros(-80000));
  EXPECT_TRUE(report->projections[3].warning);
  // Plan against Ist per month.
  EXPECT_EQ(report->rows.size(), 12u);
  EXPECT_DOUBLE_EQ(report->rows[5].plan_entries, 100.0);
  EXPECT_EQ(report->rows[5].ist_entries, 120);
  EXPECT_EQ(report->rows[5].plan_cash, Cents::FromEuros(100000));
  EXPECT_EQ(report->rows[5].ist_cash, Cents::FromEuros(120000));
}

TEST(ControllingTest, ReportingUpToJuneUsesOnlyEntriesBegunByJune) {
  const Plan plan = testing::ParseOrDie(kPlan);
  core::Result<ControllingReport> report =
      ComputeControlling(EntriesPerMonth(120), plan, core::Month::FromYm(2025, 6));
  ASSERT_TRUE(report.ok());
  ASSERT_EQ(report->projections.size(), 6u);
  EXPECT_EQ(report->projections[5].ist_cumulative, Cents::FromEuros(720000));
  EXPECT_EQ(report->projections[5].remaining_plan, Cents::FromEuros(600000));
}

TEST(ControllingTest, CommitmentsOfLongParticipationsCount) {
  // One 12-month participation of 12,000 € begun in January: after January 1,000 € are spent
  // and 11,000 € are bound for February..December.
  const Plan plan = testing::ParseOrDie("jahr: 2025\neingliederungsbudget: {zuteilung: 12000.00}\n");
  contract::Extract extract;
  extract.persons.resize(1);
  contract::MeasureSpell spell;
  spell.person = 0;
  spell.instrument = "fbw";
  spell.start = Date::FromYmd(2025, 1, 1);
  spell.end = Date::FromYmd(2025, 12, 31);
  spell.cost = Cents::FromEuros(36500);  // 100 € a day
  extract.measure_spells.push_back(spell);
  core::Result<ControllingReport> report = ComputeControlling(extract, plan, core::Month::FromYm(2025, 1));
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(report->projections[0].ist_cumulative, Cents::FromEuros(3100));
  EXPECT_EQ(report->projections[0].bindings, Cents::FromEuros(33400));
}

TEST(ControllingTest, LinesFinancedByTheAgenturHaveNoEgtPlan) {
  const Plan plan = testing::ParseOrDie(
      "jahr: 2025\neingliederungsbudget: {zuteilung: 1000.00}\ninstrumente:\n"
      "  - {instrument: fbw, eintritte: 120, kosten_je_eintritt: 1000.00, dauer_monate: 1, finanzierung: ba}\n");
  contract::Extract extract;
  extract.persons.resize(1);
  contract::MeasureSpell spell;  // an EGT-financed FbW begun in 2024 still binds 2025 money
  spell.person = 0;
  spell.instrument = "fbw";
  spell.start = Date::FromYmd(2024, 12, 1);
  spell.end = Date::FromYmd(2025, 1, 31);
  spell.cost = Cents::FromEuros(6200);
  extract.measure_spells.push_back(spell);
  core::Result<ControllingReport> report = ComputeControlling(extract, plan, core::Month::FromYm(2025, 1));
  ASSERT_TRUE(report.ok());
  ASSERT_EQ(report->rows.size(), 1u);
  EXPECT_EQ(report->rows[0].code, "fbw");
  EXPECT_DOUBLE_EQ(report->rows[0].plan_entries, 0.0);
  EXPECT_EQ(report->rows[0].plan_cash, Cents::FromEuros(3100));  // the Vorbindung only
  EXPECT_EQ(report->rows[0].ist_cash, Cents::FromEuros(3100));
}

TEST(ControllingTest, MonthOutsideThePlanYearIsAnError) {
  const Plan plan = testing::ParseOrDie(kPlan);
  core::Result<ControllingReport> report =
      ComputeControlling(EntriesPerMonth(1), plan, core::Month::FromYm(2024, 6));
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.status().code(), core::StatusCode::kOutOfRange);
}

}  // namespace
}  // namespace amip::budget
