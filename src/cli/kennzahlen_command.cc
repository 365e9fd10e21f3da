// `amip kennzahlen`: the Kennzahlen nach § 48a SGB II from an imported database for a range
// of reporting months, per Jobcenter (optionally per municipality), sex all/m/f; as a German
// table, CSV (stable interface, docs/kennzahlen.md) or JSON. Also `--explain PERSON --month M`
// (why a person counts) and `--targets FILE` (actual vs target, Jahresfortschrittswert).
#include <cmath>
#include <cstdio>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "cli/command_registry.h"
#include "cli/option_domain.h"
#include "fileio/read_file.h"
#include "indicators/catalogue.h"
#include "indicators/kennzahlen.h"
#include "indicators/targets.h"
#include "report/table.h"
#include "storage/extract_store.h"

namespace amip::cli {
namespace {

// Domain limits of the command line (not of the law): the BDI follow-up is a few months
// (catalogue: 3), the engine splits persons over at most 16 threads, and a request spans at
// most 100 years of reporting months (memory grows with the months).
constexpr int64_t kMaxBdiMonths = 24;
constexpr int64_t kMaxThreads = 16;
constexpr int32_t kMaxReportingMonths = 1200;

struct KennzahlenArgs {
  std::string db;
  std::string months;
  std::string jc;
  std::string by;
  std::string format = "table";
  std::string lzb = "days";
  std::string flows = "weighted";
  int bdi_months = 0;
  std::string coverage_start;
  std::string coverage_end;
  std::string indicators;
  int threads = 2;
  bool partial = false;
  std::string explain;
  std::string month;
  std::string targets;
  std::string xlsx;
};

// Fixed-point without trailing zeros: 25 -> "25", -4.7619047 -> "-4.761905".
std::string Plain(double value, int decimals) {
  char buffer[64];
  std::snprintf(buffer, sizeof(buffer), "%.*f", decimals, value);
  std::string text = buffer;
  if (text.find('.') != std::string::npos) {
    while (text.back() == '0') text.pop_back();
    if (text.back() == '.') text.pop_back();
  }
  if (text == "-0") text = "0";
  return text;
}

bool IsMoney(indicators::IndicatorId id) {
  return id == indicators::IndicatorId::kK1 || id == indicators::IndicatorId::kK1E1;
}

std::string SexLabel(indicators::SexSplit sex) {
  switch (sex) {
    case indicators::SexSplit::kAll: return "Insgesamt";
    case indicators::SexSplit::kM: return "Männer";
    case indicators::SexSplit::kF: return "Frauen";
  }
  return "";
}

std::string GermanNumber(double value, bool money) {
  if (money) return report::FormatGermanNumber(value, 2) + " €";
  if (value == std::floor(value)) return report::FormatGermanInt(static_cast<int64_t>(value));
  return report::FormatGermanNumber(value, 2);
}

// The CSV/JSON form is the stable interface (docs/kennzahlen.md): jc_id, month, indicator,
// sex, numerator, denominator, value [, municipality]. The German table adds the name.
report::Table RowsTable(const contract::Extract& extract, const indicators::Catalogue& catalogue,
                        const std::vector<indicators::IndicatorRow>& rows, bool by_municipality,
                        bool with_name, bool with_note) {
  std::vector<report::Column> columns = {
      {"jc_id", "Jobcenter"},
      {"month", "Monat"},
      {"indicator", "Kennzahl"},
  };
  if (with_name) columns.push_back({"name", "Bezeichnung"});
  for (report::Column column : std::vector<report::Column>{
      {"sex", "Geschlecht"},
      {"numerator", "Zähler", report::Align::kRight, true},
      {"denominator", "Nenner", report::Align::kRight, true},
      {"value", "Wert", report::Align::kRight, true}}) {
    columns.push_back(column);
  }
  if (by_municipality) columns.push_back({"municipality", "Gemeinde"});
  if (with_note) columns.push_back({"note", "Hinweis"});
  report::Table table(columns, "Kennzahlen nach § 48a SGB II");
  for (const indicators::IndicatorRow& row : rows) {
    const indicators::IndicatorDef& def = catalogue.Get(row.indicator);
    const bool money = IsMoney(row.indicator);
    std::string name = def.name_de;
    if (row.note.empty() && !def.versions[row.version].name_de.empty()) {
      name = def.versions[row.version].name_de;  // e.g. K2E3 2019: kontinuierliche Beschäftigung
    }
    std::vector<report::Cell> cells = {
        {extract.jobcenters[row.jc].name, extract.jobcenters[row.jc].jc_id},
        {row.month.ToString(), row.month.ToString()},
        {std::string(indicators::ToString(row.indicator)),
         std::string(indicators::ToString(row.indicator))},
    };
    if (with_name) cells.push_back({name, name});
    cells.push_back({SexLabel(row.sex), std::string(indicators::ToString(row.sex))});
    if (!row.note.empty()) {
      cells.push_back({"n. v.", ""});
      cells.push_back({"n. v.", ""});
      cells.push_back({"n. v.", ""});
    } else {
      cells.push_back({GermanNumber(row.numerator, money), Plain(row.numerator, money ? 2 : 6)});
      cells.push_back(
          {GermanNumber(row.denominator, money), Plain(row.denominator, money ? 2 : 6)});
      if (row.value) {
        cells.push_back({report::FormatGermanNumber(*row.value, 1) + " %", Plain(*row.value, 6)});
      } else {
        cells.push_back({"–", ""});
      }
    }
    if (by_municipality) {
      const auto& muni = extract.municipalities[row.municipality];
      cells.push_back({muni.name, muni.ags});
    }
    if (with_note) cells.push_back({row.note, row.note});
    table.AddRow(std::move(cells));
  }
  return table;
}

report::Table TargetsTable(const contract::Extract& extract, const indicators::Targets& targets,
                           const std::vector<indicators::TargetRow>& rows) {
  report::Table table(
      {{"jc_id", "Jobcenter"},
       {"month", "Monat"},
       {"quantity", "Zielgröße"},
       {"sex", "Geschlecht"},
       {"target", "Zielwert", report::Align::kRight, true},
       {"actual", "Ist", report::Align::kRight, true},
       {"progress", "Jahresfortschrittswert", report::Align::kRight, true},
       {"target_to_date", "Soll bis Monat", report::Align::kRight, true}},
      targets.name.empty() ? "Zielwerte" : targets.name);
  for (const indicators::TargetRow& row : rows) {
    const bool quota = row.quantity == indicators::TargetQuantity::kIntegrationsquote;
    auto text = [&](const std::optional<double>& value) -> report::Cell {
      if (!value) return {"–", ""};
      return {quota ? report::FormatGermanNumber(*value, 1) + " %"
                    : report::FormatGermanNumber(*value, 0),
              Plain(*value, 6)};
    };
    table.AddRow({{extract.jobcenters[row.jc].name, extract.jobcenters[row.jc].jc_id},
                  {row.month.ToString(), row.month.ToString()},
                  {quota ? "Integrationsquote (K2)" : "Bestand LZB",
                   std::string(indicators::ToString(row.quantity))},
                  {SexLabel(row.sex), std::string(indicators::ToString(row.sex))},
                  text(row.target),
                  text(row.actual),
                  text(row.progress),
                  text(row.target_to_date)});
  }
  return table;
}

// Summary of rows that could not be computed: one line per indicator with the number of
// months and the first note. `after_end` selects the rows missing data after the coverage end,
// otherwise those missing data before the start (or without a definition in force).
std::string CoverageMessage(const std::vector<indicators::IndicatorRow>& rows, bool after_end) {
  std::map<std::string, std::set<std::string>> by_indicator;
  std::map<std::string, std::string> first_note;
  for (const indicators::IndicatorRow& row : rows) {
    if (row.note.empty()) continue;
    if (after_end ? !row.after_end : (row.after_end && !row.before_start)) continue;
    const std::string id(indicators::ToString(row.indicator));
    by_indicator[id].insert(row.month.ToString());
    if (!first_note.count(id)) first_note[id] = row.month.ToString() + ": " + row.note;
  }
  std::string message;
  for (const auto& [id, months] : by_indicator) {
    message += "  " + id + " (" + std::to_string(months.size()) + " Monat(e), z. B. " +
               first_note[id] + ")\n";
  }
  return message;
}

// --explain: the German account as text; CSV and JSON give its lines (one row, one array
// element each) so that the output parses like every other --format csv|json.
std::string ExplainOutput(const std::string& person, core::Month month, const std::string& text,
                          report::OutputFormat format) {
  if (format == report::OutputFormat::kTable) return text;
  std::vector<std::string> lines;
  std::stringstream stream(text);
  for (std::string line; std::getline(stream, line);) lines.push_back(line);
  if (format == report::OutputFormat::kJson) {
    nlohmann::ordered_json doc = nlohmann::ordered_json::object();
    doc["person_id"] = person;
    doc["month"] = month.ToString();
    doc["erklaerung"] = lines;
    return report::DumpJson(doc);
  }
  report::Table table(std::vector<report::Column>{{"zeile", "Zeile"}});
  for (const std::string& line : lines) table.AddRow({{line, line}});
  return table.RenderCsv();
}

ExitCode Run(const KennzahlenArgs& args) {
  // Every value was checked against its domain when parsed (RegisterKennzahlen); left here
  // are the combinations of options and the values that must exist in the database.
  auto format = report::ParseOutputFormat(args.format);
  if (!format.ok()) return ReportError(format.status());
  indicators::Options options;
  if (!args.explain.empty()) {
    if (args.month.empty()) return UsageError("kennzahlen", "--explain braucht --month JJJJ-MM");
    if (!args.months.empty()) return UsageError("kennzahlen", "--explain und --months schließen sich aus");
  } else if (!args.month.empty()) {
    return UsageError("kennzahlen", "--month gilt nur mit --explain PERSON; für Berichtsmonate: --months");
  } else if (args.months.empty()) {
    return UsageError("kennzahlen", "--months JJJJ-MM..JJJJ-MM fehlt");
  }
  if (!args.targets.empty() && !args.indicators.empty()) {
    return UsageError("kennzahlen", "--targets berechnet K2 und K3; --indicators ist damit nicht möglich");
  }
  std::optional<MonthSet> month_set;
  if (!args.months.empty()) {
    auto months = ParseMonthSet(args.months);
    if (!months.ok()) return ReportError(months.status().WithContext("--months"));
    if (!args.targets.empty() && !months->Contiguous()) {
      return UsageError("kennzahlen", "--targets braucht zusammenhängende Monate JJJJ-MM..JJJJ-MM, nicht " +
                                          args.months);
    }
    options.months = months->hull;  // computed over the hull, printed for the set's months
    month_set = *months;
  }
  options.by_municipality = args.by == "municipality";
  options.lzb_method = args.lzb == "months" ? indicators::LzbMethod::kMonths
                                            : indicators::LzbMethod::kDays;
  options.flow_averaging = args.flows == "simple" ? indicators::FlowAveraging::kSimple
                                                  : indicators::FlowAveraging::kWeighted;
  options.bdi_followup_months = args.bdi_months;
  options.threads = args.threads;
  // Coverage dates: real calendar days (checked when parsed); the start not after the end.
  if (!args.coverage_start.empty()) {
    auto date = core::Date::Parse(args.coverage_start);
    if (!date.ok()) return ReportError(date.status().WithContext("--coverage-start"));
    options.coverage_start = *date;
  }
  if (!args.coverage_end.empty()) {
    auto date = core::Date::Parse(args.coverage_end);
    if (!date.ok()) return ReportError(date.status().WithContext("--coverage-end"));
    options.coverage_end = *date;
  }
  if (options.coverage_start && options.coverage_end &&
      *options.coverage_end < *options.coverage_start) {
    std::fprintf(stderr,
                 "amip kennzahlen: --coverage-end (%s) liegt vor --coverage-start (%s)\n",
                 options.coverage_end->ToString().c_str(),
                 options.coverage_start->ToString().c_str());
    return ExitCode::kUsageError;
  }
  if (!args.indicators.empty()) {
    std::stringstream list(args.indicators);
    std::string item;
    while (std::getline(list, item, ',')) {
      auto id = indicators::ParseIndicatorId(item);
      if (!id.ok()) return UsageError("kennzahlen", "--indicators: " + id.status().message());
      options.indicators.push_back(*id);
    }
  }
  std::optional<indicators::Targets> targets;
  if (!args.targets.empty()) {
    auto text = fileio::ReadRegularFile(args.targets, fileio::kMaxYamlBytes);
    if (!text.ok()) return ReportError(text.status());
    auto parsed = indicators::ParseTargets(*text, args.targets);
    if (!parsed.ok()) return ReportError(parsed.status());
    targets = *parsed;
    options.monthly_series = true;
    options.indicators = {indicators::IndicatorId::kK2, indicators::IndicatorId::kK3};
  }

  storage::LoadOptions load;
  load.tables = indicators::RequiredTables();  // skip the tables the engine does not read
  auto extract = storage::LoadExtract(args.db, load);
  if (!extract.ok()) return ReportError(extract.status());
  std::string jc_filter = args.jc;
  if (jc_filter.empty() && targets && !targets->jc_id.empty()) jc_filter = targets->jc_id;
  if (!jc_filter.empty()) {
    for (size_t jc = 0; jc < extract->jobcenters.size(); ++jc) {
      if (extract->jobcenters[jc].jc_id == jc_filter) options.jc = static_cast<core::JcIdx>(jc);
    }
    if (!options.jc) {
      return UsageError("kennzahlen", (args.jc.empty() ? "Jobcenter der Zielwerte '" : "--jc: Jobcenter '") +
                                          jc_filter + "' ist nicht in " + args.db);
    }
  }
  auto catalogue = indicators::LoadCatalogue();
  if (!catalogue.ok()) return ReportError(catalogue.status());
  auto instruments = indicators::DefaultInstrumentFlags();
  if (!instruments.ok()) return ReportError(instruments.status());
  options.instruments = *instruments;

  if (!args.explain.empty()) {
    auto month = core::Month::Parse(args.month);
    if (!month.ok()) return ReportError(month.status().WithContext("--month"));
    auto text = indicators::ExplainPerson(*extract, *catalogue, options, args.explain, *month);
    if (!text.ok() && text.status().code() == core::StatusCode::kNotFound) {
      return UsageError("kennzahlen", "--explain: " + text.status().message());
    }
    if (!text.ok()) return ReportError(text.status());
    std::printf("%s", ExplainOutput(args.explain, *month, *text, *format).c_str());
    return ExitCode::kOk;
  }

  auto computed = indicators::ComputeIndicators(*extract, *catalogue, options);
  if (!computed.ok()) return ReportError(computed.status());
  if (month_set && !month_set->Contiguous()) {  // a list: only the months asked for
    std::erase_if(computed->rows, [&](const indicators::IndicatorRow& row) { return !month_set->Contains(row.month); });
  }
  if (computed->coverage_end < computed->coverage_start) {  // one side given, one default
    std::fprintf(stderr,
                 "amip kennzahlen: das Ende der Daten (%s%s) liegt vor ihrem Beginn (%s%s)\n",
                 computed->coverage_end.ToString().c_str(),
                 options.coverage_end ? ", --coverage-end" : ", aus dem Extrakt",
                 computed->coverage_start.ToString().c_str(),
                 options.coverage_start ? ", --coverage-start" : ", aus dem Extrakt");
    return ExitCode::kUsageError;
  }
  for (const std::string& warning : computed->warnings) {
    std::fprintf(stderr, "amip kennzahlen: Hinweis: %s\n", warning.c_str());
  }
  const std::string before_start = CoverageMessage(computed->rows, /*after_end=*/false);
  const std::string after_end = CoverageMessage(computed->rows, /*after_end=*/true);
  if (!before_start.empty() || !after_end.empty()) {
    if (!args.partial) {
      if (!before_start.empty()) {
        std::fprintf(stderr,
                     "amip kennzahlen: Für einige Berichtsmonate reichen die Zeitfenster vor den "
                     "Beginn der Daten (%s); diese Werte wären falsch:\n%s"
                     "Wählen Sie spätere Berichtsmonate oder ein Extrakt mit früheren Daten "
                     "(--coverage-start, falls die Daten früher beginnen).\n",
                     computed->coverage_start.ToString().c_str(), before_start.c_str());
      }
      if (!after_end.empty()) {
        std::fprintf(stderr,
                     "amip kennzahlen: Für einige Berichtsmonate reichen die Zeitfenster über das "
                     "Ende der Daten hinaus (%s); diese Werte wären falsch:\n%s"
                     "Wählen Sie frühere Berichtsmonate oder ein späteres Extrakt "
                     "(--coverage-end, falls die Daten weiter reichen).\n",
                     computed->coverage_end.ToString().c_str(), after_end.c_str());
      }
      std::fprintf(stderr,
                   "Mit --partial werden nur die berechenbaren Werte ausgegeben, die übrigen "
                   "leer mit Hinweis.\n");
      return ExitCode::kDataError;
    }
    std::fprintf(stderr, "amip kennzahlen: nicht berechenbar (leer ausgegeben):\n%s%s",
                 before_start.c_str(), after_end.c_str());
  }
  if (targets) {
    const auto rows = indicators::TargetProgress(*computed, *targets, options.months);
    const report::Table table = TargetsTable(*extract, *targets, rows);
    std::printf("%s", table.Render(*format).c_str());
    return args.xlsx.empty() ? ExitCode::kOk : WriteTablesXlsx(args.xlsx, {{"Zielwerte", table}});
  }
  // CSV and JSON always carry the note column (stable interface); the table only when a row
  // has a note.
  const bool with_note = *format != report::OutputFormat::kTable || !before_start.empty() ||
                         !after_end.empty();
  std::printf("%s", RowsTable(*extract, *catalogue, computed->rows, options.by_municipality,
                              *format == report::OutputFormat::kTable, with_note)
                        .Render(*format)
                        .c_str());
  if (args.xlsx.empty()) return ExitCode::kOk;
  // The workbook carries raw values and the note column, as CSV does.
  return WriteTablesXlsx(args.xlsx, {{"Kennzahlen", RowsTable(*extract, *catalogue, computed->rows,
                                                              options.by_municipality, true, true)}});
}

void RegisterKennzahlen(CLI::App& app, CommandOutcome& outcome) {
  auto args = std::make_shared<KennzahlenArgs>();
  CLI::App* command = app.add_subcommand(
      "kennzahlen",
      "Kennzahlen nach § 48a SGB II (K1 … K3E4, bedarfsdeckende Integrationen) aus der "
      "Datenbank berechnen (docs/kennzahlen.md)");
  // The domains of the values (option_domain.h). Reporting months: from the first definition
  // in the indicator catalogue to the end of the calendar, at most kMaxReportingMonths.
  const MonthBoundsFn reporting_months = []() -> core::Result<MonthBounds> {
    AMIP_ASSIGN_OR_RETURN(indicators::Catalogue catalogue, indicators::LoadCatalogue());
    const core::MonthRange months = indicators::SupportedMonths(catalogue);
    return MonthBounds{months.first, months.last, kMaxReportingMonths,
                       "erste Definition im Kennzahlenkatalog bis Kalenderende"};
  };
  const auto known_indicator = [](std::string_view id) { return indicators::ParseIndicatorId(id).ok(); };
  std::string indicator_ids;
  for (int idx = 0; idx < indicators::kIndicatorCount; ++idx) {
    indicator_ids += (idx == 0 ? "" : ", ") +
                     std::string(indicators::ToString(static_cast<indicators::IndicatorId>(idx)));
  }
  command->add_option("--db", args->db, "SQLite-Datenbank (amip import)")->required()->check(NonEmpty("Pfad"));
  command->add_option("--months", args->months, "Berichtsmonate, z. B. 2024-01..2025-06 oder 2025-01..2025-06,2025-09")
      ->check(MonthRangeIn(reporting_months));
  command->add_option("--jc", args->jc, "nur dieses Jobcenter (jc_id)")->check(IdText());
  command->add_option("--by", args->by, "jobcenter (Standard) oder municipality")
      ->check(OneOf({"jobcenter", "municipality"}));
  AddFormatOption(command, args->format)->capture_default_str();
  command->add_option("--lzb", args->lzb, "LZB-Regel: days (638 von 730 Tagen) | months (21 von 24)")
      ->capture_default_str()
      ->check(OneOf({"days", "months"}));
  command->add_option("--flows", args->flows, "Zu-/Abgangsraten: weighted | simple")
      ->capture_default_str()
      ->check(OneOf({"weighted", "simple"}));
  command->add_option("--bdi-months", args->bdi_months,
                      "Nachbeobachtung bedarfsdeckender Integrationen in Monaten (0 = Katalog: 3)")
      ->check(IntegerIn(0, kMaxBdiMonths, "Monate"));
  command->add_option("--coverage-start", args->coverage_start,
                      "erster Tag der Daten, JJJJ-MM-TT (Standard: früheste Leistungszeit)")
      ->check(DateIn([] { return core::Result<DateBounds>(CalendarDays()); }));
  command->add_option("--coverage-end", args->coverage_end,
                      "letzter Tag der Daten, JJJJ-MM-TT (Standard: spätestes Datum im Extrakt: "
                      "Beginn oder Ende einer Leistungszeit, Beginn einer Beschäftigung, Ende "
                      "des letzten Anspruchsmonats)")
      ->check(DateIn([] { return core::Result<DateBounds>(CalendarDays()); }));
  command->add_option("--indicators", args->indicators, "Auswahl, z. B. K2,K3E1")
      ->check(ListOf(known_indicator, indicator_ids));
  command->add_option("--threads", args->threads, "Threads")
      ->capture_default_str()
      ->check(IntegerIn(1, kMaxThreads));
  command->add_flag("--partial", args->partial,
                    "nicht berechenbare Monate leer ausgeben statt abzubrechen");
  command->add_option("--explain", args->explain, "Person (person_id) erklären")->check(IdText());
  command->add_option("--month", args->month, "Berichtsmonat für --explain")->check(MonthIn(reporting_months));
  command->add_option("--targets", args->targets,
                      "Zielwerte (YAML, z. B. examples/targets/amip-2025.yaml): Ist, Ziel und "
                      "Jahresfortschrittswert")
      ->check(NonEmpty("Pfad"));
  command->add_option("--xlsx", args->xlsx, "zusätzlich eine Excel-Arbeitsmappe schreiben")->check(NonEmpty("Pfad"));
  command->callback([args, &outcome] {
    outcome.exit_code = RefuseOutput("--xlsx", args->xlsx, {args->db, args->targets}) ? ExitCode::kUsageError
                                                                                      : Run(*args);
  });
}

AMIP_REGISTER_COMMAND(40, RegisterKennzahlen);

}  // namespace
}  // namespace amip::cli
