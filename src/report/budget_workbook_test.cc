#include "report/budget_workbook.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <regex>
#include <string>
#include <unistd.h>

#include "budget/test_util.h"

namespace amip::report {
namespace {

// Reads one member of the xlsx (zip) file with `unzip -p` (tools/install-deps.sh installs it).
std::string ReadMember(const std::string& path, const std::string& member) {
  const std::string command = "unzip -p '" + path + "' '" + member + "' 2>/dev/null";
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return "";
  std::string content;
  char buffer[4096];
  size_t count = 0;
  while ((count = fread(buffer, 1, sizeof buffer, pipe)) > 0) content.append(buffer, count);
  pclose(pipe);
  return content;
}

std::string TempPath(const std::string& name) {
  return (std::filesystem::temp_directory_path() / (name + "_" + std::to_string(::getpid()) + ".xlsx")).string();
}

TEST(BudgetWorkbookTest, PlanWorkbookHasSheetsEuroFormatsAndFormulas) {
  const budget::Plan plan = budget::testing::LoadExample("amip-2025.yaml");
  std::vector<BudgetSheet> sheets = BudgetPlanSheets(plan, budget::testing::Catalogue(), nullptr);
  sheets.insert(sheets.begin(), BudgetCheckSheet(plan, budget::CheckPlan(plan)));
  const std::string path = TempPath("budget_plan");
  ASSERT_TRUE(WriteBudgetWorkbook(path, sheets).ok());

  const std::string workbook = ReadMember(path, "xl/workbook.xml");
  ASSERT_FALSE(workbook.empty()) << "unzip missing or workbook unreadable";
  for (const char* name : {"Plan-Prüfung", "Budget", "Instrumentenplan", "Mittelabfluss", "Eintritte je Monat",
                           "Finanzpositionen", "VE", "KdU"}) {
    EXPECT_NE(workbook.find(std::string("name=\"") + name + "\""), std::string::npos) << name;
  }
  const std::string styles = ReadMember(path, "xl/styles.xml");
  EXPECT_NE(styles.find("formatCode=\"#,##0.00 [$€-407]\""), std::string::npos);

  // Sheet 2 (Budget): Gesamtbudget is not printed in 2025, so it is a live formula; the
  // remaining budget after the instrument plan as well.
  const std::string budget_sheet = ReadMember(path, "xl/worksheets/sheet2.xml");
  EXPECT_NE(budget_sheet.find("<f>B3+B4+B5-B6</f>"), std::string::npos);
  EXPECT_NE(budget_sheet.find("<f>B9-B10</f>"), std::string::npos);
  // Sheet 4 (Mittelabfluss): row sums across the months and column sums.
  const std::string cash_sheet = ReadMember(path, "xl/worksheets/sheet4.xml");
  EXPECT_NE(cash_sheet.find("<f>SUM(B3:M3)</f>"), std::string::npos);
  EXPECT_NE(cash_sheet.find("<f>SUM(B3:B7)</f>"), std::string::npos);
  // Sheet 8 (KdU): totals and differences.
  const std::string kdu_sheet = ReadMember(path, "xl/worksheets/sheet8.xml");
  EXPECT_NE(kdu_sheet.find("<f>SUM(B3:B5)</f>"), std::string::npos);
  EXPECT_NE(kdu_sheet.find("<f>D3-C3</f>"), std::string::npos);
  // Cached values: the KdU total 97,605,000.
  EXPECT_NE(kdu_sheet.find("<v>97605000</v>"), std::string::npos);
  std::filesystem::remove(path);
}

TEST(BudgetWorkbookTest, ControllingWorkbookHasProjectionFormulas) {
  const budget::Plan plan = budget::testing::ParseOrDie(R"(jahr: 2025
eingliederungsbudget: {zuteilung: 1200000.00}
instrumente:
  - {instrument: mag, eintritte: 1200, kosten_je_eintritt: 1000.00, dauer_monate: 1}
)");
  contract::Extract extract;
  core::Result<budget::ControllingReport> report =
      budget::ComputeControlling(extract, plan, core::Month::FromYm(2025, 3));
  ASSERT_TRUE(report.ok());
  const std::vector<BudgetSheet> sheets = BudgetControllingSheets(*report, budget::testing::Catalogue());
  const std::string path = TempPath("budget_control");
  ASSERT_TRUE(WriteBudgetWorkbook(path, sheets).ok());
  const std::string workbook = ReadMember(path, "xl/workbook.xml");
  EXPECT_NE(workbook.find("name=\"Plan-Ist\""), std::string::npos);
  EXPECT_NE(workbook.find("name=\"Hochrechnung\""), std::string::npos);
  EXPECT_NE(workbook.find("name=\"Plan-Ist kumuliert\""), std::string::npos);
  const std::string projection = ReadMember(path, "xl/worksheets/sheet3.xml");
  EXPECT_NE(projection.find("<f>B3+C3+D3</f>"), std::string::npos);
  EXPECT_NE(projection.find("<f>F3-E3</f>"), std::string::npos);
  EXPECT_NE(projection.find("<f>(E3-F3)/F3*100</f>"), std::string::npos);
  const std::string plan_ist = ReadMember(path, "xl/worksheets/sheet1.xml");
  EXPECT_NE(plan_ist.find("<f>G3-F3</f>"), std::string::npos);
  std::filesystem::remove(path);
}

TEST(BudgetWorkbookTest, DemoTablesShowPlanAndControlling) {
  const budget::Plan plan = budget::testing::LoadExample("amip-2025.yaml");
  contract::Extract extract;
  core::Result<std::vector<Table>> tables =
      BudgetDemoTables(plan, budget::testing::Catalogue(), extract, core::Month::FromYm(2025, 6));
  ASSERT_TRUE(tables.ok()) << tables.status().ToString();
  ASSERT_GE(tables->size(), 10u);
  EXPECT_EQ(tables->front().title(), "Eingliederungsbudget 2025 — Jobcenter Kreis Unna");
  EXPECT_NE(tables->back().title().find("Hochrechnung 2025"), std::string::npos);
  core::Result<std::vector<Table>> embedded = BudgetDemoTables(extract, core::Month::FromYm(2025, 6));
  ASSERT_TRUE(embedded.ok()) << embedded.status().ToString();
  EXPECT_EQ(embedded->size(), tables->size());
}

TEST(BudgetWorkbookTest, UnwritablePathIsAnError) {
  const budget::Plan plan = budget::testing::LoadExample("amip-2014.yaml");
  const core::Status status =
      WriteBudgetWorkbook("/nonexistent-dir/x.xlsx", {BudgetCheckSheet(plan, budget::CheckPlan(plan))});
  EXPECT_FALSE(status.ok());
}

}  // namespace
}  // namespace amip::report
