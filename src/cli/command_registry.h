// Registry of CLI subcommands. Each src/cli/*_command.cc registers itself with
// AMIP_REGISTER_COMMAND, so adding a subcommand never touches main.cc.
// Conventions for every subcommand (docs/cli.md): --help, --format table|csv|json where it
// prints results, exit codes from ExitCode below, errors on stderr in plain German/English.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <string>
#include <vector>

#include "core/status.h"
#include "report/table.h"

namespace amip::cli {

// Process exit codes shared by all subcommands.
enum class ExitCode : int {
  kOk = 0,
  kDataError = 1,    // the input was rejected (import errors, failed checks, failed calibration)
  kUsageError = 2,   // bad command line (CLI11 uses 105/106 internally; main maps them to 2)
  kInternalError = 3,
  kPlanDataFinding = 4,  // amip budget check/control --db: the plan does not fit the data (docs/cli.md)
};

// The outcome of a subcommand; set by its callback, read by main.
struct CommandOutcome {
  ExitCode exit_code = ExitCode::kOk;
};

// REQUIRES: called during static initialisation only.
using CommandRegistrar = std::function<void(CLI::App& app, CommandOutcome& outcome)>;
int RegisterCommand(int order, CommandRegistrar registrar);
const std::vector<std::pair<int, CommandRegistrar>>& RegisteredCommands();

// Prints a Status for a user and returns the matching exit code.
ExitCode ReportError(const core::Status& status);

// True (after printing why) when the output file `output` of option `option` is one of the
// command's `inputs` or its database (same file by inode, fileio::RefuseOutputOverInput); the
// caller then exits with kUsageError before writing anything.
bool RefuseOutput(const std::string& option, const std::string& output,
                  const std::vector<std::string>& inputs);

// Writes `tables` as an Excel workbook `path`, one sheet per table named by its pair's first
// (at most 31 characters, unique), numeric columns as numbers (report::WriteBudgetWorkbook,
// written atomically), and says so on stderr. The caller refused an output over an input
// before (RefuseOutput). kDataError when the file cannot be written.
ExitCode WriteTablesXlsx(const std::string& path,
                         const std::vector<std::pair<std::string, report::Table>>& tables);

}  // namespace amip::cli

// `order` sorts the subcommands in --help.
#define AMIP_REGISTER_COMMAND(order, fn) \
  static const int amip_registered_##fn = ::amip::cli::RegisterCommand(order, fn)
