#include "synth/profile.h"

#include <initializer_list>
#include <set>
#include <sstream>
#include <type_traits>

#include "contract/instrument_catalogue.h"
#include "fileio/read_file.h"
#include "resources/resources.h"
#include "yamlio/document.h"
#include "yamlio/reader.h"

namespace amip::synth {
namespace {

using yamlio::Where;

// Reads one YAML mapping strictly and keeps the first error: every key must be consumed
// (Finish), values are read with yamlio's typed readers (no list or map where one value is
// expected, no nan/hex numbers); duplicate keys and NUL are rejected by yamlio::Parse.
class MapReader {
 public:
  MapReader(const yamlio::Node& node, const std::string& file) : node_(node), file_(file) {
    if (!node.IsMap()) {
      status_ = yamlio::Error(file, node, "Abschnitt",
                              std::string("erwartet Schlüssel: Wert, gefunden ") +
                                  yamlio::KindName(node.kind()));
    }
  }

  bool Has(const char* key) const { return status_.ok() && node_[key].IsDefined(); }
  const yamlio::Node& Raw(const char* key) {
    used_.insert(key);
    return node_[key];
  }

  template <typename T>
  void Get(const char* key, T* out, bool required = false) {
    if (!status_.ok()) return;
    used_.insert(key);
    const yamlio::Node& value = node_[key];
    if (!value.IsDefined()) {
      if (required) {
        status_ = core::InvalidArgumentError(Where(file_, node_) + ": Schlüssel '" +
                                             std::string(key) + "' fehlt");
      }
      return;
    }
    if constexpr (std::is_same_v<T, std::vector<double>>) {
      core::Result<const std::vector<yamlio::Node>*> items = yamlio::Items(file_, value, key);
      if (!items.ok()) {
        status_ = items.status();
        return;
      }
      std::vector<double> numbers;
      for (const yamlio::Node& item : **items) {
        core::Result<double> number = yamlio::Number(file_, item, key);
        if (!number.ok()) {
          status_ = number.status();
          return;
        }
        numbers.push_back(*number);
      }
      *out = std::move(numbers);
    } else {
      core::Result<T> read = yamlio::Read<T>(file_, value, key);
      if (!read.ok()) {
        status_ = read.status();
        return;
      }
      *out = std::move(*read);
    }
  }

  void GetMonth(const char* key, core::Month* out, bool required = true) {
    std::string text;
    Get(key, &text, required);
    if (!status_.ok() || text.empty()) return;
    auto parsed = core::Month::Parse(text);
    if (!parsed.ok()) {
      Fail(key, text, parsed.status().message());
      return;
    }
    *out = *parsed;
  }

  void GetCents(const char* key, core::Cents* out, bool required = false) {
    if (!status_.ok() || (!required && !node_[key].IsDefined())) {
      used_.insert(key);
      return;
    }
    Get(key, out, required);
    if (status_.ok() && out->value() < 0) Fail(key, out->ToString(), "darf nicht negativ sein");
  }

  void Fail(const char* key, const std::string& value, const std::string& reason) {
    if (!status_.ok()) return;
    status_ = core::InvalidArgumentError(Where(file_, node_[key].IsDefined() ? node_[key] : node_) +
                                         ": " + key + " '" + value + "': " + reason);
  }
  void SetError(core::Status status) {
    if (status_.ok()) status_ = std::move(status);
  }

  // Rejects keys outside `known` right away (before required-key checks).
  void RejectUnknown(std::initializer_list<std::string_view> known) {
    if (!status_.ok()) return;
    status_ = yamlio::CheckKeys(file_, node_, "Profil", known);
  }

  // Rejects keys that were never read.
  core::Status Finish() {
    if (!status_.ok()) return status_;
    for (const yamlio::MapEntry& item : node_.entries()) {
      if (!used_.count(item.key.scalar())) {
        std::string list;
        for (const std::string& name : used_) list += (list.empty() ? "" : ", ") + name;
        return core::InvalidArgumentError(Where(file_, item.key) + ": unbekannter Schlüssel '" +
                                          item.key.scalar() + "' (erlaubt: " + list + ")");
      }
    }
    return core::Status::Ok();
  }
  const core::Status& status() const { return status_; }

