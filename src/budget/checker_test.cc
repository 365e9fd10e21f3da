#include "budget/checker.h"

#include <gtest/gtest.h>

#include <string>

#include "budget/test_util.h"

namespace amip::budget {
namespace {

const IdentityCheck& Find(const std::vector<IdentityCheck>& checks, const std::string& id) {
  for (const IdentityCheck& check : checks) {
    if (check.id == id) return check;
  }
  ADD_FAILURE() << "no identity " << id;
  static const IdentityCheck kNone;
  return kNone;
}

// AMIP 2014, Abb. 2: 18,621,088 − 8,635,883 = 9,985,205, printed 9,985,125 (80 € less).
// Section 1.7: +1,057,309.00 − 412,256.40 − 65,616.99 = +579,435.61, printed +579,907.61.
// Section 3.4: the 2013 shares add up to 99.96 %.
TEST(CheckerTest, Amip2014ReproducesPrintedFiguresAndFindsEverySlip) {
  const std::vector<IdentityCheck> checks = CheckPlan(testing::LoadExample("amip-2014.yaml"));
  EXPECT_EQ(Find(checks, "egt.gesamtbudget").outcome, Outcome::kHolds);
  const IdentityCheck& neugeschaeft = Find(checks, "egt.neugeschaeft");
  EXPECT_EQ(neugeschaeft.outcome, Outcome::kDeviates);
  EXPECT_DOUBLE_EQ(neugeschaeft.printed, 9985125.0);
  EXPECT_DOUBLE_EQ(neugeschaeft.computed, 9985205.0);
  EXPECT_DOUBLE_EQ(neugeschaeft.difference, -80.0);
  EXPECT_EQ(neugeschaeft.line, 21);
  const IdentityCheck& vorjahr = Find(checks, "vorjahr.neugeschaeft");
  EXPECT_EQ(vorjahr.outcome, Outcome::kDeviates);
  EXPECT_NEAR(vorjahr.difference, 472.00, 1e-6);
  const IdentityCheck& shares2013 = Find(checks, "anteile.2013.summe");
  EXPECT_EQ(shares2013.outcome, Outcome::kDeviates);
  EXPECT_NEAR(shares2013.printed, 99.96, 1e-9);
  EXPECT_NEAR(shares2013.difference, -0.04, 1e-9);
  EXPECT_EQ(Find(checks, "anteile.2014.summe").outcome, Outcome::kHolds);
  EXPECT_EQ(Find(checks, "anteile.2014.I.instrumente").outcome, Outcome::kHolds);
  EXPECT_EQ(CountDeviations(checks), 3);
}

// AMIP 2025: the VK shortfall 1.44 + (46.66 − 44.94) + 5.13 = 8.29 Mio, printed 7.98 Mio;
// LZB 8,431 + 7,818 = 16,249, printed 16,256. Everything else holds within its rounding.
// The 17.1 Mio are the EGT after the shift (issue 9 item 10): Gesamtbudget 17.1 + 2.66 = 19.76
// Mio and Vorbindungen 19.76 − 3.8 = 15.96 Mio are derived (before: 7.98 Mio, the shift
// subtracted a second time), the Zuteilung before the shift 17.1 + 7.98 = 25.08 Mio.
TEST(CheckerTest, Amip2025ReproducesPrintedFiguresAndFindsEverySlip) {
  const std::vector<IdentityCheck> checks = CheckPlan(testing::LoadExample("amip-2025.yaml"));
  const IdentityCheck& vk = Find(checks, "vk.unterfinanzierung");
  EXPECT_EQ(vk.outcome, Outcome::kDeviates);
  EXPECT_NEAR(vk.difference, -310000.0, 1e-6);
  const IdentityCheck& lzb = Find(checks, "ziele.Langzeitleistungsbeziehende");
  EXPECT_EQ(lzb.outcome, Outcome::kDeviates);
  EXPECT_DOUBLE_EQ(lzb.difference, 7.0);
  const IdentityCheck& derived = Find(checks, "egt.neugeschaeft");
  EXPECT_EQ(derived.outcome, Outcome::kDerived);
  EXPECT_EQ(derived.derived, "Vorbindungen");
  EXPECT_NEAR(derived.computed, 15960000.0, 1e-6);
  const IdentityCheck& gesamt = Find(checks, "egt.gesamtbudget");
  EXPECT_EQ(gesamt.outcome, Outcome::kDerived);
  EXPECT_NEAR(gesamt.computed, 19760000.0, 1e-6);
  const IdentityCheck& before = Find(checks, "egt.zuteilung_vor_umschichtung");
  EXPECT_EQ(before.outcome, Outcome::kDerived);
  EXPECT_NEAR(before.computed, 25080000.0, 1e-6);
  for (const char* id : {"haushaltsansatz.gesamt", "haushaltsansatz.egt", "haushaltsansatz.vk", "vk.steigerung_prozent", "pauschale.differenz",
                         "kdu.gesamt.ansatz_vorjahr", "kdu.gesamt.ist_vorjahr", "kdu.gesamt.ansatz",
                         "ausgaben.gesamt", "instrumente.mabe.darunter", "ziele.Integrationsquote"}) {
    EXPECT_EQ(Find(checks, id).outcome, Outcome::kHolds) << id;
  }
  EXPECT_EQ(CountDeviations(checks), 2);
}

TEST(CheckerTest, RoundingOfPrintedFiguresIsTolerated) {
  const Plan plan = testing::ParseOrDie(R"(jahr: 2025
eingliederungsbudget:
  gerundet_auf: 100000.00
  zuteilung_stand: vor_umschichtung
  zuteilung: 17100000.00
  umschichtung_egt_nach_vk: 7980000.00
  gesamtbudget: 9100000.00
)");
  // 17.1 − 7.98 = 9.12, printed 9.1 with both terms rounded: tolerance 0.15 Mio.
  const std::vector<IdentityCheck> checks = CheckPlan(plan);
  EXPECT_EQ(Find(checks, "egt.gesamtbudget").outcome, Outcome::kHolds);
  EXPECT_NEAR(Find(checks, "egt.gesamtbudget").difference, -20000.0, 1e-6);
}


// The Eingliederungsbudget of the 2025 seed in the old reading: 17.1 Mio taken as the allocation
// before the shift, so the 7.98 Mio are subtracted a second time.
constexpr char kOldReading2025Egt[] = R"(eingliederungsbudget:
  zuteilung_stand: vor_umschichtung
  zuteilung: {betrag: 17100000.00, gerundet_auf: 100000.00}
  pauschale_erstattungen: {betrag: 2660000.00, gerundet_auf: 10000.00}
  umschichtung_egt_nach_vk: {betrag: 7980000.00, gerundet_auf: 10000.00}
  neugeschaeft: {betrag: 3800000.00, gerundet_auf: 100000.00}
)";

// The old reading of the 2025 seed (17.1 Mio taken as the allocation before the shift) read
// inside the plan: the Haushaltsansatz's EGT of 17.1 Mio no longer equals 17.1 − 7.98.
TEST(CheckerTest, OldReadingOf2025ContradictsTheHaushaltsansatz) {
  const Plan plan = testing::ParseOrDie(
      "jahr: 2025\n"
      "haushaltsansatz: {gerundet_auf: 100000.00, gesamt: 63800000.00, vk: 46700000.00, "
      "egt: 17100000.00}\n" +
      std::string(kOldReading2025Egt));
  const std::vector<IdentityCheck> checks = CheckPlan(plan);
  const IdentityCheck& ansatz = Find(checks, "haushaltsansatz.egt");
  EXPECT_EQ(ansatz.outcome, Outcome::kDeviates);
  EXPECT_NEAR(ansatz.difference, 7980000.0, 1e-6);
  EXPECT_NEAR(Find(checks, "egt.neugeschaeft").computed, 7980000.0, 1e-6);  // the old 7.98 Mio
}

Vorbindungen DataVorbindungen(int64_t total_euros, int64_t fbw_euros) {
  Vorbindungen data;
  data.jahr = 2025;
  data.total = core::Cents::FromEuros(total_euros);
  data.by_instrument["fbw"] = core::Cents::FromEuros(fbw_euros);
  data.by_instrument["egz"] = core::Cents::FromEuros(total_euros - fbw_euros);
  return data;
}

// Issue 9 item 10: the plan's implied Vorbindungen against the data's. The shipped 2025 plan
// implies 15.96 Mio; data of 15.5 Mio (FbW/Reha 3.2 Mio) fit within 10 % (+ rounding); data
// of 13.2 Mio (the demo before the fix) do not. The old reading (7.98 Mio implied) is a
// finding against data of 15.96 Mio: that is what would have caught it.
TEST(CheckerTest, ImpliedVorbindungenAgainstData) {
  const Plan plan = testing::LoadExample("amip-2025.yaml");
  std::vector<IdentityCheck> checks = CheckPlanAgainstData(plan, DataVorbindungen(15500000, 3200000));
  ASSERT_EQ(checks.size(), 2u);
  EXPECT_EQ(checks[0].id, "daten.vorbindungen");
  EXPECT_NEAR(checks[0].printed, 15960000.0, 1e-6);
  EXPECT_NEAR(checks[0].computed, 15500000.0, 1e-6);
  // 10 % of 15.96 Mio + half the rounding of 3.8 Mio (0.1), 17.1 Mio (0.1) and 2.66 Mio (0.01).
  EXPECT_NEAR(checks[0].tolerance, 1596000.0 + 105000.0 + 0.005, 1e-6);
  EXPECT_EQ(checks[0].outcome, Outcome::kHolds);
  EXPECT_EQ(checks[1].id, "daten.pauschale.verpflichtungen");
  EXPECT_NEAR(checks[1].computed, 3200000.0, 1e-6);
  EXPECT_EQ(checks[1].outcome, Outcome::kHolds);
  EXPECT_EQ(CountFindings(checks), 0);

  checks = CheckPlanAgainstData(plan, DataVorbindungen(13200000, 5000000));
  EXPECT_EQ(checks[0].outcome, Outcome::kFinding);
  EXPECT_EQ(checks[1].outcome, Outcome::kFinding);  // 5.0 Mio FbW against 3.3 Mio
  EXPECT_EQ(CountFindings(checks), 2);

  const Plan old_reading = testing::ParseOrDie("jahr: 2025\n" + std::string(kOldReading2025Egt));
  checks = CheckPlanAgainstData(old_reading, DataVorbindungen(15960000, 3300000));
  ASSERT_EQ(checks.size(), 1u);
  EXPECT_NEAR(checks[0].printed, 7980000.0, 1e-6);
  EXPECT_EQ(checks[0].outcome, Outcome::kFinding);
}

// 2014: the Vorbindungen are printed (8,635,883 €); a plan-specific threshold applies.
TEST(CheckerTest, PrintedVorbindungenAgainstDataUseThePlansThreshold) {
  Plan plan = testing::LoadExample("amip-2014.yaml");
  plan.controlling.vorbindungen_schwelle_prozent = 2;
  std::vector<IdentityCheck> checks = CheckPlanAgainstData(plan, DataVorbindungen(8800000, 0));
  ASSERT_EQ(checks.size(), 1u);
  EXPECT_NEAR(checks[0].difference, -164117.0, 1e-6);
  EXPECT_EQ(checks[0].outcome, Outcome::kHolds);  // within 2 % = 172,717.66 €
  checks = CheckPlanAgainstData(plan, DataVorbindungen(8900000, 0));
  EXPECT_EQ(checks[0].outcome, Outcome::kFinding);
}

TEST(CheckerTest, ShiftWithoutZuteilungStandIsRejected) {
  core::Result<Plan> plan = ParsePlan(
      "jahr: 2025\neingliederungsbudget: {zuteilung: 100.00, umschichtung_egt_nach_vk: 10.00}\n", "p.yaml",
      testing::Catalogue());
  ASSERT_FALSE(plan.ok());
  EXPECT_NE(plan.status().message().find("zuteilung_stand"), std::string::npos) << plan.status().ToString();
}

}  // namespace
}  // namespace amip::budget
