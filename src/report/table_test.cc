#include "report/table.h"

#include <gtest/gtest.h>

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
            "[\n  {\"name\": \"Lünen\", \"elb\": 1234},\n  {\"name\": \"Bönen, Ort\", \"elb\": null}\n]\n");
}

TEST(TableTest, FormatsGermanNumbers) {
  EXPECT_EQ(FormatGermanNumber(1234567.891, 1), "1.234.567,9");
  EXPECT_EQ(FormatGermanNumber(-4.76, 1), "-4,8");
  EXPECT_EQ(FormatGermanNumber(-0.01, 1), "0,0");
  EXPECT_EQ(FormatGermanInt(16250), "16.250");
}

}  // namespace
}  // namespace amip::report
