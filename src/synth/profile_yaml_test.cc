// Strict YAML of generator profiles through yamlio (issue 11 item 3): a duplicate key, an
// unknown key, a wrong type, a NUL and a list where one value is expected are rejected with
// file:line:column.
#include <gtest/gtest.h>

#include <string>

#include "resources/resources.h"
#include "synth/profile.h"

namespace amip::synth {
namespace {

// The embedded kreis-unna-2025 profile with `from` replaced by `to` (once).
std::string ProfileError(const std::string& from, const std::string& to) {
  std::string text(*resources::Find("data/profiles/kreis-unna-2025.yaml"));
  const size_t pos = text.find(from);
  EXPECT_NE(pos, std::string::npos) << from;
  if (pos == std::string::npos) return "";
  text.replace(pos, from.size(), to);
  core::Result<Profile> profile = ParseProfile(text, "p.yaml");
  EXPECT_FALSE(profile.ok());
  if (profile.ok()) return "";
  EXPECT_EQ(profile.status().code(), core::StatusCode::kInvalidArgument);
  return profile.status().message();
}

TEST(ProfileYamlTest, RejectsEachKindOfBadYaml) {
  ASSERT_TRUE(ParseProfile(std::string(*resources::Find("data/profiles/kreis-unna-2025.yaml")),
                           "p.yaml")
                  .ok());
  EXPECT_EQ(ProfileError("  stayer_share: 0.52", "  stayer_share: 0.52\n  stayer_share: 0.4"),
            "p.yaml:71:3: doppelter Schlüssel 'stayer_share' (zuerst in Zeile 70)");
  EXPECT_EQ(ProfileError("  stayer_share: 0.52", "  stayer_shar: 0.52")
                .rfind("p.yaml:70:3: unbekannter Schlüssel 'stayer_shar' (erlaubt: adult_age_weights, ", 0),
            0u);
  EXPECT_EQ(ProfileError("  stayer_share: 0.52", "  stayer_share: viel"),
            "p.yaml:70:17: stayer_share 'viel': erwartet eine Zahl wie 84.8 (Dezimalpunkt)");
  EXPECT_EQ(ProfileError("  stayer_share: 0.52", "  stayer_share: .nan"),
            "p.yaml:70:17: stayer_share '.nan': erwartet eine Zahl wie 84.8 (Dezimalpunkt)");
  EXPECT_EQ(ProfileError("    name: Jobcenter Kreis Unna", "    name: \"Jobcenter\\0 Kreis Unna\""),
            "p.yaml:17:11: Wert enthält ein NUL-Zeichen (\\0), nicht erlaubt");
  EXPECT_EQ(ProfileError("    name: Jobcenter Kreis Unna", "    name: [Jobcenter, Kreis Unna]"),
            "p.yaml:17:11: name: erwartet einen einzelnen Wert, gefunden eine Liste");
  EXPECT_EQ(ProfileError("  stayer_share: 0.52", "  stayer_share: 1.5"),
            "p.yaml:49:3: model.stayer_share = 1.500000 ist keine Wahrscheinlichkeit in [0, 1]");
  EXPECT_EQ(ProfileError("[0.46,0.32,0.15,0.07]", "{a: 0.46}"),
            "p.yaml:62:21: children_weights: erwartet eine Liste, gefunden ein Abschnitt "
            "(Schlüssel: Wert)");
}

}  // namespace
}  // namespace amip::synth
