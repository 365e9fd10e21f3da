#include "cli/command_registry.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "fileio/file_identity.h"
#include "report/budget_workbook.h"

namespace amip::cli {
namespace {

std::vector<std::pair<int, CommandRegistrar>>& Registry() {
  static std::vector<std::pair<int, CommandRegistrar>> registry;
  return registry;
}

}  // namespace

int RegisterCommand(int order, CommandRegistrar registrar) {
  Registry().emplace_back(order, std::move(registrar));
  return static_cast<int>(Registry().size());
}

const std::vector<std::pair<int, CommandRegistrar>>& RegisteredCommands() { return Registry(); }

ExitCode ReportError(const core::Status& status) {
  // The message only: the code (NOT_FOUND, INVALID_ARGUMENT, …) is for programmers and is
  // expressed by the exit code.
  std::fprintf(stderr, "amip: Fehler: %s\n", status.message().c_str());
  switch (status.code()) {
    case core::StatusCode::kInternal: return ExitCode::kInternalError;
    default: return ExitCode::kDataError;
  }
}

bool RefuseOutput(const std::string& option, const std::string& output,
                  const std::vector<std::string>& inputs) {
  if (output.empty()) return false;
  const core::Status refused = fileio::RefuseOutputOverInput(output, inputs);
  if (refused.ok()) return false;
  std::fprintf(stderr, "amip: %s %s\n", option.c_str(), refused.message().c_str());
  return true;
}

namespace {

bool IsNumber(const std::string& raw) {
  if (raw.empty()) return true;  // an empty cell stays empty
  char* end = nullptr;
  const double value = std::strtod(raw.c_str(), &end);
  return end == raw.c_str() + raw.size() && std::isfinite(value);
}

// `table` with `numeric` cleared on a column whose raw values are not all numbers ("true",
// a date): the workbook writes those as text.
report::Table ForWorkbook(const report::Table& table) {
  std::vector<report::Column> columns = table.columns();
  for (size_t col = 0; col < columns.size(); ++col) {
    for (const std::vector<report::Cell>& row : table.rows()) {
      if (!IsNumber(row[col].raw)) columns[col].numeric = false;
    }
  }
  report::Table result(columns, table.title());
  for (const std::vector<report::Cell>& row : table.rows()) result.AddRow(row);
  return result;
}

}  // namespace

ExitCode WriteTablesXlsx(const std::string& path,
                         const std::vector<std::pair<std::string, report::Table>>& tables) {
  std::vector<report::BudgetSheet> sheets;
  for (const auto& [name, table] : tables) sheets.push_back(report::BudgetSheet{ForWorkbook(table), name, {}, {}, {}});
  const core::Status status = report::WriteBudgetWorkbook(path, sheets);
  if (!status.ok()) return ReportError(status);
  std::fprintf(stderr, "Arbeitsmappe geschrieben: %s (%zu %s)\n", path.c_str(), sheets.size(),
               sheets.size() == 1 ? "Blatt" : "Blätter");
  return ExitCode::kOk;
}

}  // namespace amip::cli
