#include "report/budget_workbook.h"

#include <xlsxwriter.h>

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <map>
#include <set>

#include "budget/kdu.h"
#include "fileio/atomic_file.h"

namespace amip::report {

namespace {

using budget::IdentityCheck;
using core::Cents;

constexpr const char* kMonthNames[] = {"Jan", "Feb", "Mär", "Apr", "Mai", "Jun",
                                       "Jul", "Aug", "Sep", "Okt", "Nov", "Dez"};

Cell Euro(Cents amount) { return {amount.ToGermanString(), amount.ToString()}; }
Cell EuroDouble(double euros) {
  return Euro(Cents::FromCents(static_cast<int64_t>(std::llround(euros * 100.0))));
}
// The exact amount of a Euro cell's raw text ("227500.00"); raw euro texts are written by
// Cents::ToString, so they always parse.
Cents CentsOf(const std::string& raw) {
  const core::Result<Cents> parsed = Cents::Parse(raw);
  AMIP_ASSERT(parsed.ok(), "euro cell is not an exact amount");
  return *parsed;
}
Cell Percent(double value, int decimals = 1) {
  return {FormatGermanNumber(value, decimals) + " %", fmt::format("{:.{}f}", value, decimals + 2)};
}
Cell Count(int64_t value) { return {FormatGermanInt(value), std::to_string(value)}; }
Cell Decimal(double value, int decimals) {
  return {FormatGermanNumber(value, decimals), fmt::format("{:.{}f}", value, decimals + 2)};
}
Cell Text(std::string text) { return {text, text}; }
Cell Empty() { return {"", ""}; }

Column Left(std::string key, std::string label) { return {std::move(key), std::move(label), Align::kLeft, false}; }
Column Num(std::string key, std::string label) { return {std::move(key), std::move(label), Align::kRight, true}; }

std::string NameOf(const budget::BudgetCatalogue& catalogue, const std::string& code) {
  const budget::PlanInstrument* entry = catalogue.Find(code);
  return entry != nullptr ? entry->name : code;
}

Cell ValueIn(budget::Unit unit, double value) {
  switch (unit) {
    case budget::Unit::kEuro:
      return EuroDouble(value);
    case budget::Unit::kPercent:
      return {FormatGermanNumber(value, 2) + " %", fmt::format("{:.4f}", value)};
    case budget::Unit::kCount:
      return Decimal(value, 0);
  }
  return Empty();
}

int SumRow(Table& table, const std::string& label) {
  std::vector<Cell> cells(table.columns().size(), Empty());
  cells[0] = Text(label);
  table.AddRow(cells);
  return static_cast<int>(table.rows().size()) - 1;
}

// Fills the numeric cells of `row` in `table` with the sum of the rows before it.
Table WithSums(const Table& table, int sum_row, const std::vector<std::string>& keys) {
  Table result(table.columns(), table.title());
  for (int row_idx = 0; row_idx < static_cast<int>(table.rows().size()); ++row_idx) {
    std::vector<Cell> cells = table.rows()[static_cast<size_t>(row_idx)];
    if (row_idx == sum_row) {
      for (size_t col = 0; col < table.columns().size(); ++col) {
        const std::string& key = table.columns()[col].key;
        if (std::find(keys.begin(), keys.end(), key) == keys.end()) continue;
        const bool euro = key.size() > 4 && key.compare(key.size() - 4, 4, "_eur") == 0;
        double total = 0;
        Cents cents;
        for (int other = 0; other < sum_row; ++other) {
          const std::string& raw = table.rows()[static_cast<size_t>(other)][col].raw;
          if (raw.empty()) continue;
          if (euro) {
            cents += CentsOf(raw);
          } else {
            total += std::stod(raw);
          }
        }
        if (euro) {
          cells[col] = Euro(cents);
        } else if (key.find("_prozent") != std::string::npos) {
          cells[col] = Percent(total);
        } else {
          // Entries are whole numbers (planned entries per month are apportioned).
          const bool whole = key.find("_anzahl") != std::string::npos || key.find("eintritte") != std::string::npos;
          cells[col] = Decimal(total, whole ? 0 : 1);
        }
      }
    }
    result.AddRow(cells);
  }
  return result;
}

}  // namespace

BudgetSheet BudgetCheckSheet(const budget::Plan& plan, const std::vector<IdentityCheck>& checks) {
  Table table({Num("nr_anzahl", "Nr."), Num("zeile_anzahl", "Zeile"), Left("identitaet", "Identität"),
               Num("gedruckt_wert", "Gedruckt"), Num("berechnet_wert", "Berechnet"),
               Num("differenz_wert", "Differenz"), Num("toleranz_wert", "Toleranz"),
               Left("ergebnis", "Ergebnis")},
              fmt::format("Plan-Prüfung {} ({}): {} Identitäten, {} Abweichungen", plan.jahr, plan.file,
                          checks.size(), budget::CountDeviations(checks)));
  BudgetSheet sheet{Table({}), "Plan-Prüfung", {}, {}, {}};
  int row = 0;
  for (const IdentityCheck& check : checks) {
    std::string description = check.description;
    if (check.outcome == budget::Outcome::kDerived) {
      description += " → nicht gedruckt: " + check.derived;
    }
    std::string result(budget::OutcomeLabel(check.outcome));
    Cell computed = ValueIn(check.unit, check.computed);
    if (check.relation == budget::Relation::kAtMost) computed.text = "≤ " + computed.text;
    if (check.relation == budget::Relation::kBetween) {
      computed.text = ValueIn(check.unit, check.lower).text + " … " + ValueIn(check.unit, check.upper).text;
    }
    table.AddRow({Count(row + 1), Count(check.line), Text(description), ValueIn(check.unit, check.printed),
                  computed, ValueIn(check.unit, check.difference), ValueIn(check.unit, check.tolerance),
                  Text(result)});
    if (check.relation == budget::Relation::kEquals && check.outcome != budget::Outcome::kDerived) {
      sheet.cell_formulas.emplace_back(row, "differenz_wert", "{gedruckt_wert}-{berechnet_wert}");
    }
    ++row;
  }
  sheet.table = std::move(table);
  return sheet;
}

BudgetSheet BudgetDataCheckSheet(const budget::Plan& plan, const std::vector<IdentityCheck>& checks) {
  const int findings = budget::CountFindings(checks);
  Table table({Num("nr_anzahl", "Nr."), Num("zeile_anzahl", "Zeile"), Left("pruefung", "Prüfung"),
               Num("plan_eur", "Plan"), Num("daten_eur", "Daten"), Num("differenz_eur", "Differenz"),
               Num("toleranz_eur", "Toleranz"), Left("ergebnis", "Ergebnis")},
              fmt::format("Plan gegen Daten {} ({}): {} (Schwelle {} % des Planwerts zuzüglich Rundung)", plan.jahr,
                          plan.file,
                          checks.empty()   ? "keine Prüfung (der Plan nennt keine Vorbindungen)"
                          : findings == 0 ? std::string("kein Befund")
                                          : fmt::format("{} Befund{} — Plan passt nicht zu den Daten", findings,
                                                        findings == 1 ? "" : "e"),
                          FormatGermanNumber(plan.controlling.vorbindungen_schwelle_prozent, 1)));
  BudgetSheet sheet{Table({}), "Plan gegen Daten", {{"differenz_eur", "{plan_eur}-{daten_eur}"}}, {}, {}};
  int row = 0;
  for (const IdentityCheck& check : checks) {
    table.AddRow({Count(row + 1), Count(check.line), Text(check.description), EuroDouble(check.printed),
                  EuroDouble(check.computed), EuroDouble(check.difference), EuroDouble(check.tolerance),
                  Text(std::string(budget::OutcomeLabel(check.outcome)))});
    ++row;
  }
  sheet.table = std::move(table);
  return sheet;
}

core::Result<std::vector<BudgetSheet>> BudgetPlanSheets(const budget::Plan& plan,
                                                        const budget::BudgetCatalogue& catalogue,
                                                        const contract::Extract* extract) {
  std::vector<BudgetSheet> sheets;
  std::optional<budget::Vorbindungen> vorbindungen;
  if (extract != nullptr) {
    AMIP_ASSIGN_OR_RETURN(vorbindungen, budget::ComputeVorbindungen(*extract, plan, plan.jahr));
  }
  const budget::BudgetFigures figures =
      budget::ResolveBudget(plan, vorbindungen ? &*vorbindungen : nullptr);
  const budget::InstrumentPlanCash cash = budget::ComputeInstrumentPlanCash(plan);

  {  // Budget lines.
    const budget::Eingliederungsbudget& egt = plan.egt;
    Table table({Left("position", "Position"), Num("betrag_eur", "Betrag"), Left("quelle", "Quelle")},
                fmt::format("Eingliederungsbudget {} — {}", plan.jahr, plan.jobcenter));
    BudgetSheet sheet{Table({}), "Budget", {}, {}, {}};
    auto source = [](const budget::MoneyFigure& figure) { return figure.present ? "gedruckt" : "—"; };
    // Row 3 is the Umschichtung: subtracted from a Zuteilung printed before the shift, shown
    // for information only when the printed Zuteilung is already the money after it.
    const bool after_shift = egt.zuteilung_stand == budget::ZuteilungStand::kNachUmschichtung;
    table.AddRow({Text(after_shift ? "Zuteilung nach Umschichtung (Eingliederungshaushalt)" : "Zuteilung"),
                  Euro(egt.zuteilung.value), Text(source(egt.zuteilung))});
    table.AddRow({Text("+ Ausfinanzierung"), Euro(egt.ausfinanzierung.value), Text(source(egt.ausfinanzierung))});
    table.AddRow({Text("+ pauschale Erstattungen"), Euro(egt.pauschale_erstattungen.value),
                  Text(source(egt.pauschale_erstattungen))});
    table.AddRow({Text(after_shift ? "(Umschichtung EGT → VK, in der Zuteilung bereits abgezogen)"
                                   : "− Umschichtung EGT → VK"),
                  Euro(egt.umschichtung_egt_nach_vk.value),
                  Text(after_shift && egt.umschichtung_egt_nach_vk.present ? "gedruckt, nicht erneut abgezogen"
                                                                           : source(egt.umschichtung_egt_nach_vk))});
    table.AddRow({Text("= EGL Gesamtbudget"), Euro(figures.gesamtbudget),
                  Text(egt.gesamtbudget.present ? "gedruckt" : "berechnet")});
    if (!egt.gesamtbudget.present) {
      sheet.cell_formulas.emplace_back(4, "betrag_eur",
                                       after_shift ? "{r0:betrag_eur}+{r1:betrag_eur}+{r2:betrag_eur}"
                                                   : "{r0:betrag_eur}+{r1:betrag_eur}+{r2:betrag_eur}-{r3:betrag_eur}");
    }
    table.AddRow({Text("− Vorbindungen"), Euro(figures.vorbindungen),
                  Text(figures.vorbindungen_from_data ? "aus Daten"
                       : egt.vorbindungen.present     ? "gedruckt"
                                                      : "abgeleitet")});
    table.AddRow({Text("= Budget Neugeschäft"), Euro(figures.neugeschaeft),
                  Text(figures.neugeschaeft_printed ? "gedruckt" : "berechnet")});
    if (!figures.neugeschaeft_printed) sheet.cell_formulas.emplace_back(6, "betrag_eur", "{r4:betrag_eur}-{r5:betrag_eur}");
    table.AddRow({Text("Geplante Ausgaben Neugeschäft (Instrumentenplan)"), Euro(cash.egt_cash_year),
                  Text("berechnet")});
    table.AddRow({Text("Verfügbar nach Instrumentenplan"), Euro(figures.neugeschaeft - cash.egt_cash_year),
                  Text("berechnet")});
    sheet.cell_formulas.emplace_back(8, "betrag_eur", "{r6:betrag_eur}-{r7:betrag_eur}");
    if (figures.vorbindungen_from_data && figures.neugeschaeft_printed) {
      // The printed Neugeschäft rests on the plan's Vorbindungen; show both readings.
      table.AddRow({Text("Neugeschäft rechnerisch (Gesamtbudget − Vorbindungen aus Daten)"),
                    Euro(figures.gesamtbudget - figures.vorbindungen), Text("berechnet")});
      sheet.cell_formulas.emplace_back(9, "betrag_eur", "{r4:betrag_eur}-{r5:betrag_eur}");
      const budget::BudgetFigures plan_only = budget::ResolveBudget(plan, nullptr);
      table.AddRow({Text(plan.egt.vorbindungen.present ? "Vorbindungen laut Plan (gedruckt)"
                                                       : "Vorbindungen laut Plan (abgeleitet)"),
                    Euro(plan_only.vorbindungen), Text(plan.egt.vorbindungen.present ? "gedruckt" : "abgeleitet")});
    }
    sheet.table = std::move(table);
    sheets.push_back(std::move(sheet));
  }

  {  // Instrument plan.
    Table table({Left("instrument", "Instrument"), Left("bezeichnung", "Bezeichnung"), Left("fp", "FP"),
                 Num("eintritte_anzahl", "Eintritte/Plätze"), Num("vorjahr_anzahl", "Vorjahr"),
                 Num("kosten_je_eintritt_eur", "Kosten je Eintritt"), Num("dauer_anzahl", "Dauer (Monate)"),
                 Left("finanzierung", "Finanzierung"), Num("ausgaben_jahr_eur", fmt::format("Ausgaben {}", plan.jahr)),
                 Num("ve_eur", "VE Folgejahre"), Num("kosten_gesamt_eur", "Kosten gesamt")},
                fmt::format("Instrumentenplan {}", plan.jahr));
    BudgetSheet sheet{Table({}), "Instrumentenplan", {}, {}, {}};
    std::vector<int> summed;
    auto add_line = [&](const budget::InstrumentLine& line, bool sub) {
      const budget::LineCash line_cash = budget::ComputeLineCash(line, plan.jahr);
      Cents ve;
      for (const auto& [year, amount] : line_cash.ve) ve += amount;
      const auto position = plan.finanzposition_of.find(line.code);
      std::string entries_text = (line.eintritte.upper_bound ? "< " : "") +
                                 FormatGermanInt(static_cast<int64_t>(line.eintritte.value + (line.eintritte.upper_bound ? 1 : 0)));
      table.AddRow({Text((sub ? "  davon " : "") + line.code), Text(NameOf(catalogue, line.code)),
                    Text(position == plan.finanzposition_of.end() ? "" : position->second),
                    {entries_text, fmt::format("{:.0f}", line.eintritte.value)},
                    line.eintritte_vorjahr.present ? Count(static_cast<int64_t>(line.eintritte_vorjahr.value)) : Empty(),
                    line.kosten_je_eintritt.present ? Euro(line.kosten_je_eintritt.value) : Empty(),
                    line.dauer_monate > 0 ? Count(line.dauer_monate) : Empty(), Text(line.finanzierung),
                    line_cash.costed ? Euro(line_cash.cash_year) : Empty(),
                    line_cash.costed ? Euro(ve) : Empty(),
                    line_cash.costed ? Euro(line_cash.total_cost) : Empty()});
      const int row = static_cast<int>(table.rows().size()) - 1;
      if (!sub) summed.push_back(row);
      if (line_cash.costed) sheet.cell_formulas.emplace_back(row, "kosten_gesamt_eur", "{ausgaben_jahr_eur}+{ve_eur}");
    };
    for (const budget::InstrumentLine& line : plan.instrumente) {
      add_line(line, false);
      for (const budget::InstrumentLine& sub : line.darunter) add_line(sub, true);
    }
    if (!plan.instrumente.empty()) {
      // Sums over the top-level EGT-financed lines.
      std::vector<std::vector<Cell>> rows = table.rows();
      double entries = 0;
      Cents year;
      Cents ve;
      Cents total;
      std::vector<int> egt_rows;
      for (int row : summed) {
        const auto& cells = rows[static_cast<size_t>(row)];
        if (cells[7].raw != "egt") continue;
        egt_rows.push_back(row);
        entries += cells[3].raw.empty() ? 0 : std::stod(cells[3].raw);
        if (!cells[8].raw.empty()) year += CentsOf(cells[8].raw);
        if (!cells[9].raw.empty()) ve += CentsOf(cells[9].raw);
        if (!cells[10].raw.empty()) total += CentsOf(cells[10].raw);
      }
      table.AddRow({Text("Summe EGT"), Empty(), Empty(), Decimal(entries, 0), Empty(), Empty(), Empty(), Empty(),
                    Euro(year), Euro(ve), Euro(total)});
      const int sum_row = static_cast<int>(table.rows().size()) - 1;
      for (const char* key : {"eintritte_anzahl", "ausgaben_jahr_eur", "ve_eur", "kosten_gesamt_eur"}) {
        std::string formula = "SUM(";
        for (size_t idx = 0; idx < egt_rows.size(); ++idx) {
          formula += fmt::format("{}{{r{}:{}}}", idx == 0 ? "" : ",", egt_rows[idx], key);
        }
        sheet.cell_formulas.emplace_back(sum_row, key, formula + ")");
      }
    }
    sheet.table = std::move(table);
    sheets.push_back(std::move(sheet));
  }

  {  // Monthly cash outflow and entries.
    std::vector<Column> columns{Left("instrument", "Instrument")};
    for (int month = 1; month <= 12; ++month) {
      columns.push_back(Num(fmt::format("m{:02d}_eur", month), kMonthNames[month - 1]));
    }
    columns.push_back(Num("jahr_eur", "Jahr"));
    Table table(columns, fmt::format("Monatlicher Mittelabfluss {} (EGT)", plan.jahr));
    std::vector<Column> entry_columns{Left("instrument", "Instrument")};
    for (int month = 1; month <= 12; ++month) {
      entry_columns.push_back(Num(fmt::format("m{:02d}_anzahl", month), kMonthNames[month - 1]));
    }
    entry_columns.push_back(Num("jahr_anzahl", "Jahr"));
    // Whole entries per month (largest remainder of the profile), adding up to the line.
    Table entries_by_month(entry_columns, fmt::format("Geplante Eintritte je Monat {}", plan.jahr));
    for (const budget::LineCash& line : cash.lines) {
      std::vector<Cell> entry_cells{Text(line.code)};
      for (double value : line.entries_by_month) entry_cells.push_back(Count(std::llround(value)));
      entry_cells.push_back(Count(std::llround(line.entries)));
      entries_by_month.AddRow(entry_cells);
      if (!line.egt || !line.costed) continue;
      std::vector<Cell> cells{Text(line.code)};
      for (const Cents& amount : line.cash_by_month) cells.push_back(Euro(amount));
      cells.push_back(Euro(line.cash_year));
      table.AddRow(cells);
    }
    if (vorbindungen) {
      std::vector<Cell> cells{Text("Vorbindungen (Daten)")};
      for (const Cents& amount : vorbindungen->by_month) cells.push_back(Euro(amount));
      cells.push_back(Euro(vorbindungen->total));
      table.AddRow(cells);
    }
    std::vector<std::string> keys;
    for (const Column& column : columns) {
      if (column.numeric) keys.push_back(column.key);
    }
    const int sum_row = SumRow(table, "Summe");
    BudgetSheet sheet{WithSums(table, sum_row, keys), "Mittelabfluss", {{"jahr_eur", "SUM({m01_eur}:{m12_eur})"}}, {sum_row}, {}};
    sheets.push_back(std::move(sheet));
    BudgetSheet entries_sheet{std::move(entries_by_month), "Eintritte je Monat",
                              {{"jahr_anzahl", "SUM({m01_anzahl}:{m12_anzahl})"}}, {}, {}};
    sheets.push_back(std::move(entries_sheet));
  }

  {  // Finanzpositionen: shares of this year's new cash, against printed shares.
    std::map<std::string, Cents> by_position;
    for (const budget::LineCash& line : cash.lines) {
      if (!line.egt) continue;
      const auto position = plan.finanzposition_of.find(line.code);
      if (position != plan.finanzposition_of.end()) by_position[position->second] += line.cash_year;
    }
    const budget::Anteile* printed = nullptr;
    for (const budget::Anteile& shares : plan.anteile) {
      if (shares.jahr == plan.jahr) printed = &shares;
    }
    Table table({Left("fp", "FP"), Left("bezeichnung", "Finanzposition"), Num("ausgaben_eur", "Ausgaben Neugeschäft"),
                 Num("anteil_prozent", "Anteil (berechnet)"), Num("gedruckt_prozent", "Anteil (gedruckt)"),
                 Num("gedruckt_eur", "Neugeschäft × gedruckter Anteil")},
                fmt::format("Anteile der Finanzpositionen am Neugeschäft {}", plan.jahr));
    BudgetSheet sheet{Table({}), "Finanzpositionen", {}, {}, {}};
    const double total = cash.egt_cash_year.euros();
    int row = 0;
    const int position_count = static_cast<int>(catalogue.positions().size());
    for (const budget::Finanzposition& position : catalogue.positions()) {
      const Cents amount = by_position[position.code];
      Cell printed_cell = Empty();
      Cell printed_amount = Empty();
      if (printed != nullptr && printed->finanzpositionen.count(position.code) > 0) {
        const double share = printed->finanzpositionen.at(position.code).value;
        printed_cell = Percent(share, 2);
        printed_amount = EuroDouble(figures.neugeschaeft.euros() * share / 100.0);
      }
      table.AddRow({Text(position.code), Text(position.name), Euro(amount),
                    total > 0 ? Percent(amount.euros() / total * 100.0) : Empty(), printed_cell,
                    printed_amount});
      if (total > 0) {
        sheet.cell_formulas.emplace_back(row, "anteil_prozent",
                                         fmt::format("{{ausgaben_eur}}/SUM({{r0:ausgaben_eur}}:{{r{}:ausgaben_eur}})*100",
                                                     position_count - 1));
      }
      ++row;
    }
    sheet.table = std::move(table);
    sheets.push_back(std::move(sheet));
  }

  {  // Verpflichtungsermächtigungen.
    std::vector<Column> columns{Left("jahr", "Jahr"), Num("ve_neugeschaeft_eur", "VE aus Neugeschäft")};
    if (vorbindungen) columns.push_back(Num("vorbindungen_daten_eur", "Bindungen bestehender Teilnahmen"));
    Table table(columns, fmt::format("Verpflichtungsermächtigungen für die Folgejahre (Plan {})", plan.jahr));
    std::set<int> years;
    for (const auto& [year, amount] : cash.egt_ve) years.insert(year);
    if (vorbindungen) {
      for (const auto& [year, amount] : vorbindungen->later_years) years.insert(year);
    }
    for (int year : years) {
      const auto planned = cash.egt_ve.find(year);
      Cents bound;
      if (vorbindungen && vorbindungen->later_years.count(year) > 0) bound = vorbindungen->later_years.at(year);
      std::vector<Cell> cells{Text(std::to_string(year)),
                              Euro(planned == cash.egt_ve.end() ? Cents() : planned->second)};
      if (vorbindungen) cells.push_back(Euro(bound));
      table.AddRow(cells);
    }
    const int sum_row = SumRow(table, "Summe");
    sheets.push_back({WithSums(table, sum_row, {"ve_neugeschaeft_eur", "vorbindungen_daten_eur"}),
                      "VE", {}, {sum_row}, {}});
  }

  if (!plan.drittmittel.empty()) {
    Table table({Left("projekt", "Projekt"), Num("volumen_eur", "Finanzvolumen"),
                 Num("kofinanzierung_eur", "Kofinanzierung"), Num("eintritte_anzahl", "Eintritte"),
                 Num("integrationen_wert", "Erwartete Integrationen")},
                fmt::format("Drittmittel und Projekte {}", plan.jahr));
    for (const budget::Drittmittelprojekt& project : plan.drittmittel) {
      table.AddRow({Text(project.name), Euro(project.volumen.value),
                    project.kofinanzierung.present ? Euro(project.kofinanzierung.value) : Empty(),
                    project.eintritte.present ? Count(static_cast<int64_t>(project.eintritte.value)) : Empty(),
                    project.erwartete_integrationen.present ? Decimal(project.erwartete_integrationen.value, 1) : Empty()});
    }
    const int sum_row = SumRow(table, "Summe");
    sheets.push_back({WithSums(table, sum_row, {"volumen_eur", "kofinanzierung_eur", "eintritte_anzahl"}),
                      "Drittmittel", {}, {sum_row}, {}});
  }

  if (plan.kdu.present) {
    Table table({Left("position", "Position"), Num("ansatz_vorjahr_eur", fmt::format("Ansatz {}", plan.jahr - 1)),
                 Num("ist_vorjahr_eur", fmt::format("Ist {}", plan.jahr - 1)),
                 Num("ansatz_eur", fmt::format("Ansatz {}", plan.jahr)),
                 Num("ausschoepfung_prozent", "Ist/Ansatz Vorjahr"),
                 Num("veraenderung_eur", "Ansatz − Ist Vorjahr")},
                fmt::format("KdU-Budget {} (Kosten der Unterkunft und Heizung)", plan.jahr));
    for (const budget::KdUPosition& position : plan.kdu.positionen) {
      const double base = position.ansatz_vorjahr.value.euros();
      table.AddRow({Text(position.name), Euro(position.ansatz_vorjahr.value), Euro(position.ist_vorjahr.value),
                    Euro(position.ansatz.value),
                    base > 0 ? Percent(position.ist_vorjahr.value.euros() / base * 100.0) : Empty(),
                    Euro(position.ansatz.value - position.ist_vorjahr.value)});
    }
    const int sum_row = SumRow(table, "Gesamt");
    Table summed = WithSums(table, sum_row, {"ansatz_vorjahr_eur", "ist_vorjahr_eur", "ansatz_eur", "veraenderung_eur"});
    // The total's ratio.
    Table final_table(summed.columns(), summed.title());
    for (int row = 0; row < static_cast<int>(summed.rows().size()); ++row) {
      std::vector<Cell> cells = summed.rows()[static_cast<size_t>(row)];
      if (row == sum_row && !cells[1].raw.empty() && std::stod(cells[1].raw) > 0) {
        cells[4] = Percent(std::stod(cells[2].raw) / std::stod(cells[1].raw) * 100.0);
      }
      final_table.AddRow(cells);
    }
    BudgetSheet sheet{std::move(final_table), "KdU",
                      {{"ausschoepfung_prozent", "{ist_vorjahr_eur}/{ansatz_vorjahr_eur}*100"},
                       {"veraenderung_eur", "{ansatz_eur}-{ist_vorjahr_eur}"}},
                      {sum_row}, {}};
    sheet.cell_formulas.emplace_back(sum_row, "ausschoepfung_prozent", "{ist_vorjahr_eur}/{ansatz_vorjahr_eur}*100");
    sheets.push_back(std::move(sheet));
  }

  if (extract != nullptr) {
    {  // Vorbindungen by instrument.
      Table table({Left("instrument", "Instrument"), Left("bezeichnung", "Bezeichnung"),
                   Num("vorbindungen_eur", fmt::format("Vorbindungen {}", plan.jahr))},
                  fmt::format("Vorbindungen {} aus Teilnahmen, die vor {} begonnen haben ({} Teilnahmen, "
                              "davon {} mit offenem Ende)",
                              plan.jahr, plan.jahr, vorbindungen->spells, vorbindungen->open_spells));
      for (const auto& [code, amount] : vorbindungen->by_code) {
        table.AddRow({Text(code), Text(NameOf(catalogue, code)), Euro(amount)});
      }
      const int sum_row = SumRow(table, "Summe");
      sheets.push_back({WithSums(table, sum_row, {"vorbindungen_eur"}), "Vorbindungen", {}, {sum_row}, {}});
    }
    {  // KdU by municipality.
      const std::vector<budget::KdUMunicipality> previous = budget::KdUByMunicipality(*extract, plan.jahr - 1);
      const std::vector<budget::KdUMunicipality> current = budget::KdUByMunicipality(*extract, plan.jahr);
      Table table({Left("ags", "AGS"), Left("gemeinde", "Gemeinde"),
                   Num("kdu_vorjahr_eur", fmt::format("KdU Ist {}", plan.jahr - 1)),
                   Num("kdu_jahr_eur", fmt::format("KdU Ist {} (bis Datenende)", plan.jahr)),
                   Num("anteil_prozent", fmt::format("Anteil {}", plan.jahr - 1))},
                  fmt::format("KdU nach Gemeinden aus den Ansprüchen (luh), {} und {}", plan.jahr - 1, plan.jahr));
      std::map<std::string, std::pair<Cents, Cents>> by_name;
      std::vector<std::pair<std::string, std::string>> order;
      for (const auto* list : {&previous, &current}) {
        for (const budget::KdUMunicipality& entry : *list) {
          if (by_name.count(entry.name) == 0) order.emplace_back(entry.ags, entry.name);
          (list == &previous ? by_name[entry.name].first : by_name[entry.name].second) = entry.luh;
        }
      }
      Cents total_previous;
      for (const auto& [name, amounts] : by_name) total_previous += amounts.first;
      for (const auto& [ags, name] : order) {
        const auto& amounts = by_name[name];
        table.AddRow({Text(ags), Text(name), Euro(amounts.first), Euro(amounts.second),
                      total_previous.value() > 0 ? Percent(amounts.first.euros() / total_previous.euros() * 100.0)
                                                 : Empty()});
      }
      const int rows = static_cast<int>(order.size());
      const int sum_row = SumRow(table, "Summe");
      BudgetSheet sheet{WithSums(table, sum_row, {"kdu_vorjahr_eur", "kdu_jahr_eur", "anteil_prozent"}),
                        "KdU Gemeinden", {}, {sum_row}, {}};
      for (int row = 0; row < rows; ++row) {
        sheet.cell_formulas.emplace_back(row, "anteil_prozent",
                                         fmt::format("{{kdu_vorjahr_eur}}/{{r{}:kdu_vorjahr_eur}}*100", sum_row));
      }
      sheets.push_back(std::move(sheet));
    }
  }
  return sheets;
}

std::vector<BudgetSheet> BudgetControllingSheets(const budget::ControllingReport& report,
                                                 const budget::BudgetCatalogue& catalogue) {
  std::vector<BudgetSheet> sheets;
  {
    Table table({Left("instrument", "Instrument"), Left("monat", "Monat"),
                 Num("plan_eintritte_wert", "Eintritte Plan"), Num("ist_eintritte_wert", "Eintritte Ist"),
                 Num("abw_eintritte_wert", "Abweichung"), Num("plan_ausgaben_eur", "Ausgaben Plan"),
                 Num("ist_ausgaben_eur", "Ausgaben Ist"), Num("abw_ausgaben_eur", "Abweichung €")},
                fmt::format("Plan-Ist-Vergleich {} bis {:02d}/{} je Instrument und Monat", report.jahr,
                            report.as_of_month, report.jahr));
    for (const budget::ControllingRow& row : report.rows) {
      table.AddRow({Text(row.code), Text(fmt::format("{}-{:02d}", report.jahr, row.month)),
                    Decimal(row.plan_entries, 0), Decimal(static_cast<double>(row.ist_entries), 0),
                    Decimal(static_cast<double>(row.ist_entries) - row.plan_entries, 0), Euro(row.plan_cash),
                    Euro(row.ist_cash), Euro(row.ist_cash - row.plan_cash)});
    }
    const int sum_row = SumRow(table, "Summe");
    sheets.push_back({WithSums(table, sum_row,
                               {"plan_eintritte_wert", "ist_eintritte_wert", "abw_eintritte_wert",
                                "plan_ausgaben_eur", "ist_ausgaben_eur", "abw_ausgaben_eur"}),
                      "Plan-Ist",
                      {{"abw_eintritte_wert", "{ist_eintritte_wert}-{plan_eintritte_wert}"},
                       {"abw_ausgaben_eur", "{ist_ausgaben_eur}-{plan_ausgaben_eur}"}},
                      {sum_row},
                      {}});
  }
  {  // Year to date per instrument.
    Table table({Left("instrument", "Instrument"), Left("bezeichnung", "Bezeichnung"),
                 Num("plan_eintritte_wert", "Eintritte Plan"), Num("ist_eintritte_wert", "Eintritte Ist"),
                 Num("erfuellung_prozent", "Erfüllung Eintritte"), Num("plan_ausgaben_eur", "Ausgaben Plan"),
                 Num("ist_ausgaben_eur", "Ausgaben Ist"), Num("abw_ausgaben_eur", "Abweichung €")},
                fmt::format("Plan-Ist kumuliert {} bis {:02d}/{}", report.jahr, report.as_of_month, report.jahr));
    std::vector<std::string> order;
    std::map<std::string, budget::ControllingRow> totals;
    for (const budget::ControllingRow& row : report.rows) {
      if (totals.count(row.code) == 0) order.push_back(row.code);
      budget::ControllingRow& total = totals[row.code];
      total.plan_entries += row.plan_entries;
      total.ist_entries += row.ist_entries;
      total.plan_cash += row.plan_cash;
      total.ist_cash += row.ist_cash;
    }
    for (const std::string& code : order) {
      const budget::ControllingRow& total = totals[code];
      table.AddRow({Text(code), Text(NameOf(catalogue, code)), Decimal(total.plan_entries, 0),
                    Decimal(static_cast<double>(total.ist_entries), 0),
                    total.plan_entries > 0
                        ? Percent(static_cast<double>(total.ist_entries) / total.plan_entries * 100.0)
                        : Empty(),
                    Euro(total.plan_cash), Euro(total.ist_cash), Euro(total.ist_cash - total.plan_cash)});
    }
    const int sum_row = SumRow(table, "Summe");
    sheets.push_back({WithSums(table, sum_row,
                               {"plan_eintritte_wert", "ist_eintritte_wert", "plan_ausgaben_eur",
                                "ist_ausgaben_eur", "abw_ausgaben_eur"}),
                      "Plan-Ist kumuliert",
                      {{"erfuellung_prozent", "{ist_eintritte_wert}/{plan_eintritte_wert}*100"},
                       {"abw_ausgaben_eur", "{ist_ausgaben_eur}-{plan_ausgaben_eur}"}},
                      {sum_row},
                      {}});
  }
  {
    Table table({Left("monat", "Monat"), Num("ist_kumuliert_eur", "Ist kumuliert"),
                 Num("bindungen_eur", "Bindungen Rest des Jahres"), Num("restplan_eur", "Restplanung"),
                 Num("hochrechnung_eur", "Hochrechnung"), Num("budget_eur", "Budget"),
                 Num("luecke_eur", "Budget − Hochrechnung"), Num("abweichung_prozent", "Abweichung"),
                 Left("warnung", "Warnung")},
                fmt::format("Hochrechnung {} (Schwelle {} %){}", report.jahr,
                            FormatGermanNumber(report.threshold_percent, 1),
                            report.first_warning_month
                                ? fmt::format(" — Warnung: Hochrechnung verlässt das Budget, erstmals im Monat "
                                              "{}-{:02d}",
                                              report.jahr, *report.first_warning_month)
                                : " — Hochrechnung innerhalb der Schwelle, keine Warnung"));
    for (const budget::MonthProjection& projection : report.projections) {
      table.AddRow({Text(fmt::format("{}-{:02d}", report.jahr, projection.month)), Euro(projection.ist_cumulative),
                    Euro(projection.bindings), Euro(projection.remaining_plan), Euro(projection.projection),
                    Euro(projection.budget), Euro(projection.gap), Percent(projection.deviation_percent, 2),
                    Text(projection.warning ? "verlässt Budget" : "")});
    }
    sheets.push_back({std::move(table),
                      "Hochrechnung",
                      {{"hochrechnung_eur", "{ist_kumuliert_eur}+{bindungen_eur}+{restplan_eur}"},
                       {"luecke_eur", "{budget_eur}-{hochrechnung_eur}"},
                       {"abweichung_prozent", "({hochrechnung_eur}-{budget_eur})/{budget_eur}*100"}},
                      {},
                      {}});
  }
  return sheets;
}

std::vector<BudgetSheet> BudgetOptimizerSheets(const budget::OptimizerInput& input,
                                               const budget::OptimizerResult& result,
                                               const budget::BudgetCatalogue& catalogue) {
  std::vector<BudgetSheet> sheets;
  {
    Table table({Left("instrument", "Instrument"), Left("bezeichnung", "Bezeichnung"), Left("fp", "FP"),
                 Num("wirkung_wert", "Integrationen je Eintritt"), Left("quelle", "Quelle der Wirkung"),
                 Num("kosten_jahr_eur", fmt::format("Ausgaben {} je Eintritt", input.jahr)),
                 Num("plan_anzahl", "Plan"), Num("min_anzahl", "Min"), Num("max_anzahl", "Max"),
                 Num("optimal_anzahl", "Optimal"), Num("lp_wert", "LP-Lösung"),
                 Num("ausgaben_eur", fmt::format("Ausgaben {}", input.jahr)),
                 Num("integrationen_wert", "Erwartete Integrationen")},
                fmt::format("Optimierte Aufteilung des Neugeschäfts {} ({} Budget)", input.jahr,
                            EuroDouble(input.budget).text));
    for (size_t idx = 0; idx < input.variables.size(); ++idx) {
      const budget::OptimizerVariable& variable = input.variables[idx];
      const double entries = static_cast<double>(result.entries[idx]);
      table.AddRow({Text(variable.code), Text(NameOf(catalogue, variable.code)), Text(variable.finanzposition),
                    Decimal(variable.effect, 3), Text(variable.effect_source), EuroDouble(variable.cash_per_entry),
                    Decimal(variable.planned_entries, 0), Count(variable.min_entries), Count(variable.max_entries),
                    Count(result.entries[idx]), Decimal(result.lp_entries[idx], 1),
                    EuroDouble(variable.cash_per_entry * entries), Decimal(variable.effect * entries, 1)});
    }
    const int sum_row = SumRow(table, "Summe");
    sheets.push_back({WithSums(table, sum_row,
                               {"plan_anzahl", "optimal_anzahl", "ausgaben_eur", "integrationen_wert"}),
                      "Optimierung",
                      {{"ausgaben_eur", "{kosten_jahr_eur}*{optimal_anzahl}"},
                       {"integrationen_wert", "{wirkung_wert}*{optimal_anzahl}"}},
                      {sum_row},
                      {}});
  }
  {
    Table table({Left("restriktion", "Restriktion"), Num("wert_wert", "Wert (Lösung)"),
                 Num("untergrenze_wert", "Untergrenze"), Num("obergrenze_wert", "Obergrenze"),
                 Num("schlupf_wert", "Schlupf"), Left("bindend", "Bindend (LP)"), Num("dual_wert", "Dualwert (LP)"),
                 Num("je_1000_eur_wert", "Integrationen je 1.000 € mehr")},
                "Restriktionen der Optimierung (Dualwerte der LP-Relaxation)");
    for (const budget::ConstraintReport& constraint : result.constraints) {
      const int decimals = constraint.kind == budget::ConstraintKind::kBudget ||
                                   constraint.kind == budget::ConstraintKind::kVe
                               ? 2
                               : 1;
      table.AddRow({Text(constraint.name), Decimal(constraint.activity, decimals),
                    constraint.lower ? Decimal(*constraint.lower, decimals) : Empty(),
                    constraint.upper ? Decimal(*constraint.upper, decimals) : Empty(),
                    Decimal(constraint.slack, decimals), Text(constraint.binding_lp ? "ja" : "nein"),
                    {FormatGermanNumber(constraint.dual, 6), fmt::format("{:.9f}", constraint.dual)},
                    constraint.kind == budget::ConstraintKind::kBudget || constraint.kind == budget::ConstraintKind::kVe
                        ? Decimal(constraint.dual * 1000.0, 3)
                        : Empty()});
    }
    sheets.push_back({std::move(table), "Restriktionen", {}, {}, {}});
  }
  {
    Table table({Left("kennzahl", "Kennzahl"), Num("wert_wert", "Wert")}, "Ergebnis der Optimierung");
    table.AddRow({Text("Erwartete Integrationen (ganzzahlige Lösung)"), Decimal(result.objective, 2)});
    table.AddRow({Text("Obere Schranke (LP-Relaxation)"), Decimal(result.lp_bound, 2)});
    table.AddRow({Text("Abstand zur Schranke in %"),
                  Decimal(result.lp_bound > 0 ? (result.lp_bound - result.objective) / result.lp_bound * 100.0 : 0, 3)});
    table.AddRow({Text(fmt::format("Ausgaben {} der Lösung (€)", input.jahr)), Decimal(result.cash, 2)});
    table.AddRow({Text("1.000 € mehr Budget ergeben zusätzlich (Integrationen, Dualwert)"),
                  Decimal(result.per_1000_euros, 3)});
    table.AddRow({Text(std::string("Hinweis: ") + std::string(budget::EffectCaveat())), Empty()});
    sheets.push_back({std::move(table), "Ergebnis", {}, {}, {}});
  }
  return sheets;
}

std::vector<Table> Tables(const std::vector<BudgetSheet>& sheets) {
  std::vector<Table> tables;
  tables.reserve(sheets.size());
  for (const BudgetSheet& sheet : sheets) tables.push_back(sheet.table);
  return tables;
}

namespace {

std::string ColumnLetters(int col) {
  std::string letters;
  for (int value = col + 1; value > 0; value = (value - 1) / 26) {
    letters.insert(letters.begin(), static_cast<char>('A' + (value - 1) % 26));
  }
  return letters;
}

bool EndsWith(const std::string& text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Expands a formula template for data row `row` (0-based; sheet row = row + 3 after the
// title and header rows).
core::Result<std::string> Expand(const BudgetSheet& sheet, const std::string& formula, int row) {
  const std::vector<Column>& columns = sheet.table.columns();
  auto column_of = [&columns](const std::string& key) -> int {
    for (size_t col = 0; col < columns.size(); ++col) {
      if (columns[col].key == key) return static_cast<int>(col);
    }
    return -1;
  };
  int first = -1;
  int last = -1;
  for (int idx = 0; idx < static_cast<int>(sheet.table.rows().size()); ++idx) {
    if (std::find(sheet.sum_rows.begin(), sheet.sum_rows.end(), idx) != sheet.sum_rows.end()) continue;
    if (first < 0) first = idx;
    last = idx;
  }
  std::string out = "=";
  for (size_t pos = 0; pos < formula.size(); ++pos) {
    if (formula[pos] != '{') {
      out += formula[pos];
      continue;
    }
    const size_t close = formula.find('}', pos);
    if (close == std::string::npos) return core::InternalError("unterminated formula template: " + formula);
    std::string ref = formula.substr(pos + 1, close - pos - 1);
    int target_row = row;
    const size_t colon = ref.find(':');
    if (colon != std::string::npos) {
      const std::string which = ref.substr(0, colon);
      ref = ref.substr(colon + 1);
      if (which == "first") {
        target_row = first;
      } else if (which == "last") {
        target_row = last;
      } else if (!which.empty() && which[0] == 'r') {
        target_row = std::stoi(which.substr(1));
      }
    }
    const int col = column_of(ref);
    if (col < 0) return core::InternalError("formula refers to unknown column " + ref);
    out += ColumnLetters(col) + std::to_string(target_row + 3);
    pos = close;
  }
  return out;
}

}  // namespace

core::Status WriteBudgetWorkbook(const std::string& path, const std::vector<BudgetSheet>& sheets) {
  // libxlsxwriter writes the workbook by name when it is closed: into a temporary file that is
  // renamed into place only when complete (an earlier workbook stays whole until then).
  AMIP_ASSIGN_OR_RETURN(fileio::AtomicFile file, fileio::AtomicFile::Create(path));
  lxw_workbook* workbook = workbook_new(file.temp_path().c_str());
  if (workbook == nullptr) return core::UnavailableError(path + ": cannot create workbook");
  lxw_format* euro = workbook_add_format(workbook);
  format_set_num_format(euro, "#,##0.00 [$€-407]");
  lxw_format* euro_bold = workbook_add_format(workbook);
  format_set_num_format(euro_bold, "#,##0.00 [$€-407]");
  format_set_bold(euro_bold);
  lxw_format* percent = workbook_add_format(workbook);
  format_set_num_format(percent, "0.00\" %\"");
  lxw_format* count = workbook_add_format(workbook);
  format_set_num_format(count, "#,##0");
  lxw_format* decimal = workbook_add_format(workbook);
  format_set_num_format(decimal, "#,##0.0##");
  lxw_format* bold = workbook_add_format(workbook);
  format_set_bold(bold);
  std::set<std::string> used_names;
  for (const BudgetSheet& sheet : sheets) {
    std::string name = sheet.sheet_name.substr(0, 31);
    for (int suffix = 2; used_names.count(name) > 0; ++suffix) {
      name = sheet.sheet_name.substr(0, 28) + " " + std::to_string(suffix);
    }
    used_names.insert(name);
    lxw_worksheet* worksheet = workbook_add_worksheet(workbook, name.c_str());
    if (worksheet == nullptr) {
      workbook_close(workbook);
      return core::InternalError("cannot add worksheet " + name);
    }
    const Table& table = sheet.table;
    worksheet_write_string(worksheet, 0, 0, table.title().c_str(), bold);
    const std::vector<Column>& columns = table.columns();
    std::vector<lxw_format*> formats;
    for (size_t col = 0; col < columns.size(); ++col) {
      worksheet_write_string(worksheet, 1, static_cast<lxw_col_t>(col), columns[col].label.c_str(), bold);
      const std::string& key = columns[col].key;
      formats.push_back(EndsWith(key, "_eur")       ? euro
                        : EndsWith(key, "_prozent") ? percent
                        : EndsWith(key, "_anzahl")  ? count
                        : columns[col].numeric      ? decimal
                                                    : nullptr);
      worksheet_set_column(worksheet, static_cast<lxw_col_t>(col), static_cast<lxw_col_t>(col),
                           col == 0 ? 34 : 16, nullptr);
    }
    std::map<std::pair<int, int>, std::string> formulas;
    for (int row = 0; row < static_cast<int>(table.rows().size()); ++row) {
      const bool is_sum = std::find(sheet.sum_rows.begin(), sheet.sum_rows.end(), row) != sheet.sum_rows.end();
      if (is_sum) {
        for (size_t col = 0; col < columns.size(); ++col) {
          if (!columns[col].numeric || table.rows()[static_cast<size_t>(row)][col].raw.empty()) continue;
          const std::string key = columns[col].key;
          AMIP_ASSIGN_OR_RETURN(std::string expanded,
                                Expand(sheet, "SUM({first:" + key + "}:{last:" + key + "})", row));
          formulas[std::make_pair(row, static_cast<int>(col))] = expanded;
        }
        continue;
      }
      for (const auto& [key, formula] : sheet.row_formulas) {
        for (size_t col = 0; col < columns.size(); ++col) {
          if (columns[col].key != key || table.rows()[static_cast<size_t>(row)][col].raw.empty()) continue;
          AMIP_ASSIGN_OR_RETURN(std::string expanded, Expand(sheet, formula, row));
          formulas[std::make_pair(row, static_cast<int>(col))] = expanded;
        }
      }
    }
    for (const auto& [row, key, formula] : sheet.cell_formulas) {
      for (size_t col = 0; col < columns.size(); ++col) {
        if (columns[col].key != key) continue;
        AMIP_ASSIGN_OR_RETURN(std::string expanded, Expand(sheet, formula, row));
        formulas[std::make_pair(row, static_cast<int>(col))] = expanded;
      }
    }
    for (int row = 0; row < static_cast<int>(table.rows().size()); ++row) {
      const bool is_sum = std::find(sheet.sum_rows.begin(), sheet.sum_rows.end(), row) != sheet.sum_rows.end();
      const auto& cells = table.rows()[static_cast<size_t>(row)];
      const lxw_row_t sheet_row = static_cast<lxw_row_t>(row + 2);
      for (size_t col = 0; col < columns.size(); ++col) {
        const lxw_col_t sheet_col = static_cast<lxw_col_t>(col);
        lxw_format* format = formats[col] == euro && is_sum ? euro_bold : formats[col];
        const auto formula = formulas.find({row, static_cast<int>(col)});
        double value = 0;
        const bool numeric = columns[col].numeric && !cells[col].raw.empty();
        if (numeric) value = std::stod(cells[col].raw);
        if (formula != formulas.end()) {
          worksheet_write_formula_num(worksheet, sheet_row, sheet_col, formula->second.c_str(), format, value);
        } else if (numeric) {
          worksheet_write_number(worksheet, sheet_row, sheet_col, value, format);
        } else if (!cells[col].text.empty()) {
          worksheet_write_string(worksheet, sheet_row, sheet_col, cells[col].text.c_str(), is_sum ? bold : nullptr);
        }
      }
    }
  }
  const lxw_error error = workbook_close(workbook);
  if (error != LXW_NO_ERROR) {
    return core::UnavailableError(fmt::format("{}: cannot write workbook: {}", path, lxw_strerror(error)));
  }
  return file.Commit();
}

core::Result<std::vector<Table>> BudgetDemoTables(const budget::Plan& plan,
                                                  const budget::BudgetCatalogue& catalogue,
                                                  const contract::Extract& extract, core::Month as_of) {
  AMIP_ASSIGN_OR_RETURN(budget::Vorbindungen vorbindungen, budget::ComputeVorbindungen(extract, plan, plan.jahr));
  std::vector<Table> tables{BudgetDataCheckSheet(plan, budget::CheckPlanAgainstData(plan, vorbindungen)).table};
  AMIP_ASSIGN_OR_RETURN(std::vector<BudgetSheet> plan_sheets, BudgetPlanSheets(plan, catalogue, &extract));
  for (Table& table : Tables(plan_sheets)) tables.push_back(std::move(table));
  AMIP_ASSIGN_OR_RETURN(budget::ControllingReport report, budget::ComputeControlling(extract, plan, as_of));
  for (Table& table : Tables(BudgetControllingSheets(report, catalogue))) tables.push_back(std::move(table));
  return tables;
}

core::Result<std::vector<Table>> BudgetDemoTables(const contract::Extract& extract, core::Month as_of) {
  AMIP_ASSIGN_OR_RETURN(budget::BudgetCatalogue catalogue, budget::LoadBudgetCatalogue());
  AMIP_ASSIGN_OR_RETURN(budget::Plan plan, budget::LoadEmbeddedPlan("examples/plans/amip-2025.yaml", catalogue));
  return BudgetDemoTables(plan, catalogue, extract, as_of);
}

}  // namespace amip::report
