// `amip budget check|plan|control|optimize PLAN`: budget planning and controlling of a
// Jobcenter (docs/budget.md). The plan file (YAML) is checked against its own arithmetic
// identities; with --db the measure spells of an imported extract give the Vorbindungen, the
// Ist of the controlling, the observed effects for the optimiser and the KdU per municipality.
// Output: German tables (--format table|csv|json), optionally an Excel workbook (--xlsx).
// Exit codes (docs/cli.md): 0 ok; 1 plan rejected, (check) an identity does not hold, or
// (control --strict) the Hochrechnung leaves the budget; 2 usage; 3 internal; 4 (check and
// control with --db) finding: the plan does not fit the data.
#include <cmath>
#include <cstdio>
#include <memory>
#include <optional>

#include <nlohmann/json.hpp>

#include "budget/catalogue.h"
#include "budget/checker.h"
#include "budget/controlling.h"
#include "budget/effects.h"
#include "budget/optimizer.h"
#include "budget/plan.h"
#include "cli/command_registry.h"
#include "cli/option_domain.h"
#include "report/budget_workbook.h"
#include "report/table.h"
#include "storage/extract_store.h"

namespace amip::cli {
namespace {

struct BudgetArgs {
  std::string plan;
  std::string db;
  std::string month;
  std::string xlsx;
  std::string format = "table";
  std::string schwelle;  // empty: the plan's controlling.schwelle_prozent
  bool plan_effects = false;
  bool strict = false;
};

struct Loaded {
  budget::BudgetCatalogue catalogue;
  budget::Plan plan;
  std::optional<contract::Extract> extract;
  report::OutputFormat format = report::OutputFormat::kTable;
};

core::Result<Loaded> Load(const BudgetArgs& args, bool need_db) {
  Loaded loaded;
  AMIP_ASSIGN_OR_RETURN(loaded.format, report::ParseOutputFormat(args.format));
  AMIP_ASSIGN_OR_RETURN(loaded.catalogue, budget::LoadBudgetCatalogue());
  AMIP_ASSIGN_OR_RETURN(loaded.plan, budget::LoadPlanFile(args.plan, loaded.catalogue));
  if (need_db && args.db.empty()) return core::InvalidArgumentError("--db FILE is required");
  if (!args.db.empty()) {
    AMIP_ASSIGN_OR_RETURN(contract::Extract extract, storage::LoadExtract(args.db));
    loaded.extract = std::move(extract);
  }
  return loaded;
}

ExitCode Print(const Loaded& loaded, const std::vector<report::BudgetSheet>& sheets,
               const std::string& xlsx) {
  if (loaded.format == report::OutputFormat::kJson) {
    // One JSON object: sheet name -> the table's rows.
    nlohmann::ordered_json doc = nlohmann::ordered_json::object();
    for (const report::BudgetSheet& sheet : sheets) {
      AMIP_ASSERT(!doc.contains(sheet.sheet_name), "two budget sheets with the same name");
      doc[sheet.sheet_name] = sheet.table.ToJson();
    }
    std::printf("%s", report::DumpJson(doc).c_str());
  } else {
    for (const report::Table& table : report::Tables(sheets)) {
      std::printf("%s\n", table.Render(loaded.format).c_str());
    }
  }
  if (!xlsx.empty()) {
    const core::Status status = report::WriteBudgetWorkbook(xlsx, sheets);
    if (!status.ok()) return ReportError(status);
    std::fprintf(stderr, "Arbeitsmappe geschrieben: %s (%zu Blätter)\n", xlsx.c_str(), sheets.size());
  }
  return ExitCode::kOk;
}

// Plan against data: prints one stderr line per finding; true when there is one.
bool ReportFindings(const BudgetArgs& args, const std::vector<budget::IdentityCheck>& checks) {
  for (const budget::IdentityCheck& check : checks) {
    if (check.outcome != budget::Outcome::kFinding) continue;
    std::fprintf(stderr,
                 "Befund: Plan passt nicht zu den Daten (%s, Zeile %d): %s — Plan %s, Daten %s, Differenz %s, "
                 "zulässig %s\n",
                 args.plan.c_str(), check.line, check.description.c_str(),
                 core::Cents::FromCents(std::llround(check.printed * 100)).ToGermanString().c_str(),
                 core::Cents::FromCents(std::llround(check.computed * 100)).ToGermanString().c_str(),
                 core::Cents::FromCents(std::llround(check.difference * 100)).ToGermanString().c_str(),
                 core::Cents::FromCents(std::llround(check.tolerance * 100)).ToGermanString().c_str());
  }
  return budget::CountFindings(checks) > 0;
}

core::Result<std::vector<budget::IdentityCheck>> DataChecks(const Loaded& loaded) {
  if (!loaded.extract) return std::vector<budget::IdentityCheck>{};
  AMIP_ASSIGN_OR_RETURN(budget::Vorbindungen vorbindungen,
                        budget::ComputeVorbindungen(*loaded.extract, loaded.plan, loaded.plan.jahr));
  return budget::CheckPlanAgainstData(loaded.plan, vorbindungen);
}

ExitCode RunCheck(const BudgetArgs& args) {
  core::Result<Loaded> loaded = Load(args, false);
  if (!loaded.ok()) return ReportError(loaded.status());
  const std::vector<budget::IdentityCheck> checks = budget::CheckPlan(loaded->plan);
  std::vector<report::BudgetSheet> sheets{report::BudgetCheckSheet(loaded->plan, checks)};
  core::Result<std::vector<budget::IdentityCheck>> checked = DataChecks(*loaded);
  if (!checked.ok()) return ReportError(checked.status());
  const std::vector<budget::IdentityCheck>& data_checks = *checked;
  if (loaded->extract) sheets.push_back(report::BudgetDataCheckSheet(loaded->plan, data_checks));
  const ExitCode printed = Print(*loaded, sheets, args.xlsx);
  if (printed != ExitCode::kOk) return printed;
  const int deviations = budget::CountDeviations(checks);
  if (deviations > 0) {
    std::fprintf(stderr, "%s: %d von %zu Identitäten stimmen nicht (siehe Spalte Differenz)\n",
                 args.plan.c_str(), deviations, checks.size());
  }
  if (ReportFindings(args, data_checks)) return ExitCode::kPlanDataFinding;
  return deviations > 0 ? ExitCode::kDataError : ExitCode::kOk;
}

ExitCode RunPlan(const BudgetArgs& args) {
  core::Result<Loaded> loaded = Load(args, false);
  if (!loaded.ok()) return ReportError(loaded.status());
  core::Result<std::vector<report::BudgetSheet>> sheets = report::BudgetPlanSheets(
      loaded->plan, loaded->catalogue, loaded->extract ? &*loaded->extract : nullptr);
  if (!sheets.ok()) return ReportError(sheets.status());
  return Print(*loaded, *sheets, args.xlsx);
}

// --schwelle as a number (its text was checked when parsed); none: the plan's threshold.
std::optional<double> Schwelle(const BudgetArgs& args) {
  double percent = 0;
  if (args.schwelle.empty() || !ParseDecimal(args.schwelle, &percent)) return std::nullopt;
  return percent;
}

ExitCode RunControl(const BudgetArgs& args) {
  core::Result<Loaded> loaded = Load(args, true);
  if (!loaded.ok()) return ReportError(loaded.status());
  core::Result<core::Month> month = core::Month::Parse(args.month);
  if (!month.ok()) return ReportError(month.status().WithContext("--month"));
  if (month->year() != loaded->plan.jahr) {  // the domain of --month is the plan year
    return UsageError("budget control", "--month: " + args.month + " liegt nicht im Planjahr " +
                                            std::to_string(loaded->plan.jahr) + " von " + args.plan +
                                            "; erlaubt: " + std::to_string(loaded->plan.jahr) + "-01 bis " +
                                            std::to_string(loaded->plan.jahr) + "-12");
  }
  core::Result<budget::ControllingReport> report =
      budget::ComputeControlling(*loaded->extract, loaded->plan, *month, Schwelle(args));
  if (!report.ok()) return ReportError(report.status());
  core::Result<std::vector<budget::IdentityCheck>> checked = DataChecks(*loaded);
  if (!checked.ok()) return ReportError(checked.status());
  const std::vector<budget::IdentityCheck>& data_checks = *checked;
  std::vector<report::BudgetSheet> sheets{report::BudgetDataCheckSheet(loaded->plan, data_checks)};
  for (report::BudgetSheet& sheet : report::BudgetControllingSheets(*report, loaded->catalogue)) {
    sheets.push_back(std::move(sheet));
  }
  const ExitCode printed = Print(*loaded, sheets, args.xlsx);
  if (printed != ExitCode::kOk) return printed;
  const bool finding = ReportFindings(args, data_checks);
  if (report->first_warning_month) {
    const budget::MonthProjection& last = report->projections.back();
    std::fprintf(stderr,
                 "Warnung: Hochrechnung verlässt das Budget — seit %d-%02d weicht sie um mehr als %s %% ab "
                 "(%d-%02d: %s %%)%s\n",
                 report->jahr, *report->first_warning_month,
                 report::FormatGermanNumber(report->threshold_percent, 1).c_str(), report->jahr, last.month,
                 report::FormatGermanNumber(last.deviation_percent, 2).c_str(),
                 args.strict ? "" : "; Exit-Code 1 nur mit --strict");
  }
  if (finding) return ExitCode::kPlanDataFinding;
  if (report->first_warning_month && args.strict) return ExitCode::kDataError;
  return ExitCode::kOk;
}

ExitCode RunOptimize(const BudgetArgs& args) {
  core::Result<Loaded> loaded = Load(args, false);
  if (!loaded.ok()) return ReportError(loaded.status());
  std::vector<budget::ObservedEffect> observed;
  std::optional<budget::Vorbindungen> vorbindungen;
  if (loaded->extract) {
    observed = budget::EstimateEffects(*loaded->extract, budget::OptimizerCodes(loaded->plan),
                                       loaded->plan.optimierung.wirkungsfenster_monate);
    core::Result<budget::Vorbindungen> computed =
        budget::ComputeVorbindungen(*loaded->extract, loaded->plan, loaded->plan.jahr);
    if (!computed.ok()) return ReportError(computed.status());
    vorbindungen = std::move(*computed);
  }
  const budget::BudgetFigures figures =
      budget::ResolveBudget(loaded->plan, vorbindungen ? &*vorbindungen : nullptr);
  core::Result<budget::OptimizerInput> input =
      budget::BuildOptimizerInput(loaded->plan, figures.neugeschaeft, observed, args.plan_effects);
  if (!input.ok()) return ReportError(input.status());
  core::Result<budget::OptimizerResult> result = budget::Optimize(*input);
  if (!result.ok()) return ReportError(result.status());
  return Print(*loaded, report::BudgetOptimizerSheets(*input, *result, loaded->catalogue), args.xlsx);
}

// Runs a budget subcommand unless --xlsx names its plan or database (exit 2, nothing written).
ExitCode Run(ExitCode (*run)(const BudgetArgs&), const BudgetArgs& args) {
  if (RefuseOutput("--xlsx", args.xlsx, {args.plan, args.db})) return ExitCode::kUsageError;
  return run(args);
}

void AddCommon(CLI::App* command, BudgetArgs& args) {
  command->add_option("PLAN", args.plan, "Plandatei (YAML, docs/budget.md)")->required()->check(NonEmpty("Pfad"));
  AddFormatOption(command, args.format)->capture_default_str();
  command->add_option("--xlsx", args.xlsx, "zusätzlich eine Excel-Arbeitsmappe schreiben")->check(NonEmpty("Pfad"));
}

void RegisterBudget(CLI::App& app, CommandOutcome& outcome) {
  CLI::App* budget = app.add_subcommand(
      "budget", "Budgetplanung und -controlling: Plan prüfen, planen, Plan-Ist-Vergleich, optimieren");
  budget->require_subcommand(1);
  auto args = std::make_shared<BudgetArgs>();

  CLI::App* check = budget->add_subcommand(
      "check", "jede Rechenbeziehung des Plans prüfen (Summen, Differenzen, Anteile)");
  AddCommon(check, *args);
  check->add_option("--db", args->db,
                    "SQLite-Datenbank (amip import): Plan gegen Daten prüfen (Vorbindungen), Befund = Exit-Code 4")
      ->check(NonEmpty("Pfad"));
  check->callback([args, &outcome] { outcome.exit_code = Run(RunCheck, *args); });

  CLI::App* plan = budget->add_subcommand(
      "plan", "Budget, Vorbindungen, Instrumentenplan, Mittelabfluss, VE und KdU");
  AddCommon(plan, *args);
  plan->add_option("--db", args->db, "SQLite-Datenbank (amip import): Vorbindungen und KdU aus Daten")
      ->check(NonEmpty("Pfad"));
  plan->callback([args, &outcome] { outcome.exit_code = Run(RunPlan, *args); });

  CLI::App* control = budget->add_subcommand(
      "control", "Plan-Ist-Vergleich je Instrument und Monat mit Hochrechnung und Warnung");
  AddCommon(control, *args);
  control->add_option("--db", args->db, "SQLite-Datenbank (amip import)")->required()->check(NonEmpty("Pfad"));
  // Any month of the calendar parses; RunControl then requires the plan year.
  control->add_option("--month", args->month, "Berichtsmonat im Planjahr, z. B. 2025-06")
      ->required()
      ->check(MonthIn([]() -> core::Result<MonthBounds> {
        return MonthBounds{core::Date::Min().ToMonth(), core::Date::Max().ToMonth(), 0, "darstellbarer Kalender"};
      }));
  // A share of the budget, like controlling.schwelle_prozent in the plan (0 … 100 %).
  control->add_option("--schwelle", args->schwelle,
                      "Warnschwelle in % des Budgets (Standard: controlling.schwelle_prozent)")
      ->check(NumberIn(0, 100, "%"));
  control->add_flag("--strict", args->strict,
                    "Exit-Code 1, wenn die Hochrechnung das Budget verlässt (sonst nur Warnung)");
  control->callback([args, &outcome] { outcome.exit_code = Run(RunControl, *args); });

  CLI::App* optimize = budget->add_subcommand(
      "optimize", "Neugeschäft auf Instrumente aufteilen (GLPK): maximale erwartete Integrationen");
  AddCommon(optimize, *args);
  optimize->add_option("--db", args->db,
                       "SQLite-Datenbank: Wirkungen aus der eigenen Historie, Vorbindungen aus Daten")
      ->check(NonEmpty("Pfad"));
  optimize->add_flag("--wirkung-aus-plan", args->plan_effects,
                     "Wirkungen des Plans verwenden, auch wenn Daten vorliegen");
  optimize->callback([args, &outcome] { outcome.exit_code = Run(RunOptimize, *args); });
}

}  // namespace

AMIP_REGISTER_COMMAND(65, RegisterBudget);

}  // namespace amip::cli
