#include "budget/cash.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "core/status.h"

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

core::Result<Vorbindungen> ComputeVorbindungen(const contract::Extract& extract, const Plan& plan,
                                               int year) {
  Vorbindungen result;
  result.jahr = year;
  core::CentsSum total;
  std::map<std::string, core::CentsSum> by_code, by_instrument;
  std::vector<core::CentsSum> by_month(12);
  std::map<int, core::CentsSum> later_years;
  const core::Date year_start = core::Date::FromYmd(year, 1, 1);
  for (const contract::MeasureSpell& spell : extract.measure_spells) {
    if (spell.funding != contract::Funding::kEgt || spell.start >= year_start) continue;
    const core::Date end = EffectiveEnd(spell, DefaultDurationMonths(plan, spell.instrument));
    if (end < year_start) continue;
    const std::string code = PlanCodeOf(plan, spell.instrument);
    bool binds = false;
    for (const MonthAmount& part : SpreadOverDays(spell.cost, spell.start, end)) {
      if (part.month.year() == year) {
        total += part.amount;
        by_code[code] += part.amount;
        by_instrument[spell.instrument] += part.amount;
        by_month[static_cast<size_t>(part.month.month() - 1)] += part.amount;
        binds = true;
      } else if (part.month.year() > year) {
        later_years[part.month.year()] += part.amount;
      }
    }
    if (binds) {
      ++result.spells;
      if (!spell.end) ++result.open_spells;
    }
  }
  const std::string what = fmt::format("Vorbindungen {}", year);
  AMIP_ASSIGN_OR_RETURN(result.total, total.Total(what));
  for (const auto& [code, sum] : by_code) {
    AMIP_ASSIGN_OR_RETURN(result.by_code[code], sum.Total(what + " " + code));
  }
  for (const auto& [instrument, sum] : by_instrument) {
    AMIP_ASSIGN_OR_RETURN(result.by_instrument[instrument], sum.Total(what + " " + instrument));
  }
  for (size_t month = 0; month < by_month.size(); ++month) {
    AMIP_ASSIGN_OR_RETURN(result.by_month[month], by_month[month].Total(what));
  }
  for (const auto& [later, sum] : later_years) {
    AMIP_ASSIGN_OR_RETURN(result.later_years[later], sum.Total(fmt::format("Vorbindungen {} für {}", year, later)));
  }
  return result;
}

