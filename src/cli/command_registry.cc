#include "cli/command_registry.h"

#include <cstdio>

#include "fileio/file_identity.h"

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

}  // namespace amip::cli
