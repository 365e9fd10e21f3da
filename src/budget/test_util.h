// Helpers shared by the budget tests: the embedded catalogue and plans parsed from text.
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "budget/catalogue.h"
#include "budget/plan.h"

namespace amip::budget::testing {

inline const BudgetCatalogue& Catalogue() {
  static const BudgetCatalogue* catalogue = [] {
    core::Result<BudgetCatalogue> loaded = LoadBudgetCatalogue();
    EXPECT_TRUE(loaded.ok()) << loaded.status().ToString();
    return new BudgetCatalogue(loaded.ok() ? *loaded : BudgetCatalogue());
  }();
  return *catalogue;
}

inline Plan ParseOrDie(const std::string& text) {
  core::Result<Plan> plan = ParsePlan(text, "test.yaml", Catalogue());
  EXPECT_TRUE(plan.ok()) << plan.status().ToString();
  return plan.ok() ? *plan : Plan();
}

inline Plan LoadExample(const std::string& name) {
  core::Result<Plan> plan =
      LoadPlanFile(std::string(AMIP_SOURCE_DIR) + "/examples/plans/" + name, Catalogue());
  EXPECT_TRUE(plan.ok()) << plan.status().ToString();
  return plan.ok() ? *plan : Plan();
}

}  // namespace amip::budget::testing
