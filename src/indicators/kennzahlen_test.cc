// Unit tests of the catalogue loader, --explain, coverage notes and targets
// (Jahresfortschrittswert). Indicator definitions themselves are tested by the case files
// (kennzahlen_cases_test.cc) and the SQL oracle (kennzahlen_sql_test.cc).
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>

#include "indicators/catalogue.h"
#include "indicators/kennzahlen.h"
#include "indicators/targets.h"

namespace amip::indicators {
namespace {

using core::Date;
using core::Month;

bool IsMoneyIndicator(IndicatorId id) {
  return id == IndicatorId::kK1 || id == IndicatorId::kK1E1;
}

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
  EXPECT_NE(bad.status().message().find("unbekannter Schlüssel 'window' in indicator"), std::string::npos);
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
  // After the data end (default: 2024-05-01, the job start) the explanation says so.
  EXPECT_NE(text->find("Stichtag 2024-06-15 liegt nach dem Ende der Daten (Extrakt bis "
                       "2024-05-01)"),
            std::string::npos)
      << *text;
  Options covered = options;
  covered.coverage_end = Date::FromYmd(2024, 6, 30);
  auto inside = ExplainPerson(extract, *catalogue, covered, "P5", Month::FromYm(2024, 6));
  ASSERT_TRUE(inside.ok());
  EXPECT_EQ(inside->find("Hinweis"), std::string::npos) << *inside;
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

// Issue 10 item 3: reporting months whose windows leave the calendar (1800-01, or a BDI
// follow-up of 95000 months) are kOutOfRange, never an assertion in Month::FirstDay (before
// the fix both aborted the process); a negative follow-up is refused, not replaced by the
// catalogue's 3 months.
TEST(Issue10OptionsTest, MonthsOutsideTheCalendarAreAnErrorNotAnAbort) {
  const contract::Extract extract = SmallExtract();
  Options options;
  options.months = {Month::FromYm(1800, 1), Month::FromYm(1800, 1)};
  auto computed = ComputeIndicators(extract, options);
  ASSERT_FALSE(computed.ok());
  EXPECT_EQ(computed.status().code(), core::StatusCode::kOutOfRange);
  EXPECT_NE(computed.status().message().find("verlassen den darstellbaren Kalender"), std::string::npos)
      << computed.status().ToString();
  auto catalogue = LoadCatalogue();
  ASSERT_TRUE(catalogue.ok());
  auto explained = ExplainPerson(extract, *catalogue, options, "P5", Month::FromYm(1800, 1));
  EXPECT_EQ(explained.status().code(), core::StatusCode::kOutOfRange);

  options.months = {Month::FromYm(2024, 6), Month::FromYm(2024, 6)};
  options.bdi_followup_months = 95000;
  EXPECT_EQ(ComputeIndicators(extract, options).status().code(), core::StatusCode::kOutOfRange);
  options.bdi_followup_months = -5;
  EXPECT_EQ(ComputeIndicators(extract, options).status().code(), core::StatusCode::kInvalidArgument);
  options.bdi_followup_months = 24;
  EXPECT_TRUE(ComputeIndicators(extract, options).ok());

  // The last month of the calendar still works (its rows carry a coverage note).
  options.bdi_followup_months = 0;
  options.months = {Month::FromYm(9999, 12), Month::FromYm(9999, 12)};
  EXPECT_TRUE(ComputeIndicators(extract, options).ok());
  EXPECT_EQ(SupportedMonths(*catalogue).first, Month::FromYm(2011, 1));
  EXPECT_EQ(SupportedMonths(*catalogue).last, Month::FromYm(9999, 12));
}

// Issue 10 item 6: K1 sums claims in int64 cents. 93 claim rows of one month at the largest
// amount a contract file holds (999.999.999.999.999,99 €) wrapped around to a negative K1
// before; now the computation is kOutOfRange. 92 rows still give the exact sum.
TEST(Issue10MoneyTest, K1SumThatDoesNotFitIsAnErrorNotAWrappedNumber) {
  contract::Extract extract = SmallExtract();
  contract::Claim claim;
  claim.person = 1;  // P6, in benefit since 2022-01-01
  claim.from = Month::FromYm(2024, 6);
  claim.to = Month::FromYm(2024, 6);
  claim.llu = core::Cents::FromCents(99999999999999999);
  for (int row = 0; row < 92; ++row) extract.claims.push_back(claim);
  Options options;
  options.months = {Month::FromYm(2024, 6), Month::FromYm(2024, 6)};
  options.indicators = {IndicatorId::kK1};
  options.coverage_start = Date::FromYmd(2020, 1, 1);
  options.coverage_end = Date::FromYmd(2024, 6, 30);
  auto fits = ComputeIndicators(extract, options);
  ASSERT_TRUE(fits.ok()) << fits.status().ToString();
  ASSERT_FALSE(fits->rows.empty());
  EXPECT_DOUBLE_EQ(fits->rows[0].numerator, 92 * 999999999999999.99);
  extract.claims.push_back(claim);
  auto computed = ComputeIndicators(extract, options);
  ASSERT_FALSE(computed.ok()) << "K1 numerator " << computed->rows[0].numerator;
  EXPECT_EQ(computed.status().code(), core::StatusCode::kOutOfRange);
  EXPECT_NE(computed.status().message().find("übergelaufen"), std::string::npos) << computed.status().ToString();
  options.threads = 4;  // the merge of the threads' partial sums is checked too
  EXPECT_EQ(ComputeIndicators(extract, options).status().code(), core::StatusCode::kOutOfRange);
}

TEST(CoverageTest, DefaultStartIsTheEarliestSpellAndEndTheLatestDate) {
  contract::Extract extract = SmallExtract();
  // Latest date: the start of P5's job (2024-05-01); benefit spells are open.
  EXPECT_EQ(DefaultCoverageEnd(extract), Date::FromYmd(2024, 5, 1));
  extract.employment_spells[0].end = Date::FromYmd(2026, 9, 30);  // a planned job end is no data
  EXPECT_EQ(DefaultCoverageEnd(extract), Date::FromYmd(2024, 5, 1));
  extract.employment_spells[0].start = Date::FromYmd(2024, 9, 30);
  EXPECT_EQ(DefaultCoverageEnd(extract), Date::FromYmd(2024, 9, 30));
  extract.benefit_spells[1].end = Date::FromYmd(2024, 10, 2);
  EXPECT_EQ(DefaultCoverageEnd(extract), Date::FromYmd(2024, 10, 2));
  extract.claims.push_back({1, Month::FromYm(2024, 1), Month::FromYm(2024, 11),
                            core::Cents::FromCents(100), core::Cents::FromCents(100)});
  EXPECT_EQ(DefaultCoverageEnd(extract), Date::FromYmd(2024, 11, 30));  // claim month's end
  contract::MeasureSpell measure;  // a planned measure end is no data
  measure.person = 1;
  measure.instrument = "fbw";
  measure.start = Date::FromYmd(2024, 3, 1);
  measure.end = Date::FromYmd(2026, 3, 1);
  extract.measure_spells.push_back(measure);
  EXPECT_EQ(DefaultCoverageEnd(extract), Date::FromYmd(2024, 11, 30));

  Options options;
  options.months = {Month::FromYm(2024, 6), Month::FromYm(2024, 6)};
  options.coverage_end = Date::FromYmd(2024, 6, 1);
  auto computed = ComputeIndicators(extract, options);
  ASSERT_TRUE(computed.ok()) << computed.status().ToString();
  EXPECT_EQ(computed->coverage_start, Date::FromYmd(2022, 1, 1));
  EXPECT_EQ(computed->coverage_end, Date::FromYmd(2024, 6, 1));
  for (const IndicatorRow& row : computed->rows) {
    EXPECT_FALSE(row.note.empty());
    if (row.indicator == IndicatorId::kK1E2) {
      EXPECT_TRUE(row.after_end);
      EXPECT_FALSE(row.before_start);
      EXPECT_EQ(row.note,
                "Zeitfenster reicht über das Ende der Daten hinaus: benötigt bis 2024-06-15, "
                "Extrakt bis 2024-06-01");
    }
    if (row.indicator == IndicatorId::kK3) {  // both sides
      EXPECT_TRUE(row.before_start);
      EXPECT_TRUE(row.after_end);
      EXPECT_NE(row.note.find("Extrakt ab 2022-01-01"), std::string::npos) << row.note;
      EXPECT_NE(row.note.find("Extrakt bis 2024-06-01"), std::string::npos) << row.note;
    }
  }
}

// Every indicator at both edges of an extract covering 2020-01-01..2024-12-20 (count day the
// 15th): the first computable month (hand-derived from each window, docs/kennzahlen.md
// "Coverage") and the month before it carry a before-start note; the last computable month
// and the month after it an after-end note. K1/K1E1 need the whole claim month, so their last
// month is 2024-11 (2024-12-31 > 2024-12-20); every other indicator ends at ST(M).
TEST(CoverageTest, FirstAndLastComputableMonthOfEveryIndicator) {
  contract::Extract extract;
  extract.jobcenters.push_back({"A", "Jobcenter A", contract::JcKind::kGe});
  contract::Person person;
  person.person_id = "P";
  person.sex = contract::Sex::kF;
  extract.persons.push_back(person);
  contract::BenefitSpell spell;
  spell.person = 0;
  spell.jc = 0;
  spell.start = Date::FromYmd(2020, 1, 1);
  spell.end = Date::FromYmd(2024, 12, 20);
  extract.benefit_spells.push_back(spell);
  extract.claims.push_back({0, Month::FromYm(2020, 1), Month::FromYm(2024, 11),
                            core::Cents::FromCents(50000), core::Cents::FromCents(40000)});
  ASSERT_EQ(DefaultCoverageEnd(extract), Date::FromYmd(2024, 12, 20));
  Options options;  // default start and end: 2020-01-01 and 2024-12-20
  options.months = {Month::FromYm(2020, 6), Month::FromYm(2025, 3)};
  auto computed = ComputeIndicators(extract, options);
  ASSERT_TRUE(computed.ok()) << computed.status().ToString();
  EXPECT_EQ(computed->coverage_start, Date::FromYmd(2020, 1, 1));
  EXPECT_EQ(computed->coverage_end, Date::FromYmd(2024, 12, 20));

  // 2020-01-01 + 729 days = 2021-12-30: the first count day with a full LZB window is
  // ST(2022-01).
  const std::map<IndicatorId, std::pair<Month, Month>> expected = {
      {IndicatorId::kK1, {Month::FromYm(2021, 1), Month::FromYm(2024, 11)}},    // claims M−12
      {IndicatorId::kK1E1, {Month::FromYm(2021, 1), Month::FromYm(2024, 11)}},
      {IndicatorId::kK1E2, {Month::FromYm(2021, 1), Month::FromYm(2024, 12)}},  // ST(M−12)
      {IndicatorId::kK1E3, {Month::FromYm(2021, 1), Month::FromYm(2024, 12)}},  // ST(M−12)
      {IndicatorId::kK1E4, {Month::FromYm(2021, 1), Month::FromYm(2024, 12)}},
      {IndicatorId::kK2, {Month::FromYm(2021, 2), Month::FromYm(2024, 12)}},    // ST(M−13)
      {IndicatorId::kK2E1, {Month::FromYm(2021, 2), Month::FromYm(2024, 12)}},
      {IndicatorId::kK2E2, {Month::FromYm(2021, 2), Month::FromYm(2024, 12)}},
      {IndicatorId::kK2E3, {Month::FromYm(2021, 8), Month::FromYm(2024, 12)}},  // ST(M−19)
      {IndicatorId::kK2E4, {Month::FromYm(2021, 2), Month::FromYm(2024, 12)}},
      {IndicatorId::kK3, {Month::FromYm(2023, 1), Month::FromYm(2024, 12)}},    // LZB at M−12
      {IndicatorId::kK3E1, {Month::FromYm(2023, 1), Month::FromYm(2024, 12)}},
      {IndicatorId::kK3E2, {Month::FromYm(2022, 1), Month::FromYm(2024, 12)}},  // LZB at M
      {IndicatorId::kK3E3, {Month::FromYm(2023, 1), Month::FromYm(2024, 12)}},
      {IndicatorId::kK3E4, {Month::FromYm(2023, 1), Month::FromYm(2024, 12)}},
      {IndicatorId::kBdi, {Month::FromYm(2021, 5), Month::FromYm(2024, 12)}},   // ST(M−16)
  };
  ASSERT_EQ(expected.size(), static_cast<size_t>(kIndicatorCount));
  for (const auto& [id, edges] : expected) {
    const auto [first, last] = edges;
    SCOPED_TRACE(std::string(ToString(id)));
    int rows = 0;
    for (const IndicatorRow& row : computed->rows) {
      if (row.indicator != id) continue;
      ++rows;
      const std::string what = row.month.ToString() + " " + std::string(ToString(row.sex));
      if (row.month < first) {
        EXPECT_TRUE(row.before_start) << what;
        EXPECT_FALSE(row.after_end) << what;
        EXPECT_NE(row.note.find("Zeitfenster reicht vor den Beginn des Extrakts: benötigt ab "),
                  std::string::npos)
            << what << ": " << row.note;
      } else if (row.month > last) {
        EXPECT_TRUE(row.after_end) << what;
        EXPECT_FALSE(row.before_start) << what;
        const std::string needed = IsMoneyIndicator(id) ? row.month.LastDay().ToString()
                                                        : row.month.Day(15).ToString();
        EXPECT_EQ(row.note, "Zeitfenster reicht über das Ende der Daten hinaus: benötigt bis " +
                                needed + ", Extrakt bis 2024-12-20")
            << what;
        EXPECT_EQ(row.numerator, 0) << what;
        EXPECT_FALSE(row.value.has_value()) << what;
      } else {
        EXPECT_EQ(row.note, "") << what;
      }
    }
    EXPECT_EQ(rows, 3 * options.months.size());
    // The edges themselves are inside the range, and so are the months beyond them.
    EXPECT_GT(first, options.months.first);
    EXPECT_LT(last, options.months.last);
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
