#include "law/local_rules.h"

#include <yaml-cpp/yaml.h>

#include <set>

#include "law/yaml_check.h"
#include "resources/resources.h"

namespace amip::law {
namespace {

core::Result<core::Date> DateKey(std::string_view file, const YAML::Node& key,
                                 const core::Date* previous) {
  auto date = core::Date::Parse(key.Scalar());
  if (!date.ok()) {
    return core::InvalidArgumentError(YamlWhere(file, key) + ": malformed date '" + key.Scalar() +
                                      "': " + date.status().message());
  }
  if (previous != nullptr && !(*previous < *date)) {
    return core::InvalidArgumentError(YamlWhere(file, key) + ": date " + key.Scalar() +
                                      " is not after " + previous->ToString() +
                                      " (dates must be sorted ascending)");
  }
  return *date;
}

}  // namespace

core::Status LocalRules::AddFile(std::string_view path, std::string_view text) {
  YAML::Node doc;
  try {
    doc = YAML::Load(std::string(text));
  } catch (const YAML::Exception& e) {
    return core::InvalidArgumentError(std::string(path) + ":" + std::to_string(e.mark.line + 1) +
                                      ": YAML error: " + e.msg);
  }
  if (!doc.IsMap()) return core::InvalidArgumentError(std::string(path) + ": expected a map");
  AMIP_RETURN_IF_ERROR(
      CheckYamlKeys(path, doc, {"kreis", "ags_kreis", "status", "source", "municipalities"}));
  const std::string status = doc["status"] ? doc["status"].Scalar() : "";
  if (status != "assumption" && status != "official") {
    return core::InvalidArgumentError(std::string(path) +
                                      ": 'status' must be 'assumption' or 'official'");
  }
  const std::string source = doc["source"] ? doc["source"].Scalar() : "";
  if (source.empty()) return core::InvalidArgumentError(std::string(path) + ": 'source' missing");
  for (const auto& item : doc["municipalities"]) {
    Municipality muni;
    muni.ags = item.first.Scalar();
    muni.file = std::string(path);
    muni.status = status;
    muni.source = source;
    const YAML::Node& body = item.second;
    AMIP_RETURN_IF_ERROR(CheckYamlKeys(path, body, {"name", "mietstufe", "kdu_bruttokaltmiete"}));
    muni.name = body["name"].Scalar();
    const core::Date* previous = nullptr;
    for (const auto& entry : body["mietstufe"]) {
      AMIP_ASSIGN_OR_RETURN(core::Date date, DateKey(path, entry.first, previous));
      const int stufe = entry.second.as<int>(0);
      if (stufe < 1 || stufe > 7) {
        return core::InvalidArgumentError(YamlWhere(path, entry.second) +
                                          ": Mietstufe must be 1..7, got '" +
                                          entry.second.Scalar() + "'");
      }
      muni.mietstufe.emplace_back(date, stufe);
      previous = &muni.mietstufe.back().first;
    }
    previous = nullptr;
    for (const auto& entry : body["kdu_bruttokaltmiete"]) {
      AMIP_ASSIGN_OR_RETURN(core::Date date, DateKey(path, entry.first, previous));
      AMIP_RETURN_IF_ERROR(
          CheckYamlKeys(path, entry.second, {"1", "2", "3", "4", "5", "je_weitere"}));
      std::array<core::Cents, 7> ceilings{};
      const char* keys[] = {"", "1", "2", "3", "4", "5", "je_weitere"};
      for (int idx = 1; idx <= 6; ++idx) {
        const YAML::Node value = entry.second[keys[idx]];
        if (!value) {
          return core::InvalidArgumentError(YamlWhere(path, entry.second) + ": missing key '" +
                                            keys[idx] + "'");
        }
        auto cents = core::Cents::Parse(value.Scalar());
        if (!cents.ok() || cents->value() <= 0) {
          return core::InvalidArgumentError(YamlWhere(path, value) + ": unit mismatch: '" +
                                            value.Scalar() + "' is not a positive euro amount");
        }
        ceilings[idx] = *cents;
      }
      muni.kdu_bruttokaltmiete.emplace_back(date, ceilings);
      previous = &muni.kdu_bruttokaltmiete.back().first;
    }
    municipalities_[muni.ags] = std::move(muni);
  }
  return core::Status::Ok();
}

core::Result<LocalRules> LocalRules::LoadEmbedded() {
  LocalRules rules;
  for (const auto& resource : resources::List("law/local/")) {
    if (resource.path.size() > 5 && resource.path.substr(resource.path.size() - 5) == ".yaml") {
      AMIP_RETURN_IF_ERROR(rules.AddFile(resource.path, resource.content));
    }
  }
  return rules;
}

core::Result<const Municipality*> LocalRules::Find(std::string_view ags_or_name) const {
  auto it = municipalities_.find(std::string(ags_or_name));
  if (it != municipalities_.end()) return &it->second;
  for (const auto& [ags, muni] : municipalities_) {
    if (muni.name == ags_or_name) return &muni;
  }
  return core::NotFoundError("unknown municipality '" + std::string(ags_or_name) +
                             "' (law/local/ has no entry with this AGS or name)");
}

core::Result<KduCeiling> LocalRules::KduCeilingFor(std::string_view ags_or_name, int persons,
                                                   core::Date date) const {
  AMIP_ASSIGN_OR_RETURN(const Municipality* muni, Find(ags_or_name));
  const std::array<core::Cents, 7>* row = nullptr;
  core::Date from;
  for (const auto& [valid_from, ceilings] : muni->kdu_bruttokaltmiete) {
    if (valid_from <= date) {
      row = &ceilings;
      from = valid_from;
    }
  }
  if (row == nullptr) {
    return core::OutOfRangeError("no KdU ceiling for " + muni->name + " before " +
                                 (muni->kdu_bruttokaltmiete.empty()
                                      ? std::string("any date")
                                      : muni->kdu_bruttokaltmiete.front().first.ToString()) +
                                 " (asked for " + date.ToString() + ")");
  }
  if (persons < 1) return core::InvalidArgumentError("household size must be at least 1");
  core::Cents amount = persons <= 5 ? (*row)[persons] : (*row)[5] + (*row)[6] * (persons - 5);
  return KduCeiling{amount, from,
                    muni->file + ": " + muni->name + " (AGS " + muni->ags + "), " +
                        std::to_string(persons) + " person(s), since " + from.ToString() + " (" +
                        muni->status + ")"};
}

core::Result<int> LocalRules::MietstufeFor(std::string_view ags_or_name, core::Date date) const {
  AMIP_ASSIGN_OR_RETURN(const Municipality* muni, Find(ags_or_name));
  int found = 0;
  for (const auto& [valid_from, stufe] : muni->mietstufe) {
    if (valid_from <= date) found = stufe;
  }
  if (found == 0) {
    return core::OutOfRangeError("no Mietstufe for " + muni->name + " on " + date.ToString());
  }
  return found;
}

core::Result<const LocalRules*> EmbeddedLocalRules() {
  static const auto* kLoaded = new core::Result<LocalRules>(LocalRules::LoadEmbedded());
  if (!kLoaded->ok()) return kLoaded->status();
  return &kLoaded->value();
}

}  // namespace amip::law
