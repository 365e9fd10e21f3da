#include "budget/catalogue.h"

#include <fmt/format.h>

#include <utility>

#include "budget/yaml_util.h"
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

core::Result<PlanInstrument> ParseCode(std::string_view file, const YAML::Node& node,
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
  AMIP_ASSIGN_OR_RETURN(entry.code, yaml::String(file, node["code"], "code"));
  AMIP_ASSIGN_OR_RETURN(entry.name, yaml::String(file, node["name"], "name"));
  AMIP_ASSIGN_OR_RETURN(entry.short_name, yaml::String(file, node["kurz"], "kurz"));
  if (group) {
    const YAML::Node members = node["instrumente"];
    if (!members || !members.IsSequence() || members.size() == 0) {
      return yaml::Error(file, node, "instrumente", "expected a non-empty list of codes");
    }
    for (const YAML::Node& member : members) {
      AMIP_ASSIGN_OR_RETURN(std::string code, yaml::String(file, member, "instrumente"));
      entry.instruments.push_back(code);
    }
  } else {
    if (!node["finanzposition"]) return yaml::Error(file, node, "finanzposition", "missing");
    AMIP_ASSIGN_OR_RETURN(entry.finanzposition,
                          yaml::String(file, node["finanzposition"], "finanzposition"));
    entry.instruments.push_back(entry.code);
  }
  return entry;
}

}  // namespace

core::Result<BudgetCatalogue> ParseBudgetCatalogue(std::string_view yaml_text,
                                                   std::string_view source_name,
                                                   const contract::InstrumentCatalogue& instruments) {
  AMIP_ASSIGN_OR_RETURN(YAML::Node root, yaml::Load(yaml_text, source_name));
  AMIP_RETURN_IF_ERROR(
      yaml::CheckKeys(source_name, root, "catalogue", {"finanzpositionen", "instrumente", "gruppen"}));
  std::vector<Finanzposition> positions;
  for (const YAML::Node& node : root["finanzpositionen"]) {
    AMIP_RETURN_IF_ERROR(yaml::CheckKeys(source_name, node, "finanzpositionen entry", {"code", "name"}));
    Finanzposition position;
    AMIP_ASSIGN_OR_RETURN(position.code, yaml::String(source_name, node["code"], "code"));
    AMIP_ASSIGN_OR_RETURN(position.name, yaml::String(source_name, node["name"], "name"));
    positions.push_back(std::move(position));
  }
  std::vector<PlanInstrument> codes;
  auto add = [&](const YAML::Node& node, PlanInstrument entry) -> core::Status {
    for (const PlanInstrument& existing : codes) {
      if (existing.code == entry.code) {
        return yaml::Error(source_name, node["code"], "code", "duplicate code");
      }
    }
    codes.push_back(std::move(entry));
    return core::Status::Ok();
  };
  for (const YAML::Node& node : root["instrumente"]) {
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
  for (const YAML::Node& node : root["gruppen"]) {
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
