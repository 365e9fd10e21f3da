// Target agreements (Zielvereinbarung, e.g. examples/targets/amip-2025.yaml): annual target
// values for the Integrationsquote and the LZB stock by sex, compared per month with the
// actual value and the year-to-date progress value (Jahresfortschrittswert). Definitions in
// docs/kennzahlen.md ("Zielwerte"). Pure functions; thread-compatible.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/status.h"
#include "indicators/kennzahlen.h"

namespace amip::indicators {

enum class TargetQuantity {
  kIntegrationsquote,  // K2, percent
  kLzbBestand,         // stock of long-term recipients (annual average), persons
};
std::string_view ToString(TargetQuantity quantity);  // "integrationsquote", "lzb_bestand"

struct Target {
  TargetQuantity quantity = TargetQuantity::kIntegrationsquote;
  SexSplit sex = SexSplit::kAll;
  double value = 0;
  std::string note;
};

struct Targets {
  std::string name;
  int year = 0;
  std::string jc_id;   // empty = every Jobcenter in the data
  std::string source;
  std::vector<Target> targets;
};

// Strict YAML (unknown keys rejected); errors name `source_name` and the line.
core::Result<Targets> ParseTargets(std::string_view yaml_text, std::string_view source_name);

struct TargetRow {
  core::JcIdx jc = core::kNoIdx;
  core::Month month;
  TargetQuantity quantity = TargetQuantity::kIntegrationsquote;
  SexSplit sex = SexSplit::kAll;
  double target = 0;
  std::optional<double> actual;          // K2 value (rolling 12 months) or LZB(M)
  std::optional<double> progress;        // Jahresfortschrittswert (months of the target year)
  std::optional<double> target_to_date;  // K2: target × n/12; LZB: the target
  std::string note;
};

// One row per (jc, reporting month, target). REQUIRES: `computation` was made with
// Options::monthly_series and contains K2 and K3 rows for the months.
std::vector<TargetRow> TargetProgress(const Computation& computation, const Targets& targets,
                                      core::MonthRange months);

}  // namespace amip::indicators
