#include "budget/cash.h"

#include <algorithm>
#include <cmath>

namespace amip::budget {

namespace {

__extension__ typedef __int128 Int128;

// round(numerator / denominator), half away from zero. REQUIRES: denominator > 0.
int64_t DivRound(Int128 numerator, int64_t denominator) {
  const bool negative = numerator < 0;
  const Int128 magnitude = negative ? -numerator : numerator;
  const Int128 quotient = (magnitude * 2 + denominator) / (2 * static_cast<Int128>(denominator));
  return static_cast<int64_t>(negative ? -quotient : quotient);
}

const InstrumentLine* LineCovering(const Plan& plan, const std::string& instrument) {
  for (const InstrumentLine& line : plan.instrumente) {
    for (const std::string& covered : line.covered) {
      if (covered == instrument) return &line;
    }
  }
  return nullptr;
}

core::Cents EuroToCents(double euros) {
  return core::Cents::FromCents(static_cast<int64_t>(std::llround(euros * 100.0)));
}

}  // namespace

std::vector<MonthAmount> SpreadOverDays(core::Cents cost, core::Date start, core::Date end) {
  AMIP_ASSERT(start <= end, "spell end before start");
  const int64_t total_days = (end - start) + 1;
  std::vector<MonthAmount> parts;
  int64_t days_done = 0;
  int64_t cents_done = 0;
  for (core::Month month = start.ToMonth(); month <= end.ToMonth(); ++month) {
    const core::Date first = std::max(start, month.FirstDay());
    const core::Date last = std::min(end, month.LastDay());
    days_done += (last - first) + 1;
    const int64_t cumulative =
        DivRound(static_cast<Int128>(cost.value()) * days_done, total_days);
    parts.push_back({month, core::Cents::FromCents(cumulative - cents_done)});
    cents_done = cumulative;
  }
  return parts;
}

core::Date EffectiveEnd(const contract::MeasureSpell& spell, int default_months) {
  if (spell.end) return std::max(*spell.end, spell.start);
  const core::Month last = spell.start.ToMonth() + default_months;
  const int day = std::min(spell.start.day(), last.DaysInMonth());
  return last.Day(day) - 1;
}

int DefaultDurationMonths(const Plan& plan, const std::string& instrument) {
  const InstrumentLine* line = LineCovering(plan, instrument);
  if (line != nullptr) {
    for (const InstrumentLine& sub : line->darunter) {
      for (const std::string& covered : sub.covered) {
        if (covered == instrument && sub.dauer_monate > 0) return sub.dauer_monate;
      }
    }
    if (line->dauer_monate > 0) return line->dauer_monate;
  }
  return 6;
}

std::string PlanCodeOf(const Plan& plan, const std::string& instrument) {
  const InstrumentLine* line = LineCovering(plan, instrument);
  return line != nullptr ? line->code : instrument;
}

Vorbindungen ComputeVorbindungen(const contract::Extract& extract, const Plan& plan, int year) {
  Vorbindungen result;
  result.jahr = year;
  const core::Date year_start = core::Date::FromYmd(year, 1, 1);
  for (const contract::MeasureSpell& spell : extract.measure_spells) {
    if (spell.funding != contract::Funding::kEgt || spell.start >= year_start) continue;
    const core::Date end = EffectiveEnd(spell, DefaultDurationMonths(plan, spell.instrument));
    if (end < year_start) continue;
    const std::string code = PlanCodeOf(plan, spell.instrument);
    bool binds = false;
    for (const MonthAmount& part : SpreadOverDays(spell.cost, spell.start, end)) {
      if (part.month.year() == year) {
        result.total += part.amount;
        result.by_code[code] += part.amount;
        result.by_month[static_cast<size_t>(part.month.month() - 1)] += part.amount;
        binds = true;
      } else if (part.month.year() > year) {
        result.later_years[part.month.year()] += part.amount;
      }
    }
    if (binds) {
      ++result.spells;
      if (!spell.end) ++result.open_spells;
    }
  }
  return result;
}

BudgetFigures ResolveBudget(const Plan& plan, const Vorbindungen* from_data) {
  const Eingliederungsbudget& egt = plan.egt;
  BudgetFigures figures;
  figures.gesamtbudget = egt.gesamtbudget.present
                             ? egt.gesamtbudget.value
                             : egt.zuteilung.value + egt.ausfinanzierung.value +
                                   egt.pauschale_erstattungen.value - egt.umschichtung_egt_nach_vk.value;
  const bool use_data = from_data != nullptr && (egt.vorbindungen_aus_daten || !egt.vorbindungen.present);
  if (use_data) {
    figures.vorbindungen = from_data->total;
    figures.vorbindungen_from_data = true;
  } else if (egt.vorbindungen.present) {
    figures.vorbindungen = egt.vorbindungen.value;
  } else if (egt.neugeschaeft.present) {
    figures.vorbindungen = figures.gesamtbudget - egt.neugeschaeft.value;
  }
  if (egt.neugeschaeft.present && !egt.vorbindungen_aus_daten) {
    figures.neugeschaeft = egt.neugeschaeft.value;
    figures.neugeschaeft_printed = true;
  } else {
    figures.neugeschaeft = figures.gesamtbudget - figures.vorbindungen;
  }
  return figures;
}

namespace {

// Adds the cash of `entries` entries of `line` planned in months from_month..12 of `year`
// (euros, fractional) to `by_month` (12 months of the year) and `ve` (later years). A line
// without its own cost but with costed sub-lines is the sum of its sub-lines, scaled.
void AccumulateLine(const InstrumentLine& line, int year, double entries, int from_month,
                    std::vector<double>& by_month, std::map<int, double>& ve) {
  if (!line.kosten_je_eintritt.present) {
    bool costed = !line.darunter.empty();
    double sub_entries = 0;
    for (const InstrumentLine& sub : line.darunter) {
      costed = costed && sub.kosten_je_eintritt.present;
      sub_entries += sub.eintritte.value;
    }
    if (!costed || sub_entries <= 0) return;
    const double scale = line.eintritte.value > 0 ? entries / line.eintritte.value : 0.0;
    for (const InstrumentLine& sub : line.darunter) {
      AccumulateLine(sub, year, sub.eintritte.value * scale, from_month, by_month, ve);
    }
    return;
  }
  const double cost = line.kosten_je_eintritt.value.euros();
  const int duration = line.dauer_monate > 0 ? line.dauer_monate : 1;
  const std::vector<double> weights = EntryProfile(line);
  for (int month = from_month; month <= 12; ++month) {
    const double month_entries = entries * weights[static_cast<size_t>(month - 1)];
    for (int offset = 0; offset < duration; ++offset) {
      const int target = month - 1 + offset;
      if (target < 12) {
        by_month[static_cast<size_t>(target)] += month_entries * cost / duration;
      } else {
        ve[year + target / 12] += month_entries * cost / duration;
      }
    }
  }
}

bool IsCosted(const InstrumentLine& line) {
  if (line.kosten_je_eintritt.present) return true;
  if (line.darunter.empty()) return false;
  for (const InstrumentLine& sub : line.darunter) {
    if (!sub.kosten_je_eintritt.present) return false;
  }
  return true;
}

}  // namespace

double CashPerEntryThisYear(const InstrumentLine& line) {
  std::vector<double> by_month(12, 0.0);
  std::map<int, double> ve;
  AccumulateLine(line, 0, 1.0, 1, by_month, ve);
  double total = 0;
  for (double euros : by_month) total += euros;
  return total;
}

std::map<int, double> VePerEntry(const InstrumentLine& line, int year) {
  std::vector<double> by_month(12, 0.0);
  std::map<int, double> ve;
  AccumulateLine(line, year, 1.0, 1, by_month, ve);
  return ve;
}

LineCash ComputeLineCash(const InstrumentLine& line, int year, double entries) {
  LineCash cash;
  cash.code = line.code;
  cash.egt = line.finanzierung == "egt";
  cash.entries = entries < 0 ? line.eintritte.value : entries;
  const std::vector<double> weights = EntryProfile(line);
  for (size_t month = 0; month < 12; ++month) cash.entries_by_month[month] = cash.entries * weights[month];
  cash.costed = IsCosted(line);
  if (!cash.costed) return cash;
  std::vector<double> euros_by_month(12, 0.0);
  std::map<int, double> ve_euros;
  AccumulateLine(line, year, cash.entries, 1, euros_by_month, ve_euros);
  for (size_t month = 0; month < 12; ++month) {
    cash.cash_by_month[month] = EuroToCents(euros_by_month[month]);
    cash.cash_year += cash.cash_by_month[month];
  }
  for (const auto& [later_year, euros] : ve_euros) cash.ve[later_year] = EuroToCents(euros);
  cash.total_cost = cash.cash_year;
  for (const auto& [later_year, amount] : cash.ve) cash.total_cost += amount;
  return cash;
}

InstrumentPlanCash ComputeInstrumentPlanCash(const Plan& plan) {
  InstrumentPlanCash result;
  for (const InstrumentLine& line : plan.instrumente) {
    LineCash cash = ComputeLineCash(line, plan.jahr);
    if (cash.egt) {
      for (size_t month = 0; month < 12; ++month) result.egt_cash_by_month[month] += cash.cash_by_month[month];
      result.egt_cash_year += cash.cash_year;
      for (const auto& [later_year, amount] : cash.ve) result.egt_ve[later_year] += amount;
    }
    result.lines.push_back(std::move(cash));
  }
  return result;
}

core::Cents RemainingPlannedCash(const Plan& plan, int after_month) {
  std::vector<double> by_month(12, 0.0);
  std::map<int, double> ve;
  for (const InstrumentLine& line : plan.instrumente) {
    if (line.finanzierung != "egt") continue;
    AccumulateLine(line, plan.jahr, line.eintritte.value, after_month + 1, by_month, ve);
  }
  double total = 0;
  for (double euros : by_month) total += euros;
  return EuroToCents(total);
}

}  // namespace amip::budget
