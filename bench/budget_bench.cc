// budget_bench: wall time of the budget optimiser (plan file -> GLPK LP + integer solution)
// on a plan, default examples/plans/amip-2025.yaml; goal: under 1 s (issue 5). Also times
// Vorbindungen + controlling for a whole year on a synthetic extract of 100,000 participations.
// Usage: budget_bench [PLAN] [REPEATS]. Prints median and maximum in milliseconds.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "budget/cash.h"
#include "budget/catalogue.h"
#include "budget/controlling.h"
#include "budget/optimizer.h"
#include "budget/plan.h"

namespace {

using Clock = std::chrono::steady_clock;

double Millis(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

void Report(const char* what, std::vector<double> times) {
  std::sort(times.begin(), times.end());
  std::printf("%-58s median %8.2f ms  max %8.2f ms  (n=%zu)\n", what, times[times.size() / 2], times.back(),
              times.size());
}

}  // namespace

int main(int argc, char** argv) {
  using namespace amip;
  const std::string path = argc > 1 ? argv[1] : "examples/plans/amip-2025.yaml";
  const int repeats = argc > 2 ? std::atoi(argv[2]) : 20;
  std::vector<double> optimise;
  double objective = 0;
  double bound = 0;
  for (int run = 0; run < repeats; ++run) {
    const Clock::time_point start = Clock::now();
    core::Result<budget::BudgetCatalogue> catalogue = budget::LoadBudgetCatalogue();
    if (!catalogue.ok()) return std::fprintf(stderr, "%s\n", catalogue.status().ToString().c_str()), 3;
    core::Result<budget::Plan> plan = budget::LoadPlanFile(path, *catalogue);
    if (!plan.ok()) return std::fprintf(stderr, "%s\n", plan.status().ToString().c_str()), 1;
    const budget::BudgetFigures figures = budget::ResolveBudget(*plan, nullptr);
    core::Result<budget::OptimizerInput> input =
        budget::BuildOptimizerInput(*plan, figures.neugeschaeft, {}, true);
    if (!input.ok()) return std::fprintf(stderr, "%s\n", input.status().ToString().c_str()), 1;
    core::Result<budget::OptimizerResult> result = budget::Optimize(*input);
    if (!result.ok()) return std::fprintf(stderr, "%s\n", result.status().ToString().c_str()), 1;
    optimise.push_back(Millis(start));
    objective = result->objective;
    bound = result->lp_bound;
  }
  Report("optimise (load catalogue + plan, LP, integer programme)", optimise);
  std::printf("objective %.2f, LP bound %.2f, gap %.3f %%\n", objective, bound, (bound - objective) / bound * 100);

  core::Result<budget::BudgetCatalogue> catalogue = budget::LoadBudgetCatalogue();
  core::Result<budget::Plan> plan = budget::LoadPlanFile(path, *catalogue);
  if (!catalogue.ok() || !plan.ok()) return 1;
  contract::Extract extract;
  extract.persons.resize(100000);
  const char* codes[] = {"egz", "esg", "mat", "mag", "fbw", "tam", "evl", "agh"};
  for (int64_t idx = 0; idx < 100000; ++idx) {
    contract::MeasureSpell spell;
    spell.person = static_cast<core::PersonIdx>(idx);
    spell.instrument = codes[idx % 8];
    spell.start = core::Date::FromYmd(2023, 1, 1) + static_cast<int32_t>((idx * 7919) % 1090);
    spell.end = spell.start + static_cast<int32_t>(30 + (idx * 104729) % 700);
    spell.cost = core::Cents::FromEuros(500 + (idx * 31) % 20000);
    extract.measure_spells.push_back(spell);
  }
  std::vector<double> control;
  for (int run = 0; run < std::max(3, repeats / 4); ++run) {
    const Clock::time_point start = Clock::now();
    core::Result<budget::Vorbindungen> vorbindungen = budget::ComputeVorbindungen(extract, *plan, plan->jahr);
    core::Result<budget::ControllingReport> report =
        budget::ComputeControlling(extract, *plan, core::Month::FromYm(plan->jahr, 12));
    if (!report.ok() || !vorbindungen.ok()) return 1;
    control.push_back(Millis(start));
  }
  Report("Vorbindungen + controlling Jan..Dec, 100,000 participations", control);
  return 0;
}
