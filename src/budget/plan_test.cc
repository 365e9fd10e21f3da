#include "budget/plan.h"

#include <gtest/gtest.h>

#include "budget/test_util.h"

namespace amip::budget {
namespace {

core::Status ParseError(const std::string& text) {
  core::Result<Plan> plan = ParsePlan(text, "plan.yaml", testing::Catalogue());
  EXPECT_FALSE(plan.ok());
  return plan.ok() ? core::Status::Ok() : plan.status();
}

TEST(PlanTest, ExamplesLoad) {
  const Plan plan2014 = testing::LoadExample("amip-2014.yaml");
  EXPECT_EQ(plan2014.jahr, 2014);
  EXPECT_EQ(plan2014.egt.neugeschaeft.value, core::Cents::FromEuros(9985125));
  EXPECT_EQ(plan2014.instrumente.size(), 8u);
  EXPECT_TRUE(plan2014.instrumente[5].eintritte.upper_bound);  // FAV "<100"
  EXPECT_EQ(plan2014.instrumente[5].eintritte.value, 99.0);
  const Plan plan2025 = testing::LoadExample("amip-2025.yaml");
  EXPECT_EQ(plan2025.egt.umschichtung_egt_nach_vk.rounding, core::Cents::FromEuros(10000));
  EXPECT_EQ(plan2025.kdu.positionen.size(), 3u);
  EXPECT_EQ(plan2025.instrumente.back().covered, (std::vector<std::string>{"mat", "mag"}));
}

TEST(PlanTest, UnknownInstrumentNamesFileLineAndColumn) {
  const core::Status status = ParseError(
      "jahr: 2025\neingliederungsbudget: {zuteilung: 1.00}\ninstrumente:\n"
      "  - {instrument: zauberkurs, eintritte: 5}\n");
  EXPECT_EQ(status.code(), core::StatusCode::kInvalidArgument);
  EXPECT_NE(status.message().find("plan.yaml:4:18: instrument 'zauberkurs': unbekanntes Instrument"),
            std::string::npos)
      << status.message();
}

TEST(PlanTest, NegativePlacesAreRejected) {
  const core::Status status = ParseError(
      "jahr: 2025\neingliederungsbudget: {zuteilung: 1.00}\ninstrumente:\n"
      "  - instrument: egz\n    plaetze: -5\n");
  EXPECT_NE(status.message().find("plan.yaml:5:14: plaetze '-5': darf nicht negativ sein"),
            std::string::npos)
      << status.message();
}

TEST(PlanTest, FinanzpositionShareAbove100PercentIsRejected) {
  const core::Status status = ParseError(
      "jahr: 2025\neingliederungsbudget: {zuteilung: 1.00}\nanteile_neugeschaeft:\n"
      "  - jahr: 2025\n    finanzpositionen: {I: 104.8, II: 7.6}\n");
  EXPECT_NE(status.message().find("plan.yaml:5:27: I '104.8': ein Anteil über 100 %"), std::string::npos)
      << status.message();
}

TEST(PlanTest, MissingYearIsRejected) {
  const core::Status status = ParseError("eingliederungsbudget: {zuteilung: 1.00}\n");
  EXPECT_NE(status.message().find("plan.yaml:1:1: 'jahr' fehlt"), std::string::npos) << status.message();
}

TEST(PlanTest, InstrumentNotInForceInThePlanYearIsRejected) {
  const core::Status status = ParseError(
      "jahr: 2025\neingliederungsbudget: {zuteilung: 1.00}\ninstrumente:\n"
      "  - {instrument: fav, eintritte: 5}\n");
  EXPECT_NE(status.message().find("plan.yaml:4:18: instrument 'fav': Instrument 'fav' gibt es 2025 nicht"),
            std::string::npos)
      << status.message();
}

TEST(PlanTest, UnknownKeyAndBadMoneyAreRejected) {
  EXPECT_NE(ParseError("jahr: 2025\neingliederungsbudget: {zuteilung: 1.00, zuteilungg: 2.00}\n")
                .message()
                .find("unbekannter Schlüssel 'zuteilungg'"),
            std::string::npos);
  EXPECT_NE(ParseError("jahr: 2025\neingliederungsbudget: {zuteilung: '1,50'}\n")
                .message()
                .find("plan.yaml:2:35: zuteilung '1,50': Komma statt Punkt als Dezimaltrennzeichen"),
            std::string::npos);
}

TEST(PlanTest, YamlSyntaxErrorNamesTheLine) {
  const core::Status status = ParseError("jahr: 2025\neingliederungsbudget: {zuteilung: 1.00\n");
  EXPECT_NE(status.message().find("plan.yaml:"), std::string::npos);
  EXPECT_NE(status.message().find("YAML-Syntaxfehler"), std::string::npos) << status.message();
}

}  // namespace
}  // namespace amip::budget
