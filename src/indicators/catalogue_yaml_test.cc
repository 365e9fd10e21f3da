// Strict YAML of the indicator catalogue and of target files through yamlio (issue 11 item 3):
// a duplicate key, an unknown key, a wrong type, a NUL and a list where one value is expected
// are rejected with file:line:column.
#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "indicators/catalogue.h"
#include "indicators/targets.h"
#include "resources/resources.h"

namespace amip::indicators {
namespace {

// The embedded catalogue with `from` replaced by `to` in law/indicators/k2.yaml.
std::string CatalogueError(const std::string& from, const std::string& to) {
  std::vector<std::pair<std::string, std::string>> files;
  for (const resources::Resource& resource : resources::List("law/indicators/")) {
    if (!resource.path.ends_with(".yaml")) continue;
    std::string text(resource.content);
    if (resource.path.ends_with("/k2.yaml")) {
      const size_t pos = text.find(from);
      EXPECT_NE(pos, std::string::npos) << from;
      if (pos != std::string::npos) text.replace(pos, from.size(), to);
    }
    files.emplace_back(std::string(resource.path), std::move(text));
  }
  core::Result<Catalogue> catalogue = ParseCatalogue(files);
  EXPECT_FALSE(catalogue.ok());
  if (catalogue.ok()) return "";
  EXPECT_EQ(catalogue.status().code(), core::StatusCode::kInvalidArgument);
  return catalogue.status().message();
}

TEST(CatalogueYamlTest, RejectsEachKindOfBadYaml) {
  EXPECT_EQ(CatalogueError("window_months: 12", "window_months: 12\nwindow_months: 6"),
            "law/indicators/k2.yaml:8:1: doppelter Schlüssel 'window_months' (zuerst in Zeile 7)");
  EXPECT_EQ(CatalogueError("window_months: 12", "window_month: 12"),
            "law/indicators/k2.yaml:7:1: unbekannter Schlüssel 'window_month' in indicator (erlaubt: "
            "id, name_de, kind, quantity, population, event, window_months, stock_lag_months, versions)");
  EXPECT_EQ(CatalogueError("window_months: 12", "window_months: zwoelf"),
            "law/indicators/k2.yaml:7:16: window_months 'zwoelf': erwartet eine ganze Zahl");
  EXPECT_EQ(CatalogueError("window_months: 12", "window_months: \"1\\02\""),
            "law/indicators/k2.yaml:7:16: Wert enthält ein NUL-Zeichen (\\0), nicht erlaubt");
  EXPECT_EQ(CatalogueError("window_months: 12", "window_months: [12]"),
            "law/indicators/k2.yaml:7:16: window_months: erwartet einen einzelnen Wert, gefunden eine Liste");
}

constexpr const char* kTargets =
    "name: Z\n"
    "year: 2025\n"
    "jc: null\n"
    "targets:\n"
    "  - {quantity: integrationsquote, sex: f, value: 14.6}\n";

std::string TargetsError(const std::string& from, const std::string& to) {
  std::string text = kTargets;
  text.replace(text.find(from), from.size(), to);
  core::Result<Targets> targets = ParseTargets(text, "z.yaml");
  EXPECT_FALSE(targets.ok());
  if (targets.ok()) return "";
  EXPECT_EQ(targets.status().code(), core::StatusCode::kInvalidArgument);
  return targets.status().message();
}

TEST(TargetsYamlTest, RejectsEachKindOfBadYaml) {
  ASSERT_TRUE(ParseTargets(kTargets, "z.yaml").ok());
  EXPECT_EQ(TargetsError("sex: f,", "sex: f, sex: m,"),
            "z.yaml:5:43: doppelter Schlüssel 'sex' (zuerst in Zeile 5)");
  EXPECT_EQ(TargetsError("sex: f,", "sex: f, farbe: rot,"),
            "z.yaml:5:43: unbekannter Schlüssel 'farbe' in Zielwert (erlaubt: quantity, sex, value, note)");
  EXPECT_EQ(TargetsError("value: 14.6", "value: viel"),
            "z.yaml:5:50: value 'viel': erwartet eine Zahl wie 84.8 (Dezimalpunkt)");
  EXPECT_EQ(TargetsError("name: Z", "name: \"Z\\0\""),
            "z.yaml:1:7: Wert enthält ein NUL-Zeichen (\\0), nicht erlaubt");
  EXPECT_EQ(TargetsError("year: 2025", "year: [2025]"),
            "z.yaml:2:7: year: erwartet einen einzelnen Wert, gefunden eine Liste");
  EXPECT_EQ(TargetsError("quantity: integrationsquote", "quantity: quote"),
            "z.yaml:5:16: quantity 'quote': unbekannt; erlaubt: integrationsquote, lzb_bestand");
}

}  // namespace
}  // namespace amip::indicators
