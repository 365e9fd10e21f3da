#include "budget/kdu.h"

#include <algorithm>

namespace amip::budget {

std::vector<KdUMunicipality> KdUByMunicipality(const contract::Extract& extract, int year) {
  // Benefit spells per person, for the month -> municipality lookup.
  std::vector<std::vector<const contract::BenefitSpell*>> spells(extract.persons.size());
  for (const contract::BenefitSpell& spell : extract.benefit_spells) {
    if (spell.person >= 0 && static_cast<size_t>(spell.person) < spells.size()) {
      spells[static_cast<size_t>(spell.person)].push_back(&spell);
    }
  }
  std::vector<core::Cents> totals(extract.municipalities.size() + 1);
  std::vector<int64_t> months(extract.municipalities.size() + 1, 0);
  const size_t unassigned = extract.municipalities.size();
  const core::Month first = core::Month::FromYm(year, 1);
  const core::Month last = core::Month::FromYm(year, 12);
  for (const contract::Claim& claim : extract.claims) {
    for (core::Month month = std::max(claim.from, first); month <= std::min(claim.to, last); ++month) {
      size_t target = unassigned;
      if (claim.person >= 0 && static_cast<size_t>(claim.person) < spells.size()) {
        const core::Date month_first = month.FirstDay();
        const core::Date month_last = month.LastDay();
        int best = 0;  // 2 = covers the first day, 1 = overlaps the month
        for (const contract::BenefitSpell* spell : spells[static_cast<size_t>(claim.person)]) {
          const core::Date end = spell->end.value_or(core::Date::Max());
          if (spell->municipality < 0 || spell->start > month_last || end < month_first) continue;
          const int rank = spell->start <= month_first ? 2 : 1;
          if (rank > best) {
            best = rank;
            target = static_cast<size_t>(spell->municipality);
          }
        }
      }
      if (target > unassigned) target = unassigned;
      totals[target] += claim.luh;
      ++months[target];
    }
  }
  std::vector<KdUMunicipality> result;
  for (size_t idx = 0; idx <= unassigned; ++idx) {
    if (months[idx] == 0) continue;
    KdUMunicipality entry;
    if (idx < unassigned) {
      entry.ags = extract.municipalities[idx].ags;
      entry.name = extract.municipalities[idx].name;
    } else {
      entry.name = "ohne Zuordnung";
    }
    entry.luh = totals[idx];
    entry.claim_months = months[idx];
    result.push_back(std::move(entry));
  }
  return result;
}

}  // namespace amip::budget
