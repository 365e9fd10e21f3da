#include "indicators/kennzahlen.h"

#include <algorithm>
#include <limits>
#include <thread>
#include <unordered_map>
#include <utility>

#include "contract/instrument_catalogue.h"
#include "indicators/lzb.h"

namespace amip::indicators {
namespace {

using contract::BenefitStatus;
using contract::EmploymentKind;
using core::Date;
using core::Month;

constexpr int kSexCount = 3;  // m, f, x; "all" is their sum

int SexCode(contract::Sex sex) {
  switch (sex) {
    case contract::Sex::kM: return 0;
    case contract::Sex::kF: return 1;
    case contract::Sex::kX: return 2;
  }
  return 2;
}

// Per-(group, count day) counters. Events × populations occupy kEventBase.. (4 × 3), the
// follow-up tests kPassBase.. (one per distinct test of the catalogue).
enum Counter : int {
  kElb, kSp, kLzb, kZug, kAbg, kLzbZug, kLzbAbg, kAct2011, kAct2019, kLlu, kLuh,
  kEventBase,
  kPassBase = kEventBase + 12,
};
int EventCounter(Event event, Population population) {
  int event_index = 0;
  switch (event) {
    case Event::kIntegration: event_index = 0; break;
    case Event::kMinijob: event_index = 1; break;
    case Event::kPublic: event_index = 2; break;
    case Event::kSvbIntegration: event_index = 3; break;
    case Event::kNone: AMIP_ASSERT(false, "event kind required"); break;
  }
  return kEventBase + event_index * 3 + static_cast<int>(population);
}

// Event bits of one person and reporting month.
enum EventBit : uint8_t {
  kBitIntegration = 1, kBitSvb = 2, kBitMinijob = 4, kBitPublic = 8, kBitWindow2 = 16,
};
uint8_t EventBitOf(Event event) {
  switch (event) {
    case Event::kIntegration: return kBitIntegration;
    case Event::kMinijob: return kBitMinijob;
    case Event::kPublic: return kBitPublic;
    case Event::kSvbIntegration: return kBitSvb;
    case Event::kNone: break;
  }
  return 0;
}

struct FollowupTest {
  Event event = Event::kIntegration;
  Followup followup = Followup::kNone;
  int months = 0;
  bool operator==(const FollowupTest&) const = default;
};

enum State : uint8_t { kNone = 0, kNef = 1, kElbState = 2 };

// Rows of one table grouped by person (CSR), each person's rows sorted by start.
struct PersonIndex {
  std::vector<int32_t> begin;  // persons + 1
  std::vector<int32_t> rows;
};

template <typename Row>
core::Result<PersonIndex> BuildIndex(const std::vector<Row>& table, size_t persons,
                                     const char* name) {
  PersonIndex index;
  index.begin.assign(persons + 1, 0);
  for (size_t row = 0; row < table.size(); ++row) {
    core::PersonIdx person = table[row].person;
    if (person < 0 || static_cast<size_t>(person) >= persons) {
      return core::InvalidArgumentError(std::string(name) + ": row " + std::to_string(row + 1) +
                                        " refers to an unknown person index");
    }
    ++index.begin[person + 1];
  }
  for (size_t person = 0; person < persons; ++person) index.begin[person + 1] += index.begin[person];
  index.rows.resize(table.size());
  std::vector<int32_t> fill(index.begin.begin(), index.begin.end() - 1);
  for (size_t row = 0; row < table.size(); ++row) {
    index.rows[fill[table[row].person]++] = static_cast<int32_t>(row);
  }
  return index;
}

template <typename Row>
void SortByStart(const std::vector<Row>& table, PersonIndex& index) {
  for (size_t person = 0; person + 1 < index.begin.size(); ++person) {
    auto first = index.rows.begin() + index.begin[person];
    auto last = index.rows.begin() + index.begin[person + 1];
    if (last - first < 2) continue;
    if (!std::is_sorted(first, last, [&](int32_t a, int32_t b) {
          return table[a].start < table[b].start;
        })) {
      std::stable_sort(first, last,
                       [&](int32_t a, int32_t b) { return table[a].start < table[b].start; });
    }
  }
}

template <typename Row>
void SortByFrom(const std::vector<Row>& table, PersonIndex& index) {
  for (size_t person = 0; person + 1 < index.begin.size(); ++person) {
    std::stable_sort(index.rows.begin() + index.begin[person],
                     index.rows.begin() + index.begin[person + 1],
                     [&](int32_t a, int32_t b) { return table[a].from < table[b].from; });
  }
}

constexpr int32_t kOpenEnd = 2000000000;
int32_t EndDays(const std::optional<Date>& end) { return end ? end->days() : kOpenEnd; }

// Everything the per-person pass needs, computed once.
struct Plan {
  const contract::Extract* extract = nullptr;
  const Catalogue* catalogue = nullptr;
  const Options* options = nullptr;
  Month m_lo;                    // month of count day index 0
  int count_days = 0;            // T
  std::vector<int32_t> st;       // count day per index, in days
  std::vector<int32_t> month_first, month_last;  // first/last day of the month per index
  int money_first = 0;           // first index with claim sums (F − 12)
  int money_last = 0;            // last index with claim sums (L)
  std::vector<FollowupTest> tests;
  int counter_count = 0;
  int units = 0;
  PersonIndex benefits, employment, measures, claims;
  std::vector<uint8_t> measure_active;  // per measure spell: bit0 2011 list, bit1 2019 list
  int64_t unknown_instruments = 0;
};

// One person's derived status at every count day (the explain output prints this).
struct Timeline {
  std::vector<uint8_t> state;
  std::vector<int32_t> jc;
  std::vector<int32_t> unit;
  std::vector<uint8_t> single_parent;
  std::vector<int32_t> elb_days;
  std::vector<uint8_t> lzb;
  std::vector<uint8_t> events;
  std::vector<uint8_t> pass;  // bit per follow-up test
  std::vector<uint8_t> active;  // bit0 in a 2011-list measure at ST, bit1 2019 list
  std::vector<int32_t> money_unit;
  ElbIntervals elb;  // merged ELB spells (the LZB rule, lzb.h)

