// `amip bedarf`: entitlement of one household (CASE.yaml), a batch of cases (--batch
// CASES.csv listing case files) or every Bedarfsgemeinschaft of a Jobcenter extract
// (--db FILE --month M). Options: --date, --trace, --format table|csv|json, --job "39h@13.90",
// --hours-to-exit --wage 13.90. Output is a report::Table; net pay is approximated
// (benefits::kNettoHinweis), which every result states.
#include <cmath>
#include <filesystem>
#include <memory>
#include <sstream>

#include <nlohmann/json.hpp>

#include "benefits/bg_household.h"
#include "benefits/evaluate.h"
#include "benefits/household.h"
#include "benefits/law_cache.h"
#include "cli/command_registry.h"
#include "cli/option_domain.h"
#include "contract/extract.h"
#include "core/parallel.h"
#include "fileio/read_file.h"
#include "storage/extract_store.h"
#include "law/law_snapshot.h"
#include "law/local_rules.h"
#include "report/table.h"

namespace amip::cli {
namespace {

using core::Cents;

// Domain limits of the command line (plausibility, not law): a job of at most 80 hours a
// week (--job, --max-hours) and an hourly wage of at most 1.000,00 €.
constexpr int64_t kMaxWeeklyHours = 80;
constexpr Cents kMinWage = Cents::FromCents(1);
constexpr Cents kMaxWage = Cents::FromEuros(1000);

struct BedarfArgs {
  std::string case_file, batch, db, month, date, job, wage, person, format = "table";
  bool trace = false, hours_to_exit = false;
  int max_hours = 48;
};

// --job "STUNDEN h@EURO": weekly hours in (0, kMaxWeeklyHours] (decimal point or comma),
// an hourly wage kMinWage … kMaxWage with at most two decimals.
core::Result<benefits::Job> ParseJob(const std::string& text) {
  const auto bad = [&text](const std::string& why) {
    return core::InvalidArgumentError("'" + text + "' " + why +
                                      "; erwartet: \"STUNDEN h@EURO\", z. B. \"39h@13.90\" (Wochenstunden "
                                      "über 0 bis " + std::to_string(kMaxWeeklyHours) +
                                      ", Stundenlohn " + kMinWage.ToGermanString() + " bis " +
                                      kMaxWage.ToGermanString() + ")");
  };
  std::string compact;
  for (char c : text) {
    if (c != ' ') compact += c;
  }
  const size_t h_pos = compact.find("h@");
  if (h_pos == std::string::npos || h_pos == 0) return bad("hat nicht die Form STUNDEN h@EURO");
  std::string hours = compact.substr(0, h_pos), wage = compact.substr(h_pos + 2);
  std::replace(hours.begin(), hours.end(), ',', '.');
  std::replace(wage.begin(), wage.end(), ',', '.');
  benefits::Job job;
  if (!ParseDecimal(hours, &job.stunden_woche)) return bad("nennt keine Wochenstunden");
  if (job.stunden_woche <= 0 || job.stunden_woche > static_cast<double>(kMaxWeeklyHours)) {
    return bad("nennt Wochenstunden außerhalb des zulässigen Bereichs");
  }
  auto wage_cents = Cents::Parse(wage);
  if (!wage_cents.ok()) return bad("nennt keinen Stundenlohn in Euro");
  if (*wage_cents < kMinWage || *wage_cents > kMaxWage) return bad("nennt einen Stundenlohn außerhalb des zulässigen Bereichs");
  job.stundenlohn = *wage_cents;
  return job;
}

struct Context {
  const law::ParameterStore* store = nullptr;
  const law::LocalRules* local = nullptr;
};

core::Result<law::LawSnapshot> LawFor(const Context& ctx, core::Date date) {
  return law::ResolveLaw(*ctx.store, date);
}

report::Cell Money(Cents amount) { return {amount.ToGermanString(), amount.ToString()}; }

// A household of several BGs: one block per BG (fall "… BG <id>"), then its Wohngeld household.
// teil_bg: `e` is one BG of such a household (its Wohngeld is the BG's own potential).
void AddSummaryRows(report::Table& table, const std::string& fall, const benefits::Evaluation& e,
                    bool teil_bg = false) {
  auto row = [&](const std::string& key, const std::string& label, Cents value) {
    table.AddRow({{fall, fall}, {key, key}, {label, label}, Money(value)});
  };
  if (!e.bgs.empty()) {
    for (const benefits::Evaluation& bg : e.bgs) {
      AddSummaryRows(table, (fall.empty() ? "" : fall + " ") + "BG " + bg.bg_id, bg, true);
    }
    std::string ids;
    for (const std::string& id : e.wohngeldhaushalt) ids += (ids.empty() ? "" : ", ") + id;
    table.AddRow({{fall, fall}, {"wohngeld.wohngeldhaushalt", "wohngeld.wohngeldhaushalt"},
                  {"Wohngeldhaushalt (Mitglieder ohne SGB II)", "Wohngeldhaushalt (Mitglieder ohne SGB II)"},
                  {ids.empty() ? "-" : ids, ids}});  // none: "-" for people, empty (null) for machines
    if (e.wohngeld.has_value()) row("wohngeld.anspruchshoehe_m_wthh", "Wohngeld des Wohngeldhaushalts", e.wohngeld->anspruch_m);
    row("wohngeld.betrag_m_wthh", "Gezahltes Wohngeld (Haushalt)", e.wohngeld_betrag_m_wthh);
    row("arbeitslosengeld_2.betrag_m_hh", "Gezahltes Bürgergeld/Alg II (Haushalt)", e.sgb2_betrag_m_bg);
    row("kinderzuschlag.betrag_m_hh", "Gezahlter Kinderzuschlag (Haushalt)", e.kiz_betrag_m_bg);
    return;
  }
  row("arbeitslosengeld_2.regelbedarf_m_bg", "Bedarf der BG", e.sgb2.bedarf_m_bg);
  row("arbeitslosengeld_2.regelsatz_m_bg", "davon Regel- und Mehrbedarfe", e.sgb2.regelsatz_m_bg);
  row("arbeitslosengeld_2.kosten_der_unterkunft_m_bg", "davon Unterkunft und Heizung", e.sgb2.kdu_m_bg);
  row("arbeitslosengeld_2.einkommen_m_bg", "Anzurechnendes Einkommen", e.sgb2.einkommen_m_bg);
  row("arbeitslosengeld_2.anspruchshoehe_m_bg", "Möglicher Bürgergeld-/Alg II-Anspruch", e.sgb2.anspruch_m_bg);
  if (e.wohngeld.has_value()) {
    row(teil_bg ? "wohngeld.anspruchshoehe_m_bg" : "wohngeld.anspruchshoehe_m_wthh",
        teil_bg ? "Möglicher Wohngeldanspruch der BG allein" : "Möglicher Wohngeldanspruch", e.wohngeld->anspruch_m);
  }
  row("kinderzuschlag.anspruchshoehe_m_bg", "Möglicher Kinderzuschlag", e.kiz.anspruch_m_bg);
  const std::string vorrang = benefits::VorrangName(e.vorrang);
  const std::string label = e.vorrang == benefits::Vorrang::kSgb2 ? "Bürgergeld/Alg II wird gezahlt"
                            : e.vorrang == benefits::Vorrang::kVorrangigeLeistungen
                                ? "Vorrangige Leistungen (Wohngeld/KiZ) statt SGB II"
                                : "Keine Leistung: Bedarf gedeckt";
  table.AddRow({{fall, fall}, {"vorrang.ergebnis", "vorrang.ergebnis"}, {"Vorrangprüfung", "Vorrangprüfung"}, {label, vorrang}});
  row("arbeitslosengeld_2.betrag_m_bg", "Gezahltes Bürgergeld/Alg II", e.sgb2_betrag_m_bg);
  if (!teil_bg) row("wohngeld.betrag_m_wthh", "Gezahltes Wohngeld", e.wohngeld_betrag_m_wthh);
  row("kinderzuschlag.betrag_m_bg", "Gezahlter Kinderzuschlag", e.kiz_betrag_m_bg);
  for (const auto& p : e.sgb2.personen) {
    if (p.anspruch.value() > 0) {
      row("arbeitslosengeld_2.anspruch_m." + p.id, "Möglicher Anspruch " + p.id + " (Bedarfsanteil)", p.anspruch);
    }
  }
}

void AddHinweis(report::Table& table) {
  table.AddTextRow({"", "hinweis_nettolohn", "Hinweis", benefits::kNettoHinweis});
}

report::Table MakeTable(const std::string& title) {
  return report::Table({{"fall", "Fall"},
                        {"groesse", "Größe"},
                        {"bezeichnung", "Bezeichnung"},
                        {"wert", "Wert", report::Align::kRight, true}},
                       title);
}

report::Table MakeTraceTable() {
  return report::Table({{"programm", "Programm"},
                        {"groesse", "Größe"},
                        {"person", "Person"},
                        {"wert", "Wert", report::Align::kRight, true},
                        {"erlaeuterung", "Erläuterung"},
                        {"formel", "Formelversion"},
                        {"rechtsgrundlage", "Rechtsgrundlage (Parameter)"}},
                       "Rechenweg (Trace)");
}

// "-" marks a quantity that was not computed (e.g. Wohngeld without Mietstufe): missing.
report::Table TraceTable(const benefits::Trace& trace) {
  report::Table table = MakeTraceTable();
  for (const auto& step : trace.steps()) {
    table.AddRow({{step.programme, step.programme},
                  {step.quantity, step.quantity},
                  {step.person, step.person},
                  {step.value, step.value == "-" ? "" : step.value},
                  {step.explanation, step.explanation},
                  {step.formula, step.formula},
                  {step.references, step.references}});
  }
  return table;
}

// The result table, and with --trace the Rechenweg: JSON is one document (an array without
// --trace, an object {titel, ergebnis, rechenweg} with it); table and CSV print the trace
// as a second block after an empty line.
void PrintResult(const report::Table& result, const benefits::Trace* trace, report::OutputFormat format) {
  if (format == report::OutputFormat::kJson && trace != nullptr) {
    nlohmann::ordered_json doc = nlohmann::ordered_json::object();
    doc["titel"] = result.title();
    doc["ergebnis"] = result.ToJson();
    doc["rechenweg"] = TraceTable(*trace).ToJson();
    std::printf("%s", report::DumpJson(doc).c_str());
    return;
  }
  std::printf("%s", result.Render(format).c_str());
  if (trace != nullptr) std::printf("\n%s", TraceTable(*trace).Render(format).c_str());
}

core::Result<benefits::HouseholdCase> LoadCase(const std::string& path) {
  AMIP_ASSIGN_OR_RETURN(std::string text, fileio::ReadRegularFile(path, fileio::kMaxYamlBytes));
  return benefits::ParseHouseholdCase(text, path);
}

ExitCode RunOne(const Context& ctx, const BedarfArgs& args, report::OutputFormat format) {
  auto hcase = LoadCase(args.case_file);
  if (!hcase.ok()) return ReportError(hcase.status());
  benefits::Household household = hcase->household;
  if (!args.date.empty()) {  // in the law coverage (checked when parsed)
    auto date = core::Date::Parse(args.date);
    if (!date.ok()) return ReportError(date.status().WithContext("--date"));
    household.datum = *date;
  }
  auto law = LawFor(ctx, household.datum);
  if (!law.ok()) return ReportError(law.status());
  benefits::EvaluateOptions options;
  benefits::Trace trace(&*law);
  const std::string title = hcase->name + " — " + household.datum.ToString();
  if (args.hours_to_exit) {
    if (args.wage.empty()) return UsageError("bedarf", "--hours-to-exit braucht --wage EURO (z. B. 13.90)");
    if (!args.job.empty()) return UsageError("bedarf", "--hours-to-exit und --job schließen sich aus");
    auto wage = Cents::Parse(args.wage);
    if (!wage.ok()) return ReportError(wage.status().WithContext("--wage"));
    auto result = benefits::StundenBisBedarfsdeckung(household, *wage, args.person, *law, ctx.local,
                                                     options, args.max_hours);
    if (!result.ok()) return ReportError(result.status());
    report::Table table = MakeTable(title + " — Stunden bis zur Bedarfsdeckung bei " + wage->ToGermanString() + "/h");
    const std::string answer = result->stunden.has_value()
                                   ? std::to_string(static_cast<int>(*result->stunden)) + " h/Woche"
                                   : "keine bis " + std::to_string(args.max_hours) + " h";
    table.AddRow({{"", ""}, {"stunden_bis_bedarfsdeckung_w", "stunden_bis_bedarfsdeckung_w"},
                  {"Kleinste Wochenstunden ohne SGB II-Bezug", "Kleinste Wochenstunden ohne SGB II-Bezug"},
                  {answer, result->stunden.has_value() ? std::to_string(static_cast<int>(*result->stunden)) : "none"}});
    table.AddRow({{"", ""}, {"bruttolohn_m", "bruttolohn_m"}, {"Monatsbrutto dabei", "Monatsbrutto dabei"}, Money(result->brutto_m)});
    AddSummaryRows(table, "", result->evaluation);
    AddHinweis(table);
    std::printf("%s", table.Render(format).c_str());
    return ExitCode::kOk;
  }
  std::string job_label;
  if (!args.job.empty()) {
    auto job = ParseJob(args.job);
    if (!job.ok()) return UsageError("bedarf", "--job: " + job.status().message());
    job->person_id = args.person;
    auto with_job = benefits::MitJob(household, *job);
    if (!with_job.ok()) return ReportError(with_job.status());
    household = *with_job;
    job_label = " — mit Job " + args.job + " (Monatsbrutto " +
                benefits::MonatsbruttoAusJob(job->stunden_woche, job->stundenlohn).ToGermanString() + ")";
    if (job->stundenlohn < law->arbeit.mindestlohn) {
      std::fprintf(stderr, "Warnung: Stundenlohn %s liegt unter dem Mindestlohn %s (%s)\n",
                   job->stundenlohn.ToGermanString().c_str(), law->arbeit.mindestlohn.ToGermanString().c_str(),
                   law->Cite("arbeit/mindestlohn.mindestlohn").c_str());
    }
  }
  auto e = benefits::Evaluate(household, *law, ctx.local, options, &trace);
  if (!e.ok()) return ReportError(e.status());
  report::Table table = MakeTable(title + job_label);
  AddSummaryRows(table, "", *e);
  if (!args.job.empty()) {
    const bool ends = e->vorrang != benefits::Vorrang::kSgb2;
    table.AddRow({{"", ""}, {"job_beendet_hilfebeduerftigkeit", "job_beendet_hilfebeduerftigkeit"},
                  {"Beendet der Job den SGB II-Bezug?", "Beendet der Job den SGB II-Bezug?"},
                  {ends ? "ja" : "nein", ends ? "true" : "false"}});
  }
  AddHinweis(table);
  PrintResult(table, args.trace ? &trace : nullptr, format);
  return ExitCode::kOk;
}

// --batch CASES.csv: first column = path of a case file (relative to the CSV), header optional.
ExitCode RunBatch(const Context& ctx, const BedarfArgs& args, report::OutputFormat format) {
  auto text = fileio::ReadRegularFile(args.batch, fileio::kMaxListBytes);
  if (!text.ok()) return ReportError(text.status());
  const std::filesystem::path base = std::filesystem::path(args.batch).parent_path();
  benefits::LawCache laws(*ctx.store);  // the law is resolved once per date of the batch
  report::Table table = MakeTable("Stapelberechnung " + args.batch);
  std::istringstream lines(*text);
  std::string line;
  int line_no = 0, failed = 0;
  while (std::getline(lines, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const std::string path = line.substr(0, line.find(','));
    if (path.empty() || path == "case" || path == "fall" || path[0] == '#') continue;
    const std::string full = (base / path).string();
    auto hcase = LoadCase(full);
    core::Result<const law::LawSnapshot*> law = hcase.ok() ? laws.For(hcase->household.datum)
                                                           : core::Result<const law::LawSnapshot*>(hcase.status());
    core::Result<benefits::Evaluation> e =
        law.ok() ? benefits::Evaluate(hcase->household, **law, ctx.local, {}, nullptr)
                 : core::Result<benefits::Evaluation>(law.status());
    if (!e.ok()) {
      ++failed;
      std::fprintf(stderr, "%s:%d: %s\n", args.batch.c_str(), line_no, e.status().message().c_str());
      continue;
    }
    AddSummaryRows(table, path, *e);
  }
  AddHinweis(table);
  std::printf("%s", table.Render(format).c_str());
  return failed > 0 ? ExitCode::kDataError : ExitCode::kOk;
}

ExitCode RunDb(const Context& ctx, const BedarfArgs& args, report::OutputFormat format) {
  if (args.month.empty()) return UsageError("bedarf", "--db braucht --month JJJJ-MM");
  auto month = core::Month::Parse(args.month);  // in the law coverage (checked when parsed)
  if (!month.ok()) return ReportError(month.status().WithContext("--month"));
  storage::LoadOptions load;
  load.tables = benefits::RequiredTables();  // not the measure and unemployment spells
  auto extract = storage::LoadExtract(args.db, load);
  if (!extract.ok()) return ReportError(extract.status());
  auto law = LawFor(ctx, month->FirstDay());
  if (!law.ok()) return ReportError(law.status());
  Cents wage = law->arbeit.mindestlohn;
  if (!args.wage.empty()) {
    auto parsed = Cents::Parse(args.wage);
    if (!parsed.ok()) return ReportError(parsed.status().WithContext("--wage"));
    wage = *parsed;
  }
  report::Table table({{"bg_id", "BG"},
                       {"gemeinde", "Gemeinde"},
                       {"personen", "Pers.", report::Align::kRight, true},
                       {"regelbedarf_m_bg", "Bedarf", report::Align::kRight, true},
                       {"einkommen_m_bg", "Einkommen", report::Align::kRight, true},
                       {"anspruchshoehe_m_bg", "Anspruch SGB II", report::Align::kRight, true},
                       {"leistung_laut_auszug_m", "Leistung lt. Auszug", report::Align::kRight, true},
                       {"bedarfsdeckend", "bedarfsdeckend", report::Align::kLeft, true},
                       {"vorrang", "Vorrangprüfung"},
                       {"wohngeld_m", "Wohngeld", report::Align::kRight, true},
                       {"kinderzuschlag_m", "KiZ", report::Align::kRight, true},
                       {"stunden_bis_bedarfsdeckung_w", "Std. bis Deckung", report::Align::kRight, true}},
                      "Bedarfsberechnung aller BGs " + month->ToString() + " (" + args.db + ")");
  // Every BG is evaluated in turn; the hours-to-exit search (up to --max-hours evaluations
  // per BG in need) runs on all cores, and the rows keep the BGs' order.
  struct Row {
    contract::BgIdx bg;
    std::string ags;
    size_t personen = 0;
    Cents bedarf_m, einkommen_m, anspruch_m, claims_m, wohngeld_m, kiz_m;
    benefits::Vorrang vorrang = benefits::Vorrang::kSgb2;
    benefits::Household household;  // only for a BG in need
    std::string hours;
  };
  std::vector<Row> rows;
  rows.reserve(extract->bg_ids.size());
  int covered = 0;
  const benefits::ClaimCheck check = benefits::CheckClaims(
      *extract, *month, *law, ctx.local,
      [&](contract::BgIdx bg, const benefits::BgOfMonth& in, const benefits::Household& household,
          const benefits::Evaluation& e) {
        const bool deckend = e.vorrang != benefits::Vorrang::kSgb2;
        covered += deckend;
        Row row{bg,
                in.facts.ags,
                household.personen.size(),
                e.sgb2.bedarf_m_bg,
                e.sgb2.einkommen_m_bg,
                e.sgb2.anspruch_m_bg,
                in.claims_m,
                e.wohngeld_betrag_m_wthh,
                e.kiz_betrag_m_bg,
                e.vorrang,
                {},
                deckend ? "0" : ""};
        if (args.max_hours > 0 && wage.value() > 0 && !deckend) row.household = household;
        rows.push_back(std::move(row));
      });
  core::ParallelFor(rows.size(), core::ThreadCount(0), 64, [&](size_t index) {
    Row& row = rows[index];
    if (row.household.personen.empty()) return;
    auto exit = benefits::StundenBisBedarfsdeckung(row.household, wage, "", *law, ctx.local, {}, args.max_hours);
    row.hours = !exit.ok() ? "error" : exit->stunden.has_value() ? std::to_string(static_cast<int>(*exit->stunden)) : "none";
    row.household = {};
  });
  auto money = [](Cents c) { return report::Cell{c.ToGermanString(), c.ToString()}; };
  for (const Row& row : rows) {
    const bool deckend = row.vorrang != benefits::Vorrang::kSgb2;
    const std::string size = std::to_string(row.personen);
    table.AddRow({{extract->bg_ids[row.bg], extract->bg_ids[row.bg]},
                  {row.ags, row.ags},
                  {size, size},
                  money(row.bedarf_m),
                  money(row.einkommen_m),
                  money(row.anspruch_m),
                  money(row.claims_m),
                  {deckend ? "ja" : "nein", deckend ? "true" : "false"},
                  {benefits::VorrangName(row.vorrang), benefits::VorrangName(row.vorrang)},
                  money(row.wohngeld_m),
                  money(row.kiz_m),
                  {row.hours == "none" ? "keine bis " + std::to_string(args.max_hours) + " h" : row.hours, row.hours}});
  }
  std::printf("%s", table.Render(format).c_str());
  std::fprintf(stderr,
               "%d BGs im Monat %s: %d berechnet, %d mit Bedarfsdeckung durch aktuelles Einkommen oder "
               "vorrangige Leistungen, %d ohne Wohnkostenangaben in bg_housing (nicht berechnet), %d Fehler%s%s\n"
               "%d von %d BGs stimmen auf den Cent mit den Leistungen laut Auszug überein (%s %%); "
               "%d nicht hilfebedürftig, davon %d mit Leistungen laut Auszug%s%s\n"
               "Stunden bis Bedarfsdeckung beim Stundenlohn %s (Person: Haushaltsvorstand).\n"
               "Hinweis: %s.\n",
               check.bgs, month->ToString().c_str(), check.computed, covered, check.no_housing, check.errors,
               check.errors > 0 ? "; erster Fehler: " : "", check.first_error.c_str(), check.agree, check.computed,
               report::FormatGermanNumber(100.0 * check.AgreeShare(), 2).c_str(), check.not_in_need,
               check.not_in_need_with_claims, check.first_mismatch.empty() ? "" : "; erste Abweichung: ",
               check.first_mismatch.c_str(), wage.ToGermanString().c_str(), benefits::kNettoHinweis);
  return ExitCode::kOk;
}

void RegisterBedarf(CLI::App& app, CommandOutcome& outcome) {
  auto args = std::make_shared<BedarfArgs>();
  auto* cmd = app.add_subcommand(
      "bedarf", "Bürgergeld/Alg II, Wohngeld, Kinderzuschlag und Vorrangprüfung eines Haushalts");
  // The domains of the values (option_domain.h); dates and months within the law coverage.
  cmd->add_option("case", args->case_file, "Haushaltsfall (YAML, docs/household-cases.md)")->check(NonEmpty("Pfad"));
  cmd->add_option("--date", args->date, "Berechnungstag JJJJ-MM-TT (überschreibt 'period')")->check(DateIn(LawDays));
  cmd->add_flag("--trace", args->trace, "Rechenweg mit Parametern und Rechtsgrundlagen ausgeben");
  AddFormatOption(cmd, args->format);
  cmd->add_option("--batch", args->batch, "CSV-Datei mit einem Fallpfad je Zeile")->check(NonEmpty("Pfad"));
  cmd->add_option("--job", args->job, "Jobangebot \"STUNDEN h@EURO\", z. B. \"39h@13.90\"")
      ->check(CLI::Validator(
          [](std::string& text) -> std::string {
            auto job = ParseJob(text);
            return job.ok() ? "" : job.status().message();
          },
          "STUNDENh@EURO"));
  cmd->add_flag("--hours-to-exit", args->hours_to_exit, "Kleinste Wochenstunden, die den SGB II-Bezug beenden");
  cmd->add_option("--wage", args->wage, "Stundenlohn für --hours-to-exit und --db")->check(EuroIn(kMinWage, kMaxWage));
  cmd->add_option("--person", args->person, "Person, die den Job annimmt (Standard: erste erwachsene)")
      ->check(IdText());
  cmd->add_option("--max-hours", args->max_hours, "Obergrenze für --hours-to-exit (Standard 48)")
      ->check(IntegerIn(1, kMaxWeeklyHours, "Wochenstunden"));
  cmd->add_option("--db", args->db, "Jobcenter-Datenbank (Batch über alle BGs, mit --month)")->check(NonEmpty("Pfad"));
  cmd->add_option("--month", args->month, "Monat JJJJ-MM für --db")->check(MonthIn(LawMonths));
  cmd->callback([&outcome, args] {
    if (!args->month.empty() && args->db.empty()) {
      outcome.exit_code = UsageError("bedarf", "--month gilt nur mit --db; für einen Fall: --date JJJJ-MM-TT");
      return;
    }
    if (!args->wage.empty() && args->db.empty() && !args->hours_to_exit) {
      outcome.exit_code = UsageError("bedarf", "--wage gilt nur mit --hours-to-exit oder --db");
      return;
    }
    auto format = report::ParseOutputFormat(args->format);
    if (!format.ok()) {
      outcome.exit_code = ReportError(format.status());
      return;
    }
    Context ctx;
    auto store = law::EmbeddedStore();
    if (!store.ok()) {
      outcome.exit_code = ReportError(store.status());
      return;
    }
    ctx.store = *store;
    auto local = law::EmbeddedLocalRules();
    if (!local.ok()) {
      outcome.exit_code = ReportError(local.status());
      return;
    }
    ctx.local = *local;
    if (!args->db.empty()) {
      outcome.exit_code = RunDb(ctx, *args, *format);
      return;
    }
    if (!args->batch.empty()) {
      outcome.exit_code = RunBatch(ctx, *args, *format);
      return;
    }
    if (args->case_file.empty()) {
      outcome.exit_code = UsageError("bedarf", "Haushaltsfall (YAML), --batch CSV oder --db DATEI fehlt");
      return;
    }
    outcome.exit_code = RunOne(ctx, *args, *format);
  });
}

}  // namespace

AMIP_REGISTER_COMMAND(60, RegisterBedarf);

}  // namespace amip::cli
