#include <gtest/gtest.h>

#include <string>

#include "yamlio/document.h"
#include "yamlio/reader.h"

namespace amip::yamlio {
namespace {

std::string ParseError(std::string_view text) {
  core::Result<Document> doc = Parse(text, "f.yaml");
  EXPECT_FALSE(doc.ok());
  return doc.ok() ? "" : doc.status().message();
}

TEST(YamlioTest, ParsesWithPositions) {
  core::Result<Document> doc = Parse("a: 1\nb:\n  - x\n  - {c: d}\ne:\n", "f.yaml");
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  const Node& root = doc->root;
  ASSERT_TRUE(root.IsMap());
  EXPECT_EQ(root["a"].scalar(), "1");
  EXPECT_EQ(root["a"].position().line, 1);
  EXPECT_EQ(root["a"].position().column, 4);
  ASSERT_EQ(root["b"].size(), 2u);
  EXPECT_EQ(root["b"].items()[1]["c"].scalar(), "d");
  EXPECT_EQ(Where("f.yaml", root["b"].items()[1]), "f.yaml:4:5");
  EXPECT_TRUE(root["e"].IsNull());
  EXPECT_FALSE(root["missing"].IsDefined());
  EXPECT_EQ(root.entries()[1].key.position().line, 2);
  EXPECT_EQ(root.entries()[1].key.scalar(), "b");
}

TEST(YamlioTest, RejectsDuplicateKeyAtAnyDepth) {
  EXPECT_EQ(ParseError("a: 1\na: 2\n"), "f.yaml:2:1: doppelter Schlüssel 'a' (zuerst in Zeile 1)");
  EXPECT_EQ(ParseError("x:\n  - {k: 1, k: 2}\n"),
            "f.yaml:2:12: doppelter Schlüssel 'k' (zuerst in Zeile 2)");
}

TEST(YamlioTest, RejectsNulByteInTextAndEscapedNulInValue) {
  EXPECT_EQ(ParseError(std::string("a: 1\nname: ab\0cd\n", 17)),
            "f.yaml:2:9: NUL-Byte im Text (in YAML nicht erlaubt; ist das eine Binärdatei?)");
  EXPECT_EQ(ParseError("a: 1\nname: \"ab\\0cd\"\n"),
            "f.yaml:2:7: Wert enthält ein NUL-Zeichen (\\0), nicht erlaubt");
}

TEST(YamlioTest, RejectsNonScalarKeyAndSyntaxError) {
  EXPECT_EQ(ParseError("? [a, b]\n: 1\n"),
            "f.yaml:1:3: ein Schlüssel muss ein einzelner Wert sein, nicht eine Liste");
  EXPECT_NE(ParseError("a: [1, 2\n").find("f.yaml:2:1: YAML-Syntaxfehler"), std::string::npos);
}

TEST(YamlioTest, BoundsAliasExpansionAndDepth) {
  std::string bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
  for (char name = 'b'; name <= 'j'; ++name) {
    bomb += std::string(1, name) + ": &" + name + " [";
    for (int idx = 0; idx < 10; ++idx) bomb += std::string(idx ? ", *" : "*") + char(name - 1);
    bomb += "]\n";
  }
  EXPECT_NE(ParseError(bomb).find("mehr als 1000000 YAML-Knoten"), std::string::npos);
  EXPECT_NE(ParseError(std::string(100, '[') + std::string(100, ']')).find("verschachtelt"),
            std::string::npos);
}

TEST(YamlioTest, ScalarReadersRejectListsMapsAndEmptyValues) {
  core::Result<Document> doc = Parse("s: [a]\nm: {a: 1}\nn:\nv: x\n", "f.yaml");
  ASSERT_TRUE(doc.ok());
  const Node& root = doc->root;
  EXPECT_EQ(Text("f.yaml", root["s"], "s").status().message(),
            "f.yaml:1:4: s: erwartet einen einzelnen Wert, gefunden eine Liste");
  EXPECT_EQ(Text("f.yaml", root["m"], "m").status().message(),
            "f.yaml:2:4: m: erwartet einen einzelnen Wert, gefunden ein Abschnitt (Schlüssel: "
            "Wert)");
  EXPECT_FALSE(Text("f.yaml", root["n"], "n").ok());
  EXPECT_EQ(Number("f.yaml", root["v"], "v").status().message(),
            "f.yaml:4:4: v 'x': erwartet eine Zahl wie 84.8 (Dezimalpunkt)");
}

TEST(YamlioTest, NumbersIntegersBoolsAndMoneyAreStrict) {
  core::Result<Document> doc =
      Parse("d: 84.80\ni: 12\nf: 1.5\nb: yes\nnan: .nan\ne: 1.316,50\nc: 563.00 €\n", "f.yaml");
  ASSERT_TRUE(doc.ok());
  const Node& root = doc->root;
  int decimals = 0;
  EXPECT_DOUBLE_EQ(*Number("f.yaml", root["d"], "d", &decimals), 84.8);
  EXPECT_EQ(decimals, 2);
  EXPECT_EQ(*Integer("f.yaml", root["i"], "i"), 12);
  EXPECT_FALSE(Integer("f.yaml", root["f"], "f").ok());
  EXPECT_FALSE(Bool("f.yaml", root["b"], "b").ok());
  EXPECT_FALSE(Number("f.yaml", root["nan"], "nan").ok());
  EXPECT_NE(Money("f.yaml", root["e"], "e").status().message().find("Tausendertrennzeichen"),
            std::string::npos);
  EXPECT_NE(Money("f.yaml", root["c"], "c").status().message().find("Währungszeichen"),
            std::string::npos);
  EXPECT_EQ(IntegerIn("f.yaml", root["i"], "i", 1, 7).status().message(),
            "f.yaml:2:4: i '12': muss zwischen 1 und 7 liegen");
}

TEST(YamlioTest, MapReaderRejectsKeysNotAskedFor) {
  core::Result<Document> doc = Parse("name: A\nalter: 4\nfarbe: rot\n", "f.yaml");
  ASSERT_TRUE(doc.ok());
  MapReader map("f.yaml", doc->root, "person");
  EXPECT_EQ(*map.Required<std::string>("name"), "A");
  EXPECT_EQ(*map.Required<int>("alter"), 4);
  EXPECT_FALSE(map.Optional<double>("gewicht")->has_value());
  EXPECT_EQ(map.Required<std::string>("id").status().message(),
            "f.yaml:1:1: person: Schlüssel 'id' fehlt");
  EXPECT_EQ(map.Finish().message(),
            "f.yaml:3:1: unbekannter Schlüssel 'farbe' in person (erlaubt: name, alter, gewicht, "
            "id)");
  MapReader list("f.yaml", doc->root["alter"], "wohnung");
  EXPECT_FALSE(list.Finish().ok());
  EXPECT_FALSE(list.Required<std::string>("x").ok());
}

}  // namespace
}  // namespace amip::yamlio
