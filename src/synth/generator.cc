#include "synth/generator.h"

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstdio>

#include "benefits/bg_household.h"
#include "benefits/evaluate.h"
#include "law/law_snapshot.h"
#include "law/local_rules.h"
#include "synth/random.h"

namespace amip::synth {
namespace {

using contract::BenefitStatus;
using contract::BgRole;
using contract::EmploymentKind;
using contract::Subsidy;
using core::Cents;
using core::Date;
using core::Month;

constexpr int32_t kNever = INT32_MAX;
constexpr int kMaxDurationMonths = 480;

struct SimPerson {
  int32_t birth_month = 0;  // Month index
  // Birthdays as day numbers: reaching sgb2.mindestalter (erwerbsfähig), volljaehrig_ab,
  // sgb2.alter_bg_kind_unter (own BG), about the third birthday (model) and the profile's age limit.
  int32_t day_erwerbsfaehig = 0, day_volljaehrig = 0, day_eigene_bg = 0, day_drei = 0, day_limit = 0;
  int32_t bg = -1;          // current household (SimBg index)
  int32_t spell = -1;       // open benefit spell (row index) or -1
  int32_t job = -1;         // open employment spell counted as income, or -1
  int32_t job_end = kNever; // last day of that job
  int32_t measure_end = -1; // last day of the active (non-accompanying) measure, -1 = none
  int32_t ue_start = -1;    // open unemployment spell start day, -1 = none
  int32_t ue_last_end = INT32_MIN;
  int32_t claim = -1;       // last claim row
  int32_t job_prev = -1;    // the job the open one replaced (may still cover the count day)
  int32_t volunteer = -1;   // last volunteer spell row (earnings, not a job that ends receipt)
  int32_t receipt_start = 0;           // first day of the continuous receipt (contiguous spells)
  int32_t last_spell_end = INT32_MIN;  // end of the last closed benefit spell
  bool female = false;
  bool nef_adult = false;
  bool registered = false;
  bool job_blocks = false;  // the job ends registered unemployment (>= 15 h, not a minijob)
  BgRole role = BgRole::kHead;
};

struct SimBg {
  std::vector<int32_t> members;
  int32_t bg_idx = -1;
  int32_t jc = 0;
  int32_t mun = 0;
  int32_t entry_month = 0;
  int32_t created_month = 0;
  int32_t exit_month = -1;
  int32_t housing = -1;  // last bg_housing row
  double rent_factor = 1.0;
  std::vector<int32_t> count_day_spells;  // scratch of ClaimsOfMonth
  // The engine's last result for this BG and the inputs it had (ClaimsOfMonth's cache).
  std::vector<int64_t> engine_inputs;
  std::vector<benefits::MemberClaim> engine_claims;
  bool engine_pays = false;
  bool in_receipt = false;
  bool stayer = false;
};

struct JcState {
  double weight = 1.0;
  std::vector<int32_t> municipalities;
  std::vector<double> mun_weights;
  std::vector<int32_t> pool;  // exited households that may re-enter, in exit order
  std::vector<size_t> pool_mark;  // pool size at the start of each simulated month
  int64_t active = 0;
  double rent_factor = 1.0;
};

// kTurnMindestalter / kTurnVolljaehrig / kTurnEigeneBg: a person reaches the ages of the law
// (sgb2.mindestalter, volljaehrig_ab, sgb2.alter_bg_kind_unter).
enum class Action {
  kExit, kSplit, kJoin, kBirth, kMove, kMoveJc, kTurnMindestalter, kTurnVolljaehrig, kTurnEigeneBg, kAgeLimit
};

struct TimedAction {
  int32_t day;
  Action action;
  int32_t person;
};

struct Integration {
  int32_t person;
  int32_t employment;
  bool long_term;
};

// Day numbers of month starts, cached: the simulation asks for them millions of times.
constexpr int32_t kTableFirstMonth = 1850 * 12;
constexpr int32_t kTableMonths = 300 * 12;

struct MonthTable {
  std::vector<int32_t> first_day;
  std::vector<int8_t> days;
};

const MonthTable& Months() {
  static const MonthTable table = [] {
    MonthTable built;
    for (int32_t idx = 0; idx < kTableMonths; ++idx) {
      const Month month = Month::FromIndex(kTableFirstMonth + idx);
      built.first_day.push_back(month.FirstDay().days());
      built.days.push_back(static_cast<int8_t>(month.DaysInMonth()));
    }
    return built;
  }();
  return table;
}

int DaysIn(Month month) {
  const int32_t idx = month.index() - kTableFirstMonth;
  if (idx < 0 || idx >= kTableMonths) return month.DaysInMonth();
  return Months().days[static_cast<size_t>(idx)];
}

int32_t DayOf(Month month, int day) {
  const int32_t idx = month.index() - kTableFirstMonth;
  if (idx < 0 || idx >= kTableMonths) return month.Day(day).days();
  return Months().first_day[static_cast<size_t>(idx)] + day - 1;
}

class Simulator {
 public:
  Simulator(const Profile& profile, uint64_t seed)
      : profile_(profile), model_(profile.model), rng_(seed) {}

  core::Result<contract::Extract> Run();

 private:
  void SetupJobcenters();
  void PrecomputeDurations();
  double ExitHazard(const SimBg& bg, int32_t month) const;
  double TargetBgs(int32_t jc, Month month) const;

  int32_t NewPerson(bool female, Date birth);
  // The profile's minijob pay, or without one the Geringfügigkeitsgrenze of law_.
  Cents MinijobGross() const {
    return model_.minijob_gross.value() > 0 ? model_.minijob_gross : law_.arbeit.geringfuegigkeitsgrenze;
  }
  // Sets law_ (and law_month_) to the law of `month`, or the earliest law before the coverage.
  core::Status ResolveLawOf(Month month);
  int32_t NewBgId();
  int32_t NewHousehold(int32_t jc, int32_t mun, bool stayer, int32_t month);
  Date RandomBirth(int32_t age_years, Month at);
  int32_t DrawAdultAge();
  int32_t PickMunicipality(int32_t jc);
  void CreateEntry(int32_t jc, Month month, bool initial);
  bool TryReentry(int32_t jc, Month month);

  BenefitStatus StatusAt(const SimPerson& person, int32_t day) const {
    return (person.nef_adult || day < person.day_erwerbsfaehig) ? BenefitStatus::kNef : BenefitStatus::kElb;
  }
  bool IsSingleParent(const SimBg& bg, int32_t person_idx, int32_t day) const;
  void SyncSpell(int32_t person_idx, int32_t day);
  void SyncAll(int32_t bg_idx, int32_t day);
  void EndReceipt(int32_t person_idx, int32_t day);
  void ExitHousehold(int32_t bg_idx, int32_t day);
  void UpdateUnemployment(int32_t person_idx, int32_t day);
  void DrawRegistration(int32_t person_idx, int32_t day, bool stayer);
  int32_t StartJob(int32_t person_idx, EmploymentKind kind, int32_t day, Cents gross, double hours,
                   int32_t end_day);
  int32_t DrawJobEnd(int32_t start_day, double monthly_rate);
  int32_t SplitOff(int32_t bg_idx, int32_t person_idx, int32_t day, Month month);

  void ProcessHousehold(int32_t bg_idx, Month month);
  void Integrate(int32_t bg_idx, int32_t person_idx, Month month, bool* exits);
  void OtherJobStarts(int32_t person_idx, Month month);
  // Claims and housing of every BG on the month's count day, computed with the benefits
  // engine (benefits::MakeBgHousehold, the mapping `amip bedarf --db` uses); BGs the engine
  // finds not in need get no claim and leave receipt at the end of the month.
  core::Status ClaimsOfMonth(Month month);
  Cents EarningsOn(const SimPerson& person, int32_t day) const;
  void Kdu(const SimBg& bg, size_t size, Month month, int64_t* rent, int64_t* heating, double* sqm) const;
  void AllocateMeasures(Month month);
  void AddMeasure(int32_t person_idx, const MeasurePlan& plan, int32_t start_day, int months);
  void Finish();
  // Row counts of the growing tables (persons, households, spells, claims, housing).
  std::vector<size_t> TableSizes() const;
  // Reserves capacity for `remaining` more months at the growth rate seen since month 1, so
  // that the large tables never double their capacity at national scale.
  void ReserveForRemaining(int32_t remaining);

