// Cash model of the budget: how a participation's cost falls on months, the Vorbindungen of a
// plan year computed from measure spells, and the monthly cash outflow and
// Verpflichtungsermächtigungen (VE) of the instrument plan.
//
// Conventions (docs/budget.md): an observed participation's cost is spread over its days
// (start..end inclusive, so leap days count) and rounded cumulatively, so the monthly parts
// add up to the cost exactly. A planned entry's cost is spread evenly over its duration in
// months starting with the entry month; planned entries per month follow the line's profile
// (fractional, the expected value). Pure functions, no I/O.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "budget/catalogue.h"
#include "budget/plan.h"
#include "contract/extract.h"
#include "core/date.h"
#include "core/money.h"

namespace amip::budget {

struct MonthAmount {
  core::Month month;
  core::Cents amount;
};

// REQUIRES: start <= end. Cost spread over the days start..end (inclusive); the parts add up
// to `cost` exactly (cumulative rounding half away from zero).
std::vector<MonthAmount> SpreadOverDays(core::Cents cost, core::Date start, core::Date end);

// The end used for a participation: its end, or for an open spell start + `default_months`.
core::Date EffectiveEnd(const contract::MeasureSpell& spell, int default_months);

// Default duration in months for open spells of `instrument`: the plan line's dauer_monate,
// else 6.
int DefaultDurationMonths(const Plan& plan, const std::string& instrument);

// The plan-level code a data-contract instrument is counted under: the plan line covering it,
// else the instrument code itself.
std::string PlanCodeOf(const Plan& plan, const std::string& instrument);

// Money of the plan year bound by participations that began before the year.
struct Vorbindungen {
  int jahr = 0;
  core::Cents total;
  std::map<std::string, core::Cents> by_code;            // plan-level code -> amount
  std::map<std::string, core::Cents> by_instrument;      // data-contract instrument -> amount
  std::vector<core::Cents> by_month = std::vector<core::Cents>(12);
  std::map<int, core::Cents> later_years;                // the same spells' parts after the year
  int64_t spells = 0;       // participations binding money in the year
  int64_t open_spells = 0;  // of which with an open end (duration assumed)
};

// Only spells funded from the Eingliederungstitel (funding == egt) bind the EGT. Every sum is
// exact (core::CentsSum); kOutOfRange when one does not fit in Cents, never a wrapped number.
core::Result<Vorbindungen> ComputeVorbindungen(const contract::Extract& extract, const Plan& plan, int year);

// Splits `total` (cents or entries) into parts proportional to `weights` (each ≥ 0): the
// floors first, then one unit each to the parts with the largest remainders (ties: the earlier
// part), so the parts are whole units and add up to `total` exactly. All weights 0: all parts 0.
std::vector<int64_t> Apportion(int64_t total, const std::vector<int64_t>& weights);

// Whole planned entries of `line` per month of the year: `entries` split over the 12 months by
// the line's profile (even when none) with Apportion.
std::vector<int64_t> EntriesByMonth(const InstrumentLine& line, int64_t entries);

// Cash of one plan line for `entries` entries (rounded to whole entries). Entries per month are
// whole (EntriesByMonth); a month's entries cost entries × kosten_je_eintritt exactly, spread
// evenly over dauer_monate months by Apportion, so every monthly part is a whole cent and the
// months plus the VE add up to entries × cost to the cent (docs/budget.md). The optimiser's
// per-entry coefficients (CashPerEntryThisYear) are the expected values of the same model.
struct LineCash {
  std::string code;
  bool costed = false;      // a cost per entry is known
  bool egt = true;          // financed from the EGT
  double entries = 0;                                      // whole entries
  std::vector<double> entries_by_month = std::vector<double>(12);  // whole entries per month
  std::vector<core::Cents> cash_by_month = std::vector<core::Cents>(12);
  core::Cents cash_year;
  core::Cents total_cost;
  std::map<int, core::Cents> ve;  // later year -> amount
};

// The EGT lines of a plan year: the printed figures, completed by computation where not printed
// (Gesamtbudget = Zuteilung + Ausfinanzierung + pauschale Erstattungen − Umschichtung;
// Vorbindungen from data when the plan says `aus_daten` or prints none; Neugeschäft printed,
// else Gesamtbudget − Vorbindungen).
struct BudgetFigures {
  core::Cents gesamtbudget;
  core::Cents vorbindungen;
  core::Cents neugeschaeft;
  bool vorbindungen_from_data = false;
  bool neugeschaeft_printed = false;
};
BudgetFigures ResolveBudget(const Plan& plan, const Vorbindungen* from_data);

// Cash of `line` with its planned entries (entries < 0) or a given number of entries.
LineCash ComputeLineCash(const InstrumentLine& line, int year, double entries = -1);

// Cash falling into `year` (and later) per entry of `line`, as euros (the optimiser's
// coefficients). Zero for an uncosted line.
double CashPerEntryThisYear(const InstrumentLine& line);
std::map<int, double> VePerEntry(const InstrumentLine& line, int year);

// Whole-plan view: lines, totals, and the cash of entries in months after `after_month`
// (for the controlling's Hochrechnung; after_month 0 = the whole year).
struct InstrumentPlanCash {
  std::vector<LineCash> lines;
  std::vector<core::Cents> egt_cash_by_month = std::vector<core::Cents>(12);
  core::Cents egt_cash_year;
  std::map<int, core::Cents> egt_ve;
};
InstrumentPlanCash ComputeInstrumentPlanCash(const Plan& plan);

// Cash in the plan year of planned EGT entries in months after_month+1..12.
core::Cents RemainingPlannedCash(const Plan& plan, int after_month);

}  // namespace amip::budget
