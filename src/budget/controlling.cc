#include "budget/controlling.h"

#include <cmath>
#include <fmt/format.h>
#include <map>

#include "budget/cash.h"

namespace amip::budget {

core::Result<ControllingReport> ComputeControlling(const contract::Extract& extract,
                                                   const Plan& plan, core::Month as_of,
                                                   std::optional<double> threshold_percent) {
  if (as_of.year() != plan.jahr) {
    return core::OutOfRangeError(fmt::format("month {} is not in the plan year {}",
                                             as_of.ToString(), plan.jahr));
  }
  if (threshold_percent && !(*threshold_percent >= 0 && *threshold_percent <= 100)) {
    return core::InvalidArgumentError(
        fmt::format("Warnschwelle {} % liegt nicht zwischen 0 und 100 %", *threshold_percent));
  }
  ControllingReport report;
  report.jahr = plan.jahr;
  report.as_of_month = as_of.month();
  report.threshold_percent = threshold_percent.value_or(plan.controlling.schwelle_prozent);
  report.budget = ResolveBudget(plan, nullptr).gesamtbudget;

  const core::Date year_start = core::Date::FromYmd(plan.jahr, 1, 1);
  // Per code and month: Ist cash, Ist entries, Vorbindungen (spells begun before the year).
  std::map<std::string, std::vector<core::Cents>> ist_cash;
  std::map<std::string, std::vector<int64_t>> ist_entries;
  std::map<std::string, std::vector<core::Cents>> bound_cash;
  // Cash in the year by (start month index 0 = before the year, 1..12) and cash month.
  std::vector<std::vector<core::Cents>> by_start(13, std::vector<core::Cents>(12));
  // Every sum below adds non-negative parts of these costs: when their total fits in Cents,
  // so does every partial sum (issue 10: never a wrapped number).
  core::CentsSum all_costs;
  for (const contract::MeasureSpell& spell : extract.measure_spells) {
    if (spell.funding == contract::Funding::kEgt && spell.start.year() <= plan.jahr) {
      if (spell.cost < core::Cents()) {
        return core::InvalidArgumentError(fmt::format(
            "Maßnahmekosten {} einer Teilnahme ab {} sind negativ", spell.cost.ToGermanString(),
            spell.start.ToString()));
      }
      all_costs += spell.cost;
    }
  }
  AMIP_RETURN_IF_ERROR(all_costs.Total(fmt::format("Ist-Ausgaben und Bindungen {}", plan.jahr)).status());
  for (const contract::MeasureSpell& spell : extract.measure_spells) {
    if (spell.funding != contract::Funding::kEgt) continue;
    if (spell.start.year() > plan.jahr) continue;
    const core::Date end = EffectiveEnd(spell, DefaultDurationMonths(plan, spell.instrument));
    if (end < year_start) continue;
    const std::string code = PlanCodeOf(plan, spell.instrument);
    auto& cash = ist_cash.try_emplace(code, 12).first->second;
    auto& bound = bound_cash.try_emplace(code, 12).first->second;
    auto& entries = ist_entries.try_emplace(code, 12, 0).first->second;
    const int start_idx = spell.start < year_start ? 0 : spell.start.month();
    if (start_idx > 0) ++entries[static_cast<size_t>(start_idx - 1)];
    for (const MonthAmount& part : SpreadOverDays(spell.cost, spell.start, end)) {
      if (part.month.year() != plan.jahr) continue;
      const size_t month_idx = static_cast<size_t>(part.month.month() - 1);
      by_start[static_cast<size_t>(start_idx)][month_idx] += part.amount;
      if (start_idx == 0) bound[month_idx] += part.amount;
      // Ist spending of a month counts only participations already begun (always true here).
      cash[month_idx] += part.amount;
    }
  }

  const InstrumentPlanCash planned = ComputeInstrumentPlanCash(plan);
  std::vector<std::string> codes;
  for (const LineCash& line : planned.lines) {
    if (line.egt) codes.push_back(line.code);
  }
  for (const auto& [code, cash] : ist_cash) {
    bool known = false;
    for (const std::string& existing : codes) known = known || existing == code;
    if (!known) codes.push_back(code);
  }
  for (const std::string& code : codes) {
    const LineCash* line = nullptr;
    for (const LineCash& candidate : planned.lines) {
      if (candidate.code == code && candidate.egt) line = &candidate;  // BA-financed: no EGT plan
    }
    for (int month = 1; month <= report.as_of_month; ++month) {
      const size_t idx = static_cast<size_t>(month - 1);
      ControllingRow row;
      row.code = code;
      row.month = month;
      if (line != nullptr) {
        row.plan_entries = line->entries_by_month[idx];
        row.plan_cash = line->cash_by_month[idx];
      }
      if (bound_cash.count(code) > 0) row.plan_cash += bound_cash[code][idx];
      if (ist_cash.count(code) > 0) row.ist_cash = ist_cash[code][idx];
      if (ist_entries.count(code) > 0) row.ist_entries = ist_entries[code][idx];
      report.rows.push_back(std::move(row));
    }
  }

  for (int month = 1; month <= report.as_of_month; ++month) {
    MonthProjection projection;
    projection.month = month;
    projection.budget = report.budget;
    for (size_t start_idx = 0; start_idx <= static_cast<size_t>(month); ++start_idx) {
      for (size_t cash_idx = 0; cash_idx < 12; ++cash_idx) {
        if (static_cast<int>(cash_idx) < month) {
          projection.ist_cumulative += by_start[start_idx][cash_idx];
        } else {
          projection.bindings += by_start[start_idx][cash_idx];
        }
      }
    }
    projection.remaining_plan = RemainingPlannedCash(plan, month);
    const std::string what = fmt::format("Hochrechnung {}-{:02}", plan.jahr, month);
    AMIP_ASSIGN_OR_RETURN(const core::Cents spent_and_bound,
                          core::CheckedAdd(projection.ist_cumulative, projection.bindings, what));
    AMIP_ASSIGN_OR_RETURN(projection.projection,
                          core::CheckedAdd(spent_and_bound, projection.remaining_plan, what));
    AMIP_ASSIGN_OR_RETURN(projection.gap,
                          core::CheckedAdd(projection.budget, core::Cents() - projection.projection, what));
    const double budget_cents = static_cast<double>(report.budget.value());
    const double deviation_cents = static_cast<double>((projection.projection - report.budget).value());
    projection.deviation_percent = budget_cents != 0 ? deviation_cents * 100.0 / budget_cents : 0;
    projection.warning = std::fabs(deviation_cents) * 100.0 > report.threshold_percent * std::fabs(budget_cents);
    if (projection.warning && !report.first_warning_month) report.first_warning_month = month;
    report.projections.push_back(projection);
  }
  return report;
}

}  // namespace amip::budget