 private:
  const yamlio::Node& node_;
  const std::string& file_;
  std::set<std::string> used_;
  core::Status status_;
};

core::Status RequireSequence(const yamlio::Node& node, const std::string& file, const char* what) {
  if (!node.IsDefined() || node.IsSequence()) return core::Status::Ok();
  return core::InvalidArgumentError(Where(file, node) + ": '" + what + "' muss eine Liste sein");
}

core::Result<std::vector<Weighted>> ParseWeights(const yamlio::Node& node, const std::string& file,
                                                 const char* what) {
  std::vector<Weighted> out;
  if (!node.IsDefined()) return out;
  if (!node.IsMap()) {
    return core::InvalidArgumentError(Where(file, node) + ": '" + what +
                                      "' muss Codes auf Gewichte abbilden (Code: Gewicht)");
  }
  for (const yamlio::MapEntry& item : node.entries()) {
    Weighted weighted;
    weighted.code = item.key.scalar();
    AMIP_ASSIGN_OR_RETURN(weighted.weight, yamlio::Number(file, item.value, weighted.code));
    if (weighted.weight < 0) {
      return core::InvalidArgumentError(Where(file, item.value) + ": Gewicht darf nicht negativ sein");
    }
    out.push_back(weighted);
  }
  return out;
}

core::Result<Target> ParseTarget(const yamlio::Node& node, const std::string& file) {
  MapReader reader(node, file);
  Target target;
  reader.Get("quantity", &target.quantity, true);
  reader.Get("label", &target.label, true);
  reader.Get("target", &target.target, true);
  reader.Get("source", &target.source, true);
  std::string kind = "relative";
  reader.Get("tolerance_kind", &kind);
  if (kind == "relative") {
    target.tolerance_kind = ToleranceKind::kRelative;
  } else if (kind == "absolute") {
    target.tolerance_kind = ToleranceKind::kAbsolute;
  } else if (kind == "range") {
    target.tolerance_kind = ToleranceKind::kRange;
  } else if (kind == "exact") {
    target.tolerance_kind = ToleranceKind::kExact;
  } else {
    reader.Fail("tolerance_kind", kind, "erlaubt: relative, absolute, range, exact");
  }
  reader.Get("tolerance", &target.tolerance, target.tolerance_kind == ToleranceKind::kRelative ||
                                                 target.tolerance_kind == ToleranceKind::kAbsolute);
  reader.Get("min", &target.range_min, target.tolerance_kind == ToleranceKind::kRange);
  reader.Get("max", &target.range_max, target.tolerance_kind == ToleranceKind::kRange);
  AMIP_RETURN_IF_ERROR(reader.Finish());
  return target;
}

core::Result<MeasurePlan> ParseMeasure(const yamlio::Node& node, const std::string& file) {
  MapReader reader(node, file);
  MeasurePlan plan;
  reader.Get("instrument", &plan.instrument, true);
  reader.Get("default_entries", &plan.default_entries);
  reader.Get("first_year", &plan.first_year);
  reader.Get("last_year", &plan.last_year);
  reader.Get("min_months", &plan.min_months, true);
  reader.Get("max_months", &plan.max_months, true);
  reader.GetCents("cost_per_month", &plan.cost_per_month, true);
  std::string funding = "egt";
  reader.Get("funding", &funding);
  auto parsed_funding = contract::ParseFunding(funding);
  if (!parsed_funding.ok()) {
    reader.Fail("funding", funding, parsed_funding.status().message());
  } else {
    plan.funding = *parsed_funding;
  }
  reader.Get("ba_from_year", &plan.ba_from_year);
  std::string link = "none";
  reader.Get("link", &link);
  if (link == "none") {
    plan.link = MeasureLink::kNone;
  } else if (link == "egz") {
    plan.link = MeasureLink::kEgz;
  } else if (link == "esg") {
    plan.link = MeasureLink::kEsg;
  } else if (link == "evl") {
    plan.link = MeasureLink::kEvl;
  } else if (link == "tam") {
    plan.link = MeasureLink::kTam;
  } else {
    reader.Fail("link", link, "erlaubt: none, egz, esg, evl, tam");
  }
  std::string group = "any";
  reader.Get("target_group", &group);
  if (group == "any") {
    plan.target_group = MeasureTarget::kAny;
  } else if (group == "long_term") {
    plan.target_group = MeasureTarget::kLongTerm;
  } else if (group == "young") {
    plan.target_group = MeasureTarget::kYoung;
  } else {
    reader.Fail("target_group", group, "erlaubt: any, long_term, young");
  }
  if (reader.Has("entries")) {
    const yamlio::Node& entries = reader.Raw("entries");
    if (!entries.IsMap()) {
      reader.SetError(core::InvalidArgumentError(Where(file, entries) +
                                                 ": 'entries' must map years to counts"));
    } else {
      for (const yamlio::MapEntry& item : entries.entries()) {
        PlanYear year;
        core::Result<int> year_number = yamlio::IntegerIn(file, item.key, "entries", 1900, 2200);
        core::Result<double> count = yamlio::Number(file, item.value, item.key.scalar());
        if (!year_number.ok() || !count.ok()) {
          reader.SetError(year_number.ok() ? count.status() : year_number.status());
          break;
        }
        year.year = *year_number;
        year.entries = *count;
        plan.entries.push_back(year);
      }
    }
  }
  if (reader.status().ok()) {
    static const auto catalogue = contract::LoadInstrumentCatalogue();
    if (!catalogue.ok()) return catalogue.status();
    if (catalogue->Find(plan.instrument) == nullptr) {
      reader.Fail("instrument", plan.instrument,
                  "nicht im Instrumentenkatalog (" + catalogue->CodeList() + ")");
    }
  }
  if (plan.min_months < 1 || plan.max_months < plan.min_months) {
    reader.Fail("max_months", std::to_string(plan.max_months), "braucht 1 <= min_months <= max_months");
  }
  AMIP_RETURN_IF_ERROR(reader.Finish());
  return plan;
}

// The model's values in range: probabilities in [0, 1], positive mix and rates, a BG path, five rents.
core::Status CheckModel(const yamlio::Node& node, const std::string& file, const Model& model) {
  const std::pair<const char*, double> probabilities[] = {
      {"population_under_age_limit_share", model.population_under_age_limit_share},
      {"single_female_share", model.single_female_share},
      {"single_parent_female_share", model.single_parent_female_share},
      {"nef_adult_share", model.nef_adult_share},
      {"severely_disabled_share", model.severely_disabled_share},
      {"stayer_share", model.stayer_share},
      {"exit_mover", model.exit_mover},
      {"exit_stayer", model.exit_stayer},
      {"reentry_share", model.reentry_share},
      {"integration_f", model.integration_f},
      {"integration_m", model.integration_m},
      {"integration_exit_extra", model.integration_exit_extra},
      {"fulltime_share_m", model.fulltime_share_m},
      {"fulltime_share_f", model.fulltime_share_f},
      {"job_end_rate", model.job_end_rate},
      {"minijob_rate", model.minijob_rate},
      {"minijob_end_rate", model.minijob_end_rate},
      {"employed_at_entry_share", model.employed_at_entry_share},
      {"split_rate", model.split_rate},
      {"partner_join_rate", model.partner_join_rate},
      {"birth_rate", model.birth_rate},
      {"move_rate", model.move_rate},
      {"move_other_jc_rate", model.move_other_jc_rate},
      {"registration_mover", model.registration_mover},
      {"registration_stayer", model.registration_stayer},
      {"registration_young_child", model.registration_young_child},
      {"deregistration_rate", model.deregistration_rate},
  };
  for (const auto& [name, value] : probabilities) {
    if (!(value >= 0.0 && value <= 1.0)) {
      return core::InvalidArgumentError(Where(file, node) + ": model." + name + " = " +
                                        std::to_string(value) + " ist keine Wahrscheinlichkeit in [0, 1]");
    }
  }
  if (model.mix_single + model.mix_single_parent + model.mix_couple +
          model.mix_couple_children <= 0 ||
      model.early_months <= 0 || model.job_end_rate <= 0 || model.minijob_end_rate <= 0) {
    return core::InvalidArgumentError(Where(file, node) +
                                      ": Haushaltsmix, early_months und die Job-Endraten müssen > 0 sein");
  }
  if (model.bg_path.empty()) {
    return core::InvalidArgumentError(Where(file, node) + ": model.bg_path fehlt");
  }
  if (model.rent_by_size.size() != 5) {
    return core::InvalidArgumentError(Where(file, node) + ": rent_by_size braucht 5 Werte");
  }
  return core::Status::Ok();
}

core::Status ParseModel(const yamlio::Node& node, const std::string& file, Model* model) {
  MapReader reader(node, file);
  if (reader.Has("bg_path")) {
    const yamlio::Node& path = reader.Raw("bg_path");
    AMIP_RETURN_IF_ERROR(RequireSequence(path, file, "bg_path"));
    for (const yamlio::Node& point_node : path.items()) {
      MapReader point_reader(point_node, file);
      PathPoint point;
      point_reader.GetMonth("month", &point.month);
      point_reader.Get("bgs", &point.value, true);
      AMIP_RETURN_IF_ERROR(point_reader.Finish());
      if (!model->bg_path.empty() && point.month <= model->bg_path.back().month) {
        return core::InvalidArgumentError(Where(file, point_node) +
                                          ": bg_path months must be increasing");
      }
      model->bg_path.push_back(point);
    }
  }
  reader.Get("population_under_age_limit_share", &model->population_under_age_limit_share);
  reader.Get("age_limit", &model->age_limit);
  reader.Get("mix_single", &model->mix_single);
  reader.Get("mix_single_parent", &model->mix_single_parent);
  reader.Get("mix_couple", &model->mix_couple);
  reader.Get("mix_couple_children", &model->mix_couple_children);
  reader.Get("children_weights", &model->children_weights);
  reader.Get("adult_age_weights", &model->adult_age_weights);
  reader.Get("single_female_share", &model->single_female_share);
  reader.Get("single_parent_female_share", &model->single_parent_female_share);
  reader.Get("nef_adult_share", &model->nef_adult_share);
  reader.Get("severely_disabled_share", &model->severely_disabled_share);
  {
    auto weights = ParseWeights(reader.Raw("qualification"), file, "qualification");
    if (!weights.ok()) return weights.status();
    model->qualification = *weights;
  }
  {
    auto weights = ParseWeights(reader.Raw("nationality"), file, "nationality");
    if (!weights.ok()) return weights.status();
    model->nationality = *weights;
  }
  {
    auto weights = ParseWeights(reader.Raw("profillage"), file, "profillage");
    if (!weights.ok()) return weights.status();
    model->profillage = *weights;
  }
  reader.Get("stayer_share", &model->stayer_share);
  reader.Get("exit_mover", &model->exit_mover);
  reader.Get("exit_stayer", &model->exit_stayer);
  reader.Get("early_boost", &model->early_boost);
  reader.Get("early_months", &model->early_months);
  reader.Get("reentry_share", &model->reentry_share);
  reader.Get("reentry_window_months", &model->reentry_window_months);
  reader.Get("integration_f", &model->integration_f);
  reader.Get("integration_m", &model->integration_m);
  reader.Get("integration_stayer_factor", &model->integration_stayer_factor);
  reader.Get("integration_single_parent_factor", &model->integration_single_parent_factor);
  reader.Get("integration_training_share", &model->integration_training_share);
  reader.Get("integration_self_share", &model->integration_self_share);
  reader.Get("integration_exit_extra", &model->integration_exit_extra);
  reader.Get("fulltime_share_m", &model->fulltime_share_m);
  reader.Get("fulltime_share_f", &model->fulltime_share_f);
  reader.GetCents("fulltime_gross_mean", &model->fulltime_gross_mean);
  reader.GetCents("parttime_gross_mean", &model->parttime_gross_mean);
  reader.GetCents("training_gross_mean", &model->training_gross_mean);
  reader.Get("job_end_rate", &model->job_end_rate);
  reader.Get("minijob_rate", &model->minijob_rate);
  reader.Get("minijob_end_rate", &model->minijob_end_rate);
  reader.GetCents("minijob_gross", &model->minijob_gross);
  reader.Get("public_rate", &model->public_rate);
  reader.Get("volunteer_rate", &model->volunteer_rate);
  reader.Get("employed_at_entry_share", &model->employed_at_entry_share);
  reader.Get("split_rate", &model->split_rate);
  reader.Get("partner_join_rate", &model->partner_join_rate);
  reader.Get("birth_rate", &model->birth_rate);
  reader.Get("move_rate", &model->move_rate);
  reader.Get("move_other_jc_rate", &model->move_other_jc_rate);
  reader.Get("registration_mover", &model->registration_mover);
  reader.Get("registration_stayer", &model->registration_stayer);
  reader.Get("registration_young_child", &model->registration_young_child);
  reader.Get("deregistration_rate", &model->deregistration_rate);
  reader.Get("rent_by_size", &model->rent_by_size);
  reader.Get("heating_share", &model->heating_share);
  reader.Get("rent_growth", &model->rent_growth);
  reader.Get("rent_base_year", &model->rent_base_year);
  reader.Get("sqm_per_rent_euro", &model->sqm_per_rent_euro);
  reader.Get("rent_sd", &model->rent_sd);
  reader.Get("measure_entry_sd", &model->measure_entry_sd);
  reader.GetCents("contributions_per_elb", &model->contributions_per_elb);
  if (reader.Has("measures")) {
    const yamlio::Node& measures = reader.Raw("measures");
    AMIP_RETURN_IF_ERROR(RequireSequence(measures, file, "measures"));
    for (const yamlio::Node& measure_node : measures.items()) {
      AMIP_ASSIGN_OR_RETURN(MeasurePlan plan, ParseMeasure(measure_node, file));
      model->measures.push_back(std::move(plan));
    }
  }
  AMIP_RETURN_IF_ERROR(reader.Finish());
  return CheckModel(node, file, *model);
}

core::Result<JobcenterSpec> ParseJobcenter(const yamlio::Node& node, const std::string& file) {
  MapReader reader(node, file);
  JobcenterSpec jc;
  reader.Get("id", &jc.id, true);
  reader.Get("name", &jc.name, true);
  std::string kind = "ge";
  reader.Get("kind", &kind);
  auto parsed_kind = contract::ParseJcKind(kind);
  if (!parsed_kind.ok()) {
    reader.Fail("kind", kind, parsed_kind.status().message());
  } else {
    jc.kind = *parsed_kind;
  }
  reader.Get("weight", &jc.weight);
  const yamlio::Node& municipalities = reader.Raw("municipalities");
  AMIP_RETURN_IF_ERROR(reader.status());
  AMIP_RETURN_IF_ERROR(RequireSequence(municipalities, file, "municipalities"));
  for (const yamlio::Node& mun_node : municipalities.items()) {
    MapReader mun_reader(mun_node, file);
    MunicipalitySpec mun;
    mun_reader.Get("ags", &mun.ags, true);
    mun_reader.Get("name", &mun.name, true);
    mun_reader.Get("population", &mun.population, true);
    mun_reader.Get("rate_factor", &mun.rate_factor);
    mun_reader.Get("integration_factor", &mun.integration_factor);
    mun_reader.Get("young_integration_factor", &mun.young_integration_factor);
    AMIP_RETURN_IF_ERROR(mun_reader.Finish());
    if (mun.ags.size() != 8 || mun.ags.find_first_not_of("0123456789") != std::string::npos) {
      return core::InvalidArgumentError(Where(file, mun_node) + ": ags '" + mun.ags +
                                        "' hat nicht 8 Ziffern");
    }
    jc.municipalities.push_back(mun);
  }
  AMIP_RETURN_IF_ERROR(reader.Finish());
  if (jc.municipalities.empty()) {
    return core::InvalidArgumentError(Where(file, node) + ": Jobcenter ohne Gemeinden");
  }
  return jc;
}

core::Result<Profile> ParseRoot(const yamlio::Node& root, const std::string& file) {
  MapReader reader(root, file);
  reader.RejectUnknown({"profile", "description", "first_month", "last_month", "reference_month",
                        "unemployment_month", "amounts_year", "plan_year", "jobcenters",
                        "generated_jobcenters", "model", "targets", "earliest_entry_month"});
  Profile profile;
  profile.source = file;
  reader.Get("profile", &profile.name, true);
  reader.Get("description", &profile.description, true);
  reader.GetMonth("first_month", &profile.first_month);
  reader.GetMonth("last_month", &profile.last_month);
  reader.GetMonth("reference_month", &profile.reference_month);
  reader.GetMonth("earliest_entry_month", &profile.earliest_entry_month, false);
  reader.GetMonth("unemployment_month", &profile.unemployment_month);
  reader.Get("amounts_year", &profile.amounts_year, true);
  reader.Get("plan_year", &profile.plan_year, true);
  AMIP_RETURN_IF_ERROR(reader.status());
  if (reader.Has("jobcenters")) {
    const yamlio::Node& jcs = reader.Raw("jobcenters");
    AMIP_RETURN_IF_ERROR(RequireSequence(jcs, file, "jobcenters"));
    for (const yamlio::Node& jc_node : jcs.items()) {
      AMIP_ASSIGN_OR_RETURN(JobcenterSpec jc, ParseJobcenter(jc_node, file));
      profile.jobcenters.push_back(std::move(jc));
    }
  }
  if (reader.Has("generated_jobcenters")) {
    MapReader gen_reader(reader.Raw("generated_jobcenters"), file);
    auto& gen = profile.generated;
    gen_reader.Get("count", &gen.count, true);
    gen_reader.Get("min_elb", &gen.min_elb, true);
    gen_reader.Get("max_elb", &gen.max_elb, true);
    gen_reader.Get("size_skew", &gen.size_skew);
    gen_reader.Get("min_municipalities", &gen.min_municipalities, true);
    gen_reader.Get("max_municipalities", &gen.max_municipalities, true);
    gen_reader.Get("population_per_bg", &gen.population_per_bg, true);
    gen_reader.Get("zkt_count", &gen.zkt_count);
    AMIP_RETURN_IF_ERROR(gen_reader.Finish());
    if (gen.zkt_count > gen.count) {
      return core::InvalidArgumentError(file + ": generated_jobcenters.zkt_count " +
                                        std::to_string(gen.zkt_count) + " ist größer als count " +
                                        std::to_string(gen.count));
    }
  }
  if (!reader.Has("model")) {
    return core::InvalidArgumentError(Where(file, root) + ": Schlüssel 'model' fehlt");
  }
  AMIP_RETURN_IF_ERROR(ParseModel(reader.Raw("model"), file, &profile.model));
  if (reader.Has("targets")) {
    const yamlio::Node& targets = reader.Raw("targets");
    AMIP_RETURN_IF_ERROR(RequireSequence(targets, file, "targets"));
    for (const yamlio::Node& target_node : targets.items()) {
      AMIP_ASSIGN_OR_RETURN(Target target, ParseTarget(target_node, file));
      profile.targets.push_back(std::move(target));
    }
  }
  AMIP_RETURN_IF_ERROR(reader.Finish());
  if (profile.jobcenters.empty() && profile.generated.count <= 0) {
    return core::InvalidArgumentError(file + ": braucht 'jobcenters' oder 'generated_jobcenters'");
  }
  if (profile.last_month < profile.first_month ||
      profile.reference_month < profile.first_month ||
      profile.last_month < profile.reference_month) {
    return core::InvalidArgumentError(file +
                                      ": braucht first_month <= reference_month <= last_month");
  }
  return profile;
}

}  // namespace

core::Result<Profile> ParseProfile(std::string_view yaml_text, const std::string& file) {
  AMIP_ASSIGN_OR_RETURN(const yamlio::Document doc, yamlio::Parse(yaml_text, file));
  return ParseRoot(doc.root, file);
}

core::Result<Profile> LoadProfile(const std::string& name_or_path) {
  const std::string resource = "data/profiles/" + name_or_path + ".yaml";
  if (auto embedded = resources::Find(resource)) return ParseProfile(*embedded, resource);
  if (auto embedded = resources::Find(name_or_path)) return ParseProfile(*embedded, name_or_path);
  core::Result<std::string> text = fileio::ReadRegularFile(name_or_path, fileio::kMaxYamlBytes);
  if (text.status().code() == core::StatusCode::kNotFound) {
    std::string known;
    for (const auto& name : ProfileNames()) known += (known.empty() ? "" : ", ") + name;
    return core::NotFoundError("profile '" + name_or_path +
                               "' is neither an embedded profile (" + known +
                               ") nor a readable file");
  }
  if (!text.ok()) return text.status();
  return ParseProfile(*text, name_or_path);
}

std::vector<std::string> ProfileNames() {
  std::vector<std::string> names;
  for (const auto& resource : resources::List("data/profiles/")) {
    std::string_view path = resource.path;
    if (path.size() < 5 || path.substr(path.size() - 5) != ".yaml") continue;
    path.remove_prefix(std::string_view("data/profiles/").size());
    path.remove_suffix(5);
    names.emplace_back(path);
  }
  return names;
}

}  // namespace amip::synth
