#include "indicators/targets.h"

#include <array>
#include <map>
#include <set>
#include <tuple>
#include <utility>

#include "yamlio/document.h"
#include "yamlio/reader.h"

namespace amip::indicators {
namespace {

// A code of a target: `allowed` maps each accepted text to its value.
template <typename Enum, size_t N>
core::Result<Enum> ReadChoice(yamlio::MapReader& map, std::string_view key, std::string fallback,
                              const std::array<std::pair<std::string_view, Enum>, N>& allowed) {
  AMIP_ASSIGN_OR_RETURN(const std::string text, map.Optional<std::string>(key, std::move(fallback)));
  std::string list;
  for (const auto& [name, value] : allowed) {
    if (name == text) return value;
    list += (list.empty() ? "" : ", ") + std::string(name);
  }
  return yamlio::Error(map.file(), map.Get(key).IsDefined() ? map.Get(key) : map.node(), key,
                       "unbekannt; erlaubt: " + list);
}

constexpr std::array<std::pair<std::string_view, TargetQuantity>, 2> kQuantities{{
    {"integrationsquote", TargetQuantity::kIntegrationsquote},
    {"lzb_bestand", TargetQuantity::kLzbBestand}}};
constexpr std::array<std::pair<std::string_view, SexSplit>, 3> kSexes{{
    {"all", SexSplit::kAll}, {"m", SexSplit::kM}, {"f", SexSplit::kF}}};

core::Result<Target> ParseTarget(std::string_view file, const yamlio::Node& node) {
  yamlio::MapReader map(file, node, "Zielwert");
  Target target;
  AMIP_ASSIGN_OR_RETURN(target.quantity, ReadChoice(map, "quantity", "", kQuantities));
  AMIP_ASSIGN_OR_RETURN(target.sex, ReadChoice(map, "sex", "all", kSexes));
  AMIP_ASSIGN_OR_RETURN(target.value, map.Required<double>("value"));
  if (target.value < 0) return yamlio::Error(file, map.Get("value"), "value", "darf nicht negativ sein");
  AMIP_ASSIGN_OR_RETURN(target.note, map.Optional<std::string>("note", ""));
  AMIP_RETURN_IF_ERROR(map.Finish());
  return target;
}

}  // namespace

std::string_view ToString(TargetQuantity quantity) {
  return quantity == TargetQuantity::kIntegrationsquote ? "integrationsquote" : "lzb_bestand";
}

core::Result<Targets> ParseTargets(std::string_view yaml_text, std::string_view source_name) {
  AMIP_ASSIGN_OR_RETURN(const yamlio::Document doc, yamlio::Parse(yaml_text, source_name));
  AMIP_RETURN_IF_ERROR(yamlio::CheckKeys(source_name, doc.root, "Zielwerte",
                                         {"name", "year", "jc", "source", "targets"}));
  yamlio::MapReader map(source_name, doc.root, "Zielwerte");
  Targets targets;
  AMIP_ASSIGN_OR_RETURN(targets.name, map.Optional<std::string>("name", ""));
  AMIP_ASSIGN_OR_RETURN(targets.year, map.Required<int>("year"));
  AMIP_ASSIGN_OR_RETURN(targets.jc_id, map.Optional<std::string>("jc", ""));
  AMIP_ASSIGN_OR_RETURN(targets.source, map.Optional<std::string>("source", ""));
  AMIP_ASSIGN_OR_RETURN(const yamlio::Node* list, map.GetRequired("targets"));
  AMIP_ASSIGN_OR_RETURN(const std::vector<yamlio::Node>* items,
                        yamlio::Items(source_name, *list, "targets"));
  for (const yamlio::Node& node : *items) {
    AMIP_ASSIGN_OR_RETURN(Target target, ParseTarget(source_name, node));
    targets.targets.push_back(std::move(target));
  }
  AMIP_RETURN_IF_ERROR(map.Finish());
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
