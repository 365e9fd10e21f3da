// Catalogue of the Kennzahlen nach § 48a SGB II as data (law/indicators/*.yaml): each
// indicator's id, German name, formula kind and parameters, and its dated definition versions
// with their legal source; plus the LZB definition (638 of 730 days). The engine
// (kennzahlen.h) is a few generic kernels that this catalogue parameterises. Immutable after
// loading; thread-safe to read.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/status.h"

namespace amip::indicators {

// The stable indicator ids of the CSV interface, in output order.
enum class IndicatorId {
  kK1, kK1E1, kK1E2, kK1E3, kK1E4,
  kK2, kK2E1, kK2E2, kK2E3, kK2E4,
  kK3, kK3E1, kK3E2, kK3E3, kK3E4,
  kBdi,
};
inline constexpr int kIndicatorCount = 16;
std::string_view ToString(IndicatorId id);  // "K1", "K2E3", "BDI"
core::Result<IndicatorId> ParseIndicatorId(std::string_view text);

// Formula kinds (value = Z/N × 100 except yoy_change: (Z/N − 1) × 100).
enum class FormulaKind {
  kYoyChange,      // quantity(M) ÷ quantity(M−12)
  kEntryRate,      // Σ entries(M−11..M) ÷ Σ stock(M−11..M)
  kExitRate,       // Σ exits(M−11..M) ÷ Σ stock(M−12..M−1)
  kEventQuota,     // Σ events(M−11..M) ÷ average stock(M−12..M−1)
  kStockShare,     // stock with a condition at ST(M) ÷ stock at ST(M)
  kFollowupShare,  // events of a past 12-month cohort passing a follow-up ÷ those events
};
enum class Quantity { kNone, kLluSum, kLuhSum, kElbStock, kLzbStock };
enum class Population { kElb, kSingleParent, kLzb };
enum class Event { kNone, kIntegration, kMinijob, kPublic, kSvbIntegration };
// kNoRegelleistungAtPoint: neither ELB nor NEF (no Regelleistungsbezug) at the count day.
enum class Followup { kNone, kSvbAtPoint, kSvbEachMonth, kNoRegelleistungAtPoint };
enum class MeasureList { kNone, kActiveMeasure2011, kActiveMeasure };

struct IndicatorVersion {
  core::Date from;        // in force for reporting months whose count day is >= from
  std::string name_de;    // empty = the indicator's name
  Followup followup = Followup::kNone;
  int followup_months = 0;
  MeasureList measure_list = MeasureList::kNone;
  std::string source;     // legal source, BGBl style
};

struct IndicatorDef {
  IndicatorId id = IndicatorId::kK1;
  std::string name_de;
  FormulaKind kind = FormulaKind::kYoyChange;
  Quantity quantity = Quantity::kNone;
  Population population = Population::kElb;
  Event event = Event::kNone;
  int window_months = 12;
  int stock_lag_months = 0;
  std::vector<IndicatorVersion> versions;  // sorted by `from`, at least one
  std::string file;                         // "law/indicators/k2.yaml"

  // The version in force at `count_day`, or nullptr before the first version.
  const IndicatorVersion* VersionAt(core::Date count_day) const;
};

struct LzbDefinition {
  int window_days = 730;
  int min_days = 638;
  int window_months = 24;
  int min_months = 21;
  std::string source;
};

struct Catalogue {
  std::array<IndicatorDef, kIndicatorCount> indicators;  // indexed by IndicatorId
  LzbDefinition lzb;
  const IndicatorDef& Get(IndicatorId id) const { return indicators[static_cast<int>(id)]; }
};

// Parses one catalogue from YAML texts (path -> content); every indicator id must occur exactly
// once and the LZB concept once. Errors name the file and the key.
core::Result<Catalogue> ParseCatalogue(
    const std::vector<std::pair<std::string, std::string>>& files);
// The embedded catalogue (law/indicators/*.yaml), parsed once.
core::Result<Catalogue> LoadCatalogue();

}  // namespace amip::indicators
