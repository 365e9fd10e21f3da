#include "budget/optimizer.h"

#include <glpk.h>

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <functional>
#include <memory>

#include "budget/cash.h"

namespace amip::budget {

namespace {

// The lines that become variables: a line, or its sub-lines when all of them carry a cost.
std::vector<const InstrumentLine*> VariableLines(const Plan& plan) {
  std::vector<const InstrumentLine*> lines;
  for (const InstrumentLine& line : plan.instrumente) {
    if (line.finanzierung != "egt") continue;
    bool split = !line.darunter.empty() && line.darunter_vollstaendig;
    for (const InstrumentLine& sub : line.darunter) split = split && sub.kosten_je_eintritt.present;
    if (split) {
      for (const InstrumentLine& sub : line.darunter) lines.push_back(&sub);
    } else {
      lines.push_back(&line);
    }
  }
  return lines;
}

struct GlpkDeleter {
  void operator()(glp_prob* problem) const { glp_delete_prob(problem); }
};

// Coefficients of one row over the variables.
struct Row {
  ConstraintKind kind;
  std::string name;
  std::vector<double> coef;
  int type;  // GLP_UP, GLP_LO
  double bound;
  // For reporting: activity of the integer solution in people's units.
  std::function<double(const std::vector<double>&)> display;
  std::optional<double> display_lower;
  std::optional<double> display_upper;
};

std::vector<Row> BuildRows(const OptimizerInput& input) {
  const size_t count = input.variables.size();
  std::vector<Row> rows;
  auto cash_of = [&input](const std::vector<double>& x) {
    double total = 0;
    for (size_t idx = 0; idx < x.size(); ++idx) total += input.variables[idx].cash_per_entry * x[idx];
    return total;
  };
  {
    Row row{ConstraintKind::kBudget, fmt::format("Budget Neugeschäft {}", input.jahr),
            std::vector<double>(count), GLP_UP, input.budget, cash_of, std::nullopt, input.budget};
    for (size_t idx = 0; idx < count; ++idx) row.coef[idx] = input.variables[idx].cash_per_entry;
    rows.push_back(std::move(row));
  }
  for (const auto& [year, limit] : input.ve_limits) {
    Row row{ConstraintKind::kVe, fmt::format("Verpflichtungsermächtigungen {}", year),
            std::vector<double>(count), GLP_UP, limit, nullptr, std::nullopt, limit};
    for (size_t idx = 0; idx < count; ++idx) {
      const auto found = input.variables[idx].ve_per_entry.find(year);
      row.coef[idx] = found == input.variables[idx].ve_per_entry.end() ? 0.0 : found->second;
    }
    const std::vector<double> coef = row.coef;
    row.display = [coef](const std::vector<double>& x) {
      double total = 0;
      for (size_t idx = 0; idx < x.size(); ++idx) total += coef[idx] * x[idx];
      return total;
    };
    rows.push_back(std::move(row));
  }
  for (const FinanzpositionGrenze& bound : input.finanzpositionen) {
    const std::string code = bound.code;
    auto share = [&input, code, cash_of](const std::vector<double>& x) {
      double part = 0;
      for (size_t idx = 0; idx < x.size(); ++idx) {
        if (input.variables[idx].finanzposition == code) part += input.variables[idx].cash_per_entry * x[idx];
      }
      const double total = cash_of(x);
      return total > 0 ? part / total * 100.0 : 0.0;
    };
    for (int side = 0; side < 2; ++side) {
      const std::optional<double> limit = side == 0 ? bound.min_anteil : bound.max_anteil;
      if (!limit) continue;
      Row row{ConstraintKind::kFinanzposition,
              fmt::format("Anteil Finanzposition {} {} {} %", code, side == 0 ? "≥" : "≤",
                          *limit * 100.0),
              std::vector<double>(count), side == 0 ? GLP_LO : GLP_UP, 0.0, share,
              side == 0 ? std::optional<double>(*limit * 100.0) : std::nullopt,
              side == 1 ? std::optional<double>(*limit * 100.0) : std::nullopt};
      for (size_t idx = 0; idx < count; ++idx) {
        const double in_position = input.variables[idx].finanzposition == code ? 1.0 : 0.0;
        row.coef[idx] = (in_position - *limit) * input.variables[idx].cash_per_entry;
      }
      rows.push_back(std::move(row));
    }
  }
  for (const Zielgruppenquote& quota : input.zielgruppen) {
    const std::string name = quota.name;
    Row row{ConstraintKind::kZielgruppe,
            fmt::format("Zielgruppe {} ≥ {} % der Eintritte", name, quota.mindestanteil * 100.0),
            std::vector<double>(count), GLP_LO, 0.0, nullptr, quota.mindestanteil * 100.0,
            std::nullopt};
    for (size_t idx = 0; idx < count; ++idx) {
      const auto found = input.variables[idx].zielgruppen.find(name);
      const double share = found == input.variables[idx].zielgruppen.end() ? 0.0 : found->second;
      row.coef[idx] = share - quota.mindestanteil;
    }
    row.display = [&input, name](const std::vector<double>& x) {
      double in_group = 0;
      double total = 0;
      for (size_t idx = 0; idx < x.size(); ++idx) {
        const auto found = input.variables[idx].zielgruppen.find(name);
        in_group += (found == input.variables[idx].zielgruppen.end() ? 0.0 : found->second) * x[idx];
        total += x[idx];
      }
      return total > 0 ? in_group / total * 100.0 : 0.0;
    };
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace

std::vector<std::pair<std::string, std::vector<std::string>>> OptimizerCodes(const Plan& plan) {
  std::vector<std::pair<std::string, std::vector<std::string>>> codes;
  for (const InstrumentLine* line : VariableLines(plan)) codes.emplace_back(line->code, line->covered);
  return codes;
}

core::Result<OptimizerInput> BuildOptimizerInput(const Plan& plan, core::Cents budget,
                                                 const std::vector<ObservedEffect>& observed,
                                                 bool prefer_plan_effects) {
  OptimizerInput input;
  input.jahr = plan.jahr;
  input.budget = budget.euros();
  for (const auto& [year, limit] : plan.optimierung.ve_grenzen) input.ve_limits[year] = limit.euros();
  input.finanzpositionen = plan.optimierung.finanzpositionen;
  input.zielgruppen = plan.optimierung.zielgruppen;
  for (const InstrumentLine* line : VariableLines(plan)) {
    OptimizerVariable variable;
    variable.code = line->code;
    const auto position = plan.finanzposition_of.find(line->code);
    variable.finanzposition = position == plan.finanzposition_of.end() ? "" : position->second;
    variable.cash_per_entry = CashPerEntryThisYear(*line);
    variable.ve_per_entry = VePerEntry(*line, plan.jahr);
    if (variable.cash_per_entry <= 0) {
      return core::InvalidArgumentError(fmt::format(
          "{}:{}: instrument '{}': the optimiser needs kosten_je_eintritt", plan.file, line->line,
          line->code));
    }
    const ObservedEffect* history = nullptr;
    for (const ObservedEffect& effect : observed) {
      if (effect.code == line->code && effect.participations >= plan.optimierung.mindestfaelle) {
        history = &effect;
      }
    }
    if (history != nullptr && !(prefer_plan_effects && line->wirkung)) {
      variable.effect = history->rate;
      variable.effect_source = fmt::format("Daten (n={})", history->participations);
    } else if (line->wirkung) {
      variable.effect = *line->wirkung;
      variable.effect_source = "Plan";
    } else {
      return core::InvalidArgumentError(fmt::format(
          "{}:{}: instrument '{}': no effect: give 'wirkung' or data with at least {} "
          "completed participations",
          plan.file, line->line, line->code, plan.optimierung.mindestfaelle));
    }
    variable.min_entries = line->min_eintritte.value_or(0);
    variable.max_entries = line->max_eintritte.value_or(
        static_cast<int64_t>(std::floor(input.budget / variable.cash_per_entry)));
    variable.zielgruppen = line->zielgruppen;
    variable.planned_entries = line->eintritte.value;
    input.variables.push_back(std::move(variable));
  }
  if (input.variables.empty()) {
    return core::InvalidArgumentError(
        fmt::format("{}: no EGT instrument with a cost to optimise", plan.file));
  }
  return input;
}

core::Result<OptimizerResult> Optimize(const OptimizerInput& input) {
  glp_term_out(GLP_OFF);
  const std::vector<Row> rows = BuildRows(input);
  const int cols = static_cast<int>(input.variables.size());
  std::unique_ptr<glp_prob, GlpkDeleter> problem(glp_create_prob());
  glp_prob* lp = problem.get();
  glp_set_obj_dir(lp, GLP_MAX);
  glp_add_cols(lp, cols);
  for (int col = 1; col <= cols; ++col) {
    const OptimizerVariable& variable = input.variables[static_cast<size_t>(col - 1)];
    if (variable.max_entries < variable.min_entries) {
      return core::InvalidArgumentError(
          fmt::format("instrument '{}': max_eintritte below min_eintritte", variable.code));
    }
    const double lower = static_cast<double>(variable.min_entries);
    const double upper = static_cast<double>(variable.max_entries);
    glp_set_col_bnds(lp, col, lower == upper ? GLP_FX : GLP_DB, lower, upper);
    glp_set_obj_coef(lp, col, variable.effect);
    glp_set_col_kind(lp, col, GLP_IV);
  }
  glp_add_rows(lp, static_cast<int>(rows.size()));
  std::vector<int> ia{0};
  std::vector<int> ja{0};
  std::vector<double> ar{0.0};
  for (size_t row_idx = 0; row_idx < rows.size(); ++row_idx) {
    const Row& row = rows[row_idx];
    const int glpk_row = static_cast<int>(row_idx) + 1;
    glp_set_row_bnds(lp, glpk_row, row.type, row.bound, row.bound);
    for (int col = 1; col <= cols; ++col) {
      const double coef = row.coef[static_cast<size_t>(col - 1)];
      if (coef == 0) continue;
      ia.push_back(glpk_row);
      ja.push_back(col);
      ar.push_back(coef);
    }
  }
  glp_load_matrix(lp, static_cast<int>(ia.size()) - 1, ia.data(), ja.data(), ar.data());

  glp_smcp simplex;
  glp_init_smcp(&simplex);
  simplex.msg_lev = GLP_MSG_OFF;
  if (glp_simplex(lp, &simplex) != 0 || glp_get_status(lp) != GLP_OPT) {
    return core::FailedPreconditionError(
        "the optimisation problem has no solution: the minimum entries, quotas or share bounds "
        "cannot be met within the budget");
  }
  OptimizerResult result;
  result.lp_bound = glp_get_obj_val(lp);
  for (int col = 1; col <= cols; ++col) result.lp_entries.push_back(glp_get_col_prim(lp, col));
  std::vector<double> row_dual;
  std::vector<bool> row_active;
  for (size_t row_idx = 0; row_idx < rows.size(); ++row_idx) {
    const int glpk_row = static_cast<int>(row_idx) + 1;
    row_dual.push_back(glp_get_row_dual(lp, glpk_row));
    const int stat = glp_get_row_stat(lp, glpk_row);
    row_active.push_back(stat == GLP_NU || stat == GLP_NL);
  }
  std::vector<double> col_dual;
  std::vector<bool> col_active;
  for (int col = 1; col <= cols; ++col) {
    col_dual.push_back(glp_get_col_dual(lp, col));
    const int stat = glp_get_col_stat(lp, col);
    col_active.push_back(stat == GLP_NU || stat == GLP_NL || stat == GLP_NS);
  }
  result.per_1000_euros = row_dual[0] * 1000.0;

  glp_iocp integer;
  glp_init_iocp(&integer);
  integer.msg_lev = GLP_MSG_OFF;
  integer.mip_gap = 1e-4;
  integer.tm_lim = 10000;
  const int status = glp_intopt(lp, &integer);
  const int mip_status = glp_mip_status(lp);
  if ((status != 0 && status != GLP_ETMLIM && status != GLP_EMIPGAP) ||
      (mip_status != GLP_OPT && mip_status != GLP_FEAS)) {
    return core::FailedPreconditionError("no integer solution found for the optimisation problem");
  }
  std::vector<double> solution;
  for (int col = 1; col <= cols; ++col) {
    const int64_t value = std::llround(glp_mip_col_val(lp, col));
    result.entries.push_back(value);
    solution.push_back(static_cast<double>(value));
    result.objective += input.variables[static_cast<size_t>(col - 1)].effect * static_cast<double>(value);
    result.cash += input.variables[static_cast<size_t>(col - 1)].cash_per_entry * static_cast<double>(value);
  }
  for (size_t row_idx = 0; row_idx < rows.size(); ++row_idx) {
    const Row& row = rows[row_idx];
    ConstraintReport report;
    report.kind = row.kind;
    report.name = row.name;
    report.activity = row.display(solution);
    report.lower = row.display_lower;
    report.upper = row.display_upper;
    report.slack = report.upper ? *report.upper - report.activity : report.activity - *report.lower;
    report.binding_lp = row_active[row_idx];
    report.dual = row_dual[row_idx];
    result.constraints.push_back(std::move(report));
  }
  for (int col = 1; col <= cols; ++col) {
    const size_t idx = static_cast<size_t>(col - 1);
    const OptimizerVariable& variable = input.variables[idx];
    ConstraintReport report;
    report.kind = ConstraintKind::kEntries;
    report.name = fmt::format("Eintritte {} ({}..{})", variable.code, variable.min_entries,
                              variable.max_entries);
    report.activity = solution[idx];
    report.lower = static_cast<double>(variable.min_entries);
    report.upper = static_cast<double>(variable.max_entries);
    report.slack = std::min(report.activity - *report.lower, *report.upper - report.activity);
    report.binding_lp = col_active[idx];
    report.dual = col_dual[idx];
    result.constraints.push_back(std::move(report));
  }
  return result;
}

std::vector<std::string> CheckSolution(const OptimizerInput& input,
                                       const std::vector<int64_t>& entries, double tolerance) {
  std::vector<std::string> violations;
  if (entries.size() != input.variables.size()) return {"wrong number of variables"};
  double cash = 0;
  double all_entries = 0;
  std::map<int, double> ve;
  std::map<std::string, double> cash_by_position;
  std::map<std::string, double> group_entries;
  for (size_t idx = 0; idx < entries.size(); ++idx) {
    const OptimizerVariable& variable = input.variables[idx];
    const double x = static_cast<double>(entries[idx]);
    if (entries[idx] < variable.min_entries || entries[idx] > variable.max_entries) {
      violations.push_back(fmt::format("{}: {} entries outside {}..{}", variable.code, entries[idx],
                                       variable.min_entries, variable.max_entries));
    }
    cash += variable.cash_per_entry * x;
    all_entries += x;
    for (const auto& [year, amount] : variable.ve_per_entry) ve[year] += amount * x;
    cash_by_position[variable.finanzposition] += variable.cash_per_entry * x;
    for (const auto& [group, share] : variable.zielgruppen) group_entries[group] += share * x;
  }
  if (cash > input.budget + tolerance) {
    violations.push_back(fmt::format("cash {:.2f} above budget {:.2f}", cash, input.budget));
  }
  for (const auto& [year, limit] : input.ve_limits) {
    if (ve[year] > limit + tolerance) {
      violations.push_back(fmt::format("VE {} {:.2f} above {:.2f}", year, ve[year], limit));
    }
  }
  for (const FinanzpositionGrenze& bound : input.finanzpositionen) {
    const double part = cash_by_position[bound.code];
    if (bound.min_anteil && part < *bound.min_anteil * cash - tolerance) {
      violations.push_back(fmt::format("Finanzposition {} share below minimum", bound.code));
    }
    if (bound.max_anteil && part > *bound.max_anteil * cash + tolerance) {
      violations.push_back(fmt::format("Finanzposition {} share above maximum", bound.code));
    }
  }
  for (const Zielgruppenquote& quota : input.zielgruppen) {
    if (group_entries[quota.name] < quota.mindestanteil * all_entries - tolerance) {
      violations.push_back(fmt::format("target group {} below its quota", quota.name));
    }
  }
  return violations;
}

}  // namespace amip::budget
