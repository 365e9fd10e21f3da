// Kinderzuschlag (§ 6a BKGG) of one Bedarfsgemeinschaft for one month: eligibility
// (children with Kindergeld, Mindesteinkommen, until 2019-06 the Höchsteinkommensgrenze),
// the parents' need (Regelbedarf + single-parent Mehrbedarf + Wohnbedarfsanteil of the
// accepted housing costs), withdrawal of the children's and the parents' income, and the
// wealth rule. Uses the SGB II result for needs and incomes. Pure: no I/O.
#pragma once

#include <optional>
#include <string>

#include "benefits/household.h"
#include "benefits/sgb2.h"
#include "benefits/trace.h"
#include "core/money.h"
#include "core/status.h"
#include "law/law_snapshot.h"

namespace amip::benefits {

// Why there is no Kinderzuschlag before the income withdrawal.
enum class KizAusschluss { kKeiner, kKeinKind, kMindesteinkommen, kHoechsteinkommen };

struct KinderzuschlagResult {
  bool berechtigt = false;
  KizAusschluss grund = KizAusschluss::kKeiner;
  int kinder = 0;
  core::Cents erwachsenenbedarf, elterneinkommen;
  core::Cents basisbetrag_m_bg;   // after income withdrawal
  core::Cents anspruch_m_bg;      // after the wealth rule
};

// Values supplied from outside instead of being derived (conformance runs, Bescheid checks).
struct KinderzuschlagOverrides {
  std::optional<core::Cents> bruttoeinkommen_eltern_m;  // for the Mindesteinkommen test
  std::optional<core::Cents> nettoeinkommen_eltern_m;   // parents' income after SGB II allowances
  std::optional<double> mehrbedarf_alleinerziehend_anteil;  // share of RBS 1 (0.36 = 36 %)
};

core::Result<KinderzuschlagResult> ComputeKinderzuschlag(const Household& household,
                                                         const law::LawSnapshot& law,
                                                         const Sgb2Result& sgb2,
                                                         const KinderzuschlagOverrides& overrides,
                                                         Trace* trace);

}  // namespace amip::benefits
