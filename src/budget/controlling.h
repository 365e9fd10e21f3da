// Monthly finance and entry controlling (introduced in the AMIP 2014): plan against actuals
// (Ist) per instrument and month, entries and spending, and a year-end projection
// (Hochrechnung) for every month up to the reporting month:
//   Hochrechnung(M) = Ist spending Jan..M + binding commitments of participations begun by
//                     the end of M falling into M+1..Dec + cash of the planned entries of
//                     M+1..Dec,
// compared with the EGL Gesamtbudget. A warning is raised when |Hochrechnung − Budget| exceeds
// the plan's threshold (percent of the budget), with the first month it did. Only spells
// funded from the EGT count. Pure function of an Extract and a Plan.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "budget/plan.h"
#include "contract/extract.h"
#include "core/date.h"
#include "core/money.h"
#include "core/status.h"

namespace amip::budget {

struct ControllingRow {
  std::string code;  // plan-level code
  int month = 0;     // 1..12
  double plan_entries = 0;
  int64_t ist_entries = 0;
  core::Cents plan_cash;  // planned new entries' cash + data Vorbindungen of this code
  core::Cents ist_cash;
};

struct MonthProjection {
  int month = 0;
  core::Cents ist_cumulative;   // spending Jan..month
  core::Cents bindings;         // commitments of begun participations in month+1..Dec
  core::Cents remaining_plan;   // planned entries month+1..Dec, cash in the year
  core::Cents projection;       // Hochrechnung
  core::Cents budget;
  core::Cents gap;              // budget − projection
  double deviation_percent = 0; // (projection − budget) / budget × 100
  bool warning = false;
};

struct ControllingReport {
  int jahr = 0;
  int as_of_month = 0;  // 1..12
  double threshold_percent = 0;
  core::Cents budget;
  std::vector<ControllingRow> rows;  // by code, then month 1..as_of
  std::vector<MonthProjection> projections;  // months 1..as_of
  std::optional<int> first_warning_month;
};

// REQUIRES nothing; `as_of` must lie in the plan year (else OutOfRange).
// Without `threshold_percent` the plan's controlling.schwelle_prozent applies; a given one
// outside 0 … 100 (or not finite) is kInvalidArgument, never replaced by the plan's.
core::Result<ControllingReport> ComputeControlling(const contract::Extract& extract,
                                                   const Plan& plan, core::Month as_of,
                                                   std::optional<double> threshold_percent = std::nullopt);

}  // namespace amip::budget
