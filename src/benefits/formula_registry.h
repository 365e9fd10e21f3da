// Dated formula registry: one table per legal quantity lists its versions with validity
// dates, so a law change is a new row plus a new function, never an `if (date >= …)` inside
// old code (docs/benefits.md, "Dated formulas"). Header-only, constant tables.
#pragma once

#include <string>
#include <vector>

#include "core/date.h"
#include "core/status.h"

namespace amip::benefits {

template <typename Fn>
struct DatedFormula {
  const char* name;  // version name shown in traces, e.g. "wohngeld_miete_2023"
  core::Date from;   // first day of validity
  core::Date to;     // last day of validity
  Fn fn;
};

// The version valid on `date`; kOutOfRange if none.
template <typename Fn>
core::Result<const DatedFormula<Fn>*> SelectFormula(const std::vector<DatedFormula<Fn>>& table,
                                                    core::Date date, const char* quantity) {
  for (const auto& row : table) {
    if (row.from <= date && date <= row.to) return &row;
  }
  return core::OutOfRangeError(std::string("no version of formula '") + quantity +
                               "' is valid on " + date.ToString());
}

inline core::Date Ymd(int year, int month, int day) { return core::Date::FromYmd(year, month, day); }

}  // namespace amip::benefits
