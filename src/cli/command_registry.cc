#include "cli/command_registry.h"

#include <cstdio>

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
  std::fprintf(stderr, "amip: %s\n", status.ToString().c_str());
  switch (status.code()) {
    case core::StatusCode::kInternal: return ExitCode::kInternalError;
    default: return ExitCode::kDataError;
  }
}

}  // namespace amip::cli
