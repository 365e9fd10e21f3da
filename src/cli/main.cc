// amip: the single executable. Subcommands live in src/cli/*_command.cc and register
// themselves; main only parses, dispatches and is one of the two catch-all points for
// exceptions (the other is the HTTP handler), which it reports and never swallows.
#include <algorithm>
#include <cstdio>
#include <exception>
#include <string>
#include <vector>

#include "cli/command_registry.h"

namespace {

// "kennzahlen", "budget control": the subcommands that were parsed.
std::string CommandPath(const CLI::App& app) {
  std::string path;
  const CLI::App* current = &app;
  while (current != nullptr) {
    const std::vector<CLI::App*> parsed = current->get_subcommands();
    current = parsed.empty() ? nullptr : parsed.front();
    if (current != nullptr) path += (path.empty() ? "" : " ") + current->get_name();
  }
  return path;
}

std::string After(const std::string& text, const std::string& prefix) {
  return text.rfind(prefix, 0) == 0 ? text.substr(prefix.size()) : std::string();
}

// The German form of a CLI11 parse error. Option values outside their domain arrive as
// ValidationError with the German text of cli/option_domain.h; the other kinds are CLI11's
// own, worded here in German with CLI11's detail (option names, the unexpected arguments).
std::string GermanParseError(const CLI::App& app, const CLI::ParseError& error) {
  const std::string what = error.what();
  if (dynamic_cast<const CLI::ValidationError*>(&error) != nullptr) return what;
  if (dynamic_cast<const CLI::ExtrasError*>(&error) != nullptr) {
    const size_t colon = what.find(": ");
    return "unerwartete Argumente: " + (colon == std::string::npos ? what : what.substr(colon + 2));
  }
  if (dynamic_cast<const CLI::RequiredError*>(&error) != nullptr) {
    if (what == "A subcommand is required") {
      const std::vector<std::string> rest = app.remaining();
      return rest.empty() ? "ein Unterbefehl fehlt" : "unbekannter Unterbefehl '" + rest.front() + "'";
    }
    const std::string name = what.size() > 12 && what.ends_with(" is required") ? what.substr(0, what.size() - 12) : "";
    return name.empty() ? "eine Pflichtangabe fehlt (" + what + ")" : name + " fehlt (Pflichtangabe)";
  }
  if (dynamic_cast<const CLI::ArgumentMismatch*>(&error) != nullptr) {
    const size_t colon = what.find(':');
    const std::string name = colon == std::string::npos ? "" : what.substr(0, colon);
    if (what.find("required") != std::string::npos && what.find("missing") != std::string::npos) {
      return name + ": Wert fehlt";
    }
    if (what.find("At Most") != std::string::npos) return name + ": nur ein Wert erlaubt (mehrfach angegeben)";
    return "falsche Anzahl Werte (" + what + ")";
  }
  if (dynamic_cast<const CLI::ConversionError*>(&error) != nullptr) {
    const std::string detail = After(what, "Could not convert: ");
    return detail.empty() ? "Wert nicht lesbar (" + what + ")" : "Wert nicht lesbar: " + detail;
  }
  return "ungültiger Aufruf (" + what + ")";
}

}  // namespace

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
    const std::string command = CommandPath(app);
    const std::string prefix = command.empty() ? "amip" : "amip " + command;
    std::fprintf(stderr, "%s: %s\nHilfe: %s --help\n", prefix.c_str(), GermanParseError(app, e).c_str(),
                 prefix.c_str());
    return static_cast<int>(amip::cli::ExitCode::kUsageError);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "amip: internal error: %s\n", e.what());
    return static_cast<int>(amip::cli::ExitCode::kInternalError);
  }
  return static_cast<int>(outcome.exit_code);
}
