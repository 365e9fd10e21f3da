#include "contract/instrument_catalogue.h"

#include <gtest/gtest.h>

namespace amip::contract {
namespace {

TEST(InstrumentCatalogueTest, EmbeddedCatalogueHasEveryContractCode) {
  core::Result<InstrumentCatalogue> catalogue = LoadInstrumentCatalogue();
  ASSERT_TRUE(catalogue.ok()) << catalogue.status().ToString();
  for (const char* code : {"fbw", "fbw_abschluss", "mat", "mag", "avgs", "egz", "esg", "evl",
                           "agh", "tam", "eq", "bae", "fav", "reha", "vb", "bgb", "gb", "16a"}) {
    EXPECT_NE(catalogue->Find(code), nullptr) << code;
  }
  EXPECT_EQ(catalogue->instruments().size(), 18u);
  EXPECT_EQ(catalogue->Find("xyz"), nullptr);
}

TEST(InstrumentCatalogueTest, ActiveMeasureFlagsFollowTheOrdinance) {
  core::Result<InstrumentCatalogue> catalogue = LoadInstrumentCatalogue();
  ASSERT_TRUE(catalogue.ok());
  EXPECT_TRUE(catalogue->Find("fbw")->active_measure);
  EXPECT_TRUE(catalogue->Find("tam")->active_measure);
  EXPECT_FALSE(catalogue->Find("egz")->active_measure);
  EXPECT_TRUE(catalogue->Find("egz")->begleitend);
  EXPECT_TRUE(catalogue->Find("evl")->begleitend);
  EXPECT_FALSE(catalogue->Find("vb")->active_measure);
  EXPECT_FALSE(catalogue->Find("bgb")->active_measure);
  EXPECT_FALSE(catalogue->Find("gb")->active_measure);
  EXPECT_FALSE(catalogue->Find("16a")->active_measure);
  EXPECT_EQ(catalogue->Find("agh")->active_measure_2011, true);
}

TEST(InstrumentCatalogueTest, ValidityPeriod) {
  core::Result<InstrumentCatalogue> catalogue = LoadInstrumentCatalogue();
  ASSERT_TRUE(catalogue.ok());
  const Instrument* fav = catalogue->Find("fav");
  EXPECT_TRUE(fav->IsValidOn(core::Date::FromYmd(2018, 12, 31)));
  EXPECT_FALSE(fav->IsValidOn(core::Date::FromYmd(2019, 1, 1)));
  EXPECT_FALSE(catalogue->Find("tam")->IsValidOn(core::Date::FromYmd(2018, 12, 31)));
  EXPECT_TRUE(catalogue->Find("tam")->IsValidOn(core::Date::FromYmd(2030, 1, 1)));
}

constexpr const char* kEntry =
    "instruments:\n"
    "  - code: x\n"
    "    name: X\n"
    "    legal_basis: § 1\n"
    "    valid_from: 2019-01-01\n"
    "    active_measure: true\n"
    "    begleitend: false\n";

TEST(InstrumentCatalogueTest, ParsesMinimalEntryAndDefaults2011Flag) {
  core::Result<InstrumentCatalogue> catalogue = ParseInstrumentCatalogue(kEntry, "t.yaml");
  ASSERT_TRUE(catalogue.ok()) << catalogue.status().ToString();
  EXPECT_TRUE(catalogue->Find("x")->active_measure_2011);
  EXPECT_FALSE(catalogue->Find("x")->valid_to.has_value());
}

TEST(InstrumentCatalogueTest, RejectsUnknownKeyWithLine) {
  const std::string text = std::string(kEntry) + "    colour: red\n";
  core::Result<InstrumentCatalogue> catalogue = ParseInstrumentCatalogue(text, "t.yaml");
  ASSERT_FALSE(catalogue.ok());
  EXPECT_EQ(catalogue.status().code(), core::StatusCode::kInvalidArgument);
  EXPECT_NE(catalogue.status().message().find("t.yaml:8:5: unbekannter Schlüssel 'colour' in instrument"),
            std::string::npos)
      << catalogue.status().message();
}

TEST(InstrumentCatalogueTest, RejectsDuplicateCodeMissingKeyBadDateAndBadBool) {
  EXPECT_FALSE(ParseInstrumentCatalogue(std::string(kEntry) + std::string(kEntry).substr(12),
                                        "t.yaml")
                   .ok());
  EXPECT_FALSE(ParseInstrumentCatalogue("instruments:\n  - code: x\n    name: X\n", "t.yaml").ok());
  std::string bad_date = kEntry;
  bad_date.replace(bad_date.find("2019-01-01"), 10, "2019-13-01");
  EXPECT_FALSE(ParseInstrumentCatalogue(bad_date, "t.yaml").ok());
  std::string bad_bool = kEntry;
  bad_bool.replace(bad_bool.find("true"), 4, "yes");
  EXPECT_FALSE(ParseInstrumentCatalogue(bad_bool, "t.yaml").ok());
  EXPECT_FALSE(ParseInstrumentCatalogue("instruments: [", "t.yaml").ok());
  EXPECT_FALSE(ParseInstrumentCatalogue("other: 1\n", "t.yaml").ok());
}

// Strict YAML through yamlio (issue 11 item 3): duplicate key, unknown key, wrong type, NUL
// and a non-scalar where one value is expected, each with file:line:column.
std::string CatalogueError(const std::string& from, const std::string& to) {
  std::string text = kEntry;
  text.replace(text.find(from), from.size(), to);
  core::Result<InstrumentCatalogue> catalogue = ParseInstrumentCatalogue(text, "i.yaml");
  EXPECT_FALSE(catalogue.ok());
  if (catalogue.ok()) return "";
  EXPECT_EQ(catalogue.status().code(), core::StatusCode::kInvalidArgument);
  return catalogue.status().message();
}

TEST(InstrumentCatalogueYamlTest, RejectsEachKindOfBadYaml) {
  ASSERT_TRUE(ParseInstrumentCatalogue(kEntry, "i.yaml").ok());
  EXPECT_EQ(CatalogueError("    name: X\n", "    name: X\n    name: Y\n"),
            "i.yaml:4:5: doppelter Schlüssel 'name' (zuerst in Zeile 3)");
  EXPECT_EQ(CatalogueError("    name: X\n", "    name: X\n    colour: red\n"),
            "i.yaml:4:5: unbekannter Schlüssel 'colour' in instrument (erlaubt: code, name, "
            "legal_basis, valid_from, valid_to, active_measure, active_measure_2011, begleitend)");
  EXPECT_EQ(CatalogueError("active_measure: true", "active_measure: ja"),
            "i.yaml:6:21: active_measure 'ja': erwartet true oder false");
  EXPECT_EQ(CatalogueError("name: X", "name: \"X\\0Y\""),
            "i.yaml:3:11: Wert enthält ein NUL-Zeichen (\\0), nicht erlaubt");
  EXPECT_EQ(CatalogueError("name: X", "name: {de: X}"),
            "i.yaml:3:11: name: erwartet einen einzelnen Wert, gefunden ein Abschnitt (Schlüssel: Wert)");
}

}  // namespace
}  // namespace amip::contract
