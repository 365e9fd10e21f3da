#include "indicators/catalogue.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <set>
#include <utility>

#include "core/code_list.h"
#include "resources/resources.h"

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

// Rejects keys outside `allowed` (strict loading, house style §9).
core::Status CheckKeys(const YAML::Node& node, const std::set<std::string>& allowed,
                       const std::string& where) {
  for (const auto& entry : node) {
    std::string key = entry.first.as<std::string>();
    if (!allowed.count(key)) {
      return core::InvalidArgumentError(where + ": line " +
                                        std::to_string(entry.first.Mark().line + 1) +
                                        ": unknown key '" + key + "'");
    }
  }
  return core::Status::Ok();
}

template <typename Enum, size_t N>
core::Status ReadCode(const YAML::Node& node, const char* key,
                      const std::array<std::pair<std::string_view, Enum>, N>& codes, Enum* out,
                      const std::string& where) {
  if (!node[key]) return core::Status::Ok();
  const std::string text = node[key].as<std::string>();
  auto parsed = ParseCode(text, codes);
  if (!parsed.ok()) {
    return parsed.status().WithContext(where + ": key '" + key + "': value '" + text + "'");
  }
  *out = *parsed;
  return core::Status::Ok();
}

core::Status ParseIndicator(const YAML::Node& root, const std::string& file, IndicatorDef* def) {
  AMIP_RETURN_IF_ERROR(CheckKeys(root,
                                 {"id", "name_de", "kind", "quantity", "population", "event",
                                  "window_months", "stock_lag_months", "versions"},
                                 file));
  AMIP_ASSIGN_OR_RETURN(def->id, ParseIndicatorId(root["id"].as<std::string>()));
  def->file = file;
  if (!root["name_de"]) return core::InvalidArgumentError(file + ": missing key 'name_de'");
  def->name_de = root["name_de"].as<std::string>();
  if (!root["kind"]) return core::InvalidArgumentError(file + ": missing key 'kind'");
  AMIP_RETURN_IF_ERROR(ReadCode(root, "kind", kKinds, &def->kind, file));
  AMIP_RETURN_IF_ERROR(ReadCode(root, "quantity", kQuantities, &def->quantity, file));
  AMIP_RETURN_IF_ERROR(ReadCode(root, "population", kPopulations, &def->population, file));
  AMIP_RETURN_IF_ERROR(ReadCode(root, "event", kEvents, &def->event, file));
  if (root["window_months"]) def->window_months = root["window_months"].as<int>();
  if (root["stock_lag_months"]) def->stock_lag_months = root["stock_lag_months"].as<int>();
  if (!root["versions"] || !root["versions"].IsSequence() || root["versions"].size() == 0) {
    return core::InvalidArgumentError(file + ": 'versions' must be a non-empty list");
  }
  for (const auto& node : root["versions"]) {
    std::string where = file + ": versions line " + std::to_string(node.Mark().line + 1);
    AMIP_RETURN_IF_ERROR(CheckKeys(
        node, {"from", "name_de", "followup", "followup_months", "measure_list", "source"}, where));
    IndicatorVersion version;
    if (!node["from"]) return core::InvalidArgumentError(where + ": missing key 'from'");
    auto from = core::Date::Parse(node["from"].as<std::string>());
    if (!from.ok()) return from.status().WithContext(where + ": key 'from'");
    version.from = *from;
    if (node["name_de"]) version.name_de = node["name_de"].as<std::string>();
    AMIP_RETURN_IF_ERROR(ReadCode(node, "followup", kFollowups, &version.followup, where));
    if (node["followup_months"]) version.followup_months = node["followup_months"].as<int>();
    AMIP_RETURN_IF_ERROR(
        ReadCode(node, "measure_list", kMeasureLists, &version.measure_list, where));
    if (!node["source"]) return core::InvalidArgumentError(where + ": missing key 'source'");
    version.source = node["source"].as<std::string>();
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

core::Status ParseLzb(const YAML::Node& root, const std::string& file, LzbDefinition* lzb) {
  AMIP_RETURN_IF_ERROR(CheckKeys(root,
                                 {"concept", "name_de", "window_days", "min_days",
                                  "window_months", "min_months", "source"},
                                 file));
  lzb->window_days = root["window_days"].as<int>();
  lzb->min_days = root["min_days"].as<int>();
  lzb->window_months = root["window_months"].as<int>();
  lzb->min_months = root["min_months"].as<int>();
  lzb->source = root["source"].as<std::string>();
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
    try {
      YAML::Node root = YAML::Load(content);
      if (!root.IsMap()) return core::InvalidArgumentError(path + ": expected a mapping");
      if (root["concept"]) {
        if (root["concept"].as<std::string>() != "LZB" || lzb_seen) {
          return core::InvalidArgumentError(path + ": unknown or duplicate concept");
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
    } catch (const YAML::Exception& error) {
      return core::InvalidArgumentError(path + ": line " + std::to_string(error.mark.line + 1) +
                                        ": " + error.msg);
    }
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
