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
  EXPECT_EQ(neugeschaeft.line, 15);
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
// LZB 8,431 + 7,818 = 16,249, printed 16,256. Everything else holds within its rounding;
// Vorbindungen are not printed and are derived (17.1 + 2.66 − 7.98 − 3.8 = 7.98 Mio).
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
  EXPECT_NEAR(derived.computed, 7980000.0, 1e-6);
  for (const char* id : {"haushaltsansatz.gesamt", "vk.steigerung_prozent", "pauschale.differenz",
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
  zuteilung: 17100000.00
  umschichtung_egt_nach_vk: 7980000.00
  gesamtbudget: 9100000.00
)");
  // 17.1 − 7.98 = 9.12, printed 9.1 with both terms rounded: tolerance 0.15 Mio.
  const std::vector<IdentityCheck> checks = CheckPlan(plan);
  EXPECT_EQ(Find(checks, "egt.gesamtbudget").outcome, Outcome::kHolds);
  EXPECT_NEAR(Find(checks, "egt.gesamtbudget").difference, -20000.0, 1e-6);
}

}  // namespace
}  // namespace amip::budget
