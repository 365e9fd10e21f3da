// Gross → net pay of an employee for one month: employee social-insurance contributions
// (Minijob, Gleitzone/Übergangsbereich, regular) and income tax from the § 32a EStG tariff
// with the standard allowances. This is an APPROXIMATION of the payslip: it is not the
// official Lohnsteuer (PAP) algorithm; every result says so (kNettoHinweis). Pure function.
#pragma once

#include <string>
#include <string_view>

#include "benefits/trace.h"
#include "core/money.h"
#include "core/status.h"
#include "law/law_snapshot.h"

namespace amip::benefits {

inline constexpr const char* kNettoHinweis =
    "Nettolohn näherungsweise berechnet (SV-Arbeitnehmeranteile + Einkommensteuer nach § 32a "
    "EStG mit Pauschbeträgen, Grundtarif, ohne Soli/Kirchensteuer), bis eine exakte "
    "Lohnsteuerberechnung vorliegt";

struct NettoResult {
  core::Cents brutto_m;
  core::Cents sozialversicherung_m;
  core::Cents einkommensteuer_m;
  core::Cents netto_m;
  std::string_view sv_formel;  // formula version used (a static name)
  int64_t zve_y = 0;           // taxable income, euros per year
  int64_t einkommensteuer_y = 0;  // euros per year
};

// REQUIRES: brutto_m >= 0. `kinderlos` adds the childless Pflege surcharge (age >= 23).
core::Result<NettoResult> ComputeNetto(core::Cents brutto_m, bool kinderlos,
                                       const law::LawSnapshot& law, Trace* trace,
                                       const std::string& person);

// Appends the explanation of `result` (of ComputeNetto) to `trace`.
void TraceNetto(const NettoResult& result, bool kinderlos, const law::LawSnapshot& law, Trace* trace,
                const std::string& person);

// Annual income tax (whole euros, rounded down) of the § 32a EStG basic tariff.
int64_t EinkommensteuerTarif(int64_t zve_euros, const law::EinkommensteuerLaw& est);

}  // namespace amip::benefits
