// `amip info --db FILE [--format table|csv|json]`: what an amip database holds — rows per
// table, covered period, Jobcenters, municipalities, persons and the ELB stock on the last
// count day (Stichtag). Reads the database only; never creates or changes it.
#include "cli/info_command.h"

#include <cstdio>
#include <iterator>
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "cli/command_registry.h"
#include "cli/option_domain.h"

namespace amip::cli {
namespace {

std::string GermanDate(const std::optional<core::Date>& date) {
  if (!date.has_value()) return "–";
  char text[16];
  std::snprintf(text, sizeof text, "%02d.%02d.%04d", date->day(), date->month(), date->year());
  return text;
}

std::string RawDate(const std::optional<core::Date>& date) {
  return date.has_value() ? date->ToString() : std::string();
}

report::Cell IntCell(int64_t value) {
  return {report::FormatGermanInt(value), std::to_string(value)};
}

// German labels of the contract tables.
std::string TableLabel(const std::string& table) {
  if (table == "jobcenters") return "Jobcenter";
  if (table == "municipalities") return "Gemeinden";
  if (table == "persons") return "Personen";
  if (table == "benefit_spells") return "Leistungsbezugszeiten";
  if (table == "claims") return "Leistungsansprüche";
  if (table == "employment_spells") return "Beschäftigungszeiten";
  if (table == "measure_spells") return "Maßnahmeteilnahmen";
  if (table == "unemployment_spells") return "Arbeitslosigkeitszeiten";
  if (table == "bg_housing") return "Unterkunft der BG";
  if (table == "stichtage") return "Stichtage";
  return table;
}

ExitCode RunInfo(const std::string& db_path, const std::string& format_text, const std::string& xlsx) {
  auto format = report::ParseOutputFormat(format_text);
  if (!format.ok()) {
    std::fprintf(stderr, "amip: Fehler: %s\n", format.status().message().c_str());
    return ExitCode::kUsageError;
  }
  auto summary = storage::Info(db_path);
  if (!summary.ok()) return ReportError(summary.status());
  const std::vector<report::Table> tables = InfoTables(*summary);
  if (!xlsx.empty()) {
    static const char* kSheets[] = {"Übersicht", "Tabellen", "Jobcenter"};
    std::vector<std::pair<std::string, report::Table>> sheets;
    for (size_t idx = 0; idx < tables.size() && idx < std::size(kSheets); ++idx) {
      sheets.emplace_back(kSheets[idx], tables[idx]);
    }
    if (const ExitCode written = WriteTablesXlsx(xlsx, sheets); written != ExitCode::kOk) return written;
  }
  if (*format == report::OutputFormat::kJson) {
    static const char* kKeys[] = {"uebersicht", "tabellen", "jobcenter"};
    nlohmann::ordered_json doc = nlohmann::ordered_json::object();
    for (size_t idx = 0; idx < tables.size() && idx < std::size(kKeys); ++idx) {
      doc[kKeys[idx]] = tables[idx].ToJson();
    }
    std::fputs(report::DumpJson(doc).c_str(), stdout);
    return ExitCode::kOk;
  }
  for (size_t idx = 0; idx < tables.size(); ++idx) {
    if (idx > 0) std::fputs("\n", stdout);
    std::fputs(tables[idx].Render(*format).c_str(), stdout);
  }
  return ExitCode::kOk;
}

void RegisterInfo(CLI::App& app, CommandOutcome& outcome) {
  auto* command = app.add_subcommand(
      "info", "Zeigt, was eine amip-Datenbank enthält (Zeilen, Zeitraum, Jobcenter, ELB)");
  auto db = std::make_shared<std::string>();
  auto format = std::make_shared<std::string>("table");
  command->add_option("--db", *db, "SQLite-Datenbank (von `amip import`)")->required()->check(NonEmpty("Pfad"));
  AddFormatOption(command, *format);
  auto xlsx = std::make_shared<std::string>();
  command->add_option("--xlsx", *xlsx, "zusätzlich eine Excel-Arbeitsmappe schreiben")->check(NonEmpty("Pfad"));
  command->callback([&outcome, db, format, xlsx] {
    outcome.exit_code = RefuseOutput("--xlsx", *xlsx, {*db}) ? ExitCode::kUsageError : RunInfo(*db, *format, *xlsx);
  });
}

}  // namespace

std::vector<report::Table> InfoTables(const storage::InfoSummary& summary) {
  std::vector<report::Table> tables;
  report::Table overview({{"key", "Kennzahl"}, {"value", "Wert", report::Align::kRight, true}},
                         "Datenbestand");
  const auto add = [&](const std::string& key, const std::string& label, report::Cell value) {
    overview.AddRow({{label, key}, std::move(value)});
  };
  add("schema_version", "Schema-Version", IntCell(summary.schema_version));
  add("loads", "Importierte Extrakte", IntCell(summary.loads));
  add("first_day", "Erster Tag", {GermanDate(summary.first_day), RawDate(summary.first_day)});
  add("last_day", "Letzter Tag", {GermanDate(summary.last_day), RawDate(summary.last_day)});
  add("jobcenters", "Jobcenter", IntCell(summary.jobcenters));
  add("municipalities", "Gemeinden", IntCell(summary.municipalities));
  add("persons", "Personen", IntCell(summary.persons));
  add("last_count_day", "Letzter Stichtag",
      {GermanDate(summary.last_count_day), RawDate(summary.last_count_day)});
  add("elb_last_count_day", "ELB am letzten Stichtag", IntCell(summary.elb_last_count_day));
  tables.push_back(std::move(overview));

  report::Table rows({{"table", "Tabelle"},
                      {"label", "Inhalt"},
                      {"rows", "Zeilen", report::Align::kRight, true}},
                     "Zeilen je Tabelle");
  for (const storage::TableCount& count : summary.tables) {
    rows.AddRow({{count.table, count.table},
                 {TableLabel(count.table), TableLabel(count.table)},
                 IntCell(count.rows)});
  }
  tables.push_back(std::move(rows));

  report::Table jobcenters({{"jc_id", "Jobcenter-ID"},
                            {"name", "Name"},
                            {"kind", "Form"},
                            {"municipalities", "Gemeinden", report::Align::kRight, true},
                            {"elb_last_count_day", "ELB am letzten Stichtag",
                             report::Align::kRight, true}},
                           "Jobcenter");
  for (const storage::JobcenterInfo& jc : summary.per_jobcenter) {
    const std::string kind = jc.kind == "zkt" ? "zkT" : (jc.kind == "ge" ? "gE" : jc.kind);
    jobcenters.AddRow({{jc.jc_id, jc.jc_id},
                       {jc.name, jc.name},
                       {kind, jc.kind},
                       IntCell(jc.municipalities),
                       IntCell(jc.elb_last_count_day)});
  }
  tables.push_back(std::move(jobcenters));
  return tables;
}

AMIP_REGISTER_COMMAND(20, RegisterInfo);

}  // namespace amip::cli