BudgetFigures ResolveBudget(const Plan& plan, const Vorbindungen* from_data) {
  const Eingliederungsbudget& egt = plan.egt;
  BudgetFigures figures;
  // A Zuteilung printed after the shift to the VK already lacks the Umschichtung.
  const core::Cents shift = egt.zuteilung_stand == ZuteilungStand::kNachUmschichtung
                                ? core::Cents()
                                : egt.umschichtung_egt_nach_vk.value;
  figures.gesamtbudget = egt.gesamtbudget.present
                             ? egt.gesamtbudget.value
                             : egt.zuteilung.value + egt.ausfinanzierung.value +
                                   egt.pauschale_erstattungen.value - shift;
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

std::vector<int64_t> Apportion(int64_t total, const std::vector<int64_t>& weights) {
  std::vector<int64_t> parts(weights.size(), 0);
  Int128 weight_sum = 0;
  for (int64_t weight : weights) {
    AMIP_ASSERT(weight >= 0, "negative apportionment weight");
    weight_sum += weight;
  }
  if (weights.empty() || weight_sum == 0) return parts;
  const bool negative = total < 0;
  const Int128 magnitude = negative ? -static_cast<Int128>(total) : static_cast<Int128>(total);
  // Floors first, then one unit each to the largest remainders (ties: the earlier part).
  std::vector<std::pair<Int128, size_t>> remainders;
  remainders.reserve(weights.size());
  Int128 assigned = 0;
  for (size_t idx = 0; idx < weights.size(); ++idx) {
    const Int128 quota = magnitude * weights[idx];
    parts[idx] = static_cast<int64_t>(quota / weight_sum);
    assigned += parts[idx];
    remainders.emplace_back(quota % weight_sum, idx);
  }
  std::stable_sort(remainders.begin(), remainders.end(),
                   [](const auto& lhs, const auto& rhs) { return lhs.first > rhs.first; });
  for (Int128 left = magnitude - assigned, pos = 0; left > 0; --left, ++pos) {
    ++parts[remainders[static_cast<size_t>(pos)].second];
  }
  if (negative) {
    for (int64_t& part : parts) part = -part;
  }
  return parts;
}

namespace {

std::vector<int64_t> ProfileWeights(const InstrumentLine& line) {
  std::vector<int64_t> weights(12, 1);
  if (line.profil.size() == 12) {
    // Profile weights as printed (e.g. 7, 8, 9 or 8.5): exact in millionths.
    for (size_t idx = 0; idx < 12; ++idx) weights[idx] = std::llround(line.profil[idx] * 1e6);
  }
  return weights;
}

}  // namespace

std::vector<int64_t> EntriesByMonth(const InstrumentLine& line, int64_t entries) {
  return Apportion(entries, ProfileWeights(line));
}

namespace {

int64_t WholeEntries(double entries) { return std::max<int64_t>(0, std::llround(entries)); }

// Adds the cash of `entries` whole entries of `line` begun in months from_month..12 of `year`
// to `by_month` (12 months of the year) and `ve` (later years), and the entries per month to
// `entries_by_month` when given. Entries per month follow the profile by largest remainder;
// each month's cohort costs entries × cost per entry exactly, spread evenly over its duration
// by largest remainder, so every part is a whole cent and the parts add up to the line.
// A line without its own cost but with costed sub-lines is the sum of its sub-lines (entries
// split over them by their planned entries, largest remainder).
void AccumulateLine(const InstrumentLine& line, int year, int64_t entries, int from_month,
                    std::vector<core::Cents>& by_month, std::map<int, core::Cents>& ve,
                    std::vector<int64_t>* entries_by_month) {
  if (!line.kosten_je_eintritt.present) {
    std::vector<int64_t> sub_weights;
    for (const InstrumentLine& sub : line.darunter) sub_weights.push_back(WholeEntries(sub.eintritte.value));
    const int64_t planned = WholeEntries(line.eintritte.value);
    int64_t planned_subs = 0;
    for (int64_t weight : sub_weights) planned_subs += weight;
    // The planned entries of the sub-lines as printed; another number of entries of the line
    // scales them (whole entries, split in their proportion by largest remainder).
    const int64_t scaled =
        planned > 0 ? static_cast<int64_t>((static_cast<Int128>(entries) * planned_subs * 2 + planned) / (2 * planned))
                    : 0;
    const std::vector<int64_t> sub_entries = entries == planned ? sub_weights : Apportion(scaled, sub_weights);
    for (size_t idx = 0; idx < line.darunter.size(); ++idx) {
      AccumulateLine(line.darunter[idx], year, sub_entries[idx], from_month, by_month, ve, entries_by_month);
    }
    return;
  }
  const int64_t cost = line.kosten_je_eintritt.value.value();
  const int duration = line.dauer_monate > 0 ? line.dauer_monate : 1;
  const std::vector<int64_t> month_entries = EntriesByMonth(line, entries);
  const std::vector<int64_t> even(static_cast<size_t>(duration), 1);
  for (int month = from_month; month <= 12; ++month) {
    const int64_t cohort = month_entries[static_cast<size_t>(month - 1)];
    if (entries_by_month != nullptr) (*entries_by_month)[static_cast<size_t>(month - 1)] += cohort;
    if (cohort == 0) continue;
    const std::vector<int64_t> parts = Apportion(cohort * cost, even);
    for (int offset = 0; offset < duration; ++offset) {
      const int target = month - 1 + offset;
      const core::Cents part = core::Cents::FromCents(parts[static_cast<size_t>(offset)]);
      if (target < 12) {
        by_month[static_cast<size_t>(target)] += part;
      } else {
        ve[year + target / 12] += part;
      }
    }
  }
}

// The optimiser's linear coefficients: the expected cash of one entry under the profile
// (fractional, euros).
void AccumulateExpected(const InstrumentLine& line, int year, double entries, std::vector<double>& by_month,
                        std::map<int, double>& ve) {
  if (!line.kosten_je_eintritt.present) {
    double sub_entries = 0;
    for (const InstrumentLine& sub : line.darunter) sub_entries += sub.eintritte.value;
    if (sub_entries <= 0) return;
    const double scale = line.eintritte.value > 0 ? entries / line.eintritte.value : 0.0;
    for (const InstrumentLine& sub : line.darunter) {
      AccumulateExpected(sub, year, sub.eintritte.value * scale, by_month, ve);
    }
    return;
  }
  const double cost = line.kosten_je_eintritt.value.euros();
  const int duration = line.dauer_monate > 0 ? line.dauer_monate : 1;
  const std::vector<double> weights = EntryProfile(line);
  for (int month = 1; month <= 12; ++month) {
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
  if (!IsCosted(line)) return 0;
  std::vector<double> by_month(12, 0.0);
  std::map<int, double> ve;
  AccumulateExpected(line, 0, 1.0, by_month, ve);
  double total = 0;
  for (double euros : by_month) total += euros;
  return total;
}

std::map<int, double> VePerEntry(const InstrumentLine& line, int year) {
  std::vector<double> by_month(12, 0.0);
  std::map<int, double> ve;
  if (IsCosted(line)) AccumulateExpected(line, year, 1.0, by_month, ve);
  return ve;
}

LineCash ComputeLineCash(const InstrumentLine& line, int year, double entries) {
  LineCash cash;
  cash.code = line.code;
  cash.egt = line.finanzierung == "egt";
  const int64_t whole = WholeEntries(entries < 0 ? line.eintritte.value : entries);
  cash.entries = static_cast<double>(whole);
  cash.costed = IsCosted(line);
  std::vector<int64_t> month_entries(12, 0);
  if (!cash.costed) {
    month_entries = EntriesByMonth(line, whole);
  } else {
    std::map<int, core::Cents> ve;
    AccumulateLine(line, year, whole, 1, cash.cash_by_month, ve, &month_entries);
    int64_t counted = 0;
    for (int64_t value : month_entries) counted += value;
    // Sub-lines that do not cover the whole line: show the line's own entries per month.
    if (counted != whole) month_entries = EntriesByMonth(line, whole);
    for (const core::Cents& amount : cash.cash_by_month) cash.cash_year += amount;
    cash.ve = ve;
    cash.total_cost = cash.cash_year;
    for (const auto& [later_year, amount] : cash.ve) cash.total_cost += amount;
  }
  for (size_t month = 0; month < 12; ++month) cash.entries_by_month[month] = static_cast<double>(month_entries[month]);
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
  std::vector<core::Cents> by_month(12);
  std::map<int, core::Cents> ve;
  for (const InstrumentLine& line : plan.instrumente) {
    if (line.finanzierung != "egt" || !IsCosted(line)) continue;
    AccumulateLine(line, plan.jahr, WholeEntries(line.eintritte.value), after_month + 1, by_month, ve, nullptr);
  }
  core::Cents total;
  for (const core::Cents& amount : by_month) total += amount;
  return total;
}

}  // namespace amip::budget
