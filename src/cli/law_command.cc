// `amip law check [--dir ROOT]`: runs the strict law-parameter loader over law/parameters/**
// and law/local/** (embedded files, or the files below ROOT when given), resolves every
// month of the coverage window and prints one line per parameter file. Exit 1 on any error.
#include <filesystem>
#include <map>

#include "cli/command_registry.h"
#include "cli/option_domain.h"
#include "fileio/read_file.h"
#include "law/law_snapshot.h"
#include "law/local_rules.h"
#include "report/table.h"

namespace amip::cli {
namespace {

core::Status LoadFromDir(const std::string& root, law::ParameterStore& store,
                         law::LocalRules& local) {
  namespace fs = std::filesystem;
  for (const char* sub : {"law/parameters", "law/local"}) {
    const fs::path dir = fs::path(root) / sub;
    if (!fs::is_directory(dir)) return core::NotFoundError("kein Verzeichnis: " + dir.string());
    std::vector<fs::path> files;
    for (const auto& entry : fs::recursive_directory_iterator(dir)) {
      if (entry.path().extension() == ".yaml") files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    for (const auto& path : files) {
      AMIP_ASSIGN_OR_RETURN(const std::string text,
                            fileio::ReadRegularFile(path.string(), fileio::kMaxYamlBytes));
      const std::string rel = fs::relative(path, root).string();
      if (std::string(sub) == "law/parameters") {
        AMIP_RETURN_IF_ERROR(store.AddFile(rel, text));
      } else {
        AMIP_RETURN_IF_ERROR(local.AddFile(rel, text));
      }
    }
  }
  return core::Status::Ok();
}

ExitCode RunLawCheck(const std::string& dir, const std::string& format_text) {
  auto format = report::ParseOutputFormat(format_text);
  if (!format.ok()) return ReportError(format.status());
  law::ParameterStore store;
  law::LocalRules local;
  if (dir.empty()) {
    auto embedded = law::ParameterStore::LoadEmbedded();
    if (!embedded.ok()) return ReportError(embedded.status());
    store = std::move(embedded).value();
    auto embedded_local = law::LocalRules::LoadEmbedded();
    if (!embedded_local.ok()) return ReportError(embedded_local.status());
    local = std::move(embedded_local).value();
  } else {
    core::Status status = LoadFromDir(dir, store, local);
    if (!status.ok()) return ReportError(status);
  }
  auto coverage = law::CoverageOf(store);
  if (!coverage.ok()) return ReportError(coverage.status());
  int months = 0;
  for (core::Month month = coverage->first.ToMonth(); month <= coverage->last.ToMonth(); month = month + 1) {
    auto law = law::ResolveLaw(store, month.FirstDay());
    if (!law.ok()) return ReportError(law.status());
    ++months;
  }
  std::map<std::string, std::pair<int, int>> per_file;  // file -> parameters, entries
  for (const auto& [id, param] : store.parameters()) {
    per_file[param.file].first += 1;
    per_file[param.file].second += static_cast<int>(param.entries.size());
  }
  report::Table table({{"datei", "Datei"},
                       {"parameter", "Parameter", report::Align::kRight, true},
                       {"eintraege", "Einträge", report::Align::kRight, true}},
                      "Rechtsparameter (strenge Prüfung)");
  for (const auto& [file, counts] : per_file) {
    table.AddTextRow({file, std::to_string(counts.first), std::to_string(counts.second)});
  }
  for (const auto& [ags, muni] : local.municipalities()) {
    table.AddTextRow({muni.file + " [" + muni.name + ", " + muni.status + "]",
                      std::to_string(muni.mietstufe.size()),
                      std::to_string(muni.kdu_bruttokaltmiete.size())});
  }
  std::printf("%s", table.Render(*format).c_str());
  if (*format == report::OutputFormat::kTable) {
    std::printf("OK: %zu Parameter, %d Monate aufgelöst (%s … %s), %zu Gemeinden\n",
                store.parameters().size(), months, coverage->first.ToMonth().ToString().c_str(),
                coverage->last.ToMonth().ToString().c_str(), local.municipalities().size());
  }
  return ExitCode::kOk;
}

void RegisterLaw(CLI::App& app, CommandOutcome& outcome) {
  auto* law_cmd = app.add_subcommand("law", "Rechtsparameter (law/parameters, law/local)");
  law_cmd->require_subcommand(1);
  auto* check = law_cmd->add_subcommand(
      "check", "Strenge Prüfung aller Rechtsparameter-Dateien und jedes Monats des Abdeckungszeitraums (law/parameters/coverage.yaml)");
  auto dir = std::make_shared<std::string>();
  auto format = std::make_shared<std::string>("table");
  check->add_option("--dir", *dir,
                    "Wurzel des Repositorys, aus der law/ gelesen wird (Standard: eingebettete Dateien)")
      ->check(NonEmpty("Pfad"));
  AddFormatOption(check, *format);
  check->callback([&outcome, dir, format] { outcome.exit_code = RunLawCheck(*dir, *format); });
}

}  // namespace

AMIP_REGISTER_COMMAND(80, RegisterLaw);

}  // namespace amip::cli
