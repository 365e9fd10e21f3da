#include "benefits/bg_household.h"

#include <algorithm>
#include <numeric>

namespace amip::benefits {

using contract::BgRole;
using core::Cents;
using core::Date;
using core::Month;

int AgeOn(Date birth, Date day) {
  int age = day.year() - birth.year();
  if (day.month() < birth.month() || (day.month() == birth.month() && day.day() < birth.day())) --age;
  return age;
}

bool InKarenzzeit(Date receipt_start, Month month, const law::LawSnapshot& law) {
  return law.sgb2.karenzzeit_monate > 0 && month - receipt_start.ToMonth() < law.sgb2.karenzzeit_monate;
}

Household MakeBgHousehold(const BgFacts& facts, const law::LawSnapshot& law, const law::LocalRules* local) {
  Household h;
  h.datum = facts.month.FirstDay();
  std::string head, partner;
  for (const BgMemberFacts& m : facts.members) {
    if (m.role == BgRole::kHead) head = m.id;
    if (m.role == BgRole::kPartner) partner = m.id;
  }
  for (const BgMemberFacts& m : facts.members) {
    Person p;
    p.id = m.id;
    p.alter = AgeOn(m.birth, facts.count_day);
    p.bruttolohn_m = m.gross_month;
    p.schwerbehindert = m.severely_disabled;
    if (m.role == BgRole::kHead && !partner.empty()) p.partner = partner;
    if (m.role == BgRole::kPartner && !head.empty()) p.partner = head;
    if (m.role == BgRole::kChild) {
      if (!head.empty()) p.eltern.push_back(head);
      if (!partner.empty()) p.eltern.push_back(partner);
      // The contract has no training flag: a child of the BG past the unconditional Kindergeld
      // age is taken to be in training, so Kindergeld continues (§ 32 Abs. 4 S. 1 Nr. 2 EStG).
      p.in_ausbildung = p.alter >= law.kindergeld.alter_ohne_voraussetzung_unter;
    }
    h.personen.push_back(std::move(p));
  }
  h.wohnung.bruttokaltmiete_m = facts.rent_cold;
  h.wohnung.heizkosten_m = facts.heating;
  h.wohnung.wohnflaeche_qm = facts.flat_size_sqm;
  if (local != nullptr && !facts.ags.empty() && local->Find(facts.ags).ok()) h.wohnung.gemeinde = facts.ags;
  h.karenzzeit = InKarenzzeit(facts.receipt_start, facts.month, law);
  return h;
}

std::vector<MemberClaim> MemberClaims(const Evaluation& e) {
  std::vector<MemberClaim> out(e.sgb2.personen.size());
  if (e.vorrang != Vorrang::kSgb2) return out;
  for (size_t idx = 0; idx < out.size(); ++idx) {
    const Sgb2Person& p = e.sgb2.personen[idx];
    out[idx] = {p.anspruch - p.anspruch_kdu, p.anspruch_kdu};
  }
  return out;
}

namespace {

bool Covers(Date start, const std::optional<Date>& end, Date day) {
  return start <= day && (!end.has_value() || day <= *end);
}

}  // namespace

std::map<contract::BgIdx, BgOfMonth> HouseholdsOfMonth(const contract::Extract& ex, Month month) {
  const Date day = ex.CountDay(month);
  const size_t persons = ex.persons.size();
  std::vector<Cents> earnings(persons);
  for (const auto& spell : ex.employment_spells) {
    if (spell.gross_month.has_value() && Covers(spell.start, spell.end, day)) earnings[spell.person] += *spell.gross_month;
  }
  // Benefit spells of each person in start order; the start of the continuous receipt.
  std::vector<uint32_t> order(ex.benefit_spells.size());
  std::iota(order.begin(), order.end(), 0U);
  std::stable_sort(order.begin(), order.end(), [&ex](uint32_t a, uint32_t b) {
    const auto& x = ex.benefit_spells[a];
    const auto& y = ex.benefit_spells[b];
    return x.person != y.person ? x.person < y.person : x.start < y.start;
  });
  std::map<contract::BgIdx, BgOfMonth> out;
  std::vector<contract::BgIdx> bg_of(persons, core::kNoIdx);
  core::PersonIdx current = core::kNoIdx;
  Date chain_start;
  std::optional<Date> previous_end;
  for (uint32_t row : order) {
    const auto& spell = ex.benefit_spells[row];
    if (spell.person != current) {
      current = spell.person;
      chain_start = spell.start;
    } else if (previous_end.has_value() && spell.start.days() > previous_end->days() + 1) {
      chain_start = spell.start;  // a gap: a new receipt begins
    }
    previous_end = spell.end;
    if (spell.bg == core::kNoIdx || !Covers(spell.start, spell.end, day)) continue;
    BgOfMonth& bg = out[spell.bg];
    const contract::Person& person = ex.persons[spell.person];
    bg.facts.month = month;
    bg.facts.count_day = day;
    bg.facts.members.push_back(
        {person.person_id, person.birth_date, spell.bg_role, earnings[spell.person], person.severely_disabled});
    if (spell.municipality != core::kNoIdx) bg.facts.ags = ex.municipalities[spell.municipality].ags;
    if (spell.bg_role == BgRole::kHead || bg.facts.members.size() == 1) bg.facts.receipt_start = chain_start;
    bg_of[spell.person] = spell.bg;
  }
  for (const auto& claim : ex.claims) {
    if (claim.from <= month && month <= claim.to && bg_of[claim.person] != core::kNoIdx) {
      out[bg_of[claim.person]].claims_m += claim.llu + claim.luh;
    }
  }
  for (const auto& housing : ex.bg_housing) {
    if (housing.from <= month && month <= housing.to) {
      auto it = out.find(housing.bg);
      if (it == out.end()) continue;
      BgFacts& f = it->second.facts;
      f.has_housing = true;
      f.rent_cold = housing.rent_cold;
      f.heating = housing.heating;
      f.flat_size_sqm = housing.flat_size_sqm;
    }
  }
  return out;
}

contract::TableSet RequiredTables() {
  contract::TableSet tables = contract::TableSet::None();
  tables.claims = true;
  tables.employment_spells = true;
  tables.bg_housing = true;
  tables.bg_ids = true;
  return tables;
}

ClaimCheck CheckClaims(const contract::Extract& extract, Month month, const law::LawSnapshot& law,
                       const law::LocalRules* local, const EvaluatedBg& each) {
  AMIP_ASSERT(extract.tables.MissingOf(RequiredTables()).empty(), "CheckClaims needs RequiredTables()");
  ClaimCheck check;
  const auto households = HouseholdsOfMonth(extract, month);
  check.bgs = static_cast<int>(households.size());
  for (const auto& [bg, in] : households) {
    if (!in.facts.has_housing) {  // no silent default: without bg_housing the BG is not computed
      ++check.no_housing;
      continue;
    }
    const Household household = MakeBgHousehold(in.facts, law, local);
    auto e = Evaluate(household, law, local, {}, nullptr);
    if (!e.ok()) {
      if (check.errors++ == 0) check.first_error = extract.bg_ids[bg] + ": " + e.status().message();
      continue;
    }
    ++check.computed;
    const bool pays = e->vorrang == Vorrang::kSgb2;
    if (!pays) {
      ++check.not_in_need;
      if (in.claims_m.value() != 0) ++check.not_in_need_with_claims;
    }
    if (in.claims_m == e->sgb2_betrag_m_bg) {
      ++check.agree;
    } else if (check.first_mismatch.empty()) {
      check.first_mismatch = extract.bg_ids[bg] + ": Auszug " + in.claims_m.ToGermanString() + ", Engine " +
                             e->sgb2_betrag_m_bg.ToGermanString();
    }
    if (each) each(bg, in, household, *e);
  }
  return check;
}

}  // namespace amip::benefits
