#include "report/table.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace amip::report {
namespace {

TEST(TableTest, RendersAlignedTextCsvAndJson) {
  Table table({{"name", "Gemeinde", Align::kLeft, false}, {"elb", "ELB", Align::kRight, true}});
  table.AddRow({{"Lünen", "Lünen"}, {"1.234", "1234"}});
  table.AddRow({{"Bönen, Ort", "Bönen, Ort"}, {"–", ""}});
  EXPECT_EQ(table.RenderText(),
            "Gemeinde      ELB\n"
            "----------  -----\n"
            "Lünen       1.234\n"
            "Bönen, Ort      –\n");
  EXPECT_EQ(table.RenderCsv(), "name,elb\nLünen,1234\n\"Bönen, Ort\",\n");
  EXPECT_EQ(table.RenderJson(),
            "[\n  {\"name\":\"Lünen\",\"elb\":1234},\n  {\"name\":\"Bönen, Ort\",\"elb\":null}\n]\n");
}

// Issue 9 item 8: a numeric column that also holds text (the trace's value column: "vorrangig",
// "sgb2") printed the text unquoted, and empty text cells were "" instead of null.
TEST(TableTest, JsonQuotesTextInNumericColumnsAndNullsMissingValues) {
  Table table({{"groesse", "Größe"}, {"person", "Person"}, {"wert", "Wert", Align::kRight, true}});
  table.AddTextRow({"ergebnis", "", "vorrangig"});
  table.AddTextRow({"betrag", "P1", "1316.50"});
  table.AddTextRow({"negativ", "P1", "-4.5"});
  table.AddTextRow({"deckend", "", "true"});
  table.AddTextRow({"kein_wert", "", ""});
  table.AddTextRow({"fast_zahl", "", "1."});
  table.AddTextRow({"zitat", "\"a\"\\b", "0x1f"});
  EXPECT_EQ(table.RenderJson(),
            "[\n"
            "  {\"groesse\":\"ergebnis\",\"person\":null,\"wert\":\"vorrangig\"},\n"
            "  {\"groesse\":\"betrag\",\"person\":\"P1\",\"wert\":1316.5},\n"
            "  {\"groesse\":\"negativ\",\"person\":\"P1\",\"wert\":-4.5},\n"
            "  {\"groesse\":\"deckend\",\"person\":null,\"wert\":true},\n"
            "  {\"groesse\":\"kein_wert\",\"person\":null,\"wert\":null},\n"
            "  {\"groesse\":\"fast_zahl\",\"person\":null,\"wert\":\"1.\"},\n"
            "  {\"groesse\":\"zitat\",\"person\":\"\\\"a\\\"\\\\b\",\"wert\":\"0x1f\"}\n"
            "]\n");
  EXPECT_EQ(Table(std::vector<Column>{{"a", "A"}}).RenderJson(), "[]\n");
}

TEST(TableTest, CsvQuotesCommasQuotesAndLineBreaks) {
  Table table({{"text", "Text"}, {"wert", "Wert", Align::kRight, true}});
  table.AddTextRow({"Kamen, Stadt", "1"});
  table.AddTextRow({"sagt \"ja\"", "2"});
  table.AddTextRow({"zwei\nZeilen", ""});
  EXPECT_EQ(table.RenderCsv(),
            "text,wert\n\"Kamen, Stadt\",1\n\"sagt \"\"ja\"\"\",2\n\"zwei\nZeilen\",\n");
}

TEST(TableTest, DumpJsonPutsTablesOfAnObjectOneRowPerLine) {
  Table table({{"a", "A", Align::kRight, true}});
  table.AddTextRow({"1"});
  nlohmann::ordered_json doc = nlohmann::ordered_json::object();
  doc["titel"] = "T";
  doc["zeilen"] = table.ToJson();
  doc["leer"] = nlohmann::ordered_json::array();
  EXPECT_EQ(DumpJson(doc), "{\n  \"titel\": \"T\",\n  \"zeilen\": [\n    {\"a\":1}\n  ],\n  \"leer\": []\n}\n");
}

TEST(TableTest, FormatsGermanNumbers) {
  EXPECT_EQ(FormatGermanNumber(1234567.891, 1), "1.234.567,9");
  EXPECT_EQ(FormatGermanNumber(-4.76, 1), "-4,8");
  EXPECT_EQ(FormatGermanNumber(-0.01, 1), "0,0");
  EXPECT_EQ(FormatGermanInt(16250), "16.250");
}

}  // namespace
}  // namespace amip::report
