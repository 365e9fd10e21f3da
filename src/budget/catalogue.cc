#include "budget/catalogue.h"

#include <fmt/format.h>

#include <utility>

#include "yamlio/document.h"
#include "yamlio/reader.h"
#include "resources/resources.h"

namespace amip::budget {

BudgetCatalogue::BudgetCatalogue(std::vector<Finanzposition> positions,
                                 std::vector<PlanInstrument> codes,
                                 contract::InstrumentCatalogue instruments)
    : positions_(std::move(positions)),
      codes_(std::move(codes)),
      instruments_(std::move(instruments)) {}

const PlanInstrument* BudgetCatalogue::Find(std::string_view code) const {
  for (const PlanInstrument& entry : codes_) {
    if (entry.code == code) return &entry;
  }
  return nullptr;
}

const Finanzposition* BudgetCatalogue::FindPosition(std::string_view code) const {
  for (const Finanzposition& entry : positions_) {
    if (entry.code == code) return &entry;
  }
  return nullptr;
}

std::string BudgetCatalogue::CodeList() const {
  std::string list;
  for (const PlanInstrument& entry : codes_) {
    if (!list.empty()) list += ", ";
    list += entry.code;
  }
  return list;
}

namespace {

namespace yaml = ::amip::yamlio;

core::Result<PlanInstrument> ParseCode(std::string_view file, const yamlio::Node& node,
                                       bool group) {
  if (group) {
    AMIP_RETURN_IF_ERROR(yaml::CheckKeys(file, node, "gruppen entry",
                                         {"code", "name", "kurz", "instrumente"}));
  } else {
    AMIP_RETURN_IF_ERROR(yaml::CheckKeys(file, node, "instrumente entry",
                                         {"code", "name", "kurz", "finanzposition"}));
  }
  PlanInstrument entry;
  for (const char* key : {"code", "name", "kurz"}) {
    if (!node[key]) return yaml::Error(file, node, key, "missing");
  }
  AMIP_ASSIGN_OR_RETURN(entry.code, yaml::Text(file, node["code"], "code"));
  AMIP_ASSIGN_OR_RETURN(entry.name, yaml::Text(file, node["name"], "name"));
  AMIP_ASSIGN_OR_RETURN(entry.short_name, yaml::Text(file, node["kurz"], "kurz"));
  if (group) {
    const yamlio::Node& members = node["instrumente"];
    if (!members || !members.IsSequence() || members.size() == 0) {
      return yaml::Error(file, node, "instrumente", "expected a non-empty list of codes");
    }
    for (const yamlio::Node& member : members.items()) {
      AMIP_ASSIGN_OR_RETURN(std::string code, yaml::Text(file, member, "instrumente"));
      entry.instruments.push_back(code);
    }
  } else {
    if (!node["finanzposition"]) return yaml::Error(file, node, "finanzposition", "missing");
    AMIP_ASSIGN_OR_RETURN(entry.finanzposition,
                          yaml::Text(file, node["finanzposition"], "finanzposition"));
    entry.instruments.push_back(entry.code);
  }
  return entry;
}

}  // namespace

core::Result<BudgetCatalogue> ParseBudgetCatalogue(std::string_view yaml_text,
                                                   std::string_view source_name,
                                                   const contract::InstrumentCatalogue& instruments) {
  AMIP_ASSIGN_OR_RETURN(const yamlio::Document doc, yamlio::Parse(yaml_text, source_name));
  const yamlio::Node& root = doc.root;
  AMIP_RETURN_IF_ERROR(
      yaml::CheckKeys(source_name, root, "catalogue", {"finanzpositionen", "instrumente", "gruppen"}));
  std::vector<Finanzposition> positions;
  AMIP_ASSIGN_OR_RETURN(const std::vector<yamlio::Node>* position_nodes,
                        yamlio::Items(source_name, root["finanzpositionen"], "finanzpositionen"));
  for (const yamlio::Node& node : *position_nodes) {
    AMIP_RETURN_IF_ERROR(yaml::CheckKeys(source_name, node, "finanzpositionen entry", {"code", "name"}));
    Finanzposition position;
    AMIP_ASSIGN_OR_RETURN(position.code, yaml::Text(source_name, node["code"], "code"));
    AMIP_ASSIGN_OR_RETURN(position.name, yaml::Text(source_name, node["name"], "name"));
    positions.push_back(std::move(position));
  }
  std::vector<PlanInstrument> codes;
  auto add = [&](const yamlio::Node& node, PlanInstrument entry) -> core::Status {
    for (const PlanInstrument& existing : codes) {
      if (existing.code == entry.code) {
        return yaml::Error(source_name, node["code"], "code", "duplicate code");
      }
    }
    codes.push_back(std::move(entry));
    return core::Status::Ok();
  };
  AMIP_ASSIGN_OR_RETURN(const std::vector<yamlio::Node>* instrument_nodes,
                        yamlio::Items(source_name, root["instrumente"], "instrumente"));
  for (const yamlio::Node& node : *instrument_nodes) {
    AMIP_ASSIGN_OR_RETURN(PlanInstrument entry, ParseCode(source_name, node, false));
    if (instruments.Find(entry.code) == nullptr) {
      return yaml::Error(source_name, node["code"], "code",
                         "not in the instrument catalogue (" + instruments.CodeList() + ")");
    }
    bool known_position = false;
    for (const Finanzposition& position : positions) {
      known_position = known_position || position.code == entry.finanzposition;
    }
    if (!known_position) {
      return yaml::Error(source_name, node["finanzposition"], "finanzposition",
                         "unknown Finanzposition");
    }
    AMIP_RETURN_IF_ERROR(add(node, std::move(entry)));
  }
  AMIP_ASSIGN_OR_RETURN(const std::vector<yamlio::Node>* group_nodes,
                        yamlio::Items(source_name, root["gruppen"], "gruppen"));
  for (const yamlio::Node& node : *group_nodes) {
    AMIP_ASSIGN_OR_RETURN(PlanInstrument entry, ParseCode(source_name, node, true));
    for (const std::string& member : entry.instruments) {
      const PlanInstrument* single = nullptr;
      for (const PlanInstrument& existing : codes) {
        if (existing.code == member) single = &existing;
      }
      if (single == nullptr) {
        return yaml::Error(source_name, node["instrumente"], "instrumente",
                           "unknown member '" + member + "'");
      }
      if (!entry.finanzposition.empty() && entry.finanzposition != single->finanzposition) {
        return yaml::Error(source_name, node["instrumente"], "instrumente",
                           "members belong to different Finanzpositionen");
      }
      entry.finanzposition = single->finanzposition;
    }
    AMIP_RETURN_IF_ERROR(add(node, std::move(entry)));
  }
  return BudgetCatalogue(std::move(positions), std::move(codes), instruments);
}

core::Result<BudgetCatalogue> LoadBudgetCatalogue() {
  constexpr std::string_view kPath = "law/catalogue/finanzpositionen.yaml";
  const std::optional<std::string_view> text = resources::Find(kPath);
  if (!text) return core::NotFoundError(fmt::format("embedded resource {} missing", kPath));
  AMIP_ASSIGN_OR_RETURN(contract::InstrumentCatalogue instruments,
                        contract::LoadInstrumentCatalogue());
  return ParseBudgetCatalogue(*text, kPath, instruments);
}

}  // namespace amip::budget
