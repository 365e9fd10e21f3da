#include "benefits/bg_household.h"

#include <gtest/gtest.h>

#include "law/law_snapshot.h"
#include "law/local_rules.h"

namespace amip::benefits {
namespace {

using contract::BgRole;
using core::Cents;
using core::Date;
using core::Month;

contract::BenefitSpell Spell(int32_t person, BgRole role, Date start, std::optional<Date> end) {
  contract::BenefitSpell s;
  s.person = person;
  s.jc = 0;
  s.municipality = 0;
  s.bg = 0;
  s.bg_role = role;
  s.start = start;
  s.end = end;
  return s;
}

// A couple with a child in Bergkamen, June 2025. The head's receipt runs in two contiguous
// spells from 2024-09-10 (Karenzzeit: 9 < 12 months); the partner earns 600 € gross from a
// job covering the count day, an earlier job ended before it.
contract::Extract Family() {
  contract::Extract ex;
  ex.jobcenters.push_back({"JC05978", "Jobcenter Kreis Unna", contract::JcKind::kGe});
  ex.municipalities.push_back({"05978004", "Bergkamen", 0, 49677});
  ex.bg_ids.push_back("B1");
  for (auto [id, birth] : {std::pair{"P1", Date::FromYmd(1990, 3, 1)}, std::pair{"P2", Date::FromYmd(1992, 7, 20)},
                           std::pair{"P3", Date::FromYmd(2011, 6, 16)}}) {
    contract::Person p;
    p.person_id = id;
    p.birth_date = birth;
    ex.persons.push_back(p);
  }
  ex.persons[1].severely_disabled = true;
  ex.benefit_spells.push_back(Spell(0, BgRole::kHead, Date::FromYmd(2024, 9, 10), Date::FromYmd(2025, 1, 31)));
  ex.benefit_spells.push_back(Spell(0, BgRole::kHead, Date::FromYmd(2025, 2, 1), std::nullopt));
  ex.benefit_spells.push_back(Spell(1, BgRole::kPartner, Date::FromYmd(2025, 2, 1), std::nullopt));
  ex.benefit_spells.push_back(Spell(2, BgRole::kChild, Date::FromYmd(2025, 2, 1), std::nullopt));
  contract::EmploymentSpell old_job;
  old_job.person = 1;
  old_job.start = Date::FromYmd(2024, 1, 1);
  old_job.end = Date::FromYmd(2025, 6, 14);
  old_job.gross_month = Cents::FromEuros(900);
  ex.employment_spells.push_back(old_job);
  contract::EmploymentSpell job = old_job;
  job.start = Date::FromYmd(2025, 6, 15);
  job.end.reset();
  job.gross_month = Cents::FromEuros(600);
  ex.employment_spells.push_back(job);
  ex.bg_housing.push_back({0, Month::FromYm(2025, 1), Month::FromYm(2025, 12), Cents::FromEuros(520),
                           Cents::FromEuros(110), 68.5});
  return ex;
}

law::LawSnapshot Law(Month month) {
  auto store = law::EmbeddedStore();
  EXPECT_TRUE(store.ok());
  auto law = law::ResolveLaw(**store, month.FirstDay());
  EXPECT_TRUE(law.ok());
  return *law;
}

TEST(BgHousehold, MapsMembersAgesEarningsHousingAndKarenzzeit) {
  const contract::Extract ex = Family();
  const Month june = Month::FromYm(2025, 6);
  const auto bgs = HouseholdsOfMonth(ex, june);
  ASSERT_EQ(bgs.size(), 1u);
  const BgFacts& facts = bgs.at(0).facts;
  EXPECT_EQ(facts.receipt_start, Date::FromYmd(2024, 9, 10));  // contiguous spells are one receipt
  EXPECT_TRUE(facts.has_housing);
  EXPECT_EQ(facts.ags, "05978004");
  const law::LawSnapshot law = Law(june);
  auto local = law::EmbeddedLocalRules();
  ASSERT_TRUE(local.ok());
  const Household h = MakeBgHousehold(facts, law, *local);
  ASSERT_EQ(h.personen.size(), 3u);
  EXPECT_EQ(h.personen[0].partner, "P2");
  EXPECT_EQ(h.personen[1].partner, "P1");
  EXPECT_EQ(h.personen[2].eltern, (std::vector<std::string>{"P1", "P2"}));
  EXPECT_EQ(h.personen[0].alter, 35);
  EXPECT_EQ(h.personen[2].alter, 13);  // 14th birthday is the day after the count day
  EXPECT_EQ(h.personen[1].bruttolohn_m, Cents::FromEuros(600));  // the job covering the 15th only
  EXPECT_TRUE(h.personen[1].schwerbehindert);
  EXPECT_EQ(h.wohnung.bruttokaltmiete_m, Cents::FromEuros(520));
  EXPECT_EQ(h.wohnung.heizkosten_m, Cents::FromEuros(110));
  EXPECT_EQ(h.wohnung.gemeinde, "05978004");
  EXPECT_TRUE(h.karenzzeit);
  // Three months later the year of Karenzzeit is over (§ 22 Abs. 1 S. 2 SGB II).
  const Month september = Month::FromYm(2025, 9);
  EXPECT_FALSE(MakeBgHousehold(HouseholdsOfMonth(ex, september).at(0).facts, Law(september), *local).karenzzeit);
  // Before 2023 there is no Karenzzeit in the law.
  EXPECT_FALSE(InKarenzzeit(Date::FromYmd(2022, 6, 1), Month::FromYm(2022, 8), Law(Month::FromYm(2022, 8))));
}

TEST(BgHousehold, CheckClaimsComparesTheExtractWithTheEngine) {
  contract::Extract ex = Family();
  const Month june = Month::FromYm(2025, 6);
  const law::LawSnapshot law = Law(june);
  auto local = law::EmbeddedLocalRules();
  ASSERT_TRUE(local.ok());
  const Household h = MakeBgHousehold(HouseholdsOfMonth(ex, june).at(0).facts, law, *local);
  auto e = Evaluate(h, law, *local, {}, nullptr);
  ASSERT_TRUE(e.ok());
  ASSERT_EQ(e->vorrang, Vorrang::kSgb2);
  const std::vector<MemberClaim> claims = MemberClaims(*e);
  Cents total;
  for (size_t idx = 0; idx < claims.size(); ++idx) {
    ex.claims.push_back({static_cast<int32_t>(idx), june, june, claims[idx].llu, claims[idx].luh});
    total += claims[idx].llu + claims[idx].luh;
  }
  EXPECT_EQ(total, e->sgb2_betrag_m_bg);
  ClaimCheck check = CheckClaims(ex, june, law, *local);
  EXPECT_EQ(check.computed, 1);
  EXPECT_EQ(check.agree, 1);
  ex.claims[0].llu += Cents::FromEuros(150);  // the old flat surcharge
  check = CheckClaims(ex, june, law, *local);
  EXPECT_EQ(check.agree, 0);
  EXPECT_NE(check.first_mismatch.find("B1"), std::string::npos);
}

}  // namespace
}  // namespace amip::benefits
