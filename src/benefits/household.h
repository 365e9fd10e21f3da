// Household: the input of one benefit computation — persons of one household that form one
// Bedarfsgemeinschaft (§ 7 Abs. 3 SGB II) and one Wohngeld household (§ 5 WoGG), their flat
// and the month. ParseHouseholdCase reads the documented YAML case format
// (docs/household-cases.md) strictly: unknown keys, negative amounts, children without a
// parent in the household and similar are specific errors, never silent defaults.
// Pure: parses text, never reads files. Thread-compatible value types.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/money.h"
#include "core/status.h"

namespace amip::benefits {

struct Person {
  std::string id;
  int alter = 0;
  std::string partner;               // id of the Einstandspartner in the household, or ""
  std::vector<std::string> eltern;   // ids of parents in the household (children only)
  std::string kindergeld_empfaenger; // default: first parent
  bool in_ausbildung = false;        // 18–24: Kindergeld and (< 25) U25 Grundabsetzbetrag
  // Income per month.
  core::Cents bruttolohn_m;                 // gross earnings (wage + self-employment)
  std::optional<core::Cents> nettolohn_m;   // net earnings; computed from gross if absent
  core::Cents unterhalt_m, unterhaltsvorschuss_m;
  core::Cents sonstiges_einkommen_m;        // ALG I, pensions etc.: counted in full
  core::Cents vermoegen;
  // Mehrbedarfe § 21 SGB II.
  bool schwanger = false, behinderung_eingliederung = false;
  core::Cents mehrbedarf_sonstig_m;  // Abs. 5/6, amount set case by case
  bool kind_ausserhalb = false;      // has a minor child outside the household (§ 11b Abs. 3)
  int zaehlkinder_ausserhalb = 0;    // older Kindergeld children elsewhere (ordinal counting)
  bool schwerbehindert = false;      // § 17 WoGG
  std::optional<int> wohngeld_abzuege;  // § 16 WoGG count 0..3; derived if absent
  // Known amounts that replace derived ones (a Bescheid, the tax assessment, conformance):
  std::optional<core::Cents> kindergeld_m;  // Kindergeld paid for this child
  std::optional<core::Cents> erwerb_nach_werbungskosten_y;  // Wohngeld § 14: earnings − Werbungskosten
};

struct Wohnung {
  core::Cents bruttokaltmiete_m;
  core::Cents heizkosten_m;
  double wohnflaeche_qm = 0;
  bool warmwasser_dezentral = false;
  std::string gemeinde;                    // AGS or name in law/local, or ""
  std::optional<core::Cents> kdu_grenze_m; // explicit ceiling of the gross cold rent
  std::optional<int> mietstufe;            // explicit Wohngeld Mietstufe
};

struct Household {
  core::Date datum;
  std::vector<Person> personen;
  Wohnung wohnung;
  bool karenzzeit = false;  // first year of SGB II receipt (§ 12 Abs. 3, § 22 Abs. 1 SGB II)
};

// Index of a person by id, or -1.
int FindPerson(const Household& household, std::string_view id);
// A person is a child of the BG if it names a parent in the household.
bool IsChild(const Person& person);

// Structural checks shared by every engine (parents exist, partners are mutual, amounts
// are not negative, rent given). Error messages name the person and the field.
core::Status ValidateHousehold(const Household& household);

// One case file: a household plus expected outputs (tests) or an expected error.
struct HouseholdCase {
  std::string name;
  std::string source;
  double tolerance = 0.01;
  Household household;
  std::map<std::string, core::Cents> expected;  // flattened output key -> amount
  std::map<std::string, std::string> expected_text;  // e.g. "vorrang.ergebnis": "sgb2"
  std::string expect_error;  // substring of the expected error message
};

// Parses a case file; `where` (file path) prefixes every message.
core::Result<HouseholdCase> ParseHouseholdCase(std::string_view text, std::string_view where);

}  // namespace amip::benefits
