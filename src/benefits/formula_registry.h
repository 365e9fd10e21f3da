// Dated formula registry: one table per legal quantity lists its versions, so a law change is
// a new row plus a new function, never an `if (date >= …)` inside old code (docs/benefits.md,
// "Dated formulas"). Which version is in force on a date is law data: a dated parameter of
// law/parameters whose value is the version number (e.g. wohngeld.mietformel: 2009, 2021,
// 2023), read through the LawSnapshot. Header-only, constant tables.
#pragma once

#include <string>
#include <vector>

#include "core/status.h"

namespace amip::benefits {

template <typename Fn>
struct DatedFormula {
  const char* name;  // version name shown in traces, e.g. "wohngeld_miete_2023"
  int version;       // the value of the law parameter that selects this row
  Fn fn;
};

// The row of `version` (the law parameter's value in force); kOutOfRange if the law names a
// version the code does not have.
template <typename Fn>
core::Result<const DatedFormula<Fn>*> SelectFormula(const std::vector<DatedFormula<Fn>>& table,
                                                    int version, const char* quantity) {
  for (const auto& row : table) {
    if (row.version == version) return &row;
  }
  return core::OutOfRangeError(std::string("the law names version ") + std::to_string(version) +
                               " of formula '" + quantity + "', which the code does not have");
}

}  // namespace amip::benefits
