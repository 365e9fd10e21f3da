// Plan checker: a published plan is a set of arithmetic identities (sums, differences,
// shares, "rechnerische" totals). CheckPlan lists every identity the plan's figures take part
// in and verifies it within the rounding of its terms (each printed figure is exact up to
// half its rounding unit). An identity that does not hold is reported with both sides and
// the difference; a figure that is missing but follows from the others is derived and shown.
// Pure function of the Plan.
#pragma once

#include <string>
#include <vector>

#include "budget/cash.h"
#include "budget/plan.h"

namespace amip::budget {

enum class Unit { kEuro, kPercent, kCount };
enum class Outcome {
  kHolds,     // printed figure follows from the others within rounding
  kDeviates,  // it does not: see difference
  kDerived,   // the figure is not printed; `computed` is its value from the others
  kFinding,   // plan against data: the plan's figure and the data's differ beyond the threshold
};

enum class Relation {
  kEquals,   // printed = computed
  kAtMost,   // printed ≤ computed (computed is the bound)
  kBetween,  // lower ≤ printed ≤ upper
};

struct IdentityCheck {
  std::string id;            // stable machine name, e.g. "egt.neugeschaeft"
  std::string description;   // German, e.g. "Budget Neugeschäft = EGL Gesamtbudget − Vorbindungen"
  Unit unit = Unit::kEuro;
  double printed = 0;        // left side: the figure as printed (euros, percent or count)
  double computed = 0;       // right side: the value (or bound) that follows from the others
  double difference = 0;     // printed − computed (0 when a bound holds)
  double tolerance = 0;      // allowed by the rounding of the terms
  Outcome outcome = Outcome::kHolds;
  int line = 0;              // line of the printed figure in the plan file
  Relation relation = Relation::kEquals;
  double lower = 0;          // kBetween / kAtMost bounds
  double upper = 0;
  std::string derived;       // kDerived: the name of the figure that was derived
};

std::vector<IdentityCheck> CheckPlan(const Plan& plan);

// Plan against data: the Vorbindungen the plan implies (printed, else EGL Gesamtbudget −
// Budget Neugeschäft) against those of the measure spells (`from_data`), and the printed
// existing commitments of the pauschale Erstattung against the Vorbindungen of its
// `instrumente`. `printed` is the plan's figure, `computed` the data's; a difference beyond
// controlling.vorbindungen_schwelle_prozent of the plan's figure plus half its rounding is a
// kFinding ("Plan passt nicht zu den Daten", docs/budget.md). A plan that implies no
// Vorbindungen gives no check.
std::vector<IdentityCheck> CheckPlanAgainstData(const Plan& plan, const Vorbindungen& from_data);

// Number of kDeviates results.
int CountDeviations(const std::vector<IdentityCheck>& checks);
// Number of kFinding results.
int CountFindings(const std::vector<IdentityCheck>& checks);

// "stimmt", "Abweichung", "abgeleitet", "Befund: passt nicht zu den Daten"
std::string_view OutcomeLabel(Outcome outcome);

}  // namespace amip::budget
