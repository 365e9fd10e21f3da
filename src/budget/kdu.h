// KdU (Kosten der Unterkunft und Heizung) per municipality from claims: the monthly `luh`
// amounts of a year, attributed to the municipality of the person's benefit spell covering
// that month (first day of the month, else any day of it). Claims without a covering spell
// are counted as "ohne Zuordnung". Pure function of an Extract.
#pragma once

#include <string>
#include <vector>

#include "contract/extract.h"
#include "core/money.h"

namespace amip::budget {

struct KdUMunicipality {
  std::string ags;   // empty for "ohne Zuordnung"
  std::string name;
  core::Cents luh;   // year total
  int64_t claim_months = 0;
};

// One entry per municipality with claims in `year`, in the order of Extract::municipalities,
// then "ohne Zuordnung" if any.
std::vector<KdUMunicipality> KdUByMunicipality(const contract::Extract& extract, int year);

}  // namespace amip::budget
