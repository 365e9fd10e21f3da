// Unit tests of the catalogue loader, --explain, coverage notes and targets
// (Jahresfortschrittswert). Indicator definitions themselves are tested by the case files
// (kennzahlen_cases_test.cc) and the SQL oracle (kennzahlen_sql_test.cc).
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "indicators/catalogue.h"
#include "indicators/kennzahlen.h"
#include "indicators/targets.h"

namespace amip::indicators {
namespace {

using core::Date;
using core::Month;

TEST(CatalogueTest, LoadsEveryIndicatorWithVersionsAndLzbDefinition) {
  auto catalogue = LoadCatalogue();
  ASSERT_TRUE(catalogue.ok()) << catalogue.status().ToString();
  EXPECT_EQ(catalogue->Get(IndicatorId::kK2).name_de, "Integrationsquote");
  EXPECT_EQ(catalogue->Get(IndicatorId::kK2).kind, FormulaKind::kEventQuota);
  const IndicatorDef& k2e3 = catalogue->Get(IndicatorId::kK2E3);
  ASSERT_EQ(k2e3.versions.size(), 2u);
  EXPECT_EQ(k2e3.VersionAt(Date::FromYmd(2019, 3, 15))->followup, Followup::kSvbAtPoint);
  EXPECT_EQ(k2e3.VersionAt(Date::FromYmd(2019, 4, 15))->followup, Followup::kSvbEachMonth);
  EXPECT_EQ(k2e3.VersionAt(Date::FromYmd(2010, 12, 15)), nullptr);
  EXPECT_EQ(catalogue->lzb.min_days, 638);
  EXPECT_EQ(catalogue->lzb.window_days, 730);
}

TEST(CatalogueTest, RejectsUnknownKeysAndMissingIndicators) {
  auto bad = ParseCatalogue({{"law/indicators/x.yaml",
                              "id: K2\nname_de: x\nkind: event_quota\nwindow: 12\n"}});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), core::StatusCode::kInvalidArgument);
  EXPECT_NE(bad.status().message().find("unknown key 'window'"), std::string::npos);
  auto missing = ParseCatalogue({});
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), core::StatusCode::kNotFound);
}

TEST(IndicatorValueTest, ChangeAndQuotaSemantics) {
  EXPECT_NEAR(*IndicatorValue(FormulaKind::kYoyChange, 95, 100), -5.0, 1e-12);
  EXPECT_NEAR(*IndicatorValue(FormulaKind::kEventQuota, 300, 1200), 25.0, 1e-12);
  EXPECT_FALSE(IndicatorValue(FormulaKind::kEventQuota, 3, 0).has_value());
}

// One Jobcenter, one person entering benefit on 2024-04-20 who starts svB work on 2024-05-01.
contract::Extract SmallExtract() {
  contract::Extract extract;
  extract.jobcenters.push_back({"A", "Jobcenter A", contract::JcKind::kGe});
  contract::Person person;
  person.person_id = "P5";
  person.sex = contract::Sex::kF;
  extract.persons.push_back(person);
  contract::Person other;
  other.person_id = "P6";
  other.sex = contract::Sex::kM;
  extract.persons.push_back(other);
  contract::BenefitSpell spell;
  spell.person = 0;
  spell.jc = 0;
  spell.start = Date::FromYmd(2024, 4, 20);
  extract.benefit_spells.push_back(spell);
  spell.person = 1;
  spell.start = Date::FromYmd(2022, 1, 1);
  extract.benefit_spells.push_back(spell);
  contract::EmploymentSpell job;
  job.person = 0;
  job.start = Date::FromYmd(2024, 5, 1);
  extract.employment_spells.push_back(job);
  return extract;
}

TEST(ExplainTest, NamesTheVorVormonatWindowAndTheResult) {
  const contract::Extract extract = SmallExtract();
  auto catalogue = LoadCatalogue();
  ASSERT_TRUE(catalogue.ok());
  Options options;
  auto text = ExplainPerson(extract, *catalogue, options, "P5", Month::FromYm(2024, 6));
  ASSERT_TRUE(text.ok()) << text.status().ToString();
  EXPECT_NE(text->find("Vor-Vormonat einbezogen"), std::string::npos) << *text;
  EXPECT_NE(text->find("Integration ja"), std::string::npos) << *text;
  EXPECT_NE(text->find("svb ab 2024-05-01  im Suchfenster"), std::string::npos) << *text;
  auto before = ExplainPerson(extract, *catalogue, options, "P5", Month::FromYm(2024, 5));
  ASSERT_TRUE(before.ok());
  EXPECT_NE(before->find("nicht im ELB-Bestand"), std::string::npos) << *before;
  auto unknown = ExplainPerson(extract, *catalogue, options, "nobody", Month::FromYm(2024, 5));
  EXPECT_EQ(unknown.status().code(), core::StatusCode::kNotFound);
}

