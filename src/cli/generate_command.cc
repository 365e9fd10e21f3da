// `amip generate`: writes the calibrated synthetic Jobcenter of a profile as a data-contract-v1
// extract and prints its calibration report (quantity, target, generated, deviation,
// tolerance, result). Exit 1 when any target fails; the extract is written either way.
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include "cli/command_registry.h"
#include "cli/option_domain.h"
#include "contract/extract_writer.h"
#include "ingest/schema.h"
#include "report/table.h"
#include "synth/generator.h"
#include "synth/profile.h"

namespace amip::cli {
namespace {

struct GenerateOptions {
  std::string profile;
  uint64_t seed = 1;
  std::string out;
  std::string format = "table";
  bool overwrite = false;
};

// An earlier extract left in --out would be imported together with this one (e.g. its
// stichtage.csv): a non-empty directory is refused unless --overwrite is given. With
// --overwrite the writer replaces every contract file and removes the optional ones this
// extract lacks; other files in the directory are left alone.
bool RefuseNonEmptyOut(const GenerateOptions& options) {
  if (options.overwrite) return false;
  std::error_code error;
  if (!std::filesystem::is_directory(options.out, error)) return false;
  if (std::filesystem::is_empty(options.out, error) && !error) return false;
  std::fprintf(stderr,
               "amip: --out %s: das Verzeichnis ist nicht leer (Dateien eines früheren Auszugs "
               "würden mit diesem importiert); leeres Verzeichnis wählen oder --overwrite angeben. "
               "Nichts geschrieben\n",
               options.out.c_str());
  return true;
}

std::string FormatValue(double value) {
  if (std::isnan(value)) return "–";
  const double magnitude = std::fabs(value);
  return report::FormatGermanNumber(value, magnitude >= 1000 ? 0 : (magnitude >= 100 ? 1 : 2));
}

std::string RawValue(double value) {
  if (std::isnan(value)) return "";
  char text[64];
  std::snprintf(text, sizeof text, "%.4f", value);
  return text;
}

report::Table CalibrationTable(const synth::Profile& profile,
                               const std::vector<synth::CalibrationRow>& rows) {
  report::Table table({{"quantity", "Größe", report::Align::kLeft, false},
                       {"target", "Ziel", report::Align::kRight, true},
                       {"generated", "Erzeugt", report::Align::kRight, true},
                       {"deviation", "Abweichung", report::Align::kRight, true},
                       {"tolerance", "Toleranz", report::Align::kLeft, false},
                       {"result", "Ergebnis", report::Align::kLeft, false}},
                      "Kalibrierungsbericht – Profil " + profile.name);
  for (const synth::CalibrationRow& row : rows) {
    std::string deviation_text;
    std::string tolerance_text;
    std::string tolerance_raw;
    switch (row.tolerance_kind) {
      case synth::ToleranceKind::kRelative:
        deviation_text = std::isnan(row.deviation)
                             ? "–"
                             : report::FormatGermanNumber(100 * row.deviation, 1) + " %";
        tolerance_text = "± " + report::FormatGermanNumber(100 * row.tolerance, 1) + " %";
        tolerance_raw = "relative:" + RawValue(row.tolerance);
        break;
      case synth::ToleranceKind::kAbsolute:
        deviation_text = report::FormatGermanNumber(row.deviation, 2) + " Pkt.";
        tolerance_text = "± " + report::FormatGermanNumber(row.tolerance, 2) + " Pkt.";
        tolerance_raw = "absolute:" + RawValue(row.tolerance);
        break;
      case synth::ToleranceKind::kRange:
        deviation_text = report::FormatGermanNumber(row.deviation, 2);
        tolerance_text = report::FormatGermanNumber(row.range_min, 1) + " – " +
                         report::FormatGermanNumber(row.range_max, 1);
        tolerance_raw = "range:" + RawValue(row.range_min) + ".." + RawValue(row.range_max);
        break;
      case synth::ToleranceKind::kExact:
        deviation_text = report::FormatGermanNumber(row.deviation, 0);
        tolerance_text = "exakt";
        tolerance_raw = "exact";
        break;
    }
    table.AddRow({{row.label, row.quantity},
                  {FormatValue(row.target), RawValue(row.target)},
                  {FormatValue(row.generated), RawValue(row.generated)},
                  {deviation_text, RawValue(row.deviation)},
                  {tolerance_text, tolerance_raw},
                  {row.pass ? "erfüllt" : "VERFEHLT", row.pass ? "pass" : "fail"}});
  }
  return table;
}

void RunGenerate(const GenerateOptions& options, CommandOutcome& outcome) {
  auto format = report::ParseOutputFormat(options.format);
  if (!format.ok()) {
    outcome.exit_code = ReportError(format.status());
    outcome.exit_code = ExitCode::kUsageError;
    return;
  }
  if (RefuseNonEmptyOut(options)) {
    outcome.exit_code = ExitCode::kUsageError;
    return;
  }
  std::vector<std::string_view> outputs = {contract::kManifestFile};
  for (const ingest::FileSpec& spec : ingest::ContractFiles()) outputs.push_back(spec.name);
  for (const std::string_view name : outputs) {  // --overwrite: not the profile
    const std::string written = (std::filesystem::path(options.out) / name).string();
    if (RefuseOutput("--out", written, {options.profile})) {
      outcome.exit_code = ExitCode::kUsageError;
      return;
    }
  }
  auto profile = synth::LoadProfile(options.profile);
  if (!profile.ok()) {
    outcome.exit_code = ReportError(profile.status());
    return;
  }
  const auto started = std::chrono::steady_clock::now();
  auto generated = synth::Generate(*profile, options.seed);
  if (!generated.ok()) {
    outcome.exit_code = ReportError(generated.status());
    return;
  }
  const auto simulated = std::chrono::steady_clock::now();
  const core::Status written = contract::WriteExtractCsv(
      generated->extract, options.out, {.manifest = synth::ManifestInfoOf(*profile, options.seed)});
  if (!written.ok()) {
    outcome.exit_code = ReportError(written);
    return;
  }
  const auto finished = std::chrono::steady_clock::now();
  const auto& extract = generated->extract;
  std::fprintf(stderr,
               "amip generate: Profil %s, Seed %llu: %zu Personen, %zu Leistungszeiten, %zu Ansprüche, "
               "%zu Beschäftigungszeiten, %zu Maßnahmezeiten → %s (Simulation %.1f s, Schreiben %.1f s)\n",
               profile->name.c_str(), static_cast<unsigned long long>(options.seed),
               extract.persons.size(), extract.benefit_spells.size(), extract.claims.size(),
               extract.employment_spells.size(), extract.measure_spells.size(),
               options.out.c_str(),
               std::chrono::duration<double>(simulated - started).count(),
               std::chrono::duration<double>(finished - simulated).count());
  const std::string rendered = CalibrationTable(*profile, generated->calibration).Render(*format);
  std::fwrite(rendered.data(), 1, rendered.size(), stdout);
  if (!generated->AllTargetsPass()) {
    std::fprintf(stderr, "amip generate: Fehler: mindestens ein Kalibrierungsziel verfehlt\n");
    outcome.exit_code = ExitCode::kDataError;
  }
}

void RegisterGenerate(CLI::App& app, CommandOutcome& outcome) {
  auto options = std::make_shared<GenerateOptions>();
  CLI::App* command = app.add_subcommand(
      "generate",
      "Erzeugt einen synthetischen Jobcenter-Auszug (Datenvertrag v1) aus einem "
      "Kalibrierungsprofil und druckt den Kalibrierungsbericht. Exit 1, wenn ein Ziel verfehlt wird.");
  command->add_option("--profile", options->profile,
                      "Profilname (kreis-unna-2025, kreis-unna-2014, national) oder YAML-Datei")
      ->required()
      ->check(ProfileNameOrFile());
  command->add_option("--seed", options->seed, "Zufallsstartwert (gleicher Seed = gleiche Dateien)")
      ->check(Seed())
      ->default_val(1);
  command->add_option("--out", options->out, "Zielverzeichnis für die CSV-Dateien")->required()->check(NonEmpty("Pfad"));
  AddFormatOption(command, options->format, "Ausgabe des Berichts: table|csv|json")->default_val("table");
  command->add_flag("--overwrite", options->overwrite,
                    "Auszugsdateien in einem nicht leeren --out ersetzen (andere Dateien bleiben)");
  command->callback([options, &outcome]() { RunGenerate(*options, outcome); });
}

}  // namespace

AMIP_REGISTER_COMMAND(5, RegisterGenerate);

}  // namespace amip::cli
