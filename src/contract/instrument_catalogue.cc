#include "contract/instrument_catalogue.h"

#include <set>
#include <utility>

#include "resources/resources.h"
#include "yamlio/document.h"
#include "yamlio/reader.h"

namespace amip::contract {
namespace {

constexpr std::string_view kCataloguePath = "law/catalogue/instruments.yaml";

core::Status Error(std::string_view source_name, const yamlio::Node& node, const std::string& why) {
  return core::InvalidArgumentError(yamlio::Where(source_name, node) + ": " + why);
}

// A required, non-empty text.
core::Result<std::string> NonEmptyText(yamlio::MapReader& map, std::string_view key) {
  AMIP_ASSIGN_OR_RETURN(std::string text, map.Required<std::string>(key));
  if (text.empty()) return Error(map.file(), map.Get(key), "key '" + std::string(key) + "' is empty");
  return text;
}

core::Result<core::Date> DateValue(std::string_view source_name, const yamlio::Node& node,
                                   std::string_view key) {
  AMIP_ASSIGN_OR_RETURN(std::string text, yamlio::Text(source_name, node, key));
  core::Result<core::Date> date = core::Date::Parse(text);
  if (!date.ok()) return yamlio::Error(source_name, node, key, date.status().message());
  return *date;
}

core::Result<Instrument> ParseEntry(std::string_view source_name, const yamlio::Node& entry) {
  yamlio::MapReader map(source_name, entry, "instrument");
  Instrument instrument;
  AMIP_ASSIGN_OR_RETURN(instrument.code, NonEmptyText(map, "code"));
  AMIP_ASSIGN_OR_RETURN(instrument.name, NonEmptyText(map, "name"));
  AMIP_ASSIGN_OR_RETURN(instrument.legal_basis, NonEmptyText(map, "legal_basis"));
  AMIP_ASSIGN_OR_RETURN(const yamlio::Node* valid_from, map.GetRequired("valid_from"));
  AMIP_ASSIGN_OR_RETURN(instrument.valid_from, DateValue(source_name, *valid_from, "valid_from"));
  if (const yamlio::Node& node = map.Get("valid_to")) {
    AMIP_ASSIGN_OR_RETURN(core::Date valid_to, DateValue(source_name, node, "valid_to"));
    if (valid_to < instrument.valid_from) return Error(source_name, node, "valid_to before valid_from");
    instrument.valid_to = valid_to;
  }
  AMIP_ASSIGN_OR_RETURN(instrument.active_measure, map.Required<bool>("active_measure"));
  AMIP_ASSIGN_OR_RETURN(instrument.active_measure_2011,
                        map.Optional<bool>("active_measure_2011", instrument.active_measure));
  AMIP_ASSIGN_OR_RETURN(instrument.begleitend, map.Required<bool>("begleitend"));
  AMIP_RETURN_IF_ERROR(map.Finish());
  if (instrument.begleitend && instrument.active_measure) {
    return Error(source_name, entry,
                 "instrument '" + instrument.code +
                     "': a begleitende Leistung cannot count as active measure");
  }
  return instrument;
}

core::Result<InstrumentCatalogue> ParseRoot(std::string_view source_name, const yamlio::Node& root) {
  AMIP_RETURN_IF_ERROR(yamlio::CheckKeys(source_name, root, "catalogue", {"instruments"}));
  const yamlio::Node& list = root["instruments"];
  if (!list || !list.IsSequence() || list.size() == 0) {
    return Error(source_name, root, "key 'instruments' must be a non-empty list");
  }
  std::vector<Instrument> instruments;
  std::set<std::string> codes;
  for (const yamlio::Node& entry : list.items()) {
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
  AMIP_ASSIGN_OR_RETURN(const yamlio::Document doc, yamlio::Parse(yaml_text, source_name));
  return ParseRoot(source_name, doc.root);
}

core::Result<InstrumentCatalogue> LoadInstrumentCatalogue() {
  const std::optional<std::string_view> text = resources::Find(kCataloguePath);
  if (!text.has_value()) {
    return core::NotFoundError(std::string(kCataloguePath) + " is not embedded in this build");
  }
  return ParseInstrumentCatalogue(*text, kCataloguePath);
}

}  // namespace amip::contract
