#include "report/budget_workbook.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <map>
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


// A minimal reader of one worksheet: cell reference ("B3") -> its value, shared strings
// resolved (libxlsxwriter writes text as shared strings, numbers as <v>).
std::map<std::string, std::string> ReadCells(const std::string& path, int sheet) {
  std::vector<std::string> strings;
  const std::string shared = ReadMember(path, "xl/sharedStrings.xml");
  const std::regex si(R"re(<si><t[^>]*>([^<]*)</t></si>)re");
  for (auto it = std::sregex_iterator(shared.begin(), shared.end(), si); it != std::sregex_iterator(); ++it) {
    strings.push_back((*it)[1]);
  }
  std::map<std::string, std::string> cells;
  const std::string xml = ReadMember(path, "xl/worksheets/sheet" + std::to_string(sheet) + ".xml");
  const std::regex cell(R"re(<c r="([A-Z]+[0-9]+)"([^>]*)>(?:<f>[^<]*</f>)?<v>([^<]*)</v></c>)re");
  for (auto it = std::sregex_iterator(xml.begin(), xml.end(), cell); it != std::sregex_iterator(); ++it) {
    const std::string attributes = (*it)[2];
    const std::string value = (*it)[3];
    cells[(*it)[1]] = attributes.find("t=\"s\"") != std::string::npos ? strings.at(std::stoul(value)) : value;
  }
  return cells;
}

int64_t CentsIn(const std::map<std::string, std::string>& cells, const std::string& ref) {
  const auto found = cells.find(ref);
  EXPECT_NE(found, cells.end()) << ref;
  return found == cells.end() ? 0 : std::llround(std::stod(found->second) * 100.0);
}

// The row (sheet row number) whose column A reads `label`; 0 when absent.
int RowOf(const std::map<std::string, std::string>& cells, const std::string& label) {
  for (const auto& [ref, value] : cells) {
    if (ref[0] == 'A' && ref[1] >= '0' && ref[1] <= '9' && value == label) return std::stoi(ref.substr(1));
  }
  return 0;
}

std::string TempPath(const std::string& name) {
  return (std::filesystem::temp_directory_path() / (name + "_" + std::to_string(::getpid()) + ".xlsx")).string();
}

TEST(BudgetWorkbookTest, PlanWorkbookHasSheetsEuroFormatsAndFormulas) {
  const budget::Plan plan = budget::testing::LoadExample("amip-2025.yaml");
  std::vector<BudgetSheet> sheets = BudgetPlanSheets(plan, budget::testing::Catalogue(), nullptr).value();
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
  // The 17.1 Mio are the EGT after the shift: the Umschichtung (B6) is not subtracted again.
  EXPECT_NE(budget_sheet.find("<f>B3+B4+B5</f>"), std::string::npos);
  EXPECT_EQ(budget_sheet.find("<f>B3+B4+B5-B6</f>"), std::string::npos);
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

// Issue 9 item 11a, read back from the xlsx: every line's cost is exact to the cent, the twelve
// months add up to the year, the sum row to the lines (MAbE beim Arbeitgeber 455 × 500 €
// = 227,500.00 €; before: 227,499.96 €), and the whole entries per month to the line.
TEST(BudgetWorkbookTest, WorkbookCentsAddUpWhenReadBack) {
  const budget::Plan plan = budget::testing::LoadExample("amip-2025.yaml");
  const std::vector<BudgetSheet> sheets = BudgetPlanSheets(plan, budget::testing::Catalogue(), nullptr).value();
  ASSERT_EQ(sheets[1].sheet_name, "Instrumentenplan");
  ASSERT_EQ(sheets[2].sheet_name, "Mittelabfluss");
  ASSERT_EQ(sheets[3].sheet_name, "Eintritte je Monat");
  const std::string path = TempPath("budget_cents");
  ASSERT_TRUE(WriteBudgetWorkbook(path, sheets).ok());

  const std::map<std::string, std::string> lines = ReadCells(path, 2);
  const int mag = RowOf(lines, "  davon mag");
  const int mat = RowOf(lines, "  davon mat");
  ASSERT_GT(mag, 0);
  ASSERT_GT(mat, 0);
  const std::string mag_row = std::to_string(mag);
  const std::string mat_row = std::to_string(mat);
  EXPECT_EQ(CentsIn(lines, "K" + mag_row), 22750000);   // 455 × 500,00 €
  EXPECT_EQ(CentsIn(lines, "K" + mat_row), 128000000);  // 640 × 2.000,00 €
  EXPECT_EQ(CentsIn(lines, "I" + mag_row) + CentsIn(lines, "J" + mag_row), 22750000);
  // Every costed line: Ausgaben im Jahr + VE = entries × cost per entry.
  for (int row = 3; lines.count("A" + std::to_string(row)) > 0; ++row) {
    const std::string r = std::to_string(row);
    if (lines.count("F" + r) == 0 || lines.count("K" + r) == 0) continue;
    const int64_t entries = std::llround(std::stod(lines.at("D" + r)));
    EXPECT_EQ(CentsIn(lines, "K" + r), entries * CentsIn(lines, "F" + r)) << lines.at("A" + r);
    EXPECT_EQ(CentsIn(lines, "I" + r) + CentsIn(lines, "J" + r), CentsIn(lines, "K" + r)) << lines.at("A" + r);
  }

  const std::map<std::string, std::string> cash = ReadCells(path, 3);
  const int sum_row = RowOf(cash, "Summe");
  ASSERT_GT(sum_row, 3);
  const std::string columns = "BCDEFGHIJKLMN";  // Jan..Dez, Jahr
  for (int row = 3; row <= sum_row; ++row) {
    const std::string r = std::to_string(row);
    int64_t months = 0;
    for (size_t col = 0; col < 12; ++col) months += CentsIn(cash, columns.substr(col, 1) + r);
    EXPECT_EQ(months, CentsIn(cash, "N" + r)) << cash.at("A" + r);
  }
  for (size_t col = 0; col < columns.size(); ++col) {
    int64_t total = 0;
    for (int row = 3; row < sum_row; ++row) total += CentsIn(cash, columns.substr(col, 1) + std::to_string(row));
    EXPECT_EQ(total, CentsIn(cash, columns.substr(col, 1) + std::to_string(sum_row))) << columns[col];
  }
  const int mag_cash = RowOf(cash, "mabe");
  ASSERT_GT(mag_cash, 0);

  const std::map<std::string, std::string> entries = ReadCells(path, 4);
  for (int row = 3; entries.count("A" + std::to_string(row)) > 0; ++row) {
    const std::string r = std::to_string(row);
    double months = 0;
    for (size_t col = 0; col < 12; ++col) {
      const double value = std::stod(entries.at(columns.substr(col, 1) + r));
      EXPECT_EQ(value, std::floor(value)) << "whole entries per month";
      months += value;
    }
    EXPECT_EQ(months, std::stod(entries.at("N" + r))) << entries.at("A" + r);
  }
  EXPECT_EQ(entries.at("N" + std::to_string(RowOf(entries, "mabe"))), "1095");
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
  EXPECT_NE(tables->front().title().find("Plan gegen Daten 2025"), std::string::npos) << tables->front().title();
  EXPECT_EQ((*tables)[1].title(), "Eingliederungsbudget 2025 — Jobcenter Kreis Unna");
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
