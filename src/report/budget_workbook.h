// Budget reports: the German tables of `amip budget check|plan|control|optimize` (and of the
// demo) as report::Table, and an Excel workbook writer (libxlsxwriter) with one sheet per
// table, euro number formats and live formulas where a controller expects them (sums,
// differences, Hochrechnung). Tables carry the formulas as templates next to the values, so
// the CLI output and the workbook show the same numbers. Thread-compatible.
#pragma once

#include <optional>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "budget/catalogue.h"
#include "budget/checker.h"
#include "budget/controlling.h"
#include "budget/cash.h"
#include "budget/effects.h"
#include "budget/optimizer.h"
#include "budget/plan.h"
#include "contract/extract.h"
#include "core/status.h"
#include "report/table.h"

namespace amip::report {

// A table plus what the workbook needs beyond the values.
// Formula templates: "{key}" = the cell of column `key` in the same row; "{rN:key}" = data
// row N (0-based); "{first:key}" / "{last:key}" = first / last data row that is not a sum row.
struct BudgetSheet {
  Table table;
  std::string sheet_name;  // ≤ 31 characters, unique in a workbook
  // Applied to every data row except `sum_rows`: column key -> template.
  std::vector<std::pair<std::string, std::string>> row_formulas;
  // Rows (0-based) whose numeric columns are SUM(first..last) of the other rows.
  std::vector<int> sum_rows;
  // Single cells: (row, column key, template).
  std::vector<std::tuple<int, std::string, std::string>> cell_formulas;
};

// Column key suffixes decide the number format: "_eur" euros, "_prozent" percent (value in
// percent), "_anzahl" whole numbers, "_wert" decimals.

BudgetSheet BudgetCheckSheet(const budget::Plan& plan, const std::vector<budget::IdentityCheck>& checks);

// Plan against data (budget::CheckPlanAgainstData): the plan's figure, the data's, the
// difference, the tolerance and "stimmt" or "Befund: passt nicht zu den Daten".
BudgetSheet BudgetDataCheckSheet(const budget::Plan& plan, const std::vector<budget::IdentityCheck>& checks);

// Budget lines (Gesamtbudget, Vorbindungen, Neugeschäft; from data where available),
// instrument plan, monthly cash outflow, Finanzposition shares, VE, Drittmittel, KdU and —
// with an extract — Vorbindungen by instrument and KdU by municipality. kOutOfRange when a
// Vorbindungen sum of the extract does not fit in Cents.
core::Result<std::vector<BudgetSheet>> BudgetPlanSheets(const budget::Plan& plan,
                                          const budget::BudgetCatalogue& catalogue,
                                          const contract::Extract* extract);

// Plan vs Ist per instrument and month, and the Hochrechnung per month with the warning.
std::vector<BudgetSheet> BudgetControllingSheets(const budget::ControllingReport& report,
                                                 const budget::BudgetCatalogue& catalogue);

// Optimised split, constraints (binding, duals) and what 1,000 € more would buy.
std::vector<BudgetSheet> BudgetOptimizerSheets(const budget::OptimizerInput& input,
                                               const budget::OptimizerResult& result,
                                               const budget::BudgetCatalogue& catalogue);

// The plain tables (for the CLI and the demo).
std::vector<Table> Tables(const std::vector<BudgetSheet>& sheets);

// Writes one worksheet per sheet. Errors (unwritable path) as Status.
core::Status WriteBudgetWorkbook(const std::string& path, const std::vector<BudgetSheet>& sheets);

// Demo entry point: the plan against the data, the plan tables of `plan` with the data of
// `extract`, then its controlling up to `as_of`.
core::Result<std::vector<Table>> BudgetDemoTables(const budget::Plan& plan,
                                                  const budget::BudgetCatalogue& catalogue,
                                                  const contract::Extract& extract,
                                                  core::Month as_of);
// The same for the embedded examples/plans/amip-2025.yaml (`amip demo`).
core::Result<std::vector<Table>> BudgetDemoTables(const contract::Extract& extract, core::Month as_of);

}  // namespace amip::report
