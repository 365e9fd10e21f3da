#include "contract/instrument_catalogue.h"

#include <yaml-cpp/yaml.h>

#include <set>
#include <utility>

#include "resources/resources.h"

namespace amip::contract {
namespace {

constexpr std::string_view kCataloguePath = "law/catalogue/instruments.yaml";

std::string Where(std::string_view source_name, const YAML::Node& node) {
  const YAML::Mark mark = node.Mark();
  std::string out(source_name);
  if (mark.line >= 0) out += ":" + std::to_string(mark.line + 1);
  return out;
}

core::Status Error(std::string_view source_name, const YAML::Node& node, const std::string& why) {
  return core::InvalidArgumentError(Where(source_name, node) + ": " + why);
}

core::Result<std::string> ScalarString(std::string_view source_name, const YAML::Node& node,
                                       const std::string& key) {
  if (!node.IsScalar()) return Error(source_name, node, "key '" + key + "' must be a scalar");
  std::string text = node.Scalar();
  if (text.empty()) return Error(source_name, node, "key '" + key + "' is empty");
  return text;
}

core::Result<bool> ScalarBool(std::string_view source_name, const YAML::Node& node,
                              const std::string& key) {
  AMIP_ASSIGN_OR_RETURN(std::string text, ScalarString(source_name, node, key));
  if (text == "true") return true;
  if (text == "false") return false;
  return Error(source_name, node, "key '" + key + "' must be true or false, got '" + text + "'");
}

core::Result<core::Date> ScalarDate(std::string_view source_name, const YAML::Node& node,
                                    const std::string& key) {
  AMIP_ASSIGN_OR_RETURN(std::string text, ScalarString(source_name, node, key));
  core::Result<core::Date> date = core::Date::Parse(text);
  if (!date.ok()) {
    return Error(source_name, node,
                 "key '" + key + "' value '" + text + "': " + date.status().message());
  }
  return *date;
}

core::Result<Instrument> ParseEntry(std::string_view source_name, const YAML::Node& entry) {
  if (!entry.IsMap()) return Error(source_name, entry, "each instrument must be a mapping");
  static const std::set<std::string> kKnown = {"code",       "name",
                                               "legal_basis", "valid_from",
                                               "valid_to",   "active_measure",
                                               "active_measure_2011", "begleitend"};
  static const std::set<std::string> kRequired = {"code",       "name",           "legal_basis",
                                                  "valid_from", "active_measure", "begleitend"};
  std::set<std::string> seen;
  for (const auto& item : entry) {
    const std::string key = item.first.Scalar();
    if (kKnown.count(key) == 0) return Error(source_name, item.first, "unknown key '" + key + "'");
    if (!seen.insert(key).second) {
      return Error(source_name, item.first, "duplicate key '" + key + "'");
    }
  }
  for (const std::string& key : kRequired) {
    if (seen.count(key) == 0) return Error(source_name, entry, "missing key '" + key + "'");
  }
  Instrument instrument;
  AMIP_ASSIGN_OR_RETURN(instrument.code, ScalarString(source_name, entry["code"], "code"));
  AMIP_ASSIGN_OR_RETURN(instrument.name, ScalarString(source_name, entry["name"], "name"));
  AMIP_ASSIGN_OR_RETURN(instrument.legal_basis,
                        ScalarString(source_name, entry["legal_basis"], "legal_basis"));
  AMIP_ASSIGN_OR_RETURN(instrument.valid_from,
                        ScalarDate(source_name, entry["valid_from"], "valid_from"));
  if (seen.count("valid_to") != 0) {
    AMIP_ASSIGN_OR_RETURN(core::Date valid_to,
                          ScalarDate(source_name, entry["valid_to"], "valid_to"));
    if (valid_to < instrument.valid_from) {
      return Error(source_name, entry["valid_to"], "valid_to before valid_from");
    }
    instrument.valid_to = valid_to;
  }
  AMIP_ASSIGN_OR_RETURN(instrument.active_measure,
                        ScalarBool(source_name, entry["active_measure"], "active_measure"));
  instrument.active_measure_2011 = instrument.active_measure;
  if (seen.count("active_measure_2011") != 0) {
    AMIP_ASSIGN_OR_RETURN(
        instrument.active_measure_2011,
        ScalarBool(source_name, entry["active_measure_2011"], "active_measure_2011"));
  }
  AMIP_ASSIGN_OR_RETURN(instrument.begleitend,
                        ScalarBool(source_name, entry["begleitend"], "begleitend"));
  if (instrument.begleitend && instrument.active_measure) {
    return Error(source_name, entry,
                 "instrument '" + instrument.code +
                     "': a begleitende Leistung cannot count as active measure");
  }
  return instrument;
}

core::Result<InstrumentCatalogue> ParseRoot(std::string_view source_name, const YAML::Node& root) {
  if (!root.IsMap()) return Error(source_name, root, "top level must be a mapping");
  for (const auto& item : root) {
    if (item.first.Scalar() != "instruments") {
      return Error(source_name, item.first, "unknown key '" + item.first.Scalar() + "'");
    }
  }
  const YAML::Node list = root["instruments"];
  if (!list || !list.IsSequence() || list.size() == 0) {
    return Error(source_name, root, "key 'instruments' must be a non-empty list");
  }
  std::vector<Instrument> instruments;
  std::set<std::string> codes;
  for (const YAML::Node& entry : list) {
    AMIP_ASSIGN_OR_RETURN(Instrument instrument, ParseEntry(source_name, entry));
    if (!codes.insert(instrument.code).second) {
      return Error(source_name, entry, "duplicate instrument code '" + instrument.code + "'");
    }
    instruments.push_back(std::move(instrument));
  }
  return InstrumentCatalogue(std::move(instruments));
}

}  // namespace

bool Instrument::IsValidOn(core::Date day) const {
  return day >= valid_from && (!valid_to.has_value() || day <= *valid_to);
}

InstrumentCatalogue::InstrumentCatalogue(std::vector<Instrument> instruments)
    : instruments_(std::move(instruments)) {}

const Instrument* InstrumentCatalogue::Find(std::string_view code) const {
  for (const Instrument& instrument : instruments_) {
    if (instrument.code == code) return &instrument;
  }
  return nullptr;
}

std::string InstrumentCatalogue::CodeList() const {
  std::string out;
  for (const Instrument& instrument : instruments_) {
    if (!out.empty()) out += ", ";
    out += instrument.code;
  }
  return out;
}

core::Result<InstrumentCatalogue> ParseInstrumentCatalogue(std::string_view yaml_text,
                                                           std::string_view source_name) {
  try {
    const YAML::Node root = YAML::Load(std::string(yaml_text));
    return ParseRoot(source_name, root);
  } catch (const YAML::Exception& error) {
    return core::InvalidArgumentError(std::string(source_name) + ":" +
                                      std::to_string(error.mark.line + 1) + ": " + error.msg);
  }
}

core::Result<InstrumentCatalogue> LoadInstrumentCatalogue() {
  const std::optional<std::string_view> text = resources::Find(kCataloguePath);
  if (!text.has_value()) {
    return core::NotFoundError(std::string(kCataloguePath) + " is not embedded in this build");
  }
  return ParseInstrumentCatalogue(*text, kCataloguePath);
}

}  // namespace amip::contract
