#include <gtest/gtest.h>

#include "law/law_snapshot.h"
#include "law/local_rules.h"
#include "law/parameter_store.h"

namespace amip::law {
namespace {

constexpr const char* kHeader = R"(p:
  name: {de: X, en: X}
  description: {de: "§ 1 X", en: X}
  unit: Euros
  reference_period: Month
  type: scalar
)";

core::Status Load(const std::string& body) {
  ParameterStore store;
  return store.AddFile("law/parameters/t/x.yaml", std::string(kHeader) + body);
}

TEST(ParameterStoreTest, RejectsUnknownKey) {
  core::Status status = Load("  2014-01-01: {value: 1, reference: R, colour: red}\n");
  EXPECT_EQ(status.code(), core::StatusCode::kInvalidArgument);
  EXPECT_NE(status.message().find("unknown key 'colour'"), std::string::npos) << status.message();
  EXPECT_NE(status.message().find("x.yaml:7:"), std::string::npos) << status.message();
}

TEST(ParameterStoreTest, RejectsUnsortedDates) {
  core::Status status = Load(
      "  2015-01-01: {value: 1, reference: R}\n  2014-01-01: {value: 2, reference: R}\n");
  EXPECT_NE(status.message().find("dates must be sorted ascending"), std::string::npos);
}

TEST(ParameterStoreTest, RejectsUnitMismatch) {
  core::Status status = Load("  2014-01-01: {value: 1.234, reference: R}\n");
  EXPECT_NE(status.message().find("unit mismatch"), std::string::npos) << status.message();
}

TEST(ParameterStoreTest, RejectsMalformedDate) {
  core::Status status = Load("  2014-13-01: {value: 1, reference: R}\n");
  EXPECT_NE(status.message().find("malformed date '2014-13-01'"), std::string::npos);
}

TEST(ParameterStoreTest, LookupTakesLatestEntryNotAfterDate) {
  ParameterStore store;
  ASSERT_TRUE(store.AddFile("law/parameters/t/x.yaml",
                            std::string(kHeader) + "  2014-01-01: {value: 1, reference: R1}\n" +
                                "  2016-07-01: {value: 2, reference: R2}\n")
                  .ok());
  auto entry = store.InForce("t/x.p", core::Date::FromYmd(2016, 6, 30));
  ASSERT_TRUE(entry.ok());
  EXPECT_EQ((*entry)->value.text, "1");
  entry = store.InForce("t/x.p", core::Date::FromYmd(2016, 7, 1));
  EXPECT_EQ((*entry)->value.text, "2");
  entry = store.InForce("t/x.p", core::Date::FromYmd(2013, 12, 31));
  EXPECT_EQ(entry.status().code(), core::StatusCode::kOutOfRange);
}

TEST(LawSnapshotTest, EmbeddedParametersResolveForEveryMonth2014To2026) {
  auto store = EmbeddedStore();
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  for (int year = 2014; year <= 2026; ++year) {
    for (int month = 1; month <= 12; ++month) {
      auto law = ResolveLaw(**store, core::Date::FromYmd(year, month, 1));
      ASSERT_TRUE(law.ok()) << year << "-" << month << ": " << law.status().ToString();
    }
  }
}

TEST(LawSnapshotTest, KnownValues) {
  auto store = EmbeddedStore();
  ASSERT_TRUE(store.ok());
  auto law = ResolveLaw(**store, core::Date::FromYmd(2014, 1, 1));
  ASSERT_TRUE(law.ok());
  EXPECT_EQ(law->sgb2.regelbedarfsstufe[1], core::Cents::FromEuros(391));
  EXPECT_EQ(law->kindergeld.kind_3, core::Cents::FromEuros(190));
  EXPECT_TRUE(law->sgb2.vermoegen_alt.has_value());
  auto law2023 = ResolveLaw(**store, core::Date::FromYmd(2023, 7, 1));
  ASSERT_TRUE(law2023.ok());
  EXPECT_DOUBLE_EQ(law2023->sgb2.efb_satz_2, 0.30);
  EXPECT_DOUBLE_EQ(law2023->sgb2.efb_satz_1, 0.20);  // updates_previous kept stufe_1
  EXPECT_TRUE(law2023->sgb2.vermoegen_buergergeld.has_value());
  EXPECT_EQ(law2023->wohngeld.c[1], 462000);  // 0.0000462 scaled by 1e10
}

TEST(LawSnapshotTest, RejectsDateOutsideCoverage) {
  auto store = EmbeddedStore();
  ASSERT_TRUE(store.ok());
  auto law = ResolveLaw(**store, core::Date::FromYmd(2013, 12, 1));
  EXPECT_EQ(law.status().code(), core::StatusCode::kOutOfRange);
  EXPECT_NE(law.status().message().find("outside the coverage"), std::string::npos);
  law = ResolveLaw(**store, core::Date::FromYmd(2027, 1, 1));
  EXPECT_EQ(law.status().code(), core::StatusCode::kOutOfRange);
}

TEST(LocalRulesTest, KreisUnnaHasTenMunicipalities) {
  auto rules = EmbeddedLocalRules();
  ASSERT_TRUE(rules.ok()) << rules.status().ToString();
  EXPECT_EQ((*rules)->municipalities().size(), 10u);
  auto ceiling = (*rules)->KduCeilingFor("Unna", 1, core::Date::FromYmd(2014, 1, 1));
  ASSERT_TRUE(ceiling.ok());
  EXPECT_GT(ceiling->amount, core::Cents::FromEuros(300));
  EXPECT_EQ((*rules)->Find("Atlantis").status().code(), core::StatusCode::kNotFound);
}

}  // namespace
}  // namespace amip::law
