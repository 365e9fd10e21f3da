// Calibrate: measures the profile's targets on an extract with the engines' binding
// definitions (docs/generator.md, "Calibration report"; kennzahlen.md "Engine decisions").
#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <optional>
#include <string>

#include "benefits/bg_household.h"
#include "budget/cash.h"
#include "budget/plan.h"
#include "indicators/catalogue.h"
#include "indicators/kennzahlen.h"
#include "indicators/lzb.h"
#include "law/law_snapshot.h"
#include "law/local_rules.h"
#include "synth/generator.h"

namespace amip::synth {
namespace {

using contract::BenefitStatus;
using contract::EmploymentKind;
using core::Date;
using core::Month;

// Row ranges per person of a table sorted by person.
template <typename Rows>
std::vector<uint32_t> PersonOffsets(const Rows& rows, size_t person_count) {
  std::vector<uint32_t> offsets(person_count + 1, 0);
  for (const auto& row : rows) ++offsets[static_cast<size_t>(row.person) + 1];
  for (size_t idx = 0; idx < person_count; ++idx) offsets[idx + 1] += offsets[idx];
  return offsets;
}

struct Measurements {
  std::map<std::string, double> values;
  void Set(const std::string& key, double value) { values[key] = value; }
};

double Share(double part, double whole) { return whole > 0 ? 100.0 * part / whole : 0.0; }

// `lzb_rule`: the LZB rule of the indicator catalogue; `u25_unter`: the U25 age of SGB II.
Measurements Measure(const contract::Extract& extract, const Profile& profile,
                     const indicators::LzbDefinition& lzb_rule, int u25_unter) {
  Measurements result;
  const Month ref = profile.reference_month;
  const Month ue_month = profile.unemployment_month;
  // Count days needed: ref-24 .. max(ref, ue_month).
  const Month lo = ref - 24;
  const Month hi = std::max(ref, ue_month);
  const int32_t span = hi - lo + 1;
  std::vector<int32_t> st(static_cast<size_t>(span));
  for (int32_t k = 0; k < span; ++k) st[static_cast<size_t>(k)] = extract.CountDay(lo + k).days();
  auto st_of = [&](Month m) { return st[static_cast<size_t>(m - lo)]; };

  const size_t person_count = extract.persons.size();
  const auto spell_off = PersonOffsets(extract.benefit_spells, person_count);
  const auto job_off = PersonOffsets(extract.employment_spells, person_count);
  const auto ue_off = PersonOffsets(extract.unemployment_spells, person_count);

  int64_t population = 0;
  for (const auto& mun : extract.municipalities) population += mun.population;

  double elb = 0, nef = 0, elb_f = 0, elb_m = 0;
  double lzb = 0, lzb_f = 0, lzb_m = 0, lzb_prev = 0;
  double aufstocker = 0, unemployed = 0, lzb_unemployed = 0;
  double no_qualification = 0, single_parents = 0, under25 = 0, disabled = 0;
  std::map<std::string, double> profillage;
  double profillage_total = 0, profillage_never_elb = 0;
  std::vector<int32_t> bg_size(extract.bg_ids.size(), 0);
  std::vector<double> elb_by_jc(extract.jobcenters.size(), 0);
  std::vector<double> persons_by_mun(extract.municipalities.size(), 0);
  // K2 over the 12 months ending at ref.
  double integrations[3] = {0, 0, 0};  // all, f, m
  double integrations_sp = 0;
  double stock_sum[3] = {0, 0, 0};
  double stock_sp = 0;
  double entries = 0, exits = 0, stock_now_sum = 0, stock_prev_sum = 0;
  double elb_months_year = 0;  // ELB on the count days of amounts_year (within lo..hi)
  const Month year_first = Month::FromYm(profile.amounts_year, 1);

  std::vector<int32_t> jc_at(static_cast<size_t>(span));
  std::vector<char> sp_at(static_cast<size_t>(span));
  std::vector<int32_t> months_done;
  indicators::ElbIntervals elb_spells;  // of the current person
  for (size_t person = 0; person < person_count; ++person) {
    const uint32_t begin = spell_off[person];
    const uint32_t end = spell_off[person + 1];
    if (begin == end) continue;
    const contract::Person& info = extract.persons[person];
    const bool female = info.sex == contract::Sex::kF;
    const bool male = info.sex == contract::Sex::kM;
    auto spell_at = [&](int32_t day) -> const contract::BenefitSpell* {
      for (uint32_t row = begin; row < end; ++row) {
        const auto& spell = extract.benefit_spells[row];
        if (spell.start.days() <= day && (!spell.end || spell.end->days() >= day)) return &spell;
      }
      return nullptr;
    };
    elb_spells.Clear();
    for (uint32_t row = begin; row < end; ++row) {
      const auto& spell = extract.benefit_spells[row];
      if (spell.status == BenefitStatus::kElb) {
        elb_spells.Add(spell.start.days(), spell.end ? spell.end->days() : indicators::ElbIntervals::kOpenEnd);
      }
    }
    for (int32_t k = 0; k < span; ++k) {
      const auto* spell = spell_at(st[static_cast<size_t>(k)]);
      const bool is_elb = spell != nullptr && spell->status == BenefitStatus::kElb;
      jc_at[static_cast<size_t>(k)] = is_elb ? spell->jc : -1;
      sp_at[static_cast<size_t>(k)] = is_elb && spell->single_parent;
    }
    auto elb_in = [&](Month m) { return jc_at[static_cast<size_t>(m - lo)] >= 0; };
    for (Month m = std::max(year_first, lo); m <= std::min(year_first + 11, hi); ++m) {
      if (elb_in(m)) elb_months_year += 1;
    }
    if (!info.profillage.empty()) {  // a Profillage is assessed for ELB only
      bool ever_elb = false;
      for (uint32_t row = begin; row < end && !ever_elb; ++row) {
        ever_elb = extract.benefit_spells[row].status == BenefitStatus::kElb;
      }
      if (!ever_elb) ++profillage_never_elb;
    }

    // Stocks at the reference count day.
    const int32_t ref_day = st_of(ref);
    if (const auto* spell = spell_at(ref_day)) {
      ++bg_size[static_cast<size_t>(spell->bg)];
      if (spell->municipality >= 0) ++persons_by_mun[static_cast<size_t>(spell->municipality)];
      if (spell->status == BenefitStatus::kNef) {
        ++nef;
      } else {
        ++elb;
        ++elb_by_jc[static_cast<size_t>(spell->jc)];
        if (female) ++elb_f;
        if (male) ++elb_m;
        if (info.vocational_qualification == contract::Qualification::kNone) ++no_qualification;
        if (spell->single_parent) ++single_parents;
        if (ref_day >= info.birth_date.days() &&
            benefits::AgeOn(info.birth_date, Date::FromDays(ref_day)) < u25_unter) {
          ++under25;
        }
        if (info.severely_disabled) ++disabled;
        if (!info.profillage.empty()) {
          profillage[info.profillage] += 1;
          ++profillage_total;
        }
        if (elb_spells.IsLzb(ref_day, lzb_rule)) {
          ++lzb;
          if (female) ++lzb_f;
          if (male) ++lzb_m;
        }
        for (uint32_t row = job_off[person]; row < job_off[person + 1]; ++row) {
          const auto& job = extract.employment_spells[row];
          if (job.kind == EmploymentKind::kVolunteer) continue;
          if (job.start.days() <= ref_day && (!job.end || job.end->days() >= ref_day)) {
            ++aufstocker;
            break;
          }
        }
      }
    }
    if (elb_in(ref - 12) && elb_spells.IsLzb(st_of(ref - 12), lzb_rule)) ++lzb_prev;
    // Registered unemployment at its count day.
    const int32_t ue_day = st_of(ue_month);
    if (elb_in(ue_month)) {
      for (uint32_t row = ue_off[person]; row < ue_off[person + 1]; ++row) {
        const auto& spell = extract.unemployment_spells[row];
        if (spell.start.days() <= ue_day && (!spell.end || spell.end->days() >= ue_day)) {
          ++unemployed;
          if (elb_spells.IsLzb(ue_day, lzb_rule)) ++lzb_unemployed;
          break;
        }
      }
    }
    // K2 denominators and flows.
    for (Month m = ref - 12; m <= ref - 1; ++m) {
      if (!elb_in(m)) continue;
      stock_sum[0] += 1;
      if (female) stock_sum[1] += 1;
      if (male) stock_sum[2] += 1;
      if (sp_at[static_cast<size_t>(m - lo)]) stock_sp += 1;
    }
    for (Month m = ref - 11; m <= ref; ++m) {
      const int32_t now = jc_at[static_cast<size_t>(m - lo)];
      const int32_t before = jc_at[static_cast<size_t>(m - 1 - lo)];
      if (now >= 0) stock_now_sum += 1;
      if (before >= 0) stock_prev_sum += 1;
      if (now >= 0 && now != before) entries += 1;
      if (before >= 0 && now != before) exits += 1;
    }
    // Integrations (binding rule incl. the Vor-Vormonat case), at most one per month.
    months_done.clear();
    for (uint32_t row = job_off[person]; row < job_off[person + 1]; ++row) {
      const auto& job = extract.employment_spells[row];
      if (job.kind != EmploymentKind::kSvb && job.kind != EmploymentKind::kTraining &&
          job.kind != EmploymentKind::kSelfEmployed) {
        continue;
      }
      Month k = job.start.ToMonth();
      if (k < lo + 2 || k > hi) continue;
      if (job.start.days() > st_of(k)) k = k + 1;
      if (k > hi) continue;
      Month reporting;
      if (elb_in(k - 1)) {
        reporting = k;
      } else if (k + 1 <= hi && elb_in(k) && !elb_in(k - 1)) {
        reporting = k + 1;
      } else {
        continue;
      }
      if (reporting < ref - 11 || reporting > ref) continue;
      if (std::find(months_done.begin(), months_done.end(), reporting.index()) != months_done.end()) {
        continue;
      }
      months_done.push_back(reporting.index());
      integrations[0] += 1;
      if (female) integrations[1] += 1;
      if (male) integrations[2] += 1;
      if (sp_at[static_cast<size_t>(reporting - 1 - lo)]) integrations_sp += 1;
    }
  }
  double bgs = 0, one_person = 0;
  for (int32_t size : bg_size) {
    if (size > 0) ++bgs;
    if (size == 1) ++one_person;
  }
  // Money: claims of the reference month and of the annual year.
  double llu_year = 0, kdu_year = 0, paid_ref = 0;
  const Month year_last = Month::FromYm(profile.amounts_year, 12);
  for (const auto& claim : extract.claims) {
    const Month from = std::max(claim.from, year_first);
    const Month to = std::min(claim.to, year_last);
    if (to >= from) {
      const double months = to - from + 1;
      llu_year += claim.llu.euros() * months;
      kdu_year += claim.luh.euros() * months;
    }
    if (claim.from <= ref && claim.to >= ref) paid_ref += claim.llu.euros() + claim.luh.euros();
  }
  // Measures of the plan year.
  std::map<std::string, double> measure_entries, measure_running;
  // Vorbindungen of the plan year, by budget's own definition (budget::ComputeVorbindungen):
  // no plan lines here, so every instrument counts under its own code.
  // A generated extract's costs are bounded by the profile, so the sums always fit.
  core::Result<budget::Vorbindungen> computed =
      budget::ComputeVorbindungen(extract, budget::Plan{}, profile.plan_year);
  AMIP_ASSERT(computed.ok(), "Vorbindungen of a generated extract fit in Cents");
  const budget::Vorbindungen& bound = *computed;
  for (const auto& spell : extract.measure_spells) {
    if (spell.start.year() == profile.plan_year) measure_entries[spell.instrument] += 1;
    for (int month = 1; month <= 12; ++month) {
      const int32_t day = extract.CountDay(Month::FromYm(profile.plan_year, month)).days();
      if (spell.start.days() <= day && (!spell.end || spell.end->days() >= day)) {
        measure_running[spell.instrument] += 1.0 / 12.0;
      }
    }
  }

  const double persons = elb + nef;
  result.Set("population", static_cast<double>(population));
  result.Set("persons", persons);
  result.Set("elb", elb);
  result.Set("nef", nef);
  result.Set("bgs", bgs);
  result.Set("sgb2_quote",
             Share(persons, static_cast<double>(population) *
                                profile.model.population_under_age_limit_share));
  result.Set("unemployed", unemployed);
  result.Set("lzb_unemployed", lzb_unemployed);
  result.Set("aufstocker", aufstocker);
  result.Set("lzb", lzb);
  result.Set("lzb_f", lzb_f);
  result.Set("lzb_m", lzb_m);
  result.Set("lzb_share", Share(lzb, elb));
  result.Set("lzb_change", lzb_prev > 0 ? 100.0 * (lzb / lzb_prev - 1.0) : 0.0);
  result.Set("k2", Share(integrations[0], stock_sum[0] / 12.0));
  result.Set("k2_f", Share(integrations[1], stock_sum[1] / 12.0));
  result.Set("k2_m", Share(integrations[2], stock_sum[2] / 12.0));
  result.Set("k2_single_parent", Share(integrations_sp, stock_sp / 12.0));
  result.Set("elb_no_qualification_share", Share(no_qualification, elb));
  // The published LLU totals include the social insurance contributions the Jobcenter pays
  // per ELB (not part of a BG's claim): added here only, from the profile.
  const double contributions = profile.model.contributions_per_elb.euros();
  result.Set("payment_per_bg", bgs > 0 ? (paid_ref + contributions * elb) / bgs : 0.0);
  result.Set("llu_year", (llu_year + contributions * elb_months_year) / 1e6);
  result.Set("kdu_year", kdu_year / 1e6);
  result.Set("single_parent_share", Share(single_parents, elb));
  result.Set("single_parents", single_parents);
  result.Set("one_person_bg_share", Share(one_person, bgs));
  result.Set("elb_under25_share", Share(under25, elb));
  result.Set("elb_under25", under25);
  result.Set("severely_disabled_share", Share(disabled, elb));
  result.Set("severely_disabled", disabled);
  result.Set("entry_rate", Share(entries, stock_now_sum));
  result.Set("exit_rate", Share(exits, stock_prev_sum));
  result.Set("female_elb_share", Share(elb_f, elb));
  if (!elb_by_jc.empty()) {
    result.Set("jc_elb_min", *std::min_element(elb_by_jc.begin(), elb_by_jc.end()));
    result.Set("jc_elb_max", *std::max_element(elb_by_jc.begin(), elb_by_jc.end()));
  }
  result.Set("jobcenters", static_cast<double>(extract.jobcenters.size()));
  double ge = 0, zkt = 0;
  for (const auto& jc : extract.jobcenters) {
    if (jc.kind == contract::JcKind::kGe) ++ge;
    if (jc.kind == contract::JcKind::kZkt) ++zkt;
  }
  result.Set("jobcenters_ge", ge);
  result.Set("jobcenters_zkt", zkt);
  result.Set("vorbindungen", bound.total.euros() / 1e6);
  for (const auto& [code, amount] : bound.by_instrument) {
    result.Set("vorbindungen:" + code, amount.euros() / 1e6);
  }
  // SGB II-Quote per municipality (persons at ST over the population under the age limit).
  for (size_t mun = 0; mun < extract.municipalities.size(); ++mun) {
    const auto& info = extract.municipalities[mun];
    result.Set("sgb2_quote:" + info.ags,
               Share(persons_by_mun[mun], static_cast<double>(info.population) *
                                              profile.model.population_under_age_limit_share));
  }
  for (const auto& [code, count] : measure_entries) result.Set("measure_entries:" + code, count);
  for (const auto& [code, count] : measure_running) result.Set("measure_running:" + code, count);
  result.Set("profillage_elb_share", Share(profillage_total, elb));
  result.Set("profillage_never_elb", profillage_never_elb);
  for (const auto& [code, count] : profillage) {
    result.Set("profillage:" + code, Share(count, profillage_total));
  }
  // Share of the reference month's BGs whose claims equal the benefits engine's result.
  const bool wants_check = std::any_of(profile.targets.begin(), profile.targets.end(),
                                       [](const Target& t) { return t.quantity == "claims_engine_share"; });
  if (wants_check) {
    auto store = law::EmbeddedStore();
    auto local = law::EmbeddedLocalRules();
    auto law = store.ok() ? law::ResolveLaw(**store, ref.FirstDay()) : core::Result<law::LawSnapshot>(store.status());
    if (law.ok() && local.ok()) {
      const benefits::ClaimCheck check = benefits::CheckClaims(extract, ref, *law, *local);
      result.Set("claims_engine_share", 100.0 * check.AgreeShare());
    }
  }
  return result;
}

bool NeedsTownK2(const Profile& profile) {
  for (const Target& target : profile.targets) {
    if (target.quantity.rfind("k2_town", 0) == 0 || target.quantity.rfind("k2:", 0) == 0) return true;
  }
  return false;
}

// K2 of the reference month per municipality, computed by the Kennzahlen engine itself
// (`amip kennzahlen --by municipality`): k2:AGS, and the spread between the towns.
void MeasureTownK2(const contract::Extract& extract, const Profile& profile, Measurements* out) {
  indicators::Options options;
  options.months = {profile.reference_month, profile.reference_month};
  options.by_municipality = true;
  options.indicators = {indicators::IndicatorId::kK2};
  auto computed = indicators::ComputeIndicators(extract, options);
  if (!computed.ok()) return;  // the targets then read as not measured (fail)
  double low = std::numeric_limits<double>::infinity();
  double high = -low;
  for (const auto& row : computed->rows) {
    if (row.indicator != indicators::IndicatorId::kK2 || row.sex != indicators::SexSplit::kAll ||
        !row.value || row.municipality == core::kNoIdx) {
      continue;
    }
    out->Set("k2:" + extract.municipalities[static_cast<size_t>(row.municipality)].ags, *row.value);
    low = std::min(low, *row.value);
    high = std::max(high, *row.value);
  }
  if (high >= low) {
    out->Set("k2_town_min", low);
    out->Set("k2_town_max", high);
    out->Set("k2_town_spread", high - low);
  }
}

core::Result<law::LawSnapshot> EarliestLawFrom(Month month) {
  AMIP_ASSIGN_OR_RETURN(const law::ParameterStore* store, law::EmbeddedStore());
  AMIP_ASSIGN_OR_RETURN(const law::LawCoverage coverage, law::CoverageOf(*store));
  return law::ResolveLaw(*store, std::max(month.FirstDay(), coverage.first));
}

}  // namespace

std::vector<CalibrationRow> Calibrate(const contract::Extract& extract, const Profile& profile) {
  // The LZB rule and the U25 age come from the catalogue and the law (of the reference month,
  // or the earliest law for a month before the coverage, as the generator does); if either
  // cannot be loaded (embedded data, checked by the tests), every target reads as not measured.
  Measurements measured;
  auto catalogue = indicators::LoadCatalogue();
  auto law = EarliestLawFrom(profile.reference_month);
  if (catalogue.ok() && law.ok()) measured = Measure(extract, profile, catalogue->lzb, law->sgb2.u25_unter);
  if (NeedsTownK2(profile)) MeasureTownK2(extract, profile, &measured);
  std::vector<CalibrationRow> rows;
  for (const Target& target : profile.targets) {
    CalibrationRow row;
    row.quantity = target.quantity;
    row.label = target.label;
    row.target = target.target;
    row.tolerance_kind = target.tolerance_kind;
    row.tolerance = target.tolerance;
    row.range_min = target.range_min;
    row.range_max = target.range_max;
    row.source = target.source;
    std::optional<double> value;
    if (const auto found = measured.values.find(target.quantity); found != measured.values.end()) {
      value = found->second;
    }
    // "measure_entries:a+b": the sum over several codes.
    double summed = 0;
    const size_t colon = target.quantity.find(':');
    if (colon != std::string::npos && target.quantity.find('+') != std::string::npos) {
      const std::string prefix = target.quantity.substr(0, colon + 1);
      size_t begin = colon + 1;
      while (begin <= target.quantity.size()) {
        size_t end = target.quantity.find('+', begin);
        if (end == std::string::npos) end = target.quantity.size();
        const auto part = measured.values.find(prefix + target.quantity.substr(begin, end - begin));
        if (part != measured.values.end()) summed += part->second;
        begin = end + 1;
      }
      value = summed;
    }
    // A measure or code that never occurs is a count of 0.
    const bool counted = target.quantity.rfind("measure_", 0) == 0 ||
                         target.quantity.rfind("profillage:", 0) == 0;
    if (!value && !counted) {
      row.generated = std::numeric_limits<double>::quiet_NaN();
      row.deviation = row.generated;
      row.pass = false;
      rows.push_back(row);
      continue;
    }
    row.generated = value.value_or(0.0);
    switch (target.tolerance_kind) {
      case ToleranceKind::kRelative:
        row.deviation = target.target != 0 ? (row.generated - target.target) / target.target : 0;
        row.pass = std::fabs(row.deviation) <= target.tolerance + 1e-12;
        break;
      case ToleranceKind::kAbsolute:
        row.deviation = row.generated - target.target;
        row.pass = std::fabs(row.deviation) <= target.tolerance + 1e-12;
        break;
      case ToleranceKind::kRange:
        row.deviation = row.generated - target.target;
        row.pass = row.generated >= target.range_min && row.generated <= target.range_max;
        break;
      case ToleranceKind::kExact:
        row.deviation = row.generated - target.target;
        row.pass = std::fabs(row.deviation) < 0.5;
        break;
    }
    rows.push_back(row);
  }
  return rows;
}

}  // namespace amip::synth
