// Household: the input of one benefit computation — the persons living in one flat, their
// flat and the month. The household may hold several Bedarfsgemeinschaften (§ 7 Abs. 3
// SGB II), derived from the partner and parent links (Bedarfsgemeinschaften), each with its
// per-head share of the flat (Teilhaushalt). ParseHouseholdCase reads the documented YAML case format
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

namespace amip::law {
struct Sgb2Law;
}  // namespace amip::law

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

// One Bedarfsgemeinschaft of a household (§ 7 Abs. 3 SGB II): indices into personen, in
// household order; `id` is the id of its first member.
struct BgMembers {
  std::string id;
  std::vector<int> members;
};

// The Bedarfsgemeinschaften of a (validated) household, in order of their first member.
// A person belongs to the BG of a parent in the household if unmarried (no partner), under
// sgb2.alter_bg_kind_unter (25) and without a child of their own in the household (§ 7 Abs. 3
// Nr. 4 SGB II); partners share one BG (Nr. 3). Everyone else heads a BG of their own (Nr. 1):
// an adult child at or above that age, a child living with a partner, an unrelated flatmate.
std::vector<BgMembers> Bedarfsgemeinschaften(const Household& household, const law::Sgb2Law& sgb2);
// Bedarfsgemeinschaften(household, sgb2).size() == 1, without building the groups.
bool IsOneBedarfsgemeinschaft(const Household& household, const law::Sgb2Law& sgb2);

// The household of `members` only: links to persons outside are dropped (so an adult child
// heading its own BG is no child there), the gross cold rent, heating, flat size and an
// explicit KdU ceiling are the members' per-head shares (Kopfteilprinzip, BSG B 7b AS 8/06 R
// for § 22 SGB II; § 11 Abs. 3 WoGG for the members excluded from Wohngeld), rounded so that
// the shares of a partition add up to the cent.
Household Teilhaushalt(const Household& household, const std::vector<int>& members);

// Splits `total` in parts proportional to `weights`, in whole cents, exactly summing to
// total (largest remainder; ties to the earlier part). All weights 0: all parts 0.
std::vector<core::Cents> SplitProportional(core::Cents total, const std::vector<core::Cents>& weights);
// Part `idx` of SplitProportional(total, `persons` equal weights), without the vectors.
// REQUIRES: persons >= 1, 0 <= idx < persons.
core::Cents PerHeadShare(core::Cents total, int persons, int idx);

// Ids are short; an inline compare is faster than a library call in the engines' loops.
inline bool SameId(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t pos = 0; pos < a.size(); ++pos) {
    if (a[pos] != b[pos]) return false;
  }
  return true;
}
// True if `id` is one of `ids`.
inline bool HasId(const std::vector<std::string>& ids, std::string_view id) {
  for (const std::string& each : ids) {
    if (SameId(each, id)) return true;
  }
  return false;
}

// Index of a person by id, or -1.
int FindPerson(const Household& household, std::string_view id);
// A person is a child of the (single-BG) household if it names a parent in it.
bool IsChild(const Person& person);

// Structural checks shared by every engine (parents exist, partners are mutual, amounts
// are not negative, rent given, nobody below sgb2.mindestalter without a parent). Error
// messages name the person and the field.
core::Status ValidateHousehold(const Household& household, const law::Sgb2Law& sgb2);

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
