// LocalRules: municipality-level law data under law/local/*.yaml — SGB II KdU ceilings
// (Angemessenheitsgrenzen of the gross cold rent by household size, § 22 Abs. 1 SGB II) and
// Wohngeld Mietstufen (§ 12 Abs. 3 WoGG, WoGV annex), keyed by the 8-digit municipality key
// (AGS). Strict loading like ParameterStore. Immutable after loading; thread-safe readers.
#pragma once

#include <array>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/money.h"
#include "core/status.h"

namespace amip::law {

struct Municipality {
  std::string ags;   // "05978036"
  std::string name;  // "Unna"
  std::string file;
  std::string status;  // "assumption" or "official"
  std::string source;
  std::vector<std::pair<core::Date, int>> mietstufe;  // sorted
  // valid_from -> ceilings for 1..5 persons, index 6 = per further person
  std::vector<std::pair<core::Date, std::array<core::Cents, 7>>> kdu_bruttokaltmiete;
};

struct KduCeiling {
  core::Cents amount;
  core::Date valid_from;
  std::string citation;  // "law/local/kreis_unna.yaml: Unna, since 2014-01-01 (assumption)"
};

// By AGS; `std::less<>` finds a string_view without building a string.
using MunicipalityMap = std::map<std::string, Municipality, std::less<>>;

class LocalRules {
 public:
  static core::Result<LocalRules> LoadEmbedded();
  core::Status AddFile(std::string_view path, std::string_view text);

  core::Result<const Municipality*> Find(std::string_view ags_or_name) const;
  // KdU ceiling for a household of `persons` (>= 1) on `date`.
  core::Result<KduCeiling> KduCeilingFor(std::string_view ags_or_name, int persons,
                                         core::Date date) const;
  // The same amount without the citation (no text built: for the engines' hot path).
  core::Result<core::Cents> KduCeilingAmountFor(std::string_view ags_or_name, int persons, core::Date date) const;
  core::Result<int> MietstufeFor(std::string_view ags_or_name, core::Date date) const;
  const MunicipalityMap& municipalities() const { return municipalities_; }

 private:
  MunicipalityMap municipalities_;
};

core::Result<const LocalRules*> EmbeddedLocalRules();

}  // namespace amip::law
