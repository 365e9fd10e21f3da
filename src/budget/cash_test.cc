#include "budget/cash.h"

#include <gtest/gtest.h>

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
  const Vorbindungen v2024 = ComputeVorbindungen(extract, plan, 2024);
  EXPECT_EQ(v2024.total, Cents::FromEuros(7320));
  EXPECT_EQ(v2024.spells, 1);
  EXPECT_EQ(v2024.by_code.at("fbw"), Cents::FromEuros(7320));
  EXPECT_EQ(v2024.by_month[1], Cents::FromEuros(29 * 20));
  EXPECT_EQ(v2024.later_years.at(2025), Cents::FromEuros(5160));
  const Vorbindungen v2025 = ComputeVorbindungen(extract, plan, 2025);
  EXPECT_EQ(v2025.total, Cents::FromEuros(5160));
  const Vorbindungen v2026 = ComputeVorbindungen(extract, plan, 2026);
  EXPECT_EQ(v2026.total, Cents());
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
  const Vorbindungen result = ComputeVorbindungen(extract, plan, 2025);
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

}  // namespace
}  // namespace amip::budget