  const Profile& profile_;
  const Model& model_;
  Rng rng_;
  contract::Extract out_;
  std::vector<SimPerson> persons_;
  std::vector<SimBg> bgs_;
  std::vector<JcState> jcs_;
  std::vector<int32_t> active_;
  std::vector<int32_t> fresh_;  // households created during the current month
  std::vector<Integration> integrations_;  // this month's integrations (for EGZ/ESG/EVL)
  std::vector<int32_t> candidates_any_, candidates_long_, candidates_young_;
  std::vector<double> measure_carry_;
  std::vector<int> measure_year_;        // year of measure_factor_ per plan
  std::vector<double> measure_factor_;   // actual / planned entries of that year
  std::vector<double> mun_integration_, mun_young_integration_;  // per municipality
  std::vector<double> stock_duration_cdf_[2];
  std::vector<double> hazard_[2];  // monthly exit hazard by type and elapsed months
  std::vector<TimedAction> actions_;  // scratch of ProcessHousehold
  std::vector<int32_t> live_spells_;  // benefit spell rows that may cover a coming count day
  std::vector<int32_t> sim_of_bg_;    // contract BgIdx -> SimBg index
  std::vector<int32_t> touched_;      // scratch of ClaimsOfMonth
  const law::ParameterStore* law_store_ = nullptr;
  const law::LocalRules* local_ = nullptr;
  law::LawSnapshot law_;  // of the simulated month
  Month law_month_;       // the month law_ is for (later than the simulated one before 2014)
  // Incremented in every month in which a law parameter or a local rule (1 January) changes:
  // the engine's result for unchanged inputs is reused within one epoch.
  int64_t law_epoch_ = 0;
  std::vector<int32_t> law_change_months_;  // sorted Month indices
  std::vector<int64_t> inputs_;  // scratch of ClaimsOfMonth
  double stayer_stock_share_ = 0;
  int32_t sim_first_day_ = 0;
  int32_t sim_last_day_ = 0;
  int64_t bg_counter_ = 0;
  std::vector<size_t> sizes_after_first_;
};

std::vector<size_t> Simulator::TableSizes() const {
  return {out_.persons.size(),           persons_.size(),
          bgs_.size(),                   out_.bg_ids.size(),
          out_.benefit_spells.size(),    out_.claims.size(),
          out_.employment_spells.size(), out_.measure_spells.size(),
          out_.unemployment_spells.size(), out_.bg_housing.size()};
}

void Simulator::ReserveForRemaining(int32_t remaining) {
  const std::vector<size_t> now = TableSizes();
  auto target = [&](size_t index) {
    const double per_month = static_cast<double>(now[index] - sizes_after_first_[index]) / 12.0;
    return now[index] + static_cast<size_t>(per_month * remaining * 1.08) + 1024;
  };
  out_.persons.reserve(target(0));
  persons_.reserve(target(1));
  bgs_.reserve(target(2));
  out_.bg_ids.reserve(target(3));
  out_.benefit_spells.reserve(target(4));
  out_.claims.reserve(target(5));
  out_.employment_spells.reserve(target(6));
  out_.measure_spells.reserve(target(7));
  out_.unemployment_spells.reserve(target(8));
  out_.bg_housing.reserve(target(9));
}

void Simulator::SetupJobcenters() {
  Rng jc_rng = rng_.Fork(1);
  if (!profile_.jobcenters.empty()) {
    double total_weight = 0;
    for (const auto& spec : profile_.jobcenters) total_weight += spec.weight;
    for (const auto& spec : profile_.jobcenters) {
      const int32_t jc_idx = static_cast<int32_t>(out_.jobcenters.size());
      out_.jobcenters.push_back({spec.id, spec.name, spec.kind});
      JcState state;
      state.weight = spec.weight / total_weight;
      for (const auto& mun : spec.municipalities) {
        state.municipalities.push_back(static_cast<int32_t>(out_.municipalities.size()));
        state.mun_weights.push_back(static_cast<double>(mun.population) * mun.rate_factor);
        out_.municipalities.push_back({mun.ags, mun.name, jc_idx, mun.population});
        mun_integration_.push_back(mun.integration_factor);
        mun_young_integration_.push_back(mun.young_integration_factor);
      }
      jcs_.push_back(std::move(state));
    }
    return;
  }
  // Synthetic Jobcenters of the national profile: log-uniform sizes, 1..n municipalities.
  const auto& gen = profile_.generated;
  std::vector<double> sizes;
  double total = 0;
  for (int idx = 0; idx < gen.count; ++idx) {
    const double log_min = std::log(gen.min_elb);
    const double log_max = std::log(gen.max_elb);
    const double size = std::exp(log_min + (log_max - log_min) * std::pow(jc_rng.Uniform(), gen.size_skew));
    sizes.push_back(size);
    total += size;
  }
  const double total_bgs = model_.bg_path.back().value;
  // Form of each Jobcenter: exactly zkt_count zkT (a random subset), the others gE.
  std::vector<char> is_zkt(static_cast<size_t>(gen.count), 0);
  {
    std::vector<int> order(static_cast<size_t>(gen.count));
    for (int idx = 0; idx < gen.count; ++idx) order[static_cast<size_t>(idx)] = idx;
    const int zkt = std::max(0, gen.zkt_count);
    for (int idx = 0; idx < zkt; ++idx) {  // partial Fisher-Yates
      const size_t pick = static_cast<size_t>(idx) + jc_rng.Below(static_cast<uint64_t>(gen.count - idx));
      std::swap(order[static_cast<size_t>(idx)], order[pick]);
      is_zkt[static_cast<size_t>(order[static_cast<size_t>(idx)])] = 1;
    }
  }
  for (int idx = 0; idx < gen.count; ++idx) {
    const int land = idx % 16 + 1;
    const int kreis = idx / 16 + 1;
    char id[48];
    std::snprintf(id, sizeof id, "JC%02d%03d", land, kreis);
    char name[96];
    std::snprintf(name, sizeof name, "Jobcenter Synthetisch %02d-%03d", land, kreis);
    out_.jobcenters.push_back({id, name,
                               is_zkt[static_cast<size_t>(idx)] ? contract::JcKind::kZkt
                                                                : contract::JcKind::kGe});
    JcState state;
    state.weight = sizes[static_cast<size_t>(idx)] / total;
    state.rent_factor = 0.8 + 0.5 * jc_rng.Uniform();
    const int municipalities =
        static_cast<int>(jc_rng.Between(gen.min_municipalities, gen.max_municipalities));
    const double jc_population = state.weight * total_bgs * gen.population_per_bg;
    for (int mun_idx = 0; mun_idx < municipalities; ++mun_idx) {
      const double share = 0.3 + jc_rng.Uniform();
      state.mun_weights.push_back(share);
    }
    double share_total = 0;
    for (double share : state.mun_weights) share_total += share;
    for (int mun_idx = 0; mun_idx < municipalities; ++mun_idx) {
      char ags[40];
      std::snprintf(ags, sizeof ags, "%02d%03d%03d", land, kreis, mun_idx + 1);
      char mun_name[96];
      std::snprintf(mun_name, sizeof mun_name, "Gemeinde %s", ags);
      state.municipalities.push_back(static_cast<int32_t>(out_.municipalities.size()));
      out_.municipalities.push_back(
          {ags, mun_name, idx,
           static_cast<int64_t>(jc_population * state.mun_weights[static_cast<size_t>(mun_idx)] /
                                share_total)});
    }
    jcs_.push_back(std::move(state));
  }
}

double Simulator::ExitHazard(const SimBg& bg, int32_t month) const {
  const int32_t duration = std::clamp<int32_t>(month - bg.entry_month, 0, kMaxDurationMonths - 1);
  return hazard_[bg.stayer ? 1 : 0][static_cast<size_t>(duration)];
}

void Simulator::PrecomputeDurations() {
  // Stationary stock: P(elapsed = d) ~ survival S(d) of the type; stayer share of the stock
  // ~ entry share * mean duration.
  double mean[2] = {0, 0};
  for (int stayer = 0; stayer < 2; ++stayer) {
    const double base = stayer ? model_.exit_stayer : model_.exit_mover;
    std::vector<double>& cdf = stock_duration_cdf_[stayer];
    cdf.resize(kMaxDurationMonths);
    hazard_[stayer].resize(kMaxDurationMonths);
    for (int d = 0; d < kMaxDurationMonths; ++d) {
      hazard_[stayer][static_cast<size_t>(d)] =
          base * (1.0 + model_.early_boost * std::exp(-d / model_.early_months));
    }
    double survival = 1.0;
    double cumulative = 0;
    for (int d = 0; d < kMaxDurationMonths; ++d) {
      cumulative += survival;
      cdf[static_cast<size_t>(d)] = cumulative;
      survival *= 1.0 - std::min(1.0, base * (1.0 + model_.early_boost *
                                                         std::exp(-d / model_.early_months)));
    }
    for (double& value : cdf) value /= cumulative;
    mean[stayer] = cumulative;
  }
  const double q = model_.stayer_share;
  stayer_stock_share_ = q * mean[1] / (q * mean[1] + (1 - q) * mean[0]);
}

double Simulator::TargetBgs(int32_t jc, Month month) const {
  const auto& path = model_.bg_path;
  double value = path.front().value;
  if (month >= path.back().month) {
    value = path.back().value;
  } else {
    for (size_t idx = 0; idx + 1 < path.size(); ++idx) {
      if (month >= path[idx].month && month < path[idx + 1].month) {
        const double t = static_cast<double>(month - path[idx].month) /
                         static_cast<double>(path[idx + 1].month - path[idx].month);
        value = path[idx].value + t * (path[idx + 1].value - path[idx].value);
        break;
      }
    }
  }
  return value * jcs_[static_cast<size_t>(jc)].weight;
}

int32_t Simulator::NewPerson(bool female, Date birth) {
  const int32_t idx = static_cast<int32_t>(persons_.size());
  contract::Person person;
  char id[24];
  std::snprintf(id, sizeof id, "P%08d", idx + 1);
  person.person_id = id;
  person.sex = female ? contract::Sex::kF : contract::Sex::kM;
  person.birth_date = birth;
  const int age_now = (profile_.reference_month.index() - birth.ToMonth().index()) / 12;
  const double disabled_share =
      age_now < law_.sgb2.u25_unter ? model_.severely_disabled_share * 0.4
                   : model_.severely_disabled_share * (age_now >= 50 ? 1.9 : 0.9);
  person.severely_disabled = rng_.Bernoulli(disabled_share);
  if (!model_.qualification.empty()) {
    double weights[8];
    const int count = static_cast<int>(std::min<size_t>(8, model_.qualification.size()));
    for (int k = 0; k < count; ++k) weights[k] = model_.qualification[static_cast<size_t>(k)].weight;
    auto parsed = contract::ParseQualification(
        model_.qualification[static_cast<size_t>(rng_.Choose(weights, count))].code);
    if (parsed.ok()) person.vocational_qualification = *parsed;
  }
  if (!model_.nationality.empty()) {
    double weights[8];
    const int count = static_cast<int>(std::min<size_t>(8, model_.nationality.size()));
    for (int k = 0; k < count; ++k) weights[k] = model_.nationality[static_cast<size_t>(k)].weight;
    auto parsed = contract::ParseNationality(
        model_.nationality[static_cast<size_t>(rng_.Choose(weights, count))].code);
    if (parsed.ok()) person.nationality = *parsed;
  }
  // The Profillage is drawn when the person is first ELB (SyncSpell): children and adults
  // who cannot work (NEF) get none.
  out_.persons.push_back(std::move(person));

  SimPerson sim;
  sim.female = female;
  sim.birth_month = birth.ToMonth().index();
  const int year = birth.year();
  const int month = birth.month();
  const int day = birth.day();
  // Birthdays of 29 February fall on 28 February in common years.
  auto birthday = [&](int age) {
    return Date::FromYmd(year + age, month, std::min(day, Date::DaysInMonth(year + age, month)))
        .days();
  };
  sim.day_erwerbsfaehig = birthday(law_.sgb2.mindestalter);
  sim.day_volljaehrig = birthday(law_.volljaehrig_ab);
  sim.day_eigene_bg = birthday(law_.sgb2.alter_bg_kind_unter);
  // Model: "child under 3" ends about the third birthday, written as the 15th birthday less
  // 12 × 365 days (2–3 days later than birthday(3)); kept so that extracts stay identical.
  sim.day_drei = birthday(15) - 12 * 365;
  sim.day_limit = birthday(model_.age_limit);
  sim.nef_adult = rng_.Bernoulli(model_.nef_adult_share);
  persons_.push_back(sim);
  return idx;
}

int32_t Simulator::NewBgId() {
  char id[24];
  std::snprintf(id, sizeof id, "B%08lld", static_cast<long long>(++bg_counter_));
  out_.bg_ids.emplace_back(id);
  return static_cast<int32_t>(out_.bg_ids.size() - 1);
}

Date Simulator::RandomBirth(int32_t age_years, Month at) {
  // Someone aged `age_years` on the first of `at`.
  const Month birth_month = at - age_years * 12 - static_cast<int32_t>(rng_.Between(1, 12));
  return birth_month.Day(static_cast<int>(rng_.Between(1, 28)));
}

int32_t Simulator::DrawAdultAge() {
  static constexpr int kBandStart[5] = {18, 25, 35, 45, 55};
  static constexpr int kBandEnd[5] = {24, 34, 44, 54, 66};
  const int band = rng_.Choose(model_.adult_age_weights.data(),
                               static_cast<int>(std::min<size_t>(5, model_.adult_age_weights.size())));
  const int end = std::min(kBandEnd[band], model_.age_limit - 1);
  return static_cast<int32_t>(rng_.Between(kBandStart[band], end));
}

int32_t Simulator::PickMunicipality(int32_t jc) {
  const JcState& state = jcs_[static_cast<size_t>(jc)];
  return state.municipalities[static_cast<size_t>(
      rng_.Choose(state.mun_weights.data(), static_cast<int>(state.mun_weights.size())))];
}

int32_t Simulator::NewHousehold(int32_t jc, int32_t mun, bool stayer, int32_t month) {
  SimBg bg;
  bg.bg_idx = NewBgId();
  bg.jc = jc;
  bg.mun = mun;
  bg.stayer = stayer;
  bg.created_month = month;
  bg.entry_month = month;
  bg.rent_factor = std::exp(model_.rent_sd * rng_.Normal()) * jcs_[static_cast<size_t>(jc)].rent_factor;
  bgs_.push_back(std::move(bg));
  sim_of_bg_.push_back(static_cast<int32_t>(bgs_.size() - 1));  // bg_idx == sim_of_bg_.size() - 1
  return static_cast<int32_t>(bgs_.size() - 1);
}

bool Simulator::IsSingleParent(const SimBg& bg, int32_t person_idx, int32_t day) const {
  const SimPerson& person = persons_[static_cast<size_t>(person_idx)];
  if (person.role != BgRole::kHead) return false;
  bool minor = false;
  for (int32_t member : bg.members) {
    const SimPerson& other = persons_[static_cast<size_t>(member)];
    if (other.role == BgRole::kPartner) return false;
    if (other.role == BgRole::kChild && day < other.day_volljaehrig) minor = true;
  }
  return minor;
}

void Simulator::SyncSpell(int32_t person_idx, int32_t day) {
  SimPerson& person = persons_[static_cast<size_t>(person_idx)];
  const SimBg& bg = bgs_[static_cast<size_t>(person.bg)];
  contract::BenefitSpell wanted;
  wanted.person = person_idx;
  wanted.jc = bg.jc;
  wanted.municipality = bg.mun;
  wanted.bg = bg.bg_idx;
  wanted.bg_role = person.role;
  wanted.status = StatusAt(person, day);
  wanted.single_parent = IsSingleParent(bg, person_idx, day);
  wanted.start = Date::FromDays(day);
  if (wanted.status == BenefitStatus::kElb && !model_.profillage.empty() &&
      out_.persons[static_cast<size_t>(person_idx)].profillage.empty()) {
    // Profillage of the 4-Phasen-Modell: assessed for ELB only (profile model.profillage).
    double weights[16];
    const int count = static_cast<int>(std::min<size_t>(16, model_.profillage.size()));
    for (int k = 0; k < count; ++k) weights[k] = model_.profillage[static_cast<size_t>(k)].weight;
    out_.persons[static_cast<size_t>(person_idx)].profillage =
        model_.profillage[static_cast<size_t>(rng_.Choose(weights, count))].code;
  }
  if (person.spell >= 0) {
    contract::BenefitSpell& open = out_.benefit_spells[static_cast<size_t>(person.spell)];
    if (open.jc == wanted.jc && open.municipality == wanted.municipality && open.bg == wanted.bg &&
        open.bg_role == wanted.bg_role && open.status == wanted.status &&
        open.single_parent == wanted.single_parent) {
      return;
    }
    if (open.start.days() >= day) {
      wanted.start = open.start;
      open = wanted;
      UpdateUnemployment(person_idx, day);
      return;
    }
    open.end = Date::FromDays(day - 1);
  } else if (person.last_spell_end != day - 1) {
    person.receipt_start = day;  // not contiguous with the last spell: a new receipt
  }
  person.spell = static_cast<int32_t>(out_.benefit_spells.size());
  live_spells_.push_back(person.spell);
  out_.benefit_spells.push_back(wanted);
  UpdateUnemployment(person_idx, day);
}

void Simulator::SyncAll(int32_t bg_idx, int32_t day) {
  const std::vector<int32_t> members = bgs_[static_cast<size_t>(bg_idx)].members;
  for (int32_t member : members) SyncSpell(member, day);
}

void Simulator::EndReceipt(int32_t person_idx, int32_t day) {
  SimPerson& person = persons_[static_cast<size_t>(person_idx)];
  if (person.spell < 0) return;
  contract::BenefitSpell& open = out_.benefit_spells[static_cast<size_t>(person.spell)];
  open.end = Date::FromDays(std::max(day, open.start.days()));
  person.last_spell_end = open.end->days();
  person.spell = -1;
  UpdateUnemployment(person_idx, open.end->days() + 1);
}

void Simulator::ExitHousehold(int32_t bg_idx, int32_t day) {
  SimBg& bg = bgs_[static_cast<size_t>(bg_idx)];
  if (!bg.in_receipt) return;
  for (int32_t member : bg.members) EndReceipt(member, day);
  bg.in_receipt = false;
  bg.exit_month = Date::FromDays(day).ToMonth().index();
  JcState& jc = jcs_[static_cast<size_t>(bg.jc)];
  --jc.active;
  jc.pool.push_back(bg_idx);
}

void Simulator::UpdateUnemployment(int32_t person_idx, int32_t day) {
  SimPerson& person = persons_[static_cast<size_t>(person_idx)];
  bool wanted = person.spell >= 0 && person.registered && StatusAt(person, day) == BenefitStatus::kElb &&
                !(person.job >= 0 && person.job_blocks && person.job_end >= day) &&
                person.measure_end < day && day < person.day_limit;
  if (wanted && person.ue_start < 0) {
    person.ue_start = std::max(day, person.ue_last_end + 1);
  } else if (!wanted && person.ue_start >= 0) {
    const int32_t end = day - 1;
    if (end >= person.ue_start) {
      out_.unemployment_spells.push_back(
          {person_idx, Date::FromDays(person.ue_start), Date::FromDays(end)});
      person.ue_last_end = end;
    }
    person.ue_start = -1;
  }
}

void Simulator::DrawRegistration(int32_t person_idx, int32_t day, bool stayer) {
  SimPerson& person = persons_[static_cast<size_t>(person_idx)];
  double p = stayer ? model_.registration_stayer : model_.registration_mover;
  if (day < person.day_volljaehrig) p *= 0.15;  // pupils
  const SimBg& bg = bgs_[static_cast<size_t>(person.bg)];
  if (person.role == BgRole::kHead || person.role == BgRole::kPartner) {
    for (int32_t member : bg.members) {
      const SimPerson& other = persons_[static_cast<size_t>(member)];
      if (other.role == BgRole::kChild && day < other.day_drei) {  // child under 3
        if (person.female || IsSingleParent(bg, person_idx, day)) p = model_.registration_young_child;
        break;
      }
    }
  }
  person.registered = rng_.Bernoulli(p);
  UpdateUnemployment(person_idx, day);
}

int32_t Simulator::DrawJobEnd(int32_t start_day, double monthly_rate) {
  int months = 0;
  while (months < 600 && !rng_.Bernoulli(monthly_rate)) ++months;
  const int64_t end = static_cast<int64_t>(start_day) + months * 30 + rng_.Between(0, 29);
  if (end > sim_last_day_) return kNever;
  return static_cast<int32_t>(end);
}

int32_t Simulator::StartJob(int32_t person_idx, EmploymentKind kind, int32_t day, Cents gross,
                            double hours, int32_t end_day) {
  SimPerson& person = persons_[static_cast<size_t>(person_idx)];
  if (kind != EmploymentKind::kVolunteer && person.job >= 0 && person.job_end >= day) {
    contract::EmploymentSpell& old = out_.employment_spells[static_cast<size_t>(person.job)];
    if (old.start.days() >= day) return -1;
    old.end = Date::FromDays(day - 1);
  }
  contract::EmploymentSpell spell;
  spell.person = person_idx;
  spell.kind = kind;
  spell.subsidy = Subsidy::kNone;
  spell.start = Date::FromDays(day);
  if (end_day != kNever) spell.end = Date::FromDays(end_day);
  spell.hours_week = hours;
  spell.gross_month = gross;
  const int32_t row = static_cast<int32_t>(out_.employment_spells.size());
  out_.employment_spells.push_back(spell);
  if (kind != EmploymentKind::kVolunteer) {
    if (person.job >= 0) person.job_prev = person.job;  // may still cover this month's count day
    person.job = row;
    person.job_end = end_day;
    person.job_blocks = kind != EmploymentKind::kMinijob && hours >= 15;
    UpdateUnemployment(person_idx, day);
  } else {
    person.volunteer = row;
  }
  return row;
}

int32_t Simulator::SplitOff(int32_t bg_idx, int32_t person_idx, int32_t day, Month month) {
  SimBg& old_bg = bgs_[static_cast<size_t>(bg_idx)];
  auto& members = old_bg.members;
  const auto found = std::find(members.begin(), members.end(), person_idx);
  AMIP_ASSERT(found != members.end(), "split-off person is a member");
  members.erase(found);
  const int32_t new_bg = NewHousehold(old_bg.jc, old_bg.mun, old_bg.stayer, month.index());
  SimBg& bg = bgs_[static_cast<size_t>(new_bg)];
  const SimBg& previous = bgs_[static_cast<size_t>(bg_idx)];
  bg.entry_month = previous.entry_month;
  bg.in_receipt = true;
  bg.members.push_back(person_idx);
  persons_[static_cast<size_t>(person_idx)].bg = new_bg;
  persons_[static_cast<size_t>(person_idx)].role = BgRole::kHead;
  ++jcs_[static_cast<size_t>(bg.jc)].active;
  fresh_.push_back(new_bg);
  SyncSpell(person_idx, day);
  return new_bg;
}

void Simulator::CreateEntry(int32_t jc, Month month, bool initial) {
  const bool stayer = rng_.Bernoulli(initial ? stayer_stock_share_ : model_.stayer_share);
  const int32_t bg_idx = NewHousehold(jc, PickMunicipality(jc), stayer, month.index());
  const double mix[4] = {model_.mix_single, model_.mix_single_parent, model_.mix_couple,
                         model_.mix_couple_children};
  const int type = rng_.Choose(mix, 4);
  int32_t head_age = DrawAdultAge();
  int32_t elapsed = 0;
  if (initial) {
    const auto& cdf = stock_duration_cdf_[stayer ? 1 : 0];
    const double u = rng_.Uniform();
    elapsed = static_cast<int32_t>(std::lower_bound(cdf.begin(), cdf.end(), u) - cdf.begin());
    elapsed = std::min(elapsed, std::max(0, (head_age - 18) * 12));
  }
  const Month entry_month = month - elapsed;
  // The duration drives the exit hazards; the recorded start never precedes the law's
  // start (profile earliest_entry_month), so the oldest spells are left-censored there.
  const Month recorded_month = profile_.earliest_entry_month.index() > 0
                                   ? std::max(entry_month, profile_.earliest_entry_month)
                                   : entry_month;
  const int entry_day_of_month = static_cast<int>(rng_.Between(1, DaysIn(recorded_month)));
  const int32_t entry_day = DayOf(recorded_month, entry_day_of_month);
  // Registered unemployment keeps the undated history (it is SGB III, older than SGB II).
  const int32_t history_day =
      DayOf(entry_month, std::min(entry_day_of_month, static_cast<int>(DaysIn(entry_month))));
  SimBg& bg = bgs_[static_cast<size_t>(bg_idx)];
  bg.entry_month = entry_month.index();
  bg.in_receipt = true;

  bool head_female;
  if (type == 0) {
    head_female = rng_.Bernoulli(model_.single_female_share);
  } else if (type == 1) {
    head_female = rng_.Bernoulli(model_.single_parent_female_share);
    head_age = std::max<int32_t>(head_age, 20);
    head_age = std::min<int32_t>(head_age, 55);
  } else {
    head_female = rng_.Bernoulli(0.3);
  }
  std::vector<int32_t> members;
  const int32_t head = NewPerson(head_female, RandomBirth(head_age, month));
  persons_[static_cast<size_t>(head)].role = BgRole::kHead;
  members.push_back(head);
  if (type >= 2) {
    const int32_t partner_age = std::clamp<int32_t>(
        head_age + static_cast<int32_t>(std::lround(4 * rng_.Normal())), 18, model_.age_limit - 1);
    const int32_t partner = NewPerson(!head_female, RandomBirth(partner_age, month));
    persons_[static_cast<size_t>(partner)].role = BgRole::kPartner;
    members.push_back(partner);
  }
  if (type == 1 || type == 3) {
    const int children = 1 + rng_.Choose(model_.children_weights.data(),
                                         static_cast<int>(model_.children_weights.size()));
    // Under 25 for the whole entry month (no 25th birthday before the household is processed).
    const int32_t max_age = std::min<int32_t>(23, head_age - 17);
    for (int child = 0; child < children; ++child) {
      int32_t age = static_cast<int32_t>(
          std::floor(std::pow(rng_.Uniform(), 1.25) * (std::max(1, max_age) + 1)));
      if (type == 1 && age > 17 && rng_.Bernoulli(0.7)) age = static_cast<int32_t>(rng_.Between(0, 17));
      const int32_t child_idx = NewPerson(rng_.Bernoulli(0.49), RandomBirth(age, month));
      persons_[static_cast<size_t>(child_idx)].role = BgRole::kChild;
      persons_[static_cast<size_t>(child_idx)].nef_adult = false;
      members.push_back(child_idx);
    }
  }
  bg.members = members;
  for (int32_t member : members) persons_[static_cast<size_t>(member)].bg = bg_idx;
  ++jcs_[static_cast<size_t>(jc)].active;

  // Spells from entry (or birth), then the status changes between entry and today in order.
  std::vector<TimedAction> history;
  const int32_t today = month.FirstDay().days();
  for (int32_t member : members) {
    const SimPerson& person = persons_[static_cast<size_t>(member)];
    const int32_t birth = out_.persons[static_cast<size_t>(member)].birth_date.days();
    const int32_t start = std::max(entry_day, birth);
    SyncSpell(member, start);
    DrawRegistration(member, std::max(history_day, birth), stayer);
    if (initial) {
      if (person.day_erwerbsfaehig > start && person.day_erwerbsfaehig < today) {
        history.push_back({person.day_erwerbsfaehig, Action::kTurnMindestalter, member});
      }
      if (person.role == BgRole::kChild && person.day_volljaehrig > start && person.day_volljaehrig < today) {
        history.push_back({person.day_volljaehrig, Action::kTurnVolljaehrig, member});
      }
    }
  }
  std::stable_sort(history.begin(), history.end(),
                   [](const TimedAction& a, const TimedAction& b) { return a.day < b.day; });
  for (const TimedAction& action : history) {
    if (action.action == Action::kTurnMindestalter) {
      SyncSpell(action.person, action.day);
    } else {
      SyncAll(bg_idx, action.day);
    }
  }
  // Some arrive with a job already (Aufstocker from the start); it began before the entry.
  if (rng_.Bernoulli(model_.employed_at_entry_share)) {
    const int32_t worker = members.size() > 1 && rng_.Bernoulli(0.4) ? members[1] : members[0];
    const int32_t job_start = entry_day - static_cast<int32_t>(rng_.Between(62, 700));
    const bool minijob = rng_.Bernoulli(0.45);
    if (minijob) {
      StartJob(worker, EmploymentKind::kMinijob, job_start, MinijobGross(), 8,
               DrawJobEnd(std::max(job_start, entry_day), model_.minijob_end_rate));
    } else {
      const Cents gross = Cents::FromCents(static_cast<int64_t>(
          model_.parttime_gross_mean.value() * std::exp(0.25 * rng_.Normal())));
      StartJob(worker, EmploymentKind::kSvb, job_start, gross, 25,
               DrawJobEnd(std::max(job_start, entry_day), model_.job_end_rate));
    }
  }
  if (!initial) fresh_.push_back(bg_idx);
}

bool Simulator::TryReentry(int32_t jc_idx, Month month) {
  JcState& jc = jcs_[static_cast<size_t>(jc_idx)];
  const int32_t months_done = month - profile_.first_month;
  const int32_t window_start_month = std::max(0, months_done - model_.reentry_window_months);
  const size_t begin = jc.pool_mark[static_cast<size_t>(window_start_month)];
  const size_t end = jc.pool_mark[static_cast<size_t>(months_done)];
  if (end <= begin) return false;
  const int32_t bg_idx = jc.pool[begin + rng_.Below(end - begin)];
  SimBg& bg = bgs_[static_cast<size_t>(bg_idx)];
  if (bg.in_receipt || bg.exit_month >= month.index()) return false;
  const int32_t day = DayOf(month, static_cast<int>(rng_.Between(1, DaysIn(month))));
  const SimPerson& head = persons_[static_cast<size_t>(bg.members.front())];
  if (head.role != BgRole::kHead || day >= head.day_limit - 31) return false;
  // A household that left because its income covered the need returns when the job is over.
  for (int32_t member : bg.members) {
    const SimPerson& person = persons_[static_cast<size_t>(member)];
    if (person.job >= 0 && person.job_end >= day) return false;
  }
  // Members who aged out or grew up stay outside.
  std::vector<int32_t> kept;
  for (int32_t member : bg.members) {
    const SimPerson& person = persons_[static_cast<size_t>(member)];
    if (day >= person.day_limit - 31) continue;
    if (person.role == BgRole::kChild && DayOf(month, DaysIn(month)) >= person.day_eigene_bg) continue;
    if (person.spell >= 0) continue;
    kept.push_back(member);
  }
  bg.members = kept;
  bg.in_receipt = true;
  bg.entry_month = month.index();
  bg.created_month = month.index();
  bg.mun = PickMunicipality(jc_idx);
  ++jc.active;
  for (int32_t member : kept) {
    SyncSpell(member, day);
    DrawRegistration(member, day, bg.stayer);
  }
  fresh_.push_back(bg_idx);
  return true;
}

void Simulator::Kdu(const SimBg& bg, size_t members, Month month, int64_t* rent, int64_t* heating,
                    double* sqm) const {
  const size_t size = std::min<size_t>(5, std::max<size_t>(1, members));
  const double base = model_.rent_by_size[size - 1] * bg.rent_factor;
  const int year_offset = month.year() - model_.rent_base_year;
  static thread_local double cached_rate = -1;
  static thread_local int cached_offset = 0;
  static thread_local double cached_growth = 1;
  if (cached_rate != model_.rent_growth || cached_offset != year_offset) {
    cached_rate = model_.rent_growth;
    cached_offset = year_offset;
    cached_growth = std::pow(1.0 + model_.rent_growth, year_offset);
  }
  const double growth = cached_growth;
  *rent = std::llround(base * growth * 100);
  *heating = std::llround(base * growth * model_.heating_share * 100);
  *sqm = std::round(base * model_.sqm_per_rent_euro * 10) / 10;
}

Cents Simulator::EarningsOn(const SimPerson& person, int32_t day) const {
  Cents total;
  const int32_t rows[3] = {person.job, person.job_prev, person.volunteer};
  for (int k = 0; k < 3; ++k) {
    const int32_t row = rows[k];
    if (row < 0 || (k > 0 && row == rows[0]) || (k == 2 && row == rows[1])) continue;
    const contract::EmploymentSpell& job = out_.employment_spells[static_cast<size_t>(row)];
    if (job.start.days() <= day && (!job.end || job.end->days() >= day) && job.gross_month) {
      total += *job.gross_month;
    }
  }
  return total;
}

core::Status Simulator::ClaimsOfMonth(Month month) {
  const int32_t count_day = DayOf(month, 15);  // generated extracts have no stichtage: the 15th
  const int32_t next_first = DayOf(month + 1, 1);
  const int32_t last_day = next_first - 1;
  touched_.clear();
  size_t keep = 0;
  for (const int32_t row : live_spells_) {
    const contract::BenefitSpell& spell = out_.benefit_spells[static_cast<size_t>(row)];
    if (spell.start.days() <= count_day && (!spell.end || spell.end->days() >= count_day)) {
      const int32_t sim = sim_of_bg_[static_cast<size_t>(spell.bg)];
      SimBg& bg = bgs_[static_cast<size_t>(sim)];
      if (bg.count_day_spells.empty()) touched_.push_back(sim);
      bg.count_day_spells.push_back(row);
    }
    if (!spell.end || spell.end->days() >= next_first) live_spells_[keep++] = row;
  }
  live_spells_.resize(keep);
  std::sort(touched_.begin(), touched_.end());
  benefits::BgFacts facts;
  facts.month = law_month_;
  facts.count_day = Date::FromDays(count_day);
  for (const int32_t sim : touched_) {
    SimBg& bg = bgs_[static_cast<size_t>(sim)];
    std::vector<int32_t>& rows = bg.count_day_spells;
    // The extract lists a BG's members in person order (rows sorted by person).
    std::sort(rows.begin(), rows.end(), [this](int32_t a, int32_t b) {
      return out_.benefit_spells[static_cast<size_t>(a)].person < out_.benefit_spells[static_cast<size_t>(b)].person;
    });
    facts.members.clear();
    facts.ags.clear();
    for (const int32_t row : rows) {
      const contract::BenefitSpell& spell = out_.benefit_spells[static_cast<size_t>(row)];
      const contract::Person& info = out_.persons[static_cast<size_t>(spell.person)];
      const SimPerson& person = persons_[static_cast<size_t>(spell.person)];
      facts.members.push_back(
          {info.person_id, info.birth_date, spell.bg_role, EarningsOn(person, count_day), info.severely_disabled});
      facts.ags = out_.municipalities[static_cast<size_t>(spell.municipality)].ags;
      if (spell.bg_role == BgRole::kHead || facts.members.size() == 1) {
        facts.receipt_start = Date::FromDays(person.receipt_start);
      }
    }
    int64_t rent = 0, heating = 0;
    double sqm = 0;
    Kdu(bg, rows.size(), month, &rent, &heating, &sqm);
    facts.has_housing = true;
    facts.rent_cold = Cents::FromCents(rent);
    facts.heating = Cents::FromCents(heating);
    facts.flat_size_sqm = sqm;
    if (bg.housing >= 0 && out_.bg_housing[static_cast<size_t>(bg.housing)].to == month - 1 &&
        out_.bg_housing[static_cast<size_t>(bg.housing)].rent_cold.value() == rent &&
        out_.bg_housing[static_cast<size_t>(bg.housing)].heating.value() == heating &&
        out_.bg_housing[static_cast<size_t>(bg.housing)].flat_size_sqm == sqm) {
      out_.bg_housing[static_cast<size_t>(bg.housing)].to = month;
    } else {
      bg.housing = static_cast<int32_t>(out_.bg_housing.size());
      out_.bg_housing.push_back({bg.bg_idx, month, month, facts.rent_cold, facts.heating, sqm});
    }
    // Everything the engine's result depends on; unchanged inputs in the same law epoch
    // reuse the last result (the BGs of a month mostly did not change).
    inputs_.clear();
    inputs_.insert(inputs_.end(), {law_epoch_, rent, heating, std::llround(sqm * 10),
                                   static_cast<int64_t>(out_.benefit_spells[static_cast<size_t>(rows.back())].municipality),
                                   benefits::InKarenzzeit(facts.receipt_start, facts.month, law_) ? 1 : 0});
    for (const benefits::BgMemberFacts& m : facts.members) {
      inputs_.insert(inputs_.end(), {static_cast<int64_t>(m.role), benefits::AgeOn(m.birth, facts.count_day),
                                     m.gross_month.value(), m.severely_disabled ? 1 : 0});
    }
    if (inputs_ != bg.engine_inputs) {
      const benefits::Household household = benefits::MakeBgHousehold(facts, law_, local_);
      auto evaluation = benefits::Evaluate(household, law_, local_, {}, nullptr);
      if (!evaluation.ok()) {
        return evaluation.status().WithContext("generator: BG " + out_.bg_ids[static_cast<size_t>(bg.bg_idx)] +
                                               " " + month.ToString());
      }
      bg.engine_claims = benefits::MemberClaims(*evaluation);
      bg.engine_pays = evaluation->vorrang == benefits::Vorrang::kSgb2;
      bg.engine_inputs = inputs_;
    }
    const std::vector<benefits::MemberClaim>& claims = bg.engine_claims;
    for (size_t idx = 0; idx < rows.size(); ++idx) {
      const Cents llu = claims[idx].llu, luh = claims[idx].luh;
      if (llu.value() == 0 && luh.value() == 0) continue;
      const int32_t member = out_.benefit_spells[static_cast<size_t>(rows[idx])].person;
      SimPerson& person = persons_[static_cast<size_t>(member)];
      if (person.claim >= 0) {
        contract::Claim& last = out_.claims[static_cast<size_t>(person.claim)];
        if (last.to == month - 1 && last.llu == llu && last.luh == luh) {
          last.to = month;
          continue;
        }
      }
      person.claim = static_cast<int32_t>(out_.claims.size());
      out_.claims.push_back({member, month, month, llu, luh});
    }
    rows.clear();
    // Not in need by the law (income or Wohngeld/Kinderzuschlag cover the need): no claim,
    // and the household leaves receipt at the end of the month.
    if (!bg.engine_pays && bg.in_receipt) ExitHousehold(sim, last_day);
  }
  return core::Status::Ok();
}

void Simulator::Integrate(int32_t bg_idx, int32_t person_idx, Month month, bool* exits) {
  SimPerson& person = persons_[static_cast<size_t>(person_idx)];
  const int age = (month.index() - person.birth_month) / 12;
  const int32_t day = DayOf(month, static_cast<int>(rng_.Between(1, DaysIn(month))));
  double training = age < law_.sgb2.u25_unter ? model_.integration_training_share * 4
                             : (age < 35 ? model_.integration_training_share : 0.0);
  const double u = rng_.Uniform();
  EmploymentKind kind = EmploymentKind::kSvb;
  if (u < training) {
    kind = EmploymentKind::kTraining;
  } else if (u < training + model_.integration_self_share && age >= 21) {
    kind = EmploymentKind::kSelfEmployed;
  }
  Cents gross;
  double hours;
  const SimBg& bg = bgs_[static_cast<size_t>(bg_idx)];
  if (kind == EmploymentKind::kTraining) {
    gross = Cents::FromCents(static_cast<int64_t>(model_.training_gross_mean.value() *
                                                  std::exp(0.15 * rng_.Normal())));
    hours = 39;
  } else {
    double fulltime = person.female ? model_.fulltime_share_f : model_.fulltime_share_m;
    if (IsSingleParent(bg, person_idx, day)) fulltime *= 0.6;
    if (rng_.Bernoulli(fulltime)) {
      gross = Cents::FromCents(static_cast<int64_t>(model_.fulltime_gross_mean.value() *
                                                    std::exp(0.22 * rng_.Normal())));
      hours = 38 + static_cast<double>(rng_.Between(0, 4));
    } else {
      gross = Cents::FromCents(static_cast<int64_t>(model_.parttime_gross_mean.value() *
                                                    std::exp(0.3 * rng_.Normal())));
      hours = static_cast<double>(rng_.Between(15, 30));
    }
  }
  const int32_t end = DrawJobEnd(day, model_.job_end_rate);
  const int32_t row = StartJob(person_idx, kind, day, gross, hours, end);
  if (row < 0) return;
  integrations_.push_back({person_idx, row, month.index() - bg.entry_month >= 21});
  // Leaves receipt for reasons outside the data (e.g. a partner's income); whether the job
  // itself ends the need, the benefits engine decides on the count day (ClaimsOfMonth).
  if (rng_.Bernoulli(model_.integration_exit_extra)) *exits = true;
}

void Simulator::OtherJobStarts(int32_t person_idx, Month month) {
  SimPerson& person = persons_[static_cast<size_t>(person_idx)];
  const double u = rng_.Uniform();
  if (person.job >= 0) return;
  const int32_t day = DayOf(month, static_cast<int>(rng_.Between(1, DaysIn(month))));
  if (u < model_.minijob_rate) {
    StartJob(person_idx, EmploymentKind::kMinijob, day, MinijobGross(),
             static_cast<double>(rng_.Between(5, 12)), DrawJobEnd(day, model_.minijob_end_rate));
  } else if (u < model_.minijob_rate + model_.public_rate) {
    StartJob(person_idx, EmploymentKind::kPublic, day, Cents::FromEuros(1800), 30,
             DrawJobEnd(day, 1.0 / 12));
  } else if (u < model_.minijob_rate + model_.public_rate + model_.volunteer_rate) {
    if (person.volunteer >= 0) {  // one voluntary service at a time
      const auto& running = out_.employment_spells[static_cast<size_t>(person.volunteer)];
      if (!running.end || running.end->days() >= day) return;
    }
    const int32_t end = day + 365;
    StartJob(person_idx, EmploymentKind::kVolunteer, day, Cents::FromEuros(450), 20,
             end > sim_last_day_ ? kNever : end);
  }
}

void Simulator::ProcessHousehold(int32_t bg_idx, Month month) {
  const int32_t first_day = month.FirstDay().days();
  const int32_t last_day = month.LastDay().days();
  const int32_t days = DaysIn(month);
  std::vector<TimedAction>& actions = actions_;
  actions.clear();
  {
    SimBg& bg = bgs_[static_cast<size_t>(bg_idx)];
    // Jobs and measures that ended during the last month.
    for (int32_t member : bg.members) {
      SimPerson& person = persons_[static_cast<size_t>(member)];
      if (person.job >= 0 && person.job_end < first_day) {
        person.job = -1;
        UpdateUnemployment(member, person.job_end + 1);
      }
      if (person.measure_end >= 0 && person.measure_end < first_day) {
        const int32_t end = person.measure_end;
        person.measure_end = -1;
        UpdateUnemployment(member, end + 1);
      }
    }
    // One household event at most per month.
    bool couple = false, adult_woman = false, children = false;
    for (int32_t member : bg.members) {
      const SimPerson& person = persons_[static_cast<size_t>(member)];
      const int age = (month.index() - person.birth_month) / 12;
      if (person.role == BgRole::kPartner) couple = true;
      if (person.role == BgRole::kChild) children = true;
      if (person.role != BgRole::kChild && person.female && age >= 18 && age <= 42) adult_woman = true;
    }
    const double rates[6] = {ExitHazard(bg, month.index()),
                             couple ? model_.split_rate : 0.0,
                             couple ? 0.0 : model_.partner_join_rate,
                             adult_woman ? model_.birth_rate * (children ? 0.7 : 1.0) : 0.0,
                             model_.move_rate,
                             model_.move_other_jc_rate};
    static constexpr Action kKinds[6] = {Action::kExit, Action::kSplit, Action::kJoin,
                                         Action::kBirth, Action::kMove, Action::kMoveJc};
    double u = rng_.Uniform();
    for (int k = 0; k < 6; ++k) {
      if (u < rates[k]) {
        actions.push_back({first_day + static_cast<int32_t>(rng_.Below(static_cast<uint64_t>(days))),
                           kKinds[k], -1});
        break;
      }
      u -= rates[k];
    }
    for (int32_t member : bg.members) {
      const SimPerson& person = persons_[static_cast<size_t>(member)];
      if (person.day_erwerbsfaehig >= first_day && person.day_erwerbsfaehig <= last_day) {
        actions.push_back({person.day_erwerbsfaehig, Action::kTurnMindestalter, member});
      }
      if (person.role == BgRole::kChild && person.day_volljaehrig >= first_day && person.day_volljaehrig <= last_day) {
        actions.push_back({person.day_volljaehrig, Action::kTurnVolljaehrig, member});
      }
      if (person.role == BgRole::kChild && person.day_eigene_bg >= first_day && person.day_eigene_bg <= last_day) {
        actions.push_back({person.day_eigene_bg, Action::kTurnEigeneBg, member});
      }
      if (person.role != BgRole::kChild && person.day_limit >= first_day &&
          person.day_limit <= last_day) {
        // § 7a SGB II: entitled until the end of the month in which the age limit is reached.
        actions.push_back({last_day, Action::kAgeLimit, member});
      }
    }
  }
  // Birthdays first on the same day: a child turning 25 forms its own BG that day, whatever
  // else happens to the household (§ 7 Abs. 3 Nr. 4 SGB II).
  std::stable_sort(actions.begin(), actions.end(), [](const TimedAction& a, const TimedAction& b) {
    return a.day != b.day ? a.day < b.day : (a.person >= 0) > (b.person >= 0);
  });
  for (const TimedAction& action : actions) {
    SimBg& bg = bgs_[static_cast<size_t>(bg_idx)];
    if (!bg.in_receipt) break;
    if (action.person >= 0 && (persons_[static_cast<size_t>(action.person)].bg != bg_idx ||
                               persons_[static_cast<size_t>(action.person)].spell < 0)) {
      continue;  // left the household earlier this month
    }
    int32_t day = action.day;
    if (action.person < 0) {
      // Household events never precede the receipt (initial households may enter this month).
      const SimPerson& head = persons_[static_cast<size_t>(bg.members.front())];
      if (head.spell >= 0) day = std::max(day, out_.benefit_spells[static_cast<size_t>(head.spell)].start.days());
    }
    switch (action.action) {
      case Action::kExit:
        ExitHousehold(bg_idx, day);
        break;
      case Action::kSplit: {
        // The partner moves out to a BG of their own; if the head is a man, usually he leaves
        // and the mother stays as head with the children.
        auto& members = bg.members;
        auto partner_it = std::find_if(members.begin(), members.end(), [this](int32_t member) {
          return persons_[static_cast<size_t>(member)].role == BgRole::kPartner;
        });
        if (partner_it == members.end()) break;
        int32_t leaver = *partner_it;
        const int32_t head = members.front();
        if (!persons_[static_cast<size_t>(head)].female && rng_.Bernoulli(0.8)) {
          std::iter_swap(members.begin(), partner_it);
          persons_[static_cast<size_t>(members.front())].role = BgRole::kHead;
          leaver = head;
        }
        SplitOff(bg_idx, leaver, day, month);
        SyncAll(bg_idx, day);
        break;
      }
      case Action::kJoin: {
        const int32_t head = bg.members.front();
        const SimPerson& head_person = persons_[static_cast<size_t>(head)];
        const int head_age = (month.index() - head_person.birth_month) / 12;
        const int32_t age = std::clamp<int32_t>(
            head_age + static_cast<int32_t>(std::lround(5 * rng_.Normal())), 18, model_.age_limit - 2);
        const int32_t partner = NewPerson(!head_person.female, RandomBirth(age, month));
        SimPerson& partner_person = persons_[static_cast<size_t>(partner)];
        partner_person.role = BgRole::kPartner;
        partner_person.bg = bg_idx;
        bgs_[static_cast<size_t>(bg_idx)].members.push_back(partner);
        SyncAll(bg_idx, day);
        DrawRegistration(partner, day, bgs_[static_cast<size_t>(bg_idx)].stayer);
        break;
      }
      case Action::kBirth: {
        const int32_t child = NewPerson(rng_.Bernoulli(0.49), Date::FromDays(day));
        SimPerson& child_person = persons_[static_cast<size_t>(child)];
        child_person.role = BgRole::kChild;
        child_person.nef_adult = false;
        child_person.bg = bg_idx;
        bgs_[static_cast<size_t>(bg_idx)].members.push_back(child);
        SyncAll(bg_idx, day);
        break;
      }
      case Action::kMove: {
        const JcState& jc = jcs_[static_cast<size_t>(bg.jc)];
        if (jc.municipalities.size() < 2) break;
        int32_t mun = PickMunicipality(bg.jc);
        if (mun == bg.mun) break;
        bg.mun = mun;
        bg.rent_factor = std::exp(model_.rent_sd * rng_.Normal()) * jc.rent_factor;
        SyncAll(bg_idx, day);
        break;
      }
      case Action::kMoveJc: {
        if (jcs_.size() < 2) {
          ExitHousehold(bg_idx, day);  // moved away: leaves this Jobcenter's extract
          break;
        }
        const int32_t old_jc = bg.jc;
        int32_t new_jc = static_cast<int32_t>(rng_.Below(jcs_.size()));
        if (new_jc == old_jc) new_jc = (new_jc + 1) % static_cast<int32_t>(jcs_.size());
        bg.jc = new_jc;
        bg.mun = PickMunicipality(new_jc);
        --jcs_[static_cast<size_t>(old_jc)].active;
        ++jcs_[static_cast<size_t>(new_jc)].active;
        SyncAll(bg_idx, day);
        break;
      }
      case Action::kTurnMindestalter: {
        SyncSpell(action.person, day);
        if (persons_[static_cast<size_t>(action.person)].spell >= 0) {
          DrawRegistration(action.person, day, bg.stayer);
          UpdateUnemployment(action.person, day);
        }
        break;
      }
      case Action::kTurnVolljaehrig:
        SyncAll(bg_idx, day);
        DrawRegistration(action.person, day, bg.stayer);
        UpdateUnemployment(action.person, day);
        break;
      case Action::kTurnEigeneBg:
        SplitOff(bg_idx, action.person, day, month);
        SyncAll(bg_idx, day);
        break;
      case Action::kAgeLimit: {
        if (action.person == bg.members.front()) {
          ExitHousehold(bg_idx, day);
        } else {
          auto& members = bg.members;
          const auto found = std::find(members.begin(), members.end(), action.person);
          AMIP_ASSERT(found != members.end(), "ageing person is a member");
          members.erase(found);
          EndReceipt(action.person, day);
          if (day < last_day) SyncAll(bg_idx, day + 1);
        }
        break;
      }
    }
  }
  SimBg& bg = bgs_[static_cast<size_t>(bg_idx)];
  if (bg.in_receipt) {
    // Job starts of ELB members; an integration may end the receipt at the end of the month.
    bool exits = false;
    const int32_t mid = DayOf(month, 15);
    const bool long_term = month.index() - bg.entry_month >= 21;
    // Integrate and the job starts never change the member list.
    for (size_t member_no = 0; member_no < bgs_[static_cast<size_t>(bg_idx)].members.size(); ++member_no) {
      const int32_t member = bgs_[static_cast<size_t>(bg_idx)].members[member_no];
      SimPerson& person = persons_[static_cast<size_t>(member)];
      if (StatusAt(person, mid) != BenefitStatus::kElb || person.spell < 0) continue;
      const int age = (month.index() - person.birth_month) / 12;
      if (person.registered && rng_.Bernoulli(model_.deregistration_rate)) {
        person.registered = false;  // illness, care duties, § 10 SGB II reasons
        UpdateUnemployment(member, DayOf(month, static_cast<int>(rng_.Between(1, DaysIn(month)))));
      }
      const bool has_job = person.job >= 0 && person.job_blocks;
      if (!has_job) {
        double rate = person.female ? model_.integration_f : model_.integration_m;
        if (bg.stayer) rate *= model_.integration_stayer_factor;
        if (person.role == BgRole::kHead && IsSingleParent(bg, member, mid)) {
          rate *= model_.integration_single_parent_factor;
        }
        if (age < law_.volljaehrig_ab) rate *= 0.35;
        if (age >= 55) rate *= 0.5;
        if (static_cast<size_t>(bg.mun) < mun_integration_.size()) {
          rate *= mun_integration_[static_cast<size_t>(bg.mun)];
          if (age < law_.sgb2.u25_unter) rate *= mun_young_integration_[static_cast<size_t>(bg.mun)];
        }
        if (rng_.Bernoulli(rate)) {
          Integrate(bg_idx, member, month, &exits);
        } else {
          OtherJobStarts(member, month);
        }
      }
      if (person.spell >= 0 && person.measure_end < 0 && !(person.job >= 0 && person.job_blocks) &&
          age < model_.age_limit - 1) {
        candidates_any_.push_back(member);
        if (long_term) candidates_long_.push_back(member);
        if (age < law_.sgb2.u25_unter) candidates_young_.push_back(member);
      }
    }
    if (exits) ExitHousehold(bg_idx, last_day);
  }
}

void Simulator::AddMeasure(int32_t person_idx, const MeasurePlan& plan, int32_t start_day,
                           int months) {
  const Date start = Date::FromDays(start_day);
  const Month end_month = start.ToMonth() + months;
  const int32_t end_day = end_month.Day(std::min(start.day(), 28)).days() - 1;
  contract::MeasureSpell spell;
  spell.person = person_idx;
  spell.instrument = plan.instrument;
  spell.start = start;
  spell.end = Date::FromDays(end_day);
  spell.cost = plan.cost_per_month * months;
  spell.funding = (plan.ba_from_year > 0 && start.year() >= plan.ba_from_year)
                      ? contract::Funding::kBa
                      : plan.funding;
  out_.measure_spells.push_back(spell);
}

void Simulator::AllocateMeasures(Month month) {
  const int32_t first_day = month.FirstDay().days();
  const int32_t last_day = month.LastDay().days();
  for (size_t plan_idx = 0; plan_idx < model_.measures.size(); ++plan_idx) {
    const MeasurePlan& plan = model_.measures[plan_idx];
    const int year = month.year();
    if ((plan.first_year > 0 && year < plan.first_year) || (plan.last_year > 0 && year > plan.last_year)) {
      continue;
    }
    double per_year = plan.default_entries;
    for (const PlanYear& entry : plan.entries) {
      if (entry.year == year) per_year = entry.entries;
    }
    if (model_.measure_entry_sd > 0) {
      if (measure_year_[plan_idx] != year) {
        measure_year_[plan_idx] = year;
        measure_factor_[plan_idx] = std::exp(model_.measure_entry_sd * rng_.Normal());
      }
      per_year *= measure_factor_[plan_idx];
    }
    measure_carry_[plan_idx] += per_year / 12.0;
    const int count = static_cast<int>(std::floor(measure_carry_[plan_idx]));
    measure_carry_[plan_idx] -= count;
    for (int n = 0; n < count; ++n) {
      const int months = static_cast<int>(rng_.Between(plan.min_months, plan.max_months));
      if (plan.link == MeasureLink::kEgz || plan.link == MeasureLink::kEsg ||
          plan.link == MeasureLink::kEvl) {
        // Accompanying benefit of a job start of this month.
        for (int attempt = 0; attempt < 40 && !integrations_.empty(); ++attempt) {
          const size_t pick = rng_.Below(integrations_.size());
          const Integration& integration = integrations_[pick];
          contract::EmploymentSpell& job = out_.employment_spells[static_cast<size_t>(integration.employment)];
          if (job.subsidy != Subsidy::kNone) continue;
          const bool svb = job.kind == EmploymentKind::kSvb;
          if (plan.link == MeasureLink::kEgz && !svb) continue;
          if (plan.link == MeasureLink::kEsg && !svb && job.kind != EmploymentKind::kSelfEmployed) continue;
          if (plan.link == MeasureLink::kEvl && (!svb || (!integration.long_term && attempt < 30))) continue;
          job.subsidy = plan.link == MeasureLink::kEgz   ? Subsidy::kEgz
                        : plan.link == MeasureLink::kEsg ? Subsidy::kEsg
                                                         : Subsidy::k16e;
          AddMeasure(integration.person, plan, job.start.days(), months);
          break;
        }
        continue;
      }
      std::vector<int32_t>& pool = plan.target_group == MeasureTarget::kLongTerm ? candidates_long_
                                   : plan.target_group == MeasureTarget::kYoung  ? candidates_young_
                                                                                 : candidates_any_;
      int32_t person_idx = -1;
      for (int attempt = 0; attempt < 20 && !pool.empty(); ++attempt) {
        const size_t pick = rng_.Below(pool.size());
        const int32_t candidate = pool[pick];
        pool[pick] = pool.back();
        pool.pop_back();
        const SimPerson& person = persons_[static_cast<size_t>(candidate)];
        if (person.spell >= 0 && person.measure_end < 0) {
          person_idx = candidate;
          break;
        }
      }
      if (person_idx < 0) continue;
      SimPerson& person = persons_[static_cast<size_t>(person_idx)];
      const int32_t spell_start = out_.benefit_spells[static_cast<size_t>(person.spell)].start.days();
      const int32_t lo = std::max(first_day, spell_start);
      const int32_t start = lo + static_cast<int32_t>(rng_.Below(static_cast<uint64_t>(last_day - lo + 1)));
      AddMeasure(person_idx, plan, start, months);
      const int32_t end = out_.measure_spells.back().end->days();
      if (plan.link == MeasureLink::kTam) {
        // § 16i: subsidised public employment for the whole participation.
        StartJob(person_idx, EmploymentKind::kPublic, start, Cents::FromEuros(2100), 35,
                 end > sim_last_day_ ? kNever : end);
      }
      person.measure_end = end;
      UpdateUnemployment(person_idx, start);
    }
  }
}

void Simulator::Finish() {
  // Close open unemployment spells at the horizon (open end).
  for (size_t idx = 0; idx < persons_.size(); ++idx) {
    SimPerson& person = persons_[idx];
    if (person.ue_start >= 0) {
      out_.unemployment_spells.push_back(
          {static_cast<int32_t>(idx), Date::FromDays(person.ue_start), std::nullopt});
    }
  }
  // The simulation state is no longer needed; free it before sorting.
  const size_t person_count = persons_.size();
  std::vector<SimPerson>().swap(persons_);
  std::vector<SimBg>().swap(bgs_);
  std::vector<JcState>().swap(jcs_);
  // Stable order by person (rows of one person keep their chronological order), then by start
  // within the person. In place: one 4-byte destination index per row, no copy of the table.
  auto sort_by_key = [](auto& rows, size_t key_count, auto key_of, auto start_of) {
    using Row = typename std::decay_t<decltype(rows)>::value_type;
    std::vector<uint32_t> offsets(key_count + 1, 0);
    for (const Row& row : rows) ++offsets[static_cast<size_t>(key_of(row)) + 1];
    for (size_t idx = 0; idx < key_count; ++idx) offsets[idx + 1] += offsets[idx];
    std::vector<uint32_t> dest(rows.size());
    {
      std::vector<uint32_t> cursor(offsets.begin(), offsets.end() - 1);
      for (size_t idx = 0; idx < rows.size(); ++idx) {
        dest[idx] = cursor[static_cast<size_t>(key_of(rows[idx]))]++;
      }
    }
    for (size_t idx = 0; idx < rows.size(); ++idx) {
      while (dest[idx] != idx) {
        const uint32_t target = dest[idx];
        std::swap(rows[idx], rows[target]);
        std::swap(dest[idx], dest[target]);
      }
    }
    for (size_t idx = 0; idx < key_count; ++idx) {
      if (offsets[idx + 1] - offsets[idx] < 2) continue;
      std::stable_sort(rows.begin() + offsets[idx], rows.begin() + offsets[idx + 1],
                       [&](const Row& a, const Row& b) { return start_of(a) < start_of(b); });
    }
  };
  auto by_person = [](const auto& row) { return row.person; };
  sort_by_key(out_.benefit_spells, person_count, by_person,
              [](const auto& row) { return row.start; });
  sort_by_key(out_.claims, person_count, by_person, [](const auto& row) { return row.from; });
  sort_by_key(out_.employment_spells, person_count, by_person,
              [](const auto& row) { return row.start; });
  sort_by_key(out_.measure_spells, person_count, by_person,
              [](const auto& row) { return row.start; });
  sort_by_key(out_.unemployment_spells, person_count, by_person,
              [](const auto& row) { return row.start; });
  sort_by_key(out_.bg_housing, out_.bg_ids.size(), [](const auto& row) { return row.bg; },
              [](const auto& row) { return row.from; });
}

core::Status Simulator::ResolveLawOf(Month month) {
  // Months before the law parameters begin (law/parameters start in 2014; the 2014 profile
  // simulates from 2007) are computed with the earliest law in force (docs/generator.md).
  Month law_month = month;
  auto law = law::ResolveLaw(*law_store_, law_month.FirstDay());
  while (!law.ok() && law_month < month + 240) {
    law_month = law_month + 1;
    law = law::ResolveLaw(*law_store_, law_month.FirstDay());
  }
  if (!law.ok()) return law.status();
  law_ = std::move(law).value();
  law_month_ = law_month;
  return core::Status::Ok();
}

core::Result<contract::Extract> Simulator::Run() {
  AMIP_ASSIGN_OR_RETURN(law_store_, law::EmbeddedStore());
  AMIP_ASSIGN_OR_RETURN(local_, law::EmbeddedLocalRules());
  for (const auto& [id, parameter] : law_store_->parameters()) {
    for (const law::ParameterEntry& entry : parameter.entries) {
      law_change_months_.push_back(entry.valid_from.ToMonth().index());
    }
  }
  std::sort(law_change_months_.begin(), law_change_months_.end());
  SetupJobcenters();
  PrecomputeDurations();
  const Month first = profile_.first_month;
  const Month last = profile_.last_month;
  sim_first_day_ = first.FirstDay().days();
  sim_last_day_ = last.LastDay().days();
  measure_carry_.assign(model_.measures.size(), 0.0);
  measure_year_.assign(model_.measures.size(), 0);
  measure_factor_.assign(model_.measures.size(), 1.0);
  const int32_t months = last - first + 1;
  for (JcState& jc : jcs_) jc.pool_mark.assign(static_cast<size_t>(months) + 1, 0);

  // Initial stock: households already in receipt, entry dates drawn from the stationary
  // distribution of elapsed durations; their ages (birthdays of the law's age limits) are
  // those of the first month's law.
  AMIP_RETURN_IF_ERROR(ResolveLawOf(first));
  for (int32_t jc = 0; jc < static_cast<int32_t>(jcs_.size()); ++jc) {
    const int64_t count = std::llround(TargetBgs(jc, first));
    for (int64_t n = 0; n < count; ++n) CreateEntry(jc, first, true);
  }
  for (int32_t bg = 0; bg < static_cast<int32_t>(bgs_.size()); ++bg) active_.push_back(bg);

  for (Month month = first; month <= last; ++month) {
    const int32_t month_no = month - first;
    AMIP_RETURN_IF_ERROR(ResolveLawOf(month));
    if (month.month() == 1 ||
        std::binary_search(law_change_months_.begin(), law_change_months_.end(), month.index())) {
      ++law_epoch_;
    }
    for (JcState& jc : jcs_) jc.pool_mark[static_cast<size_t>(month_no)] = jc.pool.size();
    fresh_.clear();
    integrations_.clear();
    candidates_any_.clear();
    candidates_long_.clear();
    candidates_young_.clear();
    for (size_t idx = 0; idx < active_.size(); ++idx) ProcessHousehold(active_[idx], month);
    // Entries steered towards the profile's stock path; part of them are re-entries.
    for (int32_t jc = 0; jc < static_cast<int32_t>(jcs_.size()); ++jc) {
      const double gap = TargetBgs(jc, month + 1) - static_cast<double>(jcs_[static_cast<size_t>(jc)].active);
      const int64_t entries = gap > 0 ? rng_.Poisson(gap) : 0;
      for (int64_t n = 0; n < entries; ++n) {
        if (!(rng_.Bernoulli(model_.reentry_share) && TryReentry(jc, month))) {
          CreateEntry(jc, month, false);
        }
      }
    }
    AllocateMeasures(month);
    AMIP_RETURN_IF_ERROR(ClaimsOfMonth(month));
    // Next month's active list.
    std::vector<int32_t> next;
    next.reserve(active_.size() + fresh_.size());
    for (int32_t bg : active_) {
      if (bgs_[static_cast<size_t>(bg)].in_receipt) next.push_back(bg);
    }
    for (int32_t bg : fresh_) {
      if (bgs_[static_cast<size_t>(bg)].in_receipt) next.push_back(bg);
    }
    active_ = std::move(next);
    if (month_no == 0) {
      sizes_after_first_ = TableSizes();
    } else if (month_no == 12 && months > 24) {
      ReserveForRemaining(months - 13);
    }
  }
  Finish();
  return std::move(out_);
}

}  // namespace

bool GeneratedExtract::AllTargetsPass() const {
  for (const CalibrationRow& row : calibration) {
    if (!row.pass) return false;
  }
  return true;
}

core::Result<GeneratedExtract> Generate(const Profile& profile, uint64_t seed) {
  Simulator simulator(profile, seed);
  AMIP_ASSIGN_OR_RETURN(contract::Extract extract, simulator.Run());
  GeneratedExtract result;
  result.extract = std::move(extract);
  result.calibration = Calibrate(result.extract, profile);
  return result;
}

contract::ManifestInfo ManifestInfoOf(const Profile& profile, uint64_t seed) {
  return {profile.first_month.FirstDay(), profile.last_month.LastDay(),
          "amip generate --profile " + profile.name + " --seed " + std::to_string(seed)};
}

}  // namespace amip::synth
