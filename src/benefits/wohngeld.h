// Wohngeld of one household for one month (WoGG): rent to be counted (§§ 9–12, caps by
// Mietstufe, heating relief, Heizkosten- and Klimakomponente), total income (§§ 13–17 with
// the § 16 flat deductions and § 17 allowances), the formula of § 19 with the fixed-point
// steps of Anlage 3 (10 decimals, round half up to whole euros), the 10 € minimum (§ 21)
// and the wealth limit. Pure: no I/O.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "benefits/household.h"
#include "benefits/trace.h"
#include "core/money.h"
#include "core/status.h"
#include "law/law_snapshot.h"
#include "law/local_rules.h"

namespace amip::benefits {

struct WohngeldOptions {
  bool bagatellgrenze = true;  // § 21 Nr. 1 WoGG; GETTSIM does not apply it
  bool vermoegen_pruefen = true;  // false: wealth known to be below the limit
  std::optional<int> abzuege_override;  // same § 16 count for everybody (conformance)
  // § 11 Abs. 3 WoGG: some members of the flat are excluded from Wohngeld (SGB II). Then M
  // is computed for the whole flat — its rent, the Höchstbetrag + Klimakomponente and the
  // heating amounts of § 12 Abs. 6 for all `haushaltsmitglieder_gesamt` members — and only
  // the share of the members considered (persons of the household passed) is counted.
  // 0 or not more than the persons passed: no exclusion.
  int haushaltsmitglieder_gesamt = 0;
  core::Cents bruttokaltmiete_gesamt;
};

struct WohngeldResult {
  int haushaltsgroesse = 0;
  int mietstufe = 0;
  core::Cents hoechstbetrag, miete_m, einkommen_m;  // M and Y of § 19
  core::Cents anspruch_m;                            // whole euros
  bool vermoegen_ueber_grenze = false;
  std::string_view formel;  // dated formula version (a static name)
};

// The ordinary formula W = faktor · (M − (a + b·M + c·Y) · Y), Anlage 3 steps, rounded to
// whole euros (may be negative before clamping). REQUIRES 1 <= n <= 12.
core::Cents WohngeldFormel(int n, core::Cents miete, core::Cents einkommen,
                           const law::WohngeldLaw& w);

core::Result<WohngeldResult> ComputeWohngeld(const Household& household,
                                             const law::LawSnapshot& law,
                                             const law::LocalRules* local,
                                             const WohngeldOptions& options, Trace* trace);

}  // namespace amip::benefits
