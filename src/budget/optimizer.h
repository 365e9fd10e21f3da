// Optimiser of the Neugeschäft (GLPK): integer entries per instrument that maximise the
// expected integrations, subject to this year's cash (Budget Neugeschäft), limits on
// commitments for later years (VE), min/max entries per instrument, Finanzposition share
// bounds (of this year's new cash) and target-group quotas (share of all entries).
// The LP relaxation is solved first (its objective is the bound, its row duals price the
// constraints: the budget row's dual × 1,000 is what 1,000 € more would buy); the integer
// programme is then solved by branch and bound. Thread-compatible; GLPK's terminal output is
// switched off.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "budget/effects.h"
#include "budget/plan.h"
#include "core/money.h"
#include "core/status.h"

namespace amip::budget {

struct OptimizerVariable {
  std::string code;            // plan-level code (a line or a "darunter" sub-line)
  std::string finanzposition;
  double cash_per_entry = 0;   // euros falling into the plan year per entry
  std::map<int, double> ve_per_entry;  // later year -> euros per entry
  double effect = 0;           // expected integrations per entry
  std::string effect_source;   // "Plan" or "Daten (n=…)"
  int64_t min_entries = 0;
  int64_t max_entries = 0;
  std::map<std::string, double> zielgruppen;  // share of entries in a target group
  double planned_entries = 0;  // the plan's figure, for comparison
};

struct OptimizerInput {
  int jahr = 0;
  double budget = 0;  // euros: Budget Neugeschäft
  std::vector<OptimizerVariable> variables;
  std::map<int, double> ve_limits;  // year -> euros
  std::vector<FinanzpositionGrenze> finanzpositionen;
  std::vector<Zielgruppenquote> zielgruppen;
};

// Builds the model from the plan: one variable per EGT line with a cost (a line whose
// "darunter" sub-lines all carry a cost is split into them). Effects: the observed rate when
// `observed` has at least optimierung.mindestfaelle participations for the code and
// `prefer_plan_effects` is false, else the plan's `wirkung`; a variable with neither is an error.
core::Result<OptimizerInput> BuildOptimizerInput(const Plan& plan, core::Cents budget,
                                                 const std::vector<ObservedEffect>& observed,
                                                 bool prefer_plan_effects);

// Plan-level codes with the data-contract instruments they cover, for EstimateEffects.
std::vector<std::pair<std::string, std::vector<std::string>>> OptimizerCodes(const Plan& plan);

enum class ConstraintKind { kBudget, kVe, kFinanzposition, kZielgruppe, kEntries };

struct ConstraintReport {
  ConstraintKind kind = ConstraintKind::kBudget;
  std::string name;         // German, e.g. "Budget Neugeschäft 2025"
  double activity = 0;      // at the integer solution
  std::optional<double> lower;
  std::optional<double> upper;
  double slack = 0;         // distance to the nearest bound at the integer solution
  bool binding_lp = false;  // active at the LP optimum
  double dual = 0;          // LP dual (objective per unit of the row)
};

struct OptimizerResult {
  std::vector<int64_t> entries;     // per variable (integer solution)
  std::vector<double> lp_entries;   // LP relaxation
  double objective = 0;             // expected integrations of the integer solution
  double lp_bound = 0;              // LP relaxation objective
  double cash = 0;                  // euros this year at the integer solution
  double per_1000_euros = 0;        // budget dual × 1,000: integrations bought by 1,000 € more
  std::vector<ConstraintReport> constraints;
};

core::Result<OptimizerResult> Optimize(const OptimizerInput& input);

// Independent check of a solution against every constraint of `input` (not using GLPK);
// returns the violated constraints' descriptions (empty = feasible). `tolerance` in euros
// resp. entries.
std::vector<std::string> CheckSolution(const OptimizerInput& input,
                                       const std::vector<int64_t>& entries,
                                       double tolerance = 1e-6);

}  // namespace amip::budget
