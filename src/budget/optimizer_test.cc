#include "budget/optimizer.h"

#include <gtest/gtest.h>

#include <cmath>

#include "budget/cash.h"
#include "budget/test_util.h"

namespace amip::budget {
namespace {

OptimizerInput Input2025(double extra_euros = 0) {
  const Plan plan = testing::LoadExample("amip-2025.yaml");
  const BudgetFigures figures = ResolveBudget(plan, nullptr);
  core::Result<OptimizerInput> input = BuildOptimizerInput(
      plan, figures.neugeschaeft + core::Cents::FromEuros(static_cast<int64_t>(extra_euros)), {}, true);
  EXPECT_TRUE(input.ok()) << input.status().ToString();
  return *input;
}

TEST(OptimizerTest, SolutionOf2025PlanSatisfiesEveryConstraintAndIsNearTheBound) {
  const OptimizerInput input = Input2025();
  EXPECT_DOUBLE_EQ(input.budget, 3800000.0);
  ASSERT_EQ(input.variables.size(), 6u);  // egz, esg, evl, tam, mag, mat
  core::Result<OptimizerResult> result = Optimize(input);
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  // Checked without GLPK: bounds, cash, VE, Finanzposition shares, target-group quota.
  EXPECT_TRUE(CheckSolution(input, result->entries).empty());
  double objective = 0;
  for (size_t idx = 0; idx < input.variables.size(); ++idx) {
    objective += input.variables[idx].effect * static_cast<double>(result->entries[idx]);
  }
  EXPECT_NEAR(objective, result->objective, 1e-9);
  EXPECT_GE(result->objective, 0.99 * result->lp_bound);
  EXPECT_LE(result->objective, result->lp_bound + 1e-6);
  EXPECT_GT(result->per_1000_euros, 0);
}

TEST(OptimizerTest, ObjectiveRisesByTheDualValueWhenTheBudgetGrowsBy1000Euros) {
  core::Result<OptimizerResult> base = Optimize(Input2025());
  core::Result<OptimizerResult> more = Optimize(Input2025(1000));
  ASSERT_TRUE(base.ok() && more.ok());
  const double rise = more->lp_bound - base->lp_bound;
  EXPECT_NEAR(rise, base->per_1000_euros, 0.05 * base->per_1000_euros);
}

TEST(OptimizerTest, VeDualPricesTheCommitmentLimit) {
  OptimizerInput input = Input2025();
  core::Result<OptimizerResult> base = Optimize(input);
  ASSERT_TRUE(base.ok());
  const ConstraintReport& ve = base->constraints[1];
  ASSERT_EQ(ve.kind, ConstraintKind::kVe);
  input.ve_limits[2026] += 1000.0;
  core::Result<OptimizerResult> more = Optimize(input);
  ASSERT_TRUE(more.ok());
  EXPECT_NEAR(more->lp_bound - base->lp_bound, ve.dual * 1000.0, 0.05 * ve.dual * 1000.0);
}

TEST(OptimizerTest, ReportsBindingConstraints) {
  core::Result<OptimizerResult> result = Optimize(Input2025());
  ASSERT_TRUE(result.ok());
  ASSERT_FALSE(result->constraints.empty());
  EXPECT_EQ(result->constraints[0].kind, ConstraintKind::kBudget);
  EXPECT_TRUE(result->constraints[0].binding_lp);
  EXPECT_LT(result->constraints[0].slack, 100000.0);
}

TEST(OptimizerTest, CheckSolutionFindsViolations) {
  const OptimizerInput input = Input2025();
  std::vector<int64_t> entries;
  for (const OptimizerVariable& variable : input.variables) entries.push_back(variable.max_entries);
  EXPECT_FALSE(CheckSolution(input, entries).empty());
}

TEST(OptimizerTest, InfeasibleMinimumsAreAnError) {
  OptimizerInput input = Input2025();
  input.budget = 1000.0;
  core::Result<OptimizerResult> result = Optimize(input);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.status().code(), core::StatusCode::kFailedPrecondition);
}

TEST(OptimizerTest, EffectsFromHistoryAreUsedWithEnoughCases) {
  const Plan plan = testing::LoadExample("amip-2025.yaml");
  std::vector<ObservedEffect> observed{{"egz", {"egz"}, 40, 30, 0.75}, {"esg", {"esg"}, 5, 5, 1.0}};
  core::Result<OptimizerInput> input =
      BuildOptimizerInput(plan, core::Cents::FromEuros(3800000), observed, false);
  ASSERT_TRUE(input.ok());
  EXPECT_DOUBLE_EQ(input->variables[0].effect, 0.75);
  EXPECT_EQ(input->variables[0].effect_source, "Daten (n=40)");
  EXPECT_DOUBLE_EQ(input->variables[1].effect, 0.45);  // 5 < mindestfaelle 30: plan value
  EXPECT_EQ(input->variables[1].effect_source, "Plan");
}

}  // namespace
}  // namespace amip::budget
