// The Kennzahlen engine: computes every indicator of the catalogue (catalogue.h) for a range
// of reporting months from a contract::Extract, per Jobcenter (or municipality) and sex.
// Binding engine decisions and options are documented in docs/kennzahlen.md. Numerators and
// denominators are exact (integer counts, cents, or integer sums ÷ 12); values are doubles,
// rounded only when printed. Thread-compatible; ComputeIndicators may use worker threads.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "contract/extract.h"
#include "core/date.h"
#include "core/ids.h"
#include "core/status.h"
#include "indicators/catalogue.h"

namespace amip::indicators {

enum class SexSplit { kAll, kM, kF };
std::string_view ToString(SexSplit sex);  // "all", "m", "f"

// K1E3/K1E4/K3E3/K3E4: ratio of 12-month sums (stock-weighted, default) or the simple mean
// of the 12 monthly rates.
enum class FlowAveraging { kWeighted, kSimple };
// LZB: day-precise 638 of 730 days (default) or the 21-of-24 count-day approximation.
enum class LzbMethod { kDays, kMonths };

// Which instruments count as active measure (K3E2), per definition version. Normally built
// from the instrument catalogue (law/catalogue/instruments.yaml, see instrument_lists.h).
struct InstrumentFlags {
  std::string code;
  bool active_measure = false;       // 2019 list
  bool active_measure_2011 = false;  // 2011 list
};

struct Options {
  core::MonthRange months;              // reporting months, inclusive
  std::optional<core::JcIdx> jc;        // only rows of this Jobcenter
  bool by_municipality = false;         // rows per municipality instead of per Jobcenter
  FlowAveraging flow_averaging = FlowAveraging::kWeighted;
  LzbMethod lzb_method = LzbMethod::kDays;
  // Follow-up length of BDI in months; 0 = the catalogue's value (3).
  int bdi_followup_months = 0;
  // First day the extract covers. Default: the earliest benefit spell start. Rows whose
  // windows reach before it carry a note and no numbers.
  std::optional<core::Date> coverage_start;
  // Last day the extract covers. Default: DefaultCoverageEnd. Rows whose windows or
  // follow-up reach after it carry a note and no numbers.
  std::optional<core::Date> coverage_end;
  std::vector<InstrumentFlags> instruments;  // REQUIRES: every code used for K3E2
  std::vector<IndicatorId> indicators;       // empty = all
  int threads = 1;                           // worker threads (persons are split)
  bool monthly_series = false;               // also fill Computation::monthly
};

struct IndicatorRow {
  core::JcIdx jc = core::kNoIdx;
  core::MunicipalityIdx municipality = core::kNoIdx;  // set with Options::by_municipality
  core::Month month;
  IndicatorId indicator = IndicatorId::kK1;
  SexSplit sex = SexSplit::kAll;
  // Money in euros (exact to the cent), counts, or average stocks (integer sum ÷ 12).
  double numerator = 0;
  double denominator = 0;
  std::optional<double> value;  // percent; nullopt when the denominator is zero
  int version = 0;              // index into the catalogue's versions of this indicator
  std::string note;             // non-empty: the row could not be computed (coverage)
  bool before_start = false;    // the note says: a window reaches before the coverage start
  bool after_end = false;       // the note says: a window reaches after the coverage end
};

// Monthly base quantities of one unit and sex split (for targets and year-to-date values):
// stocks at ST(month) and integrations of the reporting month.
struct MonthlyCounts {
  core::JcIdx jc = core::kNoIdx;
  core::MunicipalityIdx municipality = core::kNoIdx;
  core::Month month;
  SexSplit sex = SexSplit::kAll;
  int64_t elb = 0;
  int64_t lzb = 0;
  int64_t integrations = 0;
};

struct Computation {
  std::vector<IndicatorRow> rows;  // sorted by (unit, month, indicator, sex)
  // With Options::monthly_series: months first−12 .. last, sorted by (unit, month, sex).
  std::vector<MonthlyCounts> monthly;
  core::Date coverage_start;
  core::Date coverage_end;
  std::vector<std::string> warnings;  // data findings (e.g. unknown instrument codes)
};

// The optional extract tables the engine reads (claims, employment and measure spells; not
// unemployment spells, BG ids or housing), for a loader that reads only those
// (storage::LoadOptions::tables). ComputeIndicators and ExplainPerson refuse an extract that
// lacks one of them (kFailedPrecondition) rather than count from an empty table.
contract::TableSet RequiredTables();

core::Result<Computation> ComputeIndicators(const contract::Extract& extract,
                                            const Catalogue& catalogue, const Options& options);
// Same with the embedded catalogue; an empty Options::instruments is filled from the
// instrument catalogue (DefaultInstrumentFlags).
core::Result<Computation> ComputeIndicators(const contract::Extract& extract,
                                            const Options& options);

// The K3E2 instrument lists of the embedded instrument catalogue
// (law/catalogue/instruments.yaml via contract::LoadInstrumentCatalogue).
core::Result<std::vector<InstrumentFlags>> DefaultInstrumentFlags();

// Human-readable account (German) of why a person counts or not in reporting month `month`:
// stock at the count days, ELB days in the 730-day window, LZB, flows, integration events
// found and in which search window.
core::Result<std::string> ExplainPerson(const contract::Extract& extract,
                                        const Catalogue& catalogue, const Options& options,
                                        std::string_view person_id, core::Month month);

// The earliest day the data must cover for `def` in reporting month `month` (version at ST).
core::Date EarliestDayNeeded(const contract::Extract& extract, const Catalogue& catalogue,
                             const Options& options, const IndicatorDef& def, core::Month month);

// The latest day the data must cover for `def` in reporting month `month`: the last day of M
// for the claim sums (K1, K1E1), else ST(M) (stocks, flows and events of M end at ST(M); the
// follow-up of K2E3 and BDI ends at ST(M) because their cohorts lie before M).
core::Date LatestDayNeeded(const contract::Extract& extract, const IndicatorDef& def,
                           core::Month month);

// The last day the extract shows data for: the latest start or end of a benefit spell, start
// of an employment spell, or the last day of the latest claim month, whichever is latest.
// Employment and measure ends do not count: they may be planned dates (a fixed-term contract,
// a booked course) after the extraction, as for the covered period of `amip info`.
// Date::Min() for an empty extract.
core::Date DefaultCoverageEnd(const contract::Extract& extract);

// The reporting months worth asking for: from the month of the earliest definition in force
// in the catalogue (no row before it has a definition) to the last month of the calendar.
// ComputeIndicators itself refuses months whose windows leave the calendar (kOutOfRange).
core::MonthRange SupportedMonths(const Catalogue& catalogue);

// Value semantics: yoy_change -> (Z/N − 1) × 100, every other kind Z/N × 100.
std::optional<double> IndicatorValue(FormulaKind kind, double numerator, double denominator);

}  // namespace amip::indicators