  void Resize(int count_days) {
    state.assign(count_days, kNone);
    jc.assign(count_days, core::kNoIdx);
    unit.assign(count_days, core::kNoIdx);
    single_parent.assign(count_days, 0);
    elb_days.assign(count_days, 0);
    lzb.assign(count_days, 0);
    events.assign(count_days, 0);
    pass.assign(count_days, 0);
    active.assign(count_days, 0);
    money_unit.assign(count_days, core::kNoIdx);
  }
};

bool SvbAt(const Plan& plan, core::PersonIdx person, int32_t day) {
  const auto& spells = plan.extract->employment_spells;
  for (int32_t k = plan.employment.begin[person]; k < plan.employment.begin[person + 1]; ++k) {
    const contract::EmploymentSpell& spell = spells[plan.employment.rows[k]];
    if (spell.start.days() > day) break;
    if (spell.kind == EmploymentKind::kSvb && EndDays(spell.end) >= day) return true;
  }
  return false;
}

// Status at every count day (spells of one person do not overlap: sweep).
void MarkStatus(const Plan& plan, core::PersonIdx person, Timeline& line) {
  const contract::Extract& extract = *plan.extract;
  const Options& options = *plan.options;
  const int32_t b_first = plan.benefits.begin[person];
  const int32_t b_last = plan.benefits.begin[person + 1];
  int32_t k = b_first;
  for (int t = 0; t < plan.count_days && k < b_last; ++t) {
    const int32_t day = plan.st[t];
    while (k < b_last && EndDays(extract.benefit_spells[plan.benefits.rows[k]].end) < day) ++k;
    if (k == b_last) break;
    const contract::BenefitSpell& spell = extract.benefit_spells[plan.benefits.rows[k]];
    if (spell.start.days() > day) continue;
    line.state[t] = spell.status == BenefitStatus::kElb ? kElbState : kNef;
    line.jc[t] = spell.jc;
    line.unit[t] = options.by_municipality ? spell.municipality : spell.jc;
    line.single_parent[t] = spell.single_parent ? 1 : 0;
  }
}

// Unit of each claim month (docs/decisions/0201): the spell (ELB or NEF) covering ST(m),
// as for the stock; without one, the last benefit spell overlapping the month.
void MarkClaimUnits(const Plan& plan, core::PersonIdx person, Timeline& line) {
  const contract::Extract& extract = *plan.extract;
  const Options& options = *plan.options;
  const int32_t b_first = plan.benefits.begin[person];
  const int32_t b_last = plan.benefits.begin[person + 1];
  int32_t k = b_first - 1;
  for (int t = plan.money_first; t <= plan.money_last; ++t) {
    if (line.state[t] != kNone) {
      line.money_unit[t] = line.unit[t];
      continue;
    }
    const int32_t first_day = plan.month_first[t];
    const int32_t last_day = plan.month_last[t];
    while (k + 1 < b_last &&
           extract.benefit_spells[plan.benefits.rows[k + 1]].start.days() <= last_day) {
      ++k;
    }
    if (k < b_first) continue;
    const contract::BenefitSpell& spell = extract.benefit_spells[plan.benefits.rows[k]];
    if (EndDays(spell.end) < first_day) continue;
    line.money_unit[t] = options.by_municipality ? spell.municipality : spell.jc;
  }
}

// LZB at every count day, from the merged ELB intervals (overlapping spells counted once).
void MarkLzb(const Plan& plan, core::PersonIdx person, Timeline& line) {
  const contract::Extract& extract = *plan.extract;
  line.elb.Clear();
  for (int32_t k = plan.benefits.begin[person]; k < plan.benefits.begin[person + 1]; ++k) {
    const contract::BenefitSpell& spell = extract.benefit_spells[plan.benefits.rows[k]];
    if (spell.status == BenefitStatus::kElb) line.elb.Add(spell.start.days(), EndDays(spell.end));
  }
  const LzbDefinition& lzb = plan.catalogue->lzb;
  for (int t = 0; t < plan.count_days; ++t) {
    if (line.state[t] != kElbState) continue;
    const int32_t day = plan.st[t];
    line.elb_days[t] = line.elb.DaysInWindow(day, lzb);
    if (plan.options->lzb_method == LzbMethod::kDays) {
      line.lzb[t] = line.elb.IsLzb(day, lzb);
    } else {
      int months = 0;
      for (int back = 0; back < lzb.window_months && t - back >= 0; ++back) {
        months += line.state[t - back] == kElbState;
      }
      line.lzb[t] = months >= lzb.min_months;
    }
  }
}

// Participation in an active measure at the count day (LZB only, for K3E2).
void MarkActiveMeasures(const Plan& plan, core::PersonIdx person, Timeline& line) {
  const int32_t m_first = plan.measures.begin[person];
  const int32_t m_last = plan.measures.begin[person + 1];
  if (m_first == m_last) return;
  for (int t = 0; t < plan.count_days; ++t) {
    if (!line.lzb[t]) continue;
    const int32_t day = plan.st[t];
    for (int32_t j = m_first; j < m_last; ++j) {
      const int32_t row = plan.measures.rows[j];
      const contract::MeasureSpell& spell = plan.extract->measure_spells[row];
      if (spell.start.days() > day) break;
      if (EndDays(spell.end) >= day) line.active[t] |= plan.measure_active[row];
    }
  }
}

// Event bits of the employment spells starting in (low, high]; kBitWindow2 marks a start
// at or before ST(m−1) (window 2).
uint8_t EventBits(const Plan& plan, core::PersonIdx person, int32_t low, int32_t high,
                  int32_t previous_st) {
  uint8_t bits = 0;
  for (int32_t j = plan.employment.begin[person]; j < plan.employment.begin[person + 1]; ++j) {
    const contract::EmploymentSpell& spell =
        plan.extract->employment_spells[plan.employment.rows[j]];
    const int32_t start = spell.start.days();
    if (start > high) break;
    if (start <= low) continue;
    uint8_t bit = 0;
    switch (spell.kind) {
      case EmploymentKind::kSvb: bit = kBitIntegration | kBitSvb; break;
      case EmploymentKind::kTraining:
      case EmploymentKind::kSelfEmployed: bit = kBitIntegration; break;
      case EmploymentKind::kMinijob: bit = kBitMinijob; break;
      case EmploymentKind::kPublic: bit = kBitPublic; break;
      case EmploymentKind::kVolunteer: bit = 0; break;
    }
    if (bit != 0 && start <= previous_st) bit |= kBitWindow2;
    bits |= bit;
  }
  return bits;
}

// Whether the follow-up of `test` holds for an event in the month of count day t.
bool FollowupPassed(const Plan& plan, core::PersonIdx person, const Timeline& line,
                    const FollowupTest& test, int t) {
  switch (test.followup) {
    case Followup::kSvbAtPoint:
      return SvbAt(plan, person, plan.st[t + test.months]);
    case Followup::kSvbEachMonth:
      for (int ahead = 1; ahead <= test.months; ++ahead) {
        if (!SvbAt(plan, person, plan.st[t + ahead])) return false;
      }
      return true;
    case Followup::kNoRegelleistungAtPoint:
      // bedarfsdeckend (spec § 3.6): no Regelleistungsbezug at all, i.e. neither ELB
      // nor NEF (Sozialgeld) at ST(m + months); a move to Sozialgeld does not count.
      return line.state[t + test.months] == kNone;
    case Followup::kNone: break;
  }
  return false;
}

// Integration-type events per reporting month (binding decision 3): window 1 =
// (ST(m−1), ST(m)] for ELB at ST(m−1); window 2 = (ST(m−2), ST(m−1)] if additionally not
// ELB at ST(m−2). At most one event of each kind per person and month.
void MarkEvents(const Plan& plan, core::PersonIdx person, Timeline& line) {
  if (plan.employment.begin[person] == plan.employment.begin[person + 1]) return;
  for (int t = 2; t < plan.count_days; ++t) {
    if (line.state[t - 1] != kElbState) continue;
    const bool window2 = line.state[t - 2] != kElbState;
    const int32_t low = window2 ? plan.st[t - 2] : plan.st[t - 1];  // exclusive
    const int32_t high = plan.st[t];                                  // inclusive
    const uint8_t bits = EventBits(plan, person, low, high, plan.st[t - 1]);
    line.events[t] = bits;
    if (bits == 0) continue;
    for (size_t test_index = 0; test_index < plan.tests.size(); ++test_index) {
      const FollowupTest& test = plan.tests[test_index];
      if (!(bits & EventBitOf(test.event)) || t + test.months >= plan.count_days) continue;
      if (FollowupPassed(plan, person, line, test, t)) line.pass[t] |= static_cast<uint8_t>(1u << test_index);
    }
  }
}

void BuildTimeline(const Plan& plan, core::PersonIdx person, Timeline& line) {
  line.Resize(plan.count_days);
  MarkStatus(plan, person, line);
  MarkClaimUnits(plan, person, line);
  MarkLzb(plan, person, line);
  MarkActiveMeasures(plan, person, line);
  MarkEvents(plan, person, line);
}

// Adds one person's timeline to the counters (layout [counter][group][t]).
struct Counters {
  std::vector<int64_t> values;
  int64_t group_count = 0;
  int count_days = 0;
  int64_t unattributed_money_months = 0;
  bool money_overflow = false;  // a claim sum (K1, K1E1) does not fit in int64 cents
  // Adds cents to a money counter; an overflow is remembered, never wrapped (issue 10 item 6).
  void AddMoney(int counter, int64_t group, int t, int64_t cents) {
    int64_t& slot = At(counter, group, t);
    if (__builtin_add_overflow(slot, cents, &slot)) money_overflow = true;
  }
  int64_t& At(int counter, int64_t group, int t) {
    return values[(counter * group_count + group) * count_days + t];
  }
  int64_t Get(int counter, int64_t group, int t) const {
    return values[(counter * group_count + group) * count_days + t];
  }
};

void Accumulate(const Plan& plan, core::PersonIdx person, const Timeline& line,
                Counters& counters) {
  const contract::Extract& extract = *plan.extract;
  const int sex = SexCode(extract.persons[person].sex);
  auto group = [&](int t) -> int64_t {
    return line.unit[t] < 0 ? -1 : static_cast<int64_t>(line.unit[t]) * kSexCount + sex;
  };
  for (int t = 0; t < plan.count_days; ++t) {
    const bool elb = line.state[t] == kElbState;
    const int64_t g = group(t);
    if (elb && g >= 0) {
      ++counters.At(kElb, g, t);
      if (line.single_parent[t]) ++counters.At(kSp, g, t);
      if (line.lzb[t]) {
        ++counters.At(kLzb, g, t);
        if (line.active[t] & 1) ++counters.At(kAct2011, g, t);
        if (line.active[t] & 2) ++counters.At(kAct2019, g, t);
      }
    }
    if (t == 0) continue;
    const bool elb_before = line.state[t - 1] == kElbState;
    const int64_t g_before = group(t - 1);
    const bool same_jc = line.jc[t] == line.jc[t - 1];
    if (elb && !(elb_before && same_jc) && g >= 0) ++counters.At(kZug, g, t);
    if (elb_before && !(elb && same_jc) && g_before >= 0) ++counters.At(kAbg, g_before, t);
    if (line.lzb[t] && !line.lzb[t - 1] && g >= 0) ++counters.At(kLzbZug, g, t);
    if (line.lzb[t - 1] && !line.lzb[t] && g_before >= 0) ++counters.At(kLzbAbg, g_before, t);
    const uint8_t bits = line.events[t];
    if (bits == 0 || g_before < 0) continue;
    // Attributed to JC/municipality, sex, single-parent and LZB status at ST(m−1).
    const Event kinds[] = {Event::kIntegration, Event::kMinijob, Event::kPublic,
                           Event::kSvbIntegration};
    for (Event event : kinds) {
      if (!(bits & EventBitOf(event))) continue;
      ++counters.At(EventCounter(event, Population::kElb), g_before, t);
      if (line.single_parent[t - 1]) {
        ++counters.At(EventCounter(event, Population::kSingleParent), g_before, t);
      }
      if (line.lzb[t - 1]) ++counters.At(EventCounter(event, Population::kLzb), g_before, t);
    }
    for (size_t test_index = 0; test_index < plan.tests.size(); ++test_index) {
      if (line.pass[t] & (1u << test_index)) {
        ++counters.At(kPassBase + static_cast<int>(test_index), g_before, t);
      }
    }
  }
  for (int32_t k = plan.claims.begin[person]; k < plan.claims.begin[person + 1]; ++k) {
    const contract::Claim& claim = extract.claims[plan.claims.rows[k]];
    const int t_from = std::max(claim.from - plan.m_lo, plan.money_first);
    const int t_to = std::min(claim.to - plan.m_lo, plan.money_last);
    for (int t = t_from; t <= t_to; ++t) {
      if (line.money_unit[t] < 0) {
        ++counters.unattributed_money_months;
        continue;
      }
      const int64_t g = static_cast<int64_t>(line.money_unit[t]) * kSexCount + sex;
      counters.AddMoney(kLlu, g, t, claim.llu.value());
      counters.AddMoney(kLuh, g, t, claim.luh.value());
    }
  }
}

int FollowupMonths(const Options& options, const IndicatorDef& def,
                   const IndicatorVersion& version) {
  if (def.id == IndicatorId::kBdi && options.bdi_followup_months > 0) {
    return options.bdi_followup_months;
  }
  return version.followup_months;
}

core::Result<Plan> MakePlan(const contract::Extract& extract, const Catalogue& catalogue,
                            const Options& options) {
  if (const std::string missing = extract.tables.MissingOf(RequiredTables()); !missing.empty()) {
    return core::FailedPreconditionError("Kennzahlen brauchen Tabellen, die nicht geladen sind: " +
                                         missing);
  }
  Plan plan;
  plan.extract = &extract;
  plan.catalogue = &catalogue;
  plan.options = &options;
  if (options.months.last < options.months.first) {
    return core::InvalidArgumentError("reporting months: the last month is before the first");
  }
  if (options.bdi_followup_months < 0) {
    return core::InvalidArgumentError("Nachbeobachtung der BDI: " +
                                      std::to_string(options.bdi_followup_months) +
                                      " Monate (erlaubt: 0 = Katalog, sonst mindestens 1)");
  }
  int max_followup = 0;
  for (const IndicatorDef& def : catalogue.indicators) {
    if (def.kind != FormulaKind::kFollowupShare) continue;
    for (const IndicatorVersion& version : def.versions) {
      FollowupTest test{def.event, version.followup, FollowupMonths(options, def, version)};
      max_followup = std::max(max_followup, test.months);
      if (std::find(plan.tests.begin(), plan.tests.end(), test) == plan.tests.end()) {
        plan.tests.push_back(test);
      }
    }
  }
  if (plan.tests.size() > 8) return core::InternalError("more than 8 follow-up tests");
  const int64_t lookback =
      std::max<int64_t>(13 + int64_t{max_followup}, 12 + int64_t{catalogue.lzb.window_months}) + 1;
  // Every month the windows touch must be a month of the calendar (core::Date::Min()..Max()).
  const Month calendar_first = Date::Min().ToMonth();
  const Month calendar_last = Date::Max().ToMonth();
  if (options.months.first - calendar_first < lookback || calendar_last < options.months.last) {
    return core::OutOfRangeError(
        "Berichtsmonate " + options.months.first.ToString() + ".." + options.months.last.ToString() +
        ": die Zeitfenster (" + std::to_string(lookback) + " Monate zurück) verlassen den darstellbaren Kalender " +
        calendar_first.ToString() + " … " + calendar_last.ToString());
  }
  plan.m_lo = options.months.first - static_cast<int32_t>(lookback);
  plan.count_days = (options.months.last - plan.m_lo) + 1;
  for (int t = 0; t < plan.count_days; ++t) {
    plan.st.push_back(extract.CountDay(plan.m_lo + t).days());
    plan.month_first.push_back((plan.m_lo + t).FirstDay().days());
    plan.month_last.push_back((plan.m_lo + t).LastDay().days());
    if (t > 0 && plan.st[t] <= plan.st[t - 1]) {
      return core::InvalidArgumentError("stichtage: count day of " +
                                        (plan.m_lo + t).ToString() +
                                        " is not after the previous month's count day");
    }
  }
  plan.money_first = static_cast<int>(lookback) - 12;
  plan.money_last = plan.count_days - 1;
  plan.counter_count = kPassBase + static_cast<int>(plan.tests.size());
  plan.units = options.by_municipality ? static_cast<int>(extract.municipalities.size())
                                       : static_cast<int>(extract.jobcenters.size());
  const size_t persons = extract.persons.size();
  AMIP_ASSIGN_OR_RETURN(plan.benefits, BuildIndex(extract.benefit_spells, persons, "benefit_spells"));
  AMIP_ASSIGN_OR_RETURN(plan.employment,
                        BuildIndex(extract.employment_spells, persons, "employment_spells"));
  AMIP_ASSIGN_OR_RETURN(plan.measures, BuildIndex(extract.measure_spells, persons, "measure_spells"));
  AMIP_ASSIGN_OR_RETURN(plan.claims, BuildIndex(extract.claims, persons, "claims"));
  SortByStart(extract.benefit_spells, plan.benefits);
  SortByStart(extract.employment_spells, plan.employment);
  SortByStart(extract.measure_spells, plan.measures);
  SortByFrom(extract.claims, plan.claims);
  for (const contract::BenefitSpell& spell : extract.benefit_spells) {
    const int32_t unit = options.by_municipality ? spell.municipality : spell.jc;
    if (unit >= plan.units || (unit < 0 && !options.by_municipality)) {
      return core::InvalidArgumentError("benefit_spells: a spell refers to an unknown " +
                                        std::string(options.by_municipality ? "municipality"
                                                                            : "Jobcenter"));
    }
  }
  std::unordered_map<std::string, uint8_t> flags;
  for (const InstrumentFlags& instrument : options.instruments) {
    flags[instrument.code] = static_cast<uint8_t>((instrument.active_measure_2011 ? 1 : 0) |
                                                  (instrument.active_measure ? 2 : 0));
  }
  plan.measure_active.resize(extract.measure_spells.size(), 0);
  for (size_t row = 0; row < extract.measure_spells.size(); ++row) {
    auto it = flags.find(extract.measure_spells[row].instrument);
    if (it == flags.end()) {
      ++plan.unknown_instruments;
    } else {
      plan.measure_active[row] = it->second;
    }
  }
  return plan;
}

int64_t SumOver(const Counters& counters, int counter, int unit, SexSplit sex, int t_from,
                int t_to) {
  int64_t sum = 0;
  for (int code = 0; code < kSexCount; ++code) {
    if (sex == SexSplit::kM && code != 0) continue;
    if (sex == SexSplit::kF && code != 1) continue;
    const int64_t group = static_cast<int64_t>(unit) * kSexCount + code;
    for (int t = t_from; t <= t_to; ++t) sum += counters.Get(counter, group, t);
  }
  return sum;
}

int StockCounter(Population population) {
  switch (population) {
    case Population::kElb: return kElb;
    case Population::kSingleParent: return kSp;
    case Population::kLzb: return kLzb;
  }
  return kElb;
}

// Numerator and denominator of one indicator row.
void Evaluate(const Plan& plan, const Counters& counters, const IndicatorDef& def,
              const IndicatorVersion& version, int unit, SexSplit sex, int t,
              IndicatorRow& row) {
  const Options& options = *plan.options;
  const int window = def.window_months;
  auto sum = [&](int counter, int t_from, int t_to) {
    return SumOver(counters, counter, unit, sex, t_from, t_to);
  };
  switch (def.kind) {
    case FormulaKind::kYoyChange: {
      int counter = kElb;
      double scale = 1.0;
      switch (def.quantity) {
        case Quantity::kLluSum: counter = kLlu; scale = 100.0; break;
        case Quantity::kLuhSum: counter = kLuh; scale = 100.0; break;
        case Quantity::kElbStock: counter = kElb; break;
        case Quantity::kLzbStock: counter = kLzb; break;
        case Quantity::kNone: break;
      }
      row.numerator = static_cast<double>(sum(counter, t, t)) / scale;
      row.denominator = static_cast<double>(sum(counter, t - window, t - window)) / scale;
      break;
    }
    case FormulaKind::kEntryRate:
    case FormulaKind::kExitRate: {
      const bool lzb = def.population == Population::kLzb;
      const bool entry = def.kind == FormulaKind::kEntryRate;
      const int flow = entry ? (lzb ? kLzbZug : kZug) : (lzb ? kLzbAbg : kAbg);
      const int stock = lzb ? kLzb : kElb;
      const int shift = entry ? 0 : 1;  // exit rate: previous month's stock
      if (options.flow_averaging == FlowAveraging::kWeighted) {
        row.numerator = static_cast<double>(sum(flow, t - window + 1, t));
        row.denominator = static_cast<double>(sum(stock, t - window + 1 - shift, t - shift));
      } else {
        double rates = 0;
        int months = 0;
        for (int month_t = t - window + 1; month_t <= t; ++month_t) {
          const int64_t base = sum(stock, month_t - shift, month_t - shift);
          if (base == 0) continue;
          rates += static_cast<double>(sum(flow, month_t, month_t)) / static_cast<double>(base);
          ++months;
        }
        row.numerator = rates;
        row.denominator = months;
      }
      break;
    }
    case FormulaKind::kEventQuota: {
      row.numerator = static_cast<double>(sum(EventCounter(def.event, def.population),
                                              t - window + 1, t));
      const int lag = def.stock_lag_months;
      row.denominator = static_cast<double>(sum(StockCounter(def.population),
                                                t - window + 1 - lag, t - lag)) /
                        static_cast<double>(window);
      break;
    }
    case FormulaKind::kStockShare: {
      const int counter = version.measure_list == MeasureList::kActiveMeasure2011 ? kAct2011
                                                                                 : kAct2019;
      row.numerator = static_cast<double>(sum(counter, t, t));
      row.denominator = static_cast<double>(sum(StockCounter(def.population), t, t));
      break;
    }
    case FormulaKind::kFollowupShare: {
      const FollowupTest test{def.event, version.followup, FollowupMonths(options, def, version)};
      const int test_index = static_cast<int>(
          std::find(plan.tests.begin(), plan.tests.end(), test) - plan.tests.begin());
      const int last = t - test.months;
      row.numerator = static_cast<double>(sum(kPassBase + test_index, last - window + 1, last));
      row.denominator = static_cast<double>(
          sum(EventCounter(def.event, Population::kElb), last - window + 1, last));
      break;
    }
  }
  row.value = IndicatorValue(def.kind, row.numerator, row.denominator);
}

Date DefaultCoverageStart(const contract::Extract& extract) {
  Date first = Date::Max();
  for (const contract::BenefitSpell& spell : extract.benefit_spells) {
    first = std::min(first, spell.start);
  }
  return first;
}

Date CoverageStart(const contract::Extract& extract, const Options& options) {
  return options.coverage_start ? *options.coverage_start : DefaultCoverageStart(extract);
}

Date CoverageEnd(const contract::Extract& extract, const Options& options) {
  return options.coverage_end ? *options.coverage_end : DefaultCoverageEnd(extract);
}

core::Result<Counters> CountAll(const Plan& plan) {
  const size_t persons = plan.extract->persons.size();
  const int threads = std::max(1, std::min(plan.options->threads, 16));
  std::vector<Counters> parts(threads);
  for (Counters& part : parts) {
    part.group_count = static_cast<int64_t>(plan.units) * kSexCount;
    part.count_days = plan.count_days;
  }
  auto work = [&](int part_index) {
    Counters& counters = parts[part_index];
    counters.values.assign(
        static_cast<size_t>(plan.counter_count) * counters.group_count * plan.count_days, 0);
    Timeline line;
    const size_t begin = persons * part_index / threads;
    const size_t end = persons * (part_index + 1) / threads;
    // A person contributes only through a benefit spell reaching into [ST(0), last day of L].
    const int32_t window_first = plan.st.front();
    const int32_t window_last = plan.month_last.back();
    const auto& spells = plan.extract->benefit_spells;
    for (size_t person = begin; person < end; ++person) {
      const int32_t first = plan.benefits.begin[person];
      const int32_t last = plan.benefits.begin[person + 1];
      if (first == last) continue;
      if (spells[plan.benefits.rows[first]].start.days() > window_last) continue;
      int32_t max_end = std::numeric_limits<int32_t>::min();
      for (int32_t k = first; k < last; ++k) {
        max_end = std::max(max_end, EndDays(spells[plan.benefits.rows[k]].end));
      }
      if (max_end < window_first) continue;
      BuildTimeline(plan, static_cast<core::PersonIdx>(person), line);
      Accumulate(plan, static_cast<core::PersonIdx>(person), line, counters);
    }
  };
  if (threads == 1) {
    work(0);
  } else {
    std::vector<std::thread> workers;
    for (int i = 0; i < threads; ++i) workers.emplace_back(work, i);
    for (std::thread& worker : workers) worker.join();
  }
  Counters& total = parts[0];
  for (int i = 1; i < threads; ++i) {
    for (size_t k = 0; k < total.values.size(); ++k) {
      if (__builtin_add_overflow(total.values[k], parts[i].values[k], &total.values[k])) {
        total.money_overflow = true;
      }
    }
    total.unattributed_money_months += parts[i].unattributed_money_months;
    total.money_overflow = total.money_overflow || parts[i].money_overflow;
  }
  // The sum over the sexes ("all") must fit as well (SumOver adds them in int64).
  for (int counter : {kLlu, kLuh}) {
    for (int unit = 0; unit < plan.units && !total.money_overflow; ++unit) {
      for (int t = 0; t < plan.count_days; ++t) {
        core::CentsSum all;
        for (int code = 0; code < kSexCount; ++code) {
          all.Add(total.Get(counter, static_cast<int64_t>(unit) * kSexCount + code, t));
        }
        if (!all.Fits()) total.money_overflow = true;
      }
    }
  }
  if (total.money_overflow) {
    return core::OutOfRangeError(
        "Leistungssummen (K1/K1E1): die Ansprüche eines Monats ergeben mehr als "
        "92.233.720.368.547.758,07 €; die Summe wäre übergelaufen und wird nicht ausgegeben");
  }
  return std::move(total);
}

std::string FormatNumber(int64_t value) { return std::to_string(value); }

}  // namespace

std::string_view ToString(SexSplit sex) {
  switch (sex) {
    case SexSplit::kAll: return "all";
    case SexSplit::kM: return "m";
    case SexSplit::kF: return "f";
  }
  return "all";
}

std::optional<double> IndicatorValue(FormulaKind kind, double numerator, double denominator) {
  if (denominator == 0) return std::nullopt;
  if (kind == FormulaKind::kYoyChange) return (numerator / denominator - 1.0) * 100.0;
  return numerator / denominator * 100.0;
}

Date EarliestDayNeeded(const contract::Extract& extract, const Catalogue& catalogue,
                       const Options& options, const IndicatorDef& def, Month month) {
  auto st = [&](Month m) { return extract.CountDay(m); };
  const LzbDefinition& lzb = catalogue.lzb;
  auto lzb_start = [&](Month m) {
    return options.lzb_method == LzbMethod::kDays ? st(m) - (lzb.window_days - 1)
                                                  : st(m - (lzb.window_months - 1));
  };
  const int window = def.window_months;
  switch (def.kind) {
    case FormulaKind::kYoyChange:
      switch (def.quantity) {
        case Quantity::kLluSum:
        case Quantity::kLuhSum: return (month - window).FirstDay();
        case Quantity::kLzbStock: return lzb_start(month - window);
        case Quantity::kElbStock:
        case Quantity::kNone: return st(month - window);
      }
      break;
    case FormulaKind::kEntryRate:
    case FormulaKind::kExitRate:
      return def.population == Population::kLzb ? lzb_start(month - window)
                                                : st(month - window);
    case FormulaKind::kEventQuota: {
      // events of month m need the stock at ST(m−2); the oldest month is M − window + 1
      Date needed = st(month - window - 1);
      if (def.population == Population::kLzb) {
        needed = std::min(needed, lzb_start(month - window));
      }
      return needed;
    }
    case FormulaKind::kStockShare: return lzb_start(month);
    case FormulaKind::kFollowupShare: {
      const IndicatorVersion* version = def.VersionAt(st(month));
      const int months = version ? FollowupMonths(options, def, *version) : 0;
      return st(month - months - window - 1);
    }
  }
  return st(month);
}

Date LatestDayNeeded(const contract::Extract& extract, const IndicatorDef& def, Month month) {
  if (def.kind == FormulaKind::kYoyChange &&
      (def.quantity == Quantity::kLluSum || def.quantity == Quantity::kLuhSum)) {
    return month.LastDay();
  }
  return extract.CountDay(month);
}

Date DefaultCoverageEnd(const contract::Extract& extract) {
  Date last = Date::Min();
  auto take = [&](const Date& start, const std::optional<Date>& end) {
    last = std::max(last, start);
    if (end) last = std::max(last, *end);
  };
  for (const contract::BenefitSpell& spell : extract.benefit_spells) take(spell.start, spell.end);
  for (const contract::EmploymentSpell& spell : extract.employment_spells) {
    last = std::max(last, spell.start);  // the end may be planned
  }
  for (const contract::Claim& claim : extract.claims) last = std::max(last, claim.to.LastDay());
  return last;
}

core::MonthRange SupportedMonths(const Catalogue& catalogue) {
  Date earliest = Date::Max();
  for (const IndicatorDef& def : catalogue.indicators) {
    for (const IndicatorVersion& version : def.versions) earliest = std::min(earliest, version.from);
  }
  return core::MonthRange{earliest.ToMonth(), Date::Max().ToMonth()};
}

contract::TableSet RequiredTables() {
  contract::TableSet tables = contract::TableSet::None();
  tables.claims = true;
  tables.employment_spells = true;
  tables.measure_spells = true;
  return tables;
}

core::Result<Computation> ComputeIndicators(const contract::Extract& extract,
                                            const Catalogue& catalogue, const Options& options) {
  AMIP_ASSIGN_OR_RETURN(Plan plan, MakePlan(extract, catalogue, options));
  AMIP_ASSIGN_OR_RETURN(Counters counters, CountAll(plan));
  Computation result;
  result.coverage_start = CoverageStart(extract, options);
  result.coverage_end = CoverageEnd(extract, options);
  if (plan.unknown_instruments > 0) {
    result.warnings.push_back(FormatNumber(plan.unknown_instruments) +
                              " Maßnahme-Teilnahmen mit einem Instrument, das nicht im "
                              "Instrumentenkatalog steht (für K3E2 nicht aktivierend gezählt)");
  }
  if (counters.unattributed_money_months > 0) {
    result.warnings.push_back(FormatNumber(counters.unattributed_money_months) +
                              " Anspruchsmonate ohne Leistungszeitraum im Monat (in K1/K1E1 "
                              "nicht gezählt)");
  }
  std::vector<IndicatorId> wanted = options.indicators;
  if (wanted.empty()) {
    for (int i = 0; i < kIndicatorCount; ++i) wanted.push_back(static_cast<IndicatorId>(i));
  }
  std::sort(wanted.begin(), wanted.end());
  wanted.erase(std::unique(wanted.begin(), wanted.end()), wanted.end());
  const SexSplit sexes[] = {SexSplit::kAll, SexSplit::kM, SexSplit::kF};
  for (int unit = 0; unit < plan.units; ++unit) {
    const core::JcIdx jc =
        options.by_municipality ? extract.municipalities[unit].jc : static_cast<core::JcIdx>(unit);
    if (options.jc && *options.jc != jc) continue;
    for (Month month = options.months.first; month <= options.months.last; ++month) {
      const int t = month - plan.m_lo;
      const Date count_day = Date::FromDays(plan.st[t]);
      for (IndicatorId id : wanted) {
        const IndicatorDef& def = catalogue.Get(id);
        const IndicatorVersion* version = def.VersionAt(count_day);
        std::string note;
        bool before_start = false;
        bool after_end = false;
        if (version == nullptr) {
          note = "keine Definition in Kraft am Stichtag " + count_day.ToString();
        } else {
          // Both sides are checked; a month can miss data on both (a short extract).
          const Date needed_from = EarliestDayNeeded(extract, catalogue, options, def, month);
          const Date needed_to = LatestDayNeeded(extract, def, month);
          if (needed_from < result.coverage_start) {
            before_start = true;
            note = "Zeitfenster reicht vor den Beginn des Extrakts: benötigt ab " +
                   needed_from.ToString() + ", Extrakt ab " + result.coverage_start.ToString();
          }
          if (needed_to > result.coverage_end) {
            after_end = true;
            if (!note.empty()) note += "; ";
            note += "Zeitfenster reicht über das Ende der Daten hinaus: benötigt bis " +
                    needed_to.ToString() + ", Extrakt bis " + result.coverage_end.ToString();
          }
        }
        for (SexSplit sex : sexes) {
          IndicatorRow row;
          row.jc = jc;
          row.municipality = options.by_municipality ? unit : core::kNoIdx;
          row.month = month;
          row.indicator = id;
          row.sex = sex;
          if (!note.empty()) {
            row.note = note;
            row.before_start = before_start;
            row.after_end = after_end;
          } else {
            row.version = static_cast<int>(version - def.versions.data());
            Evaluate(plan, counters, def, *version, unit, sex, t, row);
          }
          result.rows.push_back(std::move(row));
        }
      }
    }
  }
  if (options.monthly_series) {
    for (int unit = 0; unit < plan.units; ++unit) {
      const core::JcIdx jc = options.by_municipality ? extract.municipalities[unit].jc
                                                     : static_cast<core::JcIdx>(unit);
      if (options.jc && *options.jc != jc) continue;
      for (Month month = options.months.first - 12; month <= options.months.last; ++month) {
        const int t = month - plan.m_lo;
        for (SexSplit sex : sexes) {
          MonthlyCounts counts;
          counts.jc = jc;
          counts.municipality = options.by_municipality ? unit : core::kNoIdx;
          counts.month = month;
          counts.sex = sex;
          counts.elb = SumOver(counters, kElb, unit, sex, t, t);
          counts.lzb = SumOver(counters, kLzb, unit, sex, t, t);
          counts.integrations = SumOver(
              counters, EventCounter(Event::kIntegration, Population::kElb), unit, sex, t, t);
          result.monthly.push_back(counts);
        }
      }
    }
  }
  return result;
}

core::Result<std::vector<InstrumentFlags>> DefaultInstrumentFlags() {
  AMIP_ASSIGN_OR_RETURN(contract::InstrumentCatalogue instruments,
                        contract::LoadInstrumentCatalogue());
  std::vector<InstrumentFlags> flags;
  for (const contract::Instrument& instrument : instruments.instruments()) {
    flags.push_back({instrument.code, instrument.active_measure, instrument.active_measure_2011});
  }
  return flags;
}

core::Result<Computation> ComputeIndicators(const contract::Extract& extract,
                                            const Options& options) {
  AMIP_ASSIGN_OR_RETURN(Catalogue catalogue, LoadCatalogue());
  if (!options.instruments.empty()) return ComputeIndicators(extract, catalogue, options);
  Options with_instruments = options;
  AMIP_ASSIGN_OR_RETURN(with_instruments.instruments, DefaultInstrumentFlags());
  return ComputeIndicators(extract, catalogue, with_instruments);
}

core::Result<std::string> ExplainPerson(const contract::Extract& extract,
                                        const Catalogue& catalogue, const Options& options,
                                        std::string_view person_id, Month month) {
  core::PersonIdx person = core::kNoIdx;
  for (size_t i = 0; i < extract.persons.size(); ++i) {
    if (extract.persons[i].person_id == person_id) person = static_cast<core::PersonIdx>(i);
  }
  if (person == core::kNoIdx) {
    return core::NotFoundError("Person '" + std::string(person_id) + "' nicht im Extrakt");
  }
  Options local = options;
  local.months = core::MonthRange{month, month};
  local.by_municipality = false;
  AMIP_ASSIGN_OR_RETURN(Plan plan, MakePlan(extract, catalogue, local));
  Timeline line;
  BuildTimeline(plan, person, line);
  const int t_month = month - plan.m_lo;
  const LzbDefinition& lzb = catalogue.lzb;
  auto jc_name = [&](int32_t jc) {
    return jc < 0 ? std::string("-") : extract.jobcenters[jc].jc_id;
  };
  auto state_name = [](uint8_t state) {
    return state == kElbState ? "ELB" : state == kNef ? "NEF" : "kein Leistungsbezug";
  };
  std::string out;
  const Date coverage_end = CoverageEnd(extract, options);
  if (Date::FromDays(plan.st[t_month]) > coverage_end) {
    out += "Hinweis: der Stichtag " + Date::FromDays(plan.st[t_month]).ToString() +
           " liegt nach dem Ende der Daten (Extrakt bis " + coverage_end.ToString() +
           "); Bestand und Ereignisse dieses Monats sind unvollständig.\n";
  }
  out += "Person " + std::string(person_id) + " (Geschlecht " +
         std::string(contract::ToString(extract.persons[person].sex)) + "), Berichtsmonat " +
         month.ToString() + "\n";
  out += "Bestand an den Stichtagen (Status, Jobcenter, ELB-Tage in den " +
         std::to_string(lzb.window_days) + " Tagen bis zum Stichtag, LZB):\n";
  for (int t = std::max(0, t_month - 13); t <= t_month; ++t) {
    out += "  " + (plan.m_lo + t).ToString() + "  ST " + Date::FromDays(plan.st[t]).ToString() +
           "  " + state_name(line.state[t]) + "  JC " + jc_name(line.jc[t]);
    if (line.state[t] == kElbState) {
      out += "  ELB-Tage " + std::to_string(line.elb_days[t]) + "  " +
             (line.lzb[t] ? "LZB" : "kein LZB");
      if (line.single_parent[t]) out += "  alleinerziehend";
      if (line.active[t] & 2) out += "  in aktivierender Maßnahme";
    }
    out += "\n";
  }
  const int t = t_month;
  const bool elb = line.state[t] == kElbState;
  const bool elb_before = line.state[t - 1] == kElbState;
  const bool same_jc = line.jc[t] == line.jc[t - 1];
  out += "LZB-Regel: ";
  out += options.lzb_method == LzbMethod::kDays
             ? "mindestens " + std::to_string(lzb.min_days) + " von " +
                   std::to_string(lzb.window_days) + " Tagen ELB, ELB am Stichtag"
             : "ELB an mindestens " + std::to_string(lzb.min_months) + " von " +
                   std::to_string(lzb.window_months) + " Stichtagen (Näherung)";
  out += " → " + std::string(line.lzb[t] ? "LZB" : "kein LZB") + "\n";
  out += "ELB-Zugang im Monat: " +
         std::string(elb && !(elb_before && same_jc) ? "ja" : "nein") +
         ", ELB-Abgang im Monat: " +
         std::string(elb_before && !(elb && same_jc) ? "ja" : "nein") +
         ", LZB-Zugang: " + (line.lzb[t] && !line.lzb[t - 1] ? "ja" : "nein") +
         ", LZB-Abgang: " + (line.lzb[t - 1] && !line.lzb[t] ? "ja" : "nein") + "\n";
  if (!elb_before) {
    out += "Integration: keine Prüfung, die Person war am Stichtag des Vormonats (" +
           Date::FromDays(plan.st[t - 1]).ToString() + ") nicht im ELB-Bestand\n";
  } else {
    const bool window2 = line.state[t - 2] != kElbState;
    out += "Integration: Suchfenster (" +
           Date::FromDays(window2 ? plan.st[t - 2] : plan.st[t - 1]).ToString() + ", " +
           Date::FromDays(plan.st[t]).ToString() + "]" +
           (window2 ? " (Vor-Vormonat einbezogen, da am Stichtag " +
                          Date::FromDays(plan.st[t - 2]).ToString() + " nicht ELB)"
                    : "") +
           "\n";
    for (int32_t j = plan.employment.begin[person]; j < plan.employment.begin[person + 1]; ++j) {
      const contract::EmploymentSpell& spell = extract.employment_spells[plan.employment.rows[j]];
      const int32_t low = window2 ? plan.st[t - 2] : plan.st[t - 1];
      const bool inside = spell.start.days() > low && spell.start.days() <= plan.st[t];
      out += "  Beschäftigung " + std::string(contract::ToString(spell.kind)) + " ab " +
             spell.start.ToString() + (inside ? "  im Suchfenster" : "  außerhalb") + "\n";
    }
    const uint8_t bits = line.events[t];
    out += "  Ergebnis: Integration " + std::string(bits & kBitIntegration ? "ja" : "nein") +
           ", Eintritt geringfügig " + (bits & kBitMinijob ? "ja" : "nein") +
           ", Eintritt öffentlich gefördert " + (bits & kBitPublic ? "ja" : "nein") +
           "; zugeordnet zu JC " + jc_name(line.jc[t - 1]) +
           (line.lzb[t - 1] ? ", als LZB" : "") +
           (line.single_parent[t - 1] ? ", als alleinerziehend" : "") + "\n";
  }
  return out;
}

}  // namespace amip::indicators
