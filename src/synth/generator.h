// Generate: the calibrated synthetic Jobcenter. Simulates households (Bedarfsgemeinschaften)
// month by month with events on random days: entries and duration-dependent exits, household
// changes, children reaching 15, moves, job starts of every kind, measures following the
// profile's plan, registered unemployment, claims and housing. Returns a data-contract-v1
// Extract plus the calibration report measured on it with the engines' binding definitions.
// Deterministic: the same profile and seed give the same extract on every platform.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "contract/extract.h"
#include "contract/manifest.h"
#include "core/status.h"
#include "synth/profile.h"

namespace amip::synth {

// One line of the calibration report.
struct CalibrationRow {
  std::string quantity;  // machine key from the profile, e.g. "lzb_f"
  std::string label;     // German label
  double target = 0;
  double generated = 0;
  // kRelative: (generated - target) / target; kAbsolute: generated - target (points);
  // kRange / kExact: generated - target.
  double deviation = 0;
  ToleranceKind tolerance_kind = ToleranceKind::kRelative;
  double tolerance = 0;
  double range_min = 0;
  double range_max = 0;
  bool pass = false;
  std::string source;
};

struct GeneratedExtract {
  contract::Extract extract;
  std::vector<CalibrationRow> calibration;
  bool AllTargetsPass() const;
};

// Simulates the profile with `seed`. Rows of every table are sorted by person (then start).
core::Result<GeneratedExtract> Generate(const Profile& profile, uint64_t seed);

// What a generated extract states in its manifest.csv: the simulated months (first day of
// first_month to last day of last_month) and the producer with profile and seed.
contract::ManifestInfo ManifestInfoOf(const Profile& profile, uint64_t seed);

// Measures every target of `profile` on `extract` (binding definitions of the engines:
// stocks at the 15th, LZB day-precise 638 of 730 days, K2 integrations incl. the
// Vor-Vormonat rule). REQUIRES: rows sorted by person as Generate returns them.
std::vector<CalibrationRow> Calibrate(const contract::Extract& extract, const Profile& profile);

}  // namespace amip::synth