TEST(RequiredTablesTest, ExtractWithoutClaimsIsRefusedNotCountedAsZero) {
  contract::Extract extract = SmallExtract();
  extract.tables = RequiredTables();  // a lean load: exactly what the engine reads
  Options options;
  options.months = {Month::FromYm(2024, 6), Month::FromYm(2024, 6)};
  EXPECT_TRUE(ComputeIndicators(extract, options).ok());
  extract.tables.claims = false;
  auto computed = ComputeIndicators(extract, options);
  ASSERT_FALSE(computed.ok());
  EXPECT_EQ(computed.status().code(), core::StatusCode::kFailedPrecondition);
  EXPECT_NE(computed.status().message().find("nicht geladen sind: claims"), std::string::npos)
      << computed.status().ToString();
  EXPECT_FALSE(RequiredTables().bg_housing);
  EXPECT_FALSE(RequiredTables().unemployment_spells);
}

TEST(CoverageTest, DefaultStartIsTheEarliestSpellAndEndIsOptional) {
  const contract::Extract extract = SmallExtract();
  Options options;
  options.months = {Month::FromYm(2024, 6), Month::FromYm(2024, 6)};
  options.coverage_end = Date::FromYmd(2024, 6, 1);
  auto computed = ComputeIndicators(extract, options);
  ASSERT_TRUE(computed.ok()) << computed.status().ToString();
  EXPECT_EQ(computed->coverage_start, Date::FromYmd(2022, 1, 1));
  for (const IndicatorRow& row : computed->rows) {
    EXPECT_FALSE(row.note.empty());
    if (row.indicator == IndicatorId::kK1E2) {
      EXPECT_NE(row.note.find("nach dem Ende des Extrakts"), std::string::npos) << row.note;
    }
    if (row.indicator == IndicatorId::kK3) {
      EXPECT_NE(row.note.find("Extrakt ab 2022-01-01"), std::string::npos) << row.note;
    }
  }
}

TEST(TargetsTest, ParsesTheAmip2025Example) {
  const char* env = std::getenv("AMIP_SOURCE_DIR");
  std::ifstream in(std::string(env ? env : AMIP_SOURCE_DIR) + "/examples/targets/amip-2025.yaml");
  std::stringstream text;
  text << in.rdbuf();
  auto targets = ParseTargets(text.str(), "amip-2025.yaml");
  ASSERT_TRUE(targets.ok()) << targets.status().ToString();
  EXPECT_EQ(targets->year, 2025);
  ASSERT_EQ(targets->targets.size(), 6u);
  EXPECT_EQ(targets->targets[0].quantity, TargetQuantity::kIntegrationsquote);
  EXPECT_EQ(targets->targets[0].sex, SexSplit::kF);
  EXPECT_DOUBLE_EQ(targets->targets[0].value, 14.6);
  EXPECT_DOUBLE_EQ(targets->targets[3].value, 8431);
  auto bad = ParseTargets("year: 2025\ntargets:\n  - {quantity: quote, value: 1}\n", "t.yaml");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("t.yaml:3"), std::string::npos)
      << bad.status().message();
}

TEST(TargetsTest, JahresfortschrittswertAccumulatesFromJanuary) {
  Computation computation;
  // ELB stock 100 every month, 2 integrations a month, LZB 60 in 2025.
  for (Month month = Month::FromYm(2024, 1); month <= Month::FromYm(2025, 3); ++month) {
    MonthlyCounts counts;
    counts.jc = 0;
    counts.month = month;
    counts.elb = 100;
    counts.lzb = month.year() == 2025 ? 60 : 50;
    counts.integrations = 2;
    computation.monthly.push_back(counts);
  }
  IndicatorRow k2;
  k2.jc = 0;
  k2.month = Month::FromYm(2025, 3);
  k2.indicator = IndicatorId::kK2;
  k2.value = 24.0;
  computation.rows.push_back(k2);
  Targets targets;
  targets.year = 2025;
  targets.targets = {{TargetQuantity::kIntegrationsquote, SexSplit::kAll, 20.0, ""},
                     {TargetQuantity::kLzbBestand, SexSplit::kAll, 55.0, ""}};
  auto rows = TargetProgress(computation, targets, {Month::FromYm(2025, 3), Month::FromYm(2025, 3)});
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_DOUBLE_EQ(*rows[0].actual, 24.0);
  EXPECT_DOUBLE_EQ(*rows[0].progress, 6.0);         // 6 integrations ÷ average 100 × 100
  EXPECT_DOUBLE_EQ(*rows[0].target_to_date, 5.0);   // 20 % × 3/12
  EXPECT_DOUBLE_EQ(*rows[1].progress, 60.0);        // average LZB stock Jan..Mar
  EXPECT_FALSE(rows[1].actual.has_value());          // no K3 row given
}

}  // namespace
}  // namespace amip::indicators
