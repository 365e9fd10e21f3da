#include <gtest/gtest.h>

#include <string>

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

// The command line states CoverageOf as the domain of --date and --month (issue 10 item 3):
// exactly the days ResolveLaw answers.
TEST(LawSnapshotTest, CoverageOfIsTheWindowResolveLawAnswers) {
  auto store = EmbeddedStore();
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  auto coverage = CoverageOf(**store);
  ASSERT_TRUE(coverage.ok()) << coverage.status().ToString();
  EXPECT_EQ(coverage->first, core::Date::FromYmd(2014, 1, 1));
  EXPECT_EQ(coverage->last, core::Date::FromYmd(2026, 12, 31));
  EXPECT_TRUE(ResolveLaw(**store, coverage->first).ok());
  EXPECT_TRUE(ResolveLaw(**store, coverage->last).ok());
  EXPECT_EQ(ResolveLaw(**store, coverage->first - 1).status().code(), core::StatusCode::kOutOfRange);
  EXPECT_EQ(ResolveLaw(**store, coverage->last + 1).status().code(), core::StatusCode::kOutOfRange);
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

TEST(LawSnapshotTest, AgeLimitsAndBirthYearBandsAreLawData) {
  auto store = EmbeddedStore();
  ASSERT_TRUE(store.ok());
  auto law = ResolveLaw(**store, core::Date::FromYmd(2020, 5, 1));
  ASSERT_TRUE(law.ok()) << law.status().ToString();
  EXPECT_EQ(law->volljaehrig_ab, 18);
  EXPECT_EQ(law->kindergeld.alter_ohne_voraussetzung_unter, 18);
  EXPECT_EQ(law->arbeit.pv_kinderlos_ab_alter, 23);
  EXPECT_EQ(law->wohngeld.kind_erwerb_alter_unter, 25);
  EXPECT_EQ(law->sgb2.alter_bg_kind_unter, 25);
  ASSERT_TRUE(law->sgb2.vermoegen_alt.has_value());
  EXPECT_EQ(law->sgb2.vermoegen_alt->vor_1948_geboren_vor, 1948);
  EXPECT_EQ(law->sgb2.vermoegen_alt->stufe_1_geboren_bis, 1957);
  EXPECT_EQ(law->sgb2.vermoegen_alt->stufe_2_geboren_bis, 1963);
  EXPECT_NE(law->Cite("allgemein/alter.volljaehrigkeit").find("BGBl. I 1974 S. 1713"), std::string::npos);
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

// Strict YAML through yamlio (issue 11 item 3): duplicate key, unknown key, wrong type, NUL
// and a list where one value is expected, each with file:line:column.
std::string LoadError(const std::string& body) {
  ParameterStore store;
  const core::Status status = store.AddFile("law/parameters/t/x.yaml", std::string(kHeader) + body);
  EXPECT_EQ(status.code(), core::StatusCode::kInvalidArgument);
  return status.message();
}

TEST(LawYamlTest, ParameterFileRejectsEachKindOfBadYaml) {
  EXPECT_EQ(LoadError("  2014-01-01: {value: 1, reference: R, value: 2}\n"),
            "law/parameters/t/x.yaml:7:40: doppelter Schlüssel 'value' (zuerst in Zeile 7)");
  EXPECT_EQ(LoadError("  unit: Share\n  2014-01-01: {value: 1, reference: R}\n"),
            "law/parameters/t/x.yaml:7:3: doppelter Schlüssel 'unit' (zuerst in Zeile 4)");
  EXPECT_EQ(LoadError("  2014-01-01: {value: 1, reference: R, colour: red}\n"),
            "law/parameters/t/x.yaml:7:40: unknown key 'colour' in entry 2014-01-01 (allowed: "
            "value, reference, note, updates_previous)");
  EXPECT_EQ(LoadError("  2014-01-01: {value: 1, reference: R}\n"
                      "  2015-01-01: {value: 2, reference: R, updates_previous: yes}\n"),
            "law/parameters/t/x.yaml:8:58: updates_previous 'yes': erwartet true oder false");
  EXPECT_EQ(LoadError("  2014-01-01: {value: 1, reference: \"R\\0 BGBl.\"}\n"),
            "law/parameters/t/x.yaml:7:37: Wert enthält ein NUL-Zeichen (\\0), nicht erlaubt");
  EXPECT_EQ(LoadError("  2014-01-01: {value: 1, reference: [R]}\n"),
            "law/parameters/t/x.yaml:7:37: 'reference' must be a non-empty text");
}

constexpr const char* kLocal = R"(kreis: Test
ags_kreis: "05978"
status: assumption
source: Test
municipalities:
  "05978004":
    name: Bergkamen
    mietstufe: {2014-01-01: 3}
    kdu_bruttokaltmiete:
      2014-01-01: {"1": 400.00, "2": 480.00, "3": 560.00, "4": 640.00, "5": 720.00, je_weitere: 80.00}
)";

std::string LocalError(std::string text) {
  LocalRules rules;
  const core::Status status = rules.AddFile("law/local/t.yaml", text);
  EXPECT_EQ(status.code(), core::StatusCode::kInvalidArgument);
  return status.message();
}

std::string Replace(std::string text, const std::string& from, const std::string& to) {
  text.replace(text.find(from), from.size(), to);
  return text;
}

TEST(LawYamlTest, LocalRulesRejectEachKindOfBadYaml) {
  LocalRules rules;
  ASSERT_TRUE(rules.AddFile("law/local/t.yaml", kLocal).ok());
  EXPECT_EQ(LocalError(Replace(kLocal, "    name: Bergkamen\n", "    name: Bergkamen\n    name: Unna\n")),
            "law/local/t.yaml:8:5: doppelter Schlüssel 'name' (zuerst in Zeile 7)");
  EXPECT_EQ(LocalError(Replace(kLocal, "    name: Bergkamen\n", "    name: Bergkamen\n    farbe: rot\n")),
            "law/local/t.yaml:8:5: unbekannter Schlüssel 'farbe' in municipality 05978004 "
            "(erlaubt: name, mietstufe, kdu_bruttokaltmiete)");
  EXPECT_EQ(LocalError(Replace(kLocal, "{2014-01-01: 3}", "{2014-01-01: drei}")),
            "law/local/t.yaml:8:29: mietstufe 'drei': erwartet eine ganze Zahl");
  EXPECT_EQ(LocalError(Replace(kLocal, "name: Bergkamen", "name: \"Berg\\0kamen\"")),
            "law/local/t.yaml:7:11: Wert enthält ein NUL-Zeichen (\\0), nicht erlaubt");
  EXPECT_EQ(LocalError(Replace(kLocal, "name: Bergkamen", "name: [Bergkamen]")),
            "law/local/t.yaml:7:11: name: erwartet einen einzelnen Wert, gefunden eine Liste");
}

}  // namespace
}  // namespace amip::law
