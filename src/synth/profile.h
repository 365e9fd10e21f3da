// Profile: one calibration profile of the synthetic Jobcenter generator
// (data/profiles/<name>.yaml): the calibration targets (quantity, target, tolerance,
// source) and the model parameters of the simulation (stock path, household mix, hazards,
// amounts, measure plan). Loaded strictly: unknown or duplicate keys are errors naming
// file, line and column. Amount tables in a profile are model approximations, not law.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "contract/extract.h"
#include "core/date.h"
#include "core/money.h"
#include "core/status.h"

namespace amip::synth {

enum class ToleranceKind { kRelative, kAbsolute, kRange, kExact };

struct Target {
  std::string quantity;  // measurement key, e.g. "elb", "lzb_f", "k2", "measure_entries:fbw"
  std::string label;     // German display label
  double target = 0;
  ToleranceKind tolerance_kind = ToleranceKind::kRelative;
  double tolerance = 0;  // relative share (0.02) or absolute points, by kind
  double range_min = 0;  // kRange only
  double range_max = 0;
  std::string source;
};

struct MunicipalitySpec {
  std::string ags;
  std::string name;
  int64_t population = 0;
  double rate_factor = 1.0;  // relative SGB II rate of the municipality
  // Relative monthly integration rate of ELB living there (all ages / additionally under 25).
  double integration_factor = 1.0;
  double young_integration_factor = 1.0;
};

struct JobcenterSpec {
  std::string id;
  std::string name;
  contract::JcKind kind = contract::JcKind::kGe;
  std::vector<MunicipalitySpec> municipalities;
  double weight = 1.0;  // share of the total BG stock (normalised over all Jobcenters)
};

// Synthetic Jobcenters for the national scale profile (instead of a literal list).
struct GeneratedJobcenters {
  int count = 0;
  double min_elb = 2000;
  double max_elb = 100000;
  double size_skew = 3.0;  // sizes exp(log-uniform(u^size_skew)): larger = more small Jobcenters
  int min_municipalities = 1;
  int max_municipalities = 12;
  double population_per_bg = 28;  // residents per BG, for the municipality populations
  // Exactly this many of them are zkT (drawn at random), the rest gE; -1 = none given (all gE).
  int zkt_count = -1;
};

struct PathPoint {
  core::Month month;
  double value = 0;
};

struct PlanYear {
  int year = 0;
  double entries = 0;
};

enum class MeasureLink { kNone, kEgz, kEsg, kEvl, kTam };
enum class MeasureTarget { kAny, kLongTerm, kYoung };

struct MeasurePlan {
  std::string instrument;  // catalogue code
  std::vector<PlanYear> entries;  // planned entries per year; years not listed use default
  double default_entries = 0;
  int first_year = 0;  // no entries before (0 = no limit)
  int last_year = 0;   // no entries after (0 = no limit)
  int min_months = 1;
  int max_months = 6;
  core::Cents cost_per_month;
  contract::Funding funding = contract::Funding::kEgt;
  int ba_from_year = 0;  // from this year on funded by `ba` (0 = never)
  MeasureLink link = MeasureLink::kNone;
  MeasureTarget target_group = MeasureTarget::kAny;
};

struct Weighted {
  std::string code;
  double weight = 0;
};

struct Model {
  std::vector<PathPoint> bg_path;  // total BG stock over time (all Jobcenters)
  double population_under_age_limit_share = 0.77;  // denominator of the SGB II-Quote
  int age_limit = 67;
  // Household mix at entry: single, single_parent, couple, couple_children.
  double mix_single = 0.5, mix_single_parent = 0.18, mix_couple = 0.1, mix_couple_children = 0.22;
  std::vector<double> children_weights = {0.45, 0.33, 0.15, 0.07};  // 1, 2, 3, 4 children
  std::vector<double> adult_age_weights = {0.16, 0.26, 0.22, 0.2, 0.16};  // 18-24,25-34,...,55-66
  double single_female_share = 0.45;
  double single_parent_female_share = 0.92;
  double nef_adult_share = 0.01;
  double severely_disabled_share = 0.07;
  std::vector<Weighted> qualification;  // none/vocational/academic
  std::vector<Weighted> nationality;
  // Duration dependence: exit hazard h(d) = base * (1 + early_boost * exp(-d / early_months)).
  double stayer_share = 0.3;
  double exit_mover = 0.06;
  double exit_stayer = 0.008;
  double early_boost = 1.0;
  double early_months = 6;
  double reentry_share = 0.3;
  int reentry_window_months = 24;
  // Integration (job starts of kind svb/training/self_employed) per ELB and month.
  double integration_f = 0.013;
  double integration_m = 0.022;
  double integration_stayer_factor = 0.4;
  double integration_single_parent_factor = 0.8;
  double integration_training_share = 0.07;
  double integration_self_share = 0.04;
  double integration_exit_extra = 0.25;  // leave receipt although income does not cover need
  double fulltime_share_m = 0.7;
  double fulltime_share_f = 0.4;
  core::Cents fulltime_gross_mean = core::Cents::FromEuros(2600);
  core::Cents parttime_gross_mean = core::Cents::FromEuros(1100);
  core::Cents training_gross_mean = core::Cents::FromEuros(900);
  double job_end_rate = 0.04;  // monthly separation hazard of a job
  double minijob_rate = 0.01;
  double minijob_end_rate = 0.06;
  core::Cents minijob_gross;  // monthly pay of a minijob; 0 = the Geringfügigkeitsgrenze in force
  double public_rate = 0.001;
  double volunteer_rate = 0.0005;
  double employed_at_entry_share = 0.15;
  // Household dynamics (monthly probabilities).
  double split_rate = 0.004;
  double partner_join_rate = 0.003;
  double birth_rate = 0.006;
  double move_rate = 0.004;
  double move_other_jc_rate = 0.001;
  // Registered unemployment propensity per ELB episode.
  double registration_mover = 0.75;
  double registration_stayer = 0.45;
  double registration_young_child = 0.2;
  double deregistration_rate = 0.0;  // monthly: registered ELB leaving the register in receipt
  // Housing (KdU): gross cold rent by BG size 1..5, heating share, yearly growth.
  std::vector<double> rent_by_size = {380, 460, 540, 620, 700};
  double heating_share = 0.22;
  double rent_growth = 0.025;
  int rent_base_year = 2024;
  double sqm_per_rent_euro = 0.11;
  double rent_sd = 0.15;
  // Social insurance contributions the Jobcenter pays per ELB and month (KV/PV, flat): part
  // of the published LLU totals, not of a BG's claim. Used only in the calibration report.
  core::Cents contributions_per_elb;
  std::vector<MeasurePlan> measures;
  // Actual entries of a year = plan × exp(measure_entry_sd × N(0,1)), drawn per instrument and
  // year: realised entries vary around the plan instead of copying it (0 = exactly the plan).
  double measure_entry_sd = 0;
  std::vector<Weighted> profillage;  // optional person attribute (empty = not written)
};

struct Profile {
  std::string name;
  std::string description;
  std::string source;  // file or resource path it was read from
  core::Month first_month;
  core::Month last_month;
  core::Month reference_month;     // stocks (Sept 2024 for kreis-unna-2025)
  // No benefit receipt starts before this month (SGB II began 2005-01, BGBl. I 2003 S. 2954);
  // caps the drawn elapsed durations of the initial stock. Default: no cap.
  core::Month earliest_entry_month;
  core::Month unemployment_month;  // registered unemployment (Dec 2024)
  int amounts_year = 0;            // annual LLU/KdU sums
  int plan_year = 0;               // measure entries checked against the plan
  std::vector<JobcenterSpec> jobcenters;
  GeneratedJobcenters generated;
  Model model;
  std::vector<Target> targets;
};

// Parses a profile from YAML text; `file` is used in error messages.
core::Result<Profile> ParseProfile(std::string_view yaml_text, const std::string& file);
// `name_or_path`: an embedded profile name ("kreis-unna-2025") or a YAML file path.
core::Result<Profile> LoadProfile(const std::string& name_or_path);
// Names of the embedded profiles.
std::vector<std::string> ProfileNames();

}  // namespace amip::synth
