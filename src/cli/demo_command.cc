// `amip demo`: the main job on the embedded default, and the single entry point a newcomer
// runs. Generates the synthetic Jobcenter (profile kreis-unna-2025, reusing a cached extract
// when profile, seed and binary are unchanged), imports it into the SQLite database of the
// state directory, and prints what is loaded, the current indicator table and the budget view.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <string>

#include "cli/command_registry.h"
#include "cli/option_domain.h"
#include "cli/demo_sections.h"
#include "cli/info_command.h"
#include "contract/extract_writer.h"
#include "fileio/atomic_file.h"
#include "fileio/file_identity.h"
#include "fileio/read_file.h"
#include "ingest/import.h"
#include "resources/resources.h"
#include "storage/extract_store.h"
#include "synth/generator.h"
#include "synth/profile.h"

namespace amip::cli {
namespace {

namespace fs = std::filesystem;

struct DemoOptions {
  std::string state_dir = ".amip";
  std::string profile = "kreis-unna-2025";
  uint64_t seed = 1;
  bool regenerate = false;
};

// FNV-1a over the text; identifies the profile content in the cache stamp.
uint64_t Fnv1a(std::string_view text) {
  uint64_t hash = 1469598103934665603ull;
  for (const char c : text) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 1099511628211ull;
  }
  return hash;
}

core::Result<std::string> ReadProfileText(const std::string& name_or_path) {
  if (auto embedded = resources::Find("data/profiles/" + name_or_path + ".yaml")) {
    return std::string(*embedded);
  }
  return fileio::ReadRegularFile(name_or_path, fileio::kMaxYamlBytes);
}

// The cache stamp: profile content, seed and the binary that generates (its modification
// time changes whenever the generator is rebuilt).
std::string CacheStamp(const std::string& profile_text, const DemoOptions& options) {
  std::error_code error;
  const auto binary_time = fs::last_write_time("/proc/self/exe", error);
  const long long binary_ticks =
      error ? 0 : static_cast<long long>(binary_time.time_since_epoch().count());
  return "profile=" + options.profile + " seed=" + std::to_string(options.seed) +
         " profile_hash=" + std::to_string(Fnv1a(profile_text)) +
         " binary=" + std::to_string(binary_ticks) + "\n";
}

// Generates into `extract_dir` unless its stamp matches. Returns false on failure (printed).
bool EnsureExtract(const DemoOptions& options, const fs::path& extract_dir) {
  auto profile_text = ReadProfileText(options.profile);
  if (!profile_text.ok()) {
    ReportError(profile_text.status());
    return false;
  }
  const std::string stamp = CacheStamp(*profile_text, options);
  const fs::path stamp_path = extract_dir / ".amip-stamp";
  const core::Result<std::string> old_stamp =
      fileio::ReadRegularFile(stamp_path.string(), stamp.size());
  if (!options.regenerate && old_stamp.ok() && *old_stamp == stamp) {
    std::printf("1/3 Synthetischer Jobcenter: vorhandener Extrakt wird wiederverwendet (%s)\n",
                extract_dir.c_str());
    return true;
  }
  std::printf("1/3 Synthetischer Jobcenter: erzeuge Profil %s mit Seed %llu …\n",
              options.profile.c_str(), static_cast<unsigned long long>(options.seed));
  std::fflush(stdout);
  auto profile = synth::LoadProfile(options.profile);
  if (!profile.ok()) {
    ReportError(profile.status());
    return false;
  }
  auto generated = synth::Generate(*profile, options.seed);
  if (!generated.ok()) {
    ReportError(generated.status());
    return false;
  }
  int passed = 0;
  for (const synth::CalibrationRow& row : generated->calibration) passed += row.pass ? 1 : 0;
  std::printf("    Kalibrierung: %d von %zu Zielen erfüllt (Bericht: amip generate --profile %s)\n",
              passed, generated->calibration.size(), options.profile.c_str());
  std::error_code error;
  fs::remove_all(extract_dir, error);
  fs::create_directories(extract_dir, error);
  if (error) {
    ReportError(core::UnavailableError("cannot create " + extract_dir.string() + ": " +
                                       error.message()));
    return false;
  }
  const core::Status written = contract::WriteExtractCsv(
      generated->extract, extract_dir.string(),
      {.manifest = synth::ManifestInfoOf(*profile, options.seed)});
  if (!written.ok()) {
    ReportError(written);
    return false;
  }
  const core::Status stamped = fileio::WriteFileAtomically(stamp_path.string(), stamp);
  if (!stamped.ok()) {
    ReportError(stamped);
    return false;
  }
  return true;
}

void RunDemo(const DemoOptions& options, CommandOutcome& outcome) {
  const fs::path state_dir(options.state_dir);
  const bool embedded = resources::Find("data/profiles/" + options.profile + ".yaml").has_value();
  // A profile file is named by its stem: `state_dir / "/abs/p.yaml"` would be the profile's own
  // directory (an absolute right operand replaces the path), outside the state directory. The
  // cache stamp holds the profile's content, so two files with one stem never share a cache.
  const std::string cache_name = embedded ? options.profile : fs::path(options.profile).stem().string();
  const fs::path extract_dir =
      state_dir / "extracts" / (cache_name + "-seed" + std::to_string(options.seed));
  const fs::path db_path = state_dir / "amip.sqlite";
  // The extract directory is replaced and the database written: a profile file there is an
  // input that would be lost.
  if (!embedded && (fileio::IsWithin(options.profile, extract_dir.string()) ||
                    RefuseOutput("--state-dir", db_path.string(), {options.profile}))) {
    std::fprintf(stderr, "amip: --profile %s liegt im Zustandsverzeichnis %s, das überschrieben "
                         "wird; nichts geschrieben\n",
                 options.profile.c_str(), extract_dir.c_str());
    outcome.exit_code = ExitCode::kUsageError;
    return;
  }

  if (!EnsureExtract(options, extract_dir)) {
    outcome.exit_code = ExitCode::kDataError;
    return;
  }

  std::printf("2/3 Import in %s …\n", db_path.c_str());
  std::fflush(stdout);
  auto imported = ingest::ImportDirectory(extract_dir.string(), db_path.string(), {});
  if (!imported.ok()) {
    outcome.exit_code = ReportError(imported.status());
    return;
  }
  if (imported->diagnostics.has_errors()) {
    constexpr size_t kShown = 20;
    size_t shown = 0;
    for (const core::Diagnostic& item : imported->diagnostics.items()) {
      if (item.severity != core::Severity::kError || shown++ >= kShown) continue;
      std::fprintf(stderr, "%s\n", item.ToString().c_str());
    }
    std::fprintf(stderr,
                 "amip: import rejected (%lld errors, first %zu shown; all of them: amip import "
                 "%s --db FILE)\n",
                 static_cast<long long>(imported->diagnostics.error_count()),
                 std::min(kShown, shown), extract_dir.c_str());
    outcome.exit_code = ExitCode::kDataError;
    return;
  }
  std::printf("    %s\n", imported->unchanged
                             ? "unverändert: derselbe Extrakt ist bereits geladen"
                             : "geladen, 0 Zeilen abgewiesen");

  std::printf("3/3 Übersicht\n\n");
  auto info = storage::Info(db_path.string());
  if (!info.ok()) {
    outcome.exit_code = ReportError(info.status());
    return;
  }
  for (const report::Table& table : InfoTables(*info)) {
    std::printf("%s\n", table.RenderText().c_str());
  }
  auto extract = storage::LoadExtract(db_path.string());
  if (!extract.ok()) {
    outcome.exit_code = ReportError(extract.status());
    return;
  }
  for (const DemoSection& section : DemoSections()) {
    std::printf("%s\n", section.title.c_str());
    std::fflush(stdout);
    const core::Status shown = section.print(*extract, *info);
    if (!shown.ok()) {
      outcome.exit_code = ReportError(shown);
      return;
    }
  }
  std::printf("Datenbank: %s — weiter mit `amip info --db %s` oder `amip --help`.\n",
              db_path.c_str(), db_path.c_str());
}

void RegisterDemo(CLI::App& app, CommandOutcome& outcome) {
  auto options = std::make_shared<DemoOptions>();
  CLI::App* demo = app.add_subcommand(
      "demo",
      "Der Einstieg: den synthetischen Jobcenter Kreis Unna erzeugen (zwischengespeichert), "
      "in SQLite laden und die Übersicht drucken");
  demo->add_option("--state-dir", options->state_dir, "Verzeichnis für Extrakt und Datenbank")
      ->capture_default_str()
      ->check(NonEmpty("Pfad"));
  demo->add_option("--profile", options->profile, "Generatorprofil (Name oder YAML-Datei)")
      ->capture_default_str()
      ->check(ProfileNameOrFile());
  demo->add_option("--seed", options->seed, "Zufallsstartwert des Generators")->capture_default_str()->check(Seed());
  demo->add_flag("--regenerate", options->regenerate, "Den zwischengespeicherten Extrakt nicht verwenden, neu erzeugen");
  demo->callback([options, &outcome] { RunDemo(*options, outcome); });
}

AMIP_REGISTER_COMMAND(0, RegisterDemo);

}  // namespace
}  // namespace amip::cli
