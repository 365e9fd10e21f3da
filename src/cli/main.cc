// amip: the single executable. Subcommands live in src/cli/*_command.cc and register
// themselves; main only parses, dispatches and is one of the two catch-all points for
// exceptions (the other is the HTTP handler), which it reports and never swallows.
#include <algorithm>
#include <cstdio>
#include <exception>

#include "cli/command_registry.h"

int main(int argc, char** argv) {
  CLI::App app{
      "amip — Arbeitsmarkt- und Integrationsprogramm eines SGB II-Jobcenters als Software.\n"
      "Start with `amip demo`."};
  app.require_subcommand(1);
  app.set_version_flag("--version", "amip 0.1.0");
  amip::cli::CommandOutcome outcome;
  auto commands = amip::cli::RegisteredCommands();
  std::stable_sort(commands.begin(), commands.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  for (const auto& [order, registrar] : commands) registrar(app, outcome);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return static_cast<int>(amip::cli::ExitCode::kUsageError);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "amip: internal error: %s\n", e.what());
    return static_cast<int>(amip::cli::ExitCode::kInternalError);
  }
  return static_cast<int>(outcome.exit_code);
}
