// `amip import DIR --db FILE [--quarantine FILE] [--check] [--format ...]`: validates a
// Jobcenter extract (data contract v1) and loads it into the SQLite database in one
// transaction. All-or-nothing unless --quarantine is given; every finding goes to stderr with
// file, line, column, value and reason. Exit 1 when the extract is rejected.
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <system_error>
#include <vector>

#include "cli/command_registry.h"
#include "cli/option_domain.h"
#include "ingest/import.h"
#include "report/table.h"

namespace amip::cli {
namespace {

struct ImportArgs {
  std::string dir;
  std::string db;
  std::string quarantine;
  std::string format = "table";
  bool check_only = false;
};

// The files of the extract directory: inputs that --db and --quarantine must not name.
std::vector<std::string> ExtractFiles(const std::string& dir) {
  std::vector<std::string> files;
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator(dir, error)) {
    files.push_back(entry.path().string());
  }
  return files;
}

ExitCode RunImport(const ImportArgs& args) {
  auto format = report::ParseOutputFormat(args.format);
  if (!format.ok()) {
    std::fprintf(stderr, "amip: Fehler: %s\n", format.status().message().c_str());
    return ExitCode::kUsageError;
  }
  if (args.db.empty() && !args.check_only) {
    std::fprintf(stderr, "amip import: Fehler: --db fehlt (oder --check angeben)\n");
    return ExitCode::kUsageError;
  }
  std::vector<std::string> inputs = ExtractFiles(args.dir);
  if (RefuseOutput("--db", args.db, inputs)) return ExitCode::kUsageError;
  // The database and the files storage keeps beside it (rollback journal, import lock
  // DB.lock, new database DB.import-tmp: src/storage/import_lock.cc, extract_store.cc).
  for (const char* suffix : {"", "-journal", ".lock", ".import-tmp", ".import-tmp-journal"}) {
    if (!args.db.empty()) inputs.push_back(args.db + suffix);
  }
  if (RefuseOutput("--quarantine", args.quarantine, inputs)) return ExitCode::kUsageError;
  ingest::ImportOptions options;
  options.quarantine_path = args.quarantine;
  options.check_only = args.check_only;
  auto report = ingest::ImportDirectory(args.dir, args.db, options);
  if (!report.ok()) return ReportError(report.status());
  for (const core::Diagnostic& item : report->diagnostics.items()) {
    std::fprintf(stderr, "%s\n", item.ToString().c_str());
  }
  report::Table table({{"file", "Datei"},
                       {"rows", "Zeilen übernommen", report::Align::kRight, true}},
                      "Import " + args.dir);
  for (const storage::TableCount& count : report->rows) {
    table.AddRow({{count.table + ".csv", count.table},
                  {report::FormatGermanInt(count.rows), std::to_string(count.rows)}});
  }
  table.AddRow({{"abgewiesen", "rejected"},
                {report::FormatGermanInt(report->rejected_rows),
                 std::to_string(report->rejected_rows)}});
  std::fputs(table.Render(*format).c_str(), stdout);
  if (!report->accepted && !report->file_errors.empty()) {
    // A file error rejects the whole extract, also with --quarantine: say which one.
    std::string first = report->file_errors.front().ToString();
    if (first.rfind("Fehler: ", 0) == 0) first.erase(0, 8);
    std::string more;
    if (report->file_errors.size() > 1) {
      more = " (und " + std::to_string(report->file_errors.size() - 1) +
             " weitere Dateifehler, siehe oben)";
    }
    if (report->rejected_rows > 0) {
      more += "; außerdem " + std::to_string(report->rejected_rows) + " Zeile(n) mit Fehlern";
    }
    std::fprintf(stderr,
                 "amip: Import abgelehnt wegen eines Fehlers in der Datei %s%s; die Datenbank ist "
                 "unverändert.\n",
                 first.c_str(), more.c_str());
    return ExitCode::kDataError;
  }
  if (!report->accepted) {
    std::fprintf(stderr,
                 "amip: Import abgelehnt: %lld Zeile(n) mit Fehlern%s; die Datenbank ist "
                 "unverändert.\n",
                 static_cast<long long>(report->rejected_rows),
                 args.quarantine.empty() ? " (--quarantine lädt die gültigen Zeilen)" : "");
    return ExitCode::kDataError;
  }
  if (*format == report::OutputFormat::kTable) {
    if (args.check_only) {
      std::printf("Prüfung bestanden; nichts geschrieben.\n");
    } else if (report->unchanged) {
      std::printf("Unverändert: derselbe Extrakt ist bereits in %s geladen.\n", args.db.c_str());
    } else {
      std::printf("Geladen in %s.\n", args.db.c_str());
      if (!report->replaced_jobcenters.empty()) {
        std::printf("Ersetzt: frühere Daten von %zu Jobcenter(n).\n",
                    report->replaced_jobcenters.size());
      }
    }
    if (report->rejected_rows > 0) {
      std::printf("%lld abgewiesene Zeile(n) stehen in %s.\n",
                  static_cast<long long>(report->rejected_rows), args.quarantine.c_str());
    }
  }
  return ExitCode::kOk;
}

void RegisterImport(CLI::App& app, CommandOutcome& outcome) {
  auto* command = app.add_subcommand(
      "import", "Prüft einen Jobcenter-Extrakt (CSV, Datenvertrag v1) und lädt ihn in SQLite");
  auto args = std::make_shared<ImportArgs>();
  command->add_option("dir", args->dir, "Verzeichnis mit den CSV-Dateien des Extrakts")
      ->required()
      ->check(NonEmpty("Pfad"));
  command->add_option("--db", args->db, "SQLite-Datenbank (wird bei Bedarf angelegt)")->check(NonEmpty("Pfad"));
  command->add_option("--quarantine", args->quarantine,
                      "Gültige Zeilen laden, abgewiesene Zeilen unverändert in diese CSV-Datei")
      ->check(NonEmpty("Pfad"));
  command->add_flag("--check", args->check_only, "Nur prüfen, nichts schreiben");
  AddFormatOption(command, args->format);
  command->callback([&outcome, args] { outcome.exit_code = RunImport(*args); });
}

}  // namespace

AMIP_REGISTER_COMMAND(10, RegisterImport);

}  // namespace amip::cli
