// The legal steps of the Bürgergeld / Alg II computation (ComputeBuergergeld), one small
// function each, returning their quantities into the Sgb2Result. sgb2.cc runs them in order;
// sgb2_trace.cc explains a finished result with the same helpers, so the trace is recorded
// from the results and the computation itself builds no text. Internal to benefits/.
// Pure functions; thread-compatible.
#pragma once

#include "benefits/household.h"
#include "benefits/sgb2.h"
#include "core/money.h"
#include "core/status.h"
#include "law/law_snapshot.h"
#include "law/local_rules.h"

namespace amip::benefits::sgb2_steps {

// True if `child` names `parent` among its parents.
bool IsChildOf(const Person& child, const Person& parent);

// Regelbedarfsstufe 1..6 of a person (§ 20 Abs. 2–4, § 23 Nr. 1 SGB II).
int Stufe(const Person& person, const law::Sgb2Law& law);

// Minor children of a single parent by age band (§ 21 Abs. 3 SGB II).
struct AlleinerziehendKinder {
  int unter_7 = 0, unter_16 = 0, unter_18 = 0;
};
AlleinerziehendKinder KinderFuerMehrbedarf(const Household& household, const Person& person,
                                           const law::Sgb2Law& law);
// Share of RBS 1 for single parents (0 = none), § 21 Abs. 3 SGB II.
double AlleinerziehendAnteil(const Household& household, const Person& person, const law::Sgb2Law& law);

// Step 1: Regelbedarf, Kindersofortzuschlag and Mehrbedarfe of person `idx` (§§ 20, 21, 23, 72).
void Bedarfe(const Household& household, int idx, const law::Sgb2Law& law, Sgb2Person& out);

// Step 1b: accepted housing costs (§ 22 SGB II) and their per-head split.
core::Status Unterkunft(const Household& household, const law::Sgb2Law& sgb2, const law::LocalRules* local,
                        Sgb2Result& out);
// § 22 Abs. 1 S. 2 SGB II: in the Karenzzeit (while the law has one) the actual rent is accepted.
bool KarenzzeitKdu(const Household& household, const law::Sgb2Law& sgb2);

// True if the childless Pflege surcharge applies to the person's earnings.
bool KinderlosFuerPflege(const Household& household, const Person& person, const law::ArbeitLaw& arbeit);
// Step 2: earnings of person `idx`: net pay, § 11b allowance, earnings counted; maintenance,
// UVG and other income.
core::Status Erwerbseinkommen(const Household& household, int idx, const law::LawSnapshot& law, Sgb2Person& out);
// True if the § 11b Abs. 2b U25 Grundabsetzbetrag rule is asked for this person.
bool U25Ausbildung(const Person& person, const law::Sgb2Law& law);

// Step 2b: Kindergeld as the child's income, ordinal per recipient, oldest child first
// (§ 66 EStG, § 11 Abs. 1 S. 5 SGB II); sets kindergeld, kindergeld_ordinal, kindergeld_empfaenger.
void Kindergeld(const Household& household, const law::LawSnapshot& law, Sgb2Result& out);

// Step 2c: income counted per member: children whose own income covers their need leave the
// BG and pass surplus Kindergeld to the recipient parent; the insurance allowance.
void Einkommen(const Household& household, const law::Sgb2Law& law, Sgb2Result& out);
// Other income before the insurance allowance of § 6 Abs. 1 Nr. 1 Alg II-V (for the trace).
core::Cents SonstigesVorPauschale(const Sgb2Person& person);

// Totals over the BG members.
void Summen(Sgb2Result& out);

// Step 3: wealth allowance of the BG members (§ 12 SGB II), by the formula version of the date.
core::Status Vermoegen(const Household& household, const law::LawSnapshot& law, Sgb2Result& out);
// § 12 Abs. 2 SGB II a.F.: the allowance of one person (until 2022).
core::Cents FreibetragAltPerson(const Household& household, const Person& person, const law::LawSnapshot& law);
// Number of BG members (persons with in_bg).
int BgMitglieder(const Sgb2Result& result);

// Step 3b: someone of working age in the BG (§ 7 Abs. 1 Nr. 1, § 7a SGB II).
bool ErwerbsfaehigerInBg(const Household& household, const law::Sgb2Law& law);

// Step 4 and 5: need for help, claim, and the Bedarfsanteilsmethode (§ 9 Abs. 2 S. 3).
void Anspruch(Sgb2Result& out);
// The need left to each member after its own income (children) for the split.
core::Cents UngedeckterBedarf(const Sgb2Person& person);

}  // namespace amip::benefits::sgb2_steps
