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

// The edit distance of two command names (Levenshtein, bytes; names are ASCII).
size_t EditDistance(const std::string& a, const std::string& b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t col = 0; col <= b.size(); ++col) row[col] = col;
  for (size_t a_idx = 1; a_idx <= a.size(); ++a_idx) {
    size_t diagonal = row[0];
    row[0] = a_idx;
    for (size_t b_idx = 1; b_idx <= b.size(); ++b_idx) {
      const size_t above = row[b_idx];
      row[b_idx] = std::min({above + 1, row[b_idx - 1] + 1, diagonal + (a[a_idx - 1] == b[b_idx - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

// The deepest parsed (sub)command: the one whose subcommand is missing or mistyped.
const CLI::App* DeepestCommand(const CLI::App& app) {
  const CLI::App* current = &app;
  for (;;) {
    const std::vector<CLI::App*> parsed = current->get_subcommands();
    if (parsed.empty()) return current;
    current = parsed.front();
  }
}

// "Unbekannter Befehl „kenzahlen“ – meinten Sie „kennzahlen“?" for a mistyped (sub)command;
// without a near name the message lists the valid ones.
std::string UnknownCommand(const CLI::App& parent, const std::string& typed) {
  std::vector<std::string> names;
  std::string nearest;
  size_t best = std::string::npos;
  for (const CLI::App* sub : parent.get_subcommands([](const CLI::App*) { return true; })) {
    names.push_back(sub->get_name());
    const size_t distance = EditDistance(typed, sub->get_name());
    if (distance < best) best = distance, nearest = sub->get_name();
  }
  const bool top = parent.get_parent() == nullptr;
  std::string text = std::string(top ? "Unbekannter Befehl „" : "Unbekannter Unterbefehl „") + typed + "“";
  if (!nearest.empty() && best <= std::max<size_t>(2, nearest.size() / 3)) {
    return text + " – meinten Sie „" + nearest + "“?";
  }
  std::string list;
  for (const std::string& name : names) list += (list.empty() ? "" : ", ") + name;
  return text + " – möglich sind: " + list;
}

// CLI11's own help words and the help/version flags in German, on every (sub)command.
void GermanHelp(CLI::App& app) {
  if (CLI::Option* help = app.get_help_ptr(); help != nullptr) {
    help->description("Diese Hilfe zeigen und beenden");
  }
  for (CLI::Option* option : app.get_options()) {
    if (option->get_group() == "Options") option->group("Optionen");
  }
  for (CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
    if (sub->get_group() == "Subcommands") sub->group("Befehle");
    GermanHelp(*sub);
  }
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
    const CLI::App* deepest = DeepestCommand(app);
    const std::vector<std::string> rest = deepest->remaining();
    if (!deepest->get_subcommands([](const CLI::App*) { return true; }).empty() && !rest.empty() &&
        deepest->get_subcommands().empty() && rest.front().rfind('-', 0) != 0) {
      return UnknownCommand(*deepest, rest.front());
    }
    const size_t colon = what.find(": ");
    return "unerwartete Argumente: " + (colon == std::string::npos ? what : what.substr(colon + 2));
  }
  if (dynamic_cast<const CLI::RequiredError*>(&error) != nullptr) {
    if (what == "A subcommand is required") {
      const CLI::App* deepest = DeepestCommand(app);
      const std::vector<std::string> rest = deepest->remaining();
      return rest.empty() ? "ein Unterbefehl fehlt" : UnknownCommand(*deepest, rest.front());
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
      "Beginnen Sie mit `amip demo`."};
  app.require_subcommand(1);
  app.set_version_flag("--version", "amip 0.1.0", "Die Programmversion zeigen und beenden");
  app.get_formatter()->label("Usage", "Aufruf");
  app.get_formatter()->label("OPTIONS", "OPTIONEN");
  app.get_formatter()->label("SUBCOMMAND", "BEFEHL");
  app.get_formatter()->label("SUBCOMMANDS", "BEFEHLE");
  app.get_formatter()->label("Positionals", "Argumente");
  app.get_formatter()->label("REQUIRED", "PFLICHT");
  app.get_formatter()->label("Needs", "braucht");
  app.get_formatter()->label("Excludes", "schließt aus");
  amip::cli::CommandOutcome outcome;
  auto commands = amip::cli::RegisteredCommands();
  std::stable_sort(commands.begin(), commands.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  for (const auto& [order, registrar] : commands) registrar(app, outcome);
  GermanHelp(app);
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
    std::fprintf(stderr, "amip: interner Fehler: %s\n", e.what());
    return static_cast<int>(amip::cli::ExitCode::kInternalError);
  }
  return static_cast<int>(outcome.exit_code);
}
