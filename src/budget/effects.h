// Per-instrument effect estimated from the Jobcenter's own history: the share of
// participations followed by an integration (a new unsubsidised employment spell subject to
// social insurance, vocational training or self-employment beginning between the
// participation's start and `window_months` after its end; the subsidised job of an EGZ,
// Einstiegsgeld or § 16e is the measure itself and does not count). Participations whose window reaches beyond the
// data are left out (censored). CAVEAT: this is an observed rate, not a causal effect — people
// are selected into instruments, and many would have found work anyway. Pure function.
#pragma once

#include <string>
#include <vector>

#include "contract/extract.h"
#include "core/date.h"

namespace amip::budget {

struct ObservedEffect {
  std::string code;                  // plan-level code
  std::vector<std::string> covered;  // data-contract instrument codes counted
  int64_t participations = 0;        // ended, window fully observed
  int64_t followed = 0;              // of which followed by an integration
  double rate = 0;                   // followed / participations (0 if none)
};

// The last day the extract observes: the latest spell start or claim month (ends may be
// planned and lie in the future).
core::Date DataHorizon(const contract::Extract& extract);

// One result per entry of `codes` (plan-level code with the instruments it covers).
std::vector<ObservedEffect> EstimateEffects(
    const contract::Extract& extract,
    const std::vector<std::pair<std::string, std::vector<std::string>>>& codes, int window_months);

// The caveat shown with every history-based effect (German).
std::string_view EffectCaveat();

}  // namespace amip::budget
