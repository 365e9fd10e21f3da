#include "law/parameter_store.h"

#include <cmath>
#include <cstdlib>
#include <set>

#include "yamlio/document.h"
#include "yamlio/reader.h"
#include "resources/resources.h"

namespace amip::law {
namespace {

using core::InvalidArgumentError;
using core::Status;

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// "-?[0-9]+(\.[0-9]+)?" without std::regex.
bool IsDecimal(const std::string& text) {
  size_t pos = !text.empty() && text[0] == '-' ? 1 : 0;
  const size_t int_start = pos;
  while (pos < text.size() && IsDigit(text[pos])) ++pos;
  if (pos == int_start) return false;
  if (pos == text.size()) return true;
  if (text[pos] != '.') return false;
  const size_t frac_start = ++pos;
  while (pos < text.size() && IsDigit(text[pos])) ++pos;
  return pos > frac_start && pos == text.size();
}

// "[0-9]{4}-[0-9]{2}-[0-9]{2}": the shape of a date key (validity is checked separately).
bool LooksLikeDate(const std::string& text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  for (size_t idx : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (!IsDigit(text[idx])) return false;
  }
  return true;
}

core::Result<Unit> ParseUnit(const std::string& text) {
  static const std::map<std::string, Unit> kUnits = {
      {"Euros", Unit::kEuros},   {"Share", Unit::kShare},   {"Coefficient", Unit::kCoefficient},
      {"Years", Unit::kYears},   {"Months", Unit::kMonths}, {"Count", Unit::kCount},
      {"Hours", Unit::kHours},   {"SquareMeters", Unit::kSquareMeters}};
  auto it = kUnits.find(text);
  if (it == kUnits.end()) {
    return InvalidArgumentError("unknown unit '" + text +
                                "' (allowed: Euros, Share, Coefficient, Years, Months, Count, "
                                "Hours, SquareMeters)");
  }
  return it->second;
}

// Checks that a number fits the unit (the "unit mismatch" rule).
Status CheckUnit(const std::string& where, Unit unit, const ValueNode& node) {
  if (node.kind == ValueNode::Kind::kMap) {
    for (const auto& [key, child] : node.map) AMIP_RETURN_IF_ERROR(CheckUnit(where, unit, child));
    return Status::Ok();
  }
  if (node.kind == ValueNode::Kind::kList) {
    for (const auto& child : node.list) AMIP_RETURN_IF_ERROR(CheckUnit(where, unit, child));
    return Status::Ok();
  }
  const auto dot = node.text.find('.');
  const size_t decimals = dot == std::string::npos ? 0 : node.text.size() - dot - 1;
  switch (unit) {
    case Unit::kEuros:
      if (decimals > 2) {
        return InvalidArgumentError(where + ": unit mismatch: value " + node.text +
                                    " has more than 2 decimals but the unit is Euros");
      }
      break;
    case Unit::kShare:
      if (node.number < 0 || node.number > 1) {
        return InvalidArgumentError(where + ": unit mismatch: value " + node.text +
                                    " is not a Share between 0 and 1");
      }
      break;
    case Unit::kYears:
    case Unit::kMonths:
    case Unit::kCount:
      if (decimals > 0) {
        return InvalidArgumentError(where + ": unit mismatch: value " + node.text +
                                    " is not a whole number but the unit is " +
                                    UnitName(unit));
      }
      break;
    default:
      break;
  }
  return Status::Ok();
}

core::Result<ValueNode> ParseValue(std::string_view file, const yamlio::Node& node) {
  ValueNode out;
  if (node.IsScalar()) {
    out.text = node.scalar();
    if (!IsDecimal(out.text)) {
      return InvalidArgumentError(yamlio::Where(file, node) + ": value '" + out.text +
                                  "' is not a decimal number like 391 or 0.0000408");
    }
    out.number = std::strtod(out.text.c_str(), nullptr);
    return out;
  }
  if (node.IsMap()) {
    out.kind = ValueNode::Kind::kMap;
    for (const yamlio::MapEntry& item : node.entries()) {
      AMIP_ASSIGN_OR_RETURN(out.map[item.key.scalar()], ParseValue(file, item.value));
    }
    return out;
  }
  if (node.IsSequence()) {
    out.kind = ValueNode::Kind::kList;
    for (const yamlio::Node& item : node.items()) {
      AMIP_ASSIGN_OR_RETURN(ValueNode child, ParseValue(file, item));
      out.list.push_back(std::move(child));
    }
    return out;
  }
  return InvalidArgumentError(yamlio::Where(file, node) + ": empty value");
}

// Merges `update` into `base` (maps recursively; numbers and lists replace).
void Merge(ValueNode& base, const ValueNode& update) {
  if (base.kind == ValueNode::Kind::kMap && update.kind == ValueNode::Kind::kMap) {
    for (const auto& [key, child] : update.map) {
      auto it = base.map.find(key);
      if (it == base.map.end()) {
        base.map[key] = child;
      } else {
        Merge(it->second, child);
      }
    }
    return;
  }
  base = update;
}

core::Result<std::string> ScalarField(std::string_view file, const yamlio::Node& node,
                                      const std::string& key) {
  if (!node.IsScalar() || node.scalar().empty()) {
    return InvalidArgumentError(yamlio::Where(file, node) + ": '" + key + "' must be a non-empty text");
  }
  return node.scalar();
}

Status CheckValueShape(const std::string& where, const std::string& type, const ValueNode& v) {
  const bool ok = (type == "scalar" && v.kind == ValueNode::Kind::kNumber) ||
                  (type == "by_key" && v.kind == ValueNode::Kind::kMap) ||
                  (type == "table" && v.kind == ValueNode::Kind::kMap) ||
                  (type == "brackets" && v.kind == ValueNode::Kind::kList);
  if (!ok) return InvalidArgumentError(where + ": value does not match type '" + type + "'");
  return Status::Ok();
}

// One dated entry `key: {value, reference, note, updates_previous}` of a parameter, appended to
// param.entries; the parameter's unit and type must precede it.
core::Status ParseEntry(std::string_view file, const yamlio::Node& key_node, const yamlio::Node& value,
                        bool has_unit, Parameter& param) {
  const std::string& key = key_node.scalar();
  auto date = core::Date::Parse(key);
  if (!date.ok()) {
    return InvalidArgumentError(yamlio::Where(file, key_node) + ": malformed date '" + key +
                                "': " + date.status().message());
  }
  if (!param.entries.empty() && !(param.entries.back().valid_from < *date)) {
    return InvalidArgumentError(yamlio::Where(file, key_node) + ": date " + key +
                                " is not after the previous entry " +
                                param.entries.back().valid_from.ToString() +
                                " (dates must be sorted ascending)");
  }
  if (!value.IsMap()) {
    return InvalidArgumentError(yamlio::Where(file, value) + ": entry " + key + " must be a map");
  }
  ParameterEntry entry;
  entry.valid_from = *date;
  entry.line = key_node.position().line;
  bool has_value = false;
  bool updates_previous = false;
  ValueNode raw;
  for (const yamlio::MapEntry& field : value.entries()) {
    const std::string& field_key = field.key.scalar();
    if (field_key == "value") {
      AMIP_ASSIGN_OR_RETURN(raw, ParseValue(file, field.value));
      has_value = true;
    } else if (field_key == "reference") {
      AMIP_ASSIGN_OR_RETURN(entry.reference, ScalarField(file, field.value, field_key));
    } else if (field_key == "note") {
      AMIP_ASSIGN_OR_RETURN(entry.note, ScalarField(file, field.value, field_key));
    } else if (field_key == "updates_previous") {
      AMIP_ASSIGN_OR_RETURN(updates_previous, yamlio::Bool(file, field.value, field_key));
    } else {
      return InvalidArgumentError(yamlio::Where(file, field.key) + ": unknown key '" + field_key +
                                  "' in entry " + key +
                                  " (allowed: value, reference, note, updates_previous)");
    }
  }
  const std::string where = yamlio::Where(file, value);
  if (!has_value) {
    if (entry.note.empty()) {
      return InvalidArgumentError(where + ": entry " + key + " has neither value nor note");
    }
    entry.abolished = true;
  } else {
    if (entry.reference.empty()) {
      return InvalidArgumentError(where + ": entry " + key + " has no 'reference'");
    }
    if (!has_unit) return InvalidArgumentError(where + ": 'unit' must precede the entries");
    AMIP_RETURN_IF_ERROR(CheckUnit(where, param.unit, raw));
    if (updates_previous) {
      if (param.entries.empty() || param.entries.back().abolished) {
        return InvalidArgumentError(where + ": updates_previous without a previous value");
      }
      entry.value = param.entries.back().value;
      Merge(entry.value, raw);
    } else {
      entry.value = std::move(raw);
    }
    if (param.type.empty()) return InvalidArgumentError(where + ": 'type' must precede");
    AMIP_RETURN_IF_ERROR(CheckValueShape(where, param.type, entry.value));
  }
  param.entries.push_back(std::move(entry));
  return Status::Ok();
}

core::Result<Parameter> ParseParameter(std::string_view file, const std::string& id,
                                       const yamlio::Node& node) {
  if (!node.IsMap()) {
    return InvalidArgumentError(yamlio::Where(file, node) + ": parameter must be a map");
  }
  Parameter param;
  param.id = id;
  param.file = std::string(file);
  bool has_unit = false;
  for (const yamlio::MapEntry& item : node.entries()) {
    const std::string& key = item.key.scalar();
    const yamlio::Node& value = item.value;
    if (key == "name" || key == "description") {
      if (!value.IsMap()) {
        return InvalidArgumentError(yamlio::Where(file, value) + ": '" + key + "' needs {de, en}");
      }
      for (const yamlio::MapEntry& lang : value.entries()) {
        const std::string& lang_key = lang.key.scalar();
        AMIP_ASSIGN_OR_RETURN(std::string text, ScalarField(file, lang.value, key));
        if (lang_key == "de") {
          (key == "name" ? param.name_de : param.description_de) = text;
        } else if (lang_key == "en") {
          (key == "name" ? param.name_en : param.description_en) = text;
        } else {
          return InvalidArgumentError(yamlio::Where(file, lang.key) + ": unknown key '" + lang_key +
                                      "' in " + key + " (allowed: de, en)");
        }
      }
    } else if (key == "unit") {
      AMIP_ASSIGN_OR_RETURN(std::string text, ScalarField(file, value, key));
      auto unit = ParseUnit(text);
      if (!unit.ok()) return unit.status().WithContext(yamlio::Where(file, value));
      param.unit = *unit;
      has_unit = true;
    } else if (key == "reference_period") {
      AMIP_ASSIGN_OR_RETURN(param.reference_period, ScalarField(file, value, key));
      static const std::set<std::string> kPeriods = {"Month", "Year", "Week", "Hour", "None"};
      if (kPeriods.count(param.reference_period) == 0) {
        return InvalidArgumentError(yamlio::Where(file, value) + ": unknown reference_period '" +
                                    param.reference_period +
                                    "' (allowed: Month, Year, Week, Hour, None)");
      }
    } else if (key == "type") {
      AMIP_ASSIGN_OR_RETURN(param.type, ScalarField(file, value, key));
      static const std::set<std::string> kTypes = {"scalar", "by_key", "table", "brackets"};
      if (kTypes.count(param.type) == 0) {
        return InvalidArgumentError(yamlio::Where(file, value) + ": unknown type '" + param.type +
                                    "' (allowed: scalar, by_key, table, brackets)");
      }
    } else if (LooksLikeDate(key)) {
      AMIP_RETURN_IF_ERROR(ParseEntry(file, item.key, value, has_unit, param));
    } else {
      return InvalidArgumentError(
          yamlio::Where(file, item.key) + ": unknown key '" + key +
          "' (allowed: name, description, unit, reference_period, type, YYYY-MM-DD)");
    }
  }
  const std::string where = yamlio::Where(file, node);
  if (param.name_de.empty() || param.name_en.empty()) {
    return InvalidArgumentError(where + ": parameter '" + id + "' needs name {de, en}");
  }
  if (param.description_de.empty() || param.description_de.rfind("§", 0) != 0) {
    return InvalidArgumentError(where + ": parameter '" + id +
                                "' needs description.de starting with the §");
  }
  if (param.reference_period.empty() || param.type.empty() || !has_unit) {
    return InvalidArgumentError(where + ": parameter '" + id +
                                "' needs unit, reference_period and type");
  }
  if (param.entries.empty()) {
    return InvalidArgumentError(where + ": parameter '" + id + "' has no dated entry");
  }
  return param;
}

}  // namespace

const char* UnitName(Unit unit) {
  switch (unit) {
    case Unit::kEuros: return "Euros";
    case Unit::kShare: return "Share";
    case Unit::kCoefficient: return "Coefficient";
    case Unit::kYears: return "Years";
    case Unit::kMonths: return "Months";
    case Unit::kCount: return "Count";
    case Unit::kHours: return "Hours";
    case Unit::kSquareMeters: return "SquareMeters";
  }
  return "?";
}

core::Result<ParameterStore> ParameterStore::LoadEmbedded() {
  ParameterStore store;
  for (const auto& resource : resources::List("law/parameters/")) {
    if (resource.path.size() < 5 || resource.path.substr(resource.path.size() - 5) != ".yaml") {
      continue;
    }
    AMIP_RETURN_IF_ERROR(store.AddFile(resource.path, resource.content));
  }
  if (store.parameters_.empty()) {
    return core::InternalError("no law parameters embedded under law/parameters/");
  }
  return store;
}

Status ParameterStore::AddFile(std::string_view path, std::string_view text) {
  // Id prefix: the path below law/parameters/ without ".yaml".
  std::string stem(path);
  const std::string root = "law/parameters/";
  const auto root_pos = stem.find(root);
  if (root_pos != std::string::npos) stem = stem.substr(root_pos + root.size());
  if (stem.size() > 5 && stem.substr(stem.size() - 5) == ".yaml") stem.resize(stem.size() - 5);
  AMIP_ASSIGN_OR_RETURN(const yamlio::Document parsed, yamlio::Parse(text, path));
  const yamlio::Node& doc = parsed.root;
  if (!doc.IsMap()) return InvalidArgumentError(std::string(path) + ": top level must be a map");
  for (const yamlio::MapEntry& item : doc.entries()) {
    const std::string& key = item.key.scalar();
    const std::string id = stem + "." + key;
    AMIP_ASSIGN_OR_RETURN(Parameter param, ParseParameter(path, id, item.value));
    parameters_[id] = std::move(param);
  }
  return Status::Ok();
}

core::Result<const Parameter*> ParameterStore::Get(std::string_view id) const {
  auto it = parameters_.find(id);
  if (it == parameters_.end()) {
    return core::NotFoundError("law parameter '" + std::string(id) + "' does not exist");
  }
  return &it->second;
}

core::Result<const ParameterEntry*> ParameterStore::InForce(std::string_view id,
                                                            core::Date date) const {
  AMIP_ASSIGN_OR_RETURN(const Parameter* param, Get(id));
  const ParameterEntry* found = nullptr;
  for (const auto& entry : param->entries) {
    if (entry.valid_from <= date) found = &entry;
  }
  if (found == nullptr) {
    return core::OutOfRangeError("law parameter '" + std::string(id) + "' has no value before " +
                                 param->entries.front().valid_from.ToString() + " (asked for " +
                                 date.ToString() + ")");
  }
  if (found->abolished) {
    return core::OutOfRangeError("law parameter '" + std::string(id) + "' is abolished since " +
                                 found->valid_from.ToString() + " (asked for " + date.ToString() +
                                 "): " + found->note);
  }
  return found;
}

core::Result<const ValueNode*> Child(const ValueNode& node, std::string_view key_path) {
  const ValueNode* current = &node;
  size_t start = 0;
  while (start <= key_path.size() && !key_path.empty()) {
    const size_t dot = key_path.find('.', start);
    const std::string key(key_path.substr(start, dot == std::string_view::npos
                                                     ? std::string_view::npos
                                                     : dot - start));
    if (current->kind != ValueNode::Kind::kMap) {
      return core::NotFoundError("value has no key '" + key + "' (not a map)");
    }
    auto it = current->map.find(key);
    if (it == current->map.end()) {
      return core::NotFoundError("value has no key '" + std::string(key_path) + "'");
    }
    current = &it->second;
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  return current;
}

core::Result<core::Cents> ToCents(const ValueNode& node) {
  if (node.kind != ValueNode::Kind::kNumber) return InvalidArgumentError("value is not a number");
  auto cents = core::Cents::Parse(node.text);
  if (!cents.ok()) return InvalidArgumentError("'" + node.text + "': " + cents.status().message());
  return *cents;
}

core::Result<int64_t> ToScaled(const ValueNode& node, int scale) {
  if (node.kind != ValueNode::Kind::kNumber) return InvalidArgumentError("value is not a number");
  const std::string& text = node.text;
  bool negative = !text.empty() && text[0] == '-';
  int64_t whole = 0;
  int64_t frac = 0;
  int frac_digits = 0;
  bool in_frac = false;
  for (size_t idx = negative ? 1 : 0; idx < text.size(); ++idx) {
    const char c = text[idx];
    if (c == '.') {
      in_frac = true;
      continue;
    }
    if (in_frac) {
      if (frac_digits >= scale) {
        return InvalidArgumentError("'" + text + "' has more than " + std::to_string(scale) +
                                    " decimals");
      }
      frac = frac * 10 + (c - '0');
      ++frac_digits;
    } else {
      whole = whole * 10 + (c - '0');
    }
  }
  int64_t factor = 1;
  for (int idx = 0; idx < scale; ++idx) factor *= 10;
  for (int idx = frac_digits; idx < scale; ++idx) frac *= 10;
  const int64_t value = whole * factor + frac;
  return negative ? -value : value;
}

}  // namespace amip::law
