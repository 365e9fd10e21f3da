// ParameterStore: the strict loader for law/parameters/**.yaml and the "value in force"
// lookup. Each file holds one legal concept; each top-level key is one parameter with
// metadata (name, description starting with the §, unit, reference_period, type) and dated
// entries `YYYY-MM-DD:` carrying `value`, `reference` (BGBl. style), optional `note` and
// `updates_previous`. Loading rejects unknown/duplicate keys, unsorted or malformed dates
// and values that do not fit the declared unit, naming file:line:column. Immutable after
// loading; thread-safe for concurrent readers.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/money.h"
#include "core/status.h"

namespace amip::law {

// Closed list of units (docs/benefits.md).
enum class Unit { kEuros, kShare, kCoefficient, kYears, kMonths, kCount, kHours, kSquareMeters };
const char* UnitName(Unit unit);

// A parameter value: a decimal number, a map (by key) or a list (of maps, for brackets).
struct ValueNode {
  enum class Kind { kNumber, kMap, kList };
  Kind kind = Kind::kNumber;
  std::string text;   // the decimal literal as written, e.g. "4.08" (numbers only)
  double number = 0;  // the same value as double (numbers only)
  std::map<std::string, ValueNode> map;
  std::vector<ValueNode> list;
};

struct ParameterEntry {
  core::Date valid_from;
  ValueNode value;        // fully merged (updates_previous applied)
  std::string reference;  // e.g. "BGBl. I 2013 S. 2175"
  std::string note;
  bool abolished = false;  // an entry with only a note: no value from this date
  int line = 0;
};

struct Parameter {
  std::string id;  // "<programme>/<file stem>.<key>", e.g. "sgb2/regelbedarf.regelbedarfsstufen"
  std::string file;
  std::string name_de, name_en, description_de, description_en;
  Unit unit = Unit::kEuros;
  std::string reference_period;  // Month | Year | Week | Hour | None
  std::string type;              // scalar | by_key | table | brackets
  std::vector<ParameterEntry> entries;  // sorted by valid_from
};

class ParameterStore {
 public:
  // Loads every embedded file under law/parameters/.
  static core::Result<ParameterStore> LoadEmbedded();
  // Loads one file's text; `path` is the repository path (used for ids and messages).
  core::Status AddFile(std::string_view path, std::string_view text);

  // The entry in force on `date`: the latest entry with valid_from <= date.
  // kNotFound for an unknown id; kOutOfRange before the first entry or after abolition.
  core::Result<const ParameterEntry*> InForce(std::string_view id, core::Date date) const;
  core::Result<const Parameter*> Get(std::string_view id) const;
  const std::map<std::string, Parameter, std::less<>>& parameters() const { return parameters_; }

 private:
  std::map<std::string, Parameter, std::less<>> parameters_;
};

// Navigates a value by a dotted key path ("rbs1", "3.IV"); kNotFound names the path.
core::Result<const ValueNode*> Child(const ValueNode& node, std::string_view key_path);
// Strict decimal literal -> cents (at most two decimals).
core::Result<core::Cents> ToCents(const ValueNode& node);
// Decimal literal -> integer scaled by 10^scale, exact (error if more decimals than scale).
core::Result<int64_t> ToScaled(const ValueNode& node, int scale);

}  // namespace amip::law
