#include "indicators/targets.h"

#include <yaml-cpp/yaml.h>

#include <map>
#include <set>
#include <tuple>

namespace amip::indicators {
namespace {

core::Status Error(std::string_view source, const YAML::Node& node, const std::string& what) {
  return core::InvalidArgumentError(std::string(source) + ":" +
                                    std::to_string(node.Mark().line + 1) + ": " + what);
}

core::Status CheckKeys(const YAML::Node& node, const std::set<std::string>& allowed,
                       std::string_view source) {
  for (const auto& entry : node) {
    if (!allowed.count(entry.first.as<std::string>())) {
      return Error(source, entry.first, "unknown key '" + entry.first.as<std::string>() + "'");
    }
  }
  return core::Status::Ok();
}

}  // namespace

std::string_view ToString(TargetQuantity quantity) {
  return quantity == TargetQuantity::kIntegrationsquote ? "integrationsquote" : "lzb_bestand";
}

core::Result<Targets> ParseTargets(std::string_view yaml_text, std::string_view source_name) {
  Targets targets;
  try {
    YAML::Node root = YAML::Load(std::string(yaml_text));
    if (!root.IsMap()) return core::InvalidArgumentError(std::string(source_name) + ": expected a mapping");
    AMIP_RETURN_IF_ERROR(CheckKeys(root, {"name", "year", "jc", "source", "targets"}, source_name));
    if (!root["year"] || !root["targets"] || !root["targets"].IsSequence()) {
      return core::InvalidArgumentError(std::string(source_name) +
                                        ": 'year' and a list 'targets' are required");
    }
    targets.name = root["name"] ? root["name"].as<std::string>() : "";
    targets.year = root["year"].as<int>();
    targets.jc_id = root["jc"] && !root["jc"].IsNull() ? root["jc"].as<std::string>() : "";
    targets.source = root["source"] ? root["source"].as<std::string>() : "";
    for (const auto& node : root["targets"]) {
      AMIP_RETURN_IF_ERROR(CheckKeys(node, {"quantity", "sex", "value", "note"}, source_name));
      Target target;
      const std::string quantity = node["quantity"] ? node["quantity"].as<std::string>() : "";
      if (quantity == "integrationsquote") {
        target.quantity = TargetQuantity::kIntegrationsquote;
      } else if (quantity == "lzb_bestand") {
        target.quantity = TargetQuantity::kLzbBestand;
      } else {
        return Error(source_name, node, "quantity '" + quantity +
                                            "' unknown; allowed: integrationsquote, lzb_bestand");
      }
      const std::string sex = node["sex"] ? node["sex"].as<std::string>() : "all";
      if (sex == "all") {
        target.sex = SexSplit::kAll;
      } else if (sex == "m") {
        target.sex = SexSplit::kM;
      } else if (sex == "f") {
        target.sex = SexSplit::kF;
      } else {
        return Error(source_name, node, "sex '" + sex + "' unknown; allowed: all, m, f");
      }
      if (!node["value"]) return Error(source_name, node, "missing key 'value'");
      target.value = node["value"].as<double>();
      if (target.value < 0) return Error(source_name, node, "value must not be negative");
      target.note = node["note"] ? node["note"].as<std::string>() : "";
      targets.targets.push_back(target);
    }
  } catch (const YAML::Exception& error) {
    return core::InvalidArgumentError(std::string(source_name) + ":" +
                                      std::to_string(error.mark.line + 1) + ": " + error.msg);
  }
  return targets;
}

std::vector<TargetRow> TargetProgress(const Computation& computation, const Targets& targets,
                                      core::MonthRange months) {
  using Key = std::tuple<core::JcIdx, int32_t, SexSplit>;
  std::map<Key, const MonthlyCounts*> monthly;
  std::set<core::JcIdx> jcs;
  for (const MonthlyCounts& counts : computation.monthly) {
    if (counts.municipality != core::kNoIdx) continue;
    monthly[{counts.jc, counts.month.index(), counts.sex}] = &counts;
    jcs.insert(counts.jc);
  }
  std::map<std::tuple<core::JcIdx, int32_t, SexSplit, IndicatorId>, const IndicatorRow*> rows;
  for (const IndicatorRow& row : computation.rows) {
    if (row.municipality == core::kNoIdx) {
      rows[{row.jc, row.month.index(), row.sex, row.indicator}] = &row;
    }
  }
  std::vector<TargetRow> out;
  for (core::JcIdx jc : jcs) {
    for (core::Month month = months.first; month <= months.last; ++month) {
      for (const Target& target : targets.targets) {
        TargetRow row;
        row.jc = jc;
        row.month = month;
        row.quantity = target.quantity;
        row.sex = target.sex;
        row.target = target.value;
        const bool k2 = target.quantity == TargetQuantity::kIntegrationsquote;
        auto it = rows.find({jc, month.index(), target.sex, k2 ? IndicatorId::kK2 : IndicatorId::kK3});
        if (it != rows.end() && it->second->note.empty()) {
          row.actual = k2 ? it->second->value : std::optional<double>(it->second->numerator);
        } else if (it != rows.end()) {
          row.note = it->second->note;
        }
        // A month past the data end has no Jahresfortschrittswert either (it needs ST(M)).
        const bool after_end = it != rows.end() && it->second->after_end;
        if (month.year() == targets.year && !after_end) {
          // Jahresfortschrittswert over January..M of the target year.
          const int months_elapsed = month.month();
          int64_t events = 0;
          int64_t stock = 0;
          int64_t lzb = 0;
          bool complete = true;
          for (int back = 0; back < months_elapsed; ++back) {
            const core::Month current = month - back;
            auto now = monthly.find({jc, current.index(), target.sex});
            auto before = monthly.find({jc, (current - 1).index(), target.sex});
            if (now == monthly.end() || before == monthly.end()) {
              complete = false;
              break;
            }
            events += now->second->integrations;
            stock += before->second->elb;  // ELB stock Dec(previous year)..M−1
            lzb += now->second->lzb;
          }
          if (complete && k2) {
            if (stock > 0) {
              row.progress = static_cast<double>(events) /
                             (static_cast<double>(stock) / months_elapsed) * 100.0;
            }
            row.target_to_date = target.value * months_elapsed / 12.0;
          } else if (complete) {
            row.progress = static_cast<double>(lzb) / months_elapsed;
            row.target_to_date = target.value;
          }
        }
        out.push_back(row);
      }
    }
  }
  return out;
}

}  // namespace amip::indicators
