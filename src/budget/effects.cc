#include "budget/effects.h"

#include <algorithm>

namespace amip::budget {

core::Date DataHorizon(const contract::Extract& extract) {
  // Ends may be planned (in the future), so only starts and claim months are observations.
  core::Date horizon = core::Date::Min();
  for (const auto& spell : extract.measure_spells) horizon = std::max(horizon, spell.start);
  for (const auto& spell : extract.employment_spells) horizon = std::max(horizon, spell.start);
  for (const auto& spell : extract.benefit_spells) horizon = std::max(horizon, spell.start);
  for (const auto& claim : extract.claims) horizon = std::max(horizon, claim.to.LastDay());
  return horizon;
}

std::vector<ObservedEffect> EstimateEffects(
    const contract::Extract& extract,
    const std::vector<std::pair<std::string, std::vector<std::string>>>& codes, int window_months) {
  // Employment starts that count as integration, per person, sorted.
  std::vector<std::vector<core::Date>> starts(extract.persons.size());
  for (const contract::EmploymentSpell& spell : extract.employment_spells) {
    if (spell.person < 0 || static_cast<size_t>(spell.person) >= starts.size()) continue;
    // A subsidised job (EGZ, Einstiegsgeld, § 16e) is the measure itself, not its outcome.
    if (spell.subsidy != contract::Subsidy::kNone) continue;
    if (spell.kind == contract::EmploymentKind::kSvb ||
        spell.kind == contract::EmploymentKind::kTraining ||
        spell.kind == contract::EmploymentKind::kSelfEmployed) {
      starts[static_cast<size_t>(spell.person)].push_back(spell.start);
    }
  }
  for (auto& person_starts : starts) std::sort(person_starts.begin(), person_starts.end());
  const core::Date horizon = DataHorizon(extract);

  std::vector<ObservedEffect> results;
  for (const auto& [code, covered] : codes) {
    ObservedEffect effect;
    effect.code = code;
    effect.covered = covered;
    for (const contract::MeasureSpell& spell : extract.measure_spells) {
      if (!spell.end || std::find(covered.begin(), covered.end(), spell.instrument) == covered.end()) {
        continue;
      }
      const core::Month window_month = spell.end->ToMonth() + window_months;
      const core::Date window_end =
          window_month.Day(std::min(spell.end->day(), window_month.DaysInMonth()));
      if (window_end > horizon) continue;  // censored
      ++effect.participations;
      if (spell.person < 0 || static_cast<size_t>(spell.person) >= starts.size()) continue;
      const std::vector<core::Date>& person_starts = starts[static_cast<size_t>(spell.person)];
      const auto first = std::lower_bound(person_starts.begin(), person_starts.end(), spell.start);
      if (first != person_starts.end() && *first <= window_end) ++effect.followed;
    }
    effect.rate = effect.participations > 0
                      ? static_cast<double>(effect.followed) / static_cast<double>(effect.participations)
                      : 0.0;
    results.push_back(std::move(effect));
  }
  return results;
}

std::string_view EffectCaveat() {
  return "Beobachtete Übergangsquote, keine kausale Wirkung: Teilnehmende sind ausgewählt, "
         "viele hätten auch ohne Förderung eine Arbeit gefunden.";
}

}  // namespace amip::budget
