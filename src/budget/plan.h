// Plan: one plan year of a Jobcenter's budget as read from a plan file (docs/budget.md):
// EGT and VK allocations and adjustments, Vorbindungen, Budget Neugeschäft, Drittmittel,
// Finanzposition shares, the instrument plan, the KdU budget, target values and the
// optimiser's settings. Every figure keeps the line it was read from and, for printed
// figures rounded in the source ("rd. 7,98 Mio"), the unit it was rounded to, so the checker
// can verify each identity within the rounding of its terms. Plain value types.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "budget/catalogue.h"
#include "core/date.h"
#include "core/money.h"
#include "core/status.h"

namespace amip::budget {

// A euro figure of the plan. `rounding` is the unit the printed figure was rounded to
// (0 = exact to the cent); absent figures have present == false.
struct MoneyFigure {
  bool present = false;
  core::Cents value;
  core::Cents rounding;
  int line = 0;
};

// A percentage or a count. `rounding` is the unit of the last printed digit (84.8 -> 0.1).
struct NumberFigure {
  bool present = false;
  double value = 0;
  double rounding = 0;
  int line = 0;
  bool upper_bound = false;  // printed as "<100": value is 99, an upper bound
};

// Whether the printed Zuteilung is the allocation before the shift to the VK (AMIP 2014,
// Abb. 2: "Zuteilung … − Entnahme Verwaltungsbudget") or the integration money left after it
// (AMIP 2025: "17,1 Mio. EUR im Eingliederungshaushalt", the 7,98 Mio. being inside the
// 46,7 Mio. Verwaltungshaushalt). Plan key `zuteilung_stand`; required with an Umschichtung.
enum class ZuteilungStand { kNichtAngegeben, kVorUmschichtung, kNachUmschichtung };

// Eingliederungsbudget (EGT): allocation, adjustments and what is left for new business.
struct Eingliederungsbudget {
  ZuteilungStand zuteilung_stand = ZuteilungStand::kNichtAngegeben;
  int zuteilung_stand_line = 0;
  MoneyFigure zuteilung;                 // federal allocation (orientation or final value)
  MoneyFigure ausfinanzierung;           // + Ausfinanzierung of old commitments (§ 16e a.F.)
  MoneyFigure pauschale_erstattungen;    // + lump-sum reimbursements (e.g. FbW/Reha before 2025)
  MoneyFigure umschichtung_egt_nach_vk;  // − Entnahme for VK (negative: VK -> EGT)
  MoneyFigure gesamtbudget;              // = printed EGL Gesamtbudget
  MoneyFigure vorbindungen;              // − bound by earlier years' commitments
  bool vorbindungen_aus_daten = false;   // "vorbindungen: aus_daten": computed from measure spells
  MoneyFigure neugeschaeft;              // = printed Budget Neugeschäft
};

// Verwaltungskostenbudget (VK).
struct Verwaltungsbudget {
  MoneyFigure zuteilung;
  MoneyFigure aufwand_vorjahr;
  MoneyFigure aufwand;
  NumberFigure steigerung_prozent;  // (aufwand / aufwand_vorjahr − 1) × 100
  MoneyFigure kuerzung_bundesmittel;
  MoneyFigure unterfinanzierung_vorjahr;
  MoneyFigure unterfinanzierung;  // financed from the EGT
};

struct Haushaltsansatz {
  MoneyFigure gesamt;
  MoneyFigure vk;
  MoneyFigure egt;
};

// Lump-sum reimbursement against existing obligations (AMIP 2025 § 4.1).
struct PauschaleErstattung {
  MoneyFigure erstattung;
  MoneyFigure verpflichtungen;
  MoneyFigure differenz;  // verpflichtungen − erstattung, reduces the EGT
  // Data-contract instrument codes whose participations the Verpflichtungen are (2025: FbW and
  // Reha begun by 31.12.2024); with data, their Vorbindungen are compared with `verpflichtungen`.
  std::vector<std::string> instrumente;
  int instrumente_line = 0;
};

// Printed year-over-year changes.
struct Vorjahresvergleich {
  MoneyFigure neugeschaeft;
  MoneyFigure zuteilung_einschl_ausfinanzierung;
  MoneyFigure umschichtung_egt_nach_vk;
  MoneyFigure vorbindungen;
};

struct Drittmittelprojekt {
  std::string name;
  int line = 0;
  MoneyFigure volumen;         // total volume
  MoneyFigure kofinanzierung;  // the Jobcenter's own co-financing (from the EGT)
  NumberFigure eintritte;
  NumberFigure erwartete_integrationen;
};

// Shares of the Neugeschäft by Finanzposition (percent) for one plan year.
struct Anteile {
  int jahr = 0;
  int line = 0;
  std::map<std::string, NumberFigure> finanzpositionen;  // "I" -> 84.8
  std::map<std::string, NumberFigure> instrumente;       // "fbw" -> 24.5 (within the total)
};

// One line of the instrument plan.
struct InstrumentLine {
  std::string code;  // plan-level code (instrument or group) from the budget catalogue
  int line = 0;
  NumberFigure eintritte;          // planned entries (or places, see `plaetze`)
  bool plaetze = false;            // the figure counts places; treated as entries (docs/budget.md)
  NumberFigure eintritte_vorjahr;  // printed previous year's figure
  MoneyFigure kosten_je_eintritt;  // average total cost per entry
  int dauer_monate = 0;            // average duration; 0 = not given
  std::vector<double> profil;      // 12 monthly weights of entries (empty = even)
  std::string finanzierung = "egt";  // egt | ba | drittmittel | kommune
  std::optional<double> wirkung;     // expected integrations per entry, if given in the plan
  std::optional<int64_t> min_eintritte;
  std::optional<int64_t> max_eintritte;
  std::map<std::string, double> zielgruppen;  // share of entries in a target group (0..1)
  // "darunter": sub-lines (e.g. FbW: abschlussorientiert; MAbE: beim Arbeitgeber / Träger).
  std::vector<InstrumentLine> darunter;
  bool darunter_vollstaendig = false;  // the sub-lines add up to the line
  // Data-contract instrument codes this line counts in the controlling.
  std::vector<std::string> covered;
};

struct KdUPosition {
  std::string name;
  int line = 0;
  MoneyFigure ansatz_vorjahr;
  MoneyFigure ist_vorjahr;
  MoneyFigure ansatz;
};

struct KdUBudget {
  bool present = false;
  int line = 0;
  std::vector<KdUPosition> positionen;
  KdUPosition gesamt;
};

// Spending lines of a year (e.g. AMIP 2025: about 341 Mio).
struct Ausgaben {
  bool present = false;
  std::vector<std::pair<std::string, MoneyFigure>> positionen;
  MoneyFigure gesamt;
};

// A target (Zielwert) split by sex with a printed "rechnerisch" total.
struct Zielwert {
  std::string name;
  int line = 0;
  bool quote = false;  // a rate in percent (total lies between the parts) or a count (sum)
  NumberFigure frauen;
  NumberFigure maenner;
  NumberFigure gesamt;
};

struct Zielgruppenquote {
  std::string name;
  double mindestanteil = 0;  // share of all optimised entries (0..1)
  int line = 0;
};

struct FinanzpositionGrenze {
  std::string code;
  std::optional<double> min_anteil;  // share of this year's new cash (0..1)
  std::optional<double> max_anteil;
  int line = 0;
};

struct Optimierung {
  bool present = false;
  int wirkungsfenster_monate = 6;  // integration within this many months after the end
  int64_t mindestfaelle = 30;      // fewer observed participations: use the plan's value
  std::map<int, core::Cents> ve_grenzen;  // year -> limit on commitments (VE) for that year
  std::vector<FinanzpositionGrenze> finanzpositionen;
  std::vector<Zielgruppenquote> zielgruppen;
};

struct Controlling {
  double schwelle_prozent = 5.0;  // warn when |Hochrechnung − Budget| > schwelle × Budget
  // Finding when the Vorbindungen from the data differ from those the plan implies by more
  // than this share of the plan's figure (plus the figure's rounding), docs/budget.md.
  double vorbindungen_schwelle_prozent = 10.0;
};

struct Plan {
  std::string file;  // as given, for messages
  int jahr = 0;
  std::string jobcenter;
  std::string quelle;
  Eingliederungsbudget egt;
  Verwaltungsbudget vk;
  Haushaltsansatz haushaltsansatz;
  PauschaleErstattung pauschale;
  Vorjahresvergleich vorjahr;
  std::vector<Drittmittelprojekt> drittmittel;
  std::vector<Anteile> anteile;
  std::vector<InstrumentLine> instrumente;
  KdUBudget kdu;
  Ausgaben ausgaben;
  std::vector<Zielwert> ziele;
  Optimierung optimierung;
  Controlling controlling;
  // Finanzposition of every plan-level code used in the plan (from the budget catalogue).
  std::map<std::string, std::string> finanzposition_of;
};

// Parses a plan file strictly: unknown keys, unknown instruments, negative entries or
// amounts, shares outside 0..100 % and a missing `jahr` are errors naming file:line:column.
core::Result<Plan> ParsePlan(std::string_view yaml_text, std::string_view file,
                             const BudgetCatalogue& catalogue);
core::Result<Plan> LoadPlanFile(const std::string& path, const BudgetCatalogue& catalogue);
// A plan embedded in the binary (resources::Find), e.g. "examples/plans/amip-2025.yaml" once
// the resource embedding covers examples/; NotFound otherwise.
core::Result<Plan> LoadEmbeddedPlan(std::string_view path, const BudgetCatalogue& catalogue);

// Normalised monthly entry weights of a line (12 values summing to 1).
std::vector<double> EntryProfile(const InstrumentLine& line);

}  // namespace amip::budget
