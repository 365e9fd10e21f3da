#include <gtest/gtest.h>

#include "benefits/evaluate.h"
#include "benefits/netto.h"
#include "benefits/sgb2.h"
#include "benefits/wohngeld.h"
#include "law/law_snapshot.h"

namespace amip::benefits {
namespace {

using core::Cents;

law::LawSnapshot Law(int year, int month) {
  auto store = law::EmbeddedStore();
  EXPECT_TRUE(store.ok());
  auto law = law::ResolveLaw(**store, core::Date::FromYmd(year, month, 1));
  EXPECT_TRUE(law.ok()) << law.status().ToString();
  return *law;
}

TEST(WohngeldFormelTest, SpecWorkedExample2025) {
  // spec § 2: n = 1, M = 691.60, Y = 908.25 → 368.34 → 368.
  const law::LawSnapshot law = Law(2025, 1);
  EXPECT_EQ(WohngeldFormel(1, Cents::FromCents(69160), Cents::FromCents(90825), law.wohngeld),
            Cents::FromEuros(368));
}

TEST(ErwerbstaetigenfreibetragTest, JulyTwentyThreeChange) {
  const Cents gross = Cents::FromEuros(800);
  EXPECT_EQ(Erwerbstaetigenfreibetrag(gross, false, false, Law(2023, 6)), Cents::FromEuros(240));
  EXPECT_EQ(Erwerbstaetigenfreibetrag(gross, false, false, Law(2023, 7)), Cents::FromEuros(268));
  // Maximum with and without a child from 2023-07: 348 / 378.
  EXPECT_EQ(Erwerbstaetigenfreibetrag(Cents::FromEuros(3000), false, false, Law(2024, 1)), Cents::FromEuros(348));
  EXPECT_EQ(Erwerbstaetigenfreibetrag(Cents::FromEuros(3000), true, false, Law(2024, 1)), Cents::FromEuros(378));
  // U25 in education: the Minijob limit (538 € in 2024) is free.
  EXPECT_EQ(Erwerbstaetigenfreibetrag(Cents::FromEuros(538), false, true, Law(2024, 1)), Cents::FromEuros(538));
}

TEST(NettoTest, MinijobHasNoDeductions) {
  auto net = ComputeNetto(Cents::FromEuros(450), true, Law(2015, 1), nullptr, "p");
  ASSERT_TRUE(net.ok());
  EXPECT_EQ(net->netto_m, Cents::FromEuros(450));
  EXPECT_EQ(net->sv_formel, "sv_minijob");
}

TEST(NettoTest, GleitzoneUsesFactorF) {
  auto net = ComputeNetto(Cents::FromEuros(600), false, Law(2014, 1), nullptr, "p");
  ASSERT_TRUE(net.ok());
  EXPECT_EQ(net->sv_formel, "sv_gleitzone_2013");
  EXPECT_GT(net->sozialversicherung_m, Cents());
  EXPECT_LT(net->sozialversicherung_m, Cents::FromCents(60000 * 20 / 100));  // below the full rate
}

TEST(EinkommensteuerTest, BelowGrundfreibetragIsZero) {
  EXPECT_EQ(EinkommensteuerTarif(8354, Law(2014, 1).est), 0);
  EXPECT_EQ(EinkommensteuerTarif(12761, Law(2014, 1).est), 806);
}

TEST(VorrangTest, PriorityBenefitsWinWhenTheyCoverTheNeed) {
  VorrangInput in{Cents::FromEuros(2000), Cents::FromEuros(1500), Cents::FromEuros(300), Cents::FromEuros(250), true};
  VorrangResult out = Vorrangpruefung(in);
  EXPECT_EQ(out.vorrang, Vorrang::kVorrangigeLeistungen);
  EXPECT_EQ(out.sgb2_m_bg, Cents());
  in.kinderzuschlag_m = Cents::FromEuros(100);
  out = Vorrangpruefung(in);
  EXPECT_EQ(out.vorrang, Vorrang::kSgb2);
  EXPECT_EQ(out.sgb2_m_bg, Cents::FromEuros(500));
  EXPECT_EQ(out.wohngeld_m, Cents());
}

// Issue 11 item 2: the ages of § 7 Abs. 3 Nr. 4 / § 7 Abs. 1 SGB II come from the snapshot, so a
// changed law value changes the split and the validation without touching code.
TEST(AgeLimitTest, BedarfsgemeinschaftAndMinimumAgeFollowTheLaw) {
  Household h;
  h.datum = core::Date::FromYmd(2025, 3, 1);
  Person parent, child;
  parent.id = "p1";
  parent.alter = 50;
  child.id = "k1";
  child.alter = 25;
  child.eltern = {"p1"};
  h.personen = {parent, child};
  law::LawSnapshot law = Law(2025, 3);
  EXPECT_EQ(Bedarfsgemeinschaften(h, law.sgb2).size(), 2u);  // 25: a BG of their own
  law.sgb2.alter_bg_kind_unter = 26;
  EXPECT_EQ(Bedarfsgemeinschaften(h, law.sgb2).size(), 1u);
  Household alone;
  alone.datum = h.datum;
  Person young;
  young.id = "j1";
  young.alter = 15;
  alone.personen = {young};
  EXPECT_TRUE(ValidateHousehold(alone, law.sgb2).ok());
  law.sgb2.mindestalter = 16;
  EXPECT_EQ(ValidateHousehold(alone, law.sgb2).code(), core::StatusCode::kInvalidArgument);
}

// Issue 11 item 2: which formula version applies is law data (arbeit/minijob.
// beitragsformel_uebergangsbereich), not a date in code; a version the code lacks is an error.
TEST(NettoTest, FormulaVersionIsReadFromTheLaw) {
  law::LawSnapshot law = Law(2014, 1);
  auto gleitzone = ComputeNetto(Cents::FromEuros(600), false, law, nullptr, "p");
  ASSERT_TRUE(gleitzone.ok());
  EXPECT_EQ(gleitzone->sv_formel, "sv_gleitzone_2013");
  law.arbeit.formel_uebergangsbereich = 2019;
  auto uebergang = ComputeNetto(Cents::FromEuros(600), false, law, nullptr, "p");
  ASSERT_TRUE(uebergang.ok());
  EXPECT_EQ(uebergang->sv_formel, "sv_uebergangsbereich_2019");
  law.arbeit.formel_uebergangsbereich = 1999;
  EXPECT_EQ(ComputeNetto(Cents::FromEuros(600), false, law, nullptr, "p").status().code(),
            core::StatusCode::kOutOfRange);
  EXPECT_EQ(Law(2019, 6).arbeit.formel_uebergangsbereich, 2013);
  EXPECT_EQ(Law(2019, 7).arbeit.formel_uebergangsbereich, 2019);
  EXPECT_EQ(Law(2022, 12).sgb2.karenzzeit_monate, 0);
  EXPECT_EQ(Law(2023, 1).sgb2.karenzzeit_monate, 12);
  EXPECT_EQ(Law(2020, 12).wohngeld.formel_miete, 2009);
  EXPECT_EQ(Law(2021, 1).wohngeld.formel_miete, 2021);
  EXPECT_EQ(Law(2023, 1).wohngeld.formel_miete, 2023);
}

TEST(JobTest, MonthlyGrossAndHoursToExit) {
  EXPECT_EQ(MonatsbruttoAusJob(39, Cents::FromCents(855)), Cents::FromCents(144495));
  Household h;
  h.datum = core::Date::FromYmd(2025, 3, 1);
  h.wohnung.bruttokaltmiete_m = Cents::FromEuros(400);
  h.wohnung.heizkosten_m = Cents::FromEuros(60);
  Person p;
  p.id = "p1";
  p.alter = 30;
  h.personen.push_back(p);
  const law::LawSnapshot law = Law(2025, 3);
  auto exit = StundenBisBedarfsdeckung(h, Cents::FromCents(1282), "", law, nullptr, {}, 48);
  ASSERT_TRUE(exit.ok());
  ASSERT_TRUE(exit->stunden.has_value());
  // One hour less must still leave a need.
  auto before = MitJob(h, Job{*exit->stunden - 1, Cents::FromCents(1282), ""});
  ASSERT_TRUE(before.ok());
  auto e = Evaluate(*before, law, nullptr, {}, nullptr);
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(e->vorrang, Vorrang::kSgb2);
  // A tiny wage never ends the need within 48 h.
  auto none = StundenBisBedarfsdeckung(h, Cents::FromEuros(2), "", law, nullptr, {}, 48);
  ASSERT_TRUE(none.ok());
  EXPECT_FALSE(none->stunden.has_value());
}

TEST(TraceTest, EveryStepCitesItsParameters) {
  Household h;
  h.datum = core::Date::FromYmd(2014, 1, 1);
  h.wohnung.bruttokaltmiete_m = Cents::FromEuros(300);
  Person p;
  p.id = "p1";
  p.alter = 30;
  h.personen.push_back(p);
  const law::LawSnapshot law = Law(2014, 1);
  Trace trace(&law);
  ASSERT_TRUE(Evaluate(h, law, nullptr, {}, &trace).ok());
  bool found = false;
  for (const auto& step : trace.steps()) {
    if (step.quantity == "regelbedarf_m") {
      found = true;
      EXPECT_EQ(step.value, "391.00");
      EXPECT_NE(step.references.find("BGBl. I 2013 S. 3857"), std::string::npos);
    }
  }
  EXPECT_TRUE(found);
}

}  // namespace
}  // namespace amip::benefits
