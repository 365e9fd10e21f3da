// Bürgergeld / Arbeitslosengeld II of one Bedarfsgemeinschaft for one month (§§ 7, 9, 11–12,
// 19–22 SGB II): needs per member, KdU up to the local ceiling, income with the § 11b
// allowances, Kindergeld as the child's income with the surplus passed to the parent,
// maintenance and UVG, the wealth check and the split to members by the
// Bedarfsanteilsmethode (§ 9 Abs. 2 S. 3). Pure: no I/O, no clock.
#pragma once

#include <string>
#include <vector>

#include "benefits/household.h"
#include "benefits/netto.h"
#include "benefits/trace.h"
#include "core/money.h"
#include "core/status.h"
#include "law/law_snapshot.h"
#include "law/local_rules.h"

namespace amip::benefits {

struct Sgb2Person {
  std::string id;
  bool kind = false;
  bool in_bg = true;  // false: a child whose own income covers its need (§ 7 Abs. 3 Nr. 4)
  int stufe = 0;      // Regelbedarfsstufe 1..6
  core::Cents regelbedarf, kindersofortzuschlag, mehrbedarf, regelsatz, kdu, bedarf;
  // The Mehrbedarfe of § 21 before the cap of Abs. 8 (their capped sum is `mehrbedarf`).
  core::Cents mehrbedarf_alleinerziehend, mehrbedarf_schwangerschaft, mehrbedarf_behinderung,
      mehrbedarf_warmwasser, mehrbedarf_sonstig;
  core::Cents brutto_erwerb, netto_erwerb, freibetrag, erwerb_anrechenbar;
  core::Cents kindergeld, kindergeld_ueberschuss, unterhalt, sonstiges, einkommen;
  int kindergeld_ordinal = 0;     // the child's ordinal with its recipient (§ 66 EStG), 0 = none
  int kindergeld_empfaenger = -1; // household index of the recipient, -1 = none
  core::Cents versicherungspauschale;  // § 6 Abs. 1 Nr. 1 Alg II-V, deducted from `einkommen`
  core::Cents anspruch, anspruch_kdu;  // Bedarfsanteilsmethode
};

struct Sgb2Result {
  std::vector<Sgb2Person> personen;  // same order as the household
  core::Cents regelsatz_m_bg, kdu_m_bg, bedarf_m_bg, einkommen_m_bg, anspruch_m_bg;
  core::Cents kdu_miete_anerkannt, kdu_grenze;  // kdu_grenze 0 = none applied
  bool kdu_gekappt = false;
  core::Cents vermoegen_bg, vermoegensfreibetrag_bg;
  const char* vermoegen_formel = "";  // dated formula version of the wealth allowance
  bool vermoegen_ueber_grenze = false;
  bool hilfebeduerftig = false;
  // At least one member aged 15 … below the § 7a age limit (else SGB XII, not SGB II).
  bool erwerbsfaehiger_in_bg = true;
};

// Net earnings of a person: the given net pay or the gross→net approximation.
core::Result<core::Cents> NettoErwerb(const Household& household, const Person& person,
                                      const law::LawSnapshot& law, Trace* trace);

// Erwerbstätigenfreibetrag § 11b Abs. 2, 2b, 3 SGB II on gross monthly earnings.
core::Cents Erwerbstaetigenfreibetrag(core::Cents brutto, bool mit_kind, bool u25_ausbildung,
                                      const law::LawSnapshot& law);

// True if the person lives with a minor child of theirs (below law.volljaehrig_ab) or has one elsewhere.
bool HatMinderjaehrigesKind(const Household& household, const Person& person, const law::LawSnapshot& law);

// `local` may be null (then only an explicit kdu_grenze_m caps the rent). With a trace, the
// result is explained afterwards by TraceBuergergeld; the computation builds no text.
core::Result<Sgb2Result> ComputeBuergergeld(const Household& household,
                                            const law::LawSnapshot& law,
                                            const law::LocalRules* local, Trace* trace);

// Appends the explanation of a result of ComputeBuergergeld for `household` (steps in the
// order of the computation, each with its numbers and parameter citations) to `trace`.
void TraceBuergergeld(const Household& household, const law::LawSnapshot& law,
                      const law::LocalRules* local, const Sgb2Result& result, Trace* trace);

}  // namespace amip::benefits
