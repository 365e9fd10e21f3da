#include "law/local_rules.h"

#include <set>

#include "yamlio/document.h"
#include "yamlio/reader.h"
#include "resources/resources.h"

namespace amip::law {
namespace {

core::Result<core::Date> DateKey(std::string_view file, const yamlio::Node& key,
                                 const core::Date* previous) {
  auto date = core::Date::Parse(key.scalar());
  if (!date.ok()) {
    return core::InvalidArgumentError(yamlio::Where(file, key) + ": malformed date '" + key.scalar() +
                                      "': " + date.status().message());
  }
  if (previous != nullptr && !(*previous < *date)) {
    return core::InvalidArgumentError(yamlio::Where(file, key) + ": date " + key.scalar() +
                                      " is not after " + previous->ToString() +
                                      " (dates must be sorted ascending)");
  }
  return *date;
}

}  // namespace

core::Status LocalRules::AddFile(std::string_view path, std::string_view text) {
  AMIP_ASSIGN_OR_RETURN(const yamlio::Document parsed, yamlio::Parse(text, path));
  const yamlio::Node& doc = parsed.root;
  AMIP_RETURN_IF_ERROR(yamlio::CheckKeys(path, doc, "local rules",
                                         {"kreis", "ags_kreis", "status", "source", "municipalities"}));
  std::string status;
  if (doc["status"]) {
    AMIP_ASSIGN_OR_RETURN(status, yamlio::Text(path, doc["status"], "status"));
  }
  if (status != "assumption" && status != "official") {
    return core::InvalidArgumentError(std::string(path) +
                                      ": 'status' must be 'assumption' or 'official'");
  }
  std::string source;
  if (doc["source"]) {
    AMIP_ASSIGN_OR_RETURN(source, yamlio::Text(path, doc["source"], "source"));
  }
  if (source.empty()) return core::InvalidArgumentError(std::string(path) + ": 'source' missing");
  AMIP_ASSIGN_OR_RETURN(const std::vector<yamlio::MapEntry>* municipalities,
                        yamlio::Entries(path, doc["municipalities"], "municipalities"));
  for (const yamlio::MapEntry& item : *municipalities) {
    Municipality muni;
    muni.ags = item.key.scalar();
    muni.file = std::string(path);
    muni.status = status;
    muni.source = source;
    const yamlio::Node& body = item.value;
    AMIP_RETURN_IF_ERROR(yamlio::CheckKeys(path, body, "municipality " + muni.ags,
                                           {"name", "mietstufe", "kdu_bruttokaltmiete"}));
    AMIP_ASSIGN_OR_RETURN(muni.name, yamlio::Text(path, body["name"], "name"));
    const core::Date* previous = nullptr;
    AMIP_ASSIGN_OR_RETURN(const std::vector<yamlio::MapEntry>* stufen,
                          yamlio::Entries(path, body["mietstufe"], "mietstufe"));
    for (const yamlio::MapEntry& entry : *stufen) {
      AMIP_ASSIGN_OR_RETURN(core::Date date, DateKey(path, entry.key, previous));
      AMIP_ASSIGN_OR_RETURN(const int stufe,
                            yamlio::IntegerIn(path, entry.value, "mietstufe", 1, 7));
      muni.mietstufe.emplace_back(date, stufe);
      previous = &muni.mietstufe.back().first;
    }
    previous = nullptr;
    AMIP_ASSIGN_OR_RETURN(const std::vector<yamlio::MapEntry>* ceilings_by_date,
                          yamlio::Entries(path, body["kdu_bruttokaltmiete"], "kdu_bruttokaltmiete"));
    for (const yamlio::MapEntry& entry : *ceilings_by_date) {
      AMIP_ASSIGN_OR_RETURN(core::Date date, DateKey(path, entry.key, previous));
      AMIP_RETURN_IF_ERROR(yamlio::CheckKeys(path, entry.value, "kdu_bruttokaltmiete " + entry.key.scalar(),
                                             {"1", "2", "3", "4", "5", "je_weitere"}));
      std::array<core::Cents, 7> ceilings{};
      const char* keys[] = {"", "1", "2", "3", "4", "5", "je_weitere"};
      for (int idx = 1; idx <= 6; ++idx) {
        const yamlio::Node& value = entry.value[keys[idx]];
        if (!value) {
          return core::InvalidArgumentError(yamlio::Where(path, entry.value) + ": missing key '" +
                                            keys[idx] + "'");
        }
        AMIP_ASSIGN_OR_RETURN(core::Cents cents, yamlio::Money(path, value, keys[idx]));
        if (cents.value() <= 0) {
          return core::InvalidArgumentError(yamlio::Where(path, value) + ": unit mismatch: '" +
                                            value.scalar() + "' is not a positive euro amount");
        }
        ceilings[idx] = cents;
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

namespace {

struct KduRow {
  const std::array<core::Cents, 7>* ceilings = nullptr;
  core::Date from;
};

// The ceilings in force on `date`.
core::Result<KduRow> KduRowFor(const Municipality& muni, core::Date date) {
  KduRow row;
  for (const auto& [valid_from, ceilings] : muni.kdu_bruttokaltmiete) {
    if (valid_from <= date) row = {&ceilings, valid_from};
  }
  if (row.ceilings == nullptr) {
    return core::OutOfRangeError("no KdU ceiling for " + muni.name + " before " +
                                 (muni.kdu_bruttokaltmiete.empty()
                                      ? std::string("any date")
                                      : muni.kdu_bruttokaltmiete.front().first.ToString()) +
                                 " (asked for " + date.ToString() + ")");
  }
  return row;
}

core::Cents CeilingOfRow(const std::array<core::Cents, 7>& row, int persons) {
  return persons <= 5 ? row[persons] : row[5] + row[6] * (persons - 5);
}

}  // namespace

core::Result<const Municipality*> LocalRules::Find(std::string_view ags_or_name) const {
  auto it = municipalities_.find(ags_or_name);
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
  AMIP_ASSIGN_OR_RETURN(const KduRow row, KduRowFor(*muni, date));
  if (persons < 1) return core::InvalidArgumentError("household size must be at least 1");
  return KduCeiling{CeilingOfRow(*row.ceilings, persons), row.from,
                    muni->file + ": " + muni->name + " (AGS " + muni->ags + "), " +
                        std::to_string(persons) + " person(s), since " + row.from.ToString() + " (" +
                        muni->status + ")"};
}

core::Result<core::Cents> LocalRules::KduCeilingAmountFor(std::string_view ags_or_name, int persons,
                                                          core::Date date) const {
  AMIP_ASSIGN_OR_RETURN(const Municipality* muni, Find(ags_or_name));
  AMIP_ASSIGN_OR_RETURN(const KduRow row, KduRowFor(*muni, date));
  if (persons < 1) return core::InvalidArgumentError("household size must be at least 1");
  return CeilingOfRow(*row.ceilings, persons);
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
