#include "indicators/catalogue.h"

#include <algorithm>
#include <set>
#include <utility>

#include "core/code_list.h"
#include "resources/resources.h"
#include "yamlio/document.h"
#include "yamlio/reader.h"

namespace amip::indicators {
namespace {

constexpr std::array<std::string_view, kIndicatorCount> kIds = {
    "K1", "K1E1", "K1E2", "K1E3", "K1E4", "K2",   "K2E1", "K2E2",
    "K2E3", "K2E4", "K3", "K3E1", "K3E2", "K3E3", "K3E4", "BDI"};

using core::ParseCode;

constexpr std::array<std::pair<std::string_view, FormulaKind>, 6> kKinds{{
    {"yoy_change", FormulaKind::kYoyChange}, {"entry_rate", FormulaKind::kEntryRate},
    {"exit_rate", FormulaKind::kExitRate}, {"event_quota", FormulaKind::kEventQuota},
    {"stock_share", FormulaKind::kStockShare}, {"followup_share", FormulaKind::kFollowupShare}}};
constexpr std::array<std::pair<std::string_view, Quantity>, 4> kQuantities{{
    {"llu_sum", Quantity::kLluSum}, {"luh_sum", Quantity::kLuhSum},
    {"elb_stock", Quantity::kElbStock}, {"lzb_stock", Quantity::kLzbStock}}};
constexpr std::array<std::pair<std::string_view, Population>, 3> kPopulations{{
    {"elb", Population::kElb}, {"single_parent", Population::kSingleParent},
    {"lzb", Population::kLzb}}};
constexpr std::array<std::pair<std::string_view, Event>, 4> kEvents{{
    {"integration", Event::kIntegration}, {"minijob", Event::kMinijob},
    {"public", Event::kPublic}, {"svb_integration", Event::kSvbIntegration}}};
constexpr std::array<std::pair<std::string_view, Followup>, 3> kFollowups{{
    {"svb_at_point", Followup::kSvbAtPoint}, {"svb_each_month", Followup::kSvbEachMonth},
    {"no_regelleistung_at_point", Followup::kNoRegelleistungAtPoint}}};
constexpr std::array<std::pair<std::string_view, MeasureList>, 2> kMeasureLists{{
    {"active_measure_2011", MeasureList::kActiveMeasure2011},
    {"active_measure", MeasureList::kActiveMeasure}}};

template <typename Enum, size_t N>
core::Status ReadCode(const std::string& file, const yamlio::Node& node, const char* key,
                      const std::array<std::pair<std::string_view, Enum>, N>& codes, Enum* out) {
  if (!node[key]) return core::Status::Ok();
  AMIP_ASSIGN_OR_RETURN(const std::string text, yamlio::Text(file, node[key], key));
  auto parsed = ParseCode(text, codes);
  if (!parsed.ok()) return yamlio::Error(file, node[key], key, parsed.status().message());
  *out = *parsed;
  return core::Status::Ok();
}

// A required key of `map`: "file:line:col: <what>: Schlüssel '<key>' fehlt" when absent.
core::Result<const yamlio::Node*> Need(const std::string& file, const yamlio::Node& map,
                                       std::string_view what, const char* key) {
  if (!map[key]) {
    return core::InvalidArgumentError(yamlio::Where(file, map) + ": " + std::string(what) +
                                      ": Schlüssel '" + key + "' fehlt");
  }
  return &map[key];
}

core::Status ParseIndicator(const yamlio::Node& root, const std::string& file, IndicatorDef* def) {
  AMIP_RETURN_IF_ERROR(yamlio::CheckKeys(file, root, "indicator",
                                         {"id", "name_de", "kind", "quantity", "population", "event",
                                          "window_months", "stock_lag_months", "versions"}));
  AMIP_ASSIGN_OR_RETURN(const yamlio::Node* id, Need(file, root, "indicator", "id"));
  AMIP_ASSIGN_OR_RETURN(const std::string id_text, yamlio::Text(file, *id, "id"));
  core::Result<IndicatorId> parsed_id = ParseIndicatorId(id_text);
  if (!parsed_id.ok()) return yamlio::Error(file, *id, "id", parsed_id.status().message());
  def->id = *parsed_id;
  def->file = file;
  AMIP_ASSIGN_OR_RETURN(const yamlio::Node* name, Need(file, root, "indicator", "name_de"));
  AMIP_ASSIGN_OR_RETURN(def->name_de, yamlio::Text(file, *name, "name_de"));
  AMIP_RETURN_IF_ERROR(Need(file, root, "indicator", "kind").status());
  AMIP_RETURN_IF_ERROR(ReadCode(file, root, "kind", kKinds, &def->kind));
  AMIP_RETURN_IF_ERROR(ReadCode(file, root, "quantity", kQuantities, &def->quantity));
  AMIP_RETURN_IF_ERROR(ReadCode(file, root, "population", kPopulations, &def->population));
  AMIP_RETURN_IF_ERROR(ReadCode(file, root, "event", kEvents, &def->event));
  if (root["window_months"]) {
    AMIP_ASSIGN_OR_RETURN(def->window_months,
                          yamlio::IntegerIn(file, root["window_months"], "window_months", 0, 120));
  }
  if (root["stock_lag_months"]) {
    AMIP_ASSIGN_OR_RETURN(def->stock_lag_months, yamlio::IntegerIn(file, root["stock_lag_months"],
                                                                   "stock_lag_months", 0, 120));
  }
  if (!root["versions"] || !root["versions"].IsSequence() || root["versions"].size() == 0) {
    return core::InvalidArgumentError(yamlio::Where(file, root["versions"] ? root["versions"] : root) +
                                      ": 'versions' must be a non-empty list");
  }
  for (const yamlio::Node& node : root["versions"].items()) {
    const std::string where = yamlio::Where(file, node);
    AMIP_RETURN_IF_ERROR(yamlio::CheckKeys(
        file, node, "versions entry",
        {"from", "name_de", "followup", "followup_months", "measure_list", "source"}));
    IndicatorVersion version;
    AMIP_ASSIGN_OR_RETURN(const yamlio::Node* from_node, Need(file, node, "versions entry", "from"));
    AMIP_ASSIGN_OR_RETURN(const std::string from_text, yamlio::Text(file, *from_node, "from"));
    auto from = core::Date::Parse(from_text);
    if (!from.ok()) return yamlio::Error(file, *from_node, "from", from.status().message());
    version.from = *from;
    if (node["name_de"]) {
      AMIP_ASSIGN_OR_RETURN(version.name_de, yamlio::Text(file, node["name_de"], "name_de"));
    }
    AMIP_RETURN_IF_ERROR(ReadCode(file, node, "followup", kFollowups, &version.followup));
    if (node["followup_months"]) {
      AMIP_ASSIGN_OR_RETURN(version.followup_months, yamlio::IntegerIn(file, node["followup_months"],
                                                                       "followup_months", 1, 120));
    }
    AMIP_RETURN_IF_ERROR(ReadCode(file, node, "measure_list", kMeasureLists, &version.measure_list));
    AMIP_ASSIGN_OR_RETURN(const yamlio::Node* source, Need(file, node, "versions entry", "source"));
    AMIP_ASSIGN_OR_RETURN(version.source, yamlio::Text(file, *source, "source"));
    if (!def->versions.empty() && def->versions.back().from >= version.from) {
      return core::InvalidArgumentError(where + ": versions must be sorted by 'from'");
    }
    if (def->kind == FormulaKind::kFollowupShare &&
        (version.followup == Followup::kNone || version.followup_months <= 0)) {
      return core::InvalidArgumentError(where + ": followup_share needs followup and followup_months");
    }
    if (def->kind == FormulaKind::kStockShare && version.measure_list == MeasureList::kNone) {
      return core::InvalidArgumentError(where + ": stock_share needs measure_list");
    }
    def->versions.push_back(std::move(version));
  }
  if (def->kind == FormulaKind::kYoyChange && def->quantity == Quantity::kNone) {
    return core::InvalidArgumentError(file + ": yoy_change needs 'quantity'");
  }
  if ((def->kind == FormulaKind::kEventQuota || def->kind == FormulaKind::kFollowupShare) &&
      def->event == Event::kNone) {
    return core::InvalidArgumentError(file + ": " + std::string(ToString(def->id)) +
                                      " needs 'event'");
  }
  return core::Status::Ok();
}

core::Status ParseLzb(const yamlio::Node& root, const std::string& file, LzbDefinition* lzb) {
  yamlio::MapReader map(file, root, "LZB");
  map.Allow({"concept", "name_de"});
  AMIP_ASSIGN_OR_RETURN(lzb->window_days, map.Required<int>("window_days"));
  AMIP_ASSIGN_OR_RETURN(lzb->min_days, map.Required<int>("min_days"));
  AMIP_ASSIGN_OR_RETURN(lzb->window_months, map.Required<int>("window_months"));
  AMIP_ASSIGN_OR_RETURN(lzb->min_months, map.Required<int>("min_months"));
  AMIP_ASSIGN_OR_RETURN(lzb->source, map.Required<std::string>("source"));
  AMIP_RETURN_IF_ERROR(map.Finish());
  if (lzb->min_days <= 0 || lzb->min_days > lzb->window_days || lzb->min_months <= 0 ||
      lzb->min_months > lzb->window_months) {
    return core::InvalidArgumentError(file + ": LZB thresholds out of range");
  }
  return core::Status::Ok();
}

}  // namespace

std::string_view ToString(IndicatorId id) { return kIds[static_cast<int>(id)]; }

core::Result<IndicatorId> ParseIndicatorId(std::string_view text) {
  for (int i = 0; i < kIndicatorCount; ++i) {
    if (kIds[i] == text) return static_cast<IndicatorId>(i);
  }
  return core::InvalidArgumentError("unknown indicator id '" + std::string(text) +
                                    "'; allowed: K1 K1E1 K1E2 K1E3 K1E4 K2 K2E1 K2E2 K2E3 K2E4 "
                                    "K3 K3E1 K3E2 K3E3 K3E4 BDI");
}

const IndicatorVersion* IndicatorDef::VersionAt(core::Date count_day) const {
  const IndicatorVersion* found = nullptr;
  for (const IndicatorVersion& version : versions) {
    if (version.from <= count_day) found = &version;
  }
  return found;
}

core::Result<Catalogue> ParseCatalogue(
    const std::vector<std::pair<std::string, std::string>>& files) {
  Catalogue catalogue;
  std::array<bool, kIndicatorCount> seen{};
  bool lzb_seen = false;
  for (const auto& [path, content] : files) {
    AMIP_ASSIGN_OR_RETURN(const yamlio::Document doc, yamlio::Parse(content, path));
    const yamlio::Node& root = doc.root;
    if (!root.IsMap()) return core::InvalidArgumentError(path + ": expected a mapping");
    if (root["concept"]) {
      AMIP_ASSIGN_OR_RETURN(const std::string concept_name,
                            yamlio::Text(path, root["concept"], "concept"));
      if (concept_name != "LZB" || lzb_seen) {
        return core::InvalidArgumentError(yamlio::Where(path, root["concept"]) +
                                          ": unknown or duplicate concept");
      }
      AMIP_RETURN_IF_ERROR(ParseLzb(root, path, &catalogue.lzb));
      lzb_seen = true;
      continue;
    }
    IndicatorDef def;
    AMIP_RETURN_IF_ERROR(ParseIndicator(root, path, &def));
    int index = static_cast<int>(def.id);
    if (seen[index]) {
      return core::InvalidArgumentError(path + ": duplicate indicator " +
                                        std::string(ToString(def.id)));
    }
    seen[index] = true;
    catalogue.indicators[index] = std::move(def);
  }
  for (int i = 0; i < kIndicatorCount; ++i) {
    if (!seen[i]) {
      return core::NotFoundError("indicator catalogue: no definition for " +
                                 std::string(kIds[i]) + " in law/indicators/");
    }
  }
  if (!lzb_seen) return core::NotFoundError("indicator catalogue: no LZB definition");
  return catalogue;
}

core::Result<Catalogue> LoadCatalogue() {
  static const core::Result<Catalogue> kCatalogue = [] {
    std::vector<std::pair<std::string, std::string>> files;
    for (const resources::Resource& resource : resources::List("law/indicators/")) {
      if (resource.path.ends_with(".yaml")) {
        files.emplace_back(std::string(resource.path), std::string(resource.content));
      }
    }
    return ParseCatalogue(files);
  }();
  return kCatalogue;
}

}  // namespace amip::indicators
