#include "budget/kdu.h"

#include <gtest/gtest.h>

namespace amip::budget {
namespace {

using core::Cents;
using core::Date;
using core::Month;

TEST(KdUTest, ClaimsAreAttributedToTheMunicipalityOfTheMonth) {
  contract::Extract extract;
  extract.municipalities = {{"05978024", "Lünen", 0, 0}, {"05978036", "Unna", 0, 0}};
  extract.persons.resize(2);
  // Person 0 moves from Lünen to Unna on 2025-04-10: April still counts for Lünen (the spell
  // covering the first day of the month).
  contract::BenefitSpell lunen;
  lunen.person = 0;
  lunen.municipality = 0;
  lunen.start = Date::FromYmd(2024, 1, 1);
  lunen.end = Date::FromYmd(2025, 4, 9);
  contract::BenefitSpell unna = lunen;
  unna.municipality = 1;
  unna.start = Date::FromYmd(2025, 4, 10);
  unna.end.reset();
  extract.benefit_spells = {lunen, unna};
  extract.claims.push_back({0, Month::FromYm(2024, 12), Month::FromYm(2025, 6), Cents(), Cents::FromEuros(500)});
  // Person 1 has a claim but no benefit spell.
  extract.claims.push_back({1, Month::FromYm(2025, 1), Month::FromYm(2025, 1), Cents(), Cents::FromEuros(300)});
  const std::vector<KdUMunicipality> result = KdUByMunicipality(extract, 2025);
  ASSERT_EQ(result.size(), 3u);
  EXPECT_EQ(result[0].name, "Lünen");
  EXPECT_EQ(result[0].luh, Cents::FromEuros(4 * 500));  // January..April
  EXPECT_EQ(result[1].name, "Unna");
  EXPECT_EQ(result[1].luh, Cents::FromEuros(2 * 500));  // May, June
  EXPECT_EQ(result[2].name, "ohne Zuordnung");
  EXPECT_EQ(result[2].luh, Cents::FromEuros(300));
}

}  // namespace
}  // namespace amip::budget
