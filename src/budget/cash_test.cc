#include "budget/cash.h"

#include <limits>

#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "budget/test_util.h"

namespace amip::budget {
namespace {

using core::Cents;
using core::Date;

contract::MeasureSpell Spell(const std::string& instrument, Date start, Date end, int64_t euros,
                             contract::Funding funding = contract::Funding::kEgt) {
  contract::MeasureSpell spell;
  spell.person = 0;
  spell.instrument = instrument;
  spell.start = start;
  spell.end = end;
  spell.cost = Cents::FromEuros(euros);
  spell.funding = funding;
  return spell;
}

// Hand computation: a 24-month FbW from 2023-09-16 to 2025-09-15 has 731 days
// (2023: 15 + 31 + 30 + 31 = 107, 2024 is a leap year: 366, 2025: 258). At 14,620.00 € the
// cost is exactly 20.00 € per day: 2,140.00 € in 2023, 7,320.00 € in 2024, 5,160.00 € in 2025.
TEST(VorbindungenTest, TwentyFourMonthFbwAcrossThreeYearsWithLeapYear) {
  const std::vector<MonthAmount> parts =
      SpreadOverDays(Cents::FromEuros(14620), Date::FromYmd(2023, 9, 16), Date::FromYmd(2025, 9, 15));
  ASSERT_EQ(parts.size(), 25u);
  EXPECT_EQ(parts.front().amount, Cents::FromEuros(15 * 20));   // 16..30 September 2023
  EXPECT_EQ(parts[5].month, core::Month::FromYm(2024, 2));
  EXPECT_EQ(parts[5].amount, Cents::FromEuros(29 * 20));        // leap February
  EXPECT_EQ(parts.back().amount, Cents::FromEuros(15 * 20));    // 1..15 September 2025

  contract::Extract extract;
  extract.persons.resize(1);
  extract.measure_spells.push_back(
      Spell("fbw", Date::FromYmd(2023, 9, 16), Date::FromYmd(2025, 9, 15), 14620));
  // Not binding the EGT: financed by the Agentur für Arbeit.
  extract.measure_spells.push_back(Spell("fbw", Date::FromYmd(2023, 9, 16), Date::FromYmd(2025, 9, 15),
                                         99999, contract::Funding::kBa));
  // Begun in the plan year: not a Vorbindung.
  extract.measure_spells.push_back(Spell("fbw", Date::FromYmd(2024, 1, 1), Date::FromYmd(2024, 6, 30), 5000));
  const Plan plan = testing::ParseOrDie("jahr: 2024\neingliederungsbudget: {zuteilung: 100000.00}\n");
  const Vorbindungen v2024 = ComputeVorbindungen(extract, plan, 2024).value();
  EXPECT_EQ(v2024.total, Cents::FromEuros(7320));
  EXPECT_EQ(v2024.spells, 1);
  EXPECT_EQ(v2024.by_code.at("fbw"), Cents::FromEuros(7320));
  EXPECT_EQ(v2024.by_month[1], Cents::FromEuros(29 * 20));
  EXPECT_EQ(v2024.later_years.at(2025), Cents::FromEuros(5160));
  const Vorbindungen v2025 = ComputeVorbindungen(extract, plan, 2025).value();
  EXPECT_EQ(v2025.total, Cents::FromEuros(5160));
  const Vorbindungen v2026 = ComputeVorbindungen(extract, plan, 2026).value();
  EXPECT_EQ(v2026.total, Cents());
}

// Issue 10 item 6: 93 participations of 2024 at (2^63 - 1) / 92 cents each bind more than
// int64 cents in 2025; before the checked sums the total wrapped around to a negative number.
TEST(VorbindungenTest, SumThatDoesNotFitIsAnErrorNotAWrappedNumber) {
  contract::Extract extract;
  extract.persons.resize(1);
  const Plan plan = testing::ParseOrDie("jahr: 2025\neingliederungsbudget: {zuteilung: 100000.00}\n");
  const int64_t cost = std::numeric_limits<int64_t>::max() / 92;
  for (int idx = 0; idx < 92; ++idx) {
    contract::MeasureSpell spell = Spell("fbw", Date::FromYmd(2024, 12, 31), Date::FromYmd(2025, 12, 31), 1);
    spell.cost = Cents::FromCents(cost);
    extract.measure_spells.push_back(spell);
  }
  core::Result<Vorbindungen> fits = ComputeVorbindungen(extract, plan, 2025);
  ASSERT_TRUE(fits.ok()) << fits.status().message();
  EXPECT_GT(fits->total, Cents());
  extract.measure_spells.push_back(extract.measure_spells.back());
  core::Result<Vorbindungen> overflow = ComputeVorbindungen(extract, plan, 2025);
  ASSERT_FALSE(overflow.ok());
  EXPECT_EQ(overflow.status().code(), core::StatusCode::kOutOfRange);
  EXPECT_NE(overflow.status().message().find("Vorbindungen 2025"), std::string::npos)
      << overflow.status().message();
}

TEST(VorbindungenTest, RoundedPartsAddUpToTheCostExactly) {
  const Cents cost = Cents::FromCents(1000001);  // 10,000.01 € over 731 days
  const std::vector<MonthAmount> parts =
      SpreadOverDays(cost, Date::FromYmd(2023, 9, 16), Date::FromYmd(2025, 9, 15));
  Cents total;
  for (const MonthAmount& part : parts) total += part.amount;
  EXPECT_EQ(total, cost);
  // 2024 by hand, with cumulative rounding:
  // cumulative through 2023-12-31 round(1000001 × 107 / 731) = 146375,
  // through 2024-12-31 round(1000001 × 473 / 731) = 647059 -> 500684 cents).
  Cents year2024;
  for (const MonthAmount& part : parts) {
    if (part.month.year() == 2024) year2024 += part.amount;
  }
  EXPECT_EQ(year2024, Cents::FromCents(500684));
}

TEST(VorbindungenTest, OpenSpellUsesThePlannedDuration) {
  contract::Extract extract;
  extract.persons.resize(1);
  contract::MeasureSpell spell = Spell("egz", Date::FromYmd(2024, 11, 1), Date::FromYmd(2024, 11, 1), 6100);
  spell.end.reset();
  extract.measure_spells.push_back(spell);
  const Plan plan = testing::ParseOrDie(
      "jahr: 2025\neingliederungsbudget: {zuteilung: 100000.00}\n"
      "instrumente:\n  - {instrument: egz, eintritte: 10, kosten_je_eintritt: 6000.00, dauer_monate: 6}\n");
  // 2024-11-01 + 6 months - 1 day = 2025-04-30: 61 days in 2024, 120 in 2025 (181 days).
  const Vorbindungen result = ComputeVorbindungen(extract, plan, 2025).value();
  EXPECT_EQ(result.open_spells, 1);
  EXPECT_EQ(result.total, Cents::FromCents(404420));  // round(610000 × 120 / 181) = 404420
}

TEST(InstrumentCashTest, EvenProfileSpreadsCostOverDuration) {
  const Plan plan = testing::ParseOrDie(
      "jahr: 2025\neingliederungsbudget: {zuteilung: 100000.00}\n"
      "instrumente:\n  - {instrument: egz, eintritte: 120, kosten_je_eintritt: 1200.00, dauer_monate: 12}\n");
  const LineCash cash = ComputeLineCash(plan.instrumente[0], 2025);
  // 10 entries a month at 100 € a month each: month m pays 10 × m × 100 €.
  EXPECT_EQ(cash.cash_by_month[0], Cents::FromEuros(1000));
  EXPECT_EQ(cash.cash_by_month[11], Cents::FromEuros(12000));
  EXPECT_EQ(cash.cash_year, Cents::FromEuros(78000));
  EXPECT_EQ(cash.ve.at(2026), Cents::FromEuros(144000 - 78000));
  EXPECT_NEAR(CashPerEntryThisYear(plan.instrumente[0]) * 120, 78000.0, 1e-6);
  EXPECT_NEAR(VePerEntry(plan.instrumente[0], 2025).at(2026) * 120, 66000.0, 1e-6);
}


// Issue 9 item 11a: the AMIP 2025 places of the MAbE (section 4.1) with the plan's costs:
// 455 × 500 € beim Arbeitgeber and 640 × 2,000 € beim Träger are exact to the cent (before,
// the expected-value split printed 227,499.96 € and 1,280,000.04 €).
TEST(InstrumentCashTest, MabeLinesOfThe2025PlanAreExact) {
  const Plan plan = testing::LoadExample("amip-2025.yaml");
  const InstrumentLine* mabe = nullptr;
  for (const InstrumentLine& line : plan.instrumente) {
    if (line.code == "mabe") mabe = &line;
  }
  ASSERT_NE(mabe, nullptr);
  ASSERT_EQ(mabe->darunter.size(), 2u);
  const LineCash mag = ComputeLineCash(mabe->darunter[0], 2025);
  EXPECT_EQ(mag.total_cost, Cents::FromEuros(227500));
  EXPECT_EQ(mag.cash_year, Cents::FromEuros(227500));  // one month each: all in 2025
  // 455 entries over 12 even months: 11 months of 38 and one of 37 (455 = 12 × 37 + 11).
  int64_t entries = 0;
  for (double month : mag.entries_by_month) {
    EXPECT_TRUE(month == 37 || month == 38) << month;
    entries += static_cast<int64_t>(month);
  }
  EXPECT_EQ(entries, 455);
  EXPECT_EQ(mag.cash_by_month[0], Cents::FromEuros(38 * 500));
  const LineCash mat = ComputeLineCash(mabe->darunter[1], 2025);
  EXPECT_EQ(mat.total_cost, Cents::FromEuros(1280000));
  const LineCash whole = ComputeLineCash(*mabe, 2025);
  EXPECT_EQ(whole.total_cost, Cents::FromEuros(227500 + 1280000));
  EXPECT_EQ(whole.cash_year, mag.cash_year + mat.cash_year);
  for (size_t month = 0; month < 12; ++month) {
    EXPECT_EQ(whole.cash_by_month[month], mag.cash_by_month[month] + mat.cash_by_month[month]);
    EXPECT_EQ(whole.entries_by_month[month], mag.entries_by_month[month] + mat.entries_by_month[month]);
  }
  // The remaining planned cash from January on is the whole year's planned cash.
  EXPECT_EQ(RemainingPlannedCash(plan, 0), ComputeInstrumentPlanCash(plan).egt_cash_year);
}

TEST(ApportionTest, LargestRemainderByHand) {
  // 100 cents in thirds: 34, 33, 33 (the tie goes to the first part).
  EXPECT_EQ(Apportion(100, {1, 1, 1}), (std::vector<int64_t>{34, 33, 33}));
  // 10 over weights 7, 8, 9 (24): quotas 2.917, 3.333, 3.75 -> floors 2, 3, 3, one left -> 3, 3, 4.
  EXPECT_EQ(Apportion(10, {7, 8, 9}), (std::vector<int64_t>{3, 3, 4}));
  EXPECT_EQ(Apportion(-100, {1, 1, 1}), (std::vector<int64_t>{-34, -33, -33}));
  EXPECT_EQ(Apportion(5, {0, 0}), (std::vector<int64_t>{0, 0}));
}

// Random lines: the monthly parts plus the VE add up to entries × cost per entry to the cent,
// every apportioned part is less than one unit from its exact share, and the entries per month add up.
TEST(ApportionTest, EveryRandomSplitAddsUpToItsLine) {
  std::mt19937_64 random(20250101);
  for (int trial = 0; trial < 2000; ++trial) {
    const int64_t entries = static_cast<int64_t>(random() % 5000);
    const int64_t cost = 1 + static_cast<int64_t>(random() % 10000000);  // up to 100,000.00 €
    const int duration = 1 + static_cast<int>(random() % 60);
    std::string profile;
    if (random() % 2 == 0) {
      profile = ", profil: [";
      for (int month = 0; month < 12; ++month) {
        profile += (month > 0 ? ", " : "") + std::to_string(random() % 20) + (random() % 3 == 0 ? ".5" : "");
      }
      profile += "]";
      if (profile.find_first_of("123456789") == std::string::npos) profile.clear();
    }
    const Plan plan = testing::ParseOrDie(
        "jahr: 2025\neingliederungsbudget: {zuteilung: 100000.00}\ninstrumente:\n  - {instrument: egz, eintritte: " +
        std::to_string(entries) + ", kosten_je_eintritt: " + Cents::FromCents(cost).ToString() +
        ", dauer_monate: " + std::to_string(duration) + profile + "}\n");
    ASSERT_EQ(plan.instrumente.size(), 1u) << trial;
    const LineCash cash = ComputeLineCash(plan.instrumente[0], 2025);
    Cents months;
    for (const Cents& part : cash.cash_by_month) {
      EXPECT_GE(part.value(), 0);
      months += part;
    }
    EXPECT_EQ(months, cash.cash_year) << trial;
    Cents later;
    for (const auto& [year, amount] : cash.ve) later += amount;
    EXPECT_EQ(cash.cash_year + later, Cents::FromCents(entries * cost)) << trial;
    EXPECT_EQ(cash.total_cost, Cents::FromCents(entries * cost)) << trial;
    double counted = 0;
    for (double month : cash.entries_by_month) counted += month;
    EXPECT_EQ(counted, static_cast<double>(entries)) << trial;

    std::vector<int64_t> weights(1 + random() % 30);
    int64_t weight_sum = 0;
    for (int64_t& weight : weights) weight_sum += (weight = static_cast<int64_t>(random() % 1000));
    const int64_t total = static_cast<int64_t>(random() % 100000000);
    const std::vector<int64_t> parts = Apportion(total, weights);
    int64_t sum = 0;
    for (size_t idx = 0; idx < parts.size(); ++idx) {
      sum += parts[idx];
      if (weight_sum > 0) {
        const double quota = static_cast<double>(total) * static_cast<double>(weights[idx]) / static_cast<double>(weight_sum);
        EXPECT_LT(std::fabs(static_cast<double>(parts[idx]) - quota), 1.0) << trial;
      }
    }
    EXPECT_EQ(sum, weight_sum > 0 ? total : 0) << trial;
  }
}

}  // namespace
}  // namespace amip::budget
